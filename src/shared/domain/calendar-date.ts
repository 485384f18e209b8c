/**
 * Calendar dates as the API exchanges them: 'YYYY-MM-DD' strings without a time or a zone.
 * Lotse serves one municipality, so "today" is always the day in Europe/Berlin: a document valid
 * until 2026-03-31 is still valid at 23:30 German time, whatever the server's zone is.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True for a real calendar date 'YYYY-MM-DD' (years 0001–9999, the range both database engines
 * store): '2026-02-30', '2026-13-01' and '2026-2-3' are not.
 *
 * @example isCalendarDate('2024-02-29') → true; isCalendarDate('2025-02-29') → false
 */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Date.UTC reads years 0–99 as 1900–1999; 400 years later the calendar repeats, leap days included.
  return day <= daysInMonth(year < 100 ? year + 400 : year, month);
}

const berlinDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The day `now` falls on in Europe/Berlin, as 'YYYY-MM-DD'. Pass the request clock (`ctx.now`),
 * never the wall clock, so that tests can move time.
 *
 * @example todayIn(new Date('2026-03-31T22:30:00Z')) → '2026-04-01' (00:30 summer time)
 */
export function todayIn(now: Date): string {
  const parts = Object.fromEntries(berlinDate.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function utcDay(s: string): number {
  const m = ISO_DATE.exec(s);
  if (!m || !isCalendarDate(s)) throw new RangeError(`not a calendar date: ${s}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getTime();
}

/**
 * Whole days from `a` to `b` (negative when `b` is earlier); both must be calendar dates.
 * Counted on the calendar, so a daylight-saving change never yields 0.96 days.
 *
 * @example daysBetween('2026-03-28', '2026-03-30') → 2
 * @throws RangeError when either argument is not a calendar date
 */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY_MS);
}
