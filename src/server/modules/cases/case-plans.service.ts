import type {
  Plan,
  PlanCreateRequest,
  PlanKind,
  PlanList,
  PlanStatus,
  PlanUpdateRequest,
  StepProgressRequest,
} from '../../../shared/contracts/case-plans';
import type { CasePhase } from '../../../shared/contracts/cases';
import { todayIn } from '../../../shared/domain/calendar-date';
import {
  caseOpenProblems,
  planContentProblems,
  planCreationProblems,
  planEditableProblems,
  planKindLabels,
  planStatusMoveProblems,
  stepAssignmentProblems,
  stepProgressProblems,
  type PlanProblem,
} from '../../../shared/domain/cases/plan-rules';
import { planKindCategories } from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { loadTypstTemplate, typstRenderer } from '../../platform/pdf/typst-renderer';
import { assertCaseCategory, caseCategories, visiblePlanKinds } from './case-categories';
import { recordCaseEvent } from './case-timeline';
import { presentPlan, presentPlanPdf, presentPlanSummary } from './case-plans.presenter';
import {
  agencyRef,
  currentTeamAgencyIds,
  deleteGoals,
  deleteSteps,
  findPlan,
  findPlanCase,
  goalsOf,
  insertGoal,
  insertPlan,
  insertStep,
  lockPlanCase,
  planKindsOfCase,
  planPrintFacts,
  plansOfCase,
  staffByIds,
  stepsOf,
  updateGoal,
  updatePlanFields,
  updatePlanIfVersion,
  updateStep,
  userRefs,
  type GoalRow,
  type PlanCaseState,
  type PlanRow,
  type StepEntry,
} from './case-plans.repository';
import { syncPlanReviewTask, type ReviewReminderChange } from './plan-review-reminders';
import { resourceLinkProblem } from '../social-space/resources.service';

type GoalInput = PlanUpdateRequest['goals'][number];
type StepInput = PlanUpdateRequest['steps'][number];

/** 409 when the state refuses (with only those reasons), else 400 with every input problem. */
function assertNoProblems(problems: readonly PlanProblem[]): void {
  if (problems.length === 0) return;
  const state = problems.filter((p) => p.kind === 'state');
  const shown = state.length ? state : problems;
  throw new AppError(state.length ? 'CONFLICT' : 'VALIDATION_FAILED', {
    fieldErrors: shown.map((p) => ({ path: p.path, message: p.message })),
  });
}

async function caseOf(db: Db, caseId: string): Promise<PlanCaseState> {
  const state = await findPlanCase(db, caseId);
  if (!state) throw new AppError('NOT_FOUND');
  return state;
}

/**
 * The plan, if it is one of the case and its kind's category (field-groups.ts `planKindCategories`)
 * is released to the actor's agency for the case's person: a Hilfeplan (youth welfare) is for
 * the Jugendamt unless a consent or transfer names the category. Otherwise 404, as in the list.
 */
async function planOf(db: Db, actor: Actor, caseId: string, planId: string, now: Date): Promise<PlanRow> {
  const plan = await findPlan(db, caseId, planId);
  if (!plan) throw new AppError('NOT_FOUND');
  const kinds = visiblePlanKinds((await caseCategories(db, actor, caseId, now)).categories);
  if (!kinds.includes(plan.kind as PlanKind)) throw new AppError('NOT_FOUND');
  return plan;
}

const phaseOf = (c: PlanCaseState) => c.phase as CasePhase;

/** 403 for a team agency that is not the owner: it sees the plan, so a 404 would be a lie. */
async function assertOwner(db: Db, actor: Actor, plan: PlanRow): Promise<void> {
  if (plan.ownerAgencyId === actor.agencyId) return;
  const owner = (await agencyRef(db, plan.ownerAgencyId))?.name ?? '';
  throw new AppError('FORBIDDEN', {
    fieldErrors: [
      {
        path: 'id',
        message: fieldMessage(
          `Diesen Plan bearbeitet die Stelle, die ihn aufgestellt hat (${owner}). Die anderen Stellen des Fallteams lesen ihn und erfassen den Fortschritt ihrer eigenen Schritte.`,
          `This plan is edited by the agency that drew it up (${owner}). The other agencies of the case team read it and record the progress of their own steps.`,
        ),
      },
    ],
  });
}

/** 412 naming the newer state, so the caseworker knows that and by whom the plan changed. */
async function stalePlan(db: Db, current: PlanRow): Promise<AppError> {
  const by = current.updatedBy ? (await userRefs(db, [current.updatedBy])).get(current.updatedBy) : undefined;
  const who = by ? ` von ${by.displayName}` : '';
  const whoEn = by ? ` by ${by.displayName}` : '';
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Der Plan wurde inzwischen${who} geändert (Stand ${current.version}). Ihre Änderungen wurden nicht übernommen: Bitte laden Sie den Plan neu und übertragen Sie sie erneut.`,
          `The plan was changed${whoEn} in the meantime (version ${current.version}). Your changes were not applied: please reload the plan and enter them again.`,
        ),
      },
    ],
  });
}

/** After a failed compare-and-set: tell an ended plan (409) from a newer version (412). */
async function lostRace(db: Db, caseId: string, planId: string): Promise<AppError> {
  const now = await findPlan(db, caseId, planId);
  if (!now) return new AppError('NOT_FOUND');
  const ended = planEditableProblems(now.status as PlanStatus);
  if (ended.length) {
    return new AppError('CONFLICT', { fieldErrors: ended.map((p) => ({ path: p.path, message: p.message })) });
  }
  return stalePlan(db, now);
}

/** The whole plan as the actor sees it, with what the actor may do on it. */
async function loadPlan(
  db: Db,
  actor: Actor,
  caseState: PlanCaseState,
  plan: PlanRow,
  today: string,
): Promise<Versioned<Plan>> {
  const [goals, steps, owner, users] = await Promise.all([
    goalsOf(db, plan.id),
    stepsOf(db, plan.id),
    agencyRef(db, plan.ownerAgencyId),
    userRefs(db, [plan.createdBy, plan.updatedBy]),
  ]);
  const writes = hasPermission(actor, 'case.write') && phaseOf(caseState) !== 'closure';
  const isOwner = plan.ownerAgencyId === actor.agencyId;
  const value = presentPlan(
    { plan, ownerAgency: owner ?? { id: plan.ownerAgencyId, name: '' }, goals, steps, users },
    today,
    {
      edit: writes && isOwner && plan.status !== 'ended',
      progress: (s) => writes && plan.status === 'agreed' && (isOwner || s.step.responsibleAgencyId === actor.agencyId),
    },
  );
  return { value, etag: etagOf(plan.version) };
}

/** The step rules need the team and the named colleagues. */
async function assignmentProblems(
  db: Db,
  caseId: string,
  steps: readonly StepInput[],
  previous: readonly StepEntry[],
): Promise<PlanProblem[]> {
  const [teamAgencyIds, users] = await Promise.all([
    currentTeamAgencyIds(db, caseId),
    staffByIds(
      db,
      steps.flatMap((s) => (s.responsibleUserId === null ? [] : [s.responsibleUserId])),
    ),
  ]);
  return [
    ...stepAssignmentProblems(steps, {
      teamAgencyIds,
      users,
      previous: new Map(
        previous.map((e) => [
          e.step.id,
          { responsibleAgencyId: e.step.responsibleAgencyId, responsibleUserId: e.step.responsibleUserId },
        ]),
      ),
    }),
    ...(await stepResourceProblems(db, steps, previous)),
  ];
}

/**
 * A step's resource must be an entry of the directory that is not defunct ("eingestellt"). A
 * step that already linked an entry may keep it after the entry was set to defunct: the plan
 * records what was agreed.
 */
async function stepResourceProblems(
  db: Db,
  steps: readonly StepInput[],
  previous: readonly StepEntry[],
): Promise<PlanProblem[]> {
  const kept = new Map(previous.map((e) => [e.step.id, e.step.resourceId]));
  const problems: PlanProblem[] = [];
  for (const [i, s] of steps.entries()) {
    if (!s.resource) continue;
    const problem = await resourceLinkProblem(db, s.resource.id);
    if (problem === null) continue;
    if (problem === 'defunct' && s.id !== undefined && kept.get(s.id) === s.resource.id) continue;
    problems.push({
      code: 'unknown_id',
      kind: 'input',
      path: `steps.${i}.resource`,
      message:
        problem === 'missing'
          ? fieldMessage(
              'Diesen Eintrag gibt es im Ressourcenverzeichnis nicht (mehr). Bitte wählen Sie einen anderen.',
              'This entry does not exist in the resource directory (any more). Please choose another one.',
            )
          : fieldMessage(
              'Dieses Angebot ist eingestellt und kann nicht mehr verknüpft werden. Bitte wählen Sie ein anderes.',
              'This service is defunct and can no longer be linked. Please choose another one.',
            ),
    });
  }
  return problems;
}

/**
 * Writes the goals and steps of a request: kept ones (with id) are updated in place, new ones
 * inserted, the ones not sent removed. Positions follow the order of the request; a step's goal
 * is resolved from the goal's index in the request or its id.
 */
async function writeGoalsAndSteps(
  tx: Db,
  planId: string,
  goals: readonly GoalInput[],
  steps: readonly StepInput[],
  before: { goals: readonly GoalRow[]; steps: readonly StepEntry[] },
): Promise<{ goalsAdded: number; goalsRemoved: number; stepsAdded: number; stepsRemoved: number }> {
  const keptGoals = new Set(goals.flatMap((g) => (g.id === undefined ? [] : [g.id])));
  const keptSteps = new Set(steps.flatMap((s) => (s.id === undefined ? [] : [s.id])));
  const removedGoals = before.goals.filter((g) => !keptGoals.has(g.id)).map((g) => g.id);
  const removedSteps = before.steps.filter((s) => !keptSteps.has(s.step.id)).map((s) => s.step.id);
  await deleteSteps(tx, planId, removedSteps);
  await deleteGoals(tx, planId, removedGoals);

  const goalIds: string[] = [];
  for (const [position, g] of goals.entries()) {
    const values = {
      position,
      ownWords: g.ownWords,
      target: g.target,
      targetDate: g.targetDate,
      status: g.status,
    };
    if (g.id === undefined) goalIds.push(await insertGoal(tx, { planId, ...values }));
    else {
      await updateGoal(tx, g.id, values);
      goalIds.push(g.id);
    }
  }
  for (const [position, s] of steps.entries()) {
    const values = {
      position,
      goalId: s.goal === null ? null : 'index' in s.goal ? goalIds[s.goal.index]! : s.goal.id,
      measure: s.measure,
      responsibleAgencyId: s.responsibleAgencyId,
      responsibleUserId: s.responsibleUserId,
      resourceId: s.resource?.id ?? null,
      dueDate: s.dueDate,
      status: s.status,
      result: s.result === null || s.result === '' ? null : s.result,
    };
    if (s.id === undefined) await insertStep(tx, { planId, ...values });
    else await updateStep(tx, s.id, values);
  }
  return {
    goalsAdded: goals.filter((g) => g.id === undefined).length,
    goalsRemoved: removedGoals.length,
    stepsAdded: steps.filter((s) => s.id === undefined).length,
    stepsRemoved: removedSteps.length,
  };
}

/** Which parts of the plan a PUT changes (field names for the timeline and the audit row). */
function changedFields(
  plan: PlanRow,
  input: PlanUpdateRequest,
  before: { goals: readonly GoalRow[]; steps: readonly StepEntry[] },
): string[] {
  const fields: string[] = [];
  for (const key of ['title', 'status', 'agreedOn', 'reviewDate', 'endedOn'] as const) {
    if (plan[key] !== input[key]) fields.push(key);
  }
  const goalKey = (g: {
    id?: string | undefined;
    ownWords: string;
    target: string;
    targetDate: string | null;
    status: string;
  }) => JSON.stringify([g.id ?? null, g.ownWords, g.target, g.targetDate, g.status]);
  if (before.goals.map(goalKey).join('|') !== input.goals.map(goalKey).join('|')) fields.push('goals');
  const stepKey = (s: {
    id: string | null;
    goalId: string | null;
    measure: string;
    responsibleAgencyId: string;
    responsibleUserId: string | null;
    resourceId: string | null;
    dueDate: string | null;
    status: string;
    result: string | null;
  }) => JSON.stringify(Object.values(s));
  const beforeSteps = before.steps.map((e) =>
    stepKey({
      id: e.step.id,
      goalId: e.step.goalId,
      measure: e.step.measure,
      responsibleAgencyId: e.step.responsibleAgencyId,
      responsibleUserId: e.step.responsibleUserId,
      resourceId: e.step.resourceId,
      dueDate: e.step.dueDate,
      status: e.step.status,
      result: e.step.result,
    }),
  );
  const inputSteps = input.steps.map((s) =>
    stepKey({
      id: s.id ?? null,
      goalId:
        s.goal === null ? null : 'id' in s.goal ? s.goal.id : (input.goals[s.goal.index]?.id ?? `new:${s.goal.index}`),
      measure: s.measure,
      responsibleAgencyId: s.responsibleAgencyId,
      responsibleUserId: s.responsibleUserId,
      resourceId: s.resource?.id ?? null,
      dueDate: s.dueDate,
      status: s.status,
      result: s.result === '' ? null : s.result,
    }),
  );
  if (beforeSteps.join('|') !== inputSteps.join('|')) fields.push('steps');
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Use cases

/** The plans of the case (metadata and counts), plans in force first. */
export async function listPlans(db: Db, actor: Actor | null, caseId: string, ctx: AuditContext): Promise<PlanList> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const kinds = visiblePlanKinds((await caseCategories(db, a, caseId, ctx.now)).categories);
  const rows = (await plansOfCase(db, caseId)).filter((r) => kinds.includes(r.plan.kind as PlanKind));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_plan.listed',
      subjectType: 'case',
      subjectId: caseId,
      details: { count: rows.length },
    });
  });
  const today = todayIn(ctx.now);
  return { items: rows.map((r) => presentPlanSummary(r, today)) };
}

/**
 * Creates a plan as a draft, owned by the caller's agency, with its goals and steps; writes the
 * review reminder, the timeline entry and the audit row in the same transaction.
 */
export async function createPlan(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: PlanCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<Plan>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const today = todayIn(ctx.now);
  const { plan, caseState } = await db.transaction(async (tx) => {
    // The update lock serialises creations on the case: the one-plan-per-kind rule holds under concurrency.
    const c = await lockPlanCase(tx, caseId, 'update');
    if (!c) throw new AppError('NOT_FOUND');
    const existing = (await planKindsOfCase(tx, caseId)).map((p) => ({
      kind: p.kind as PlanKind,
      status: p.status as PlanStatus,
    }));
    assertNoProblems(
      planCreationProblems({ kind: input.kind, casePhase: phaseOf(c), ownerAgencyKind: a.agencyKind, plans: existing }),
    );
    // The plan rules speak first (who may own which kind); then the data categories of the person.
    await assertCaseCategory(tx, a, caseId, planKindCategories[input.kind], ctx.now);
    assertNoProblems([
      ...planContentProblems(
        {
          kind: input.kind,
          status: 'draft',
          agreedOn: input.agreedOn,
          reviewDate: input.reviewDate,
          endedOn: null,
          goals: input.goals,
          steps: input.steps,
        },
        { today, previous: null },
      ),
      ...(await assignmentProblems(tx, caseId, input.steps, [])),
    ]);
    const row = await insertPlan(tx, {
      caseId,
      kind: input.kind,
      title: input.title,
      status: 'draft',
      ownerAgencyId: a.agencyId,
      agreedOn: input.agreedOn,
      reviewDate: input.reviewDate,
      endedOn: null,
      createdAt: ctx.now,
      createdBy: a.userId,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    await writeGoalsAndSteps(tx, row.id, input.goals, input.steps, { goals: [], steps: [] });
    const reviewTask = await syncPlanReviewTask(
      tx,
      { ...row, kind: input.kind, status: 'draft' },
      c,
      a.userId,
      ctx.now,
    );
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'plan_created',
      details: { planId: row.id, kind: input.kind },
    });
    await recordAudit(tx, ctx, {
      type: 'case_plan.created',
      subjectType: 'case',
      subjectId: caseId,
      details: {
        planId: row.id,
        kind: input.kind,
        goals: input.goals.length,
        steps: input.steps.length,
        reviewTask,
      },
    });
    return { plan: row, caseState: c };
  });
  return loadPlan(db, a, caseState, plan, today);
}

export async function getPlan(
  db: Db,
  actor: Actor | null,
  caseId: string,
  planId: string,
  ctx: AuditContext,
): Promise<Versioned<Plan>> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const plan = await planOf(db, a, caseId, planId, ctx.now);
  const caseState = await caseOf(db, caseId);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_plan.viewed',
      subjectType: 'case',
      subjectId: caseId,
      details: { planId, version: plan.version },
    });
  });
  return loadPlan(db, a, caseState, plan, todayIn(ctx.now));
}

/**
 * Replaces the plan (If-Match with its version): title, status, dates, goals and steps. Only the
 * owner agency edits (403 for the rest of the team); an ended plan and a closed case are
 * read-only (409); a PUT based on an older version is 412 and changes nothing.
 */
export async function updatePlan(
  db: Db,
  actor: Actor | null,
  caseId: string,
  planId: string,
  ifMatch: string | undefined,
  input: PlanUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<Plan>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const expected = ifMatchVersion(ifMatch, true);
  const current = await planOf(db, a, caseId, planId, ctx.now);
  assertNoProblems(caseOpenProblems(phaseOf(await caseOf(db, caseId))));
  await assertOwner(db, a, current);
  assertNoProblems(planEditableProblems(current.status as PlanStatus));
  if (current.version !== expected) throw await stalePlan(db, current);
  assertNoProblems(planStatusMoveProblems(current.status as PlanStatus, input.status));
  const today = todayIn(ctx.now);
  const kind = current.kind as PlanKind;

  const { plan, caseState } = await db.transaction(async (tx) => {
    const c = await lockPlanCase(tx, caseId, 'share');
    if (!c) throw new AppError('NOT_FOUND');
    assertNoProblems(caseOpenProblems(phaseOf(c)));
    // The compare-and-set comes first: its row lock orders concurrent writers, and what is read
    // below is the state this write replaces. The request's fields are written only once they
    // passed the rules (a date like 2040-02-30 never reaches the database).
    const locked = await updatePlanIfVersion(tx, planId, expected, { updatedAt: ctx.now, updatedBy: a.userId });
    if (!locked || locked.caseId !== caseId) throw await lostRace(tx, caseId, planId);
    const before = { goals: await goalsOf(tx, planId), steps: await stepsOf(tx, planId) };
    assertNoProblems([
      ...planContentProblems(
        { kind, ...input },
        {
          today,
          previous: {
            agreedOn: current.agreedOn,
            reviewDate: current.reviewDate,
            goalIds: new Set(before.goals.map((g) => g.id)),
            stepIds: new Set(before.steps.map((s) => s.step.id)),
          },
        },
      ),
      ...(await assignmentProblems(tx, caseId, input.steps, before.steps)),
    ]);
    const updated = await updatePlanFields(tx, planId, {
      title: input.title,
      status: input.status,
      agreedOn: input.agreedOn,
      reviewDate: input.reviewDate,
      endedOn: input.endedOn,
    });
    const fields = changedFields(current, input, before);
    const counts = await writeGoalsAndSteps(tx, planId, input.goals, input.steps, before);
    const reviewTask: ReviewReminderChange = await syncPlanReviewTask(
      tx,
      { ...updated, kind, status: input.status },
      c,
      a.userId,
      ctx.now,
    );
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'plan_updated',
      details: { planId, kind, status: input.status, fields },
    });
    await recordAudit(tx, ctx, {
      type: 'case_plan.updated',
      subjectType: 'case',
      subjectId: caseId,
      details: { planId, kind, status: input.status, fields, ...counts, version: updated.version, reviewTask },
    });
    return { plan: updated, caseState: c };
  });
  return loadPlan(db, a, caseState, plan, today);
}

/**
 * Records how a step stands (If-Match with the plan's version, which it bumps): by the step's
 * responsible agency or the plan's owner, on an agreed plan of an open case.
 */
export async function recordStepProgress(
  db: Db,
  actor: Actor | null,
  caseId: string,
  planId: string,
  stepId: string,
  ifMatch: string | undefined,
  input: StepProgressRequest,
  ctx: AuditContext,
): Promise<Versioned<Plan>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const expected = ifMatchVersion(ifMatch, true);
  const current = await planOf(db, a, caseId, planId, ctx.now);
  const step = (await stepsOf(db, planId)).find((s) => s.step.id === stepId);
  if (!step) throw new AppError('NOT_FOUND');
  assertNoProblems(caseOpenProblems(phaseOf(await caseOf(db, caseId))));
  if (step.step.responsibleAgencyId !== a.agencyId && current.ownerAgencyId !== a.agencyId) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'stepId',
          message: fieldMessage(
            `Den Fortschritt dieses Schritts erfasst die verantwortliche Stelle (${step.agency.name}) oder die Stelle, der der Plan gehört.`,
            `The progress of this step is recorded by the responsible agency (${step.agency.name}) or by the agency that owns the plan.`,
          ),
        },
      ],
    });
  }
  assertNoProblems(stepProgressProblems(current.status as PlanStatus));
  if (current.version !== expected) throw await stalePlan(db, current);
  const result = input.result === null || input.result === '' ? null : input.result;
  const today = todayIn(ctx.now);

  const { plan, caseState } = await db.transaction(async (tx) => {
    const c = await lockPlanCase(tx, caseId, 'share');
    if (!c) throw new AppError('NOT_FOUND');
    assertNoProblems(caseOpenProblems(phaseOf(c)));
    const updated = await updatePlanIfVersion(tx, planId, expected, { updatedAt: ctx.now, updatedBy: a.userId });
    if (!updated || updated.caseId !== caseId) throw await lostRace(tx, caseId, planId);
    // The owner may have removed the step in a version before this one; the CAS above rules that out.
    await updateStep(tx, stepId, { status: input.status, result });
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'plan_step_progress',
      details: { planId, kind: current.kind, stepId, status: input.status },
    });
    await recordAudit(tx, ctx, {
      type: 'case_plan.step_progress',
      subjectType: 'case',
      subjectId: caseId,
      details: {
        planId,
        stepId,
        status: input.status,
        resultChanged: result !== step.step.result,
        version: updated.version,
      },
    });
    return { plan: updated, caseState: c };
  });
  return loadPlan(db, a, caseState, plan, today);
}

const planTemplate = loadTypstTemplate(new URL('../../platform/pdf/templates/case-plan.typ', import.meta.url));

/** The plan as a PDF for the person (an audited read of the plan). */
export async function exportPlanPdf(
  db: Db,
  actor: Actor | null,
  caseId: string,
  planId: string,
  ctx: AuditContext,
): Promise<{ pdf: Buffer; filename: string }> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const plan = await planOf(db, a, caseId, planId, ctx.now);
  const caseState = await caseOf(db, caseId);
  const [goals, steps, facts] = await Promise.all([
    goalsOf(db, planId),
    stepsOf(db, planId),
    planPrintFacts(db, caseState.personId, plan.ownerAgencyId),
  ]);
  if (!facts) throw new AppError('NOT_FOUND');
  const data = presentPlanPdf({
    plan,
    goals,
    steps,
    caseReference: caseState.reference,
    facts,
    today: todayIn(ctx.now),
  });
  const pdf = typstRenderer().renderPdf(planTemplate, data);
  // Recorded once the document exists; if the audit write fails, the PDF is not handed out.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_plan.pdf_exported',
      subjectType: 'case',
      subjectId: caseId,
      details: { planId, version: plan.version },
    });
  });
  const kindLabel = planKindLabels[plan.kind as PlanKind].de;
  return { pdf, filename: `${kindLabel}-${caseState.reference}.pdf` };
}
