import { z } from 'zod';
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
    nameVariants: z.array(nameVariantSchema).max(20),
    sex: sexSchema,
    dateOfBirth: dateOfBirthInputSchema.nullable(),
    placeOfBirth: z.string().trim().max(200).nullable(),
    countryOfBirth: iso2Schema.nullable(),
    nationalities: z.array(iso2Schema).max(5),
    identifiers: z.array(identifierSchema).max(10),
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
  registeredBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
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
  limit: z.coerce.number().int().min(1).max(100).default(20),
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
