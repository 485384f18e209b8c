import {
  aliasedTable,
  and,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, breakGlassGrants, notifications, people, personNameVariants, users } from '../../db/schema';
import type { PersonMatchRecord } from '../people/people.repository';

export type GrantRow = typeof breakGlassGrants.$inferSelect;

/** A grant with the names its lists show; the person's names are filtered by the presenter. */
export type GrantRecord = {
  grant: GrantRow;
  user: { id: string; displayName: string };
  agency: { id: string; name: string };
  person: { givenNames: string; familyName: string; registeredByAgencyId: string };
  reviewer: { id: string; displayName: string } | null;
};

/**
 * Emergency search candidates: people of ANY agency sharing a blocking key, not merged away. This
 * is deliberately not scoped by `personVisibleTo` — finding a person one cannot see is the point of
 * break-glass; the service shows only name, date of birth and the registering agency, and audits it.
 */
export async function findEmergencyCandidates(
  db: Db,
  keys: readonly string[],
  cap: number,
): Promise<PersonMatchRecord[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ person: people, agency: { id: agencies.id, name: agencies.name } })
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.registeredByAgencyId))
    .where(and(isNull(people.mergedIntoId), arrayOverlaps(people.blockingKeys, [...keys])))
    .orderBy(asc(people.createdAt), asc(people.id))
    .limit(cap);
  if (rows.length === 0) return [];
  const variants = await db
    .select()
    .from(personNameVariants)
    .where(
      inArray(
        personNameVariants.personId,
        rows.map((r) => r.person.id),
      ),
    )
    .orderBy(asc(personNameVariants.personId), asc(personNameVariants.position));
  return rows.map((r) => ({
    ...r,
    variants: variants.filter((v) => v.personId === r.person.id),
    identifiers: [],
  }));
}

/** The person a grant may be asked for: existing and not merged away. */
export async function findGrantablePerson(
  db: Db,
  id: string,
): Promise<{ id: string; registeredByAgencyId: string } | undefined> {
  const [row] = await db
    .select({ id: people.id, registeredByAgencyId: people.registeredByAgencyId })
    .from(people)
    .where(and(eq(people.id, id), isNull(people.mergedIntoId)));
  return row;
}

/** Serialises grant requests of one user for one person, so that two requests cannot both pass the "one active grant" rule. */
export async function lockUserPerson(tx: Db, userId: string, personId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`break-glass:${userId}:${personId}`}))`);
}

const activeAt = (now: Date): SQL =>
  and(
    isNull(breakGlassGrants.endedAt),
    sql`${breakGlassGrants.grantedAt} <= ${now.toISOString()}`,
    gt(breakGlassGrants.expiresAt, now),
  )!;

export async function findActiveGrant(
  db: Db,
  userId: string,
  personId: string,
  now: Date,
): Promise<GrantRow | undefined> {
  const [row] = await db
    .select()
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.userId, userId), eq(breakGlassGrants.personId, personId), activeAt(now)));
  return row;
}

export async function insertGrant(db: Db, values: typeof breakGlassGrants.$inferInsert): Promise<string> {
  const [row] = await db.insert(breakGlassGrants).values(values).returning({ id: breakGlassGrants.id });
  return row!.id;
}

/** Who is told about emergency access: the registering agency's active team leads and every active data protection officer. */
export async function notificationRecipients(db: Db, personAgencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(
          and(eq(users.agencyId, personAgencyId), sql`'team_lead' = any(${users.roles})`),
          sql`'data_protection_officer' = any(${users.roles})`,
        ),
      ),
    )
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

export async function insertNotifications(db: Db, values: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(notifications).values(values);
}

const reviewers = aliasedTable(users, 'reviewer');

function selectGrants(db: Db) {
  return db
    .select({
      grant: breakGlassGrants,
      user: { id: users.id, displayName: users.displayName },
      agency: { id: agencies.id, name: agencies.name },
      person: {
        givenNames: people.givenNames,
        familyName: people.familyName,
        registeredByAgencyId: people.registeredByAgencyId,
      },
      reviewerId: reviewers.id,
      reviewerName: reviewers.displayName,
    })
    .from(breakGlassGrants)
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .innerJoin(agencies, eq(agencies.id, breakGlassGrants.agencyId))
    .innerJoin(people, eq(people.id, breakGlassGrants.personId))
    .leftJoin(reviewers, eq(reviewers.id, breakGlassGrants.reviewedBy));
}

type SelectedGrant = {
  grant: GrantRow;
  user: { id: string; displayName: string };
  agency: { id: string; name: string };
  person: GrantRecord['person'];
  reviewerId: string | null;
  reviewerName: string | null;
};

const toRecord = (r: SelectedGrant): GrantRecord => ({
  grant: r.grant,
  user: r.user,
  agency: r.agency,
  person: r.person,
  reviewer: r.reviewerId && r.reviewerName ? { id: r.reviewerId, displayName: r.reviewerName } : null,
});

export async function findGrantRecord(db: Db, id: string): Promise<GrantRecord | undefined> {
  const rows = await selectGrants(db).where(eq(breakGlassGrants.id, id));
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** The user's own grants: active ones first, then newest first. */
export async function listUserGrants(
  db: Db,
  userId: string,
  now: Date,
  page: number,
  pageSize: number,
): Promise<{ rows: GrantRecord[]; total: number }> {
  const where = eq(breakGlassGrants.userId, userId);
  const [totalRow] = await db.select({ n: count() }).from(breakGlassGrants).where(where);
  const rows = await selectGrants(db)
    .where(where)
    .orderBy(
      sql`case when ${activeAt(now)} then 0 else 1 end`,
      desc(breakGlassGrants.grantedAt),
      desc(breakGlassGrants.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows: rows.map(toRecord), total: Number(totalRow?.n ?? 0) };
}

/** Grants to review: all (`personAgencyId` null) or those on people registered by one agency. */
export async function listReviewGrants(
  db: Db,
  filter: { personAgencyId: string | null; status: 'open' | 'reviewed'; page: number; pageSize: number },
): Promise<{ rows: GrantRecord[]; total: number }> {
  const where = and(
    filter.status === 'open' ? isNull(breakGlassGrants.reviewedAt) : isNotNull(breakGlassGrants.reviewedAt),
    filter.personAgencyId === null
      ? undefined
      : sql`${breakGlassGrants.personId} in (select p.id from people p where p.registered_by_agency_id = ${filter.personAgencyId})`,
  );
  const [totalRow] = await db.select({ n: count() }).from(breakGlassGrants).where(where);
  const rows = await selectGrants(db)
    .where(where)
    .orderBy(
      desc(filter.status === 'open' ? breakGlassGrants.grantedAt : breakGlassGrants.reviewedAt),
      desc(breakGlassGrants.id),
    )
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows: rows.map(toRecord), total: Number(totalRow?.n ?? 0) };
}

/** Ends an active grant; false when it was no longer active. */
export async function endGrant(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(breakGlassGrants)
    .set({ endedAt: now })
    .where(and(eq(breakGlassGrants.id, id), activeAt(now)))
    .returning({ id: breakGlassGrants.id });
  return rows.length === 1;
}

/** Records the review once; false when someone reviewed it first. */
export async function reviewGrant(
  db: Db,
  id: string,
  values: { reviewedAt: Date; reviewedBy: string; reviewOutcome: string; reviewNote: string | null },
): Promise<boolean> {
  const rows = await db
    .update(breakGlassGrants)
    .set(values)
    .where(and(eq(breakGlassGrants.id, id), isNull(breakGlassGrants.reviewedAt)))
    .returning({ id: breakGlassGrants.id });
  return rows.length === 1;
}
