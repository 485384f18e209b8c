import { cefrLevels, type CefrLevel } from '../referrals/criteria';

/**
 * Common European Framework of Reference for Languages (CEFR, Council of Europe; German: GER,
 * Gemeinsamer europäischer Referenzrahmen): levels with short global descriptors, and the four
 * skills a profile records for German.
 */
export { cefrLevels, type CefrLevel };

export const germanSkills = ['reading', 'listening', 'writing', 'speaking'] as const;
export type GermanSkill = (typeof germanSkills)[number];

export const germanSkillLabels: Record<GermanSkill, { de: string; en: string }> = {
  reading: { de: 'Lesen', en: 'Reading' },
  listening: { de: 'Hören', en: 'Listening' },
  writing: { de: 'Schreiben', en: 'Writing' },
  speaking: { de: 'Sprechen', en: 'Speaking' },
};

export const cefrDescriptors: Record<CefrLevel, { de: string; en: string; nameDe: string; nameEn: string }> = {
  A1: {
    nameDe: 'Anfänger',
    nameEn: 'Beginner',
    de: 'Versteht und verwendet vertraute, alltägliche Ausdrücke und ganz einfache Sätze.',
    en: 'Understands and uses familiar everyday expressions and very basic phrases.',
  },
  A2: {
    nameDe: 'Grundlegende Kenntnisse',
    nameEn: 'Elementary',
    de: 'Verständigt sich in einfachen, routinemäßigen Situationen über vertraute Dinge.',
    en: 'Communicates in simple and routine tasks on familiar matters.',
  },
  B1: {
    nameDe: 'Fortgeschrittene Sprachverwendung',
    nameEn: 'Intermediate',
    de: 'Versteht die Hauptpunkte klarer Standardsprache zu vertrauten Themen aus Arbeit, Schule und Freizeit.',
    en: 'Understands the main points of clear standard input on familiar matters at work, school and leisure.',
  },
  B2: {
    nameDe: 'Selbständige Sprachverwendung',
    nameEn: 'Upper intermediate',
    de: 'Versteht komplexe Texte und verständigt sich spontan und fließend, auch im Fachgebiet.',
    en: 'Understands complex texts and interacts with fluency and spontaneity, also in their field.',
  },
  C1: {
    nameDe: 'Fachkundige Sprachkenntnisse',
    nameEn: 'Advanced',
    de: 'Drückt sich spontan und fließend aus und verwendet die Sprache wirksam im Beruf und in der Ausbildung.',
    en: 'Expresses ideas fluently and uses language flexibly for professional and academic purposes.',
  },
  C2: {
    nameDe: 'Annähernd muttersprachliche Kenntnisse',
    nameEn: 'Proficient',
    de: 'Versteht praktisch alles mühelos und drückt sich sehr flüssig und genau aus.',
    en: 'Understands virtually everything with ease and expresses themselves very fluently and precisely.',
  },
};
