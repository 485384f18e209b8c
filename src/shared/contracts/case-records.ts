import { z } from 'zod';
import { appointmentStatuses } from '../domain/cases/appointment-rules';
import { retentionClassKeys } from '../domain/cases/retention-classes';
import { pageInfoSchema, paginationQuerySchema } from './common';
import { languageCodeSchema } from './people';

/**
 * The records of a case: notes (Vermerke), documents and appointments (Termine).
 *
 * Confidentiality (notes and documents): `team` — every agency on the current case team;
 * `agency` — the author's agency only; `author` — the author alone. What a caller may not see
 * does not exist for them: not in lists, counts or the timeline, and an id of it answers 404.
 *
 * Concurrency: notes and appointments carry `version`, sent as the ETag; PATCH needs If-Match
 * (428 without, 412 when someone changed it in between).
 */

export const confidentialityLevels = ['team', 'agency', 'author'] as const;
export const confidentialitySchema = z.enum(confidentialityLevels);
export type Confidentiality = z.infer<typeof confidentialitySchema>;

const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });
const refSchema = z.object({ id: z.uuid(), name: z.string() });
const instantSchema = z.iso.datetime({ offset: true });
const titleSchema = z.string().trim().min(1).max(200);

export const caseRecordListParams = {
  /** Smaller pages than the default: a case page shows several lists at once. */
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

// ---------------------------------------------------------------------------------------------
// Notes (Vermerke)

/** Kontakt, Hausbesuch, Telefonat, Fallkonferenz, Beratung, Sonstiges. */
export const noteKinds = ['contact', 'home_visit', 'phone_call', 'conference', 'counselling', 'other'] as const;
export const noteKindSchema = z.enum(noteKinds);
export type NoteKind = z.infer<typeof noteKindSchema>;

export const NOTE_SUBJECT_MAX = 200;
export const NOTE_BODY_MAX = 10_000;

const noteFields = {
  kind: noteKindSchema,
  /** When the contact took place; not in the future. */
  occurredAt: instantSchema,
  subject: z.string().trim().min(1).max(NOTE_SUBJECT_MAX),
  body: z.string().trim().min(1).max(NOTE_BODY_MAX),
  confidentiality: confidentialitySchema,
};

export const noteCreateRequestSchema = z
  .object({ ...noteFields, confidentiality: confidentialitySchema.default('team') })
  .strict();
export type NoteCreateRequest = z.infer<typeof noteCreateRequestSchema>;

/** PATCH by the author: any of the fields (an empty PATCH is 400). */
export const noteUpdateRequestSchema = z.object(noteFields).partial().strict();
export type NoteUpdateRequest = z.infer<typeof noteUpdateRequestSchema>;

export const noteListQuerySchema = paginationQuerySchema.extend({
  ...caseRecordListParams,
  kind: noteKindSchema.optional(),
});
export type NoteListQuery = z.infer<typeof noteListQuerySchema>;

export const noteParamsSchema = z.object({ id: z.uuid(), noteId: z.uuid() });

export const noteSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: noteKindSchema,
  occurredAt: z.iso.datetime(),
  subject: z.string(),
  body: z.string(),
  confidentiality: confidentialitySchema,
  author: userRefSchema,
  /** The author's agency. */
  agency: refSchema,
  /** The ETag of the note. */
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Only the author edits a note. */
  actions: z.object({ edit: z.boolean() }),
});
export type Note = z.infer<typeof noteSchema>;

export const noteListSchema = z.object({ items: z.array(noteSchema), page: pageInfoSchema });
export type NoteList = z.infer<typeof noteListSchema>;

// ---------------------------------------------------------------------------------------------
// Documents

export const documentTypes = [
  'identity_document',
  'residence_document',
  'certificate',
  'qualification',
  'application',
  'decision_notice',
  'medical',
  'correspondence',
  'contract',
  'other',
] as const;
export const documentTypeSchema = z.enum(documentTypes);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const retentionClassSchema = z.enum(retentionClassKeys);

/** 10 MiB per file. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The types the server accepts, recognised by their first bytes (not by the name). */
export const documentMediaTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'text/plain'] as const;
export const documentMediaTypeSchema = z.enum(documentMediaTypes);
export type DocumentMediaType = z.infer<typeof documentMediaTypeSchema>;

/**
 * Upload metadata, sent in the query string; the request body is the file itself as
 * `application/octet-stream`.
 */
export const documentUploadQuerySchema = z
  .object({
    docType: documentTypeSchema,
    title: titleSchema,
    retentionClass: retentionClassSchema,
    confidentiality: confidentialitySchema.default('team'),
    /** The file's name on the caseworker's computer; stored sanitised. */
    fileName: z.string().trim().min(1).max(255),
  })
  .strict();
export type DocumentUploadQuery = z.infer<typeof documentUploadQuerySchema>;

export const documentListQuerySchema = paginationQuerySchema.extend({
  ...caseRecordListParams,
  docType: documentTypeSchema.optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const documentParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid() });

export const caseDocumentSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  docType: documentTypeSchema,
  title: z.string(),
  fileName: z.string(),
  mediaType: documentMediaTypeSchema,
  sizeBytes: z.number().int(),
  /** Hex SHA-256 of the content, to check a copy against the original. */
  sha256: z.string(),
  retentionClass: retentionClassSchema,
  /** When the purge may delete it ('YYYY-MM-DD'); null while the period has not started (open case). */
  retentionDueOn: z.iso.date().nullable(),
  confidentiality: confidentialitySchema,
  uploadedAt: z.iso.datetime(),
  uploadedBy: userRefSchema,
  /** The uploader's agency. */
  agency: refSchema,
  /** Only the uploader's agency removes a document (and not on a closed case). */
  actions: z.object({ delete: z.boolean() }),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const caseDocumentListSchema = z.object({ items: z.array(caseDocumentSchema), page: pageInfoSchema });
export type CaseDocumentList = z.infer<typeof caseDocumentListSchema>;

// ---------------------------------------------------------------------------------------------
// Appointments (Termine)

/** Beratungstermin, Hausbesuch, Behördentermin, Arzttermin, Kurs/Maßnahme, Sonstiges. */
export const appointmentKinds = ['consultation', 'home_visit', 'authority', 'medical', 'course', 'other'] as const;
export const appointmentKindSchema = z.enum(appointmentKinds);
export type AppointmentKind = z.infer<typeof appointmentKindSchema>;
export const appointmentStatusSchema = z.enum(appointmentStatuses);

const appointmentFields = {
  kind: appointmentKindSchema,
  title: titleSchema,
  startsAt: instantSchema,
  /** After startsAt, at most 24 hours later; null: open end. */
  endsAt: instantSchema.nullable(),
  location: z.string().trim().max(200).nullable(),
  /** An agency of the current case team; default: the caller's. */
  agencyId: z.uuid(),
  /** A named active colleague of that agency; null: the agency as a whole. */
  userId: z.uuid().nullable(),
  /** An interpreter is needed for this language (ISO 639 code, see shared/domain/languages.ts). */
  interpreterLanguage: languageCodeSchema.nullable(),
  /** The interpreter is booked (without it, a language shows "Dolmetschung noch nicht gebucht"). */
  interpreterBooked: z.boolean(),
  /** Who interprets (name or service), once booked. */
  interpreterName: z.string().trim().max(200).nullable(),
  /** The cost centre (Kostenstelle) the interpreter is charged to. */
  interpreterCostCentre: z.string().trim().max(100).nullable(),
};

export const appointmentCreateRequestSchema = z
  .object({
    ...appointmentFields,
    endsAt: appointmentFields.endsAt.default(null),
    location: appointmentFields.location.default(null),
    agencyId: appointmentFields.agencyId.optional(),
    userId: appointmentFields.userId.default(null),
    interpreterLanguage: appointmentFields.interpreterLanguage.default(null),
    interpreterBooked: appointmentFields.interpreterBooked.default(false),
    interpreterName: appointmentFields.interpreterName.default(null),
    interpreterCostCentre: appointmentFields.interpreterCostCentre.default(null),
  })
  .strict();
export type AppointmentCreateRequest = z.infer<typeof appointmentCreateRequestSchema>;

/**
 * PATCH: any of the fields and the status (see shared/domain/cases/appointment-rules.ts). A new
 * agency without a userId clears the named colleague.
 */
export const appointmentUpdateRequestSchema = z
  .object({ ...appointmentFields, status: appointmentStatusSchema })
  .partial()
  .strict();
export type AppointmentUpdateRequest = z.infer<typeof appointmentUpdateRequestSchema>;

export const appointmentListQuerySchema = paginationQuerySchema.extend({
  ...caseRecordListParams,
  /** upcoming: not yet ended (or started within the last hour without an end), soonest first; past: the others, latest first. */
  when: z.enum(['upcoming', 'past']).default('upcoming'),
});
export type AppointmentListQuery = z.infer<typeof appointmentListQuerySchema>;

export const appointmentParamsSchema = z.object({ id: z.uuid(), appointmentId: z.uuid() });

export const appointmentSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: appointmentKindSchema,
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  location: z.string().nullable(),
  agency: refSchema,
  user: userRefSchema.nullable(),
  interpreterLanguage: z.string().nullable(),
  interpreterBooked: z.boolean(),
  interpreterName: z.string().nullable(),
  interpreterCostCentre: z.string().nullable(),
  status: appointmentStatusSchema,
  /** The ETag of the appointment. */
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  createdBy: userRefSchema.nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: userRefSchema.nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentListSchema = z.object({ items: z.array(appointmentSchema), page: pageInfoSchema });
export type AppointmentList = z.infer<typeof appointmentListSchema>;

/**
 * GET /appointments: `mine` — appointments naming the caller; `team` — also those of the
 * caller's agency without a named colleague. From/to are Berlin calendar days (default: today
 * and the next 14 days), at most 92 days apart.
 */
export const myAppointmentsQuerySchema = paginationQuerySchema.extend({
  scope: z.enum(['mine', 'team']).default('mine'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Planned ones by default; `all` includes held, missed and cancelled. */
  status: z.enum(['planned', 'all']).default('planned'),
});
export type MyAppointmentsQuery = z.infer<typeof myAppointmentsQuerySchema>;

export const MY_APPOINTMENTS_DEFAULT_DAYS = 14;
export const MY_APPOINTMENTS_MAX_DAYS = 92;

export const myAppointmentSchema = appointmentSchema.extend({
  case: z.object({ id: z.uuid(), reference: z.string(), title: z.string() }),
  person: z.object({ id: z.uuid(), givenNames: z.string(), familyName: z.string() }),
});
export type MyAppointment = z.infer<typeof myAppointmentSchema>;

export const myAppointmentListSchema = z.object({
  items: z.array(myAppointmentSchema),
  /** The range the list covers (after defaults). */
  range: z.object({ from: z.iso.date(), to: z.iso.date() }),
  page: pageInfoSchema,
});
export type MyAppointmentList = z.infer<typeof myAppointmentListSchema>;
