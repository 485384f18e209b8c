import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, householdMembers, households, people } from '../../db/schema';
import type { PersonRow } from './people.repository';

export type HouseholdRow = typeof households.$inferSelect;
export type HouseholdMemberRow = typeof householdMembers.$inferSelect;
export type HouseholdValues = Omit<typeof households.$inferInsert, 'id' | 'version'>;
export type HouseholdMemberValues = Omit<typeof householdMembers.$inferInsert, 'id' | 'householdId'>;

/** A household with its agency and every membership row (current and past) with the person. */
export type HouseholdRecord = {
  household: HouseholdRow;
  agency: { id: string; name: string };
  members: { member: HouseholdMemberRow; person: PersonRow }[];
};

/** A membership of some person in a household of a given kind (for the one-household rule). */
export type KindMembership = {
  memberId: string;
  householdId: string;
  personId: string;
  validFrom: string;
  validUntil: string | null;
};

export async function findHouseholdRecord(db: Db, id: string): Promise<HouseholdRecord | undefined> {
  const [head] = await db
    .select({ household: households, agency: { id: agencies.id, name: agencies.name } })
    .from(households)
    .innerJoin(agencies, eq(agencies.id, households.registeredByAgencyId))
    .where(eq(households.id, id))
    .limit(1);
  if (!head) return undefined;
  const members = await db
    .select({ member: householdMembers, person: people })
    .from(householdMembers)
    .innerJoin(people, eq(people.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, id))
    .orderBy(asc(householdMembers.validFrom), asc(householdMembers.id));
  return { ...head, members };
}

/**
 * The household is kept by the agency, as a condition on `households`: the household part of the
 * visibility rule in households.policy.ts, also used where people's memberships are listed.
 */
export function householdKeptByAgency(agencyId: string): SQL {
  return eq(households.registeredByAgencyId, agencyId);
}

/** Ids among `ids` that exist and are kept by the agency. */
export async function householdIdsInAgency(db: Db, ids: readonly string[], agencyId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: households.id })
    .from(households)
    .where(and(inArray(households.id, [...ids]), householdKeptByAgency(agencyId)));
  return rows.map((r) => r.id);
}

/** Everyone who is or was a member of the household. */
export async function memberPersonIds(db: Db, householdId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: householdMembers.personId })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId));
  return rows.map((r) => r.personId);
}

/** The people among `ids` that were merged into another record, with the survivor's id. */
export async function mergedIntoOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, mergedIntoId: people.mergedIntoId })
    .from(people)
    .where(and(inArray(people.id, [...ids]), isNotNull(people.mergedIntoId)));
  return new Map(rows.map((r) => [r.id, r.mergedIntoId!]));
}

/** Names of people the caller already has in scope, for messages about them. */
export async function personNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName })
    .from(people)
    .where(inArray(people.id, [...ids]));
  return new Map(rows.map((r) => [r.id, `${r.givenNames} ${r.familyName}`]));
}

/**
 * Locks the household row for the rest of the transaction, so that membership rules (one current
 * head, the version) are checked against a state nobody changes underneath. Undefined if it is gone.
 */
export async function lockHousehold(db: Db, id: string): Promise<HouseholdRow | undefined> {
  const rows = await db.select().from(households).where(eq(households.id, id)).for('update');
  return rows[0];
}

/**
 * Serialises membership changes per person (transaction-scoped advisory locks, in a fixed order so
 * that two requests cannot deadlock): two households created at once cannot both take a person.
 */
export async function lockPeopleMemberships(db: Db, personIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(personIds)].sort()) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`household-membership:${id}`}, 0))`);
  }
}

/** All memberships (current and past) of the people in households of one kind. */
export async function membershipsOfKind(db: Db, personIds: readonly string[], kind: string): Promise<KindMembership[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      memberId: householdMembers.id,
      householdId: householdMembers.householdId,
      personId: householdMembers.personId,
      validFrom: householdMembers.validFrom,
      validUntil: householdMembers.validUntil,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(inArray(householdMembers.personId, [...personIds]), eq(households.kind, kind)));
}

export async function insertHousehold(
  db: Db,
  values: HouseholdValues,
  members: readonly HouseholdMemberValues[],
): Promise<string> {
  const [row] = await db.insert(households).values(values).returning({ id: households.id });
  const id = row!.id;
  if (members.length > 0) await db.insert(householdMembers).values(members.map((m) => ({ ...m, householdId: id })));
  return id;
}

export async function insertMember(db: Db, householdId: string, values: HouseholdMemberValues): Promise<string> {
  const [row] = await db
    .insert(householdMembers)
    .values({ ...values, householdId })
    .returning({ id: householdMembers.id });
  return row!.id;
}

/** Ends an open membership of the household; undefined when it is not (or no longer) open. */
export async function endMembership(
  db: Db,
  householdId: string,
  memberId: string,
  validUntil: string,
  endReason: string | null,
): Promise<HouseholdMemberRow | undefined> {
  const rows = await db
    .update(householdMembers)
    .set({ validUntil, endReason })
    .where(
      and(
        eq(householdMembers.id, memberId),
        eq(householdMembers.householdId, householdId),
        isNull(householdMembers.validUntil),
      ),
    )
    .returning();
  return rows[0];
}

/**
 * Compare-and-set on the household: applies `values` and bumps the version only if it still is
 * `expectedVersion`. Returns the new version, or null when someone else changed it in between.
 */
export async function updateHouseholdIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<Pick<HouseholdValues, 'kind' | 'name' | 'updatedAt'>>,
): Promise<number | null> {
  const rows = await db
    .update(households)
    .set({ ...values, version: sql`${households.version} + 1` })
    .where(and(eq(households.id, id), eq(households.version, expectedVersion)))
    .returning({ version: households.version });
  return rows[0]?.version ?? null;
}

/** A person's memberships in one household (to find the row a member id names). */
export async function findMember(
  db: Db,
  householdId: string,
  memberId: string,
): Promise<HouseholdMemberRow | undefined> {
  const rows = await db
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.id, memberId), eq(householdMembers.householdId, householdId)))
    .limit(1);
  return rows[0];
}

/** The open memberships (no end yet) of a household. */
export async function openMembers(db: Db, householdId: string): Promise<HouseholdMemberRow[]> {
  return db
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), isNull(householdMembers.validUntil)));
}
