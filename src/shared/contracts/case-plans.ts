import { z } from 'zod';
import { isoDateSchema } from './people';

/**
 * Plans of a case (Hilfeplanung): several plans of different kinds on one case — an integration
 * plan of the case team, the Kooperationsplan of the Jobcenter (§ 15 SGB II) and the Hilfeplan of
 * the Jugendamt (§ 36 SGB VIII). A plan has goals (in the person's own words and as a measurable
 * target) and steps; each step is one link of the chain of services (Leistungskette): who does
 * what until when. The rules (who may own which kind, review dates, status moves) are pure
 * functions in `shared/domain/cases/plan-rules.ts`, used by server and client alike.
 *
 * The agency that created a plan owns it and edits it (PUT replaces the whole plan); a step's
 * responsible agency records the step's progress. Every other agency of the case team reads.
 *
 * Concurrency: a plan carries `version`, sent as the ETag; PUT and step progress need If-Match
 * with it (428 without, 412 when someone changed the plan in between). Goals and steps belong to
 * the plan's version: changing either bumps it.
 */

export const planKinds = ['integration_plan', 'kooperationsplan', 'hilfeplan'] as const;
export const planKindSchema = z.enum(planKinds);
export type PlanKind = z.infer<typeof planKindSchema>;

/** draft → agreed (with the person) → ended; an ended plan is read-only. */
export const planStatuses = ['draft', 'agreed', 'ended'] as const;
export const planStatusSchema = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const goalStatuses = ['open', 'achieved', 'partly_achieved', 'not_achieved', 'dropped'] as const;
export const goalStatusSchema = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

/** not_taken_up: the person did not take up the service (e.g. did not go to the course). */
export const stepStatuses = ['planned', 'in_progress', 'done', 'cancelled', 'not_taken_up'] as const;
export const stepStatusSchema = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const PLAN_TITLE_MAX = 200;
export const PLAN_TEXT_MAX = 2000;
export const PLAN_GOALS_MAX = 30;
export const PLAN_STEPS_MAX = 60;

const titleSchema = z.string().trim().min(1).max(PLAN_TITLE_MAX);
const textSchema = z.string().trim().min(1).max(PLAN_TEXT_MAX);
const optionalTextSchema = z.string().trim().max(PLAN_TEXT_MAX).nullable();

/**
 * Typed link to an entry of the social-space resource directory (a local service, a course, an
 * advice centre). The directory arrives with the social-space issue; until then the link is
 * stored and shown as it is, without a foreign key.
 */
export const resourceLinkSchema = z.object({ kind: z.literal('resource'), id: z.uuid() }).strict();
export type ResourceLink = z.infer<typeof resourceLinkSchema>;

/**
 * Which goal a step serves: a goal of the same request by its `index` in `goals` (works for new
 * goals, which have no id yet), or a kept goal by its `id`. Null: the step serves the plan as a
 * whole.
 */
export const stepGoalRefSchema = z.union([
  z
    .object({
      index: z
        .number()
        .int()
        .min(0)
        .max(PLAN_GOALS_MAX - 1),
    })
    .strict(),
  z.object({ id: z.uuid() }).strict(),
]);
export type StepGoalRef = z.infer<typeof stepGoalRefSchema>;

// ---------------------------------------------------------------------------------------------
// Requests

/** A goal; with `id` an existing goal of the plan is kept (and changed), without one it is new. */
export const planGoalInputSchema = z
  .object({
    id: z.uuid().optional(),
    /** The goal as the person puts it, in their own words. */
    ownWords: textSchema,
    /** The same goal as a measurable target. */
    target: textSchema,
    targetDate: isoDateSchema.nullable().default(null),
    status: goalStatusSchema.default('open'),
  })
  .strict();
export type PlanGoalInput = z.input<typeof planGoalInputSchema>;

/** A step (one link of the chain of services); with `id` an existing step is kept. */
export const planStepInputSchema = z
  .object({
    id: z.uuid().optional(),
    /** What is done: the measure or service. */
    measure: textSchema,
    /** The agency responsible for the step: must be on the current case team. */
    responsibleAgencyId: z.uuid(),
    /** Optionally a named colleague of that agency (an active caseworker or team lead). */
    responsibleUserId: z.uuid().nullable().default(null),
    goal: stepGoalRefSchema.nullable().default(null),
    resource: resourceLinkSchema.nullable().default(null),
    dueDate: isoDateSchema.nullable().default(null),
    status: stepStatusSchema.default('planned'),
    result: optionalTextSchema.default(null),
  })
  .strict();
export type PlanStepInput = z.input<typeof planStepInputSchema>;

/** POST: a new plan, always a draft; its owner is the caller's agency. */
export const planCreateRequestSchema = z
  .object({
    kind: planKindSchema,
    title: titleSchema,
    agreedOn: isoDateSchema.nullable().default(null),
    /** The next review (Fortschreibung); required for a Kooperationsplan. */
    reviewDate: isoDateSchema.nullable().default(null),
    goals: z.array(planGoalInputSchema).max(PLAN_GOALS_MAX).default([]),
    steps: z.array(planStepInputSchema).max(PLAN_STEPS_MAX).default([]),
  })
  .strict();
export type PlanCreateRequest = z.infer<typeof planCreateRequestSchema>;
export type PlanCreateInput = z.input<typeof planCreateRequestSchema>;

/**
 * PUT: the whole plan. Goals and steps sent with an id are kept, new ones get an id, the ones not
 * sent are removed. Every field is sent, so a client that does not know one cannot wipe it unseen.
 */
export const planUpdateRequestSchema = z
  .object({
    title: titleSchema,
    status: planStatusSchema,
    agreedOn: isoDateSchema.nullable(),
    reviewDate: isoDateSchema.nullable(),
    endedOn: isoDateSchema.nullable(),
    goals: z.array(planGoalInputSchema).max(PLAN_GOALS_MAX),
    steps: z.array(planStepInputSchema).max(PLAN_STEPS_MAX),
  })
  .strict();
export type PlanUpdateRequest = z.infer<typeof planUpdateRequestSchema>;
export type PlanUpdateInput = z.input<typeof planUpdateRequestSchema>;

/** POST …/progress: the responsible agency (or the plan's owner) records how the step stands. */
export const stepProgressRequestSchema = z
  .object({
    status: stepStatusSchema,
    /** What came of it, e.g. "Kurs begonnen am 3.3.; Kinderbetreuung über Kita Sonnenschein". */
    result: optionalTextSchema.default(null),
  })
  .strict();
export type StepProgressRequest = z.infer<typeof stepProgressRequestSchema>;

export const planParamsSchema = z.object({ id: z.uuid(), planId: z.uuid() });
export const planStepParamsSchema = z.object({ id: z.uuid(), planId: z.uuid(), stepId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Responses

const refSchema = z.object({ id: z.uuid(), name: z.string() });
const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const planSummarySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: planKindSchema,
  title: z.string(),
  status: planStatusSchema,
  /** The agency that owns (and edits) the plan. */
  ownerAgency: refSchema,
  agreedOn: z.string().nullable(),
  reviewDate: z.string().nullable(),
  /** The review date lies before today (Europe/Berlin) and the plan has not ended. */
  reviewOverdue: z.boolean(),
  endedOn: z.string().nullable(),
  goalCount: z.number().int(),
  stepCount: z.number().int(),
  /** Steps planned or in progress. */
  openStepCount: z.number().int(),
  /** The ETag of the plan. */
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planGoalSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  ownWords: z.string(),
  target: z.string(),
  targetDate: z.string().nullable(),
  status: goalStatusSchema,
});
export type PlanGoal = z.infer<typeof planGoalSchema>;

export const planStepSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  /** The goal the step serves (a goal of the same plan), or null. */
  goalId: z.uuid().nullable(),
  measure: z.string(),
  responsibleAgency: refSchema,
  responsibleUser: userRefSchema.nullable(),
  resource: resourceLinkSchema.nullable(),
  dueDate: z.string().nullable(),
  status: stepStatusSchema,
  result: z.string().nullable(),
  /** Whether the caller may record the step's progress (its responsible agency or the plan's owner). */
  canRecordProgress: z.boolean(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planSchema = planSummarySchema.extend({
  goals: z.array(planGoalSchema),
  steps: z.array(planStepSchema),
  createdBy: userRefSchema.nullable(),
  updatedBy: userRefSchema.nullable(),
  /** edit: the caller's agency owns the plan, and neither the plan has ended nor the case is closed. */
  actions: z.object({ edit: z.boolean() }),
});
export type Plan = z.infer<typeof planSchema>;

/** Plans not ended first, then by kind and creation. */
export const planListSchema = z.object({ items: z.array(planSummarySchema) });
export type PlanList = z.infer<typeof planListSchema>;
