import { describe, expect, it } from 'vitest';
import { suppressSmallCount } from './districts.presenter';

describe('suppressSmallCount', () => {
  it('shows 0 and counts of 5 or more exactly', () => {
    expect(suppressSmallCount(0)).toEqual({ count: 0, suppressed: false });
    expect(suppressSmallCount(5)).toEqual({ count: 5, suppressed: false });
    expect(suppressSmallCount(1234)).toEqual({ count: 1234, suppressed: false });
  });
  it('suppresses 1 to 4', () => {
    for (const n of [1, 2, 3, 4]) expect(suppressSmallCount(n)).toEqual({ count: null, suppressed: true });
  });
});
