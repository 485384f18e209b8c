import { useTranslation } from 'react-i18next';
import { changeLanguage, isUiLanguage } from '../lib/i18n';
import { noteLanguageChosenBeforeSignIn, saveUserLocale } from '../lib/locale';
import { isSessionComplete, useMe } from '../lib/session';

/** Switches between German and English; signed in, the choice is stored with the user account. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const target = t('app.otherLanguageCode');

  async function onSwitch() {
    if (!isUiLanguage(target)) return;
    await changeLanguage(target);
    if (isSessionComplete(me)) {
      // Failing to store the preference must not undo the switch the user can already see.
      await saveUserLocale(target).catch(() => undefined);
    } else {
      noteLanguageChosenBeforeSignIn(target);
    }
  }

  return (
    <button
      type="button"
      className="kern-btn kern-btn--tertiary lotse-language-switch"
      onClick={() => void onSwitch()}
      aria-label={t('app.switchToLanguage')}
      lang={target}
    >
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      <span className="kern-label">{t('app.otherLanguageName')}</span>
    </button>
  );
}
