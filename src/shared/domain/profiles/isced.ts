/**
 * ISCED 2011 (International Standard Classification of Education, UNESCO Institute for
 * Statistics), levels 0–8, with the German school and study programmes they usually stand for.
 */
export const iscedLevels = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
export type IscedLevel = (typeof iscedLevels)[number];

export const iscedLabels: Record<IscedLevel, { de: string; en: string; examplesDe: string }> = {
  0: { de: 'Frühkindliche Bildung', en: 'Early childhood education', examplesDe: 'Kindergarten, Vorschule' },
  1: { de: 'Primarbereich', en: 'Primary education', examplesDe: 'Grundschule' },
  2: { de: 'Sekundarbereich I', en: 'Lower secondary education', examplesDe: 'Hauptschule, Realschule, Klassen 5–10' },
  3: {
    de: 'Sekundarbereich II',
    en: 'Upper secondary education',
    examplesDe: 'Gymnasiale Oberstufe, Berufsausbildung im dualen System',
  },
  4: {
    de: 'Postsekundarer nicht tertiärer Bereich',
    en: 'Post-secondary non-tertiary education',
    examplesDe: 'Zweite Berufsausbildung, Abendgymnasium nach Berufsausbildung',
  },
  5: { de: 'Kurzes tertiäres Bildungsprogramm', en: 'Short-cycle tertiary education', examplesDe: 'kaum in Deutschland' },
  6: {
    de: 'Bachelor- bzw. gleichwertiges Bildungsprogramm',
    en: 'Bachelor’s or equivalent level',
    examplesDe: 'Bachelor, Meister/Techniker, Fachschule',
  },
  7: {
    de: 'Master- bzw. gleichwertiges Bildungsprogramm',
    en: 'Master’s or equivalent level',
    examplesDe: 'Master, Diplom (Universität), Staatsexamen',
  },
  8: { de: 'Promotion', en: 'Doctoral or equivalent level', examplesDe: 'Promotion' },
};

export function isIscedLevel(n: unknown): n is IscedLevel {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 8;
}
