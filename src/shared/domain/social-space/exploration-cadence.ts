/**
 * When a district is due for its next exploration (Sozialraumerkundung). Every district has a
 * cadence in days (default 365); the next exploration is due that many days after the last one.
 * A district that was never explored is due now and counts as overdue.
 */
import { daysBetween, isCalendarDate } from '../calendar-date';

const DAY_MS = 86_400_000;

/** The calendar day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  const r = new Date(t.getTime() + days * DAY_MS);
  const year = String(r.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(r.getUTCMonth() + 1).padStart(2, '0')}-${String(r.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The same day one year earlier (29 February → 28 February): explorations after this day count as
 * "in the last 12 months".
 */
export function yearBefore(date: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const candidate = `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCalendarDate(candidate) ? candidate : addDays(candidate.slice(0, 8) + '28', 0);
}

export type ExplorationDue = {
  /** lastExploredOn + cadence; null when never explored. */
  nextDueOn: string | null;
  /** Never explored, or the next due day lies before today. */
  overdue: boolean;
  /** Days until due (negative: overdue by); null when never explored. */
  daysLeft: number | null;
};

/**
 * @example explorationDue('2025-01-10', 365, '2026-01-10') → { nextDueOn: '2026-01-10', overdue: false, daysLeft: 0 }
 * @example explorationDue(null, 365, '2026-01-10') → { nextDueOn: null, overdue: true, daysLeft: null }
 */
export function explorationDue(lastExploredOn: string | null, cadenceDays: number, today: string): ExplorationDue {
  if (lastExploredOn === null) return { nextDueOn: null, overdue: true, daysLeft: null };
  const nextDueOn = addDays(lastExploredOn, cadenceDays);
  const daysLeft = daysBetween(today, nextDueOn);
  return { nextDueOn, overdue: daysLeft < 0, daysLeft };
}
