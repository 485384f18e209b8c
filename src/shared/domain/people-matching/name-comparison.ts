/**
 * Comparison of names: token against token (exact, spelling, dictionary variant, sounds-the-same,
 * typo) and set of tokens against set of tokens with the best one-to-one assignment, so that
 * swapped given/family names, missing middle names and names written together or apart
 * (Ali Reza / Alireza) still match.
 */
import type { NameField } from './name-normalisation';
import { foldedSpellingsOf } from './name-variant-dictionary';
import type { AnalysedNameSet, AnalysedToken, NameFrequency } from './person-analysis';
import { jaroWinkler, typoDistance, withinOneTypo } from './string-similarity';

/** How well two name tokens agree, strongest first. */
export type NameMatchLevel = 'same' | 'spelling' | 'variant' | 'sounds_same' | 'similar' | 'different';

/** Similarity of two tokens in [0, 1] with the kind of agreement. */
export interface TokenComparison {
  readonly similarity: number;
  readonly level: NameMatchLevel;
}

/** Token similarities per level; tuned on the synthetic evaluation (see docs/people-matching.md). */
export const TOKEN_SIMILARITY = {
  same: 1,
  spelling: 0.97,
  variant: 0.94,
  soundsSame: 0.9,
  typo1: 0.9,
  typo1Short: 0.8,
  typo2Long: 0.85,
  /** Both names are known and belong to different groups (Hassan/Hussein, Ahmad/Mahmoud). */
  knownDifferent: 0.4,
  /** Two known, different names one typing error apart (Saleh/Salah): possible, but not enough alone. */
  knownDifferentTypo: 0.6,
} as const;

/** One string is the other plus an ending (feminine -a/-ah/-e, nisba -i). */
function isExtension(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.length > short.length && long.startsWith(short);
}

const SAME: TokenComparison = { similarity: TOKEN_SIMILARITY.same, level: 'same' };
const SPELLING: TokenComparison = { similarity: TOKEN_SIMILARITY.spelling, level: 'spelling' };
const VARIANT: TokenComparison = { similarity: TOKEN_SIMILARITY.variant, level: 'variant' };
const SOUNDS_SAME: TokenComparison = { similarity: TOKEN_SIMILARITY.soundsSame, level: 'sounds_same' };
const TYPO1: TokenComparison = { similarity: TOKEN_SIMILARITY.typo1, level: 'similar' };
const TYPO1_SHORT: TokenComparison = { similarity: TOKEN_SIMILARITY.typo1Short, level: 'similar' };
const TYPO2_LONG: TokenComparison = { similarity: TOKEN_SIMILARITY.typo2Long, level: 'similar' };
const KNOWN_DIFFERENT: TokenComparison = { similarity: TOKEN_SIMILARITY.knownDifferent, level: 'different' };
const KNOWN_DIFFERENT_TYPO: TokenComparison = { similarity: TOKEN_SIMILARITY.knownDifferentTypo, level: 'similar' };

/** Level from which two tokens count as "the same name" for reasons and swap detection. */
export const TOKEN_MATCH_FLOOR = 0.8;

/**
 * Compares two analysed name tokens. Symmetric.
 *
 * - equal normalised text → `same`; equal folded form (Özdemir/Oezdemir, Mohammed/Mohamed) → `spelling`;
 * - same dictionary group (Mehmet/Muhammad) → `variant`; different groups (Hassan/Hussein, Ali/Alia)
 *   → 0.4, evidence against (unless one typing error apart: 0.6);
 * - otherwise equal skeleton → `sounds_same`; one typing error (two for long names) → `similar`;
 *   else a damped Jaro-Winkler similarity.
 */
export function compareNameTokens(a: AnalysedToken, b: AnalysedToken): TokenComparison {
  if (a.text === b.text) return SAME;
  if (a.folded === b.folded) return SPELLING;
  if (a.group !== null && b.group !== null) {
    if (a.group === b.group) return VARIANT;
    // One typing error can turn a name into another known name (Amiir → Amiri, Jamil → Jamiul);
    // keep that possible but weak. Not for an added ending (Samir/Samira, Amin/Amina, Karim/Karimi).
    if (
      Math.min(a.folded.length, b.folded.length) >= 4 &&
      withinOneTypo(a.folded, b.folded) &&
      !isExtension(a.folded, b.folded)
    ) {
      return KNOWN_DIFFERENT_TYPO;
    }
    return KNOWN_DIFFERENT;
  }
  // At least one unknown name: string measures, cheapest first.
  const minLength = Math.min(a.folded.length, b.folded.length);
  if (a.skeleton === b.skeleton && a.skeleton.length >= 3 && jaroWinkler(a.folded, b.folded) >= 0.75) {
    return SOUNDS_SAME;
  }
  // An unknown spelling one typing error away from any spelling of the other's known name
  // (Tameeim → Tameemi, a transposition) is a typo of that name.
  const known = a.group ?? b.group;
  if (known !== null && minLength >= 4) {
    const unknown = a.group === null ? a.folded : b.folded;
    for (const spelling of foldedSpellingsOf(known)) if (withinOneTypo(unknown, spelling)) return TYPO1;
  }
  if (minLength >= 3 && withinOneTypo(a.folded, b.folded)) {
    return minLength >= 5 ? TYPO1 : TYPO1_SHORT;
  }
  if (minLength >= 8 && Math.abs(a.folded.length - b.folded.length) <= 2 && typoDistance(a.folded, b.folded) === 2) {
    return TYPO2_LONG;
  }
  // Jaro-Winkler rewards a shared beginning, which unrelated names often have (Abdel…, Zaporozh…);
  // the edit distance relative to the length keeps such pairs apart.
  const jw = jaroWinkler(a.folded, b.folded);
  // Below 0.8 the pair is "different" either way; skip the quadratic edit distance.
  const maxLength = Math.max(a.folded.length, b.folded.length);
  const blended = jw < 0.8 ? jw : Math.min(jw, 1.15 - typoDistance(a.folded, b.folded) / maxLength);
  const similarity = blended >= 0.9 ? 0.85 * blended : 0.7 * blended;
  return { similarity, level: similarity >= TOKEN_MATCH_FLOOR ? 'similar' : 'different' };
}

/** One accepted pairing in a name-set comparison. Compounds cover two adjacent tokens. */
export interface TokenMatch {
  readonly similarity: number;
  readonly level: NameMatchLevel;
  /** Indices of the covered tokens of side A (one or two). */
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly fieldA: NameField;
  readonly fieldB: NameField;
  /** Frequency class of the two compared units. */
  readonly frequencyA: NameFrequency;
  readonly frequencyB: NameFrequency;
}

/** Result of comparing two spellings of a name. */
export interface NameSetComparison {
  /** Overall name agreement in [0, 1]. */
  readonly score: number;
  readonly matches: readonly TokenMatch[];
  /** Tokens left without a partner (an extra middle name, a dropped particle name). */
  readonly unmatchedA: number;
  readonly unmatchedB: number;
  /** Given name of one record matches the family name of the other and vice versa. */
  readonly swapped: boolean;
}

/** Penalty per token without partner; a missing middle name is common, so it is mild. */
export const UNMATCHED_TOKEN_PENALTY = 0.06;
/** Cap of the name score when the shorter name has a single token: one word is little evidence. */
export const SINGLE_TOKEN_FACTOR = 0.92;

const MAX_TOKENS = 12;

function indices(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if ((mask & 1) !== 0) out.push(i);
  return out;
}

function popcount(mask: number): number {
  let n = 0;
  for (; mask !== 0; mask &= mask - 1) n++;
  return n;
}

// Scratch buffers for the candidate pairs of one comparison (at most 12×12 singles + compounds).
// Reused across calls to keep scoring allocation-free; the function stays pure for callers.
const MAX_CANDIDATES = 512;
const candSim = new Float64Array(MAX_CANDIDATES);
const candMaskA = new Int32Array(MAX_CANDIDATES);
const candMaskB = new Int32Array(MAX_CANDIDATES);
const candCoverage = new Int8Array(MAX_CANDIDATES);
const candLevel: NameMatchLevel[] = new Array<NameMatchLevel>(MAX_CANDIDATES).fill('different');
const candTokenA: AnalysedToken[] = [];
const candTokenB: AnalysedToken[] = [];
let candidateCount = 0;

function addCandidate(
  x: AnalysedToken,
  y: AnalysedToken,
  c: TokenComparison,
  maskA: number,
  maskB: number,
  coverage: number,
): void {
  const k = candidateCount++;
  candSim[k] = c.similarity;
  candLevel[k] = c.level;
  candMaskA[k] = maskA;
  candMaskB[k] = maskB;
  candCoverage[k] = coverage;
  candTokenA[k] = x;
  candTokenB[k] = y;
}

/**
 * Compares two name spellings by the best one-to-one assignment of tokens (greedy on similarity,
 * which is optimal for the few tokens of a name in practice), also trying adjacent tokens of one
 * side written together on the other side.
 *
 * Score = mean similarity of the pairs (weighted by covered tokens)
 *         × (1 − 0.06 × tokens without partner) × (0.92 if the shorter name has one token).
 * Order-free: swapped given/family names score like unswapped ones; `swapped` reports it.
 */
export function compareNameSets(
  a: AnalysedNameSet,
  b: AnalysedNameSet,
  compare: (x: AnalysedToken, y: AnalysedToken) => TokenComparison = compareNameTokens,
): NameSetComparison {
  const na = Math.min(a.tokens.length, MAX_TOKENS);
  const nb = Math.min(b.tokens.length, MAX_TOKENS);
  if (na === 0 || nb === 0) return { score: 0, matches: [], unmatchedA: na, unmatchedB: nb, swapped: false };
  candidateCount = 0;
  for (let i = 0; i < na; i++) {
    const x = a.tokens[i] as AnalysedToken;
    for (let j = 0; j < nb; j++) {
      const y = b.tokens[j] as AnalysedToken;
      addCandidate(x, y, compare(x, y), 1 << i, 1 << j, 2);
    }
  }
  // Written together on one side, apart on the other: only worth it when clearly better.
  for (const comp of a.compounds) {
    if (comp.first + 1 >= na) continue;
    for (let j = 0; j < nb && candidateCount < MAX_CANDIDATES; j++) {
      const y = b.tokens[j] as AnalysedToken;
      const c = compare(comp.token, y);
      if (c.similarity >= 0.85) addCandidate(comp.token, y, c, 3 << comp.first, 1 << j, 3);
    }
  }
  for (const comp of b.compounds) {
    if (comp.first + 1 >= nb) continue;
    for (let i = 0; i < na && candidateCount < MAX_CANDIDATES; i++) {
      const x = a.tokens[i] as AnalysedToken;
      const c = compare(x, comp.token);
      if (c.similarity >= 0.85) addCandidate(x, comp.token, c, 1 << i, 3 << comp.first, 3);
    }
  }
  let usedA = 0;
  let usedB = 0;
  const fullA = (1 << na) - 1;
  const fullB = (1 << nb) - 1;
  const matches: TokenMatch[] = [];
  let weighted = 0;
  let weights = 0;
  let crossFamilyToGiven = false;
  let crossGivenToFamily = false;
  // Repeated selection of the best free pair (ties: larger coverage, then earlier pair); names
  // have few tokens, so this beats sorting.
  while (usedA !== fullA && usedB !== fullB) {
    let best = -1;
    const count = candidateCount;
    for (let k = 0; k < count; k++) {
      if ((usedA & (candMaskA[k] as number)) !== 0 || (usedB & (candMaskB[k] as number)) !== 0) continue;
      if (
        best < 0 ||
        (candSim[k] as number) > (candSim[best] as number) ||
        ((candSim[k] as number) === (candSim[best] as number) &&
          (candCoverage[k] as number) > (candCoverage[best] as number))
      ) {
        best = k;
      }
    }
    if (best < 0) break;
    const sim = candSim[best] as number;
    const coverage = candCoverage[best] as number;
    const x = candTokenA[best] as AnalysedToken;
    const y = candTokenB[best] as AnalysedToken;
    const maskA = candMaskA[best] as number;
    const maskB = candMaskB[best] as number;
    usedA |= maskA;
    usedB |= maskB;
    matches.push({
      similarity: sim,
      level: candLevel[best] as NameMatchLevel,
      a: indices(maskA),
      b: indices(maskB),
      fieldA: x.field,
      fieldB: y.field,
      frequencyA: x.frequency,
      frequencyB: y.frequency,
    });
    weighted += sim * coverage;
    weights += coverage;
    if (sim >= TOKEN_MATCH_FLOOR) {
      if (x.field === 'family' && y.field === 'given') crossFamilyToGiven = true;
      if (x.field === 'given' && y.field === 'family') crossGivenToFamily = true;
    }
  }
  // Drop token references so the scratch buffers do not keep analysed persons alive.
  candTokenA.length = 0;
  candTokenB.length = 0;
  const unmatchedA = na - popcount(usedA);
  const unmatchedB = nb - popcount(usedB);
  let score =
    (weights === 0 ? 0 : weighted / weights) * Math.max(0, 1 - UNMATCHED_TOKEN_PENALTY * (unmatchedA + unmatchedB));
  if (Math.min(na, nb) === 1) score *= SINGLE_TOKEN_FACTOR;
  return { score, matches, unmatchedA, unmatchedB, swapped: crossFamilyToGiven && crossGivenToFamily };
}
