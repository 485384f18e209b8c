import { z } from 'zod';
import { pageInfoSchema, paginationQuerySchema } from './common';

/**
 * Tasks and deadlines (Aufgaben und Fristen) on a case. A task is for an agency of the current
 * case team and optionally a named colleague of it; it has a due date (a calendar day, optional)
 * and moves open → done | cancelled, and done → open again (reopen). A cancelled task stays
 * cancelled.
 *
 * Where a task comes from (`source.kind`): written by hand (`manual`), a plan's review date
 * (`plan_review`, `source.id` = the plan) or a decision of a case conference
 * (`conference_decision`, `source.id` = the decision). Every kind is completed and edited alike.
 *
 * Who changes a task: the assignee agency, the agency that created it, or the lead agency of the
 * case; other agencies of the team read it (403 with the reason when they try).
 *
 * Concurrency: a task carries `version`, sent as the ETag; PATCH needs If-Match with it (428
 * without, 412 when someone changed the task in between).
 *
 * "Overdue": an open task whose due date lies before today in Europe/Berlin.
 */

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskSourceKinds = [
  'manual',
  'plan_review',
  'conference_decision',
  'appointment_reminder',
  'benefit_reduction',
] as const;
export const taskSourceKindSchema = z.enum(taskSourceKinds);
export type TaskSourceKind = z.infer<typeof taskSourceKindSchema>;

export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 4000;

const titleSchema = z.string().trim().min(1).max(TASK_TITLE_MAX);
const descriptionSchema = z.string().trim().max(TASK_DESCRIPTION_MAX);
/** A calendar day 'YYYY-MM-DD' (a real date: 2026-02-30 is refused). */
export const taskDueDateSchema = z.iso.date();

// ---------------------------------------------------------------------------------------------
// Requests

export const taskCreateRequestSchema = z.object({
  title: titleSchema,
  /** Empty or null: no description. */
  description: descriptionSchema.nullable().default(null),
  /** An agency of the current case team. */
  assigneeAgencyId: z.uuid(),
  /** An active caseworker or team lead of that agency; null: the agency as a whole. */
  assigneeUserId: z.uuid().nullable().default(null),
  dueDate: taskDueDateSchema.nullable().default(null),
});
export type TaskCreateRequest = z.infer<typeof taskCreateRequestSchema>;

/**
 * PATCH: any of the fields. A new assignee agency without `assigneeUserId` leaves the task to the
 * agency as a whole. Status: open → done | cancelled, done → open. Fields other than the status
 * change only on an open task (or together with reopening it).
 */
export const taskUpdateRequestSchema = z
  .object({
    title: titleSchema,
    description: descriptionSchema.nullable(),
    assigneeAgencyId: z.uuid(),
    assigneeUserId: z.uuid().nullable(),
    dueDate: taskDueDateSchema.nullable(),
    status: taskStatusSchema,
  })
  .partial()
  .strict();
export type TaskUpdateRequest = z.infer<typeof taskUpdateRequestSchema>;

export const taskParamsSchema = z.object({ id: z.uuid(), taskId: z.uuid() });

export const taskStatusFilterSchema = z.enum(['open', 'done', 'cancelled', 'all']);
export type TaskStatusFilter = z.infer<typeof taskStatusFilterSchema>;

/** The tasks of one case: open ones by default, soonest due first (no due date last). */
export const caseTaskListQuerySchema = paginationQuerySchema.extend({
  status: taskStatusFilterSchema.default('open'),
});
export type CaseTaskListQuery = z.infer<typeof caseTaskListQuerySchema>;

export const taskInboxScopes = ['mine', 'team'] as const;
export const taskInboxScopeSchema = z.enum(taskInboxScopes);
export type TaskInboxScope = z.infer<typeof taskInboxScopeSchema>;
export const taskInboxSorts = ['dueDate', 'createdAt', 'caseReference'] as const;
export const taskInboxSortSchema = z.enum(taskInboxSorts);
export type TaskInboxSort = z.infer<typeof taskInboxSortSchema>;

/**
 * The inbox across cases. Only tasks on cases whose current team includes the caller's agency.
 * mine: assigned to me by name; team: assigned to my agency (to a named colleague or to the
 * agency as a whole).
 */
export const taskInboxQuerySchema = paginationQuerySchema.extend({
  scope: taskInboxScopeSchema.default('mine'),
  status: taskStatusFilterSchema.default('open'),
  /** true: only open tasks whose due date has passed. */
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  /** Only tasks due before this day (tasks without a due date are left out). */
  dueBefore: taskDueDateSchema.optional(),
  /** dueDate: tasks without a due date come last in both directions. */
  sort: taskInboxSortSchema.default('dueDate'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type TaskInboxQuery = z.input<typeof taskInboxQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Responses

const refSchema = z.object({ id: z.uuid(), name: z.string() });
const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const caseTaskSchema = z.object({
  id: z.uuid(),
  /** The ETag of the task. */
  version: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  status: taskStatusSchema,
  dueDate: z.string().nullable(),
  /** Open, with a due date before today (Europe/Berlin). */
  overdue: z.boolean(),
  assignee: z.object({ agency: refSchema, user: userRefSchema.nullable() }),
  /** Where the task came from; for a conference decision also the conference (to link to it). */
  source: z.object({ kind: taskSourceKindSchema, id: z.uuid().nullable(), conferenceId: z.uuid().nullable() }),
  /** `closed`: the case is closed (its open tasks can still be completed or cancelled, nothing else). */
  case: z.object({ id: z.uuid(), reference: z.string(), title: z.string(), closed: z.boolean() }),
  person: z.object({ id: z.uuid(), displayName: z.string() }),
  createdAt: z.iso.datetime(),
  createdBy: userRefSchema.nullable(),
  /** The agency of the colleague who created the task (it may change the task). */
  createdByAgency: refSchema.nullable(),
  updatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  completedBy: userRefSchema.nullable(),
  /** `change`: the caller's agency may edit, complete, cancel or reopen the task. */
  actions: z.object({ change: z.boolean() }),
});
export type CaseTask = z.infer<typeof caseTaskSchema>;

export const caseTaskListSchema = z.object({ items: z.array(caseTaskSchema), page: pageInfoSchema });
export type CaseTaskList = z.infer<typeof caseTaskListSchema>;

export const taskInboxSchema = z.object({
  items: z.array(caseTaskSchema),
  page: pageInfoSchema,
  /** For the chosen scope, whatever the other filters: open tasks and how many of them are overdue. */
  counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type TaskInbox = z.infer<typeof taskInboxSchema>;
