import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiDe } from '../../shared/i18n/ui-de';
import { uiEn } from '../../shared/i18n/ui-en';
import { setLanguageProvider } from './api';

export const uiLanguages = ['de', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

const STORAGE_KEY = 'lotse.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

function storedLanguage(): UiLanguage {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : 'de';
  } catch {
    return 'de';
  }
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'de';
}

/** Switches the UI language, remembers it on this device and updates `<html lang>`. */
export async function changeLanguage(language: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or blocked storage: the choice then lasts for this page only.
  }
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: uiDe }, en: { translation: uiEn } },
    lng: storedLanguage(),
    fallbackLng: 'de',
    supportedLngs: [...uiLanguages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = currentLanguage();
  setLanguageProvider(currentLanguage);
  return i18next;
}
