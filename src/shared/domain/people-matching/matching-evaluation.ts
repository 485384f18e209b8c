/**
 * In-memory evaluation of blocking, duplicate check and search on synthetic people: an inverted
 * index over `recordBlockingKeys` stands in for the database's `keys && $1` query. Used by the
 * unit test that guards the quality targets and reusable by the benchmark on 100,000 persons.
 */
import { duplicateLookupKeys, recordBlockingKeys, searchLookupKeys } from './blocking-keys';
import { scoreDuplicate } from './duplicate-scoring';
import { analysePerson, type AnalysedPerson } from './person-analysis';
import { parseSearchQuery } from './search-query';
import { scoreSearchCandidate } from './search-ranking';
import { createSeededRandom, generatePopulation, respellAsOtherOffice, type SyntheticPerson } from './synthetic-people';

/** Stored records with their analysis and an inverted index key → record indices. */
export interface InMemoryPersonIndex {
  readonly people: readonly SyntheticPerson[];
  readonly analysed: readonly AnalysedPerson[];
  readonly byKey: ReadonlyMap<string, readonly number[]>;
}

/** Builds the inverted index (what the GIN index on `keys` does in PostgreSQL). */
export function buildPersonIndex(people: readonly SyntheticPerson[]): InMemoryPersonIndex {
  const analysed = people.map((p) => analysePerson(p));
  const byKey = new Map<string, number[]>();
  analysed.forEach((a, i) => {
    for (const k of recordBlockingKeys(a)) {
      const list = byKey.get(k);
      if (list === undefined) byKey.set(k, [i]);
      else list.push(i);
    }
  });
  return { people, analysed, byKey };
}

/** Records sharing at least one key with the lookup keys (`keys && $1`). */
export function fetchCandidates(index: InMemoryPersonIndex, keys: readonly string[]): number[] {
  const seen = new Set<number>();
  for (const k of keys) for (const i of index.byKey.get(k) ?? []) seen.add(i);
  return [...seen];
}

/** Evaluation scenario. */
export interface EvaluationOptions {
  readonly population: number;
  readonly duplicates: number;
  /** New registrations of people not in the population (measure false alarms). */
  readonly newPeople: number;
  readonly seed: number;
  readonly threshold: number;
  /** Leave the date of birth out of the re-registrations. */
  readonly withoutDateOfBirth?: boolean;
}

/** Precision and recall of the duplicate check for one group of registrations. */
export interface DuplicateCheckQuality {
  readonly recall: number;
  readonly precision: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Registrations in this group (re-registrations and new people). */
  readonly queries: number;
}

/** Which date of birth the new registration carries. */
export type DobCategory = 'full' | 'partial' | 'none';

/** Measured quality. */
export interface EvaluationResult {
  /** Over all registrations. */
  readonly duplicateRecall: number;
  readonly duplicatePrecision: number;
  /** Split by the date of birth on the new registration: full date / year or placeholder only / none. */
  readonly byDob: Readonly<Record<DobCategory, DuplicateCheckQuality>>;
  /** Share of true duplicates that share at least one blocking key with their original. */
  readonly blockingRecall: number;
  readonly meanCandidates: number;
  readonly p95Candidates: number;
  /** Search: original among the first 10 hits, query with date or year / names only. */
  readonly searchRecallAt10WithDob: number;
  readonly searchRecallAt10NameOnly: number;
  readonly meanSearchCandidates: number;
  readonly pairsScored: number;
  /** Examples of missed duplicates and false alarms, for tuning. */
  readonly misses: readonly string[];
  readonly falseAlarms: readonly string[];
}

function describe(p: SyntheticPerson): string {
  return `${p.givenNames} / ${p.familyName} / ${p.dateOfBirth}`;
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/**
 * Runs the duplicate check and the search on a synthetic population: `duplicates` randomly chosen
 * people are registered again as another office would, `newPeople` unseen people are registered
 * too. Precision and recall count candidate pairs at or above `threshold`.
 */
export function evaluateMatching(options: EvaluationOptions): EvaluationResult {
  const people = generatePopulation(options.population, options.seed);
  const index = buildPersonIndex(people);
  const rng = createSeededRandom(options.seed ^ 0x5eed);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(options.duplicates, people.length)) chosen.add(Math.floor(rng() * people.length));
  const respellOptions = options.withoutDateOfBirth === true ? { withoutDateOfBirth: true } : {};
  const duplicates = [...chosen].map((i) => respellAsOtherOffice(people[i] as SyntheticPerson, rng, respellOptions));
  const fresh = generatePopulation(options.newPeople, options.seed + 1, people.length).map((p) =>
    options.withoutDateOfBirth === true ? { ...p, dateOfBirth: '' } : p,
  );

  const counts: Record<DobCategory, { tp: number; fp: number; fn: number; queries: number }> = {
    full: { tp: 0, fp: 0, fn: 0, queries: 0 },
    partial: { tp: 0, fp: 0, fn: 0, queries: 0 },
    none: { tp: 0, fp: 0, fn: 0, queries: 0 },
  };
  let blocked = 0;
  let pairs = 0;
  const sizes: number[] = [];
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const query of [...duplicates, ...fresh]) {
    const a = analysePerson(query);
    const candidates = fetchCandidates(index, duplicateLookupKeys(a));
    sizes.push(candidates.length);
    const isDuplicate = query.personId < people.length;
    const precision = a.dateOfBirth.precision;
    const c = counts[precision === 'day' ? 'full' : precision === 'unknown' ? 'none' : 'partial'];
    c.queries++;
    let found = false;
    for (const i of candidates) {
      pairs++;
      const s = scoreDuplicate(a, index.analysed[i] as AnalysedPerson);
      const truth = (index.people[i] as SyntheticPerson).personId === query.personId;
      if (truth) {
        blocked++;
        found = s.score >= options.threshold;
        if (!found && misses.length < 40)
          misses.push(`${describe(query)}  ≠?  ${describe(index.people[i] as SyntheticPerson)}  ${s.score.toFixed(3)}`);
      } else if (s.score >= options.threshold) {
        c.fp++;
        if (falseAlarms.length < 40)
          falseAlarms.push(
            `${describe(query)}  ==?  ${describe(index.people[i] as SyntheticPerson)}  ${s.score.toFixed(3)}`,
          );
      }
    }
    if (isDuplicate) {
      if (found) c.tp++;
      else {
        c.fn++;
        if (
          !candidates.some((i) => (index.people[i] as SyntheticPerson).personId === query.personId) &&
          misses.length < 40
        ) {
          misses.push(`${describe(query)}  NOT BLOCKED  ${describe(people[query.personId] as SyntheticPerson)}`);
        }
      }
    }
  }

  // Search: the caseworker types the names as the other office spelled them, in either order.
  const searchSizes: number[] = [];
  let hitsWithDob = 0;
  let queriesWithDob = 0;
  let hitsNameOnly = 0;
  let queriesNameOnly = 0;
  for (const d of duplicates) {
    const r = rng();
    const names = r < 0.3 ? `${d.familyName} ${d.givenNames}` : `${d.givenNames} ${d.familyName}`;
    const mode = rng();
    const dob = d.dateOfBirth;
    const year = /\d{4}/.exec(dob)?.[0] ?? '';
    const withDob = dob !== '' && mode < 0.7;
    const text = !withDob ? names : mode < 0.35 ? `${names} ${dob}` : `${names.toLowerCase()} ${year}`;
    const q = parseSearchQuery(text);
    const candidates = fetchCandidates(index, searchLookupKeys(q));
    searchSizes.push(candidates.length);
    const ranked = candidates
      .map((i) => ({ i, s: scoreSearchCandidate(q, index.analysed[i] as AnalysedPerson).score }))
      .sort((x, y) => y.s - x.s || x.i - y.i)
      .slice(0, 10);
    const hit = ranked.some((x) => (index.people[x.i] as SyntheticPerson).personId === d.personId);
    if (withDob) {
      queriesWithDob++;
      if (hit) hitsWithDob++;
    } else {
      queriesNameOnly++;
      if (hit) hitsNameOnly++;
    }
  }
  const quality = (x: { tp: number; fp: number; fn: number; queries: number }): DuplicateCheckQuality => ({
    recall: x.tp / Math.max(1, x.tp + x.fn),
    precision: x.tp / Math.max(1, x.tp + x.fp),
    truePositives: x.tp,
    falsePositives: x.fp,
    falseNegatives: x.fn,
    queries: x.queries,
  });
  const tp = counts.full.tp + counts.partial.tp + counts.none.tp;
  const fp = counts.full.fp + counts.partial.fp + counts.none.fp;
  const fn = counts.full.fn + counts.partial.fn + counts.none.fn;
  return {
    duplicateRecall: tp / Math.max(1, tp + fn),
    duplicatePrecision: tp / Math.max(1, tp + fp),
    byDob: { full: quality(counts.full), partial: quality(counts.partial), none: quality(counts.none) },
    blockingRecall: blocked / Math.max(1, duplicates.length),
    meanCandidates: sizes.reduce((x, y) => x + y, 0) / Math.max(1, sizes.length),
    p95Candidates: percentile(sizes, 0.95),
    searchRecallAt10WithDob: hitsWithDob / Math.max(1, queriesWithDob),
    searchRecallAt10NameOnly: hitsNameOnly / Math.max(1, queriesNameOnly),
    meanSearchCandidates: searchSizes.reduce((x, y) => x + y, 0) / Math.max(1, searchSizes.length),
    pairsScored: pairs,
    misses,
    falseAlarms,
  };
}
