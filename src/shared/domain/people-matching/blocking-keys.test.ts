import { describe, expect, it } from 'vitest';
import { duplicateLookupKeys, recordBlockingKeys, searchLookupKeys } from './blocking-keys';
import type { PersonMatchInput } from './person-analysis';
import { parseSearchQuery } from './search-query';

const shares = (a: readonly string[], b: readonly string[]): boolean => a.some((k) => b.includes(k));
const person = (
  givenNames: string,
  familyName: string,
  dateOfBirth: string | null = '1990-05-12',
): PersonMatchInput => ({
  givenNames,
  familyName,
  dateOfBirth,
});
const found = (stored: PersonMatchInput, newRecord: PersonMatchInput): boolean =>
  shares(recordBlockingKeys(stored), duplicateLookupKeys(newRecord));

describe('recordBlockingKeys', () => {
  it('builds a small, sorted, duplicate-free set of keys', () => {
    const keys = recordBlockingKeys(person('Mohammad Nabi', 'Ahmadi'));
    expect(keys).toEqual([...new Set(keys)].sort());
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.length).toBeLessThan(40);
    expect(keys).toContain('n:AHMADI+NABI');
    expect(keys).toContain('d:1990-05-12');
    expect(keys).toContain('y:AHMADI:1990');
    expect(keys).toContain('t:AHMADI');
  });

  it('stores no exact-date key for placeholder dates', () => {
    expect(recordBlockingKeys(person('Yusuf', 'Karimi', '01.01.1990')).some((k) => k.startsWith('d:'))).toBe(false);
  });

  it('gives two very frequent names a pair-with-year key and no name+year keys', () => {
    const keys = recordBlockingKeys(person('Mohammed', 'Ahmad'));
    expect(keys).toContain('m:AHMAD+MUHAMMAD:1990');
    expect(keys.some((k) => k.startsWith('y:MUHAMMAD'))).toBe(false);
  });

  it('is the same for raw input and different spellings of the same names', () => {
    expect(recordBlockingKeys(person('Mehmet', 'Hüseyin')).filter((k) => k.startsWith('n:'))).toEqual(
      recordBlockingKeys(person('Muhammad', 'Hussein')).filter((k) => k.startsWith('n:')),
    );
  });
});

describe('duplicateLookupKeys find the stored record', () => {
  it.each<[string, PersonMatchInput, PersonMatchInput]>([
    ['transliteration', person('Mohammed', 'Hussein'), person('Mehmet', 'Husain')],
    ['swapped order', person('Yusuf', 'Karimi'), person('Karimi', 'Youssef')],
    ['extra middle name', person('Mohammad Nabi', 'Ahmadi'), person('Nabi', 'Ahmady')],
    ['written together', person('Ali Reza', 'Ahmadi'), person('Alireza', 'Ahmadi')],
    ['typo in one name, date known', person('Amina', 'Brinkhoffmann'), person('Amina', 'Brnkhoffmann')],
    [
      'typo in one name, placeholder year',
      person('Amina', 'Brinkhoffmann', '01.01.1990'),
      person('Amina', 'Brnkhoffmann', '00.00.1990'),
    ],
    ['names beyond recognition, same date', person('Tsegay', 'Gebremedhin'), person('Zegai', 'Medhin')],
    [
      'day and month swapped, names typo',
      person('Olena', 'Brnkhoffmann', '1990-05-12'),
      person('Olga', 'Brinkhoffmann', '1990-12-05'),
    ],
    ['year one off', person('Parisa', 'Tehrkazani', '1990-05-12'), person('Parisa', 'Tehrkazany', '1991-05-12')],
    [
      'frequent names with a year',
      person('Mohammed', 'Ahmad', '01.01.1990'),
      person('Muhammad', 'Ahmed', '1991-03-04'),
    ],
    ['frequent names, typo, year', person('Mahmoud', 'Hussein', '01.01.1990'), person('Mahmoud', 'Hussien', '1990')],
    ['one-word name', person('Nabi', '', null), person('', 'Nabie', null)],
  ])('%s', (_label, stored, query) => {
    expect(found(stored, query)).toBe(true);
  });

  it('does not bring unrelated people together', () => {
    expect(found(person('Olena', 'Melnyk', '1980-01-02'), person('Fatima', 'Diallo', '1995-07-08'))).toBe(false);
  });
});

describe('searchLookupKeys', () => {
  it('uses name pairs for two words, in any order', () => {
    const stored = recordBlockingKeys(person('Mohamad', 'Hussein'));
    expect(shares(stored, searchLookupKeys(parseSearchQuery('hussein mohamed')))).toBe(true);
  });

  it('uses single-name keys for one word', () => {
    expect(searchLookupKeys(parseSearchQuery('Celik'))).toContain('t:CELIK');
    expect(shares(recordBlockingKeys(person('Ayşe', 'Çelik')), searchLookupKeys(parseSearchQuery('Celik')))).toBe(true);
  });

  it('narrows frequent name pairs by the year when one is typed', () => {
    const keys = searchLookupKeys(parseSearchQuery('Mohammed Ahmad 1990'));
    expect(keys).toContain('m:AHMAD+MUHAMMAD:1990');
    expect(keys).not.toContain('n:AHMAD+MUHAMMAD');
    expect(shares(recordBlockingKeys(person('Muhammad', 'Ahmed', '01.01.1991')), keys)).toBe(true);
  });

  it('returns nothing for an empty query', () => {
    expect(searchLookupKeys(parseSearchQuery('   '))).toEqual([]);
  });
});
