import { describe, expect, it } from 'vitest';
import type { PersonMatchInput } from './person-analysis';
import { parseSearchQuery } from './search-query';
import { rankSearchCandidates, scoreSearchCandidate } from './search-ranking';

const person = (givenNames: string, familyName: string, dateOfBirth: string | null = null): PersonMatchInput => ({
  givenNames,
  familyName,
  dateOfBirth,
});
const score = (query: string, p: PersonMatchInput): number => scoreSearchCandidate(parseSearchQuery(query), p).score;

describe('scoreSearchCandidate', () => {
  it('finds transliterations in any order', () => {
    expect(score('Mohamad Hussein', person('Muhammad', 'Husain'))).toBeGreaterThan(0.9);
    expect(score('hussein mohamad', person('Muhammad', 'Husain'))).toBeGreaterThan(0.9);
    expect(score('Celik', person('Ayşe', 'Çelik'))).toBeGreaterThan(0.9);
  });

  it('prefers exact spelling, then variants, then different names', () => {
    const exact = score('Mohamad Hussein', person('Mohamad', 'Hussein'));
    const variant = score('Mohamad Hussein', person('Mehmet', 'Hüseyin'));
    const other = score('Mohamad Hussein', person('Mahmoud', 'Hassan'));
    expect(exact).toBeGreaterThan(variant);
    expect(variant).toBeGreaterThan(other + 0.3);
  });

  it('lets the date of birth decide between people with the same name', () => {
    const right = score('Mohamad Hussein 12.05.1990', person('Mohammed', 'Hussein', '1990-05-12'));
    const swapped = score('Mohamad Hussein 12.05.1990', person('Mohammed', 'Hussein', '1990-12-05'));
    const placeholder = score('Mohamad Hussein 12.05.1990', person('Mohammed', 'Hussein', '01.01.1990'));
    const wrong = score('Mohamad Hussein 12.05.1990', person('Mohammed', 'Hussein', '1975-03-04'));
    expect(right).toBeGreaterThan(swapped);
    expect(swapped).toBeGreaterThan(placeholder);
    expect(placeholder).toBeGreaterThan(wrong);
  });

  it('treats a typed year as fully matched by that year', () => {
    expect(score('Mohamad Hussein 1990', person('Mohamad', 'Hussein', '01.01.1990'))).toBe(1);
    expect(score('Mohamad Hussein 1990', person('Mohamad', 'Hussein', '1990-05-12'))).toBe(1);
    expect(score('Mohamad Hussein 1990', person('Mohamad', 'Hussein', '1991-05-12'))).toBeLessThan(0.9);
  });

  it('supports search as you type (prefix of the last word)', () => {
    expect(score('Celik Ays', person('Ayşe', 'Çelik'))).toBeGreaterThan(score('Celik Ays', person('Fatma', 'Çelik')));
  });

  it('ranks a fuller match first and penalises candidate names the query did not mention only mildly', () => {
    const short = score('Nabi Ahmadi', person('Nabi', 'Ahmadi'));
    const longer = score('Nabi Ahmadi', person('Mohammad Nabi', 'Ahmadi'));
    expect(short).toBeGreaterThan(longer);
    expect(longer).toBeGreaterThan(0.9);
  });

  it('explains the hit from the candidate record (its given and family name)', () => {
    const r = scoreSearchCandidate(
      parseSearchQuery('hussein mohamad 1990'),
      person('Muhammad', 'Husain', '01.01.1990'),
    );
    expect(r.reasons.map((x) => x.code)).toEqual([
      'family_name_spelling',
      'given_name_spelling',
      'dob_same_year',
      'dob_placeholder',
    ]);
  });

  it('stays within [0, 1] and scores a date-only query by the date', () => {
    expect(score('12.05.1990', person('Ali', 'Hassan', '1990-05-12'))).toBe(1);
    expect(score('', person('Ali', 'Hassan'))).toBe(0);
  });
});

describe('rankSearchCandidates', () => {
  it('ranks candidates best first and keeps the limit', () => {
    const people = [
      person('Mahmoud', 'Hassan', '1990-05-12'),
      person('Muhammad', 'Husain', '1990-05-12'),
      person('Mohammed', 'Hussein', '1985-01-01'),
      person('Olena', 'Melnyk', '1990-05-12'),
    ];
    const hits = rankSearchCandidates(parseSearchQuery('Mohamad Hussein 1990'), people, (p) => p, 2);
    expect(hits.map((h) => h.item)).toEqual([people[1], people[2]]);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 1);
  });
});
