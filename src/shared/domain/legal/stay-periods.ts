/**
 * Waiting periods counted from the start of a stay that is often known only within bounds: the
 * entry date (if given) is the start; other facts only tell that the person was here by then.
 */
import type { LegalFacts } from './legal-facts';
import { reachedOn } from './legal-dates';
import type { Tri } from './person-age';

/** The earliest day by which the person was certainly in Germany, from every dated fact that proves presence. */
export function presentNoLaterThan(f: LegalFacts): string | undefined {
  const dates = [
    f.presentSince,
    f.asylum?.appliedOn,
    f.asylum?.decision?.decidedOn,
    f.residence.firstIssuedOn,
    f.residence.issuedOn,
    f.employment?.since,
  ].filter((d): d is string => d !== undefined);
  if (f.residence.document === 'none' || f.residence.document === 'eu_freizuegigkeit') {
    // Without a German document only the asylum and employment facts prove presence.
    return [f.presentSince, f.asylum?.appliedOn, f.employment?.since]
      .filter((d): d is string => d !== undefined)
      .sort()[0];
  }
  return dates.sort()[0];
}

export type PeriodStatus = {
  reached: Tri;
  /** The first day on which the period is complete, or null when no start is known. */
  date: string | null;
  precision: 'exact' | 'no_later_than';
};

/**
 * Whether `months` months of stay are complete on `asOf`. With an exact start the answer is
 * certain. With only a day by which the person was present (`noLaterThan`), a period complete from
 * that day is complete for sure; otherwise it may or may not be.
 */
export function periodStatus(
  start: { exact?: string; noLaterThan?: string },
  months: number,
  asOf: string,
): PeriodStatus {
  if (start.exact) {
    const date = reachedOn(start.exact, months);
    return { reached: asOf >= date ? 'yes' : 'no', date, precision: 'exact' };
  }
  if (start.noLaterThan) {
    const date = reachedOn(start.noLaterThan, months);
    return { reached: asOf >= date ? 'yes' : 'unknown', date, precision: 'no_later_than' };
  }
  return { reached: 'unknown', date: null, precision: 'no_later_than' };
}

/** The stay of the person: entry date as the exact start, otherwise the earliest proven presence. */
export function stayStart(f: LegalFacts): { exact?: string; noLaterThan?: string } {
  return f.entryDate ? { exact: f.entryDate } : { noLaterThan: presentNoLaterThan(f) };
}
