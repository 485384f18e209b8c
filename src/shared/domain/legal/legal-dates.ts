/**
 * Period arithmetic on calendar dates ('YYYY-MM-DD') as the German civil code counts it
 * (§§ 187–188 BGB), which the social and residence laws follow (§ 26 SGB X, § 31 VwVfG).
 *
 * Two ways a period of months starts:
 * - from a day that counts itself (§ 187 Abs. 2 BGB: a stay that began on a day, a birth): a
 *   period of N months from 2023-01-15 ends at the end of 2026-01-14, so the full period lies
 *   behind the person from 2026-01-15 on (`reachedOn`);
 * - from an event in the course of a day (§ 187 Abs. 1 BGB: a notice, an issuance): the day of the
 *   event does not count, the period ends at the end of the corresponding day (`periodAfterEvent`).
 * Where the final month has no corresponding day (29 February, 31st), the period ends with the
 * last day of that month (§ 188 Abs. 3 BGB).
 */
import { isCalendarDate } from '../calendar-date';

type Ymd = { y: number; m: number; d: number };

function parse(date: string): Ymd {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  // Date.UTC reads years 0–99 as 1900–1999; 400 years later the calendar repeats.
  return new Date(Date.UTC(y < 100 ? y + 400 : y, m, 0)).getUTCDate();
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + days);
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** The last day of the month `date` lies in. */
export function lastDayOfMonth(date: string): string {
  const { y, m } = parse(date);
  return format({ y, m, d: daysInMonth(y, m) });
}

/** The first day of the month after the one `date` lies in. */
export function firstDayOfNextMonth(date: string): string {
  return addDays(lastDayOfMonth(date), 1);
}

/** The first day of the month `date` lies in. */
export function firstDayOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The day `months` months after `date` with the same day number, or null when that month is shorter. */
function correspondingDay(date: string, months: number): { date: string; exists: boolean } {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = daysInMonth(ty, tm);
  return d <= last
    ? { date: format({ y: ty, m: tm, d }), exists: true }
    : { date: format({ y: ty, m: tm, d: last }), exists: false };
}

/**
 * Last day of a period of `months` months whose first day is `start` (§ 187 Abs. 2, § 188 Abs. 2
 * Alt. 2, Abs. 3 BGB): the day before the corresponding day, or the last day of the final month
 * when it has no corresponding day.
 *
 * @example periodEndInclusive('2016-10-16', 36) → '2019-10-15'
 * @example periodEndInclusive('2020-02-29', 12) → '2021-02-28'
 */
export function periodEndInclusive(start: string, months: number): string {
  const target = correspondingDay(start, months);
  return target.exists ? addDays(target.date, -1) : target.date;
}

/**
 * The first day on which a period of `months` months that began on `start` lies fully behind:
 * from this day on, someone present since `start` "has stayed N months", someone born on `start`
 * "has completed" the age.
 *
 * @example reachedOn('2023-01-15', 36) → '2026-01-15'
 * @example reachedOn('2008-02-29', 216) → '2026-03-01' (18th birthday in a common year)
 */
export function reachedOn(start: string, months: number): string {
  return addDays(periodEndInclusive(start, months), 1);
}

/**
 * Last day of a period of `months` months set off by an event during `eventDay` (§ 187 Abs. 1,
 * § 188 Abs. 2 Alt. 1, Abs. 3 BGB): the corresponding day, or the last day of the final month.
 *
 * @example periodAfterEvent('2025-03-10', 12) → '2026-03-10'
 */
export function periodAfterEvent(eventDay: string, months: number): string {
  return correspondingDay(eventDay, months).date;
}

/** Whole months between two dates, counted like ages: how many full months from `from` lie behind on `to`. */
export function fullMonthsBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  while (months > 0 && reachedOn(from, months) > to) months -= 1;
  while (reachedOn(from, months + 1) <= to) months += 1;
  return months;
}

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/** 'YYYY-MM-DD' → 'DD.MM.YYYY' for explanations in German. */
export function germanDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
