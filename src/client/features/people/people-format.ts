import { formatCalendarDay } from '../../lib/format';
import type { TFunction } from 'i18next';
import type { Person, PersonSummary } from '../../../shared/contracts/people';
import { currentLanguage } from '../../lib/i18n';

type DateOfBirth = NonNullable<Person['dateOfBirth']>;

function known(part: string | undefined): string | null {
  return part && !/^(00|xx)$/i.test(part) ? part : null;
}

/** The recorded date without its unknown parts: "15.03.1990", "03.1990" or "1990". */
function visibleDate(value: string): string {
  const iso = /^(\d{4})(?:-(\d{2}|xx)(?:-(\d{2}|xx))?)?$/i.exec(value);
  const german = /^(?:(\d{2}|xx)\.)?(\d{2}|xx)\.(\d{4})$/i.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : [];
  if (!year) return value;
  const m = known(month);
  const d = m ? known(day) : null;
  return [d, m, year].filter(Boolean).join('.');
}

/** "15.03.1990", "1990 (nur Jahr)", with "– Platzhalterdatum" for dates like 01.01. that stand in for unknown ones. */
export function formatDateOfBirth(dob: DateOfBirth | null, t: TFunction): string {
  if (!dob) return t('common.notSet');
  const text = t(`people.precision.${dob.precision}`, { date: visibleDate(dob.value) });
  return dob.placeholder ? `${text} – ${t('people.placeholderDate')}` : text;
}

export function personName(
  person: Pick<PersonSummary, 'givenNames' | 'familyName'> & { nameOrder?: Person['nameOrder'] },
): string {
  return person.nameOrder === 'family_given'
    ? `${person.familyName} ${person.givenNames}`
    : `${person.givenNames} ${person.familyName}`;
}

/** "Syrien (SY)"; the code alone when the browser does not know it. */
export function countryName(code: string): string {
  try {
    const names = new Intl.DisplayNames([currentLanguage() === 'de' ? 'de-DE' : 'en-GB'], {
      type: 'region',
      fallback: 'code',
    });
    const name = names.of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? `${name} (${code.toUpperCase()})` : code;
  } catch {
    return code;
  }
}

export function countryList(codes: string[], t: TFunction): string {
  return codes.length ? codes.map(countryName).join(', ') : t('common.notSet');
}

export function percent(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}

/** Today in the browser's calendar as 'YYYY-MM-DD', the format of date inputs and of the API. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar day as the user's language writes it (one implementation: lib/format). */
export const formatIsoDate = formatCalendarDay;
