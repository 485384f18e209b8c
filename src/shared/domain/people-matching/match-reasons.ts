/**
 * Human-readable reasons for a duplicate or search score, as stable codes with German and English
 * texts. The UI shows them next to the score ("gleiches Geburtsdatum; Familienname klingt gleich").
 */

/** All reason codes, in their tie-break display order. */
export const matchReasonCodes = [
  'name_identical',
  'family_name_same',
  'family_name_spelling',
  'family_name_variant',
  'family_name_sounds_same',
  'family_name_similar',
  'family_name_different',
  'given_name_same',
  'given_name_spelling',
  'given_name_variant',
  'given_name_sounds_same',
  'given_name_similar',
  'given_name_different',
  'names_swapped',
  'name_part_missing',
  'name_written_together',
  'dob_exact',
  'dob_day_month_swapped',
  'dob_close',
  'dob_year_off_by_one',
  'dob_same_month',
  'dob_same_year',
  'dob_year_adjacent',
  'dob_same_year_other_day',
  'dob_different',
  'dob_placeholder',
  'place_of_birth_same',
  'place_of_birth_different',
  'nationality_same',
  'nationality_different',
] as const;

/** Stable reason code (part of the API contract; texts may be reworded). */
export type MatchReasonCode = (typeof matchReasonCodes)[number];

/** Whether a reason speaks for the match, against it, or only explains. */
export type ReasonEvidence = 'for' | 'against' | 'neutral';

/** One reason with texts in the two UI languages. */
export interface MatchReason {
  readonly code: MatchReasonCode;
  readonly de: string;
  readonly en: string;
  readonly evidence: ReasonEvidence;
}

const TEXTS: Readonly<Record<MatchReasonCode, { de: string; en: string }>> = {
  name_identical: { de: 'gleicher Name', en: 'same name' },
  family_name_same: { de: 'gleicher Familienname', en: 'same family name' },
  family_name_spelling: {
    de: 'Familienname anders geschrieben (Transliteration)',
    en: 'family name spelled differently (transliteration)',
  },
  family_name_variant: {
    de: 'Familienname ist eine bekannte Variante desselben Namens',
    en: 'family name is a known variant of the same name',
  },
  family_name_sounds_same: { de: 'Familienname klingt gleich', en: 'family name sounds the same' },
  family_name_similar: { de: 'Familienname ähnlich (möglicher Tippfehler)', en: 'family name similar (possible typo)' },
  family_name_different: { de: 'anderer Familienname', en: 'different family name' },
  given_name_same: { de: 'gleicher Vorname', en: 'same given name' },
  given_name_spelling: {
    de: 'Vorname anders geschrieben (Transliteration)',
    en: 'given name spelled differently (transliteration)',
  },
  given_name_variant: {
    de: 'Vorname ist eine bekannte Variante desselben Namens',
    en: 'given name is a known variant of the same name',
  },
  given_name_sounds_same: { de: 'Vorname klingt gleich', en: 'given name sounds the same' },
  given_name_similar: { de: 'Vorname ähnlich (möglicher Tippfehler)', en: 'given name similar (possible typo)' },
  given_name_different: { de: 'anderer Vorname', en: 'different given name' },
  names_swapped: { de: 'Vor- und Familienname vertauscht', en: 'given and family name swapped' },
  name_part_missing: {
    de: 'ein Namensteil fehlt in einem der Datensätze',
    en: 'a part of the name is missing in one of the records',
  },
  name_written_together: {
    de: 'Namensteile einmal zusammen, einmal getrennt geschrieben',
    en: 'name parts written together in one record and apart in the other',
  },
  dob_exact: { de: 'gleiches Geburtsdatum', en: 'same date of birth' },
  dob_day_month_swapped: {
    de: 'Geburtsdatum mit vertauschtem Tag und Monat',
    en: 'date of birth with day and month swapped',
  },
  dob_close: {
    de: 'Geburtsdatum weicht um eine Ziffer oder einen Tag ab',
    en: 'date of birth differs by one digit or one day',
  },
  dob_year_off_by_one: {
    de: 'gleicher Geburtstag, Geburtsjahr um ein Jahr verschieden',
    en: 'same birthday, year of birth differs by one',
  },
  dob_same_month: { de: 'gleicher Geburtsmonat und gleiches Geburtsjahr', en: 'same month and year of birth' },
  dob_same_year: { de: 'gleiches Geburtsjahr', en: 'same year of birth' },
  dob_year_adjacent: { de: 'Geburtsjahr um ein Jahr verschieden', en: 'year of birth differs by one' },
  dob_same_year_other_day: {
    de: 'gleiches Geburtsjahr, aber anderer Tag',
    en: 'same year of birth but a different day',
  },
  dob_different: { de: 'anderes Geburtsdatum', en: 'different date of birth' },
  dob_placeholder: {
    de: 'Platzhalter-Geburtsdatum (01.01. oder 00.00.), nur das Jahr wird verglichen',
    en: 'placeholder date of birth (01.01. or 00.00.), only the year is compared',
  },
  place_of_birth_same: { de: 'gleicher Geburtsort', en: 'same place of birth' },
  place_of_birth_different: { de: 'anderer Geburtsort', en: 'different place of birth' },
  nationality_same: { de: 'gleiche Staatsangehörigkeit', en: 'same nationality' },
  nationality_different: { de: 'andere Staatsangehörigkeit', en: 'different nationality' },
};

// Reason objects are immutable values: one per (code, evidence), built once.
const REASONS = Object.fromEntries(
  matchReasonCodes.map((code) => [
    code,
    {
      for: Object.freeze({ code, ...TEXTS[code], evidence: 'for' as const }),
      against: Object.freeze({ code, ...TEXTS[code], evidence: 'against' as const }),
      neutral: Object.freeze({ code, ...TEXTS[code], evidence: 'neutral' as const }),
    },
  ]),
) as unknown as Readonly<Record<MatchReasonCode, Readonly<Record<ReasonEvidence, MatchReason>>>>;
const CODE_ORDER = Object.fromEntries(matchReasonCodes.map((c, i) => [c, i])) as Readonly<
  Record<MatchReasonCode, number>
>;

/** Builds the reason object for a code. */
export function matchReason(code: MatchReasonCode, evidence: ReasonEvidence): MatchReason {
  return REASONS[code][evidence];
}

/** A reason with the weight used to order it (larger = more important within its evidence class). */
export interface WeightedReason {
  readonly code: MatchReasonCode;
  readonly evidence: ReasonEvidence;
  readonly weight: number;
}

const EVIDENCE_RANK: Readonly<Record<ReasonEvidence, number>> = { for: 0, neutral: 1, against: 2 };

/**
 * Orders reasons for display: first what speaks for the match (strongest first), then neutral
 * explanations, then what speaks against it (strongest first). Ties keep the code-list order.
 */
export function orderReasons(reasons: readonly WeightedReason[]): MatchReason[] {
  return [...reasons]
    .sort(
      (x, y) =>
        EVIDENCE_RANK[x.evidence] - EVIDENCE_RANK[y.evidence] ||
        Math.abs(y.weight) - Math.abs(x.weight) ||
        CODE_ORDER[x.code] - CODE_ORDER[y.code],
    )
    .map((r) => matchReason(r.code, r.evidence));
}

/** Joins reasons into one line in the given language ("gleiches Geburtsdatum; Familienname klingt gleich"). */
export function formatReasons(reasons: readonly MatchReason[], locale: 'de' | 'en'): string {
  return reasons.map((r) => r[locale]).join('; ');
}
