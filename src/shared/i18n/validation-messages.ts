import { z } from 'zod';
import type { ApiLocale } from './error-messages';

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const formatNames: Record<string, { de: string; en: string }> = {
  email: { de: 'Keine gültige E-Mail-Adresse.', en: 'Not a valid e-mail address.' },
  uuid: { de: 'Keine gültige Kennung.', en: 'Not a valid identifier.' },
  date: { de: 'Kein gültiges Datum (JJJJ-MM-TT).', en: 'Not a valid date (YYYY-MM-DD).' },
  datetime: { de: 'Kein gültiger Zeitpunkt.', en: 'Not a valid timestamp.' },
  url: { de: 'Keine gültige Adresse (URL).', en: 'Not a valid URL.' },
  regex: { de: 'Das Format ist ungültig.', en: 'The format is invalid.' },
};

/**
 * Turns a zod issue into a short, friendly message for a caseworker, in German or English.
 * Shared by the API's problem+json and the client's forms so both say the same thing.
 */
export function validationMessage(issue: Issue, locale: ApiLocale): string {
  const de = locale === 'de';
  const i = issue as Record<string, unknown> & { code: string };
  switch (i.code) {
    case 'invalid_type':
      if (i.input === undefined) return de ? 'Pflichtangabe.' : 'Required.';
      return de ? 'Der Wert hat den falschen Typ.' : 'The value has the wrong type.';
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') {
        if (min <= 1) return de ? 'Pflichtangabe.' : 'Required.';
        return de ? `Mindestens ${min} Zeichen.` : `At least ${min} characters.`;
      }
      if (i.origin === 'array') return de ? `Mindestens ${min} Einträge.` : `At least ${min} entries.`;
      return de ? `Mindestens ${min}.` : `At least ${min}.`;
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return de ? `Höchstens ${max} Zeichen.` : `At most ${max} characters.`;
      if (i.origin === 'array') return de ? `Höchstens ${max} Einträge.` : `At most ${max} entries.`;
      return de ? `Höchstens ${max}.` : `At most ${max}.`;
    }
    case 'invalid_format': {
      const f = formatNames[String(i.format)] ?? formatNames.regex!;
      return de ? f.de : f.en;
    }
    case 'invalid_value': {
      const values = Array.isArray(i.values) ? i.values.map(String).join(', ') : '';
      return de ? `Ungültiger Wert. Erlaubt: ${values}.` : `Invalid value. Allowed: ${values}.`;
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(i.keys) ? i.keys.join(', ') : '';
      return de ? `Unbekannte Angaben: ${keys}.` : `Unknown fields: ${keys}.`;
    }
    default: {
      const localeError = (de ? z.locales.de() : z.locales.en()).localeError;
      const result = localeError(issue as z.core.$ZodRawIssue);
      if (typeof result === 'string') return result;
      return result?.message ?? (de ? 'Ungültige Angabe.' : 'Invalid value.');
    }
  }
}
