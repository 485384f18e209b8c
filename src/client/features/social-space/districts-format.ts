import type { TFunction } from 'i18next';
import type { ClientCount } from '../../../shared/contracts/districts';

/** A calendar date ('YYYY-MM-DD') as the UI language writes it (31.12.2023 / 31/12/2023). */
export function formatCalendarDate(date: string | null | undefined, language: string): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d)),
  );
}

export function formatNumber(n: number | null | undefined, language: string): string {
  return n === null || n === undefined ? '' : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE').format(n);
}

/** A client count; a suppressed one (1–4) reads "unter 5". */
export function formatClients(c: ClientCount, t: TFunction, language: string): string {
  return c.suppressed || c.count === null ? t('districts.clients.suppressed') : formatNumber(c.count, language);
}
