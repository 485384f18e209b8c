import type { z } from 'zod';
import type {
  CaseTask,
  CaseTaskList,
  caseTaskListQuerySchema,
  TaskCreateRequest,
  TaskInbox,
  taskInboxQuerySchema,
  TaskStatus,
  TaskUpdateRequest,
} from '../../../shared/contracts/case-tasks';
import { isCalendarDate, todayIn } from '../../../shared/domain/calendar-date';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { mayChangeTask, presentTask } from './case-tasks.presenter';
import {
  currentTeamAgencies,
  findTaskRecord,
  inboxTasks,
  insertTask,
  isActiveCaseworkerOf,
  lockCaseState,
  lockTask,
  tasksOfCase,
  updateTaskIfVersion,
  type TaskCaseState,
  type TaskRow,
  type TaskValues,
} from './case-tasks.repository';
import { recordCaseEvent } from './case-timeline';

const statusLabels: Record<TaskStatus, { de: string; en: string }> = {
  open: { de: 'offen', en: 'open' },
  done: { de: 'erledigt', en: 'done' },
  cancelled: { de: 'entfallen', en: 'cancelled' },
};

/** The moves a task's status may make; a cancelled task stays cancelled. */
const allowedMoves: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['done', 'cancelled'],
  done: ['open'],
  cancelled: [],
};

export const isClosedCase = (state: Pick<TaskCaseState, 'phase' | 'closedAt'>) =>
  state.phase === 'closure' || state.closedAt !== null;

async function loadTask(db: Db, actor: Actor, caseId: string, taskId: string, now: Date): Promise<Versioned<CaseTask>> {
  const record = await findTaskRecord(db, caseId, taskId);
  if (!record) throw new AppError('NOT_FOUND');
  return { value: presentTask(record, actor, todayIn(now)), etag: etagOf(record.task.version) };
}

/** 412 naming the newer state, so the caseworker knows what happened before reloading. */
function staleTask(current: TaskRow): AppError {
  const status = statusLabels[current.status as TaskStatus] ?? statusLabels.open;
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Die Aufgabe wurde inzwischen geändert (jetzt Version ${current.version}, Status „${status.de}“). Ihre Änderung wurde nicht übernommen: Bitte laden Sie die Aufgabe neu und prüfen Sie sie.`,
          `The task was changed in the meantime (now version ${current.version}, status "${status.en}"). Your change was not applied: please reload the task and check it.`,
        ),
      },
    ],
  });
}

const forbiddenTask = () =>
  new AppError('FORBIDDEN', {
    fieldErrors: [
      {
        path: 'taskId',
        message: fieldMessage(
          'Diese Aufgabe ändern nur die zuständige Stelle, die Stelle, die sie angelegt hat, und die federführende Stelle des Falls.',
          'Only the assigned agency, the agency that created the task and the lead agency of the case change this task.',
        ),
      },
    ],
  });

const conflict = (path: string, de: string, en: string) =>
  new AppError('CONFLICT', { fieldErrors: [{ path, message: fieldMessage(de, en) }] });

const closedForNewTasks = () =>
  conflict(
    'phase',
    'Der Fall ist abgeschlossen: Neue Aufgaben lassen sich erst nach dem Wiederöffnen anlegen. Offene Aufgaben können Sie weiterhin erledigen oder als entfallen markieren.',
    'The case is closed: new tasks can only be added after reopening it. Open tasks can still be completed or cancelled.',
  );

/**
 * The problems of an assignee (or a decision's responsible agency): the agency is on the current
 * case team, a named colleague is an active caseworker or team lead of it. `at` prefixes the paths.
 */
export async function assigneeProblems(
  db: Db,
  team: ReadonlyMap<string, string>,
  agencyId: string,
  userId: string | null,
  paths: { agency: string; user: string },
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (!team.has(agencyId)) {
    problems.push({
      path: paths.agency,
      message: fieldMessage(
        'Aufgaben gehen nur an Stellen des Fallteams. Nehmen Sie die Stelle zuerst ins Fallteam auf.',
        'Tasks go only to agencies on the case team. Add the agency to the case team first.',
      ),
    });
    return problems;
  }
  if (userId !== null && !(await isActiveCaseworkerOf(db, userId, agencyId))) {
    problems.push({
      path: paths.user,
      message: fieldMessage(
        'Die benannte Person muss eine aktive Fachkraft oder Teamleitung der gewählten Stelle sein.',
        'The named colleague must be an active caseworker or team lead of the chosen agency.',
      ),
    });
  }
  return problems;
}

/** A due date must be a real calendar day (the contract checks the form, this the calendar). */
function dueDateProblems(dueDate: string | null | undefined, path = 'dueDate'): FieldError[] {
  if (dueDate === null || dueDate === undefined || isCalendarDate(dueDate)) return [];
  return [{ path, message: fieldMessage('Bitte ein gültiges Datum angeben.', 'Please enter a valid date.') }];
}

/**
 * Inserts a task with its timeline entry and audit row, in the caller's transaction. Used for
 * hand-written tasks and for the tasks a conference's decisions become.
 */
export async function insertTaskWithRecords(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  values: Pick<
    TaskValues,
    'caseId' | 'title' | 'description' | 'assigneeAgencyId' | 'assigneeUserId' | 'dueDate' | 'source' | 'sourceId'
  >,
): Promise<TaskRow> {
  const row = await insertTask(tx, {
    ...values,
    status: 'open',
    createdAt: ctx.now,
    createdBy: actor.userId,
    createdByAgencyId: actor.agencyId,
    updatedAt: ctx.now,
    updatedBy: actor.userId,
  });
  await recordCaseEvent(tx, actor, ctx, {
    caseId: values.caseId,
    kind: 'task_created',
    details: { taskId: row.id, status: 'open', source: values.source, assigneeAgencyId: values.assigneeAgencyId },
  });
  await recordAudit(tx, ctx, {
    type: 'case_task.created',
    subjectType: 'case',
    subjectId: values.caseId,
    details: { taskId: row.id, source: values.source, assigneeAgencyId: values.assigneeAgencyId },
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The inbox across cases: mine (named) or my agency's, with filters, sorting and the open/overdue counts. */
export async function listTaskInbox(
  db: Db,
  actor: Actor | null,
  query: z.output<typeof taskInboxQuerySchema>,
  ctx: AuditContext,
): Promise<TaskInbox> {
  const a = await check(db, actor, 'case.read');
  const today = todayIn(ctx.now);
  const result = await inboxTasks(
    db,
    {
      scope: query.scope,
      status: query.status,
      overdue: query.overdue,
      dueBefore: query.dueBefore,
      actor: a,
      now: ctx.now,
      agencyId: a.agencyId,
      userId: a.userId,
      today,
    },
    query.sort,
    query.dir,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const items = result.rows.map((r) => presentTask(r, a, today));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_task.listed',
      subjectType: 'case_task',
      details: { scope: query.scope, resultCount: items.length, total: result.total },
    });
  });
  return {
    items,
    page: { page: query.page, pageSize: query.pageSize, total: result.total },
    counts: { open: result.open, overdue: result.overdue },
  };
}

export async function listCaseTasks(
  db: Db,
  actor: Actor | null,
  caseId: string,
  query: z.output<typeof caseTaskListQuerySchema>,
  ctx: AuditContext,
): Promise<CaseTaskList> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const today = todayIn(ctx.now);
  const { rows, total } = await tasksOfCase(
    db,
    caseId,
    query.status,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const items = rows.map((r) => presentTask(r, a, today));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_task.listed',
      subjectType: 'case',
      subjectId: caseId,
      details: { scope: 'case', resultCount: items.length, total },
    });
  });
  return { items, page: { page: query.page, pageSize: query.pageSize, total } };
}

// ---------------------------------------------------------------------------------------------
// Writes

export async function createTask(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: TaskCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<CaseTask>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const row = await db.transaction(async (tx) => {
    const state = await lockCaseState(tx, caseId);
    if (!state) throw new AppError('NOT_FOUND');
    if (isClosedCase(state)) throw closedForNewTasks();
    const team = await currentTeamAgencies(tx, caseId);
    const problems = [
      ...(await assigneeProblems(tx, team, input.assigneeAgencyId, input.assigneeUserId, {
        agency: 'assigneeAgencyId',
        user: 'assigneeUserId',
      })),
      ...dueDateProblems(input.dueDate),
    ];
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
    return insertTaskWithRecords(tx, a, ctx, {
      caseId,
      title: input.title,
      description: input.description === null || input.description === '' ? null : input.description,
      assigneeAgencyId: input.assigneeAgencyId,
      assigneeUserId: input.assigneeUserId,
      dueDate: input.dueDate,
      source: 'manual',
      sourceId: null,
    });
  });
  return loadTask(db, a, caseId, row.id, ctx.now);
}

/**
 * Changes a task (If-Match with its version). On a closed case only completing or cancelling an
 * open task is possible. Order of answers: 404 (not a task of a visible case), 403 (may not
 * change it), 412 (stale), 409 (the state does not allow it), 400 (bad input).
 */
export async function updateTask(
  db: Db,
  actor: Actor | null,
  caseId: string,
  taskId: string,
  ifMatch: string | undefined,
  input: TaskUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<CaseTask>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const expected = ifMatchVersion(ifMatch, true);
  const provided = (Object.keys(input) as (keyof TaskUpdateRequest)[]).filter((k) => input[k] !== undefined);
  if (provided.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'body',
          message: fieldMessage('Bitte mindestens eine Änderung angeben.', 'Please give at least one change.'),
        },
      ],
    });
  }
  await db.transaction(async (tx) => {
    const state = await lockCaseState(tx, caseId);
    if (!state) throw new AppError('NOT_FOUND');
    const task = await lockTask(tx, caseId, taskId);
    if (!task) throw new AppError('NOT_FOUND');
    if (
      !mayChangeTask(a, {
        assigneeAgencyId: task.assigneeAgencyId,
        creatorAgencyId: task.createdByAgencyId,
        leadAgencyId: state.leadAgencyId,
      })
    ) {
      throw forbiddenTask();
    }
    if (task.version !== expected) throw staleTask(task);

    const from = task.status as TaskStatus;
    const to = input.status ?? from;
    if (to !== from && !allowedMoves[from].includes(to)) {
      throw from === 'cancelled'
        ? conflict(
            'status',
            'Die Aufgabe ist entfallen und bleibt es. Legen Sie bei Bedarf eine neue Aufgabe an.',
            'The task was cancelled and stays so. Add a new task if needed.',
          )
        : conflict(
            'status',
            'Eine erledigte Aufgabe kann nur wieder geöffnet werden.',
            'A completed task can only be reopened.',
          );
    }
    const description = input.description === '' ? null : input.description;
    const changes = {
      title: input.title !== undefined && input.title !== task.title,
      description: description !== undefined && description !== task.description,
      assigneeAgencyId: input.assigneeAgencyId !== undefined && input.assigneeAgencyId !== task.assigneeAgencyId,
      assigneeUserId: false,
      dueDate: input.dueDate !== undefined && input.dueDate !== task.dueDate,
      status: to !== from,
    };
    // A new agency without a named colleague goes to the agency as a whole.
    const nextUserId =
      input.assigneeUserId !== undefined ? input.assigneeUserId : changes.assigneeAgencyId ? null : task.assigneeUserId;
    changes.assigneeUserId = nextUserId !== task.assigneeUserId;
    const fields = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k]);
    const contentFields = fields.filter((f) => f !== 'status');

    if (isClosedCase(state) && (contentFields.length > 0 || (changes.status && to === 'open'))) {
      throw conflict(
        'phase',
        'Der Fall ist abgeschlossen: Aufgaben lassen sich nur noch erledigen oder als entfallen markieren. Öffnen Sie den Fall wieder, um sie zu ändern.',
        'The case is closed: tasks can only be completed or cancelled. Reopen the case to change them.',
      );
    }
    if (contentFields.length > 0 && from !== 'open' && to !== 'open') {
      throw conflict(
        'status',
        'Die Aufgabe ist nicht mehr offen. Öffnen Sie sie wieder, um sie zu ändern.',
        'The task is no longer open. Reopen it to change it.',
      );
    }
    if (fields.length === 0) return;

    const agencyId = input.assigneeAgencyId ?? task.assigneeAgencyId;
    const problems: FieldError[] = [...dueDateProblems(input.dueDate)];
    if (changes.assigneeAgencyId || changes.assigneeUserId) {
      const team = await currentTeamAgencies(tx, caseId);
      problems.push(
        ...(await assigneeProblems(tx, team, agencyId, nextUserId, {
          agency: 'assigneeAgencyId',
          user: 'assigneeUserId',
        })),
      );
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });

    const updated = await updateTaskIfVersion(tx, taskId, expected, {
      ...(changes.title ? { title: input.title! } : {}),
      ...(changes.description ? { description: description ?? null } : {}),
      ...(changes.assigneeAgencyId ? { assigneeAgencyId: agencyId } : {}),
      ...(changes.assigneeUserId ? { assigneeUserId: nextUserId } : {}),
      ...(changes.dueDate ? { dueDate: input.dueDate ?? null } : {}),
      ...(changes.status
        ? {
            status: to,
            completedAt: to === 'done' ? ctx.now : null,
            completedBy: to === 'done' ? a.userId : null,
          }
        : {}),
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!updated) throw staleTask(task);
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: changes.status && to === 'done' ? 'task_completed' : 'task_updated',
      details: { taskId, status: to, fields },
    });
    await recordAudit(tx, ctx, {
      type: 'case_task.updated',
      subjectType: 'case',
      subjectId: caseId,
      details: { taskId, fields, status: to, version: updated.version },
    });
  });
  return loadTask(db, a, caseId, taskId, ctx.now);
}
