/**
 * Parses what a caseworker types into the person search box: name words in any order, optionally a
 * date of birth or a birth year ("hussein mohamad 1990", "Celik 12.05.85", "Abdel Rahman 2001-03-04").
 */
import { parseDateOfBirth, type DateOfBirth } from './date-of-birth';
import { normaliseNameText, tokeniseNameField } from './name-normalisation';
import { analyseToken, withCompounds, type AnalysedNameSet } from './person-analysis';

/** A parsed search query. */
export interface ParsedSearchQuery {
  /** Name words (field `query`: the query does not say which is the family name). */
  readonly names: AnalysedNameSet;
  /** Date or year found in the query; precision `unknown` when none. */
  readonly dateOfBirth: DateOfBirth;
}

/** Options for `parseSearchQuery`. */
export interface SearchQueryOptions {
  /**
   * Two-digit years up to this value are read as 20yy, above as 19yy (default 30, so 12.05.85 is
   * 1985 and 01.02.15 is 2015). Pass the current two-digit year from the caller's clock if needed.
   */
  readonly twoDigitYearPivot?: number;
}

const ISO_DATE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const DMY_DATE = /(?<![\d.])(\d{1,2}|xx)[./-](\d{1,2}|xx)[./-](\d{4}|\d{2})(?![\d.])/i;
const MONTH_YEAR = /(?<![\d.])(\d{1,2})[./](\d{4})(?!\d)/;
const YEAR = /(?<!\d)(1[89]\d{2}|2[01]\d{2})(?!\d)/;

function fullYear(y: string, pivot: number): string {
  if (y.length === 4) return y;
  const n = Number(y);
  return String(n <= pivot ? 2000 + n : 1900 + n);
}

/**
 * Splits a search text into name words and a date of birth.
 *
 * @example parseSearchQuery('hussein mohamad 1990').dateOfBirth.year === 1990
 */
export function parseSearchQuery(text: string, options: SearchQueryOptions = {}): ParsedSearchQuery {
  const pivot = options.twoDigitYearPivot ?? 30;
  let rest = text;
  let dobText: string | null = null;
  const iso = ISO_DATE.exec(rest);
  if (iso !== null) {
    dobText = `${iso[1]}-${iso[2]}-${iso[3]}`;
    rest = rest.replace(iso[0], ' ');
  } else {
    const dmy = DMY_DATE.exec(rest);
    if (dmy !== null) {
      dobText = `${dmy[1]}.${dmy[2]}.${fullYear(dmy[3] ?? '', pivot)}`;
      rest = rest.replace(dmy[0], ' ');
    } else {
      const my = MONTH_YEAR.exec(rest);
      if (my !== null) {
        dobText = `${my[2]}-${my[1]}`;
        rest = rest.replace(my[0], ' ');
      } else {
        const y = YEAR.exec(rest);
        if (y !== null) {
          dobText = y[1] ?? null;
          rest = rest.replace(y[0], ' ');
        }
      }
    }
  }
  const tokens = tokeniseNameField(normaliseNameText(rest), 'query').map((t) => analyseToken(t.text, 'query'));
  return { names: withCompounds(tokens), dateOfBirth: parseDateOfBirth(dobText) };
}
