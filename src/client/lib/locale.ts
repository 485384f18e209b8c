import type { Me } from '../../shared/contracts/auth';
import { api } from './api';
import { changeLanguage, currentLanguage, type UiLanguage } from './i18n';

let chosenBeforeSignIn: UiLanguage | null = null;

/** Remembers a language picked on the login page, so it wins over the stored preference after sign-in. */
export function noteLanguageChosenBeforeSignIn(language: UiLanguage): void {
  chosenBeforeSignIn = language;
}

/** Stores the user's language on the server; the server uses it for messages and letters. */
export async function saveUserLocale(language: UiLanguage): Promise<void> {
  await api.put('/auth/locale', { locale: language });
}

/**
 * After sign-in the user's stored language applies, unless they just picked one on the login page:
 * then that choice is saved as their new preference.
 */
export async function syncLocaleAfterSignIn(me: Me): Promise<void> {
  const picked = chosenBeforeSignIn;
  chosenBeforeSignIn = null;
  if (picked && picked !== me.user.locale) {
    await saveUserLocale(picked).catch(() => undefined);
    return;
  }
  if (me.user.locale !== currentLanguage()) await changeLanguage(me.user.locale);
}
