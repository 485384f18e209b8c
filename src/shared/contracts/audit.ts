import { z } from 'zod';
import { paginationQuerySchema, pageInfoSchema } from './common';

export const auditOutcomeSchema = z.enum(['success', 'failure', 'denied']);

export const auditEventViewSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  type: z.string(),
  outcome: auditOutcomeSchema,
  actor: z
    .object({ userId: z.uuid().nullable(), username: z.string().nullable(), agencyId: z.uuid().nullable() })
    .nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const auditListQuerySchema = paginationQuerySchema.extend({
  type: z.string().trim().max(100).optional(),
  actorUserId: z.uuid().optional(),
  /** The agency the actor acted for. */
  agencyId: z.uuid().optional(),
  subjectId: z.string().trim().max(100).optional(),
  outcome: auditOutcomeSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const auditListSchema = z.object({ items: z.array(auditEventViewSchema), page: pageInfoSchema });

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  firstBroken: z
    .object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'gap']) })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
