import { formatCalendarDay } from '../../lib/format';
import { consentLanguages, type ConsentLanguage } from '../../../shared/contracts/consent';
import type { Person } from '../../../shared/contracts/people';

/** A calendar day as the user's language writes it (one implementation: lib/format). */
export const formatDay = formatCalendarDay;

/**
 * The language the consent text is printed in: the person's mother tongue if a text exists in it,
 * else the first of their languages that has one, else German. Dari (prs) is written in the
 * Persian script and its readers read the Persian text.
 */
export function defaultConsentLanguage(person: Pick<Person, 'languages'>): ConsentLanguage {
  const normalise = (code: string) => (code === 'prs' ? 'fa' : code);
  const known = (code: string): code is ConsentLanguage => (consentLanguages as readonly string[]).includes(code);
  const ordered = [
    ...person.languages.filter((l) => l.motherTongue),
    ...person.languages.filter((l) => !l.motherTongue),
  ];
  for (const l of ordered) {
    const code = normalise(l.language);
    if (known(code)) return code;
  }
  return 'de';
}

/** The field a server error belongs to: 'body.recipientAgencyIds.1' → 'recipientAgencyIds'. */
export function fieldOf(path: string): string {
  return path.replace(/^body\./, '').split('.')[0] ?? '';
}
