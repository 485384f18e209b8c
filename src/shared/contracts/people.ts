import { z } from 'zod';
import { personAccessSchema } from './data-protection';
import { addressDeliverySummarySchema } from './addresses';
import { pageInfoSchema } from './common';

/**
 * Dates of birth as registered: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', or German 'DD.MM.YYYY' with 00 for
 * unknown parts ('00.00.1990'). Placeholders like 01.01. are kept as written and flagged.
 */
export const dateOfBirthInputSchema = z
  .string()
  .trim()
  .regex(/^(\d{4}(-(\d{2}|xx)(-(\d{2}|xx))?)?|((\d{2}|xx)\.)?(\d{2}|xx)\.\d{4})$/i);

export const iso2Schema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);

export const sexSchema = z.enum(['female', 'male', 'diverse', 'unspecified', 'unknown']);
export const nameOrderSchema = z.enum(['given_family', 'family_given']);
export const nameVariantKindSchema = z.enum(['transliteration', 'former_name', 'alias', 'original_script', 'other']);
export const identifierKindSchema = z.enum(['azr', 'bamf', 'jobcenter', 'sozialamt']);
export type IdentifierKind = z.infer<typeof identifierKindSchema>;

/**
 * Formats of the official identifiers: AZR-Nummer (12 digits), BAMF Aktenzeichen ("1234567-438":
 * file number and country code), Jobcenter Kundennummer ("123A456789"), and the Sozialamt's own
 * file number (free, but short and without odd characters).
 */
export const identifierFormats: Record<IdentifierKind, RegExp> = {
  azr: /^\d{12}$/,
  bamf: /^\d{7,8}-\d{3}$/,
  jobcenter: /^\d{3}[A-Z]\d{6}$/,
  sozialamt: /^[A-Za-z0-9][A-Za-z0-9/ .-]{2,29}$/,
};

const nameSchema = z.string().trim().min(1).max(200);

/** A calendar date 'YYYY-MM-DD' (validity is checked by the service: 2026-02-30 is refused). */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/);

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const cefrLevelSchema = z.enum(cefrLevels);
/** German per CEFR skill; a skill not assessed is left out. */
export const germanLevelsSchema = z
  .object({
    listening: cefrLevelSchema,
    reading: cefrLevelSchema,
    speaking: cefrLevelSchema,
    writing: cefrLevelSchema,
  })
  .partial()
  .strict();

/** ISO 639-1 (ar) or 639-3 (prs) language code, lower case. */
export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/);

export const personLanguageSchema = z.object({
  language: languageCodeSchema,
  motherTongue: z.boolean().default(false),
  level: z.string().trim().max(60).nullable().default(null),
});

export const interpreterSchema = z.object({
  needed: z.boolean(),
  language: languageCodeSchema.nullable().default(null),
});

export const contactKindSchema = z.enum(['phone', 'email', 'messenger']);
export const messengerServiceSchema = z.enum(['whatsapp', 'signal', 'telegram', 'other']);
/**
 * A contact channel. It may only be used when the person consented (consentToUse, with the day
 * the consent was recorded); the format of the value is checked by kind in the service.
 */
export const contactChannelSchema = z.object({
  kind: contactKindSchema,
  value: z.string().trim().min(1).max(200),
  service: messengerServiceSchema.nullable().default(null),
  consentToUse: z.boolean().default(false),
  consentRecordedOn: isoDateSchema.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});

export const addressKindSchema = z.enum(['residence', 'accommodation', 'postal']);
/** An address of the person; street, number, postal code and city identify it in the register. */
export const personAddressInputSchema = z.object({
  kind: addressKindSchema.default('residence'),
  street: z.string().trim().min(1).max(200),
  houseNumber: z.string().trim().min(1).max(20),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/),
  city: z.string().trim().min(1).max(120),
  addressSuffix: z.string().trim().max(200).nullable().default(null),
  validFrom: isoDateSchema.nullable().default(null),
  validUntil: isoDateSchema.nullable().default(null),
});

export const nameVariantSchema = z.object({
  kind: nameVariantKindSchema,
  givenNames: z.string().trim().max(200).nullable().default(null),
  familyName: z.string().trim().max(200).nullable().default(null),
  /** ISO 15924 script code of names in the original script, e.g. Arab, Cyrl, Ethi. */
  script: z
    .string()
    .trim()
    .regex(/^[A-Z][a-z]{3}$/)
    .nullable()
    .default(null),
});

export const identifierSchema = z
  .object({ kind: identifierKindSchema, value: z.string().trim().toUpperCase().max(40) })
  .superRefine((v, ctx) => {
    if (!identifierFormats[v.kind].test(v.value)) {
      ctx.addIssue({ code: 'invalid_format', format: 'regex', path: ['value'], input: v.value, message: 'format' });
    }
  });

export const personCreateRequestSchema = z.object({
  givenNames: nameSchema,
  familyName: nameSchema,
  nameOrder: nameOrderSchema.default('given_family'),
  nameVariants: z.array(nameVariantSchema).max(20).default([]),
  sex: sexSchema.default('unknown'),
  dateOfBirth: dateOfBirthInputSchema.nullable().default(null),
  placeOfBirth: z.string().trim().max(200).nullable().default(null),
  countryOfBirth: iso2Schema.nullable().default(null),
  nationalities: z.array(iso2Schema).max(5).default([]),
  identifiers: z.array(identifierSchema).max(10).default([]),
  languages: z.array(personLanguageSchema).max(20).default([]),
  germanLevels: germanLevelsSchema.default({}),
  interpreter: interpreterSchema.default({ needed: false, language: null }),
  contacts: z.array(contactChannelSchema).max(20).default([]),
  addresses: z.array(personAddressInputSchema).max(30).default([]),
  /** Set after the caseworker has looked at the duplicate candidates and registers anyway. */
  duplicatesReviewed: z.boolean().default(false),
});

/**
 * The same fields as on create, all optional and without defaults: zod 4 applies a `.default()`
 * even inside `.partial()`, which would reset every field a PATCH does not mention.
 */
export const personUpdateRequestSchema = z
  .object({
    givenNames: nameSchema,
    familyName: nameSchema,
    nameOrder: nameOrderSchema,
    // Higher than on create: a merge unites two records' lists, and the form sends them back whole.
    nameVariants: z.array(nameVariantSchema).max(60),
    sex: sexSchema,
    dateOfBirth: dateOfBirthInputSchema.nullable(),
    placeOfBirth: z.string().trim().max(200).nullable(),
    countryOfBirth: iso2Schema.nullable(),
    nationalities: z.array(iso2Schema).max(10),
    identifiers: z.array(identifierSchema).max(20),
    languages: z.array(personLanguageSchema).max(40),
    germanLevels: germanLevelsSchema,
    interpreter: interpreterSchema,
    contacts: z.array(contactChannelSchema).max(40),
    addresses: z.array(personAddressInputSchema).max(60),
  })
  .partial()
  .strict();

export const dateOfBirthSchema = z.object({
  /** As recorded. */
  value: z.string(),
  precision: z.enum(['day', 'month', 'year', 'unknown']),
  placeholder: z.boolean(),
});

export const personSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  givenNames: z.string(),
  familyName: z.string(),
  nameOrder: nameOrderSchema,
  nameVariants: z.array(
    z.object({
      kind: nameVariantKindSchema,
      givenNames: z.string().nullable(),
      familyName: z.string().nullable(),
      script: z.string().nullable(),
    }),
  ),
  sex: sexSchema,
  dateOfBirth: dateOfBirthSchema.nullable(),
  placeOfBirth: z.string().nullable(),
  countryOfBirth: z.string().nullable(),
  nationalities: z.array(z.string()),
  identifiers: z.array(z.object({ kind: identifierKindSchema, value: z.string() })),
  languages: z.array(z.object({ language: z.string(), motherTongue: z.boolean(), level: z.string().nullable() })),
  germanLevels: germanLevelsSchema,
  interpreter: z.object({ needed: z.boolean(), language: z.string().nullable() }),
  contacts: z.array(
    z.object({
      kind: contactKindSchema,
      value: z.string(),
      service: messengerServiceSchema.nullable(),
      consentToUse: z.boolean(),
      consentRecordedOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** Current and past addresses, current first; `addressId` is the address register's row. */
  addresses: z.array(
    z.object({
      addressId: z.uuid(),
      kind: addressKindSchema,
      street: z.string(),
      houseNumber: z.string(),
      postalCode: z.string(),
      city: z.string(),
      addressSuffix: z.string().nullable(),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
      /** validUntil is empty or not before today. */
      current: z.boolean(),
      /**
       * What the address register knows about delivery at this address (social space); absent
       * while the address was never checked.
       */
      delivery: addressDeliverySummarySchema.optional(),
    }),
  ),
  /** Household memberships (current and past), from the households module. */
  households: z.array(
    z.object({
      householdId: z.uuid(),
      kind: z.enum(['household', 'bedarfsgemeinschaft']),
      name: z.string().nullable(),
      relationship: z.enum(['head', 'spouse', 'partner', 'child', 'parent', 'sibling', 'other']),
      validFrom: z.string(),
      validUntil: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  /** Set when this record was merged into another person: the client goes there. */
  mergedInto: z.uuid().nullable(),
  registeredBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /**
   * What the caller sees of the person and on which grounds (issue 5). A field group whose data
   * category is in `withheld` is sent empty (no items, no levels): it is not "nothing recorded".
   */
  access: personAccessSchema,
});
export type Person = z.infer<typeof personSchema>;

export const personSummarySchema = personSchema.pick({
  id: true,
  givenNames: true,
  familyName: true,
  dateOfBirth: true,
  nationalities: true,
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  dateOfBirth: dateOfBirthInputSchema.optional(),
  /** Page size (kept as `limit` for API stability). */
  limit: z.coerce.number().int().min(1).max(100).default(20),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const personSearchResultSchema = z.object({
  items: z.array(z.object({ person: personSummarySchema, score: z.number().min(0).max(1) })),
  page: pageInfoSchema,
});

export const duplicateCheckRequestSchema = z.object({
  givenNames: z.string().trim().max(200).default(''),
  familyName: z.string().trim().max(200).default(''),
  dateOfBirth: dateOfBirthInputSchema.nullable().optional(),
  placeOfBirth: z.string().trim().max(200).nullable().optional(),
  nationality: z.string().trim().max(60).nullable().optional(),
});

export const duplicateCheckResponseSchema = z.object({
  candidates: z.array(
    z.object({
      personId: z.uuid(),
      score: z.number().min(0).max(1),
      /** Human reasons in the caller's language, strongest first. */
      reasons: z.array(z.string()),
      reasonCodes: z.array(z.string()),
      band: z.enum(['likely_duplicate', 'candidate']),
      person: personSummarySchema,
    }),
  ),
});
export type DuplicateCheckResponse = z.infer<typeof duplicateCheckResponseSchema>;
