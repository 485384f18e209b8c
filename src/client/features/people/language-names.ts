import { currentLanguage } from '../../lib/i18n';
import { languageNames as LANGUAGE_NAMES } from '../../../shared/domain/languages';

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
