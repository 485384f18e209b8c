/**
 * Prepares a person (or a search query) for matching: every name token gets its normalised text,
 * folded form, consonant skeleton and dictionary key once, so that scoring a pair is only
 * comparisons. Analyse each record once and score it against many.
 */
import { parseDateOfBirth, type DateOfBirth, type DateOfBirthInput } from './date-of-birth';
import { normaliseNameText, tokeniseNameField, type NameField } from './name-normalisation';
import { COMMON_NAME_KEYS, FREQUENT_NAME_KEYS, lookupVariantGroup } from './name-variant-dictionary';
import { foldName, nameSkeleton } from './transliteration-folding';

/** One recorded spelling of a person's name. */
export interface PersonNameInput {
  readonly givenNames?: string | null;
  readonly familyName?: string | null;
}

/** The attributes the matching engine uses. Everything is optional; names carry most evidence. */
export interface PersonMatchInput extends PersonNameInput {
  /** Further recorded spellings (birth name, aliases, spelling in another document). */
  readonly otherNames?: readonly PersonNameInput[] | null;
  readonly dateOfBirth?: DateOfBirthInput;
  /** Free text; compared after the same folding as names (Aleppo = Alep = Halab is not resolved). */
  readonly placeOfBirth?: string | null;
  /** Country code (ISO 3166 alpha-2 or alpha-3, compared case-insensitively) or a name. */
  readonly nationality?: string | null;
}

/** A name token with its matching keys. */
export interface AnalysedToken {
  /** Normalised text (lower-case ASCII, umlauts stripped). */
  readonly text: string;
  /** Transliteration-folded form. */
  readonly folded: string;
  /** Consonant skeleton of the folded form. */
  readonly skeleton: string;
  /** Canonical key of the variant group, or null when the name is not in the dictionary. */
  readonly group: string | null;
  /** Blocking code: the group key if known, else the folded form. */
  readonly code: string;
  /** How common the name is; agreement on a frequent name is weaker evidence. */
  readonly frequency: NameFrequency;
  readonly field: NameField;
}

/** Frequency class of a name: dictionary lists of frequent/common names, other known names, unknown names. */
export type NameFrequency = 'frequent' | 'common' | 'known' | 'unknown';

/** Two adjacent tokens of the same field read as one (Ali Reza ↔ Alireza, Gul Ahmad ↔ Gulahmad). */
export interface AnalysedCompound {
  readonly token: AnalysedToken;
  /** Index of the first of the two tokens in `AnalysedNameSet.tokens`. */
  readonly first: number;
}

/** One spelling of a name, analysed. */
export interface AnalysedNameSet {
  readonly tokens: readonly AnalysedToken[];
  readonly compounds: readonly AnalysedCompound[];
}

/** A person ready for scoring. */
export interface AnalysedPerson {
  /** The primary spelling first, then `otherNames`. Never empty (it may hold an empty set). */
  readonly nameSets: readonly AnalysedNameSet[];
  readonly dateOfBirth: DateOfBirth;
  /** Folded place of birth, or null. */
  readonly placeOfBirth: string | null;
  /** Upper-case nationality, or null. */
  readonly nationality: string | null;
  /** Deterministic sort key; scoring puts the smaller one first so that scores are exactly symmetric. */
  readonly orderKey: string;
}

// Analysing the same token text is frequent (a few hundred candidates share few names); a small
// bounded memo keeps it cheap. It is invisible to callers: results are immutable values.
const TOKEN_CACHE_LIMIT = 20_000;
const tokenCache = new Map<string, Omit<AnalysedToken, 'field'>>();

function analyseText(text: string): Omit<AnalysedToken, 'field'> {
  const cached = tokenCache.get(text);
  if (cached !== undefined) return cached;
  const folded = foldName(text);
  const entry = lookupVariantGroup(folded);
  const group = entry === undefined ? null : entry.key;
  const frequency: NameFrequency =
    group === null
      ? 'unknown'
      : FREQUENT_NAME_KEYS.has(group)
        ? 'frequent'
        : COMMON_NAME_KEYS.has(group)
          ? 'common'
          : 'known';
  const result = { text, folded, skeleton: nameSkeleton(folded), group, code: group ?? folded, frequency };
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(text, result);
  return result;
}

/** Analyses one normalised token text (lower-case ASCII letters). */
export function analyseToken(text: string, field: NameField): AnalysedToken {
  return { ...analyseText(text), field };
}

function analyseField(value: string | null | undefined, field: NameField): AnalysedToken[] {
  if (value === null || value === undefined || value.trim() === '') return [];
  return tokeniseNameField(normaliseNameText(value), field).map((t) => analyseToken(t.text, field));
}

/** Analyses free name text (search query words, or one field) into tokens and compounds. */
export function analyseNameSet(given: string | null | undefined, family: string | null | undefined): AnalysedNameSet {
  return withCompounds([...analyseField(given, 'given'), ...analyseField(family, 'family')]);
}

/** Adds the adjacent-token compounds (same field only) to a token list. */
export function withCompounds(tokens: readonly AnalysedToken[]): AnalysedNameSet {
  const compounds: AnalysedCompound[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as AnalysedToken;
    const b = tokens[i + 1] as AnalysedToken;
    if (a.field !== b.field) continue;
    compounds.push({ token: analyseToken(a.text + b.text, a.field), first: i });
  }
  return { tokens, compounds };
}

/**
 * Analyses a person once for scoring and blocking.
 *
 * @example analysePerson({ givenNames: 'Abd al-Rahman', familyName: 'Al-Hassan', dateOfBirth: '01.01.1990' })
 */
export function analysePerson(input: PersonMatchInput): AnalysedPerson {
  const nameSets = [analyseNameSet(input.givenNames, input.familyName)];
  for (const other of input.otherNames ?? []) {
    const set = analyseNameSet(other.givenNames, other.familyName);
    if (set.tokens.length > 0) nameSets.push(set);
  }
  const dateOfBirth = parseDateOfBirth(input.dateOfBirth);
  const place =
    input.placeOfBirth === null || input.placeOfBirth === undefined ? '' : normaliseNameText(input.placeOfBirth);
  const placeOfBirth = place === '' ? null : foldName(place.replace(/ /g, ''));
  const nat = input.nationality?.trim().toUpperCase() ?? '';
  const primary = nameSets[0] as AnalysedNameSet;
  const orderKey = [
    primary.tokens.map((t) => t.field.charAt(0) + t.text).join(' '),
    dateOfBirth.year ?? '',
    dateOfBirth.month ?? '',
    dateOfBirth.day ?? '',
    dateOfBirth.placeholder ? 'p' : '',
    placeOfBirth ?? '',
    nat,
    nameSets.length,
  ].join('|');
  return { nameSets, dateOfBirth, placeOfBirth, nationality: nat === '' ? null : nat, orderKey };
}
