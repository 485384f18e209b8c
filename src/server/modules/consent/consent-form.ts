import { rtlConsentLanguages, type ConsentLanguage } from '../../../shared/contracts/consent';
import type { DataCategory } from '../../../shared/domain/data-protection/data-categories';
import { categoryWords, consentFormLabels, consentLanguageNamesDe } from './consent-texts';

/**
 * The data of the printed consent form (templates/consent-form.typ): the text in the person's
 * language and the German original, with the draft's categories, recipients, purpose and dates
 * filled in. Everything is plain strings in JSON; the template never evaluates them.
 */

export type FormBlock = { kind: 'text'; text: string } | { kind: 'list'; items: string[] };
export type FormPart = {
  heading: string;
  lang: ConsentLanguage;
  direction: 'ltr' | 'rtl';
  title: string;
  blocks: FormBlock[];
};
export type ConsentFormData = {
  documentTitle: string;
  municipality: string;
  recorder: string;
  printedOn: string;
  footer: string;
  person: { rows: { label: string; value: string }[] };
  parts: FormPart[];
  signatures: string[];
};

export type ConsentFormInput = {
  language: ConsentLanguage;
  /** The current text in the person's language and the German one (the same when the language is German). */
  texts: {
    translated: { version: number; title: string; body: string };
    german: { version: number; title: string; body: string };
  };
  categories: DataCategory[];
  recipients: string[];
  purpose: string;
  givenOn: string;
  expiresOn: string;
  recorder: string;
  municipality: string | null;
  personName: string;
  dateOfBirth: string | null;
  printedOn: string;
};

/** 'YYYY-MM-DD' → 'DD.MM.YYYY'; anything else (a partial date of birth) as it is. */
export function germanDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(purpose|givenOn|expiresOn|recorder)\}/g, (_m, key: string) => values[key] ?? '');
}

/** Paragraphs of a text with its placeholders filled in. */
export function fillBody(
  body: string,
  language: ConsentLanguage,
  draft: Pick<ConsentFormInput, 'categories' | 'recipients' | 'purpose' | 'givenOn' | 'expiresOn' | 'recorder'>,
): FormBlock[] {
  // German names and text inside a right-to-left paragraph: left-to-right marks around them keep
  // their own punctuation (a closing bracket, a trailing full stop) on their side.
  const ltr = rtlConsentLanguages.includes(language) ? (v: string) => `\u200e${v}\u200e` : (v: string) => v;
  const values = {
    purpose: ltr(draft.purpose),
    givenOn: ltr(germanDate(draft.givenOn)),
    expiresOn: ltr(germanDate(draft.expiresOn)),
    recorder: ltr(draft.recorder),
  };
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p): FormBlock => {
      if (p === '{categories}') {
        return {
          kind: 'list',
          items: draft.categories.map((c) => {
            const w = categoryWords(c, language);
            return `${w.label}: ${w.description}`;
          }),
        };
      }
      if (p === '{recipients}') return { kind: 'list', items: draft.recipients.map(ltr) };
      return { kind: 'text', text: fill(p, values) };
    });
}

const bilingual = (label: Record<ConsentLanguage, string>, language: ConsentLanguage) =>
  language === 'de' ? label.de : `${label.de} / ${label[language]}`;

export function consentFormData(input: ConsentFormInput): ConsentFormData {
  const { language } = input;
  const german: FormPart = {
    heading: language === 'de' ? 'Einwilligungstext' : 'Teil 2 – Deutscher Originaltext (maßgeblich)',
    lang: 'de',
    direction: 'ltr',
    title: input.texts.german.title,
    blocks: fillBody(input.texts.german.body, 'de', input),
  };
  const parts: FormPart[] =
    language === 'de'
      ? [german]
      : [
          {
            heading: `Teil 1 – Text in der Sprache der Person: ${consentLanguageNamesDe[language]}`,
            lang: language,
            direction: rtlConsentLanguages.includes(language) ? 'rtl' : 'ltr',
            title: input.texts.translated.title,
            blocks: fillBody(input.texts.translated.body, language, input),
          },
          german,
        ];
  const languages = language === 'de' ? 'Deutsch' : `${consentLanguageNamesDe[language]} und Deutsch`;
  return {
    documentTitle: `Einwilligung – ${input.personName}`,
    municipality: input.municipality ? `Stadt ${input.municipality}` : '',
    recorder: input.recorder,
    printedOn: germanDate(input.printedOn),
    footer: `Einwilligungstext Fassung ${input.texts.german.version} · ${languages}`,
    person: {
      rows: [
        { label: bilingual(consentFormLabels.name, language), value: input.personName },
        {
          label: bilingual(consentFormLabels.dateOfBirth, language),
          value: input.dateOfBirth ? germanDate(input.dateOfBirth) : '–',
        },
      ],
    },
    parts,
    signatures: [
      bilingual(consentFormLabels.placeDate, language),
      bilingual(consentFormLabels.signaturePerson, language),
      bilingual(consentFormLabels.signatureInterpreter, language),
      bilingual(consentFormLabels.signatureStaff, language),
    ],
  };
}
