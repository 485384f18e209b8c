/**
 * The versions of the legal-domain rule set (Regelversionen) as data. A version has a start date
 * (validFrom) and names the rules of rule-catalogue.ts it added, changed (a changed rule is a new
 * entry with a new id that starts on the version's start date) and ended (their `validUntil` is the
 * day before the start). A version whose start date lies ahead is "announced"; the latest version
 * whose start date has come is "in force"; earlier ones are "superseded".
 *
 * The engine is pure and has no clock: an evaluation carries the version in force on its own
 * evaluation day (`ruleSetVersionOn(asOf)`), which replaces the former constant RULE_SET_VERSION.
 */
import { addDays } from './legal-dates';
import { EARLIEST_SUPPORTED_DATE, legalRules, type LegalRule } from './rule-catalogue';

export type RuleVersion = {
  /** e.g. '2026.11.1' */
  version: string;
  /** First day the version applies ('YYYY-MM-DD'). */
  validFrom: string;
  summary: { de: string; en: string };
  /** Ids of rule-catalogue.ts entries the version added. */
  added: readonly string[];
  /** Ids of the new entries that replace an earlier rule (the replaced one is listed in `ended`). */
  changed: readonly string[];
  /** Ids of rules that end the day before the version starts. */
  ended: readonly string[];
};

export const ruleVersionStatuses = ['in_force', 'announced', 'superseded'] as const;
export type RuleVersionStatus = (typeof ruleVersionStatuses)[number];

const versions: RuleVersion[] = [
  {
    version: '2026.11.1',
    // The catalogue covers evaluation days from this date on (rules themselves may start earlier).
    validFrom: EARLIEST_SUPPORTED_DATE,
    summary: {
      de: 'Erste Fassung des Regelwerks: Leistungssystem, Zuständigkeit, Arbeitsmarktzugang, Integrationskurs, Wohnsitzauflage und Fristen, einschließlich der angekündigten Änderungen für § 24 AufenthG (2026) und des Zulassungsstopps beim Integrationskurs.',
      en: 'First version of the rule set: benefit system, responsibility, labour-market access, integration course, Wohnsitzauflage and deadlines, including the announced changes for § 24 AufenthG (2026) and the stop of discretionary integration-course admissions.',
    },
    added: legalRules.map((r) => r.id),
    changed: [],
    ended: [],
  },
];

/** All versions, oldest first. */
export const ruleVersions: readonly RuleVersion[] = [...versions].sort((a, b) =>
  a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
);

export function findRuleVersion(version: string, list: readonly RuleVersion[] = ruleVersions): RuleVersion | undefined {
  return list.find((v) => v.version === version);
}

/**
 * The version that applies on `date`: the latest whose start date has come. Before the first start
 * (outside the supported range) the first version, so that every evaluation names one.
 */
export function ruleSetVersionOn(date: string, list: readonly RuleVersion[] = ruleVersions): string {
  let current = list[0]!;
  for (const v of list) if (v.validFrom <= date) current = v;
  return current.version;
}

/** In force, announced (start date ahead) or superseded (a later version's start date has come). */
export function ruleVersionStatus(
  version: RuleVersion,
  today: string,
  list: readonly RuleVersion[] = ruleVersions,
): RuleVersionStatus {
  if (version.validFrom > today) return 'announced';
  return ruleSetVersionOn(today, list) === version.version ? 'in_force' : 'superseded';
}

/** The catalogue entries a version added or changed, in catalogue order. */
export function rulesOfVersion(version: RuleVersion, catalogue: readonly LegalRule[] = legalRules): LegalRule[] {
  const ids = new Set([...version.added, ...version.changed]);
  return catalogue.filter((r) => ids.has(r.id));
}

/** The catalogue entries a version ended. */
export function rulesEndedBy(version: RuleVersion, catalogue: readonly LegalRule[] = legalRules): LegalRule[] {
  const ids = new Set(version.ended);
  return catalogue.filter((r) => ids.has(r.id));
}

/**
 * What is wrong with a list of versions against the catalogue (empty when consistent): unique ids
 * and start dates, known rule ids, every rule introduced by exactly one version, and for every
 * version after the first: added and changed rules start on its start date, ended rules end the
 * day before it.
 */
export function ruleVersionProblems(
  list: readonly RuleVersion[] = ruleVersions,
  catalogue: readonly LegalRule[] = legalRules,
): string[] {
  const problems: string[] = [];
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  const seenVersions = new Set<string>();
  const seenStarts = new Set<string>();
  const introducedBy = new Map<string, string>();
  list.forEach((v, i) => {
    if (seenVersions.has(v.version)) problems.push(`${v.version}: duplicate version`);
    if (seenStarts.has(v.validFrom)) problems.push(`${v.version}: another version starts on ${v.validFrom}`);
    seenVersions.add(v.version);
    seenStarts.add(v.validFrom);
    for (const id of [...v.added, ...v.changed, ...v.ended]) {
      if (!byId.has(id)) problems.push(`${v.version}: unknown rule ${id}`);
    }
    for (const id of [...v.added, ...v.changed]) {
      const other = introducedBy.get(id);
      if (other) problems.push(`${v.version}: rule ${id} was already introduced by ${other}`);
      introducedBy.set(id, v.version);
      const rule = byId.get(id);
      if (i > 0 && rule && rule.validFrom !== v.validFrom) {
        problems.push(`${v.version}: rule ${id} starts on ${rule.validFrom}, not on ${v.validFrom}`);
      }
    }
    for (const id of v.ended) {
      const rule = byId.get(id);
      if (rule && rule.validUntil !== addDays(v.validFrom, -1)) {
        problems.push(`${v.version}: ended rule ${id} must end on ${addDays(v.validFrom, -1)}`);
      }
    }
  });
  for (const r of catalogue) {
    if (!introducedBy.has(r.id)) problems.push(`rule ${r.id} belongs to no version`);
  }
  return problems;
}
