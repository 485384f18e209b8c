import { formatCalendarDay } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';

/** A calendar day as the user's language writes it (one implementation: lib/format). */
export const formatDay = formatCalendarDay;

/** The calendar day of an instant in Europe/Berlin, formatted. */
export function formatInstantDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Europe/Berlin',
  }).format(d);
}
