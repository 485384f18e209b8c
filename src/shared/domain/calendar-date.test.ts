import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate, todayIn } from './calendar-date';

describe('isCalendarDate', () => {
  it('accepts real dates, leap days only in leap years', () => {
    for (const s of [
      '2026-01-01',
      '2026-12-31',
      '2024-02-29',
      '2000-02-29',
      '0001-01-01',
      '9999-12-31',
      '0004-02-29',
    ]) {
      expect(isCalendarDate(s), s).toBe(true);
    }
  });

  it('refuses impossible days, months and other formats', () => {
    for (const s of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0000-01-01',
      '2026-2-3',
      '2026-02-03T00:00:00Z',
      ' 2026-02-03',
      '03.02.2026',
      '',
    ]) {
      expect(isCalendarDate(s), s).toBe(false);
    }
  });

  it('agrees with the JavaScript calendar for every day of four centuries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(isCalendarDate(s)).toBe(real);
        },
      ),
    );
  });
});

describe('todayIn', () => {
  it('gives the day in Europe/Berlin, not in UTC', () => {
    // Winter (UTC+1): 23:30 UTC is already the next day in Mülheim.
    expect(todayIn(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(todayIn(new Date('2026-01-14T22:59:59Z'))).toBe('2026-01-14');
    // Summer (UTC+2).
    expect(todayIn(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08-01');
    expect(todayIn(new Date('2026-07-31T21:59:59Z'))).toBe('2026-07-31');
    // New year's eve.
    expect(todayIn(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
  });

  it('always yields a calendar date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(isCalendarDate(todayIn(d))).toBe(true);
      }),
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across months, leap days and daylight-saving changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
  });

  it('is additive', () => {
    const day = fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
      }),
    );
  });

  it('refuses a string that is not a calendar date', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2026-03-01', 'morgen')).toThrow(RangeError);
  });
});
