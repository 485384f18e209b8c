import {
  and,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { casePhases, type CaseListQuery, type CasePhase } from '../../../shared/contracts/cases';
import type { Db } from '../../db/client';
import {
  agencies,
  caseAssessments,
  caseEvents,
  caseTeamMembers,
  cases,
  consents,
  dataTransfers,
  householdMembers,
  households,
  people,
  teams,
  users,
} from '../../db/schema';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { Actor } from '../../platform/access/actor';
import { consentInForce } from '../../platform/access/person-access';
import type { PersonRow } from '../people/people.repository';
import { caseVisibleTo } from './case-scope';

export type CaseRow = typeof cases.$inferSelect;
export type CaseTeamMemberRow = typeof caseTeamMembers.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseValues = Omit<typeof cases.$inferInsert, 'id' | 'version'>;
export type CaseTeamMemberValues = Omit<typeof caseTeamMembers.$inferInsert, 'id'>;
export type CaseEventValues = Omit<typeof caseEvents.$inferInsert, 'id'>;

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };

/**
 * A team membership with the names the presenter shows; `consentInForce` for a membership on a
 * consent (null otherwise, or when the caller did not ask).
 */
export type TeamMemberEntry = {
  member: CaseTeamMemberRow;
  agency: Ref;
  user: UserRef | null;
  consentInForce: boolean | null;
};

/** A case with everything the detail view needs. */
export type CaseRecord = {
  case: CaseRow;
  person: PersonRow;
  household: { id: string; kind: string; name: string | null } | null;
  leadUser: UserRef;
  leadAgency: Ref;
  team: TeamMemberEntry[];
  assessmentCompleted: boolean;
};

/** A row of a case list. */
export type CaseListRow = { case: CaseRow; person: PersonRow; leadUser: UserRef; leadAgency: Ref };

/** A staff account as the case rules need it. */
export type StaffUser = {
  id: string;
  displayName: string;
  agencyId: string;
  teamId: string | null;
  roles: string[];
  active: boolean;
};

/** The roles that work on cases (case.write): only they can lead a case or be named on a team. */
export const CASE_WORK_ROLES = ['caseworker', 'team_lead'] as const;

/** Ids among `ids` the actor may see at `now` (case-scope.ts). */
export async function caseIdsVisibleTo(db: Db, actor: Actor, ids: readonly string[], now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...ids]), caseVisibleTo(actor, now)));
  return rows.map((r) => r.id);
}

/** Ids among `ids` whose lead agency is the agency. */
export async function caseIdsLedByAgency(db: Db, ids: readonly string[], agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...ids]), eq(cases.leadAgencyId, agencyId)));
  return rows.map((r) => r.id);
}

const leadUser = alias(users, 'lead_user');
const leadAgency = alias(agencies, 'lead_agency');

export async function hasCompletedAssessment(db: Db, caseId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(caseAssessments)
    .where(and(eq(caseAssessments.caseId, caseId), eq(caseAssessments.status, 'completed')))
    .limit(1);
  return rows.length > 0;
}

/**
 * Whether the consent is one of the person's and in force on `today` for the agency (the
 * definition of person-access.ts `consentInForce`).
 */
export async function consentInForceFor(
  db: Db,
  consentId: string,
  personId: string,
  agencyId: string,
  today: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(eq(consents.id, consentId), eq(consents.personId, personId), consentInForce('consents', agencyId, today)),
    )
    .limit(1);
  return rows.length > 0;
}

/** Every membership of a case (current and former) with agency and user names; with `now`, also whether consents are in force. */
export async function teamOf(db: Db, caseId: string, now?: Date): Promise<TeamMemberEntry[]> {
  const rows = await db
    .select({
      member: caseTeamMembers,
      agency: { id: agencies.id, name: agencies.name },
      userId: users.id,
      userName: users.displayName,
    })
    .from(caseTeamMembers)
    .innerJoin(agencies, eq(agencies.id, caseTeamMembers.agencyId))
    .leftJoin(users, eq(users.id, caseTeamMembers.userId))
    .where(eq(caseTeamMembers.caseId, caseId))
    .orderBy(asc(caseTeamMembers.joinedAt), asc(caseTeamMembers.id));
  const entries: TeamMemberEntry[] = rows.map((r) => ({
    member: r.member,
    agency: r.agency,
    user: r.userId ? { id: r.userId, displayName: r.userName! } : null,
    consentInForce: null,
  }));
  if (now) {
    const today = todayIn(now);
    for (const e of entries) {
      if (e.member.consentId === null) continue;
      const [k] = await db
        .select({ id: consents.id })
        .from(consents)
        .where(and(eq(consents.id, e.member.consentId), consentInForce('consents', e.member.agencyId, today)))
        .limit(1);
      e.consentInForce = k !== undefined;
    }
  }
  return entries;
}

/**
 * Ends the transfers made for the team work of an agency that leaves the team (purpose limitation,
 * § 78 SGB X): their validity ends with the day before `today`, so the recipient's access on them
 * ends with the next request. The rows stay in the transfer log.
 */
export async function endTeamTransfers(tx: Db, caseId: string, agencyId: string, today: string): Promise<number> {
  const rows = await tx
    .update(dataTransfers)
    .set({ validUntil: sql`(${today}::date - 1)` })
    .where(
      and(
        eq(dataTransfers.caseId, caseId),
        eq(dataTransfers.toAgencyId, agencyId),
        gte(dataTransfers.validUntil, today),
      ),
    )
    .returning({ id: dataTransfers.id });
  return rows.length;
}

export async function insertDataTransfer(tx: Db, values: typeof dataTransfers.$inferInsert): Promise<string> {
  const [row] = await tx.insert(dataTransfers).values(values).returning({ id: dataTransfers.id });
  return row!.id;
}

export async function findCaseRecord(db: Db, id: string, now: Date): Promise<CaseRecord | undefined> {
  const [head] = await db
    .select({
      case: cases,
      person: people,
      household: { id: households.id, kind: households.kind, name: households.name },
      leadUser: { id: leadUser.id, displayName: leadUser.displayName },
      leadAgency: { id: leadAgency.id, name: leadAgency.name },
    })
    .from(cases)
    .innerJoin(people, eq(people.id, cases.personId))
    .leftJoin(households, eq(households.id, cases.householdId))
    .innerJoin(leadUser, eq(leadUser.id, cases.leadUserId))
    .innerJoin(leadAgency, eq(leadAgency.id, cases.leadAgencyId))
    .where(eq(cases.id, id))
    .limit(1);
  if (!head) return undefined;
  return {
    ...head,
    household: head.case.householdId ? head.household : null,
    team: await teamOf(db, id, now),
    assessmentCompleted: await hasCompletedAssessment(db, id),
  };
}

/**
 * Locks the case row for the rest of the transaction and returns it. Every write to a case takes
 * this lock first (and only then the audit chain's lock), so concurrent writes to one case queue
 * here and each sees the version the previous one left.
 */
export async function lockCase(tx: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
  return row;
}

/**
 * Compare-and-set: updates the case only if it still has `expectedVersion` and bumps the version.
 * Returns the new version, or null when someone else changed it first.
 */
export async function updateCaseIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<CaseValues>,
): Promise<number | null> {
  const rows = await db
    .update(cases)
    .set({ ...values, version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, id), eq(cases.version, expectedVersion)))
    .returning({ version: cases.version });
  return rows[0]?.version ?? null;
}

/** Arbitrary constant for pg_advisory_xact_lock: serialises the allocation of case references. */
const CASE_REFERENCE_LOCK = 727_274_104;

/**
 * The next file reference of a year, "F-2026-00042": one more than the highest of that year.
 * Allocation is serialised by a transaction-scoped advisory lock, so two concurrent creations never
 * pick the same number; a rolled-back creation leaves no gap, a deleted case may (references are
 * unique, not gap-free). Call inside the transaction that inserts the case.
 */
export async function nextCaseReference(tx: Db, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_REFERENCE_LOCK})`);
  const prefix = `F-${year}-`;
  const [row] = await tx
    .select({
      max: sql<number | null>`max(cast(split_part(${cases.reference}, '-', 3) as integer))`,
    })
    .from(cases)
    .where(sql`${cases.reference} like ${`${prefix}%`}`);
  const next = Number(row?.max ?? 0) + 1;
  return `${prefix}${String(next).padStart(5, '0')}`;
}

export async function insertCase(tx: Db, values: CaseValues): Promise<string> {
  const [row] = await tx.insert(cases).values(values).returning({ id: cases.id });
  return row!.id;
}

export async function insertTeamMember(tx: Db, values: CaseTeamMemberValues): Promise<string> {
  const [row] = await tx.insert(caseTeamMembers).values(values).returning({ id: caseTeamMembers.id });
  return row!.id;
}

/** Ends a current membership; false when it was not current. */
export async function endTeamMember(tx: Db, memberId: string, leftAt: Date): Promise<boolean> {
  const rows = await tx
    .update(caseTeamMembers)
    .set({ leftAt })
    .where(and(eq(caseTeamMembers.id, memberId), isNull(caseTeamMembers.leftAt)))
    .returning({ id: caseTeamMembers.id });
  return rows.length > 0;
}

export async function updateTeamMember(
  tx: Db,
  memberId: string,
  values: Partial<Pick<CaseTeamMemberValues, 'role' | 'userId'>>,
): Promise<void> {
  await tx.update(caseTeamMembers).set(values).where(eq(caseTeamMembers.id, memberId));
}

export async function insertCaseEvent(tx: Db, values: CaseEventValues): Promise<string> {
  const [row] = await tx.insert(caseEvents).values(values).returning({ id: caseEvents.id });
  return row!.id;
}

export async function findStaffUser(db: Db, id: string): Promise<StaffUser | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      agencyId: users.agencyId,
      teamId: users.teamId,
      roles: users.roles,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function agencyExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id)).limit(1);
  return rows.length > 0;
}

/** Whether the person is a member of the household on `today` ('YYYY-MM-DD'). */
export async function isCurrentHouseholdMember(
  db: Db,
  householdId: string,
  personId: string,
  today: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .where(
      and(
        eq(householdMembers.householdId, householdId),
        eq(householdMembers.personId, personId),
        sql`${householdMembers.validFrom} <= ${today}::date`,
        or(isNull(householdMembers.validUntil), gte(householdMembers.validUntil, today)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Lists

/** The position of the phase in the cycle, for sorting by phase (not alphabetically). */
const phaseOrder = sql`array_position(array[${sql.join(
  casePhases.map((p) => sql`${p}`),
  sql`, `,
)}]::text[], ${cases.phase})`;

/** `%text%` for ILIKE, with the wildcards of the text itself escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type CaseListFilter = Pick<CaseListQuery, 'scope' | 'status' | 'phase' | 'personId' | 'q'> & {
  actor: Actor;
  now: Date;
  userId: string;
  teamId: string | null;
};

function listConditions(f: CaseListFilter): SQL {
  const conditions: (SQL | undefined)[] = [caseVisibleTo(f.actor, f.now)];
  if (f.scope === 'mine' || (f.scope === 'team' && f.teamId === null)) {
    // Without a team, the actor's team is the actor.
    conditions.push(
      or(
        eq(cases.leadUserId, f.userId),
        exists(
          sql`(select 1 from ${caseTeamMembers} where ${and(
            eq(caseTeamMembers.caseId, cases.id),
            eq(caseTeamMembers.userId, f.userId),
            isNull(caseTeamMembers.leftAt),
          )})`,
        ),
      ),
    );
  } else if (f.scope === 'team') {
    conditions.push(eq(leadUser.teamId, f.teamId!));
  }
  if (f.status === 'open') conditions.push(ne(cases.phase, 'closure'));
  if (f.status === 'closed') conditions.push(eq(cases.phase, 'closure'));
  if (f.phase) conditions.push(eq(cases.phase, f.phase));
  if (f.personId) conditions.push(eq(cases.personId, f.personId));
  if (f.q) {
    const pattern = containing(f.q);
    conditions.push(
      or(
        ilike(cases.reference, pattern),
        ilike(cases.title, pattern),
        ilike(sql`${people.givenNames} || ' ' || ${people.familyName}`, pattern),
        ilike(sql`${people.familyName} || ' ' || ${people.givenNames}`, pattern),
      ),
    );
  }
  return and(...conditions)!;
}

const listColumns = {
  case: cases,
  person: people,
  leadUser: { id: leadUser.id, displayName: leadUser.displayName },
  leadAgency: { id: leadAgency.id, name: leadAgency.name },
};

/** One page of the cases matching the filter, sorted in SQL, and the total. */
export async function listCases(
  db: Db,
  f: CaseListFilter,
  sort: CaseListQuery['sort'],
  dir: CaseListQuery['dir'],
  limit: number,
  offset: number,
): Promise<{ rows: CaseListRow[]; total: number }> {
  const where = listConditions(f);
  const key = {
    updatedAt: sql`${cases.updatedAt}`,
    openedAt: sql`${cases.openedAt}`,
    phase: phaseOrder,
    reference: sql`${cases.reference}`,
  }[sort];
  const order = dir === 'asc' ? asc : desc;
  const rows = await db
    .select(listColumns)
    .from(cases)
    .innerJoin(people, eq(people.id, cases.personId))
    .innerJoin(leadUser, eq(leadUser.id, cases.leadUserId))
    .innerJoin(leadAgency, eq(leadAgency.id, cases.leadAgencyId))
    .where(where)
    .orderBy(order(key), order(cases.reference), asc(cases.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(cases)
    .innerJoin(people, eq(people.id, cases.personId))
    .innerJoin(leadUser, eq(leadUser.id, cases.leadUserId))
    .where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The person's cases the actor may see, newest first. */
export async function casesOfPerson(db: Db, personId: string, actor: Actor, now: Date): Promise<CaseListRow[]> {
  return db
    .select(listColumns)
    .from(cases)
    .innerJoin(people, eq(people.id, cases.personId))
    .innerJoin(leadUser, eq(leadUser.id, cases.leadUserId))
    .innerJoin(leadAgency, eq(leadAgency.id, cases.leadAgencyId))
    .where(and(eq(cases.personId, personId), caseVisibleTo(actor, now)))
    .orderBy(desc(cases.openedAt), desc(cases.reference));
}

// ---------------------------------------------------------------------------------------------
// Timeline

export type TimelineRow = { event: CaseEventRow; actor: UserRef | null; agency: Ref | null };

/**
 * Who an entry about a restricted record (a confidential note or document, later anything the
 * data-protection rules restrict) is visible to, stored in the entry's details: only the agency
 * `visibleToAgencyId`, only the user `visibleToUserId`, or both conditions. An entry without
 * these keys is visible to the whole case team. The timeline filters on them in SQL, so an entry
 * the viewer may not see is missing from the page and from the total alike.
 */
export type EventRestriction = { visibleToAgencyId?: string; visibleToUserId?: string };
export const EVENT_RESTRICTION_KEYS = ['visibleToAgencyId', 'visibleToUserId'] as const;

/** The colleague looking at the timeline. */
export type TimelineViewer = { agencyId: string; userId: string };

function eventVisibleTo(viewer: TimelineViewer): SQL {
  const agency = sql`${caseEvents.details}->>'visibleToAgencyId'`;
  const user = sql`${caseEvents.details}->>'visibleToUserId'`;
  return and(
    or(sql`${agency} is null`, sql`${agency} = ${viewer.agencyId}`),
    or(sql`${user} is null`, sql`${user} = ${viewer.userId}`),
  )!;
}

/**
 * Sets the restriction of every entry of the case whose details name the record
 * (`details[key] = recordId`), e.g. when a note's confidentiality changes: its earlier entries
 * follow, so a note made private does not stay visible through its history.
 */
export async function restrictCaseEvents(
  tx: Db,
  caseId: string,
  key: string,
  recordId: string,
  restriction: EventRestriction,
): Promise<void> {
  await tx
    .update(caseEvents)
    .set({
      details: sql`(${caseEvents.details} - 'visibleToAgencyId' - 'visibleToUserId') || ${JSON.stringify(restriction)}::jsonb`,
    })
    .where(and(eq(caseEvents.caseId, caseId), sql`${caseEvents.details}->>${key} = ${recordId}`));
}

export async function timelineOf(
  db: Db,
  caseId: string,
  viewer: TimelineViewer,
  filter: { kind?: string; agencyId?: string },
  limit: number,
  offset: number,
): Promise<{ rows: TimelineRow[]; total: number }> {
  const where = and(
    eq(caseEvents.caseId, caseId),
    eventVisibleTo(viewer),
    filter.kind ? eq(caseEvents.kind, filter.kind) : undefined,
    filter.agencyId ? eq(caseEvents.actorAgencyId, filter.agencyId) : undefined,
  );
  const rows = await db
    .select({
      event: caseEvents,
      actorId: users.id,
      actorName: users.displayName,
      agencyId: agencies.id,
      agencyName: agencies.name,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .leftJoin(agencies, eq(agencies.id, caseEvents.actorAgencyId))
    .where(where)
    .orderBy(desc(caseEvents.occurredAt), desc(caseEvents.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(caseEvents).where(where);
  return {
    rows: rows.map((r) => ({
      event: r.event,
      actor: r.actorId ? { id: r.actorId, displayName: r.actorName! } : null,
      agency: r.agencyId ? { id: r.agencyId, name: r.agencyName! } : null,
    })),
    total: Number(total?.n ?? 0),
  };
}

export async function userRefs(db: Db, ids: readonly string[]): Promise<Map<string, UserRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function agencyRefs(db: Db, ids: readonly string[]): Promise<Map<string, Ref>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------------------------------------
// Workload

export type WorkloadScope = { agencyId: string; teamId: string | null };

/** Cases led by the agency (or by members of the team) that the actor sees, counted per lead and phase. */
export async function workloadCounts(
  db: Db,
  scope: WorkloadScope & { actor: Actor; now: Date },
): Promise<{ leadUserId: string; phase: CasePhase; n: number }[]> {
  const rows = await db
    .select({ leadUserId: cases.leadUserId, phase: cases.phase, n: count() })
    .from(cases)
    .innerJoin(leadUser, eq(leadUser.id, cases.leadUserId))
    .where(
      and(
        eq(cases.leadAgencyId, scope.agencyId),
        scope.teamId ? eq(leadUser.teamId, scope.teamId) : undefined,
        caseVisibleTo(scope.actor, scope.now),
      ),
    )
    .groupBy(cases.leadUserId, cases.phase);
  return rows.map((r) => ({ leadUserId: r.leadUserId, phase: r.phase as CasePhase, n: Number(r.n) }));
}

/** The active colleagues of the scope who can lead cases, and the given users (e.g. current leads). */
export async function workloadStaff(
  db: Db,
  scope: WorkloadScope,
  alsoUserIds: readonly string[],
): Promise<{ id: string; displayName: string; active: boolean }[]> {
  const inScope = and(
    eq(users.agencyId, scope.agencyId),
    scope.teamId ? eq(users.teamId, scope.teamId) : undefined,
    eq(users.active, true),
    arrayOverlaps(users.roles, [...CASE_WORK_ROLES]),
  );
  return db
    .select({ id: users.id, displayName: users.displayName, active: users.active })
    .from(users)
    .where(alsoUserIds.length ? or(inScope, inArray(users.id, [...alsoUserIds])) : inScope)
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function teamRef(db: Db, teamId: string): Promise<Ref | undefined> {
  const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId)).limit(1);
  return row;
}
