/**
 * Ranking for the person search box: scores a candidate (fetched by `searchLookupKeys`) against a
 * parsed query. The name part measures how well the typed words are covered by the candidate's
 * names in any order; a date or year in the query multiplies in.
 */
import { compareDatesOfBirth, type DobAgreement } from './date-of-birth';
import { dobReasons, nameReasons } from './duplicate-scoring';
import { compareNameSets, compareNameTokens, type NameSetComparison, type TokenComparison } from './name-comparison';
import { orderReasons, type MatchReason, type WeightedReason } from './match-reasons';
import {
  analysePerson,
  type AnalysedNameSet,
  type AnalysedPerson,
  type AnalysedToken,
  type PersonMatchInput,
} from './person-analysis';
import type { ParsedSearchQuery } from './search-query';

/** Score of one search candidate. */
export interface SearchScore {
  /** Relevance in [0, 1]; 1 = every typed word is the candidate's name and the date matches. */
  readonly score: number;
  /** Name coverage alone in [0, 1]. */
  readonly nameScore: number;
  readonly reasons: readonly MatchReason[];
}

/** How much a date agreement is worth when the query holds a date or year (0..1). */
export const SEARCH_DOB_MATCH: Readonly<Record<DobAgreement, number>> = {
  exact: 1,
  day_month_swapped: 0.9,
  close: 0.8,
  year_off_by_one: 0.7,
  same_month: 0.85,
  same_year: 0.75,
  year_adjacent: 0.45,
  same_year_other_day: 0.15,
  different: 0,
  unknown: 0.4,
};
/** Share of the score that depends on the date when the query holds one. */
export const SEARCH_DOB_SHARE = 0.4;
/** Penalty per candidate name part the query did not mention (ranks fuller matches first). */
export const SEARCH_EXTRA_TOKEN_PENALTY = 0.02;
/** Similarity of a typed word that is the beginning of a name (search as you type: "Moha"). */
export const SEARCH_PREFIX_SIMILARITY = 0.85;

function prefixAwareComparator(
  last: AnalysedToken | undefined,
): (x: AnalysedToken, y: AnalysedToken) => TokenComparison {
  return (x, y) => {
    const c = compareNameTokens(x, y);
    if (x === last && x.text.length >= 3 && c.similarity < SEARCH_PREFIX_SIMILARITY && y.text.startsWith(x.text)) {
      return { similarity: SEARCH_PREFIX_SIMILARITY, level: 'similar' };
    }
    return c;
  };
}

function queryCoverage(cmp: NameSetComparison, queryTokens: number): number {
  let covered = 0;
  for (const m of cmp.matches) covered += m.similarity * m.a.length;
  const extra = Math.min(3, cmp.unmatchedB);
  return (covered / queryTokens) * (1 - SEARCH_EXTRA_TOKEN_PENALTY * extra);
}

function toAnalysed(p: AnalysedPerson | PersonMatchInput): AnalysedPerson {
  return 'nameSets' in p ? p : analysePerson(p);
}

/**
 * Scores a candidate person for a search query.
 *
 * name = Σ similarity of the typed words to their best distinct name parts / number of typed words
 *        × (1 − 0.02 per candidate name part not typed, at most 3);
 * score = name × (0.6 + 0.4 × date agreement) when the query holds a date or year, else name.
 * Without name words (a date only) the score is the date agreement alone.
 */
export function scoreSearchCandidate(
  query: ParsedSearchQuery,
  candidate: AnalysedPerson | PersonMatchInput,
): SearchScore {
  const person = toAnalysed(candidate);
  const q = query.names;
  const reasons: WeightedReason[] = [];
  let nameScore = 0;
  if (q.tokens.length > 0) {
    const compare = prefixAwareComparator(q.tokens[q.tokens.length - 1]);
    let best: NameSetComparison | null = null;
    let bestSet: AnalysedNameSet | null = null;
    for (const set of person.nameSets) {
      const cmp = compareNameSets(q, set, compare);
      const s = queryCoverage(cmp, q.tokens.length);
      if (best === null || s > nameScore) {
        best = cmp;
        bestSet = set;
        nameScore = s;
      }
    }
    if (best !== null && bestSet !== null)
      reasons.push(...nameReasons(best, bestSet, 'b').filter((r) => r.code !== 'name_part_missing'));
  }
  let score = nameScore;
  if (query.dateOfBirth.precision !== 'unknown') {
    const dob = compareDatesOfBirth(query.dateOfBirth, person.dateOfBirth);
    let match = SEARCH_DOB_MATCH[dob.agreement];
    // The user typed only a year: the same year is all they asked for.
    if (dob.agreement === 'same_year' && query.dateOfBirth.precision === 'year' && !query.dateOfBirth.placeholder)
      match = 1;
    score = q.tokens.length === 0 ? match : nameScore * (1 - SEARCH_DOB_SHARE + SEARCH_DOB_SHARE * match);
    reasons.push(...dobReasons(dob, match >= 0.5 ? match : match - 1));
  }
  return { score: Math.min(1, Math.max(0, score)), nameScore, reasons: orderReasons(reasons) };
}

/** A ranked search hit. */
export interface RankedSearchHit<T> extends SearchScore {
  readonly item: T;
}

/**
 * Ranks candidates for a query, best first (ties: higher name score, then input order), and keeps
 * the top `limit`.
 */
export function rankSearchCandidates<T>(
  query: ParsedSearchQuery,
  candidates: readonly T[],
  toPerson: (item: T) => AnalysedPerson | PersonMatchInput,
  limit = 20,
): RankedSearchHit<T>[] {
  const scored = candidates.map((item, index) => ({ item, index, ...scoreSearchCandidate(query, toPerson(item)) }));
  scored.sort((x, y) => y.score - x.score || y.nameScore - x.nameScore || x.index - y.index);
  return scored.slice(0, limit).map(({ item, score, nameScore, reasons }) => ({ item, score, nameScore, reasons }));
}
