import { currentLanguage } from './i18n';

function locale(): string {
  return currentLanguage() === 'de' ? 'de-DE' : 'en-GB';
}

/** "24.11.2025, 14:05" in German, "24 Nov 2025, 14:05" in English. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDateTimeWithSeconds(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

/**
 * A calendar day 'YYYY-MM-DD' as "24.11.2026" (German) or "24 Nov 2026" (English): the day itself,
 * no time zone. Anything else (a year alone, "1990-xx") is shown as given.
 */
export function formatCalendarDay(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  if (currentLanguage() === 'de') return `${m[3]}.${m[2]}.${m[1]}`;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Groups a base32 secret in blocks of four so it can be typed without losing one's place. */
export function groupInFours(value: string): string {
  return value.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}
