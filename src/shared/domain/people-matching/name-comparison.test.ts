import { describe, expect, it } from 'vitest';
import { normaliseNameText } from './name-normalisation';
import { compareNameSets, compareNameTokens, TOKEN_MATCH_FLOOR, type NameMatchLevel } from './name-comparison';
import { analyseNameSet, analyseToken } from './person-analysis';

const token = (name: string) => analyseToken(normaliseNameText(name).replace(/ /g, ''), 'given');
const cmp = (a: string, b: string) => compareNameTokens(token(a), token(b));

describe('compareNameTokens', () => {
  it.each<[string, string, NameMatchLevel]>([
    ['Mohammed', 'Mohammed', 'same'],
    ['Çelik', 'Celik', 'same'],
    ['Özdemir', 'Oezdemir', 'spelling'],
    ['Özdemir', 'Ozdemir', 'same'],
    ['Hussein', 'Husain', 'spelling'],
    ['Mohammed', 'Mohammmed', 'spelling'],
    ['Mohammed', 'Muhammad', 'variant'],
    ['Mohammed', 'Mehmet', 'variant'],
    ['Mohamad', 'Mehmet', 'variant'],
    ['Abdulrahman', 'Abd al-Rahman', 'spelling'],
    ['Yusuf', 'Youssef', 'variant'],
    ['Oleksandr', 'Aleksandr', 'variant'],
    ['Hussein', 'Hussien', 'sounds_same'],
    ['Gebremedhin', 'Gebremehdin', 'similar'],
    ['Hassan', 'Hussein', 'different'],
    ['Ahmad', 'Mahmoud', 'different'],
    ['Ali', 'Alia', 'different'],
    ['Samir', 'Samira', 'different'],
  ])('%s / %s → %s', (a, b, level) => {
    expect(cmp(a, b).level).toBe(level);
  });

  it('orders the kinds of agreement by strength', () => {
    const s = (a: string, b: string): number => cmp(a, b).similarity;
    expect(s('Mohammed', 'Mohammed')).toBeGreaterThan(s('Hussein', 'Husain'));
    expect(s('Hussein', 'Husain')).toBeGreaterThan(s('Mohammed', 'Mehmet'));
    expect(s('Mohammed', 'Mehmet')).toBeGreaterThan(s('Hussein', 'Hussien') - 0.05);
    expect(s('Hussein', 'Husain')).toBeGreaterThan(s('Hassan', 'Hussein') + 0.4);
    expect(s('Hassan', 'Hussein')).toBeLessThan(TOKEN_MATCH_FLOOR);
    expect(s('Ahmad', 'Mahmoud')).toBeLessThan(TOKEN_MATCH_FLOOR);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['Hussien', 'Hussein'],
      ['Gebremehdin', 'Gebremedhin'],
      ['Brinkmann', 'Brinkman'],
      ['Xy', 'Zyx'],
    ]) {
      expect(cmp(a as string, b as string)).toEqual(cmp(b as string, a as string));
    }
  });
});

describe('compareNameSets', () => {
  const set = (given: string, family: string) => analyseNameSet(given, family);

  it('matches swapped given and family names and reports the swap', () => {
    const r = compareNameSets(set('Mohammed', 'Hussein'), set('Hussein', 'Mohammed'));
    expect(r.score).toBe(1);
    expect(r.swapped).toBe(true);
  });

  it('tolerates a missing middle name with a mild penalty', () => {
    const full = compareNameSets(set('Mohammad Nabi', 'Ahmadi'), set('Mohammad Nabi', 'Ahmadi')).score;
    const missing = compareNameSets(set('Mohammad Nabi', 'Ahmadi'), set('Nabi', 'Ahmadi'));
    expect(missing.unmatchedA).toBe(1);
    expect(missing.score).toBeGreaterThan(0.9);
    expect(missing.score).toBeLessThan(full);
  });

  it('matches names written together on one side and apart on the other', () => {
    const r = compareNameSets(set('Ali Reza', 'Ahmadi'), set('Alireza', 'Ahmadi'));
    expect(r.score).toBeGreaterThan(0.95);
    expect(r.matches.some((m) => m.a.length === 2)).toBe(true);
  });

  it('scores clearly different names low', () => {
    expect(compareNameSets(set('Ahmad', 'Karimi'), set('Mahmoud', 'Rahimi')).score).toBeLessThan(0.5);
  });

  it('returns zero for an empty side', () => {
    expect(compareNameSets(set('', ''), set('Ali', 'Hassan'))).toMatchObject({ score: 0, unmatchedB: 2 });
  });
});
