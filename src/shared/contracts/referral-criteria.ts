import { z } from 'zod';
import { criteriaSchema, criterionSchema } from '../domain/referrals/criteria';

/**
 * A receiving agency's acceptance criteria for referrals (Aufnahmekriterien, issue 9), as data:
 * e.g. the Agentur für Arbeit accepts referrals of people with German at least B1 and free
 * labour-market access. Before a referral is sent the person's facts are checked against them.
 *
 * Everybody who works with measures or referrals reads them; team leads and agency administrators
 * change their own agency's list (403 for another agency). An agency without a stored list has
 * none (version 0); PUT needs If-Match with the version read (428 without, 412 when stale).
 */

export const referralCriteriaUpdateRequestSchema = z.object({ criteria: criteriaSchema }).strict();
export type ReferralCriteriaUpdateRequest = z.infer<typeof referralCriteriaUpdateRequestSchema>;

export const referralCriteriaSchema = z.object({
  agency: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  criteria: z.array(
    z.object({ criterion: criterionSchema, description: z.object({ de: z.string(), en: z.string() }) }),
  ),
  /** 0 while nothing was stored. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  mayEdit: z.boolean(),
});
export type ReferralCriteria = z.infer<typeof referralCriteriaSchema>;
