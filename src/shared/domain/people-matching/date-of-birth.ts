/**
 * Dates of birth as registered for refugees and immigrants: often only the year is known, and
 * offices then write a placeholder (01.01.YYYY in many registers, 00.00.YYYY in others). This
 * module parses such values with their real precision and compares two of them.
 */
import { typoDistance } from './string-similarity';

/** How much of a date of birth is actually known. */
export type DobPrecision = 'day' | 'month' | 'year' | 'unknown';

/** A parsed date of birth. Unknown parts are null; a placeholder day/month counts as unknown. */
export interface DateOfBirth {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  readonly precision: DobPrecision;
  /** The record carried a placeholder (01.01.YYYY, 00.00.YYYY, 00.MM.YYYY, XX.XX.YYYY). */
  readonly placeholder: boolean;
}

/**
 * Accepted inputs: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', 'DD.MM.YYYY', 'MM.YYYY', 'DD/MM/YYYY', with 00 or
 * XX for unknown parts, or an object with numeric parts (0 = unknown). Anything else is unknown.
 */
export type DateOfBirthInput =
  string | { year?: number | null; month?: number | null; day?: number | null } | null | undefined;

const UNKNOWN: DateOfBirth = { year: null, month: null, day: null, precision: 'unknown', placeholder: false };

const ISO = /^(\d{4})(?:-(\d{1,2}|xx)(?:-(\d{1,2}|xx))?)?$/i;
const GERMAN = /^(?:(\d{1,2}|xx)[./])?(?:(\d{1,2}|xx)[./])(\d{4})$/i;

function part(s: string | undefined): number {
  if (s === undefined || /x/i.test(s)) return 0;
  return Number(s);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a date of birth with its precision. 01.01.YYYY and 00.00.YYYY (and any 00/XX part) are
 * placeholders: the result keeps only what is known and sets `placeholder`.
 *
 * @example parseDateOfBirth('01.01.1990') → { year: 1990, month: null, day: null, precision: 'year', placeholder: true }
 */
export function parseDateOfBirth(input: DateOfBirthInput): DateOfBirth {
  if (input === null || input === undefined) return UNKNOWN;
  let y: number;
  let m: number;
  let d: number;
  // A part that is written but 00/XX is a placeholder; a part that is absent ('1990') is not.
  let monthWritten: boolean;
  let dayWritten: boolean;
  if (typeof input === 'string') {
    const s = input.trim();
    const iso = ISO.exec(s);
    const ger = iso === null ? GERMAN.exec(s) : null;
    if (iso !== null) {
      y = Number(iso[1]);
      m = part(iso[2]);
      d = part(iso[3]);
      monthWritten = iso[2] !== undefined;
      dayWritten = iso[3] !== undefined;
    } else if (ger !== null) {
      y = Number(ger[3]);
      m = part(ger[2]);
      d = part(ger[1]);
      monthWritten = true;
      dayWritten = ger[1] !== undefined;
    } else {
      return UNKNOWN;
    }
  } else {
    y = input.year ?? 0;
    m = input.month ?? 0;
    d = input.day ?? 0;
    monthWritten = input.month !== undefined && input.month !== null;
    dayWritten = input.day !== undefined && input.day !== null;
  }
  if (!Number.isInteger(y) || y < 1850 || y > 2200) return UNKNOWN;
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    return { year: y, month: null, day: null, precision: 'year', placeholder: monthWritten || dayWritten };
  }
  if (m === 1 && d === 1) return { year: y, month: null, day: null, precision: 'year', placeholder: true };
  if (!Number.isInteger(d) || d < 1 || d > daysInMonth(y, m)) {
    return { year: y, month: m, day: null, precision: 'month', placeholder: dayWritten };
  }
  return { year: y, month: m, day: d, precision: 'day', placeholder: false };
}

/** How two dates of birth relate, from strongest agreement to clear disagreement. */
export type DobAgreement =
  | 'exact'
  | 'day_month_swapped'
  | 'close'
  | 'year_off_by_one'
  | 'same_month'
  | 'same_year'
  | 'year_adjacent'
  | 'same_year_other_day'
  | 'different'
  | 'unknown';

/** Result of comparing two dates of birth. */
export interface DobComparison {
  readonly agreement: DobAgreement;
  /** The weaker precision of the two (what could be compared at all). */
  readonly precision: DobPrecision;
  /** At least one side was a placeholder date. */
  readonly placeholder: boolean;
}

const PRECISION_RANK: Readonly<Record<DobPrecision, number>> = { unknown: 0, year: 1, month: 2, day: 3 };

function pad2(n: number): string {
  return n < 10 ? '0' + String(n) : String(n);
}

/**
 * Compares two parsed dates of birth at the precision both have.
 * Symmetric. Day precision: exact, day and month swapped (12.05. vs 05.12.), close (one typing
 * error in DD.MM.YYYY, or one day off), same day and month with the year off by one, same year
 * with another day, different. Month precision: same month / same year other month / different.
 * Year precision (also placeholders): same year, adjacent year (±1), different.
 */
export function compareDatesOfBirth(a: DateOfBirth, b: DateOfBirth): DobComparison {
  const placeholder = a.placeholder || b.placeholder;
  if (a.year === null || b.year === null) return { agreement: 'unknown', precision: 'unknown', placeholder };
  const precision = PRECISION_RANK[a.precision] <= PRECISION_RANK[b.precision] ? a.precision : b.precision;
  const dy = Math.abs(a.year - b.year);
  if (precision === 'day' && a.month !== null && b.month !== null && a.day !== null && b.day !== null) {
    if (dy === 0 && a.month === b.month && a.day === b.day) return { agreement: 'exact', precision, placeholder };
    if (dy === 0 && a.day === b.month && a.month === b.day) {
      return { agreement: 'day_month_swapped', precision, placeholder };
    }
    if (dy === 1 && a.month === b.month && a.day === b.day) {
      return { agreement: 'year_off_by_one', precision, placeholder };
    }
    // One wrong digit (12.05. vs 13.05., 1985 vs 1958 counts as a swap of two digits) or one day off.
    const sa = pad2(a.day) + pad2(a.month) + String(a.year);
    const sb = pad2(b.day) + pad2(b.month) + String(b.year);
    const oneDayOff = dy === 0 && a.month === b.month && Math.abs(a.day - b.day) === 1;
    if (oneDayOff || typoDistance(sa, sb) <= 1) return { agreement: 'close', precision, placeholder };
    return { agreement: dy === 0 ? 'same_year_other_day' : 'different', precision, placeholder };
  }
  if (precision === 'month' && a.month !== null && b.month !== null) {
    if (dy === 0 && a.month === b.month) return { agreement: 'same_month', precision, placeholder };
    return {
      agreement: dy === 0 ? 'same_year_other_day' : dy === 1 ? 'year_adjacent' : 'different',
      precision,
      placeholder,
    };
  }
  if (dy === 0) return { agreement: 'same_year', precision: 'year', placeholder };
  if (dy === 1) return { agreement: 'year_adjacent', precision: 'year', placeholder };
  return { agreement: 'different', precision: 'year', placeholder };
}
