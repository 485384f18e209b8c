import { describe, expect, it } from 'vitest';
import { evaluateLegalDomain } from './evaluate-legal-domain';
import type { LegalRule } from './rule-catalogue';
import { legalRules } from './rule-catalogue';
import {
  findRuleVersion,
  ruleSetVersionOn,
  ruleVersionProblems,
  ruleVersions,
  ruleVersionStatus,
  rulesEndedBy,
  rulesOfVersion,
  type RuleVersion,
} from './rule-versions';

const rule = (id: string, validFrom: string, validUntil: string | null): LegalRule => ({
  id,
  title: { de: id, en: id },
  citation: `§ 1 ${id}`,
  validFrom,
  validUntil,
  verification: 'unverified',
  source: 'test',
  description: { de: id, en: id },
});

/** A catalogue where version 2 replaces rule b by b2 and adds c from 2027-01-01. */
const catalogue = [
  rule('a', '2020-01-01', null),
  rule('b', '2020-01-01', '2026-12-31'),
  rule('b2', '2027-01-01', null),
  rule('c', '2027-01-01', null),
];
const v1: RuleVersion = {
  version: '1',
  validFrom: '2022-06-01',
  summary: { de: 'eins', en: 'one' },
  added: ['a', 'b'],
  changed: [],
  ended: [],
};
const v2: RuleVersion = {
  version: '2',
  validFrom: '2027-01-01',
  summary: { de: 'zwei', en: 'two' },
  added: ['c'],
  changed: ['b2'],
  ended: ['b'],
};
const list = [v1, v2];

describe('rule versions', () => {
  it('the shipped versions are consistent with the catalogue and cover every rule', () => {
    expect(ruleVersionProblems()).toEqual([]);
    const covered = new Set(ruleVersions.flatMap((v) => rulesOfVersion(v).map((r) => r.id)));
    expect(covered.size).toBe(legalRules.length);
    expect(findRuleVersion(ruleVersions[0]!.version)).toBe(ruleVersions[0]);
    expect(findRuleVersion('no-such-version')).toBeUndefined();
  });

  it('the version that applies is the latest whose start date has come', () => {
    expect(ruleSetVersionOn('2026-12-31', list)).toBe('1');
    expect(ruleSetVersionOn('2027-01-01', list)).toBe('2');
    expect(ruleSetVersionOn('2030-05-05', list)).toBe('2');
    // Before the first start date the first version still names the evaluation.
    expect(ruleSetVersionOn('2021-01-01', list)).toBe('1');
  });

  it('a version with a future start date is announced; its predecessor is superseded once it starts', () => {
    expect(ruleVersionStatus(v1, '2026-11-24', list)).toBe('in_force');
    expect(ruleVersionStatus(v2, '2026-11-24', list)).toBe('announced');
    expect(ruleVersionStatus(v2, '2027-01-01', list)).toBe('in_force');
    expect(ruleVersionStatus(v1, '2027-01-01', list)).toBe('superseded');
  });

  it('lists the rules a version added or changed and the rules it ended', () => {
    expect(rulesOfVersion(v2, catalogue).map((r) => r.id)).toEqual(['b2', 'c']);
    expect(rulesEndedBy(v2, catalogue).map((r) => r.id)).toEqual(['b']);
    expect(rulesOfVersion(v1, catalogue).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('finds inconsistent versions', () => {
    expect(ruleVersionProblems(list, catalogue)).toEqual([]);
    const wrongStart = { ...v2, added: ['c', 'a'] };
    expect(ruleVersionProblems([v1, wrongStart], catalogue)).toEqual(
      expect.arrayContaining([
        '2: rule a was already introduced by 1',
        '2: rule a starts on 2020-01-01, not on 2027-01-01',
      ]),
    );
    const badEnd = { ...v2, ended: ['a'] };
    expect(ruleVersionProblems([v1, badEnd], catalogue)).toContain('2: ended rule a must end on 2026-12-31');
    expect(ruleVersionProblems([v1], catalogue)).toEqual([
      'rule b2 belongs to no version',
      'rule c belongs to no version',
    ]);
    expect(ruleVersionProblems([v1, { ...v2, added: ['x', 'c'] }], catalogue)).toContain('2: unknown rule x');
    expect(ruleVersionProblems([v1, { ...v2, version: '1' }], catalogue)).toContain('1: duplicate version');
  });

  it('an evaluation carries the version in force on its evaluation day', () => {
    const e = evaluateLegalDomain({
      asOf: '2026-11-24',
      person: { birth: { earliest: '1990-01-01', latest: '1990-01-01' }, nationality: 'SY' },
      residence: { document: 'aufenthaltsgestattung' },
    });
    expect(e.ruleSetVersion).toBe(ruleSetVersionOn('2026-11-24'));
  });
});
