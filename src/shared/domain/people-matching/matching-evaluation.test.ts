import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_CANDIDATE_THRESHOLD,
  LIKELY_DUPLICATE_THRESHOLD,
  PARTIAL_DOB_CANDIDATE_THRESHOLD,
} from './duplicate-scoring';
import { evaluateMatching } from './matching-evaluation';

// Deterministic in-memory evaluation (see docs/people-matching.md, "Measured quality"): 2,000
// synthetic people, 300 of them registered again as another office would, 300 new people.
describe('in-memory evaluation on 2,000 synthetic people', () => {
  const options = { population: 2000, duplicates: 300, newPeople: 300, seed: 20240601 };
  const result = evaluateMatching({ ...options, threshold: DUPLICATE_CANDIDATE_THRESHOLD });

  it('finds almost every re-registration in the blocking step', () => {
    expect(result.blockingRecall).toBeGreaterThanOrEqual(0.97);
    expect(result.meanCandidates).toBeLessThan(20);
  });

  it('reaches recall and precision ≥ 0.95 at the candidate threshold when the date of birth is given', () => {
    expect(result.byDob.full.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.byDob.full.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.byDob.full.queries).toBeGreaterThan(400);
  });

  it('keeps precision high when only a year or a placeholder date is known', () => {
    expect(result.byDob.partial.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.duplicatePrecision).toBeGreaterThanOrEqual(0.95);
    // At the review threshold for such registrations most re-registrations are listed.
    const review = evaluateMatching({ ...options, threshold: PARTIAL_DOB_CANDIDATE_THRESHOLD });
    expect(review.byDob.partial.recall).toBeGreaterThanOrEqual(0.8);
    expect(review.byDob.partial.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('puts the right person in the top 10 of the search box', () => {
    expect(result.searchRecallAt10WithDob).toBeGreaterThanOrEqual(0.9);
    expect(result.searchRecallAt10NameOnly).toBeGreaterThanOrEqual(0.85);
  });

  it('is precise at the likely-duplicate threshold', () => {
    const strict = evaluateMatching({ ...options, threshold: LIKELY_DUPLICATE_THRESHOLD });
    expect(strict.byDob.full.precision).toBeGreaterThanOrEqual(0.99);
    expect(strict.byDob.full.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('stays precise without any date of birth (names alone are weak evidence)', () => {
    const noDob = evaluateMatching({
      ...options,
      threshold: PARTIAL_DOB_CANDIDATE_THRESHOLD,
      withoutDateOfBirth: true,
    });
    expect(noDob.byDob.none.precision).toBeGreaterThanOrEqual(0.9);
  });
});
