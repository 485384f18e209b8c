import { formatCalendarDay } from '../../lib/format';
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';

/** A calendar day as the user's language writes it (one implementation: lib/format). */
export const formatDay = formatCalendarDay;

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
