import {
  letterLanguages,
  rtlLetterLanguages,
  type LetterLanguage,
  type LetterTemplateKey,
  type TemplateFieldKind,
} from '../../contracts/letters';
import { languageNames } from '../languages';
import { letterTextsAr } from './letter-texts-ar';
import { letterTextsDe } from './letter-texts-de';
import { letterTextsEn } from './letter-texts-en';
import { letterTextsFa } from './letter-texts-fa';
import { letterTextsRu } from './letter-texts-ru';
import { letterTextsTr } from './letter-texts-tr';
import { letterTextsUk } from './letter-texts-uk';

/**
 * The catalogue of letter templates (issue 8): per template the fields the caseworker fills in,
 * and per language the subject, the body with `{placeholders}` and the legal notice
 * (Rechtsfolgenbelehrung, Mitwirkungspflicht, Anhörung, Rechtsbehelfsbelehrung).
 *
 * A letter in another language is always printed with the German original: the translation is
 * for the person's understanding, the German original is the legally binding text.
 *
 * TRANSLATIONS: the texts in en, ar, fa, uk, tr and ru were written by the development team and
 * MUST be reviewed by a certified translator (and the German texts by the legal department)
 * before production use. See docs/correspondence.md.
 */

export type LetterFieldDefinition = {
  key: string;
  labelDe: string;
  labelEn: string;
  kind: TemplateFieldKind;
  required: boolean;
  /** Taken from the linked appointment when one is chosen and the caseworker left it empty. */
  fromAppointment: boolean;
};

export type LetterTemplateDefinition = {
  key: LetterTemplateKey;
  nameDe: string;
  nameEn: string;
  descriptionDe: string;
  descriptionEn: string;
  usesAppointment: boolean;
  fields: LetterFieldDefinition[];
};

/** A paragraph, or one that is printed only when the value `when` is not empty. */
export type LetterParagraph = string | { when: string; text: string };

export type LetterTemplateText = {
  subject: string;
  paragraphs: LetterParagraph[];
  /** The legal notice printed in a box after the body. */
  notice: { heading: string; paragraphs: LetterParagraph[] } | null;
};

export type LetterLanguageTexts = {
  /** The language's own name (shown on the translation). */
  languageName: string;
  /** Heading of the part: "Übersetzung", "Deutsches Original". */
  partHeading: string;
  /** On a translation: only the German original is binding. */
  translationNote: string;
  salutation: string;
  closing: string;
  dateLabel: string;
  caseLabel: string;
  contactLabel: string;
  templates: Record<LetterTemplateKey, LetterTemplateText>;
};

/** Placeholders every letter gets from the case, the person and the sending agency. */
export const automaticPlaceholders = [
  'personName',
  'agencyName',
  'agencyAddress',
  'agencyContact',
  'caseReference',
  'today',
  'interpreterLanguage',
] as const;
export type AutomaticPlaceholder = (typeof automaticPlaceholders)[number];

const appointmentFields: LetterFieldDefinition[] = [
  {
    key: 'appointmentDate',
    labelDe: 'Datum des Termins',
    labelEn: 'Date of the appointment',
    kind: 'date',
    required: true,
    fromAppointment: true,
  },
  { key: 'appointmentTime', labelDe: 'Uhrzeit', labelEn: 'Time', kind: 'time', required: true, fromAppointment: true },
  {
    key: 'appointmentPlace',
    labelDe: 'Ort (Adresse, Raum)',
    labelEn: 'Place (address, room)',
    kind: 'text',
    required: true,
    fromAppointment: true,
  },
  {
    key: 'topic',
    labelDe: 'Anlass des Termins',
    labelEn: 'Purpose of the appointment',
    kind: 'text',
    required: true,
    fromAppointment: false,
  },
  {
    key: 'bringAlong',
    labelDe: 'Bitte mitbringen (eine Angabe je Zeile)',
    labelEn: 'Please bring (one item per line)',
    kind: 'multiline',
    required: false,
    fromAppointment: false,
  },
];

export const letterTemplates: readonly LetterTemplateDefinition[] = [
  {
    key: 'invitation',
    nameDe: 'Einladung (Meldeaufforderung)',
    nameEn: 'Invitation (summons to report)',
    descriptionDe:
      'Einladung zu einem Termin nach § 59 SGB II / § 309 SGB III mit Rechtsfolgenbelehrung: Ein Versäumnis ohne wichtigen Grund kann das Bürgergeld mindern.',
    descriptionEn:
      'Invitation to an appointment under § 59 SGB II / § 309 SGB III with the notice of legal consequences: missing it without an important reason can reduce the Bürgergeld.',
    usesAppointment: true,
    fields: appointmentFields,
  },
  {
    key: 'appointment',
    nameDe: 'Terminmitteilung',
    nameEn: 'Appointment letter',
    descriptionDe: 'Mitteilung eines vereinbarten Termins, ohne Rechtsfolgen.',
    descriptionEn: 'Notice of an agreed appointment, without legal consequences.',
    usesAppointment: true,
    fields: appointmentFields,
  },
  {
    key: 'document_request',
    nameDe: 'Anforderung von Unterlagen',
    nameEn: 'Request for documents',
    descriptionDe: 'Aufforderung, Unterlagen bis zu einer Frist vorzulegen (Mitwirkung nach § 60 SGB I).',
    descriptionEn: 'Request to submit documents by a deadline (duty to cooperate, § 60 SGB I).',
    usesAppointment: false,
    fields: [
      {
        key: 'purpose',
        labelDe: 'Wofür die Unterlagen gebraucht werden',
        labelEn: 'What the documents are needed for',
        kind: 'text',
        required: true,
        fromAppointment: false,
      },
      {
        key: 'documents',
        labelDe: 'Unterlagen (eine je Zeile)',
        labelEn: 'Documents (one per line)',
        kind: 'multiline',
        required: true,
        fromAppointment: false,
      },
      { key: 'deadline', labelDe: 'Frist', labelEn: 'Deadline', kind: 'date', required: true, fromAppointment: false },
    ],
  },
  {
    key: 'sanction_hearing',
    nameDe: 'Anhörung vor einer Leistungsminderung',
    nameEn: 'Hearing before a reduction of benefits',
    descriptionDe:
      'Anhörung nach § 24 SGB X zu einem versäumten Termin, bevor das Bürgergeld nach § 32 SGB II gemindert wird; mit Frist zur Äußerung.',
    descriptionEn:
      'Hearing under § 24 SGB X about a missed appointment before the Bürgergeld is reduced under § 32 SGB II; with a deadline to reply.',
    usesAppointment: true,
    fields: [
      {
        key: 'appointmentDate',
        labelDe: 'Datum des versäumten Termins',
        labelEn: 'Date of the missed appointment',
        kind: 'date',
        required: true,
        fromAppointment: true,
      },
      {
        key: 'appointmentTime',
        labelDe: 'Uhrzeit des versäumten Termins',
        labelEn: 'Time of the missed appointment',
        kind: 'time',
        required: true,
        fromAppointment: true,
      },
      {
        key: 'replyDeadline',
        labelDe: 'Frist zur Äußerung',
        labelEn: 'Deadline to reply',
        kind: 'date',
        required: true,
        fromAppointment: false,
      },
    ],
  },
  {
    key: 'decision_cover',
    nameDe: 'Begleitschreiben zu einem Bescheid',
    nameEn: 'Cover letter for a decision',
    descriptionDe:
      'Begleitschreiben, das den beiliegenden Bescheid erklärt und auf die Widerspruchsfrist von einem Monat hinweist.',
    descriptionEn:
      'Cover letter explaining the enclosed decision and pointing out the one-month period for an objection (Widerspruch).',
    usesAppointment: false,
    fields: [
      {
        key: 'decisionTitle',
        labelDe: 'Bescheid (Bezeichnung)',
        labelEn: 'Decision (title)',
        kind: 'text',
        required: true,
        fromAppointment: false,
      },
      {
        key: 'decisionDate',
        labelDe: 'Datum des Bescheids',
        labelEn: 'Date of the decision',
        kind: 'date',
        required: true,
        fromAppointment: false,
      },
      {
        key: 'explanation',
        labelDe: 'Erläuterung (optional)',
        labelEn: 'Explanation (optional)',
        kind: 'multiline',
        required: false,
        fromAppointment: false,
      },
    ],
  },
];

export const letterTexts: Readonly<Record<LetterLanguage, LetterLanguageTexts>> = {
  de: letterTextsDe,
  en: letterTextsEn,
  ar: letterTextsAr,
  fa: letterTextsFa,
  uk: letterTextsUk,
  tr: letterTextsTr,
  ru: letterTextsRu,
};

export function letterTemplate(key: LetterTemplateKey): LetterTemplateDefinition {
  const found = letterTemplates.find((t) => t.key === key);
  if (!found) throw new Error(`Unknown letter template ${key}`);
  return found;
}

export const isRtl = (language: LetterLanguage) => rtlLetterLanguages.includes(language);

/** The placeholders a template's texts may use: its fields and the automatic ones. */
export function allowedPlaceholders(template: LetterTemplateDefinition): Set<string> {
  return new Set([...template.fields.map((f) => f.key), ...automaticPlaceholders]);
}

const placeholderPattern = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

/** The placeholder names a text uses. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((m) => m[1]!);
}

export class UnknownPlaceholderError extends Error {
  constructor(readonly placeholder: string) {
    super(`Unknown placeholder {${placeholder}} in a letter text`);
    this.name = 'UnknownPlaceholderError';
  }
}

/**
 * Fills `{placeholders}` in `text` from `values`. A placeholder without a value becomes empty
 * (optional fields); one that is not in `allowed` is a bug of the catalogue and throws.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>, allowed: Set<string>): string {
  return text.replace(placeholderPattern, (_m, key: string) => {
    if (!allowed.has(key)) throw new UnknownPlaceholderError(key);
    return values[key] ?? '';
  });
}

/** The required fields of the template that have no value (empty or only spaces). */
export function missingRequiredFields(
  template: LetterTemplateDefinition,
  values: Readonly<Record<string, string | undefined>>,
): LetterFieldDefinition[] {
  return template.fields.filter((f) => f.required && !(values[f.key] ?? '').trim());
}

/** Field keys that the template does not know. */
export function unknownFields(template: LetterTemplateDefinition, values: Readonly<Record<string, string>>): string[] {
  const known = new Set(template.fields.map((f) => f.key));
  return Object.keys(values).filter((k) => !known.has(k));
}

/** Well-formed values per field kind: dates 'YYYY-MM-DD', times 'HH:MM', single-line text without line breaks. */
export function malformedFields(
  template: LetterTemplateDefinition,
  values: Readonly<Record<string, string>>,
): LetterFieldDefinition[] {
  return template.fields.filter((f) => {
    const v = (values[f.key] ?? '').trim();
    if (!v) return false;
    if (f.kind === 'date') return !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`));
    if (f.kind === 'time') return !/^([01]\d|2[0-3]):[0-5]\d$/.test(v);
    if (f.kind === 'text') return /[\r\n]/.test(v) || v.length > 300;
    return false;
  });
}

/** 'YYYY-MM-DD' → 'DD.MM.YYYY'. */
export function letterDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/** A filled letter part: what the PDF template prints for one language. */
export type FilledLetter = {
  language: LetterLanguage;
  direction: 'ltr' | 'rtl';
  languageName: string;
  partHeading: string;
  translationNote: string | null;
  subject: string;
  salutation: string;
  paragraphs: string[];
  notice: { heading: string; paragraphs: string[] } | null;
  closing: string;
  labels: { date: string; caseReference: string; contact: string };
};

/**
 * The letter in one language with every placeholder filled. Dates are printed as DD.MM.YYYY;
 * in a right-to-left text, values (names, dates, German terms) are wrapped in left-to-right marks
 * so their punctuation stays on their side. Paragraphs whose `when` value is empty are left out.
 */
export function fillLetter(
  templateKey: LetterTemplateKey,
  language: LetterLanguage,
  values: Readonly<Record<string, string>>,
): FilledLetter {
  const template = letterTemplate(templateKey);
  const texts = letterTexts[language];
  const text = texts.templates[templateKey];
  const allowed = allowedPlaceholders(template);
  const rtl = isRtl(language);
  const kinds = new Map(template.fields.map((f) => [f.key, f.kind]));
  const shown: Record<string, string> = {};
  for (const [key, raw] of Object.entries(values)) {
    let value = kinds.get(key) === 'date' ? letterDate(raw.trim()) : raw.trim();
    // The interpreter's language comes as a code; German names it in German, the others in English.
    if (key === 'interpreterLanguage' && value)
      value = languageNames[value]?.[language === 'de' ? 'de' : 'en'] ?? value;
    shown[key] =
      rtl && value
        ? value
            .split('\n')
            .map((line) => `\u200e${line}\u200e`)
            .join('\n')
        : value;
  }
  const fill = (t: string) => fillPlaceholders(t, shown, allowed);
  const paragraphs = (list: LetterParagraph[]) =>
    list
      .filter((p) => typeof p === 'string' || (values[p.when] ?? '').trim() !== '')
      .map((p) => fill(typeof p === 'string' ? p : p.text));
  return {
    language,
    direction: rtl ? 'rtl' : 'ltr',
    languageName: texts.languageName,
    partHeading: texts.partHeading,
    translationNote: language === 'de' ? null : texts.translationNote,
    subject: fill(text.subject),
    salutation: fill(texts.salutation),
    paragraphs: paragraphs(text.paragraphs),
    notice: text.notice ? { heading: fill(text.notice.heading), paragraphs: paragraphs(text.notice.paragraphs) } : null,
    closing: fill(texts.closing),
    labels: { date: texts.dateLabel, caseReference: texts.caseLabel, contact: texts.contactLabel },
  };
}

/** The parts of the printed letter: the translation first, then the German original (German: the original alone). */
export function letterParts(
  templateKey: LetterTemplateKey,
  language: LetterLanguage,
  values: Readonly<Record<string, string>>,
): FilledLetter[] {
  const german = fillLetter(templateKey, 'de', values);
  return language === 'de' ? [german] : [fillLetter(templateKey, language, values), german];
}

export { letterLanguages };
