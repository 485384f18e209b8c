import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaroWinkler, typoDistance, withinOneTypo } from './string-similarity';

describe('jaroWinkler', () => {
  it('matches textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
  });

  it('is 1 for equal and 0 for disjoint strings', () => {
    expect(jaroWinkler('husain', 'husain')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
  });

  it('handles strings longer than the internal buffer', () => {
    const long = 'a'.repeat(100) + 'b';
    expect(jaroWinkler(long, long + 'c')).toBeGreaterThan(0.99);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const x = jaroWinkler(a, b);
        expect(x).toBe(jaroWinkler(b, a));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('typoDistance', () => {
  it.each([
    ['hussein', 'hussien', 1],
    ['mohammed', 'mohammmed', 1],
    ['ahmad', 'ahmed', 1],
    ['ahmad', 'mahmoud', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
  ])('%s / %s → %d', (a, b, d) => {
    expect(typoDistance(a, b)).toBe(d);
  });

  it('agrees with withinOneTypo', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[abc]{0,7}$/), fc.stringMatching(/^[abc]{0,7}$/), (a, b) => {
        expect(withinOneTypo(a, b)).toBe(typoDistance(a, b) <= 1);
        expect(typoDistance(a, b)).toBe(typoDistance(b, a));
      }),
    );
  });

  it('handles strings longer than the internal buffer', () => {
    expect(typoDistance('x'.repeat(80), 'x'.repeat(79) + 'y')).toBe(1);
  });
});
