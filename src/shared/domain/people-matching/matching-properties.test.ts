import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateLookupKeys, recordBlockingKeys } from './blocking-keys';
import { duplicateBand, scoreDuplicate } from './duplicate-scoring';
import { matchReasonCodes } from './match-reasons';
import { normaliseNameText, tokeniseName } from './name-normalisation';
import { nameVariantGroups } from './name-variant-groups';
import { analysePerson, type PersonMatchInput } from './person-analysis';
import { parseSearchQuery } from './search-query';
import { scoreSearchCandidate } from './search-ranking';
import { foldName } from './transliteration-folding';

const spellings = nameVariantGroups.flatMap((g) => g.variants);
const word = fc.oneof(
  fc.constantFrom(...spellings),
  fc.constantFrom('al', 'el', 'bin', 'abu', 'Abd', 'Dr.', 'Ullah', 'ad-Din', 'Gebre'),
  fc.stringMatching(/^[A-Za-zÄÖÜäöüßÇçŞşĞğİıÉéÑñ'’-]{1,12}$/),
);
const nameField = fc.array(word, { minLength: 0, maxLength: 3 }).map((ws) => ws.join(' '));
const year = fc.integer({ min: 1930, max: 2024 });
const fullDate = fc
  .record({ y: year, m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const dob = fc.oneof(
  fc.constant(null),
  fullDate,
  year.map((y) => `01.01.${y}`),
  year.map((y) => `00.00.${y}`),
  year.map(String),
);
const personArb: fc.Arbitrary<PersonMatchInput> = fc.record({
  givenNames: nameField,
  familyName: nameField,
  dateOfBirth: dob,
  placeOfBirth: fc.option(fc.constantFrom('Aleppo', 'Kabul', 'Herat', 'Asmara'), { nil: null }),
  nationality: fc.option(fc.constantFrom('SYR', 'AFG', 'ERI', 'UKR'), { nil: null }),
});

describe('duplicate score properties', () => {
  it('is symmetric, within [0, 1], banded by the thresholds, with known reason codes', () => {
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        const ab = scoreDuplicate(a, b);
        const ba = scoreDuplicate(b, a);
        expect(ab).toEqual(ba);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        expect(ab.band).toBe(duplicateBand(ab.score));
        for (const r of ab.reasons) expect(matchReasonCodes).toContain(r.code);
      }),
      { numRuns: 400 },
    );
  });

  it('is symmetric for respellings of the same names (ties in the token assignment)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spellings), { minLength: 2, maxLength: 4 }), dob, (names, d) => {
        const a = { givenNames: names.slice(0, 2).join(' '), familyName: names.slice(2).join(' '), dateOfBirth: d };
        const b = { givenNames: [...names].reverse().join(' '), familyName: '', dateOfBirth: d };
        expect(scoreDuplicate(a, b).score).toBe(scoreDuplicate(b, a).score);
      }),
    );
  });

  it('never lowers the score of a name-identical pair when both get the same exact date of birth', () => {
    fc.assert(
      fc.property(nameField, nameField, fullDate, (given, family, date) => {
        const without = scoreDuplicate(
          { givenNames: given, familyName: family },
          { givenNames: given, familyName: family },
        ).score;
        const withDob = scoreDuplicate(
          { givenNames: given, familyName: family, dateOfBirth: date },
          { givenNames: given, familyName: family, dateOfBirth: date },
        ).score;
        expect(withDob).toBeGreaterThanOrEqual(without);
      }),
    );
  });

  it('never lowers any pair’s score when both get the same exact date of birth', () => {
    fc.assert(
      fc.property(personArb, personArb, fullDate, (a, b, date) => {
        const without = scoreDuplicate({ ...a, dateOfBirth: null }, { ...b, dateOfBirth: null }).score;
        const withDob = scoreDuplicate({ ...a, dateOfBirth: date }, { ...b, dateOfBirth: date }).score;
        expect(withDob).toBeGreaterThanOrEqual(without);
      }),
    );
  });
});

describe('normalisation properties', () => {
  it('normaliseNameText is idempotent and yields lower-case ASCII words', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), nameField), (s) => {
        const n = normaliseNameText(s);
        expect(normaliseNameText(n)).toBe(n);
        expect(n).toMatch(/^([a-z]+( [a-z]+)*)?$/);
      }),
      { numRuns: 500 },
    );
  });

  it('foldName is idempotent on normalised tokens', () => {
    fc.assert(
      fc.property(nameField, (s) => {
        for (const t of tokeniseName(s, 'given')) expect(foldName(foldName(t.text))).toBe(foldName(t.text));
      }),
      { numRuns: 500 },
    );
  });

  it('folding every dictionary spelling twice changes nothing', () => {
    for (const s of spellings) {
      for (const t of tokeniseName(s, 'given')) expect(foldName(foldName(t.text)), s).toBe(foldName(t.text));
    }
  });
});

describe('blocking and search properties', () => {
  it('a record is found by its own lookup keys whenever it has a name or a full date', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const analysed = analysePerson(p);
        const hasName = analysed.nameSets.some((s) => s.tokens.some((t) => t.code.length >= 2));
        if (!hasName && analysed.dateOfBirth.precision !== 'day') return;
        const stored = new Set(recordBlockingKeys(analysed));
        expect(duplicateLookupKeys(analysed).some((k) => stored.has(k))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('search scores stay within [0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(nameField, fc.string()), personArb, (q, p) => {
        const s = scoreSearchCandidate(parseSearchQuery(q), p).score;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
