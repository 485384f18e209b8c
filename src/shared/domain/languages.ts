/**
 * Languages that Mülheim's offices meet most often, with the names caseworkers use, keyed by the
 * ISO 639-1/639-3 code that `languageCodeSchema` (contracts/people.ts) accepts. Dari (prs) and
 * Sorani (ckb) are kept apart from Persian and Kurmanji: an interpreter for one does not cover
 * the other. Shared by the people module (languages, interpreter) and case appointments
 * (interpreter language), so both offer the same list.
 */
export const languageNames: Readonly<Record<string, { de: string; en: string }>> = {
  de: { de: 'Deutsch', en: 'German' },
  en: { de: 'Englisch', en: 'English' },
  ar: { de: 'Arabisch', en: 'Arabic' },
  fa: { de: 'Persisch (Farsi)', en: 'Persian (Farsi)' },
  prs: { de: 'Dari', en: 'Dari' },
  ps: { de: 'Paschtu', en: 'Pashto' },
  ku: { de: 'Kurdisch (Kurmandschi)', en: 'Kurdish (Kurmanji)' },
  ckb: { de: 'Kurdisch (Sorani)', en: 'Kurdish (Sorani)' },
  ti: { de: 'Tigrinya', en: 'Tigrinya' },
  am: { de: 'Amharisch', en: 'Amharic' },
  so: { de: 'Somali', en: 'Somali' },
  tr: { de: 'Türkisch', en: 'Turkish' },
  uk: { de: 'Ukrainisch', en: 'Ukrainian' },
  ru: { de: 'Russisch', en: 'Russian' },
  fr: { de: 'Französisch', en: 'French' },
  es: { de: 'Spanisch', en: 'Spanish' },
  it: { de: 'Italienisch', en: 'Italian' },
  pl: { de: 'Polnisch', en: 'Polish' },
  ro: { de: 'Rumänisch', en: 'Romanian' },
  bg: { de: 'Bulgarisch', en: 'Bulgarian' },
  sq: { de: 'Albanisch', en: 'Albanian' },
  sr: { de: 'Serbisch', en: 'Serbian' },
  ur: { de: 'Urdu', en: 'Urdu' },
  hi: { de: 'Hindi', en: 'Hindi' },
  bn: { de: 'Bengalisch', en: 'Bengali' },
  ha: { de: 'Hausa', en: 'Hausa' },
  yo: { de: 'Yoruba', en: 'Yoruba' },
  ig: { de: 'Igbo', en: 'Igbo' },
  ff: { de: 'Fulfulde (Ful)', en: 'Fula (Fulfulde)' },
  wo: { de: 'Wolof', en: 'Wolof' },
  ln: { de: 'Lingala', en: 'Lingala' },
  sw: { de: 'Swahili', en: 'Swahili' },
};
