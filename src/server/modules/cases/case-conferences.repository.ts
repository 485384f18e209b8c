import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  agencies,
  caseConferenceDecisions,
  caseConferenceParticipants,
  caseConferences,
  caseTasks,
  users,
} from '../../db/schema';

export type ConferenceRow = typeof caseConferences.$inferSelect;
export type ConferenceValues = Omit<typeof caseConferences.$inferInsert, 'id' | 'version'>;
export type ParticipantRow = typeof caseConferenceParticipants.$inferSelect;
export type ParticipantValues = Omit<typeof caseConferenceParticipants.$inferInsert, 'id' | 'conferenceId'>;
export type DecisionRow = typeof caseConferenceDecisions.$inferSelect;
export type DecisionValues = Omit<typeof caseConferenceDecisions.$inferInsert, 'id' | 'conferenceId' | 'taskId'>;

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };

export type ParticipantEntry = { row: ParticipantRow; agency: Ref | null; user: UserRef | null };
export type DecisionEntry = {
  row: DecisionRow;
  agency: Ref;
  user: UserRef | null;
  task: { id: string; status: string } | null;
};
export type ConferenceListRow = {
  conference: ConferenceRow;
  organiser: Ref;
  participantCount: number;
  decisionCount: number;
};

const organiser = alias(agencies, 'organiser_agency');

/** The conferences of a case, the latest date first, with the organiser and counts. */
export async function conferencesOfCase(db: Db, caseId: string): Promise<ConferenceListRow[]> {
  const rows = await db
    .select({
      conference: caseConferences,
      organiser: { id: organiser.id, name: organiser.name },
      participantCount: sql<number>`(select count(*) from ${caseConferenceParticipants} where ${caseConferenceParticipants.conferenceId} = ${caseConferences.id})`,
      decisionCount: sql<number>`(select count(*) from ${caseConferenceDecisions} where ${caseConferenceDecisions.conferenceId} = ${caseConferences.id})`,
    })
    .from(caseConferences)
    .innerJoin(organiser, eq(organiser.id, caseConferences.organiserAgencyId))
    .where(eq(caseConferences.caseId, caseId))
    .orderBy(desc(caseConferences.scheduledAt), desc(caseConferences.createdAt), asc(caseConferences.id));
  return rows.map((r) => ({ ...r, participantCount: Number(r.participantCount), decisionCount: Number(r.decisionCount) }));
}

export async function countConferences(db: Db, caseId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(caseConferences).where(eq(caseConferences.caseId, caseId));
  return Number(row?.n ?? 0);
}

export async function findConference(
  db: Db,
  caseId: string,
  conferenceId: string,
): Promise<{ conference: ConferenceRow; organiser: Ref } | undefined> {
  const [row] = await db
    .select({ conference: caseConferences, organiser: { id: organiser.id, name: organiser.name } })
    .from(caseConferences)
    .innerJoin(organiser, eq(organiser.id, caseConferences.organiserAgencyId))
    .where(and(eq(caseConferences.caseId, caseId), eq(caseConferences.id, conferenceId)))
    .limit(1);
  return row;
}

/** Locks the conference row for the rest of the transaction; undefined when it is not one of the case. */
export async function lockConference(tx: Db, caseId: string, conferenceId: string): Promise<ConferenceRow | undefined> {
  const [row] = await tx
    .select()
    .from(caseConferences)
    .where(and(eq(caseConferences.caseId, caseId), eq(caseConferences.id, conferenceId)))
    .for('update');
  return row;
}

export async function insertConference(tx: Db, values: ConferenceValues): Promise<ConferenceRow> {
  const [row] = await tx.insert(caseConferences).values(values).returning();
  return row!;
}

/** Compare-and-set on the conference: changes it only at `expectedVersion` and bumps the version. */
export async function updateConferenceIfVersion(
  tx: Db,
  conferenceId: string,
  expectedVersion: number,
  values: Partial<Omit<ConferenceValues, 'caseId' | 'organiserAgencyId' | 'createdAt' | 'createdBy'>>,
): Promise<ConferenceRow | undefined> {
  const [row] = await tx
    .update(caseConferences)
    .set({ ...values, version: sql`${caseConferences.version} + 1` })
    .where(and(eq(caseConferences.id, conferenceId), eq(caseConferences.version, expectedVersion)))
    .returning();
  return row;
}

const participantAgency = alias(agencies, 'participant_agency');
const participantUser = alias(users, 'participant_user');

/** Agencies (by name, then colleague) first, then people from outside (by name). */
export async function participantsOf(db: Db, conferenceId: string): Promise<ParticipantEntry[]> {
  const rows = await db
    .select({
      row: caseConferenceParticipants,
      agencyId: participantAgency.id,
      agencyName: participantAgency.name,
      userId: participantUser.id,
      userName: participantUser.displayName,
    })
    .from(caseConferenceParticipants)
    .leftJoin(participantAgency, eq(participantAgency.id, caseConferenceParticipants.agencyId))
    .leftJoin(participantUser, eq(participantUser.id, caseConferenceParticipants.userId))
    .where(eq(caseConferenceParticipants.conferenceId, conferenceId))
    .orderBy(
      sql`${caseConferenceParticipants.agencyId} is null`,
      asc(participantAgency.name),
      sql`${participantUser.displayName} asc nulls first`,
      asc(caseConferenceParticipants.externalName),
      asc(caseConferenceParticipants.id),
    );
  return rows.map((r) => ({
    row: r.row,
    agency: r.agencyId && r.agencyName !== null ? { id: r.agencyId, name: r.agencyName } : null,
    user: r.userId && r.userName !== null ? { id: r.userId, displayName: r.userName } : null,
  }));
}

const decisionAgency = alias(agencies, 'decision_agency');
const decisionUser = alias(users, 'decision_user');

export async function decisionsOf(db: Db, conferenceId: string): Promise<DecisionEntry[]> {
  const rows = await db
    .select({
      row: caseConferenceDecisions,
      agency: { id: decisionAgency.id, name: decisionAgency.name },
      userId: decisionUser.id,
      userName: decisionUser.displayName,
      taskId: caseTasks.id,
      taskStatus: caseTasks.status,
    })
    .from(caseConferenceDecisions)
    .innerJoin(decisionAgency, eq(decisionAgency.id, caseConferenceDecisions.responsibleAgencyId))
    .leftJoin(decisionUser, eq(decisionUser.id, caseConferenceDecisions.responsibleUserId))
    .leftJoin(caseTasks, eq(caseTasks.id, caseConferenceDecisions.taskId))
    .where(eq(caseConferenceDecisions.conferenceId, conferenceId))
    .orderBy(asc(caseConferenceDecisions.position));
  return rows.map((r) => ({
    row: r.row,
    agency: r.agency,
    user: r.userId && r.userName !== null ? { id: r.userId, displayName: r.userName } : null,
    task: r.taskId && r.taskStatus !== null ? { id: r.taskId, status: r.taskStatus } : null,
  }));
}

/** Replaces the participants of a conference with the given ones. */
export async function replaceParticipants(tx: Db, conferenceId: string, values: readonly ParticipantValues[]): Promise<void> {
  await tx.delete(caseConferenceParticipants).where(eq(caseConferenceParticipants.conferenceId, conferenceId));
  if (values.length) {
    await tx.insert(caseConferenceParticipants).values(values.map((v) => ({ ...v, conferenceId })));
  }
}

/** Replaces the decisions of a (planned) conference, numbered in the given order. */
export async function replaceDecisions(tx: Db, conferenceId: string, values: readonly DecisionValues[]): Promise<void> {
  await tx.delete(caseConferenceDecisions).where(eq(caseConferenceDecisions.conferenceId, conferenceId));
  if (values.length) {
    await tx.insert(caseConferenceDecisions).values(values.map((v) => ({ ...v, conferenceId })));
  }
}

export async function setDecisionTask(tx: Db, decisionId: string, taskId: string): Promise<void> {
  await tx.update(caseConferenceDecisions).set({ taskId }).where(eq(caseConferenceDecisions.id, decisionId));
}
