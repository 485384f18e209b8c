import { describe, expect, it } from 'vitest';
import { compareDatesOfBirth, parseDateOfBirth, type DobAgreement } from './date-of-birth';

describe('parseDateOfBirth', () => {
  it.each([
    ['1990-05-12', { year: 1990, month: 5, day: 12, precision: 'day', placeholder: false }],
    ['12.05.1990', { year: 1990, month: 5, day: 12, precision: 'day', placeholder: false }],
    ['2.5.1990', { year: 1990, month: 5, day: 2, precision: 'day', placeholder: false }],
    ['12/05/1990', { year: 1990, month: 5, day: 12, precision: 'day', placeholder: false }],
    ['01.01.1990', { year: 1990, month: null, day: null, precision: 'year', placeholder: true }],
    ['1990-01-01', { year: 1990, month: null, day: null, precision: 'year', placeholder: true }],
    ['00.00.1990', { year: 1990, month: null, day: null, precision: 'year', placeholder: true }],
    ['XX.XX.1990', { year: 1990, month: null, day: null, precision: 'year', placeholder: true }],
    ['00.05.1990', { year: 1990, month: 5, day: null, precision: 'month', placeholder: true }],
    ['1990-05', { year: 1990, month: 5, day: null, precision: 'month', placeholder: false }],
    ['05.1990', { year: 1990, month: 5, day: null, precision: 'month', placeholder: false }],
    ['1990', { year: 1990, month: null, day: null, precision: 'year', placeholder: false }],
  ] as const)('%s', (input, expected) => {
    expect(parseDateOfBirth(input)).toEqual(expected);
  });

  it('accepts numeric parts with 0 for unknown', () => {
    expect(parseDateOfBirth({ year: 1985, month: 3, day: 2 }).precision).toBe('day');
    expect(parseDateOfBirth({ year: 1985, month: 0, day: 0 })).toMatchObject({ precision: 'year', placeholder: true });
    expect(parseDateOfBirth({ year: 1985 })).toMatchObject({ precision: 'year', placeholder: false });
  });

  it('treats impossible days as unknown days', () => {
    expect(parseDateOfBirth('31.02.1990')).toMatchObject({ precision: 'month', month: 2 });
  });

  it('returns unknown for missing or unreadable values', () => {
    for (const v of [null, undefined, '', 'unbekannt', '12.05.90', '3000-01-02', '1700']) {
      expect(parseDateOfBirth(v).precision, String(v)).toBe('unknown');
    }
  });
});

describe('compareDatesOfBirth', () => {
  const cmp = (a: string, b: string): DobAgreement =>
    compareDatesOfBirth(parseDateOfBirth(a), parseDateOfBirth(b)).agreement;

  it.each([
    ['1990-05-12', '12.05.1990', 'exact'],
    ['1990-05-12', '1990-12-05', 'day_month_swapped'],
    ['1990-05-12', '1990-05-13', 'close'],
    ['1990-05-12', '1990-05-21', 'close'],
    ['1990-05-12', '1990-05-11', 'close'],
    ['1985-05-12', '1958-05-12', 'close'],
    ['1990-05-12', '1991-05-12', 'year_off_by_one'],
    ['1989-05-12', '1990-05-12', 'year_off_by_one'],
    ['1990-05-12', '1990-08-27', 'same_year_other_day'],
    ['1990-05-12', '1994-08-27', 'different'],
    ['1990-05-12', '01.01.1990', 'same_year'],
    ['1990-05-12', '00.00.1990', 'same_year'],
    ['1990-05-12', '1990', 'same_year'],
    ['01.01.1990', '00.00.1990', 'same_year'],
    ['1990-05-12', '01.01.1991', 'year_adjacent'],
    ['1990-05-12', '01.01.1995', 'different'],
    ['1990-05-12', '00.05.1990', 'same_month'],
    ['1990-05-12', '00.06.1990', 'same_year_other_day'],
    ['1990-05-12', '', 'unknown'],
  ] as const)('%s vs %s → %s', (a, b, agreement) => {
    expect(cmp(a, b)).toBe(agreement);
    expect(cmp(b, a)).toBe(agreement);
  });

  it('reports placeholders and the comparable precision', () => {
    const c = compareDatesOfBirth(parseDateOfBirth('1990-05-12'), parseDateOfBirth('01.01.1990'));
    expect(c).toEqual({ agreement: 'same_year', precision: 'year', placeholder: true });
  });

  it('does not call 05.05. vs 05.05. a swap', () => {
    expect(cmp('1990-05-05', '1990-05-05')).toBe('exact');
  });
});
