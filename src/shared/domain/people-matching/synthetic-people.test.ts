import { describe, expect, it } from 'vitest';
import { createSeededRandom, generatePopulation, respellAsOtherOffice, typingError } from './synthetic-people';

describe('synthetic people', () => {
  it('is deterministic for a seed', () => {
    expect(generatePopulation(50, 7)).toEqual(generatePopulation(50, 7));
    expect(generatePopulation(50, 7)).not.toEqual(generatePopulation(50, 8));
  });

  it('gives every person a name, a nationality and a date of birth', () => {
    for (const p of generatePopulation(200, 1)) {
      expect(p.givenNames.length).toBeGreaterThan(1);
      expect(p.familyName.length).toBeGreaterThan(1);
      expect(p.nationality).toMatch(/^[A-Z]{3}$/);
      expect(p.dateOfBirth).toMatch(/^(\d{4}-\d{2}-\d{2}|0[01]\.0[01]\.\d{4})$/);
    }
  });

  it('re-registers the same person under the same id', () => {
    const rng = createSeededRandom(3);
    const [p] = generatePopulation(1, 2);
    const again = respellAsOtherOffice(p!, rng);
    expect(again.personId).toBe(p!.personId);
    expect(respellAsOtherOffice(p!, createSeededRandom(3), { withoutDateOfBirth: true }).dateOfBirth).toBe('');
  });

  it('makes exactly one typing error in words of four letters or more', () => {
    const rng = createSeededRandom(11);
    for (let i = 0; i < 200; i++) {
      const w = typingError(rng, 'Mohammed');
      expect(w).not.toBe('Mohammed');
      expect(w.charAt(0)).toBe('M');
    }
    expect(typingError(rng, 'Ali')).toBe('Ali');
  });
});
