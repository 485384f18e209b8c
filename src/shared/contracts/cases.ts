import { z } from 'zod';
import { pageInfoSchema, paginationQuerySchema } from './common';
import { dataCategorySchema } from './data-protection';
import { personSummarySchema } from './people';

/**
 * Cases (Fälle): the support of one person — optionally of the whole household — across agencies.
 * A case has a lead case manager (Fallverantwortung) whose agency leads the case, a case team of
 * agencies with roles, and moves through the case-management phases (DGCC). The phase rules
 * (allowed moves, entry conditions, their explanations in German and English) are pure functions
 * in `shared/domain/cases/phase-machine.ts`, used by the server and the client alike.
 *
 * Concurrency: every case carries `version`, sent as the ETag. Every write to a case bumps it;
 * a write based on an older version is answered 412 (PRECONDITION_FAILED) and the client reloads.
 */

/** Phases in their order: Zugang/Fallklärung → Assessment → Hilfeplanung → Umsetzung → Monitoring → Abschluss. */
export const casePhases = ['intake', 'assessment', 'planning', 'implementation', 'monitoring', 'closure'] as const;
export const casePhaseSchema = z.enum(casePhases);
export type CasePhase = z.infer<typeof casePhaseSchema>;
/** The phases a closed case can be reopened to. */
export const reopenablePhaseSchema = z.enum(['intake', 'assessment', 'planning', 'implementation', 'monitoring']);

/**
 * Why a case was closed (Abschlussgrund). `handed_over` is the handover to a regular service or
 * another agency (e.g. after a Rechtskreiswechsel); `no_longer_responsible` is a loss of
 * jurisdiction (e.g. the person moved to another municipality's responsibility).
 */
export const closureReasons = [
  'goals_achieved',
  'handed_over',
  'moved_away',
  'no_longer_responsible',
  'person_declined',
  'contact_lost',
  'deceased',
  'other',
] as const;
export const closureReasonSchema = z.enum(closureReasons);
export type ClosureReason = z.infer<typeof closureReasonSchema>;

/** lead: the agency (and named case manager) responsible for the case; participant: works on it; consulted: is asked. */
export const caseTeamRoles = ['lead', 'participant', 'consulted'] as const;
export const caseTeamRoleSchema = z.enum(caseTeamRoles);
export type CaseTeamRole = z.infer<typeof caseTeamRoleSchema>;
/** The lead role is given at creation and by reassignment only. */
export const addableTeamRoleSchema = z.enum(['participant', 'consulted']);

/**
 * Kinds of timeline entries this module writes. Other parts of the case (assessments, plans,
 * tasks, notes, conferences) add their own kinds, so the timeline answers any kind as a string.
 */
export const caseEventKinds = [
  'created',
  'updated',
  'phase_changed',
  'reopened',
  'team_member_added',
  'team_member_ended',
  'reassigned',
  // Written by the assessment of the case when a version is completed.
  'assessment_completed',
  // Written by the people module: a merge of person records moved the case to the survivor, or its undo moved it back.
  'person_merged',
  'person_merge_undone',
  // Plans, tasks, conferences, notes, documents and appointments of the case.
  'plan_created',
  'plan_updated',
  'plan_step_progress',
  'task_created',
  'task_updated',
  'task_completed',
  'conference_scheduled',
  'conference_updated',
  'conference_held',
  'conference_cancelled',
  'note_added',
  'note_updated',
  'document_uploaded',
  'document_removed',
  'appointment_scheduled',
  'appointment_updated',
  // Correspondence (issue 8): the sanction guard's decision on a reduction of benefits.
  'benefit_reduction_recorded',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/** File reference "F-YYYY-NNNNN": year of opening and a running number (unique, may have gaps). */
export const caseReferenceSchema = z.string().regex(/^F-\d{4}-\d{5,}$/);

const titleSchema = z.string().trim().min(1).max(200);
/** A reason or outcome text; whether it is required depends on the move (the phase machine says so). */
const reasonTextSchema = z.string().trim().max(2000);
const outcomeTextSchema = z.string().trim().max(4000);

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * Why another agency may see the case (issue 5; each agency is its own controller):
 * - `consent`: a consent of the person in force that names the agency (the membership ends with it);
 * - `legal_basis`: the norm of the transfer (e.g. „§ 69 Abs. 1 Nr. 1 SGB X“) and the categories
 *   transferred — only categories the adding agency itself sees; written to the transfer log,
 *   valid until `validUntil` (default: one year).
 * A colleague of the caller's own agency needs no basis.
 */
export const teamMemberBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consent'), consentId: z.uuid() }),
  z.object({
    kind: z.literal('legal_basis'),
    legalBasis: z.string().trim().min(5).max(300),
    categories: z.array(dataCategorySchema).min(1).max(20),
    validUntil: z.iso.date().optional(),
  }),
]);
export type TeamMemberBasis = z.infer<typeof teamMemberBasisSchema>;

/** An agency (optionally a named colleague of it) joining the case team. */
export const caseTeamMemberAddRequestSchema = z.object({
  agencyId: z.uuid(),
  /** A named colleague of that agency (active); null: the agency as a whole takes part. */
  userId: z.uuid().nullable().default(null),
  role: addableTeamRoleSchema,
  /** Required for another agency than the caller's; see `teamMemberBasisSchema`. */
  basis: teamMemberBasisSchema.optional(),
});
export type CaseTeamMemberAddRequest = z.infer<typeof caseTeamMemberAddRequestSchema>;

export const caseCreateRequestSchema = z.object({
  personId: z.uuid(),
  /** The household (of the lead agency) the case covers as a whole; the person must be a current member. */
  householdId: z.uuid().nullable().default(null),
  title: titleSchema,
  /** The lead case manager, an active caseworker or team lead of the actor's agency; default: the actor. */
  leadUserId: z.uuid().optional(),
  /** Further agencies on the team from the start (each agency once). */
  teamAgencies: z.array(caseTeamMemberAddRequestSchema).max(20).default([]),
});
export type CaseCreateRequest = z.infer<typeof caseCreateRequestSchema>;

/** PATCH: title and household only; the phase, team and lead have their own routes. */
export const caseUpdateRequestSchema = z
  .object({ title: titleSchema, householdId: z.uuid().nullable() })
  .partial()
  .strict();
export type CaseUpdateRequest = z.infer<typeof caseUpdateRequestSchema>;

/**
 * A phase move: one step forward; one step back with `reason`; closure from any open phase with
 * `closureReason` and `outcome`. A closed case is reopened with the reopen route.
 */
export const casePhaseChangeRequestSchema = z.object({
  to: casePhaseSchema,
  reason: reasonTextSchema.nullable().optional(),
  closureReason: closureReasonSchema.nullable().optional(),
  outcome: outcomeTextSchema.nullable().optional(),
});
export type CasePhaseChangeRequest = z.infer<typeof casePhaseChangeRequestSchema>;

/** Reopens a closed case in a chosen earlier phase; the reason is required. */
export const caseReopenRequestSchema = z.object({
  to: reopenablePhaseSchema,
  reason: reasonTextSchema,
});
export type CaseReopenRequest = z.infer<typeof caseReopenRequestSchema>;

/** Ends a team membership (the row stays as history); an optional reason shows on the timeline. Send `{}` without one. */
export const caseTeamMemberEndRequestSchema = z.object({ reason: reasonTextSchema.nullable().default(null) });

/**
 * Hands the case to another lead case manager: a colleague of the lead agency, or a caseworker of
 * an agency already on the team (then that agency leads and the former lead agency stays as participant).
 */
export const caseReassignRequestSchema = z.object({
  leadUserId: z.uuid(),
  reason: reasonTextSchema,
});
export type CaseReassignRequest = z.infer<typeof caseReassignRequestSchema>;

export const caseListScopeSchema = z.enum(['mine', 'team', 'agency']);
export const caseSortSchema = z.enum(['updatedAt', 'openedAt', 'phase', 'reference']);

export const caseListQuerySchema = paginationQuerySchema.extend({
  /**
   * mine: I lead the case or am named on its team; team: the lead belongs to my team (without a
   * team: as mine); agency: my agency is on the team. Every scope shows only cases I may see
   * (server `caseVisibleTo`: my agency on the current team on a basis in force, narrowed by the
   * agency's caseworker scope).
   */
  scope: caseListScopeSchema.default('mine'),
  /** open: every phase but closure; closed: closure only. */
  status: z.enum(['open', 'closed', 'all']).default('all'),
  phase: casePhaseSchema.optional(),
  personId: z.uuid().optional(),
  /** Part of the reference, the title or the person's name. */
  q: z.string().trim().max(100).optional(),
  sort: caseSortSchema.default('updatedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseTimelineQuerySchema = paginationQuerySchema.extend({
  /** One kind (see caseEventKinds; other modules add more). */
  kind: z
    .string()
    .trim()
    .regex(/^[a-z][a-z_]{0,59}$/)
    .optional(),
  /** The agency of the colleague who did it. */
  agencyId: z.uuid().optional(),
});
export type CaseTimelineQuery = z.infer<typeof caseTimelineQuerySchema>;

export const caseWorkloadQuerySchema = z.object({
  /** team: cases led by members of my team; agency: cases led by my agency. Default: team when I have one. */
  scope: z.enum(['team', 'agency']).optional(),
});

export const caseMemberParamsSchema = z.object({ id: z.uuid(), memberId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Responses

const refSchema = z.object({ id: z.uuid(), name: z.string() });
const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const caseLeadSchema = z.object({ user: userRefSchema, agency: refSchema });

export const caseTeamMemberSchema = z.object({
  id: z.uuid(),
  agency: refSchema,
  user: userRefSchema.nullable(),
  role: caseTeamRoleSchema,
  joinedAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
  /** leftAt is empty. */
  current: z.boolean(),
  /**
   * Why the agency sees the case: `own` — the lead agency's own client (or a membership recorded
   * before the basis was required, see legalBasis); `consent` — the consent (the membership ends
   * with it; `consentInForce` false once withdrawn or expired); `legal_basis` — the norm.
   */
  basis: z.object({
    kind: z.enum(['own', 'consent', 'legal_basis']),
    consentId: z.uuid().nullable(),
    consentInForce: z.boolean().nullable(),
    legalBasis: z.string().nullable(),
  }),
});
export type CaseTeamMember = z.infer<typeof caseTeamMemberSchema>;

export const caseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  /** The ETag of the case. */
  version: z.number().int(),
  title: z.string(),
  phase: casePhaseSchema,
  person: personSummarySchema,
  household: z
    .object({ id: z.uuid(), kind: z.enum(['household', 'bedarfsgemeinschaft']), name: z.string().nullable() })
    .nullable(),
  lead: caseLeadSchema,
  /** Current members first (lead first), then former members, most recently left first. */
  team: z.array(caseTeamMemberSchema),
  /** Set while the case is closed. */
  closure: z.object({ reason: closureReasonSchema, outcome: z.string(), closedAt: z.iso.datetime() }).nullable(),
  /** The facts the entry conditions look at (see phase-machine.ts `availableMoves`). */
  conditions: z.object({ assessmentCompleted: z.boolean() }),
  /**
   * What the caller may do: `steer` (phase, reopen, title, household, team) belongs to the lead
   * agency; `reassign` to the lead agency's team leads.
   */
  actions: z.object({ steer: z.boolean(), reassign: z.boolean() }),
  /**
   * The data categories of the case's person the caller's agency sees (issue 5): assessment
   * domains, documents, plans and notes of a withheld category are sent empty or left out.
   */
  access: z.object({ categories: z.array(dataCategorySchema), withheld: z.array(dataCategorySchema) }),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Case = z.infer<typeof caseSchema>;

export const caseListItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  phase: casePhaseSchema,
  person: personSummarySchema,
  lead: caseLeadSchema,
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const caseListSchema = z.object({ items: z.array(caseListItemSchema), page: pageInfoSchema });
export type CaseList = z.infer<typeof caseListSchema>;

/** The cases of one person that the caller's agency works on (newest first). */
export const personCaseListSchema = z.object({ items: z.array(caseListItemSchema) });

/** Ids, codes and counts an entry carries (never free text); the keys depend on the kind. */
const eventDetailValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const caseTimelineEventSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  occurredAt: z.iso.datetime(),
  actor: userRefSchema.nullable(),
  /** The agency the actor acted for. */
  agency: refSchema.nullable(),
  fromPhase: casePhaseSchema.nullable(),
  toPhase: casePhaseSchema.nullable(),
  /** The reason of a step back, reopening, reassignment or team change; the outcome of a closure. */
  note: z.string().nullable(),
  /** For a closure. */
  closureReason: closureReasonSchema.nullable(),
  /** For team_member_added / team_member_ended: the membership as it is now. */
  member: caseTeamMemberSchema.nullable(),
  /** For reassigned. */
  leadChange: z.object({ from: caseLeadSchema, to: caseLeadSchema }).nullable(),
  details: z.record(z.string(), eventDetailValueSchema),
});
export type CaseTimelineEvent = z.infer<typeof caseTimelineEventSchema>;

export const caseTimelineSchema = z.object({ items: z.array(caseTimelineEventSchema), page: pageInfoSchema });
export type CaseTimeline = z.infer<typeof caseTimelineSchema>;

const phaseCountsSchema = z.object(
  Object.fromEntries(casePhases.map((p) => [p, z.number().int()])) as Record<CasePhase, z.ZodNumber>,
);

export const caseWorkloadSchema = z.object({
  scope: z.enum(['team', 'agency']),
  agency: refSchema,
  team: refSchema.nullable(),
  /** Open cases (every phase but closure) led by the scope. */
  openCases: z.number().int(),
  /** All cases led by the scope, per phase (closure included). */
  byPhase: phaseCountsSchema,
  /**
   * Per lead case manager: the scope's active caseworkers and team leads (also with no case) and
   * anyone else — e.g. a deactivated colleague — who still leads cases of the scope.
   */
  caseworkers: z.array(
    z.object({
      user: userRefSchema.extend({ active: z.boolean() }),
      openCases: z.number().int(),
      byPhase: phaseCountsSchema,
      /** Open tasks assigned to the colleague by name (on cases the agency is on the team of). */
      openTasks: z.number().int(),
      /** Of those, the ones whose due date lies before today (Europe/Berlin). */
      overdueTasks: z.number().int(),
    }),
  ),
  /** The agency's open tasks that name no colleague, and how many of them are overdue. */
  unassignedTasks: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type CaseWorkload = z.infer<typeof caseWorkloadSchema>;
