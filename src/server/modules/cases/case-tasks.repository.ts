import { and, arrayOverlaps, asc, count, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TaskInboxScope, TaskInboxSort, TaskStatusFilter } from '../../../shared/contracts/case-tasks';
import type { Db } from '../../db/client';
import { agencies, caseConferenceDecisions, caseTasks, caseTeamMembers, cases, people, users } from '../../db/schema';
import type { Actor } from '../../platform/access/actor';
import { caseVisibleTo } from './case-scope';
import { CASE_WORK_ROLES } from './cases.repository';

export type TaskRow = typeof caseTasks.$inferSelect;
export type TaskValues = Omit<typeof caseTasks.$inferInsert, 'id' | 'version'>;

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };

/** A task with everything its presentation needs. */
export type TaskRecord = {
  task: TaskRow;
  case: { id: string; reference: string; title: string; leadAgencyId: string; phase: string };
  person: { id: string; givenNames: string; familyName: string };
  assigneeAgency: Ref;
  assigneeUser: UserRef | null;
  createdBy: UserRef | null;
  createdByAgency: Ref | null;
  completedBy: UserRef | null;
  /** For a task from a conference decision: the conference. */
  conferenceId: string | null;
};

/** What the task rules need to know about the case. */
export type TaskCaseState = { id: string; phase: string; closedAt: Date | null; leadAgencyId: string };

/**
 * The case's state with a share lock held to the end of the transaction: neither a phase change
 * (closing the case) nor a team change (both lock the case for update) can slip in between the
 * checks of a task write and the write itself.
 */
export async function lockCaseState(tx: Db, caseId: string): Promise<TaskCaseState | undefined> {
  const [row] = await tx
    .select({ id: cases.id, phase: cases.phase, closedAt: cases.closedAt, leadAgencyId: cases.leadAgencyId })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1)
    .for('share');
  return row;
}

/** The case's state for a read, without a lock. */
export async function readCaseState(db: Db, caseId: string): Promise<TaskCaseState | undefined> {
  const [row] = await db
    .select({ id: cases.id, phase: cases.phase, closedAt: cases.closedAt, leadAgencyId: cases.leadAgencyId })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  return row;
}

/** The agencies on the case's current team, with their names. */
export async function currentTeamAgencies(db: Db, caseId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(caseTeamMembers)
    .innerJoin(agencies, eq(agencies.id, caseTeamMembers.agencyId))
    .where(and(eq(caseTeamMembers.caseId, caseId), isNull(caseTeamMembers.leftAt)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const assigneeAgency = alias(agencies, 'assignee_agency');
const assigneeUser = alias(users, 'assignee_user');
const creator = alias(users, 'task_creator');
const creatorAgency = alias(agencies, 'task_creator_agency');
const completer = alias(users, 'task_completer');

const recordColumns = {
  task: caseTasks,
  case: {
    id: cases.id,
    reference: cases.reference,
    title: cases.title,
    leadAgencyId: cases.leadAgencyId,
    phase: cases.phase,
  },
  person: { id: people.id, givenNames: people.givenNames, familyName: people.familyName },
  assigneeAgency: { id: assigneeAgency.id, name: assigneeAgency.name },
  assigneeUserId: assigneeUser.id,
  assigneeUserName: assigneeUser.displayName,
  creatorId: creator.id,
  creatorName: creator.displayName,
  creatorAgencyId: creatorAgency.id,
  creatorAgencyName: creatorAgency.name,
  completerId: completer.id,
  completerName: completer.displayName,
  conferenceId: caseConferenceDecisions.conferenceId,
};

function recordQuery(db: Db) {
  return db
    .select(recordColumns)
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .innerJoin(people, eq(people.id, cases.personId))
    .innerJoin(assigneeAgency, eq(assigneeAgency.id, caseTasks.assigneeAgencyId))
    .leftJoin(assigneeUser, eq(assigneeUser.id, caseTasks.assigneeUserId))
    .leftJoin(creator, eq(creator.id, caseTasks.createdBy))
    .leftJoin(creatorAgency, eq(creatorAgency.id, caseTasks.createdByAgencyId))
    .leftJoin(completer, eq(completer.id, caseTasks.completedBy))
    .leftJoin(
      caseConferenceDecisions,
      and(eq(caseTasks.source, 'conference_decision'), eq(caseConferenceDecisions.id, caseTasks.sourceId)),
    );
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof recordQuery>['execute']>>[number];

const userRef = (id: string | null, name: string | null): UserRef | null =>
  id && name !== null ? { id, displayName: name } : null;

function toRecord(r: RecordRow): TaskRecord {
  return {
    task: r.task,
    case: r.case,
    person: r.person,
    assigneeAgency: r.assigneeAgency,
    assigneeUser: userRef(r.assigneeUserId, r.assigneeUserName),
    createdBy: userRef(r.creatorId, r.creatorName),
    createdByAgency:
      r.creatorAgencyId && r.creatorAgencyName !== null ? { id: r.creatorAgencyId, name: r.creatorAgencyName } : null,
    completedBy: userRef(r.completerId, r.completerName),
    conferenceId: r.conferenceId,
  };
}

export async function findTaskRecord(db: Db, caseId: string, taskId: string): Promise<TaskRecord | undefined> {
  const [row] = await recordQuery(db)
    .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.id, taskId)))
    .limit(1);
  return row ? toRecord(row) : undefined;
}

/** Locks the task row for the rest of the transaction; undefined when it is not a task of the case. */
export async function lockTask(tx: Db, caseId: string, taskId: string): Promise<TaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.id, taskId)))
    .for('update');
  return row;
}

export async function insertTask(tx: Db, values: TaskValues): Promise<TaskRow> {
  const [row] = await tx.insert(caseTasks).values(values).returning();
  return row!;
}

/** Compare-and-set: changes the task only at `expectedVersion` and bumps the version. */
export async function updateTaskIfVersion(
  tx: Db,
  taskId: string,
  expectedVersion: number,
  values: Partial<Omit<TaskValues, 'caseId' | 'source' | 'sourceId' | 'createdAt' | 'createdBy'>>,
): Promise<TaskRow | undefined> {
  const [row] = await tx
    .update(caseTasks)
    .set({ ...values, version: sql`${caseTasks.version} + 1` })
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.version, expectedVersion)))
    .returning();
  return row;
}

/** An active caseworker or team lead of the agency (who can be named on a task or a decision). */
export async function isActiveCaseworkerOf(db: Db, userId: string, agencyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.agencyId, agencyId),
        eq(users.active, true),
        arrayOverlaps(users.roles, [...CASE_WORK_ROLES]),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Lists

function statusCondition(status: TaskStatusFilter): SQL | undefined {
  return status === 'all' ? undefined : eq(caseTasks.status, status);
}

/** Open with a due date before `today`. */
function overdueCondition(today: string): SQL {
  return and(eq(caseTasks.status, 'open'), isNotNull(caseTasks.dueDate), lt(caseTasks.dueDate, today))!;
}

/** Soonest due first, no due date last; then oldest first. */
const byDueDate = (dir: 'asc' | 'desc') =>
  dir === 'asc' ? sql`${caseTasks.dueDate} asc nulls last` : sql`${caseTasks.dueDate} desc nulls last`;

export async function tasksOfCase(
  db: Db,
  caseId: string,
  status: TaskStatusFilter,
  limit: number,
  offset: number,
): Promise<{ rows: TaskRecord[]; total: number }> {
  const where = and(eq(caseTasks.caseId, caseId), statusCondition(status));
  const rows = await recordQuery(db)
    .where(where)
    // Open before done before cancelled, so "show all" keeps the work at the top.
    .orderBy(
      sql`array_position(array['open','done','cancelled']::text[], ${caseTasks.status})`,
      byDueDate('asc'),
      asc(caseTasks.createdAt),
      asc(caseTasks.id),
    )
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(caseTasks).where(where);
  return { rows: rows.map(toRecord), total: Number(total?.n ?? 0) };
}

export type InboxFilter = {
  scope: TaskInboxScope;
  status: TaskStatusFilter;
  overdue: boolean;
  dueBefore: string | undefined;
  actor: Actor;
  now: Date;
  agencyId: string;
  userId: string;
  today: string;
};

function scopeCondition(f: Pick<InboxFilter, 'scope' | 'agencyId' | 'userId' | 'actor' | 'now'>): SQL {
  return and(
    caseVisibleTo(f.actor, f.now, sql`${caseTasks.caseId}`),
    f.scope === 'mine' ? eq(caseTasks.assigneeUserId, f.userId) : eq(caseTasks.assigneeAgencyId, f.agencyId),
  )!;
}

/** One page of the inbox, sorted in SQL, with the total and the open/overdue counts of the scope. */
export async function inboxTasks(
  db: Db,
  f: InboxFilter,
  sort: TaskInboxSort,
  dir: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: TaskRecord[]; total: number; open: number; overdue: number }> {
  const where = and(
    scopeCondition(f),
    statusCondition(f.status),
    f.overdue ? overdueCondition(f.today) : undefined,
    f.dueBefore ? and(isNotNull(caseTasks.dueDate), lt(caseTasks.dueDate, f.dueBefore)) : undefined,
  );
  const order = dir === 'asc' ? asc : desc;
  const keys =
    sort === 'dueDate'
      ? [byDueDate(dir)]
      : sort === 'createdAt'
        ? [order(caseTasks.createdAt)]
        : [order(cases.reference), byDueDate('asc')];
  const rows = await recordQuery(db)
    .where(where)
    .orderBy(...keys, asc(caseTasks.createdAt), asc(caseTasks.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(caseTasks).where(where);
  const [counts] = await db
    .select({
      open: count(),
      overdue: sql<number>`count(*) filter (where ${and(isNotNull(caseTasks.dueDate), lt(caseTasks.dueDate, f.today))})`,
    })
    .from(caseTasks)
    .where(and(scopeCondition(f), eq(caseTasks.status, 'open')));
  return {
    rows: rows.map(toRecord),
    total: Number(total?.n ?? 0),
    open: Number(counts?.open ?? 0),
    overdue: Number(counts?.overdue ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Workload

/**
 * Open and overdue tasks of the agency, per named colleague (only colleagues of the team when
 * `teamId` is set) and for the agency without a named colleague. Tasks on cases the actor cannot
 * see (case-scope.ts) are left out.
 */
export async function workloadTaskCounts(
  db: Db,
  scope: { agencyId: string; teamId: string | null; actor: Actor; now: Date },
  today: string,
): Promise<{
  perUser: { userId: string; open: number; overdue: number }[];
  unassigned: { open: number; overdue: number };
}> {
  const overdue = sql<number>`count(*) filter (where ${and(isNotNull(caseTasks.dueDate), lt(caseTasks.dueDate, today))})`;
  const base = and(
    eq(caseTasks.status, 'open'),
    eq(caseTasks.assigneeAgencyId, scope.agencyId),
    caseVisibleTo(scope.actor, scope.now, sql`${caseTasks.caseId}`),
  );
  const perUser = await db
    .select({ userId: users.id, open: count(), overdue })
    .from(caseTasks)
    .innerJoin(users, eq(users.id, caseTasks.assigneeUserId))
    .where(and(base, scope.teamId ? eq(users.teamId, scope.teamId) : undefined))
    .groupBy(users.id);
  const [unassigned] = await db
    .select({ open: count(), overdue })
    .from(caseTasks)
    .where(and(base, isNull(caseTasks.assigneeUserId)));
  return {
    perUser: perUser.map((r) => ({ userId: r.userId, open: Number(r.open), overdue: Number(r.overdue) })),
    unassigned: { open: Number(unassigned?.open ?? 0), overdue: Number(unassigned?.overdue ?? 0) },
  };
}
