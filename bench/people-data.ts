/**
 * Data of the people benchmark: the synthetic population (the matching engine's own generator,
 * `synthetic-people.ts`), the stored rows, and the queries "as another office would write them".
 * Everything is derived from fixed seeds, so both engines and every run see the same people and
 * the same queries, and the truth of each query is known without asking the database.
 */
import { analysePerson } from '../src/shared/domain/people-matching/person-analysis';
import {
  createSeededRandom,
  generatePopulation,
  respellAsOtherOffice,
  SYNTHETIC_COUNTRY_ALPHA2,
  type SyntheticPerson,
} from '../src/shared/domain/people-matching/synthetic-people';

/** Seed of the population; the same as the engine's documented evaluation (docs/people-matching.md §8). */
export const POPULATION_SEED = 20240601;
/** Share of stored people who carry one further spelling of their name (a transliteration variant). */
export const VARIANT_SHARE = 0.05;

/** The synthetic generator speaks ISO alpha-3, the API alpha-2. */
export const ALPHA2: Readonly<Record<string, string>> = SYNTHETIC_COUNTRY_ALPHA2;

/**
 * Stored id of the person with index i: fixed, so that the benchmark knows the truth of every
 * answer. Shaped as a UUID v4 (version and variant nibbles) because the API validates ids as such.
 */
export function personUuid(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export function indexOfUuid(id: string): number {
  return id.startsWith('00000000-0000-4000-8000-') ? parseInt(id.slice(24), 16) : -1;
}

/** A stored person: the synthetic record plus an optional second spelling. */
export type StoredPerson = {
  person: SyntheticPerson;
  variant: { givenNames: string; familyName: string } | null;
};

export function buildPopulation(count: number): StoredPerson[] {
  const people = generatePopulation(count, POPULATION_SEED);
  const rng = createSeededRandom(POPULATION_SEED ^ 0x7a71);
  return people.map((person) => {
    if (rng() >= VARIANT_SHARE) return { person, variant: null };
    const other = respellAsOtherOffice(person, rng, { withoutDateOfBirth: true });
    return { person, variant: { givenNames: other.givenNames, familyName: other.familyName } };
  });
}

/** A duplicate check: the registration as typed, and the index of the true person (-1: not in the population). */
export type DuplicateQuery = {
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  truth: number;
};

/** A search: the text typed, the optional dateOfBirth parameter, and the person looked for. */
export type SearchQuery = { q: string; dateOfBirth: string | null; truth: number };

const dayPrecise = (p: { givenNames: string; familyName: string; dateOfBirth: string }) =>
  analysePerson({ givenNames: p.givenNames, familyName: p.familyName, dateOfBirth: p.dateOfBirth }).dateOfBirth
    .precision === 'day';

/**
 * Duplicate checks with a day-precise date of birth: half re-spellings of stored people as another
 * office would register them (other transliteration, swapped names, typos, and the date re-entered
 * – same, day/month swapped, one day off, year ±1), half people who are not in the population.
 * Re-spellings whose date came out as a placeholder or a year are skipped (they are not "with
 * the date of birth given").
 */
export function duplicateQueries(population: readonly StoredPerson[], count: number, seed: number): DuplicateQuery[] {
  const rng = createSeededRandom(seed);
  const existing: DuplicateQuery[] = [];
  const used = new Set<number>();
  const wanted = Math.ceil(count / 2);
  for (let tries = 0; existing.length < wanted && tries < wanted * 50; tries++) {
    const i = Math.floor(rng() * population.length);
    if (used.has(i)) continue;
    const respelled = respellAsOtherOffice(population[i]!.person, rng);
    if (!dayPrecise(respelled)) continue;
    used.add(i);
    existing.push({
      givenNames: respelled.givenNames,
      familyName: respelled.familyName,
      dateOfBirth: respelled.dateOfBirth,
      truth: i,
    });
  }
  // Other people of the same countries and name distributions, drawn with another seed.
  const fresh = generatePopulation((count - wanted) * 2, seed + 1, population.length)
    .filter(dayPrecise)
    .slice(0, count - wanted)
    .map((p) => ({ givenNames: p.givenNames, familyName: p.familyName, dateOfBirth: p.dateOfBirth, truth: -1 }));
  // Interleaved, so that both kinds meet the same state of the server.
  const all = [...existing, ...fresh];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/**
 * Searches for stored people as a caseworker types them from another office's letter: the
 * re-spelled names in either order (family name first in 30 %), with the re-entered date of birth
 * as `dateOfBirth` in 70 % of the searches (whatever precision the re-entry has), names only in
 * the rest – the mix of the engine's evaluation.
 */
export function searchQueries(population: readonly StoredPerson[], count: number, seed: number): SearchQuery[] {
  const rng = createSeededRandom(seed);
  const used = new Set<number>();
  const out: SearchQuery[] = [];
  while (out.length < Math.min(count, population.length)) {
    const i = Math.floor(rng() * population.length);
    if (used.has(i)) continue;
    used.add(i);
    const d = respellAsOtherOffice(population[i]!.person, rng);
    const q = rng() < 0.3 ? `${d.familyName} ${d.givenNames}` : `${d.givenNames} ${d.familyName}`;
    const withDate = d.dateOfBirth !== '' && rng() < 0.7;
    out.push({ q, dateOfBirth: withDate ? d.dateOfBirth : null, truth: i });
  }
  return out;
}
