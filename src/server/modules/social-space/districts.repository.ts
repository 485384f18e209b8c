import { and, asc, count, countDistinct, eq, gte, inArray, isNull, lte, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  agencies,
  addresses,
  districtStaff,
  districts,
  explorations,
  people,
  personAddresses,
  resourceLocations,
  resourceServiceLocations,
  resourceServices,
  users,
  type DistrictGeometry,
} from '../../db/schema';

export type DistrictRow = typeof districts.$inferSelect;

export async function listDistricts(db: Db): Promise<DistrictRow[]> {
  return db.select().from(districts).orderBy(asc(districts.code));
}

export async function findDistrict(db: Db, id: string): Promise<DistrictRow | undefined> {
  const rows = await db.select().from(districts).where(eq(districts.id, id)).limit(1);
  return rows[0];
}

/** Active staff assigned per district. */
export async function staffCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ districtId: districtStaff.districtId, n: count() })
    .from(districtStaff)
    .innerJoin(users, eq(users.id, districtStaff.userId))
    .where(eq(users.active, true))
    .groupBy(districtStaff.districtId);
  return new Map(rows.map((r) => [r.districtId, Number(r.n)]));
}

/**
 * People with a current residence (residence or accommodation address valid on `today`) per
 * district: an aggregate over every agency's clients, never a list. Merged and anonymised
 * records do not count; a person with two current addresses in one district counts once.
 */
export async function clientCounts(db: Db, today: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ districtId: addresses.districtId, n: countDistinct(personAddresses.personId) })
    .from(personAddresses)
    .innerJoin(addresses, eq(addresses.id, personAddresses.addressId))
    .innerJoin(people, eq(people.id, personAddresses.personId))
    .where(
      and(
        inArray(personAddresses.kind, ['residence', 'accommodation']),
        or(isNull(personAddresses.validFrom), lte(personAddresses.validFrom, today)),
        or(isNull(personAddresses.validUntil), gte(personAddresses.validUntil, today)),
        isNull(people.mergedIntoId),
        isNull(people.anonymisedAt),
        sql`${addresses.districtId} is not null`,
      ),
    )
    .groupBy(addresses.districtId);
  return new Map(rows.map((r) => [r.districtId!, Number(r.n)]));
}

/** Services (not defunct) offered at a location in each district. */
export async function resourceCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ districtId: resourceLocations.districtId, n: countDistinct(resourceServices.id) })
    .from(resourceServiceLocations)
    .innerJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
    .innerJoin(resourceServices, eq(resourceServices.id, resourceServiceLocations.serviceId))
    .where(and(ne(resourceServices.status, 'defunct'), sql`${resourceLocations.districtId} is not null`))
    .groupBy(resourceLocations.districtId);
  return new Map(rows.map((r) => [r.districtId!, Number(r.n)]));
}

/** The latest exploration date per district. */
export async function lastExplorations(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ districtId: explorations.districtId, last: max(explorations.exploredOn) })
    .from(explorations)
    .groupBy(explorations.districtId);
  return new Map(rows.filter((r) => r.last).map((r) => [r.districtId, r.last!]));
}

export async function staffOf(db: Db, districtId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      agencyId: agencies.id,
      agencyName: agencies.name,
      assignedAt: districtStaff.assignedAt,
    })
    .from(districtStaff)
    .innerJoin(users, eq(users.id, districtStaff.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(districtStaff.districtId, districtId), eq(users.active, true)))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function findUser(db: Db, userId: string) {
  const rows = await db
    .select({
      id: users.id,
      agencyId: users.agencyId,
      active: users.active,
      roles: users.roles,
      displayName: users.displayName,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0];
}

export async function isAssigned(db: Db, districtId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: districtStaff.userId })
    .from(districtStaff)
    .where(and(eq(districtStaff.districtId, districtId), eq(districtStaff.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

export async function insertStaff(db: Db, districtId: string, userId: string, by: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(districtStaff)
    .values({ districtId, userId, assignedBy: by, assignedAt: now })
    .onConflictDoNothing()
    .returning({ userId: districtStaff.userId });
  return rows.length > 0;
}

export async function deleteStaff(db: Db, districtId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(districtStaff)
    .where(and(eq(districtStaff.districtId, districtId), eq(districtStaff.userId, userId)))
    .returning({ userId: districtStaff.userId });
  return rows.length > 0;
}

/** Writes the values when the version still matches; answers whether it did. */
export async function updateDistrictIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<Pick<DistrictRow, 'explorationCadenceDays' | 'population' | 'populationAsOf'>>,
): Promise<boolean> {
  const rows = await db
    .update(districts)
    .set({ ...values, version: version + 1 })
    .where(and(eq(districts.id, id), eq(districts.version, version)))
    .returning({ id: districts.id });
  return rows.length > 0;
}

export async function setOutline(db: Db, id: string, geometry: DistrictGeometry): Promise<void> {
  await db
    .update(districts)
    .set({ geometry, version: sql`${districts.version} + 1` })
    .where(eq(districts.id, id));
}
