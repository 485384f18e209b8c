import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  firstDayOfNextMonth,
  fullMonthsBetween,
  lastDayOfMonth,
  periodAfterEvent,
  periodEndInclusive,
  reachedOn,
} from './legal-dates';
import { ageReachedOn, isMinorOn, retirementAgeMonths, retirementLimitEnd, retirementReached } from './person-age';
import { parseLegalBasis } from './residence-status';

describe('BGB periods on calendar dates', () => {
  it('counts a period from a day that counts itself (§ 187 Abs. 2 BGB)', () => {
    expect(periodEndInclusive('2016-10-16', 36)).toBe('2019-10-15'); // Thüringen example for § 12a
    expect(reachedOn('2023-01-15', 36)).toBe('2026-01-15');
    expect(periodEndInclusive('2026-01-31', 3)).toBe('2026-04-30'); // no 31 April: end of month (§ 188 Abs. 3)
    expect(reachedOn('2026-01-31', 3)).toBe('2026-05-01');
    expect(periodEndInclusive('2024-02-29', 12)).toBe('2025-02-28');
    expect(reachedOn('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('counts a period set off by an event (§ 187 Abs. 1 BGB)', () => {
    expect(periodAfterEvent('2025-03-10', 12)).toBe('2026-03-10');
    expect(periodAfterEvent('2024-02-29', 12)).toBe('2025-02-28');
    expect(periodAfterEvent('2025-08-31', 6)).toBe('2026-02-28');
  });

  it('moves across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(firstDayOfNextMonth('2026-12-15')).toBe('2027-01-01');
  });

  it('reachedOn is the day after the period end, and full months agree with it', () => {
    const day = fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 900 }), (start, months) => {
        const reached = reachedOn(start, months);
        expect(addDays(periodEndInclusive(start, months), 1)).toBe(reached);
        expect(fullMonthsBetween(start, reached)).toBe(months);
        expect(fullMonthsBetween(start, addDays(reached, -1))).toBe(months - 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ages', () => {
  it('a person comes of age on the 18th birthday, born on 29 February on 1 March', () => {
    expect(ageReachedOn('2008-05-05', 18)).toBe('2026-05-05');
    expect(ageReachedOn('2008-02-29', 18)).toBe('2026-03-01');
    expect(isMinorOn({ earliest: '2008-05-05', latest: '2008-05-05' }, '2026-05-04')).toBe('yes');
    expect(isMinorOn({ earliest: '2008-05-05', latest: '2008-05-05' }, '2026-05-05')).toBe('no');
  });

  it('a date of birth known only by year leaves ages around the threshold unknown', () => {
    const year = { earliest: '2008-01-01', latest: '2008-12-31' };
    expect(isMinorOn(year, '2025-12-31')).toBe('yes');
    expect(isMinorOn(year, '2026-06-30')).toBe('unknown');
    expect(isMinorOn(year, '2026-12-31')).toBe('no');
  });

  it('follows the table of § 7a SGB II for the Regelaltersgrenze', () => {
    expect(retirementAgeMonths(1946)).toBe(780);
    expect(retirementAgeMonths(1947)).toBe(781);
    expect(retirementAgeMonths(1958)).toBe(792);
    expect(retirementAgeMonths(1959)).toBe(794);
    expect(retirementAgeMonths(1963)).toBe(802);
    expect(retirementAgeMonths(1964)).toBe(804);
    expect(retirementLimitEnd('1960-03-01')).toBe('2026-06-30');
    expect(retirementLimitEnd('1960-03-02')).toBe('2026-07-31');
    expect(retirementLimitEnd('1964-01-01')).toBe('2030-12-31');
    expect(retirementReached({ earliest: '1960-03-01', latest: '1960-03-01' }, '2026-07-01')).toBe('yes');
    expect(retirementReached({ earliest: '1960-01-01', latest: '1960-12-31' }, '2026-07-01')).toBe('unknown');
  });
});

describe('legal bases', () => {
  it('reads the spellings caseworkers and outside callers use', () => {
    expect(parseLegalBasis('AufenthG 25 Abs. 2')).toMatchObject({ law: 'AufenthG', paragraph: '25', absatz: '2' });
    expect(parseLegalBasis('AufenthG 24')).toMatchObject({ paragraph: '24', absatz: null });
    expect(parseLegalBasis('§ 25 Abs. 4a S. 3 AufenthG')).toMatchObject({ paragraph: '25', absatz: '4a', satz: 3 });
    expect(parseLegalBasis('§ 25 V AufenthG')).toMatchObject({ paragraph: '25', absatz: '5' });
    expect(parseLegalBasis('§ 60a Abs. 2 Satz 3 AufenthG')).toMatchObject({ paragraph: '60a', absatz: '2', satz: 3 });
    expect(parseLegalBasis('irgendwas')).toBeNull();
  });
});
