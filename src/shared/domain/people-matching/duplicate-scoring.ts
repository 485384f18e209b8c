/**
 * Duplicate check at registration: scores a new person against an existing record. The score is a
 * match probability on a logistic scale: evidence from names, date of birth, place of birth and
 * nationality is added as log-odds (Fellegi-Sunter style, weights set by hand and tuned on the
 * synthetic evaluation), then squashed to 0..1.
 */
import { compareDatesOfBirth, type DobComparison } from './date-of-birth';
import {
  compareNameSets,
  TOKEN_MATCH_FLOOR,
  type NameMatchLevel,
  type NameSetComparison,
  type TokenMatch,
} from './name-comparison';
import { orderReasons, type MatchReason, type MatchReasonCode, type WeightedReason } from './match-reasons';
import type { NameField } from './name-normalisation';
import {
  analysePerson,
  type AnalysedNameSet,
  type AnalysedPerson,
  type NameFrequency,
  type PersonMatchInput,
} from './person-analysis';
import { jaroWinkler } from './string-similarity';

/** Show the record as a possible duplicate from this score on. */
export const DUPLICATE_CANDIDATE_THRESHOLD = 0.65;
/**
 * Review threshold when the new registration has no day-precise date of birth (only a year, a
 * placeholder 01.01./00.00., or none): names alone are weak evidence, so the server lists the
 * (few) candidates from this score on for the caseworker to check.
 */
export const PARTIAL_DOB_CANDIDATE_THRESHOLD = 0.3;
/** From this score on the record is very likely the same person: the UI asks to open it instead of registering. */
export const LIKELY_DUPLICATE_THRESHOLD = 0.9;

/** Band of a duplicate score. */
export type DuplicateBand = 'likely_duplicate' | 'candidate' | 'none';

/** Result of the duplicate check for one pair. */
export interface DuplicateScore {
  /** Match probability in [0, 1]. */
  readonly score: number;
  readonly band: DuplicateBand;
  /** Ordered: evidence for the match (strongest first), neutral notes, evidence against. */
  readonly reasons: readonly MatchReason[];
  /** Name agreement alone in [0, 1] (for diagnostics and ranking ties). */
  readonly nameScore: number;
}

/** Log-odds weights. Exported so that the documentation and tests can name them. */
export const DUPLICATE_WEIGHTS = {
  /** Log-odds before any evidence: most candidate pairs from blocking are different people. */
  prior: -7,
  name: {
    /** Full agreement on one name part, by how informative the name is. */
    frequent: 1.8,
    common: 2.5,
    known: 3,
    unknown: 4.5,
    /** A name part that clearly differs (Hassan vs Hussein, Ahmad vs Mahmoud). */
    disagreement: -3,
    /** The family names of both records clearly differ (stronger: a family name is rarely re-spelled beyond recognition). */
    familyDisagreement: -4.5,
    /** A name part without partner (middle name recorded by one office only), at most three. */
    unmatched: -0.5,
  },
  dob: {
    exact: 6.5,
    day_month_swapped: 5,
    close: 3.5,
    year_off_by_one: 4,
    same_month: 3.5,
    same_year: 2.5,
    year_adjacent: 0,
    same_year_other_day: -4,
    /** Different day-precise dates. */
    different: -7,
    /** Years two or more apart when one side only knows the year (estimated ages drift). */
    differentYearOnly: -4,
    unknown: 0,
  },
  placeOfBirth: { same: 1, different: -0.5 },
  nationality: { same: 0.3, different: -1 },
} as const;

/** Share of a name part's full weight earned at a given token similarity: (similarity, share) knots. */
const AGREEMENT_KNOTS: readonly (readonly [number, number])[] = [
  [0.6, 0],
  [0.8, 0.6],
  [0.85, 0.7],
  [0.9, 0.8],
  [0.94, 0.9],
  [0.97, 0.95],
  [1, 1],
];

function interpolate(knots: readonly (readonly [number, number])[], x: number): number {
  const first = knots[0] as readonly [number, number];
  if (x <= first[0]) return first[1];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i] as readonly [number, number];
    if (x <= x1) {
      const [x0, y0] = knots[i - 1] as readonly [number, number];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return (knots[knots.length - 1] as readonly [number, number])[1];
}

const FREQUENCY_RANK: Readonly<Record<NameFrequency, number>> = { frequent: 0, common: 1, known: 2, unknown: 3 };

/** Full agreement weight of a matched name part: the more frequent of the two names decides. */
export function nameInformation(a: NameFrequency, b: NameFrequency): number {
  return DUPLICATE_WEIGHTS.name[FREQUENCY_RANK[a] <= FREQUENCY_RANK[b] ? a : b];
}

/**
 * Log-odds of one matched pair of name parts: similarity ≥ 0.6 earns a share of the part's
 * information weight; below it moves linearly to the disagreement weight at 0.5 and less.
 */
export function tokenMatchEvidence(m: TokenMatch): number {
  const w = DUPLICATE_WEIGHTS.name;
  const disagreement = m.fieldA === 'family' && m.fieldB === 'family' ? w.familyDisagreement : w.disagreement;
  if (m.similarity <= 0.5) return disagreement;
  if (m.similarity < 0.6) return disagreement * (0.6 - m.similarity) * 10;
  return nameInformation(m.frequencyA, m.frequencyB) * interpolate(AGREEMENT_KNOTS, m.similarity);
}

/** Log-odds of a whole name comparison (sum over matched parts plus unmatched parts). */
export function nameEvidence(cmp: NameSetComparison): number {
  let sum = 0;
  for (const m of cmp.matches) sum += tokenMatchEvidence(m);
  return sum + DUPLICATE_WEIGHTS.name.unmatched * Math.min(3, cmp.unmatchedA + cmp.unmatchedB);
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Band for a score at the exported thresholds. */
export function duplicateBand(score: number): DuplicateBand {
  if (score >= LIKELY_DUPLICATE_THRESHOLD) return 'likely_duplicate';
  if (score >= DUPLICATE_CANDIDATE_THRESHOLD) return 'candidate';
  return 'none';
}

/** Log-odds of a date-of-birth comparison. */
export function dobEvidence(c: DobComparison): number {
  const w = DUPLICATE_WEIGHTS.dob;
  if (c.agreement === 'different') return c.precision === 'day' ? w.different : w.differentYearOnly;
  return w[c.agreement];
}

const LEVEL_RANK: Readonly<Record<NameMatchLevel, number>> = {
  same: 0,
  spelling: 1,
  variant: 2,
  sounds_same: 3,
  similar: 4,
  different: 5,
};
/** Weakest level among the matches that cover tokens of one field of one side. */
function fieldLevel(cmp: NameSetComparison, field: NameField, side: 'a' | 'b'): NameMatchLevel | null {
  let worst: NameMatchLevel | null = null;
  for (const m of cmp.matches) {
    if ((side === 'a' ? m.fieldA : m.fieldB) !== field) continue;
    const level = m.similarity >= TOKEN_MATCH_FLOOR ? m.level : 'different';
    if (worst === null || LEVEL_RANK[level] > LEVEL_RANK[worst]) worst = level;
  }
  return worst;
}

/** Summed evidence of the matches that cover tokens of one field of one side. */
function fieldEvidence(cmp: NameSetComparison, field: NameField, side: 'a' | 'b'): number {
  let sum = 0;
  for (const m of cmp.matches) if ((side === 'a' ? m.fieldA : m.fieldB) === field) sum += tokenMatchEvidence(m);
  return sum;
}

/**
 * Name reasons of a comparison. `side` names the record whose given/family fields the reasons
 * refer to (side A for the duplicate check; the candidate, side B, for a search query). Each
 * reason carries the evidence it contributed, which orders it among the other reasons.
 */
export function nameReasons(cmp: NameSetComparison, set: AnalysedNameSet, side: 'a' | 'b' = 'a'): WeightedReason[] {
  const out: WeightedReason[] = [];
  const allSame = cmp.matches.every(
    (m) => m.level === 'same' && m.fieldA === m.fieldB && m.a.length === 1 && m.b.length === 1,
  );
  if (allSame && cmp.unmatchedA === 0 && cmp.unmatchedB === 0 && cmp.matches.length > 0) {
    return [{ code: 'name_identical', evidence: 'for', weight: nameEvidence(cmp) }];
  }
  for (const field of ['family', 'given'] as const) {
    const level = fieldLevel(cmp, field, side);
    if (level === null || !set.tokens.some((t) => t.field === field)) continue;
    // A tiny bonus keeps the family name ahead of the given name when both weigh the same.
    const weight = fieldEvidence(cmp, field, side) + (field === 'family' ? 0.01 : 0);
    out.push({ code: `${field}_name_${level}`, evidence: level === 'different' ? 'against' : 'for', weight });
  }
  if (cmp.swapped) out.push({ code: 'names_swapped', evidence: 'neutral', weight: 1 });
  if (cmp.matches.some((m) => m.similarity >= TOKEN_MATCH_FLOOR && (m.a.length > 1 || m.b.length > 1))) {
    out.push({ code: 'name_written_together', evidence: 'neutral', weight: 0.8 });
  }
  if (cmp.unmatchedA + cmp.unmatchedB > 0) out.push({ code: 'name_part_missing', evidence: 'neutral', weight: 0.5 });
  return out;
}

const DOB_REASON: Readonly<Record<Exclude<DobComparison['agreement'], 'unknown'>, MatchReasonCode>> = {
  exact: 'dob_exact',
  day_month_swapped: 'dob_day_month_swapped',
  close: 'dob_close',
  year_off_by_one: 'dob_year_off_by_one',
  same_month: 'dob_same_month',
  same_year: 'dob_same_year',
  year_adjacent: 'dob_year_adjacent',
  same_year_other_day: 'dob_same_year_other_day',
  different: 'dob_different',
};

/** Reasons for a date-of-birth comparison. */
export function dobReasons(c: DobComparison, weight: number): WeightedReason[] {
  if (c.agreement === 'unknown') return [];
  const out: WeightedReason[] = [
    { code: DOB_REASON[c.agreement], evidence: weight > 0 ? 'for' : weight < 0 ? 'against' : 'neutral', weight },
  ];
  if (c.placeholder) out.push({ code: 'dob_placeholder', evidence: 'neutral', weight: 0.9 });
  return out;
}

/** Best-agreeing pair (by evidence) of name spellings of two persons (primary names and recorded other names). */
export function bestNameComparison(
  a: AnalysedPerson,
  b: AnalysedPerson,
): { cmp: NameSetComparison; setA: AnalysedNameSet } {
  let best: NameSetComparison | null = null;
  let bestSet = a.nameSets[0] as AnalysedNameSet;
  let bestEvidence = -Infinity;
  for (const sa of a.nameSets) {
    for (const sb of b.nameSets) {
      const cmp = compareNameSets(sa, sb);
      const evidence = nameEvidence(cmp);
      if (best === null || evidence > bestEvidence) {
        best = cmp;
        bestSet = sa;
        bestEvidence = evidence;
      }
    }
  }
  return { cmp: best ?? compareNameSets(bestSet, b.nameSets[0] as AnalysedNameSet), setA: bestSet };
}

function toAnalysed(p: AnalysedPerson | PersonMatchInput): AnalysedPerson {
  return 'nameSets' in p ? p : analysePerson(p);
}

/**
 * Scores whether two records describe the same person. Symmetric: `scoreDuplicate(a, b)` equals
 * `scoreDuplicate(b, a)` exactly. Pass analysed persons (`analysePerson`) when scoring one record
 * against many.
 *
 * @example
 * scoreDuplicate(
 *   { givenNames: 'Mohammed', familyName: 'Hussein', dateOfBirth: '1990-05-12' },
 *   { givenNames: 'Hossein', familyName: 'Muhammad', dateOfBirth: '12.05.1990' },
 * ) // score ≈ 0.94 (likely_duplicate): same date of birth; given name spelled differently
 *   // (transliteration); family name is a known variant of the same name; given and family name swapped
 */
export function scoreDuplicate(
  first: AnalysedPerson | PersonMatchInput,
  second: AnalysedPerson | PersonMatchInput,
): DuplicateScore {
  let a = toAnalysed(first);
  let b = toAnalysed(second);
  if (a.orderKey > b.orderKey) [a, b] = [b, a];
  const { cmp, setA } = bestNameComparison(a, b);
  const nameScore = cmp.score;
  let logOdds = DUPLICATE_WEIGHTS.prior + nameEvidence(cmp);
  const reasons: WeightedReason[] = nameReasons(cmp, setA);

  const dob = compareDatesOfBirth(a.dateOfBirth, b.dateOfBirth);
  const dobWeight = dobEvidence(dob);
  logOdds += dobWeight;
  reasons.push(...dobReasons(dob, dobWeight));

  if (a.placeOfBirth !== null && b.placeOfBirth !== null) {
    const same = a.placeOfBirth === b.placeOfBirth || jaroWinkler(a.placeOfBirth, b.placeOfBirth) >= 0.92;
    const w = same ? DUPLICATE_WEIGHTS.placeOfBirth.same : DUPLICATE_WEIGHTS.placeOfBirth.different;
    logOdds += w;
    reasons.push({
      code: same ? 'place_of_birth_same' : 'place_of_birth_different',
      evidence: same ? 'for' : 'against',
      weight: w,
    });
  }
  if (a.nationality !== null && b.nationality !== null) {
    const same = a.nationality === b.nationality;
    const w = same ? DUPLICATE_WEIGHTS.nationality.same : DUPLICATE_WEIGHTS.nationality.different;
    logOdds += w;
    reasons.push({
      code: same ? 'nationality_same' : 'nationality_different',
      evidence: same ? 'for' : 'against',
      weight: w,
    });
  }
  const score = logistic(logOdds);
  return { score, band: duplicateBand(score), reasons: orderReasons(reasons), nameScore };
}
