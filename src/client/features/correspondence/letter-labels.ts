import type { TFunction } from 'i18next';
import type { LetterLanguage, LetterStatus, LetterTemplateKey } from '../../../shared/contracts/letters';

/** Labels of templates, languages and statuses in the UI language. */
export const templateLabel = (t: TFunction, key: LetterTemplateKey) => t(`letters.templates.${key}`);
export const languageLabel = (t: TFunction, language: LetterLanguage) => t(`letters.languages.${language}`);
export const statusLabel = (t: TFunction, status: LetterStatus) => t(`letters.statuses.${status}`);

/** KERN badge of a delivery status (the same tones as the agency's outbox). */
export function statusBadgeClass(status: LetterStatus): string {
  const tone =
    status === 'delivered'
      ? 'success'
      : status === 'returned' || status === 'undeliverable'
        ? 'danger'
        : status === 'sent'
          ? 'warning'
          : 'info';
  return `kern-badge kern-badge--${tone}`;
}
