import { describe, expect, it } from 'vitest';
import {
  addYears,
  consentInForceOn,
  consentStatus,
  daysUntilExpiry,
  latestExpiry,
  suggestedExpiry,
  type ConsentState,
} from './consent-status';

const base: ConsentState = {
  givenOn: '2026-01-10',
  expiresOn: '2027-01-09',
  withdrawn: false,
  evidenceKind: 'in_person',
  hasEvidence: false,
};

describe('consentStatus', () => {
  it('is in force from the day it was given through its last day', () => {
    expect(consentStatus(base, '2026-01-10')).toBe('in_force');
    expect(consentStatus(base, '2026-07-01')).toBe('in_force');
    expect(consentStatus(base, '2027-01-09')).toBe('in_force');
    expect(consentInForceOn(base, '2027-01-09')).toBe(true);
  });

  it('is expired the day after its expiry, and not yet valid before it was given', () => {
    expect(consentStatus(base, '2027-01-10')).toBe('expired');
    expect(consentStatus(base, '2026-01-09')).toBe('not_yet_valid');
    expect(consentInForceOn(base, '2027-01-10')).toBe(false);
  });

  it('waits for the scan of a signed consent, and is in force once it is there', () => {
    const scan: ConsentState = { ...base, evidenceKind: 'signed_scan' };
    expect(consentStatus(scan, '2026-02-01')).toBe('awaiting_evidence');
    expect(consentInForceOn(scan, '2026-02-01')).toBe(false);
    expect(consentStatus({ ...scan, hasEvidence: true }, '2026-02-01')).toBe('in_force');
    // Expiry wins over the missing scan.
    expect(consentStatus(scan, '2027-02-01')).toBe('expired');
  });

  it('is withdrawn whatever the day, before every other state', () => {
    const withdrawn = { ...base, withdrawn: true };
    for (const day of ['2025-12-31', '2026-05-05', '2028-01-01'])
      expect(consentStatus(withdrawn, day)).toBe('withdrawn');
    expect(consentStatus({ ...withdrawn, evidenceKind: 'signed_scan' }, '2026-05-05')).toBe('withdrawn');
  });
});

describe('consent dates', () => {
  it('adds years on the calendar, 29 February becoming 28 February', () => {
    expect(addYears('2026-01-10', 2)).toBe('2028-01-10');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-05-04', -1)).toBe('2025-05-04');
    expect(() => addYears('2026-02-30', 1)).toThrow(RangeError);
  });

  it('allows at most two years and suggests one year (the day before the anniversary)', () => {
    expect(latestExpiry('2026-01-10')).toBe('2028-01-10');
    expect(suggestedExpiry('2026-01-10')).toBe('2027-01-09');
    expect(suggestedExpiry('2026-01-01')).toBe('2026-12-31');
    expect(suggestedExpiry('2027-03-01')).toBe('2028-02-29');
    expect(suggestedExpiry('2026-03-01')).toBe('2027-02-28');
  });

  it('counts the days until the expiry', () => {
    expect(daysUntilExpiry('2026-01-12', '2026-01-10')).toBe(2);
    expect(daysUntilExpiry('2026-01-10', '2026-01-10')).toBe(0);
    expect(daysUntilExpiry('2026-01-09', '2026-01-10')).toBe(-1);
  });
});
