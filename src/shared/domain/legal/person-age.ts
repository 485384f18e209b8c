/**
 * Ages at a date, for a date of birth that may be known only within a range (year or month):
 * each answer is 'yes', 'no' or 'unknown' when the range straddles the threshold.
 */
import { lastDayOfMonth, periodEndInclusive, reachedOn } from './legal-dates';

export type Tri = 'yes' | 'no' | 'unknown';
type Birth = { earliest: string; latest: string };

/** Day from which someone born on `dob` has completed `years` years (the birthday; 1 March for 29 February). */
export function ageReachedOn(dob: string, years: number): string {
  return reachedOn(dob, years * 12);
}

/** Whether the person is younger than `years` on `date`. */
export function youngerThan(birth: Birth, date: string, years: number): Tri {
  // The earliest possible birth reaches the age first.
  if (date < ageReachedOn(birth.earliest, years)) return 'yes';
  if (date >= ageReachedOn(birth.latest, years)) return 'no';
  return 'unknown';
}

/** Whether the person is a minor (under 18) on `date`. */
export function isMinorOn(birth: Birth, date: string): Tri {
  return youngerThan(birth, date, 18);
}

/**
 * The standard retirement age (Regelaltersgrenze, § 7a SGB II, § 41 Abs. 2 SGB XII) in months for a
 * year of birth: 65 years before 1947, then one month more per year up to 66 (1958), then two
 * months more per year up to 67 (from 1964).
 */
export function retirementAgeMonths(birthYear: number): number {
  if (birthYear < 1947) return 65 * 12;
  if (birthYear <= 1958) return 65 * 12 + (birthYear - 1946);
  if (birthYear <= 1963) return 66 * 12 + (birthYear - 1958) * 2;
  return 67 * 12;
}

/**
 * Last day of the month in which someone born on `dob` completes the standard retirement age: the
 * SGB II ends with it, the SGB XII (Grundsicherung im Alter) follows from the next day.
 *
 * @example retirementLimitEnd('1960-03-01') → '2026-06-30' (66 years 4 months completed at the end of 30.06.2026)
 */
export function retirementLimitEnd(dob: string): string {
  const months = retirementAgeMonths(Number(dob.slice(0, 4)));
  return lastDayOfMonth(periodEndInclusive(dob, months));
}

/** Whether the standard retirement age has been reached (the month of completion has ended) on `date`. */
export function retirementReached(birth: Birth, date: string): Tri {
  if (date > retirementLimitEnd(birth.latest)) return 'yes';
  if (date <= retirementLimitEnd(birth.earliest)) return 'no';
  return 'unknown';
}
