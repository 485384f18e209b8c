import { describe, expect, it } from 'vitest';
import { normaliseLegalBasis } from './legal-basis';

describe('normaliseLegalBasis', () => {
  it.each([
    ['AufenthG 25 Abs. 2', 'AufenthG § 25 Abs. 2'],
    ['§ 25 Abs. 2 AufenthG', 'AufenthG § 25 Abs. 2'],
    ['AufenthG § 25 Abs. 2', 'AufenthG § 25 Abs. 2'],
    ['  §25 Abs.2 AufenthG ', 'AufenthG § 25 Abs. 2'],
    ['aufenthg § 25 abs 2', 'AufenthG § 25 Abs. 2'],
    ['§ 25 Absatz 2 Satz 1 AufenthG', 'AufenthG § 25 Abs. 2 Satz 1'],
    ['§ 25 Abs. 2 S. 1 Alt. 1 AufenthG', 'AufenthG § 25 Abs. 2 Satz 1 Alt. 1'],
    ['§ 25 II AufenthG', 'AufenthG § 25 Abs. 2'],
    ['§ 25 IV S. 1 AufenthG', 'AufenthG § 25 Abs. 4 Satz 1'],
    ['§ 60a AufenthG', 'AufenthG § 60a'],
    ['§ 60 a Abs. 2 Satz 4 AufenthG', 'AufenthG § 60a Abs. 2 Satz 4'],
    ['AufenthG, § 16a Abs. 1', 'AufenthG § 16a Abs. 1'],
    ['§ 9 Abs. 2 Satz 1 Nr. 3 AufenthG', 'AufenthG § 9 Abs. 2 Satz 1 Nr. 3'],
    ['AufenthG § 19c Abs. 1 Nummer 2', 'AufenthG § 19c Abs. 1 Nr. 2'],
    ['§ 55 Abs. 1 AsylG', 'AsylG § 55 Abs. 1'],
    ['AsylG 55 Abs 1', 'AsylG § 55 Abs. 1'],
    ['§ 63a AsylG', 'AsylG § 63a'],
    ['§ 2 Abs. 2 Nr. 1 FreizügG/EU', 'FreizügG/EU § 2 Abs. 2 Nr. 1'],
    ['FreizuegG/EU 2 Abs. 1', 'FreizügG/EU § 2 Abs. 1'],
    ['§ 4a FreizügG EU', 'FreizügG/EU § 4a'],
    ['§ 32 BeschV', 'BeschV § 32'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseLegalBasis(input)).toBe(expected);
  });

  it('is idempotent on its own output', () => {
    for (const s of ['AufenthG § 25 Abs. 2', 'AsylG § 55 Abs. 1', 'FreizügG/EU § 2 Abs. 2 Nr. 1']) {
      expect(normaliseLegalBasis(normaliseLegalBasis(s))).toBe(s);
    }
  });

  it.each([
    ['§ 60a AufenthG i.V.m. § 60c AufenthG'],
    ['§ 25 Abs. 5 AufenthG, § 60a AufenthG'],
    ['Art. 20 AEUV'],
    ['§ 25 Abs. 2'],
    ['Flüchtlingseigenschaft'],
    ['§ 25 AufenthG Satz'],
  ])('keeps an unknown form as written: %s', (input) => {
    expect(normaliseLegalBasis(`  ${input} `)).toBe(input);
  });

  it('does not read a law name inside a longer word', () => {
    expect(normaliseLegalBasis('§ 1 AufenthGV')).toBe('§ 1 AufenthGV');
    expect(normaliseLegalBasis('§ 1 AsylbLG')).toBe('AsylbLG § 1');
  });
});
