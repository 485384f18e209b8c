import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('is independent of key insertion order and round-trips through JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reparsed = JSON.parse(JSON.stringify(value)) as unknown;
        const shuffled = JSON.parse(JSON.stringify(value, (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        )) as unknown;
        expect(canonicalJson(shuffled)).toBe(canonicalJson(reparsed));
        expect(JSON.parse(canonicalJson(reparsed))).toEqual(reparsed);
      }),
      { numRuns: 200 },
    );
  });

  it('renders dates as ISO strings', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z') })).toBe('{"at":"2026-01-02T03:04:05.006Z"}');
  });
});
