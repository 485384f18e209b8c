import { z } from 'zod';
import { MAX_RETENTION_YEARS, recordClasses, retentionActions } from '../domain/data-protection/retention';

const textSchema = z.object({ de: z.string(), en: z.string() });

export const recordClassSchema = z.enum(recordClasses);
export const retentionActionSchema = z.enum(retentionActions);
export const recordClassParamsSchema = z.object({ recordClass: recordClassSchema });

export const retentionPolicySchema = z.object({
  recordClass: recordClassSchema,
  label: textSchema,
  description: textSchema,
  years: z.number().int(),
  countsFrom: z.string(),
  action: retentionActionSchema,
  allowedActions: z.array(retentionActionSchema),
  basis: z.string(),
  /** Default years of the class, to show when an administrator changed it. */
  defaultYears: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const retentionPolicyListSchema = z.object({
  items: z.array(retentionPolicySchema),
  actions: z.object({ manage: z.boolean() }),
});
export type RetentionPolicyList = z.infer<typeof retentionPolicyListSchema>;

export const retentionPolicyUpdateSchema = z
  .object({
    years: z.number().int().min(0).max(MAX_RETENTION_YEARS),
    action: retentionActionSchema,
  })
  .strict();
export type RetentionPolicyUpdate = z.infer<typeof retentionPolicyUpdateSchema>;

/** Counts of one run: what was (or, in a dry run, would be) deleted or anonymised, and what a hold kept. */
export const purgeCountsSchema = z.object({
  documentsDeleted: z.number().int(),
  casesAnonymised: z.number().int(),
  casesDeleted: z.number().int(),
  peopleAnonymised: z.number().int(),
  keptByLegalHold: z.number().int(),
});
export type PurgeCounts = z.infer<typeof purgeCountsSchema>;

export const purgeRunSchema = z.object({
  id: z.uuid(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  dryRun: z.boolean(),
  /** null: the daily schedule. */
  triggeredBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  counts: purgeCountsSchema,
});
export type PurgeRun = z.infer<typeof purgeRunSchema>;

export const purgeRunListSchema = z.object({ items: z.array(purgeRunSchema) });
export const purgeRunRequestSchema = z.object({ dryRun: z.boolean() }).strict();

// ---------------------------------------------------------------------------------------------
// Legal holds (Sperrvermerke): stop the purge of a person or a case.

export const legalHoldSubjectTypeSchema = z.enum(['person', 'case']);
export type LegalHoldSubjectType = z.infer<typeof legalHoldSubjectTypeSchema>;

export const legalHoldSchema = z.object({
  id: z.uuid(),
  subjectType: legalHoldSubjectTypeSchema,
  subjectId: z.uuid(),
  /** A short label of the subject: the person's name or the case reference (what the caller may see). */
  subjectLabel: z.string(),
  reason: z.string(),
  placedAt: z.string(),
  placedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  releasedAt: z.string().nullable(),
  releasedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** Why the hold was lifted (required when releasing). */
  releaseNote: z.string().nullable(),
});
export type LegalHold = z.infer<typeof legalHoldSchema>;

export const legalHoldListQuerySchema = z.object({
  status: z.enum(['active', 'released', 'all']).default('active'),
});
export const legalHoldListSchema = z.object({ items: z.array(legalHoldSchema) });

export const legalHoldCreateSchema = z
  .object({
    subjectType: legalHoldSubjectTypeSchema,
    subjectId: z.uuid(),
    reason: z.string().trim().min(10).max(500),
  })
  .strict();
export type LegalHoldCreate = z.infer<typeof legalHoldCreateSchema>;

/** Releasing a hold needs a note: why the data may now be deleted on schedule. */
export const legalHoldReleaseSchema = z.object({ note: z.string().trim().min(10).max(500) }).strict();
export type LegalHoldRelease = z.infer<typeof legalHoldReleaseSchema>;
