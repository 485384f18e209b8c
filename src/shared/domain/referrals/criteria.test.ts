import { describe, expect, it } from 'vitest';
import { checkCriteria, criteriaSchema, lowestCefr, type CriteriaFacts } from './criteria';

const facts = (over: Partial<CriteriaFacts> = {}): CriteriaFacts => ({
  germanOverall: 'B1',
  labourMarketAccess: 'free',
  age: 30,
  highestIscedLevel: 3,
  hasQualification: true,
  drivingLicences: ['B'],
  ...over,
});
const aa = criteriaSchema.parse([
  { kind: 'german_min', level: 'B1' },
  { kind: 'labour_market_access', allowed: ['free'] },
]);

describe('referral criteria', () => {
  it('meets the Agentur für Arbeit criteria with B1 and free access', () => {
    expect(checkCriteria(aa, facts()).outcome).toBe('met');
  });
  it('fails on A2 and names the failing criterion', () => {
    const check = checkCriteria(aa, facts({ germanOverall: 'A2' }));
    expect(check.outcome).toBe('not_met');
    expect(check.results.map((r) => r.outcome)).toEqual(['not_met', 'met']);
    expect(check.results[0]?.explanation.de).toBe('Deutsch mindestens B1: erfasst ist A2.');
  });
  it('reports unknown facts as unknown, and a failure beats unknown', () => {
    expect(checkCriteria(aa, facts({ germanOverall: null })).outcome).toBe('unknown');
    expect(checkCriteria(aa, facts({ germanOverall: null, labourMarketAccess: 'none' })).outcome).toBe('not_met');
  });
  it('checks age bounds inclusively, ISCED, qualification and licence class', () => {
    const list = criteriaSchema.parse([
      { kind: 'age_range', min: 18, max: 25 },
      { kind: 'isced_min', level: 3 },
      { kind: 'vocational_qualification' },
      { kind: 'driving_licence', licenceClass: 'b' },
    ]);
    expect(checkCriteria(list, facts({ age: 25 })).outcome).toBe('met');
    expect(checkCriteria(list, facts({ age: 26 })).outcome).toBe('not_met');
    expect(checkCriteria(list, facts({ age: 20, highestIscedLevel: 2 })).outcome).toBe('not_met');
    expect(checkCriteria(list, facts({ age: 20, drivingLicences: [] })).outcome).toBe('not_met');
    expect(checkCriteria([], facts()).outcome).toBe('met');
  });
  it('rejects malformed criteria', () => {
    expect(criteriaSchema.safeParse([{ kind: 'age_range', min: null, max: null }]).success).toBe(false);
    expect(criteriaSchema.safeParse([{ kind: 'age_range', min: 30, max: 20 }]).success).toBe(false);
    expect(criteriaSchema.safeParse([{ kind: 'german_min', level: 'B3' }]).success).toBe(false);
  });
  it('takes the lowest CEFR level as the overall one', () => {
    expect(lowestCefr(['B2', 'A2', null, 'C1'])).toBe('A2');
    expect(lowestCefr([null, undefined])).toBeNull();
  });
});
