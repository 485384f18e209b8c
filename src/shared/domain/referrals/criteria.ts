import { z } from 'zod';
import { labourMarketAccessValues, type LabourMarketAccess } from '../../contracts/legal';

/**
 * Acceptance and eligibility criteria as data (issue 9): a receiving agency's criteria for
 * referrals (e.g. the Agentur für Arbeit: German at least B1 and free labour-market access) and a
 * measure's eligibility are lists of criteria; a person's facts are checked against them.
 *
 * Each criterion is met, not met or unknown (a fact nobody recorded) — never a guess. A list is
 * met when every criterion is met; unknown criteria are shown as such and do not count as met.
 */

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];
export const cefrLevelSchema = z.enum(cefrLevels);

/** ISCED 2011 levels 0 (early childhood) … 8 (doctoral). */
export const iscedLevelSchema = z.number().int().min(0).max(8);

export const criterionSchema = z.discriminatedUnion('kind', [
  /** German at least this CEFR level (the lowest of the assessed skills counts). */
  z.object({ kind: z.literal('german_min'), level: cefrLevelSchema }),
  /** Labour-market access (from the legal-domain evaluation) is one of these. */
  z.object({ kind: z.literal('labour_market_access'), allowed: z.array(z.enum(labourMarketAccessValues)).min(1) }),
  /** Age in whole years on the day of the check, both bounds inclusive. */
  z
    .object({
      kind: z.literal('age_range'),
      min: z.number().int().min(0).max(120).nullable(),
      max: z.number().int().min(0).max(120).nullable(),
    })
    .refine((c) => c.min !== null || c.max !== null, { message: 'min or max' })
    .refine((c) => c.min === null || c.max === null || c.min <= c.max, { message: 'min <= max' }),
  /** Highest completed education at least this ISCED level. */
  z.object({ kind: z.literal('isced_min'), level: iscedLevelSchema }),
  /** A vocational or academic qualification (any recognition status) is recorded. */
  z.object({ kind: z.literal('vocational_qualification') }),
  /** Holds a driving licence of this class (e.g. "B"). */
  z.object({ kind: z.literal('driving_licence'), licenceClass: z.string().trim().min(1).max(10) }),
]);
export type Criterion = z.infer<typeof criterionSchema>;
export const criteriaSchema = z.array(criterionSchema).max(20);

/** What the check knows of a person. `null` = not recorded. */
export type CriteriaFacts = {
  /** The lowest assessed German skill (competence_profiles.german_overall). */
  germanOverall: CefrLevel | null;
  labourMarketAccess: LabourMarketAccess | null;
  /** Age in whole years on the day of the check. */
  age: number | null;
  /** Highest ISCED level of completed education, null when no education is recorded. */
  highestIscedLevel: number | null;
  /** null when no profile exists at all. */
  hasQualification: boolean | null;
  /** null when no profile exists at all. */
  drivingLicences: readonly string[] | null;
};

export type CriterionOutcome = 'met' | 'not_met' | 'unknown';
export type CriterionResult = {
  criterion: Criterion;
  outcome: CriterionOutcome;
  /** Plain-language explanation in German and English. */
  explanation: { de: string; en: string };
};
export type CriteriaCheck = {
  /** met: every criterion met; not_met: at least one not met; unknown: none failed, some unknown. */
  outcome: CriterionOutcome;
  results: CriterionResult[];
};

const accessLabel: Record<LabourMarketAccess, { de: string; en: string }> = {
  none: { de: 'kein Zugang', en: 'no access' },
  permission_required: { de: 'nur mit Erlaubnis der Ausländerbehörde', en: 'only with permission' },
  free: { de: 'frei', en: 'free' },
};

export function cefrAtLeast(level: CefrLevel, min: CefrLevel): boolean {
  return cefrLevels.indexOf(level) >= cefrLevels.indexOf(min);
}

/** The lowest of the given CEFR levels (the overall level for criteria), null when none is known. */
export function lowestCefr(levels: readonly (CefrLevel | null | undefined)[]): CefrLevel | null {
  const known = levels.filter((l): l is CefrLevel => l !== null && l !== undefined);
  if (known.length === 0) return null;
  return known.reduce((low, l) => (cefrLevels.indexOf(l) < cefrLevels.indexOf(low) ? l : low));
}

/** Describes a criterion in German and English (for lists and the configuration screen). */
export function describeCriterion(c: Criterion): { de: string; en: string } {
  switch (c.kind) {
    case 'german_min':
      return { de: `Deutsch mindestens ${c.level}`, en: `German at least ${c.level}` };
    case 'labour_market_access':
      return {
        de: `Arbeitsmarktzugang: ${c.allowed.map((a) => accessLabel[a].de).join(' oder ')}`,
        en: `Labour-market access: ${c.allowed.map((a) => accessLabel[a].en).join(' or ')}`,
      };
    case 'age_range':
      if (c.min !== null && c.max !== null)
        return { de: `Alter ${c.min} bis ${c.max} Jahre`, en: `Age ${c.min} to ${c.max}` };
      if (c.min !== null) return { de: `Alter mindestens ${c.min} Jahre`, en: `Age at least ${c.min}` };
      return { de: `Alter höchstens ${c.max} Jahre`, en: `Age at most ${c.max}` };
    case 'isced_min':
      return { de: `Schul-/Hochschulbildung mindestens ISCED ${c.level}`, en: `Education at least ISCED ${c.level}` };
    case 'vocational_qualification':
      return { de: 'Berufliche oder akademische Qualifikation', en: 'Vocational or academic qualification' };
    case 'driving_licence':
      return { de: `Führerschein Klasse ${c.licenceClass}`, en: `Driving licence class ${c.licenceClass}` };
  }
}

function result(criterion: Criterion, outcome: CriterionOutcome, de: string, en: string): CriterionResult {
  return { criterion, outcome, explanation: { de, en } };
}

export function checkCriterion(c: Criterion, facts: CriteriaFacts): CriterionResult {
  const label = describeCriterion(c);
  switch (c.kind) {
    case 'german_min': {
      if (facts.germanOverall === null)
        return result(
          c,
          'unknown',
          `${label.de}: Deutschkenntnisse sind nicht erfasst.`,
          `${label.en}: German not recorded.`,
        );
      const ok = cefrAtLeast(facts.germanOverall, c.level);
      return result(
        c,
        ok ? 'met' : 'not_met',
        `${label.de}: erfasst ist ${facts.germanOverall}.`,
        `${label.en}: recorded is ${facts.germanOverall}.`,
      );
    }
    case 'labour_market_access': {
      if (facts.labourMarketAccess === null)
        return result(
          c,
          'unknown',
          `${label.de}: der Arbeitsmarktzugang ist nicht bekannt (keine Aufenthaltsdaten).`,
          `${label.en}: labour-market access unknown (no residence data).`,
        );
      const ok = c.allowed.includes(facts.labourMarketAccess);
      return result(
        c,
        ok ? 'met' : 'not_met',
        `${label.de}: derzeit ${accessLabel[facts.labourMarketAccess].de}.`,
        `${label.en}: currently ${accessLabel[facts.labourMarketAccess].en}.`,
      );
    }
    case 'age_range': {
      if (facts.age === null)
        return result(c, 'unknown', `${label.de}: das Alter ist nicht bekannt.`, `${label.en}: age unknown.`);
      const ok = (c.min === null || facts.age >= c.min) && (c.max === null || facts.age <= c.max);
      return result(c, ok ? 'met' : 'not_met', `${label.de}: ${facts.age} Jahre.`, `${label.en}: ${facts.age} years.`);
    }
    case 'isced_min': {
      if (facts.highestIscedLevel === null)
        return result(c, 'unknown', `${label.de}: keine Bildung erfasst.`, `${label.en}: no education recorded.`);
      const ok = facts.highestIscedLevel >= c.level;
      return result(
        c,
        ok ? 'met' : 'not_met',
        `${label.de}: höchster Abschluss ISCED ${facts.highestIscedLevel}.`,
        `${label.en}: highest level ISCED ${facts.highestIscedLevel}.`,
      );
    }
    case 'vocational_qualification': {
      if (facts.hasQualification === null)
        return result(c, 'unknown', `${label.de}: kein Kompetenzprofil.`, `${label.en}: no competence profile.`);
      return facts.hasQualification
        ? result(c, 'met', `${label.de}: vorhanden.`, `${label.en}: recorded.`)
        : result(c, 'not_met', `${label.de}: keine erfasst.`, `${label.en}: none recorded.`);
    }
    case 'driving_licence': {
      if (facts.drivingLicences === null)
        return result(c, 'unknown', `${label.de}: kein Kompetenzprofil.`, `${label.en}: no competence profile.`);
      const want = c.licenceClass.toUpperCase();
      const ok = facts.drivingLicences.some((l) => l.toUpperCase() === want);
      return result(
        c,
        ok ? 'met' : 'not_met',
        `${label.de}: ${ok ? 'vorhanden' : 'nicht vorhanden'}.`,
        `${label.en}: ${ok ? 'held' : 'not held'}.`,
      );
    }
  }
}

/** Checks every criterion; an empty list is met. */
export function checkCriteria(criteria: readonly Criterion[], facts: CriteriaFacts): CriteriaCheck {
  const results = criteria.map((c) => checkCriterion(c, facts));
  const outcome: CriterionOutcome = results.some((r) => r.outcome === 'not_met')
    ? 'not_met'
    : results.some((r) => r.outcome === 'unknown')
      ? 'unknown'
      : 'met';
  return { outcome, results };
}
