import { z } from 'zod';
import { pageInfoSchema } from './common';
import { dateOfBirthInputSchema } from './people';

/** Emergency access (break-glass): a reason, at most 3 hours, audited, notified, reviewed afterwards. */

export const BREAK_GLASS_MIN_REASON = 20;
export const BREAK_GLASS_HOURS = 3;

const reasonSchema = z.string().trim().min(BREAK_GLASS_MIN_REASON).max(1000);

export const breakGlassSearchRequestSchema = z
  .object({
    reason: reasonSchema,
    familyName: z.string().trim().min(1).max(200),
    givenNames: z.string().trim().max(200).optional(),
    /** As in the person search: dd.mm.yyyy, yyyy-mm-dd, a year, or with xx for unknown parts. */
    dateOfBirth: dateOfBirthInputSchema.optional(),
  })
  .strict();
export type BreakGlassSearchRequest = z.infer<typeof breakGlassSearchRequestSchema>;

/** A hit shows only name, date of birth and the registering agency, nothing else of the person. */
export const breakGlassCandidateSchema = z.object({
  personId: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  registeredBy: z.object({ name: z.string() }),
  /** The caller sees the person already without emergency access. */
  alreadyVisible: z.boolean(),
});
export const breakGlassSearchResultSchema = z.object({ items: z.array(breakGlassCandidateSchema) });
export type BreakGlassCandidate = z.infer<typeof breakGlassCandidateSchema>;

export const breakGlassRequestSchema = z.object({ personId: z.uuid(), reason: reasonSchema }).strict();
export type BreakGlassRequest = z.infer<typeof breakGlassRequestSchema>;

export const breakGlassStatusSchema = z.enum(['active', 'ended', 'expired']);
export const breakGlassOutcomeSchema = z.enum(['justified', 'not_justified']);

export const breakGlassGrantSchema = z.object({
  id: z.uuid(),
  /** Names only while the caller may see the person. */
  person: z.object({ id: z.uuid(), givenNames: z.string().nullable(), familyName: z.string().nullable() }),
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  reason: z.string(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  status: breakGlassStatusSchema,
  review: z
    .object({
      outcome: breakGlassOutcomeSchema,
      note: z.string().nullable(),
      reviewedAt: z.iso.datetime(),
      reviewedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    })
    .nullable(),
});
export type BreakGlassGrant = z.infer<typeof breakGlassGrantSchema>;

export const breakGlassListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const breakGlassListSchema = z.object({ items: z.array(breakGlassGrantSchema), page: pageInfoSchema });
export type BreakGlassList = z.infer<typeof breakGlassListSchema>;

export const breakGlassReviewQuerySchema = breakGlassListQuerySchema.extend({
  status: z.enum(['open', 'reviewed']).default('open'),
});
export type BreakGlassReviewQuery = z.infer<typeof breakGlassReviewQuerySchema>;

export const breakGlassReviewRequestSchema = z
  .object({
    outcome: breakGlassOutcomeSchema,
    /** Required when the outcome is `not_justified`. */
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type BreakGlassReviewRequest = z.infer<typeof breakGlassReviewRequestSchema>;
