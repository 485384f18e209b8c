import i18next from 'i18next';
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import {
  addressKindSchema,
  cefrLevelSchema,
  contactKindSchema,
  dateOfBirthInputSchema,
  identifierFormats,
  identifierKindSchema,
  isoDateSchema,
  iso2Schema,
  languageCodeSchema,
  messengerServiceSchema,
  nameOrderSchema,
  nameVariantKindSchema,
  nameVariantSchema,
  personAddressInputSchema,
  personCreateRequestSchema,
  sexSchema,
  type Person,
} from '../../../shared/contracts/people';
import { blankToNull } from '../../lib/form-schemas';
import { isListedLanguage, OTHER_LANGUAGE } from './language-names';

const variantShape = nameVariantSchema.shape;
const createShape = personCreateRequestSchema.shape;

/** "SY, tr" → ['SY', 'TR']; the form has one text input for the nationalities. */
function splitCodes(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

const nationalitiesSchema = z
  .string()
  .transform(splitCodes)
  .superRefine((codes, ctx) => {
    if (codes.length > 5 || codes.some((code) => !iso2Schema.safeParse(code).success)) {
      ctx.addIssue({ code: 'custom', message: i18next.t('people.nationalitiesInvalid') });
    }
  });

const identifierFormSchema = z
  .object({ kind: identifierKindSchema, value: z.string().trim().toUpperCase().min(1).max(40) })
  .superRefine((identifier, ctx) => {
    if (identifier.value !== '' && !identifierFormats[identifier.kind].test(identifier.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: i18next.t(`people.identifierFormats.${identifier.kind}`),
      });
    }
  });

/** The code a language select stands for: the listed code, or the one typed after "Andere Sprache". */
function chosenLanguage(choice: { language: string; otherLanguage: string }): string {
  return choice.language === OTHER_LANGUAGE ? choice.otherLanguage.trim().toLowerCase() : choice.language;
}

/** The select shows listed codes; any other code is shown as "Andere Sprache" with the code typed in. */
function languageChoice(code: string | null): { language: string; otherLanguage: string } {
  if (!code) return { language: '', otherLanguage: '' };
  return isListedLanguage(code)
    ? { language: code, otherLanguage: '' }
    : { language: OTHER_LANGUAGE, otherLanguage: code };
}

function checkLanguageChoice(
  choice: { language: string; otherLanguage: string },
  ctx: z.RefinementCtx,
  required: boolean,
) {
  if (choice.language === '') {
    if (required) ctx.addIssue({ code: 'custom', path: ['language'], message: i18next.t('people.languageRequired') });
  } else if (choice.language === OTHER_LANGUAGE && !languageCodeSchema.safeParse(choice.otherLanguage).success) {
    ctx.addIssue({ code: 'custom', path: ['otherLanguage'], message: i18next.t('people.languageCodeInvalid') });
  }
}

const languageFormSchema = z
  .object({
    language: z.string(),
    otherLanguage: z.string(),
    motherTongue: z.boolean(),
    level: blankToNull(z.string().max(60).nullable()),
  })
  .superRefine((row, ctx) => checkLanguageChoice(row, ctx, true))
  .transform((row) => ({ language: chosenLanguage(row), motherTongue: row.motherTongue, level: row.level }));

/** '' is "nicht eingeschätzt": the skill is left out of the request. */
const levelChoice = z.union([z.literal(''), cefrLevelSchema]);
const germanLevelsFormSchema = z
  .object({ listening: levelChoice, reading: levelChoice, speaking: levelChoice, writing: levelChoice })
  .transform((levels) => {
    const assessed: Partial<Record<keyof typeof levels, z.infer<typeof cefrLevelSchema>>> = {};
    for (const skill of GERMAN_SKILLS) {
      const level = levels[skill];
      if (level !== '') assessed[skill] = level;
    }
    return assessed;
  });
export const GERMAN_SKILLS = ['listening', 'reading', 'speaking', 'writing'] as const;

const interpreterFormSchema = z
  .object({ needed: z.boolean(), language: z.string(), otherLanguage: z.string() })
  .superRefine((value, ctx) => {
    if (value.needed) checkLanguageChoice(value, ctx, true);
  })
  .transform((value) => ({ needed: value.needed, language: value.needed ? chosenLanguage(value) : null }));

/** Digits with the usual separators; at least five digits so that a typo like "0208" is caught. */
const PHONE = /^\+?[0-9 ()/-]{5,40}$/;

const contactFormSchema = z
  .object({
    kind: contactKindSchema,
    value: z.string().trim().min(1).max(200),
    service: z.union([z.literal(''), messengerServiceSchema]),
    consentToUse: z.boolean(),
    consentRecordedOn: z.string().trim(),
    note: blankToNull(z.string().max(500).nullable()),
  })
  .superRefine((contact, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (contact.kind === 'email' && contact.value && !z.email().safeParse(contact.value).success)
      issue('value', i18next.t('validation.email'));
    if (
      contact.kind === 'phone' &&
      contact.value &&
      (!PHONE.test(contact.value) || contact.value.replace(/\D/g, '').length < 5)
    ) {
      issue('value', i18next.t('people.phoneInvalid'));
    }
    if (contact.kind === 'messenger' && contact.service === '')
      issue('service', i18next.t('people.messengerServiceRequired'));
    if (contact.consentRecordedOn !== '' && !isoDateSchema.safeParse(contact.consentRecordedOn).success) {
      issue('consentRecordedOn', i18next.t('validation.date'));
    } else if (contact.consentToUse && contact.consentRecordedOn === '') {
      issue('consentRecordedOn', i18next.t('people.consentDateRequired'));
    }
  })
  .transform((contact) => ({
    kind: contact.kind,
    value: contact.value,
    service: contact.kind === 'messenger' && contact.service !== '' ? contact.service : null,
    consentToUse: contact.consentToUse,
    consentRecordedOn: contact.consentToUse ? contact.consentRecordedOn : null,
    note: contact.note,
  }));

const addressShape = personAddressInputSchema.shape;
const optionalDate = blankToNull(isoDateSchema.nullable());
const addressFormSchema = z
  .object({
    kind: addressKindSchema,
    street: z.string().trim().min(1).max(200),
    houseNumber: z.string().trim().min(1).max(20),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, { error: (issue) => (issue.input === '' ? undefined : i18next.t('people.postalCodeInvalid')) }),
    city: z.string().trim().min(1).max(120),
    addressSuffix: blankToNull(addressShape.addressSuffix.unwrap()),
    validFrom: optionalDate,
    validUntil: optionalDate,
  })
  .superRefine((address, ctx) => {
    if (address.validFrom && address.validUntil && address.validUntil < address.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: i18next.t('people.validUntilBeforeFrom') });
    }
  });

/** The fields of a person as the form edits them; the output fits both the create and the update request. */
export const personFormSchema = z.object({
  givenNames: createShape.givenNames,
  familyName: createShape.familyName,
  nameOrder: nameOrderSchema,
  sex: sexSchema,
  dateOfBirth: blankToNull(dateOfBirthInputSchema.nullable()),
  placeOfBirth: blankToNull(z.string().max(200).nullable()),
  countryOfBirth: blankToNull(iso2Schema.nullable()),
  nationalities: nationalitiesSchema,
  nameVariants: z
    .array(
      z.object({
        kind: nameVariantKindSchema,
        givenNames: blankToNull(variantShape.givenNames),
        familyName: blankToNull(variantShape.familyName),
        script: blankToNull(variantShape.script),
      }),
    )
    .max(20),
  identifiers: z.array(identifierFormSchema).max(10),
  languages: z.array(languageFormSchema).max(20),
  germanLevels: germanLevelsFormSchema,
  interpreter: interpreterFormSchema,
  contacts: z.array(contactFormSchema).max(20),
  addresses: z.array(addressFormSchema).max(30),
});
export type PersonFormInput = z.input<typeof personFormSchema>;
export type PersonFormOutput = z.output<typeof personFormSchema>;

export const PERSON_FORM_FIELDS = [
  'givenNames',
  'familyName',
  'nameOrder',
  'sex',
  'dateOfBirth',
  'placeOfBirth',
  'countryOfBirth',
  'nationalities',
  'nameVariants',
  'identifiers',
  'languages',
  'germanLevels',
  'interpreter',
  'contacts',
  'addresses',
] as const;

type Row<K extends 'nameVariants' | 'identifiers' | 'languages' | 'contacts' | 'addresses'> =
  PersonFormInput[K][number];

/** Empty rows of the repeat groups, as "hinzufügen" adds them. */
export const blankRows = {
  nameVariants: (): Row<'nameVariants'> => ({ kind: 'transliteration', givenNames: '', familyName: '', script: '' }),
  identifiers: (): Row<'identifiers'> => ({ kind: 'azr', value: '' }),
  languages: (): Row<'languages'> => ({ language: '', otherLanguage: '', motherTongue: false, level: '' }),
  contacts: (): Row<'contacts'> => ({
    kind: 'phone',
    value: '',
    service: '',
    consentToUse: false,
    consentRecordedOn: '',
    note: '',
  }),
  /** Lotse serves one municipality: most addresses are in it. */
  addresses: (): Row<'addresses'> => ({
    kind: 'residence',
    street: '',
    houseNumber: '',
    postalCode: '',
    city: 'Mülheim an der Ruhr',
    addressSuffix: '',
    validFrom: '',
    validUntil: '',
  }),
};

export const emptyPersonForm: PersonFormInput = {
  givenNames: '',
  familyName: '',
  nameOrder: 'given_family',
  sex: 'unknown',
  dateOfBirth: '',
  placeOfBirth: '',
  countryOfBirth: '',
  nationalities: '',
  nameVariants: [],
  identifiers: [],
  languages: [],
  germanLevels: { listening: '', reading: '', speaking: '', writing: '' },
  interpreter: { needed: false, language: '', otherLanguage: '' },
  contacts: [],
  addresses: [],
};

export function personToForm(person: Person): PersonFormInput {
  return {
    givenNames: person.givenNames,
    familyName: person.familyName,
    nameOrder: person.nameOrder,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth?.value ?? '',
    placeOfBirth: person.placeOfBirth ?? '',
    countryOfBirth: person.countryOfBirth ?? '',
    nationalities: person.nationalities.join(', '),
    nameVariants: person.nameVariants.map((v) => ({
      kind: v.kind,
      givenNames: v.givenNames ?? '',
      familyName: v.familyName ?? '',
      script: v.script ?? '',
    })),
    identifiers: person.identifiers.map((i) => ({ kind: i.kind, value: i.value })),
    languages: person.languages.map((l) => ({
      ...languageChoice(l.language),
      motherTongue: l.motherTongue,
      level: l.level ?? '',
    })),
    germanLevels: {
      listening: person.germanLevels.listening ?? '',
      reading: person.germanLevels.reading ?? '',
      speaking: person.germanLevels.speaking ?? '',
      writing: person.germanLevels.writing ?? '',
    },
    interpreter: { needed: person.interpreter.needed, ...languageChoice(person.interpreter.language) },
    contacts: person.contacts.map((c) => ({
      kind: c.kind,
      value: c.value,
      service: c.service ?? '',
      consentToUse: c.consentToUse,
      consentRecordedOn: c.consentRecordedOn ?? '',
      note: c.note ?? '',
    })),
    // Past addresses are edited too: the list replaces the person's addresses as a whole.
    addresses: person.addresses.map((a) => ({
      kind: a.kind,
      street: a.street,
      houseNumber: a.houseNumber,
      postalCode: a.postalCode,
      city: a.city,
      addressSuffix: a.addressSuffix ?? '',
      validFrom: a.validFrom ?? '',
      validUntil: a.validUntil ?? '',
    })),
  };
}

/** The form as the fieldsets receive it. */
export type PersonForm = UseFormReturn<PersonFormInput, unknown, PersonFormOutput>;

/** What every part of the person form gets: the form and the id builder the error summary links to. */
export type PersonFormPartProps = { form: PersonForm; fieldId: (path: string) => string };
