import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';

const words = (q: string): string[] => parseSearchQuery(q).names.tokens.map((t) => t.text);

describe('parseSearchQuery', () => {
  it('splits names and a year', () => {
    const q = parseSearchQuery('hussein mohamad 1990');
    expect(words('hussein mohamad 1990')).toEqual(['hussein', 'mohamad']);
    expect(q.dateOfBirth).toMatchObject({ year: 1990, precision: 'year', placeholder: false });
  });

  it.each([
    ['Mohamad Hussein 12.05.1990', { year: 1990, month: 5, day: 12 }],
    ['Mohamad Hussein 1990-05-12', { year: 1990, month: 5, day: 12 }],
    ['Mohamad Hussein 12.05.90', { year: 1990, month: 5, day: 12 }],
    ['Mohamad Hussein 01.02.15', { year: 2015, month: 2, day: 1 }],
    ['Mohamad Hussein 05/1990', { year: 1990, month: 5, day: null }],
    ['Mohamad 01.01.1990 Hussein', { year: 1990, month: null, day: null, placeholder: true }],
  ])('%s', (text, dob) => {
    const q = parseSearchQuery(text);
    expect(q.dateOfBirth).toMatchObject(dob);
    expect(q.names.tokens.map((t) => t.text)).toEqual(['mohamad', 'hussein']);
  });

  it('honours the two-digit year pivot', () => {
    expect(parseSearchQuery('Ali 01.02.25', { twoDigitYearPivot: 20 }).dateOfBirth.year).toBe(1925);
  });

  it('applies the name rules (particles, compounds)', () => {
    expect(words('Abd al-Rahman al-Hassan')).toEqual(['abdalrahman', 'hassan']);
  });

  it('handles a name-only and a date-only query', () => {
    expect(parseSearchQuery('Celik').dateOfBirth.precision).toBe('unknown');
    expect(words('1990')).toEqual([]);
  });
});
