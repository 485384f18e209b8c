import { z } from 'zod';
import { isoDateSchema, personSummarySchema } from './people';
import { pageInfoSchema } from './common';

/**
 * Residence documents (Aufenthaltsdokumente). The names match the legal-domain engine's
 * `residence.document` values; the Duldung kinds are separate types (§ 60a, § 60b, § 60c, § 60d AufenthG).
 */
export const residenceDocumentTypes = [
  'ankunftsnachweis',
  'aufenthaltsgestattung',
  'duldung',
  'duldung_ungeklaerte_identitaet',
  'ausbildungsduldung',
  'beschaeftigungsduldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'daueraufenthalt_eu',
  'fiktionsbescheinigung',
  'eu_freizuegigkeit',
] as const;
export const residenceDocumentTypeSchema = z.enum(residenceDocumentTypes);
export type ResidenceDocumentType = z.infer<typeof residenceDocumentTypeSchema>;

/** The editable fields of a residence document, in the order of the form and the audit rows. */
export const residenceDocumentFields = [
  'documentType',
  'legalBasis',
  'documentNumber',
  'issuedOn',
  'validFrom',
  'validUntil',
  'employment',
  'wohnsitzauflage',
  'wohnsitzauflageMunicipality',
  'raeumlicheBeschraenkung',
  'raeumlicheBeschraenkungArea',
  'issuingAuthority',
  'notes',
] as const;

/** Labour-market access the document states. */
export const employmentConditionSchema = z.enum(['allowed', 'with_permission', 'not_allowed', 'unknown']);

/** Warnings start this many days before a document expires (configurable per request). */
export const DEFAULT_EXPIRY_WARNING_DAYS = 90;

export const residenceDocumentInputSchema = z.object({
  documentType: residenceDocumentTypeSchema,
  /** e.g. "AufenthG § 25 Abs. 2"; stored normalised ("AufenthG 25 Abs. 2" is accepted). */
  legalBasis: z.string().trim().max(120).nullable().default(null),
  documentNumber: z.string().trim().max(40).nullable().default(null),
  issuedOn: isoDateSchema.nullable().default(null),
  validFrom: isoDateSchema.nullable().default(null),
  validUntil: isoDateSchema.nullable().default(null),
  employment: employmentConditionSchema.default('unknown'),
  wohnsitzauflage: z.boolean().default(false),
  wohnsitzauflageMunicipality: z.string().trim().max(120).nullable().default(null),
  raeumlicheBeschraenkung: z.boolean().default(false),
  raeumlicheBeschraenkungArea: z.string().trim().max(200).nullable().default(null),
  issuingAuthority: z.string().trim().max(200).nullable().default(null),
  notes: z.string().trim().max(2000).nullable().default(null),
});

/** PATCH: the same fields, optional, without defaults (zod 4 would apply them inside .partial()). */
export const residenceDocumentUpdateSchema = z
  .object({
    documentType: residenceDocumentTypeSchema,
    legalBasis: z.string().trim().max(120).nullable(),
    documentNumber: z.string().trim().max(40).nullable(),
    issuedOn: isoDateSchema.nullable(),
    validFrom: isoDateSchema.nullable(),
    validUntil: isoDateSchema.nullable(),
    employment: employmentConditionSchema,
    wohnsitzauflage: z.boolean(),
    wohnsitzauflageMunicipality: z.string().trim().max(120).nullable(),
    raeumlicheBeschraenkung: z.boolean(),
    raeumlicheBeschraenkungArea: z.string().trim().max(200).nullable(),
    issuingAuthority: z.string().trim().max(200).nullable(),
    notes: z.string().trim().max(2000).nullable(),
  })
  .partial()
  .strict();

/**
 * valid / expiring (within the warning window) / expired / not_yet_valid; `superseded` when a
 * later document of the person follows, so an old expiry no longer warns.
 */
export const residenceDocumentStatusSchema = z.enum(['valid', 'expiring', 'expired', 'not_yet_valid', 'superseded']);

export const residenceDocumentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  version: z.number().int(),
  documentType: residenceDocumentTypeSchema,
  legalBasis: z.string().nullable(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  employment: employmentConditionSchema,
  wohnsitzauflage: z.boolean(),
  wohnsitzauflageMunicipality: z.string().nullable(),
  raeumlicheBeschraenkung: z.boolean(),
  raeumlicheBeschraenkungArea: z.string().nullable(),
  issuingAuthority: z.string().nullable(),
  notes: z.string().nullable(),
  status: residenceDocumentStatusSchema,
  /** Days from today to validUntil (negative when expired); null without an expiry. */
  daysUntilExpiry: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ResidenceDocument = z.infer<typeof residenceDocumentSchema>;

/** The timeline: newest validity first. */
export const residenceDocumentListSchema = z.object({ items: z.array(residenceDocumentSchema) });

export const residenceDocumentParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid() });

export const expiringDocumentsQuerySchema = z.object({
  withinDays: z.coerce.number().int().min(1).max(365).default(DEFAULT_EXPIRY_WARNING_DAYS),
  /** Include documents that already expired and were not followed by a newer one. */
  includeExpired: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The agency's worklist of documents about to expire, soonest first. */
export const expiringDocumentsResultSchema = z.object({
  items: z.array(z.object({ person: personSummarySchema, document: residenceDocumentSchema })),
  page: pageInfoSchema,
});
