/**
 * Normalisation of personal names written in Latin (or Cyrillic) script: the first step of the
 * people-matching engine. Everything here is pure and allocation-light; the output is lower-case
 * ASCII tokens that the transliteration folding (`transliteration-folding.ts`) works on.
 */

/** How German (and Turkish) umlauts ä ö ü become ASCII. */
export type UmlautMode = 'strip' | 'expand';

/** Which name field a token came from; search queries have no field. */
export type NameField = 'given' | 'family' | 'query';

/** One normalised name token, after particles were dropped and compounds were joined. */
export interface NormalisedNameToken {
  /** Lower-case ASCII letters only (umlauts stripped: Özdemir → ozdemir). */
  readonly text: string;
  readonly field: NameField;
}

// Apostrophes and ʿayn/hamza signs vanish inside a word: Sa'id = Said, Ma’mun = Mamun.
// U+00B4 and U+0060 must go before NFKC, which would turn ´ into a space plus a combining accent.
const APOSTROPHES = /['\u2018\u2019\u201b\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u00b4\u0060\uff07]/g;

const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i', // Turkish dotless i
  þ: 'th',
  ŋ: 'ng',
  ħ: 'h',
  ə: 'a', // Azerbaijani schwa: Məmməd
  ɛ: 'e',
  ɔ: 'o',
};
const LETTERS_WITHOUT_DECOMPOSITION_RE = /[ßæœøđðłıþŋħəɛɔ]/g;

const UMLAUT_EXPANSIONS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };
const UMLAUT_RE = /[äöü]/g;

// Ukrainian passport transliteration (KMU 2010) with the Russian-only letters added, so that a
// caseworker who types Cyrillic finds the Latin record. Г → h follows Ukrainian; the folding and
// the variant dictionary bridge h/g where it matters (Olha/Olga).
// prettier-ignore
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'y', і: 'i',
  ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'yu', я: 'ya', ё: 'yo', э: 'e',
  ы: 'y', ъ: '',
};
const CYRILLIC_RE = /[а-яёєіїґ]/g;

const COMBINING_MARKS = /\p{M}/gu;
const NON_LETTERS = /[^a-z]+/g;

/**
 * Normalises a free-text name to lower-case ASCII words separated by single spaces.
 *
 * Steps: apostrophes removed, Unicode NFKC, lower case, Turkish ı/İ, ß → ss and other letters
 * without a decomposition, umlauts stripped (`'strip'`, default) or expanded to ae/oe/ue
 * (`'expand'`), Cyrillic transliterated, all other diacritics removed, every non-letter
 * (hyphen, dot, digit, comma …) turned into a separator.
 *
 * @example normaliseNameText('Özdemir') === 'ozdemir'; normaliseNameText('Özdemir', 'expand') === 'oezdemir'
 */
export function normaliseNameText(input: string, umlauts: UmlautMode = 'strip'): string {
  let s = input.replace(APOSTROPHES, '').normalize('NFKC').replace(APOSTROPHES, '').toLowerCase();
  // NFC so that an 'a' followed by a combining diaeresis is caught by the umlaut rule.
  s = s.normalize('NFC');
  s = s.replace(LETTERS_WITHOUT_DECOMPOSITION_RE, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c);
  if (umlauts === 'expand') s = s.replace(UMLAUT_RE, (c) => UMLAUT_EXPANSIONS[c] ?? c);
  s = s.replace(CYRILLIC_RE, (c) => CYRILLIC[c] ?? '');
  s = s.normalize('NFD').replace(COMBINING_MARKS, '');
  return s.replace(NON_LETTERS, ' ').trim();
}

/** Titles, honorifics and placeholders for unknown names; they never identify a person. */
// prettier-ignore
export const DROPPED_NAME_WORDS: ReadonlySet<string> = new Set([
  'herr', 'frau', 'hr', 'fr', 'dr', 'prof', 'mr', 'mrs', 'ms', 'miss', 'mme', 'mlle',
  'haji', 'hajji', 'hadji', 'hadschi', 'alhaji', 'alhadji', 'alhaja', 'alhajja', 'hajia', 'hajiya', 'hajja', 'hadja',
  'geb', 'geborene', 'geborener', 'verh', 'verw',
  'nn', 'fnu', 'lnu', 'unbekannt', 'unknown', 'ohne', 'xxx', 'xx',
]);

/** Arabic definite article in its Latin spellings, including sun-letter assimilations (ash-, ar-, …). */
// prettier-ignore
export const ARTICLE_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'il', 'ad', 'ed', 'ud', 'ar', 'er', 'ur', 'as', 'es', 'us', 'at', 'et', 'az', 'ez', 'ash', 'esh', 'an',
  'ath', 'adh',
]);

/** Nasab connectors ("son/daughter of"): dropped; the father's name that follows stays a token. */
export const CONNECTOR_PARTICLES: ReadonlySet<string> = new Set(['bin', 'ibn', 'bint', 'binti', 'ben', 'ould', 'wuld']);

/** Prefixes of theophoric "servant of …" names; they join the following token (Abd al-Rahman → one token). */
// prettier-ignore
export const ABD_PREFIXES: ReadonlySet<string> = new Set([
  'abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdil', 'abdur', 'abdor', 'abdus', 'abdos', 'abdut', 'abdun', 'abdud',
  'abdush', 'abduz',
]);

/** Kunya prefixes ("father of …"): Abu Bakr → abubakr, like Abubakar. */
export const ABU_PREFIXES: ReadonlySet<string> = new Set(['abu', 'abou', 'abo']);

/** Heads of Tigrinya/Amharic compound names (Gebre Medhin = Gebremedhin). */
// prettier-ignore
const COMPOUND_HEADS: ReadonlySet<string> = new Set([
  'gebre', 'ghebre', 'gebra', 'gabre', 'habte', 'wolde', 'welde', 'walde', 'tesfa', 'fesseha', 'zere', 'zera',
]);
/** Arabic compound tails, written as their canonical joined form: Nasr Ullah → nasrullah, Salah ad-Din → salahuddin. */
const ARABIC_TAILS: ReadonlyMap<string, string> = new Map([
  ...['ullah', 'ulla', 'ollah', 'olla', 'allah'].map((t) => [t, 'ullah'] as const),
  ...['din', 'uddin', 'eddin', 'eddine', 'addin', 'aldin', 'uddeen', 'deen'].map((t) => [t, 'uddin'] as const),
]);
/** Tails that only occur as the second half of a compound. */
// prettier-ignore
const COMPOUND_TAILS: ReadonlySet<string> = new Set([
  'medhin', 'medhn', 'selassie', 'silassie', 'sellassie', 'egziabher', 'giorgis', 'amlak', 'hiwet', 'yesus', 'iyesus',
  ...ARABIC_TAILS.keys(),
]);
/** Tails that join only after a known head (Haile Mariam, Tesfa Michael) – elsewhere they are names of their own. */
const HEADED_TAILS: ReadonlySet<string> = new Set(['mariam', 'maryam', 'mariyam', 'michael', 'mikael', 'kidan']);
// prettier-ignore
const HEADS_FOR_HEADED_TAILS: ReadonlySet<string> = new Set([
  ...COMPOUND_HEADS, 'haile', 'hayle', 'kidane', 'tekle', 'hadgu', 'berhane', 'habtom',
]);

/**
 * Splits a normalised field into tokens and applies the particle rules of the domain:
 * titles and placeholders dropped; the Arabic article dropped (al-Hassan = Hassan);
 * bin/ibn/bint dropped; abd-/abu- prefixes and Tigrinya/Arabic compound parts joined with
 * their partner token; single letters (initials) dropped.
 */
export function tokeniseNameField(normalised: string, field: NameField): NormalisedNameToken[] {
  const words = normalised.split(' ').filter((w) => w.length > 0 && !DROPPED_NAME_WORDS.has(w));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (ABD_PREFIXES.has(w) && next !== undefined) {
      // Abd al-Rahman, Abdel Rahman, Abd ar-Rahman → one token; the article is part of the join.
      let joined = w;
      let j = i + 1;
      if (ARTICLE_PARTICLES.has(words[j] as string) && words[j + 1] !== undefined) joined += words[j++] as string;
      joined += words[j] as string;
      out.push(joined);
      i = j;
      continue;
    }
    if (ABU_PREFIXES.has(w) && next !== undefined) {
      let j = i + 1;
      if (ARTICLE_PARTICLES.has(words[j] as string) && words[j + 1] !== undefined) j++;
      out.push(w + (words[j] as string));
      i = j;
      continue;
    }
    if (ARTICLE_PARTICLES.has(w)) {
      // "Salah ad-Din": the article belongs to the compound tail that follows.
      if (next !== undefined && COMPOUND_TAILS.has(next) && out.length > 0) {
        out[out.length - 1] += ARABIC_TAILS.get(next) ?? next;
        i++;
      }
      continue;
    }
    if (CONNECTOR_PARTICLES.has(w) && next !== undefined && !(w === 'ben' && out.length === 0)) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && (COMPOUND_TAILS.has(w) || (HEADED_TAILS.has(w) && HEADS_FOR_HEADED_TAILS.has(prev)))) {
      out[out.length - 1] = prev + (ARABIC_TAILS.get(w) ?? w);
      continue;
    }
    if (COMPOUND_HEADS.has(w) && next !== undefined) {
      out.push(w + next);
      i++;
      continue;
    }
    if (w.length < 2) continue;
    out.push(w);
  }
  return out.map((text) => ({ text, field }));
}

/**
 * Normalises and tokenises one name field in one step.
 *
 * @example tokeniseName('Abd al-Rahman', 'given') → [{ text: 'abdalrahman', field: 'given' }]
 */
export function tokeniseName(input: string, field: NameField, umlauts: UmlautMode = 'strip'): NormalisedNameToken[] {
  return tokeniseNameField(normaliseNameText(input, umlauts), field);
}
