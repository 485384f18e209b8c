import { daysBetween, isCalendarDate } from '../calendar-date';

/**
 * The status of a person's consent on a day (issue 5). Pure: the server's decision function
 * (platform/access/person-access.ts, `consentInForce`) applies the same rules in SQL, and the
 * consent module shows this status next to each consent.
 *
 * - `withdrawn`: a withdrawal is recorded. It takes effect with the very next request, whatever
 *   day it names (a withdrawal dated earlier only tells when the person declared it).
 * - `expired`: the day is after `expiresOn`.
 * - `not_yet_valid`: the day is before `givenOn`.
 * - `awaiting_evidence`: evidenced by a signed scan that has not been uploaded yet. Until the scan
 *   is stored nothing proves the signature, so the consent is recorded but not in force.
 * - `in_force`: otherwise — only then does it let the named agencies see the named categories.
 */
export const consentStatuses = ['in_force', 'awaiting_evidence', 'expired', 'withdrawn', 'not_yet_valid'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

export const consentEvidenceKinds = ['signed_scan', 'in_person'] as const;
export type ConsentEvidenceKind = (typeof consentEvidenceKinds)[number];

export type ConsentState = {
  givenOn: string;
  expiresOn: string;
  withdrawn: boolean;
  evidenceKind: ConsentEvidenceKind;
  hasEvidence: boolean;
};

/**
 * The status of a consent on `today` ('YYYY-MM-DD', Europe/Berlin). Withdrawal wins over every
 * other state, an expiry over missing evidence (an expired consent no longer needs its scan to be
 * in force).
 *
 * @example consentStatus({ givenOn: '2026-01-10', expiresOn: '2027-01-09', withdrawn: false,
 *   evidenceKind: 'in_person', hasEvidence: false }, '2026-06-01') → 'in_force'
 */
export function consentStatus(consent: ConsentState, today: string): ConsentStatus {
  if (consent.withdrawn) return 'withdrawn';
  if (today > consent.expiresOn) return 'expired';
  if (today < consent.givenOn) return 'not_yet_valid';
  if (consent.evidenceKind === 'signed_scan' && !consent.hasEvidence) return 'awaiting_evidence';
  return 'in_force';
}

/** Whether the consent lets its recipients see its categories on `today`. */
export function consentInForceOn(consent: ConsentState, today: string): boolean {
  return consentStatus(consent, today) === 'in_force';
}

/**
 * The calendar date `years` years after `date`; 29 February becomes 28 February in a common year.
 *
 * @example addYears('2024-02-29', 1) → '2025-02-28'
 */
export function addYears(date: string, years: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-');
  const year = String(Number(y) + years).padStart(4, '0');
  const candidate = `${year}-${m}-${d}`;
  return isCalendarDate(candidate) ? candidate : `${year}-${m}-28`;
}

/**
 * How long a consent may run: at most two years from the day it was given. Neither the GDPR nor
 * SGB X sets a limit, but a consent is only "informed" for the situation the person knew when
 * signing it: the agencies involved, the purpose and the person's life change, and after two years
 * a consent is seldom still what the person would agree to today. A fixed maximum also ends
 * consents nobody remembers to withdraw. The form suggests one year (the usual review interval
 * of a Kooperations- or Hilfeplan); a longer-running purpose asks the person again.
 */
export const CONSENT_MAX_YEARS = 2;
/** The form's suggestion for the expiry: one year after the day the consent was given. */
export const CONSENT_DEFAULT_YEARS = 1;
/**
 * A consent may be recorded up to one year after it was given (e.g. a paper form found in the
 * file), not older: a consent recorded later would mostly be expired or near it anyway, and an
 * old paper form is better renewed with the person.
 */
export const CONSENT_MAX_RECORDING_DELAY_YEARS = 1;

/** The latest expiry a consent given on `givenOn` may have. */
export function latestExpiry(givenOn: string): string {
  return addYears(givenOn, CONSENT_MAX_YEARS);
}

/** The suggested expiry for a consent given on `givenOn`: one year, the day before the anniversary. */
export function suggestedExpiry(givenOn: string): string {
  const anniversary = addYears(givenOn, CONSENT_DEFAULT_YEARS);
  const [y, m, d] = anniversary.split('-').map(Number) as [number, number, number];
  const previous = new Date(0);
  // Day 0 of a month is the last day of the month before, also across the new year.
  previous.setUTCFullYear(y, m - 1, d - 1);
  const year = String(previous.getUTCFullYear()).padStart(4, '0');
  const month = String(previous.getUTCMonth() + 1).padStart(2, '0');
  const day = String(previous.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Whole days until the consent expires (0 on its last day, negative afterwards). */
export function daysUntilExpiry(expiresOn: string, today: string): number {
  return daysBetween(today, expiresOn);
}
