import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { ageBands, funnelStepKeys, nationalityGroups } from '../domain/referrals/funnel';
import { sexSchema } from './people';

/**
 * The funnel report (issue 9): a cohort of profiled people through the steps to work, aggregated
 * only — counts, percentages and reasons, never a person. Definitions in
 * shared/domain/referrals/funnel.ts and docs/profiles-referrals.md § funnel.
 */

const dateSchema = z.string().refine(isCalendarDate, { message: 'Datum im Format JJJJ-MM-TT / date as YYYY-MM-DD' });

export const funnelQuerySchema = z
  .object({
    /** Cohort: profiled_on from … to (both inclusive); both absent → the last full quarter. */
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    /** The receiving agency whose criteria and referrals count; default the Agentur für Arbeit. */
    agencyId: z.uuid().optional(),
    /** District of the person's current residence. */
    districtId: z.uuid().optional(),
    nationalityGroup: z.enum(nationalityGroups).optional(),
    sex: sexSchema.optional(),
    /** Age at profiling. */
    ageBand: z.enum(ageBands).optional(),
  })
  .strict();
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;

/** A count; 1–4 suppressed as `small` ("< 5"), hidden cells that neighbours would reveal as `derivable`. */
export const funnelCellSchema = z.object({
  count: z.number().int().nullable(),
  suppressed: z.enum(['small', 'derivable']).nullable(),
});
export type FunnelCellDto = z.infer<typeof funnelCellSchema>;

export const funnelReasonSchema = funnelCellSchema.extend({
  /** not_met | unknown | not_referred | rejected:<code> | revoked | pending | dropped_out | not_in_work | not_due */
  code: z.string(),
  label: z.object({ de: z.string(), en: z.string() }),
});
export type FunnelReason = z.infer<typeof funnelReasonSchema>;

export const funnelStepSchema = z.object({
  key: z.enum(funnelStepKeys),
  cell: funnelCellSchema,
  percentOfCohort: z.number().nullable(),
  percentOfPrevious: z.number().nullable(),
  reasons: z.array(funnelReasonSchema),
});
export type FunnelStepDto = z.infer<typeof funnelStepSchema>;

export const funnelReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The day the criteria were checked: the cohort's end date, or today when it lies ahead. */
  criteriaAsOf: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  filters: z.object({
    districtId: z.uuid().nullable(),
    nationalityGroup: z.enum(nationalityGroups).nullable(),
    sex: sexSchema.nullable(),
    ageBand: z.enum(ageBands).nullable(),
  }),
  steps: z.array(funnelStepSchema),
});
export type FunnelReport = z.infer<typeof funnelReportSchema>;
