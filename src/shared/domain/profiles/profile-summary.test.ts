import { describe, expect, it } from 'vitest';
import { foldForSearch, isKnownBerufsgattung, kldbPath, searchOccupations } from './kldb-2010';
import { germanOverall, hasQualification, highestIscedLevel } from './profile-summary';

describe('profile summary', () => {
  it('takes the lowest assessed German skill, null when none is assessed', () => {
    expect(germanOverall({ reading: 'B2', listening: 'B1', writing: 'A2', speaking: 'C1' })).toBe('A2');
    expect(germanOverall({ reading: null, listening: 'B1' })).toBe('B1');
    expect(germanOverall({})).toBeNull();
  });

  it('takes the highest completed ISCED level only', () => {
    expect(
      highestIscedLevel([
        { iscedLevel: 3, completed: true },
        { iscedLevel: 6, completed: false },
      ]),
    ).toBe(3);
    expect(highestIscedLevel([{ iscedLevel: 6, completed: false }])).toBeNull();
  });

  it('counts a qualification or a completed degree as a qualification', () => {
    expect(hasQualification([], [{ iscedLevel: 3, completed: true }])).toBe(false);
    expect(hasQualification([{}], [])).toBe(true);
    expect(hasQualification([], [{ iscedLevel: 7, completed: true }])).toBe(true);
  });
});

describe('KldB 2010 reference data', () => {
  it('folds umlauts, ß and case for the search', () => {
    expect(foldForSearch('Köchin STRAßE Ärztin')).toBe('kochin strasse arztin');
  });

  it('ranks the Fachkraft level of an exact job name first', () => {
    expect(searchOccupations('Koch', 5)[0]!.code).toBe('29302');
    expect(searchOccupations('Maurer', 5)[0]!.code).toBe('32122');
    expect(searchOccupations('lkw fahrer', 5)[0]!.code).toBe('52122');
  });

  it('knows only shipped Berufsgattungen and gives the path from the Berufsbereich', () => {
    expect(isKnownBerufsgattung('29302')).toBe(true);
    expect(isKnownBerufsgattung('293')).toBe(false);
    expect(isKnownBerufsgattung('29399')).toBe(false);
    expect(kldbPath('29302').map((e) => e.code)).toEqual(['2', '29', '293', '29302']);
  });
});
