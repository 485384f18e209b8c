import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../calendar-date';
import { retentionClasses, retentionClassKeys, retentionDueDate, suggestedRetentionClass } from './retention-classes';

describe('retention classes', () => {
  it('describes every class in German and English with a period, the event and a basis', () => {
    for (const key of retentionClassKeys) {
      const cls = retentionClasses[key];
      expect(cls.key).toBe(key);
      expect(cls.label.de).not.toBe('');
      expect(cls.label.en).not.toBe('');
      expect(cls.explanation.de).toMatch(/gelöscht/);
      expect(cls.explanation.en).toMatch(/deleted/);
      expect(cls.basis).not.toBe('');
      expect(Number.isInteger(cls.years) && cls.years >= 0).toBe(true);
    }
    expect(retentionClasses.case_file.years).toBe(10);
    expect(retentionClasses.proof_short.years).toBe(2);
    expect(retentionClasses.identity_copy.years).toBe(0);
    expect(retentionClasses.health.basis).toMatch(/630f/);
  });

  it('counts whole years from the closure of the case', () => {
    const dates = { closedOn: '2026-03-31', uploadedOn: '2025-01-10' };
    expect(retentionDueDate('case_file', dates)).toBe('2036-03-31');
    expect(retentionDueDate('proof_short', dates)).toBe('2028-03-31');
    expect(retentionDueDate('health', dates)).toBe('2036-03-31');
    // A copy of an ID card is due the day the case closes.
    expect(retentionDueDate('identity_copy', dates)).toBe('2026-03-31');
  });

  it('is not due while the case is open', () => {
    for (const key of retentionClassKeys) {
      expect(retentionDueDate(key, { closedOn: null, uploadedOn: '2025-01-10' })).toBeNull();
    }
  });

  it('moves 29 February to 28 February in a common year and keeps it in a leap year', () => {
    expect(retentionDueDate('proof_short', { closedOn: '2024-02-29', uploadedOn: '2024-01-01' })).toBe('2026-02-28');
    expect(retentionDueDate('proof_short', { closedOn: '2026-02-28', uploadedOn: '2026-01-01' })).toBe('2028-02-28');
    expect(retentionDueDate('case_file', { closedOn: '2020-02-29', uploadedOn: '2020-01-01' })).toBe('2030-02-28');
  });

  it('is never due before the document was uploaded', () => {
    expect(retentionDueDate('identity_copy', { closedOn: '2025-06-01', uploadedOn: '2025-07-01' })).toBe('2025-07-01');
  });

  it('refuses dates that are not calendar dates', () => {
    expect(() => retentionDueDate('case_file', { closedOn: '2026-02-30', uploadedOn: '2025-01-01' })).toThrow(
      RangeError,
    );
    expect(() => retentionDueDate('case_file', { closedOn: null, uploadedOn: '1.1.2025' })).toThrow(RangeError);
  });

  it('is a calendar date at least the period after closure and not before the upload (property)', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...retentionClassKeys), day, day, (key, closedOn, uploadedOn) => {
        const due = retentionDueDate(key, { closedOn, uploadedOn })!;
        expect(due >= uploadedOn).toBe(true);
        const years = retentionClasses[key].years;
        // Whole years: between 365 × years − 1 (a leap day lost) and 366 × years days later.
        const days = daysBetween(closedOn, due);
        if (due !== uploadedOn) {
          expect(days).toBeGreaterThanOrEqual(365 * years - 1);
          expect(days).toBeLessThanOrEqual(366 * years);
        }
      }),
    );
  });

  it('suggests a class from the document type', () => {
    expect(suggestedRetentionClass('identity_document')).toBe('identity_copy');
    expect(suggestedRetentionClass('residence_document')).toBe('identity_copy');
    expect(suggestedRetentionClass('medical')).toBe('health');
    expect(suggestedRetentionClass('certificate')).toBe('proof_short');
    expect(suggestedRetentionClass('decision_notice')).toBe('case_file');
    expect(suggestedRetentionClass('other')).toBe('case_file');
  });
});
