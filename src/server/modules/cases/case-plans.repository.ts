import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  agencies,
  casePlanGoals,
  casePlans,
  casePlanSteps,
  caseTeamMembers,
  cases,
  municipality,
  people,
  users,
} from '../../db/schema';

export type PlanRow = typeof casePlans.$inferSelect;
export type PlanValues = Omit<typeof casePlans.$inferInsert, 'id' | 'version'>;
export type GoalRow = typeof casePlanGoals.$inferSelect;
export type GoalValues = Omit<typeof casePlanGoals.$inferInsert, 'id'>;
export type StepRow = typeof casePlanSteps.$inferSelect;
export type StepValues = Omit<typeof casePlanSteps.$inferInsert, 'id'>;

type Ref = { id: string; name: string };
export type UserRef = { id: string; displayName: string };

/** What the plan rules need to know about the case. */
export type PlanCaseState = {
  id: string;
  phase: string;
  reference: string;
  personId: string;
  leadAgencyId: string;
  leadUserId: string;
};

/** A plan of a list, with its owner's name and counts. */
export type PlanListRow = {
  plan: PlanRow;
  ownerAgency: Ref;
  goalCount: number;
  stepCount: number;
  openStepCount: number;
};

/** A step with the names the presenter shows. */
export type StepEntry = { step: StepRow; agency: Ref; user: UserRef | null };

/**
 * The case's state for a plan write. `share` holds a share lock to the end of the transaction, so
 * a phase change (which locks the case for update) cannot close the case under a plan write;
 * `update` also serialises plan creation on the case, so that two colleagues cannot both create
 * the one plan of a kind.
 */
export async function lockPlanCase(
  tx: Db,
  caseId: string,
  mode: 'share' | 'update',
): Promise<PlanCaseState | undefined> {
  const rows = await tx
    .select({
      id: cases.id,
      phase: cases.phase,
      reference: cases.reference,
      personId: cases.personId,
      leadAgencyId: cases.leadAgencyId,
      leadUserId: cases.leadUserId,
    })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1)
    .for(mode);
  return rows[0];
}

export async function findPlanCase(db: Db, caseId: string): Promise<PlanCaseState | undefined> {
  const rows = await db
    .select({
      id: cases.id,
      phase: cases.phase,
      reference: cases.reference,
      personId: cases.personId,
      leadAgencyId: cases.leadAgencyId,
      leadUserId: cases.leadUserId,
    })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  return rows[0];
}

const openStatuses = ['planned', 'in_progress'];

/** The plans of a case with owner and counts: plans in force first, then by creation. */
export async function plansOfCase(db: Db, caseId: string): Promise<PlanListRow[]> {
  const goalCounts = db
    .select({ planId: casePlanGoals.planId, n: count().as('goal_n') })
    .from(casePlanGoals)
    .groupBy(casePlanGoals.planId)
    .as('goal_counts');
  const stepCounts = db
    .select({
      planId: casePlanSteps.planId,
      n: count().as('step_n'),
      open: sql<number>`count(*) filter (where ${inArray(casePlanSteps.status, openStatuses)})`.as('open_n'),
    })
    .from(casePlanSteps)
    .groupBy(casePlanSteps.planId)
    .as('step_counts');
  const rows = await db
    .select({
      plan: casePlans,
      ownerAgency: { id: agencies.id, name: agencies.name },
      goalCount: goalCounts.n,
      stepCount: stepCounts.n,
      openStepCount: stepCounts.open,
    })
    .from(casePlans)
    .innerJoin(agencies, eq(agencies.id, casePlans.ownerAgencyId))
    .leftJoin(goalCounts, eq(goalCounts.planId, casePlans.id))
    .leftJoin(stepCounts, eq(stepCounts.planId, casePlans.id))
    .where(eq(casePlans.caseId, caseId))
    .orderBy(
      sql`case when ${casePlans.status} = 'ended' then 1 else 0 end`,
      asc(casePlans.createdAt),
      asc(casePlans.id),
    );
  return rows.map((r) => ({
    plan: r.plan,
    ownerAgency: r.ownerAgency,
    goalCount: Number(r.goalCount ?? 0),
    stepCount: Number(r.stepCount ?? 0),
    openStepCount: Number(r.openStepCount ?? 0),
  }));
}

/** The plan, only if it belongs to the case (another case's plan id is "not found"). */
export async function findPlan(db: Db, caseId: string, planId: string): Promise<PlanRow | undefined> {
  const rows = await db
    .select()
    .from(casePlans)
    .where(and(eq(casePlans.id, planId), eq(casePlans.caseId, caseId)))
    .limit(1);
  return rows[0];
}

export async function goalsOf(db: Db, planId: string): Promise<GoalRow[]> {
  return db.select().from(casePlanGoals).where(eq(casePlanGoals.planId, planId)).orderBy(asc(casePlanGoals.position));
}

export async function stepsOf(db: Db, planId: string): Promise<StepEntry[]> {
  const rows = await db
    .select({
      step: casePlanSteps,
      agency: { id: agencies.id, name: agencies.name },
      userId: users.id,
      userName: users.displayName,
    })
    .from(casePlanSteps)
    .innerJoin(agencies, eq(agencies.id, casePlanSteps.responsibleAgencyId))
    .leftJoin(users, eq(users.id, casePlanSteps.responsibleUserId))
    .where(eq(casePlanSteps.planId, planId))
    .orderBy(asc(casePlanSteps.position));
  return rows.map((r) => ({
    step: r.step,
    agency: r.agency,
    user: r.userId ? { id: r.userId, displayName: r.userName! } : null,
  }));
}

export async function insertPlan(tx: Db, values: PlanValues): Promise<PlanRow> {
  const [row] = await tx.insert(casePlans).values(values).returning();
  return row!;
}

/**
 * Compare-and-set on a plan: changes it only while it still has `expectedVersion`, and bumps the
 * version. Undefined when someone else changed it first. Goal and step writes come after it, so
 * the row lock it takes orders concurrent writers of the same plan.
 */
export async function updatePlanIfVersion(
  tx: Db,
  planId: string,
  expectedVersion: number,
  values: Partial<Omit<PlanValues, 'caseId' | 'kind' | 'ownerAgencyId' | 'createdAt' | 'createdBy'>>,
): Promise<PlanRow | undefined> {
  const rows = await tx
    .update(casePlans)
    .set({ ...values, version: sql`${casePlans.version} + 1` })
    .where(and(eq(casePlans.id, planId), eq(casePlans.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function insertGoal(tx: Db, values: GoalValues): Promise<string> {
  const [row] = await tx.insert(casePlanGoals).values(values).returning({ id: casePlanGoals.id });
  return row!.id;
}

export async function updateGoal(tx: Db, id: string, values: Partial<Omit<GoalValues, 'planId'>>): Promise<void> {
  await tx.update(casePlanGoals).set(values).where(eq(casePlanGoals.id, id));
}

export async function deleteGoals(tx: Db, planId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(casePlanGoals).where(and(eq(casePlanGoals.planId, planId), inArray(casePlanGoals.id, [...ids])));
}

export async function insertStep(tx: Db, values: StepValues): Promise<string> {
  const [row] = await tx.insert(casePlanSteps).values(values).returning({ id: casePlanSteps.id });
  return row!.id;
}

export async function updateStep(tx: Db, id: string, values: Partial<Omit<StepValues, 'planId'>>): Promise<void> {
  await tx.update(casePlanSteps).set(values).where(eq(casePlanSteps.id, id));
}

export async function deleteSteps(tx: Db, planId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(casePlanSteps).where(and(eq(casePlanSteps.planId, planId), inArray(casePlanSteps.id, [...ids])));
}

/** The agencies on the case's current team. */
export async function currentTeamAgencyIds(db: Db, caseId: string): Promise<Set<string>> {
  const rows = await db
    .select({ agencyId: caseTeamMembers.agencyId })
    .from(caseTeamMembers)
    .where(and(eq(caseTeamMembers.caseId, caseId), isNull(caseTeamMembers.leftAt)));
  return new Set(rows.map((r) => r.agencyId));
}

/** Staff accounts by id, as the step rules need them. */
export async function staffByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { agencyId: string; active: boolean; roles: string[] }>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, agencyId: users.agencyId, active: users.active, roles: users.roles })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, { agencyId: r.agencyId, active: r.active, roles: r.roles }]));
}

/** Display names of the given users, by id. */
export async function userRefs(db: Db, ids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function agencyRef(db: Db, id: string): Promise<Ref | undefined> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, id))
    .limit(1);
  return rows[0];
}

/** What the printed plan names besides the plan: the person and the owner agency's contact. */
export type PlanPrintFacts = {
  /** The municipality's name ("Mülheim an der Ruhr"); null before one is set up. */
  municipality: string | null;
  person: { givenNames: string; familyName: string; nameOrder: string };
  agency: { name: string; address: string | null; phone: string | null; email: string | null };
};

export async function planPrintFacts(db: Db, personId: string, agencyId: string): Promise<PlanPrintFacts | undefined> {
  const [person] = await db
    .select({ givenNames: people.givenNames, familyName: people.familyName, nameOrder: people.nameOrder })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  const [agency] = await db
    .select({ name: agencies.name, contact: agencies.contact })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .limit(1);
  if (!person || !agency) return undefined;
  const [town] = await db.select({ name: municipality.name }).from(municipality).limit(1);
  return {
    municipality: town?.name ?? null,
    person,
    agency: {
      name: agency.name,
      address: agency.contact.address,
      phone: agency.contact.phone,
      email: agency.contact.email,
    },
  };
}

/** Kind and status of every plan of the case (for the one-plan-per-kind rule). */
export async function planKindsOfCase(db: Db, caseId: string): Promise<{ kind: string; status: string }[]> {
  return db
    .select({ kind: casePlans.kind, status: casePlans.status })
    .from(casePlans)
    .where(eq(casePlans.caseId, caseId));
}

/** Writes fields of a plan whose row the caller's compare-and-set has already locked. */
export async function updatePlanFields(
  tx: Db,
  planId: string,
  values: Partial<Omit<PlanValues, 'caseId' | 'kind' | 'ownerAgencyId' | 'createdAt' | 'createdBy'>>,
): Promise<PlanRow> {
  const [row] = await tx.update(casePlans).set(values).where(eq(casePlans.id, planId)).returning();
  return row!;
}
