import { z } from 'zod';
import { guardFindingCodes, reductionReasons, secondChannels } from '../domain/correspondence/sanction-guard';

/**
 * Reductions of benefits (Leistungsminderung) and the sanction guard (issue 8,
 * shared/domain/correspondence/sanction-guard.ts). POST …/check answers the guard's result without
 * writing; POST records the decision: `completed` only when the guard (evaluated again on the
 * server) allows it, otherwise `blocked` with the chosen second channel and a task for it.
 */

export const reductionReasonSchema = z.enum(reductionReasons);
export const secondChannelSchema = z.enum(secondChannels);
export const benefitReductionStatuses = ['blocked', 'completed'] as const;
export const benefitReductionStatusSchema = z.enum(benefitReductionStatuses);

const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });
const explanationSchema = z.object({ de: z.string(), en: z.string() });

export const guardResultSchema = z.object({
  allowed: z.boolean(),
  letterId: z.uuid().nullable(),
  findings: z.array(z.object({ code: z.enum(guardFindingCodes), met: z.boolean(), explanation: explanationSchema })),
  proposals: z.array(z.object({ channel: secondChannelSchema, explanation: explanationSchema })),
});
export type GuardResultDto = z.infer<typeof guardResultSchema>;

export const benefitReductionCheckRequestSchema = z
  .object({ reason: reductionReasonSchema, appointmentId: z.uuid() })
  .strict();
export type BenefitReductionCheckRequest = z.infer<typeof benefitReductionCheckRequestSchema>;

export const BENEFIT_REDUCTION_TEXT_MAX = 2000;

export const benefitReductionCreateRequestSchema = z
  .object({
    reason: reductionReasonSchema,
    appointmentId: z.uuid(),
    description: z.string().trim().max(BENEFIT_REDUCTION_TEXT_MAX).nullable().default(null),
    /** Required when the guard blocks: one of its proposals. */
    secondChannel: secondChannelSchema.nullable().default(null),
    decisionNote: z.string().trim().max(BENEFIT_REDUCTION_TEXT_MAX).nullable().default(null),
  })
  .strict();
export type BenefitReductionCreateRequest = z.infer<typeof benefitReductionCreateRequestSchema>;

export const benefitReductionSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  reason: reductionReasonSchema,
  description: z.string().nullable(),
  appointment: z.object({ id: z.uuid(), title: z.string(), startsAt: z.iso.datetime() }).nullable(),
  letterId: z.uuid().nullable(),
  status: benefitReductionStatusSchema,
  guard: guardResultSchema,
  secondChannel: secondChannelSchema.nullable(),
  /** The case task created for the second channel (blocked decisions). */
  taskId: z.uuid().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.iso.datetime(),
  decidedBy: userRefSchema.nullable(),
});
export type BenefitReduction = z.infer<typeof benefitReductionSchema>;

export const benefitReductionListSchema = z.object({ items: z.array(benefitReductionSchema) });
export type BenefitReductionList = z.infer<typeof benefitReductionListSchema>;
