import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, auditEvents, cases, householdMembers, people, personNameVariants, users } from '../../db/schema';

export type PrivacyPersonRow = {
  id: string;
  givenNames: string;
  familyName: string;
  dateOfBirthRaw: string | null;
  agencyId: string;
  agencyName: string;
};

const personColumns = {
  id: people.id,
  givenNames: people.givenNames,
  familyName: people.familyName,
  dateOfBirthRaw: people.dateOfBirthRaw,
  agencyId: agencies.id,
  agencyName: agencies.name,
};

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People matching every term, over ALL people (no visibility filter: the data protection officer
 * answers requests for the whole municipality). A term matches a name part, a name variant, or —
 * when it is a date — the date of birth. Merged records are found through their survivor.
 */
export async function searchAllPeople(
  db: Db,
  terms: { names: string[]; dates: { year: number; month: number | null; day: number | null }[] },
  page: number,
  pageSize: number,
): Promise<{ rows: PrivacyPersonRow[]; total: number }> {
  const conditions: SQL[] = [isNull(people.mergedIntoId)];
  for (const name of terms.names) {
    const p = likePattern(name);
    conditions.push(
      or(
        sql`${people.givenNames} ilike ${p}`,
        sql`${people.familyName} ilike ${p}`,
        sql`exists (select 1 from ${personNameVariants} v where v.person_id = ${people.id}
          and (v.given_names ilike ${p} or v.family_name ilike ${p}))`,
      )!,
    );
  }
  for (const d of terms.dates) {
    const parts: SQL[] = [eq(people.dobYear, d.year)];
    if (d.month !== null) parts.push(eq(people.dobMonth, d.month));
    if (d.day !== null) parts.push(eq(people.dobDay, d.day));
    conditions.push(and(...parts)!);
  }
  const where = and(...conditions);
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.registeredByAgencyId))
    .where(where)
    .orderBy(asc(people.familyName), asc(people.givenNames), asc(people.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = (await db.select({ n: count() }).from(people).where(where)) as [{ n: number }];
  return { rows, total: Number(n) };
}

export async function findPrivacyPerson(db: Db, id: string): Promise<PrivacyPersonRow | null> {
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.registeredByAgencyId))
    .where(eq(people.id, id));
  return rows[0] ?? null;
}

/** Records merged into the person, also merges of merges (the survivor answers for all of them). */
export async function mergedInto(db: Db, personId: string): Promise<string[]> {
  const found: string[] = [];
  let frontier = [personId];
  // Merge chains are short (a handful of levels at most); one query per level.
  while (frontier.length > 0) {
    const rows = await db.select({ id: people.id }).from(people).where(inArray(people.mergedIntoId, frontier));
    frontier = rows.map((r) => r.id).filter((id) => id !== personId && !found.includes(id));
    found.push(...frontier);
  }
  return found;
}

/** Every record id whose audit events concern the people: the people, their cases, their households. */
export async function reportSubjectIds(db: Db, personIds: string[]): Promise<string[]> {
  const caseRows = await db.select({ id: cases.id }).from(cases).where(inArray(cases.personId, personIds));
  const householdRows = await db
    .selectDistinct({ id: householdMembers.householdId })
    .from(householdMembers)
    .where(inArray(householdMembers.personId, personIds));
  return [...personIds, ...caseRows.map((r) => r.id), ...householdRows.map((r) => r.id)];
}

export async function auditEventsAbout(db: Db, subjectIds: string[], from?: Date, to?: Date) {
  const conditions: SQL[] = [inArray(auditEvents.subjectId, subjectIds)];
  if (from) conditions.push(gte(auditEvents.occurredAt, from));
  if (to) conditions.push(lt(auditEvents.occurredAt, to));
  return db
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      type: auditEvents.type,
      outcome: auditEvents.outcome,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      details: auditEvents.details,
      actorUserId: auditEvents.actorUserId,
      actorUsername: auditEvents.actorUsername,
      actorAgencyId: auditEvents.actorAgencyId,
      actorDisplayName: users.displayName,
      agencyName: agencies.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
    .where(and(...conditions))
    .orderBy(asc(auditEvents.seq));
}
export type AuditEventAboutRow = Awaited<ReturnType<typeof auditEventsAbout>>[number];
