import { BLOCKING_KEYS_VERSION, recordBlockingKeys } from '../../../shared/domain/people-matching/blocking-keys';
import { parseDateOfBirth } from '../../../shared/domain/people-matching/date-of-birth';
import {
  analysePerson,
  type AnalysedPerson,
  type PersonMatchInput,
} from '../../../shared/domain/people-matching/person-analysis';
import type { PersonMatchRecord, VariantValues } from './people.repository';

/** The matching-relevant part of a person, as stored or as about to be stored. */
export type MatchableFields = {
  givenNames: string;
  familyName: string;
  variants: readonly Pick<VariantValues, 'givenNames' | 'familyName'>[];
  dateOfBirth: string | null;
  placeOfBirth: string | null;
  nationalities: readonly string[];
};

/**
 * A person has several nationalities, the engine compares one: the one the other side shares, if
 * any, so that a second nationality never counts against a match.
 */
function pickNationality(own: readonly string[], other: string | null | undefined): string | null {
  if (other) {
    const wanted = other.trim().toUpperCase();
    if (own.some((n) => n.toUpperCase() === wanted)) return wanted;
  }
  return own[0] ?? null;
}

export function matchInput(fields: MatchableFields, otherNationality?: string | null): PersonMatchInput {
  return {
    givenNames: fields.givenNames,
    familyName: fields.familyName,
    otherNames: fields.variants.map((v) => ({ givenNames: v.givenNames ?? null, familyName: v.familyName ?? null })),
    dateOfBirth: fields.dateOfBirth,
    placeOfBirth: fields.placeOfBirth,
    nationality: pickNationality(fields.nationalities, otherNationality),
  };
}

export function recordFields(r: PersonMatchRecord): MatchableFields {
  return {
    givenNames: r.person.givenNames,
    familyName: r.person.familyName,
    variants: r.variants,
    dateOfBirth: r.person.dateOfBirthRaw,
    placeOfBirth: r.person.placeOfBirth,
    nationalities: r.person.nationalities,
  };
}

/**
 * Analyses of stored people, keyed by id, version and the nationality compared. Analysing a
 * candidate costs twice as much as scoring it (bench profile), and the same people come up in
 * check after check. Every write of a person bumps its version, so an entry can never be stale;
 * the map keeps the most recently used entries (Map iteration order = insertion order).
 */
const ANALYSIS_CACHE_SIZE = 20_000;
const analysisCache = new Map<string, AnalysedPerson>();

export function analyseRecord(r: PersonMatchRecord, otherNationality?: string | null): AnalysedPerson {
  const fields = recordFields(r);
  const nationality = pickNationality(fields.nationalities, otherNationality);
  const key = `${r.person.id}:${r.person.version}:${nationality ?? ''}`;
  const cached = analysisCache.get(key);
  if (cached) {
    analysisCache.delete(key);
    analysisCache.set(key, cached);
    return cached;
  }
  const analysed = analysePerson(matchInput(fields, otherNationality));
  analysisCache.set(key, analysed);
  if (analysisCache.size > ANALYSIS_CACHE_SIZE) analysisCache.delete(analysisCache.keys().next().value!);
  return analysed;
}

/** Blocking keys over every spelling and the date of birth; recomputed on every write. */
export function blockingKeysOf(fields: MatchableFields): string[] {
  return recordBlockingKeys(matchInput(fields));
}

/**
 * The stored key columns: the keys with the version of the key scheme they were computed with,
 * so that a later scheme can find and recompute them (`recomputeStaleBlockingKeys`).
 */
export function blockingKeyColumns(fields: MatchableFields): { blockingKeys: string[]; blockingKeysVersion: number } {
  return { blockingKeys: blockingKeysOf(fields), blockingKeysVersion: BLOCKING_KEYS_VERSION };
}

/** The stored date-of-birth columns: the text as written plus what is really known of it. */
export function dateOfBirthColumns(raw: string | null) {
  const dob = parseDateOfBirth(raw);
  return {
    dateOfBirthRaw: raw,
    dobYear: dob.year,
    dobMonth: dob.month,
    dobDay: dob.day,
    dobPrecision: dob.precision,
    dobPlaceholder: dob.placeholder,
  };
}
