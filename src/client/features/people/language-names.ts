import { currentLanguage } from '../../lib/i18n';

/**
 * Languages that Mülheim's offices meet most often, with the names caseworkers use. Dari (prs) and
 * Sorani (ckb) are kept apart from Persian and Kurmanji: an interpreter for one does not cover the other.
 */
const LANGUAGE_NAMES: Record<string, { de: string; en: string }> = {
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

/** The value of the language select that reveals a free code input. */
export const OTHER_LANGUAGE = 'other';

export function isListedLanguage(code: string): boolean {
  return Object.hasOwn(LANGUAGE_NAMES, code);
}

/** "Arabisch"; for codes outside the list the browser's name, else the code itself. */
export function languageName(code: string): string {
  const lang = currentLanguage() === 'de' ? 'de' : 'en';
  const listed = LANGUAGE_NAMES[code];
  if (listed) return listed[lang];
  try {
    const name = new Intl.DisplayNames([lang === 'de' ? 'de-DE' : 'en-GB'], { type: 'language', fallback: 'code' }).of(
      code,
    );
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** "Arabisch (ar)": name and code, as both are used in files from other offices. */
export function languageLabel(code: string): string {
  const name = languageName(code);
  return name === code ? code : `${name} (${code})`;
}

/** The listed languages, German first, then alphabetically by name in the UI language. */
export function languageOptions(): { value: string; label: string }[] {
  const lang = currentLanguage() === 'de' ? 'de' : 'en';
  const collator = new Intl.Collator(lang);
  return Object.keys(LANGUAGE_NAMES)
    .map((code) => ({ value: code, label: LANGUAGE_NAMES[code]![lang] }))
    .sort((a, b) => (a.value === 'de' ? -1 : b.value === 'de' ? 1 : collator.compare(a.label, b.label)));
}
