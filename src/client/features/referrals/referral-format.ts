import type { FieldErrors } from 'react-hook-form';
import { currentLanguage } from '../../lib/i18n';

/** A label pair from the shared domain or the server in the UI language (German first, English second). */
export function inUiLanguage(label: { de: string; en: string }): string {
  return currentLanguage() === 'de' ? label.de : label.en;
}

/** Client-side rule failures in react-hook-form's error shape, for the error summary. */
export function ruleErrors(entries: [string, string][]): FieldErrors {
  return Object.fromEntries(entries.map(([path, message]) => [path, { type: 'rule', message }]));
}
