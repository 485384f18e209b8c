import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { currentLanguage } from '../../lib/i18n';

/** A calendar day 'YYYY-MM-DD' as "24.11.2026" (German) or "24 Nov 2026" (English). */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  if (currentLanguage() === 'de') return `${m[3]}.${m[2]}.${m[1]}`;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * The message of a refused write: the server's reasons (e.g. why a 403 or 409 happened) when it
 * gave some, else its general message.
 */
export function problemText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    return error.fieldErrors.map((f) => f.message).join(' ');
  }
  return errorMessage(error, t);
}

/** "Sozialamt – Sabine Schulte", or the agency alone when nobody is named. */
export function assigneeLabel(assignee: {
  agency: { name: string };
  user: { displayName: string } | null;
}): string {
  return assignee.user ? `${assignee.agency.name} – ${assignee.user.displayName}` : assignee.agency.name;
}
