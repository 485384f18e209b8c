import { z } from 'zod';
import { letterChannels, letterStatuses, proofKinds, returnReasons } from '../domain/correspondence/channels';
import { pageInfoSchema, paginationQuerySchema } from './common';
import { confidentialitySchema } from './case-records';

/**
 * Letters to a person (issue 8): composed from a template (invitation, appointment, request for
 * documents, hearing before a reduction of benefits, cover letter for a decision), rendered to PDF
 * in the person's language with the German original attached, sent on a channel, and their
 * delivery proven or their return recorded.
 *
 * A letter is a case record of category `case_notes`: the caller needs access to the case and the
 * letter's confidentiality (team / agency / author) must admit them; otherwise it answers 404.
 * Drafts carry `version` (ETag); PATCH needs If-Match. See docs/correspondence.md.
 */

export const letterTemplateKeys = [
  'invitation',
  'appointment',
  'document_request',
  'sanction_hearing',
  'decision_cover',
] as const;
export const letterTemplateKeySchema = z.enum(letterTemplateKeys);
export type LetterTemplateKey = z.infer<typeof letterTemplateKeySchema>;

/** The languages a letter can be translated into; 'de' is the German original alone. */
export const letterLanguages = ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru'] as const;
export const letterLanguageSchema = z.enum(letterLanguages);
export type LetterLanguage = z.infer<typeof letterLanguageSchema>;
/** Written right to left. */
export const rtlLetterLanguages: readonly LetterLanguage[] = ['ar', 'fa'];

// The lists are defined once, with the channel rules (shared/domain/correspondence/channels.ts).
export { letterChannels, letterStatuses, proofKinds, returnReasons };
export const letterChannelSchema = z.enum(letterChannels);
export type LetterChannel = z.infer<typeof letterChannelSchema>;
export const letterStatusSchema = z.enum(letterStatuses);
export type LetterStatus = z.infer<typeof letterStatusSchema>;
/** Postzustellungsurkunde, signature on hand delivery, read receipt, confirmation in person. */
export const proofKindSchema = z.enum(proofKinds);
export type ProofKind = z.infer<typeof proofKindSchema>;
export const returnReasonSchema = z.enum(returnReasons);
export type ReturnReason = z.infer<typeof returnReasonSchema>;

/** As `letter_events.kind` in the schema. */
export const letterEventKinds = [
  'sent',
  'delivered',
  'returned',
  'undeliverable',
  'read',
  'mail_sent',
  'mail_failed',
] as const;
export const letterEventKindSchema = z.enum(letterEventKinds);
export type LetterEventKind = z.infer<typeof letterEventKindSchema>;

export const templateFieldKinds = ['text', 'date', 'time', 'multiline'] as const;
export const templateFieldKindSchema = z.enum(templateFieldKinds);
export type TemplateFieldKind = z.infer<typeof templateFieldKindSchema>;

/** Longest value of one field the caseworker fills in. */
export const LETTER_FIELD_MAX = 4000;

/** The values of the template's fields (field key → text). Dates 'YYYY-MM-DD', times 'HH:MM'. */
export const letterFieldsSchema = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,59}$/),
  z.string().trim().max(LETTER_FIELD_MAX),
);
export type LetterFields = z.infer<typeof letterFieldsSchema>;

// ---------------------------------------------------------------------------------------------
// Templates

export const letterTemplateFieldSchema = z.object({
  key: z.string(),
  labelDe: z.string(),
  labelEn: z.string(),
  kind: templateFieldKindSchema,
  required: z.boolean(),
  /** Filled from the linked appointment when one is chosen (the caseworker may overwrite). */
  fromAppointment: z.boolean(),
});
export type LetterTemplateField = z.infer<typeof letterTemplateFieldSchema>;

export const letterTemplateSchema = z.object({
  key: letterTemplateKeySchema,
  nameDe: z.string(),
  nameEn: z.string(),
  descriptionDe: z.string(),
  descriptionEn: z.string(),
  /** The template links to an appointment of the case (invitation, appointment, hearing). */
  usesAppointment: z.boolean(),
  fields: z.array(letterTemplateFieldSchema),
  languages: z.array(letterLanguageSchema),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

export const letterTemplateListSchema = z.object({ items: z.array(letterTemplateSchema) });
export type LetterTemplateList = z.infer<typeof letterTemplateListSchema>;

// ---------------------------------------------------------------------------------------------
// Requests

export const letterCreateRequestSchema = z
  .object({
    template: letterTemplateKeySchema,
    /** Defaults to the person's stored language where it is one of `letterLanguages`, else 'de'. */
    language: letterLanguageSchema.optional(),
    fields: letterFieldsSchema.default({}),
    appointmentId: z.uuid().nullable().optional(),
    /** The intended channel; the sending step (H2) may change it. */
    channel: letterChannelSchema.default('post'),
    confidentiality: confidentialitySchema.default('agency'),
  })
  .strict();
export type LetterCreateRequest = z.input<typeof letterCreateRequestSchema>;

/** PATCH of a draft (If-Match): any of these; an empty PATCH is 400. */
export const letterUpdateRequestSchema = z
  .object({
    language: letterLanguageSchema,
    fields: letterFieldsSchema,
    appointmentId: z.uuid().nullable(),
    channel: letterChannelSchema,
    confidentiality: confidentialitySchema,
  })
  .partial()
  .strict();
export type LetterUpdateRequest = z.infer<typeof letterUpdateRequestSchema>;

export const letterListQuerySchema = paginationQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: letterStatusSchema.optional(),
});
export type LetterListQuery = z.infer<typeof letterListQuerySchema>;

export const letterPreviewQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(50).default(1),
});

// ---------------------------------------------------------------------------------------------
// Responses

const instantSchema = z.iso.datetime({ offset: true });

export const letterEventSchema = z.object({
  id: z.uuid(),
  kind: letterEventKindSchema,
  occurredAt: instantSchema,
  recordedAt: instantSchema,
  recordedByName: z.string().nullable(),
  proofKind: proofKindSchema.nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
});
export type LetterEvent = z.infer<typeof letterEventSchema>;

export const letterDetailSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  personId: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  template: letterTemplateKeySchema,
  language: letterLanguageSchema,
  subject: z.string(),
  fields: z.record(z.string(), z.string()),
  appointmentId: z.uuid().nullable(),
  channel: letterChannelSchema,
  addressId: z.uuid().nullable(),
  communicationConsentId: z.uuid().nullable(),
  status: letterStatusSchema,
  confidentiality: confidentialitySchema,
  sentAt: instantSchema.nullable(),
  deliveredAt: instantSchema.nullable(),
  proofKind: proofKindSchema.nullable(),
  proofNote: z.string().nullable(),
  returnedAt: instantSchema.nullable(),
  returnReason: returnReasonSchema.nullable(),
  createdAt: instantSchema,
  createdByName: z.string().nullable(),
  /** ETag of a draft. */
  version: z.number().int(),
  /** Oldest first. */
  events: z.array(letterEventSchema),
  /** What the caller may do now (drafts of the caller's agency: edit, delete). */
  actions: z.object({ edit: z.boolean(), delete: z.boolean() }).optional(),
});
export type LetterDetail = z.infer<typeof letterDetailSchema>;

export const letterSummarySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  personId: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  template: letterTemplateKeySchema,
  language: letterLanguageSchema,
  subject: z.string(),
  channel: letterChannelSchema,
  status: letterStatusSchema,
  confidentiality: confidentialitySchema,
  sentAt: instantSchema.nullable(),
  deliveredAt: instantSchema.nullable(),
  returnedAt: instantSchema.nullable(),
  createdAt: instantSchema,
  createdByName: z.string().nullable(),
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const letterListSchema = z.object({ items: z.array(letterSummarySchema), page: pageInfoSchema });
export type LetterList = z.infer<typeof letterListSchema>;
