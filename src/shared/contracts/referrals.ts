import { z } from 'zod';
import { criterionSchema } from '../domain/referrals/criteria';
import { referralStatuses, transitionTargets } from '../domain/referrals/referral-machine';
import { pageInfoSchema, paginationQuerySchema } from './common';

/**
 * Referrals between agencies and to measures (issue 9): draft → sent → accepted | rejected →
 * started → completed | dropped_out; revoked by the sender before it starts. The sending agency
 * sees its outbox, the receiving agency its inbox (never drafts). Writes carry If-Match (version).
 */

export const referralStatusSchema = z.enum(referralStatuses);
export const transitionTargetSchema = z.enum(transitionTargets);

const dateSchema = z.iso.date();
const instantSchema = z.iso.datetime({ offset: true });
const refSchema = z.object({ id: z.uuid(), name: z.string() });

export const REFERRAL_PURPOSE_MAX = 500;
export const REFERRAL_NOTE_MAX = 4000;

export const referralCreateRequestSchema = z
  .object({
    toAgencyId: z.uuid(),
    measureId: z.uuid().nullable().optional(),
    caseId: z.uuid().nullable().optional(),
    purpose: z.string().trim().min(1).max(REFERRAL_PURPOSE_MAX),
    note: z.string().trim().max(REFERRAL_NOTE_MAX).nullable().optional(),
    followUpOn: dateSchema.nullable().optional(),
  })
  .strict();
export type ReferralCreateRequest = z.infer<typeof referralCreateRequestSchema>;

/** PATCH of a draft: any of the fields (an empty PATCH is 400). */
export const referralUpdateRequestSchema = referralCreateRequestSchema.partial().strict();
export type ReferralUpdateRequest = z.infer<typeof referralUpdateRequestSchema>;

export const referralGroundSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consent'), consentId: z.uuid() }).strict(),
  z.object({ kind: z.literal('transfer'), transferId: z.uuid() }).strict(),
]);
export type ReferralGround = z.infer<typeof referralGroundSchema>;

export const referralSendRequestSchema = z
  .object({
    ground: referralGroundSchema,
    /** Send although criteria are not met; recorded on the referral. */
    sendDespiteFailing: z.boolean().optional(),
  })
  .strict();
export type ReferralSendRequest = z.infer<typeof referralSendRequestSchema>;

export const referralTransitionRequestSchema = z
  .object({
    to: transitionTargetSchema,
    reasonCode: z.string().trim().min(1).max(60).nullable().optional(),
    note: z.string().trim().max(REFERRAL_NOTE_MAX).nullable().optional(),
    /** started: the first day; completed / dropped_out: the last day (default today). */
    date: dateSchema.nullable().optional(),
    /** A new follow-up date (null clears it). */
    followUpOn: dateSchema.nullable().optional(),
  })
  .strict();
export type ReferralTransitionRequest = z.infer<typeof referralTransitionRequestSchema>;

export const referralBoxSchema = z.enum(['inbox', 'outbox']);
export const referralSortSchema = z.enum(['updatedAt', 'followUpOn', 'createdAt', 'status']);

export const referralListQuerySchema = paginationQuerySchema.extend({
  box: referralBoxSchema.default('outbox'),
  status: referralStatusSchema.optional(),
  /** true: only overdue follow-ups; false: only those not overdue. */
  overdue: z.enum(['true', 'false']).optional(),
  sort: referralSortSchema.default('updatedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

const textSchema = z.object({ de: z.string(), en: z.string() });

export const criterionResultSchema = z.object({
  criterion: criterionSchema,
  /** From the receiving agency's acceptance criteria or the measure's eligibility. */
  source: z.enum(['agency', 'measure']),
  label: textSchema,
  outcome: z.enum(['met', 'not_met', 'unknown']),
  explanation: textSchema,
});
export const criteriaCheckSchema = z.object({
  asOf: dateSchema,
  outcome: z.enum(['met', 'not_met', 'unknown']),
  results: z.array(criterionResultSchema),
});
export type ReferralCriteriaCheck = z.infer<typeof criteriaCheckSchema>;

/** A ground the sender may use for sending: a consent or transfer in force for the receiving agency. */
export const groundOptionSchema = z.object({
  kind: z.enum(['consent', 'transfer']),
  id: z.uuid(),
  purpose: z.string(),
  /** consent: given on; transfer: transferred on. */
  from: dateSchema,
  until: dateSchema,
  legalBasis: z.string().nullable(),
});
export type GroundOption = z.infer<typeof groundOptionSchema>;

export const referralEventSchema = z.object({
  id: z.uuid(),
  fromStatus: referralStatusSchema.nullable(),
  toStatus: referralStatusSchema,
  occurredAt: instantSchema,
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  agency: refSchema.nullable(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
});

export const referralSummarySchema = z.object({
  id: z.uuid(),
  status: referralStatusSchema,
  /** Null when the caller may not see the person's identity (e.g. the ground has ended). */
  person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  fromAgency: refSchema,
  toAgency: refSchema,
  measure: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  purpose: z.string(),
  followUpOn: dateSchema.nullable(),
  overdue: z.boolean(),
  sentDespiteFailing: z.boolean(),
  sentAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int(),
});
export type ReferralSummary = z.infer<typeof referralSummarySchema>;

export const referralSchema = referralSummarySchema.extend({
  personId: z.uuid(),
  caseId: z.uuid().nullable(),
  note: z.string().nullable(),
  ground: z
    .object({ kind: z.enum(['consent', 'transfer']), id: z.uuid() })
    .nullable()
    .describe('The consent or transfer the referral was sent on.'),
  /** The check stored at sending (null for drafts). */
  criteriaCheck: criteriaCheckSchema.nullable(),
  rejectionReason: z.object({ code: z.string(), label: textSchema }).nullable(),
  rejectionNote: z.string().nullable(),
  decidedAt: instantSchema.nullable(),
  startedOn: dateSchema.nullable(),
  endedOn: dateSchema.nullable(),
  /** The caller's side(s): sender, receiver. */
  sides: z.array(z.enum(['sender', 'receiver'])),
  actions: z.object({
    edit: z.boolean(),
    send: z.boolean(),
    transitions: z.array(transitionTargetSchema),
  }),
  /** For the sender of a draft: the consents and transfers in force for the receiving agency. */
  groundOptions: z.array(groundOptionSchema),
  events: z.array(referralEventSchema),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralListSchema = z.object({
  items: z.array(referralSummarySchema),
  page: pageInfoSchema,
});
export type ReferralList = z.infer<typeof referralListSchema>;

export const rejectionReasonSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,59}$/),
  labelDe: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  active: z.boolean(),
});
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const rejectionReasonListSchema = z.object({ items: z.array(rejectionReasonSchema) });
export type RejectionReasonList = z.infer<typeof rejectionReasonListSchema>;

/**
 * PUT: the whole list in order. Codes in use stay (a reason no longer offered is set inactive,
 * never deleted, so that decided referrals keep their reason).
 */
export const rejectionReasonPutSchema = z.object({ items: z.array(rejectionReasonSchema).min(1).max(50) }).strict();
export type RejectionReasonPut = z.infer<typeof rejectionReasonPutSchema>;
