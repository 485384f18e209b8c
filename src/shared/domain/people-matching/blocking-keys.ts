/**
 * Blocking keys: a small set of strings per person, stored in an indexed `text[]` column
 * (GIN index) so that the database returns only plausible candidates with `keys && $1`.
 * The union of several key kinds keeps recall high when one attribute is misspelled:
 *
 * - `n:A+B`  pair of name codes (dictionary key or folded form) of any two name parts, sorted –
 *            robust to swapped given/family names and extra middle names;
 * - `m:A+B:1990`  the pair with the birth year, for two very frequent names (Muhammad Ahmad),
 *            looked up instead of `n:`/`s:` when the year is known;
 * - `s:a+b`  the same pair on consonant skeletons – catches unknown spellings and vowel typos;
 *            `w:a+b:1990` is its form with the year for two frequent skeletons (hsn+mhmt);
 * - `y:A:1990` / `z:a:1990`  one name code / skeleton with the birth year – catches a typo in the
 *            other name part (not for very frequent names, `FREQUENT_NAME_KEYS`, whose blocks would
 *            be too large);
 * - `d:1990-05-12`  the exact date of birth (not placeholders) – catches names spelled beyond
 *            recognition;
 * - `t:A`    one name code alone – only looked up for one-word searches ("Celik").
 *
 * Records store `recordBlockingKeys`; a duplicate check looks up `duplicateLookupKeys` (adds ±1
 * year and the day/month-swapped date); the search box looks up `searchLookupKeys`.
 */
import type { DateOfBirth } from './date-of-birth';
import { FREQUENT_NAME_KEYS, FREQUENT_SKELETONS } from './name-variant-dictionary';
import type { AnalysedNameSet, AnalysedPerson, AnalysedToken, PersonMatchInput } from './person-analysis';
import { analysePerson } from './person-analysis';
import type { ParsedSearchQuery } from './search-query';

/**
 * Version of the key scheme, the folding rules and the variant dictionary. Stored keys are only
 * comparable with lookup keys of the same version: store it next to the keys and recompute all
 * keys (a batch job) when it changes.
 */
export const BLOCKING_KEYS_VERSION = 1;

interface KeyUnit {
  readonly code: string;
  readonly skeleton: string;
  /** Bit mask of the covered token indices, so that a compound is never paired with its own parts. */
  readonly mask: number;
  readonly frequent: boolean;
  readonly frequentSkeleton: boolean;
}

function units(set: AnalysedNameSet): KeyUnit[] {
  const out: KeyUnit[] = [];
  const n = Math.min(set.tokens.length, 24);
  for (let i = 0; i < n; i++) {
    const t = set.tokens[i] as AnalysedToken;
    if (t.code.length >= 2) {
      out.push({
        code: t.code,
        skeleton: t.skeleton,
        mask: 1 << i,
        frequent: FREQUENT_NAME_KEYS.has(t.code),
        frequentSkeleton: FREQUENT_SKELETONS.has(t.skeleton),
      });
    }
  }
  for (const c of set.compounds) {
    if (c.first + 1 < n) {
      out.push({
        code: c.token.code,
        skeleton: c.token.skeleton,
        mask: 3 << c.first,
        frequent: FREQUENT_NAME_KEYS.has(c.token.code),
        frequentSkeleton: FREQUENT_SKELETONS.has(c.token.skeleton),
      });
    }
  }
  return out;
}

function pair(prefix: string, x: string, y: string): string {
  return x <= y ? `${prefix}${x}+${y}` : `${prefix}${y}+${x}`;
}

/** How a key set is used: stored with the record, or looked up for a duplicate check or a search. */
type KeyPurpose = 'record' | 'lookup';

function addNameKeys(set: AnalysedNameSet, keys: Set<string>, years: readonly number[], purpose: KeyPurpose): void {
  const us = units(set);
  let pairs = 0;
  for (let i = 0; i < us.length; i++) {
    const u = us[i] as KeyUnit;
    for (let j = i + 1; j < us.length; j++) {
      const v = us[j] as KeyUnit;
      if ((u.mask & v.mask) !== 0) continue;
      pairs++;
      const namePair = pair('', u.code, v.code);
      // Two very frequent names (Muhammad Ahmad) form a block of hundreds: with a known year a
      // lookup uses the pair with the year instead; records store both forms.
      const broad = u.frequent && v.frequent;
      if (broad) for (const year of years) keys.add(`m:${namePair}:${year}`);
      if (!(purpose === 'lookup' && broad && years.length > 0)) keys.add('n:' + namePair);
      if (u.skeleton.length >= 2 && v.skeleton.length >= 2) {
        const skeletonPair = pair('', u.skeleton, v.skeleton);
        const broadSkeletons = u.frequentSkeleton && v.frequentSkeleton;
        if (broadSkeletons) for (const year of years) keys.add(`w:${skeletonPair}:${year}`);
        if (!(purpose === 'lookup' && broadSkeletons && years.length > 0)) keys.add('s:' + skeletonPair);
      }
    }
  }
  // Records store single-name keys; a lookup uses them only when the name has no pair at all.
  const single = purpose === 'record' || pairs === 0;
  for (const u of us) {
    if (single) keys.add('t:' + u.code);
    for (const year of years) {
      if (!u.frequent) keys.add(`y:${u.code}:${year}`);
      if (!u.frequentSkeleton && u.skeleton.length >= 3) keys.add(`z:${u.skeleton}:${year}`);
    }
  }
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function dateKeys(dob: DateOfBirth, withSwap: boolean): string[] {
  if (dob.precision !== 'day' || dob.year === null || dob.month === null || dob.day === null) return [];
  const out = [`d:${isoDate(dob.year, dob.month, dob.day)}`];
  if (withSwap && dob.day <= 12 && dob.day !== dob.month) out.push(`d:${isoDate(dob.year, dob.day, dob.month)}`);
  return out;
}

function toAnalysed(p: AnalysedPerson | PersonMatchInput): AnalysedPerson {
  return 'nameSets' in p ? p : analysePerson(p);
}

/**
 * Keys to store with a person record (all spellings in `otherNames` included).
 * Typically 10–25 keys for a person with two to three name parts and a date of birth.
 */
export function recordBlockingKeys(person: AnalysedPerson | PersonMatchInput): string[] {
  const p = toAnalysed(person);
  const keys = new Set<string>();
  const years = p.dateOfBirth.year === null ? [] : [p.dateOfBirth.year];
  for (const set of p.nameSets) addNameKeys(set, keys, years, 'record');
  for (const k of dateKeys(p.dateOfBirth, false)) keys.add(k);
  return [...keys].sort();
}

function adjacentYears(dob: DateOfBirth): number[] {
  return dob.year === null ? [] : [dob.year - 1, dob.year, dob.year + 1];
}

/**
 * Keys to look up for the duplicate check of a new registration: the record's own keys with the
 * birth year widened to ±1 and the day/month-swapped date; single-name keys only for a one-word name.
 */
export function duplicateLookupKeys(person: AnalysedPerson | PersonMatchInput): string[] {
  const p = toAnalysed(person);
  const keys = new Set<string>();
  const years = adjacentYears(p.dateOfBirth);
  for (const set of p.nameSets) addNameKeys(set, keys, years, 'lookup');
  for (const k of dateKeys(p.dateOfBirth, true)) keys.add(k);
  return [...keys].sort();
}

/**
 * Keys to look up for a search-box query: name pairs; name + year (±1) when the query holds a
 * year or date; the exact (and swapped) date; single-name keys only for one-word queries.
 */
export function searchLookupKeys(query: ParsedSearchQuery): string[] {
  const keys = new Set<string>();
  addNameKeys(query.names, keys, adjacentYears(query.dateOfBirth), 'lookup');
  for (const k of dateKeys(query.dateOfBirth, true)) keys.add(k);
  return [...keys].sort();
}
