import { and, asc, desc, eq, ilike, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  addresses,
  casePlanSteps,
  casePlans,
  districts,
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
  resourceTaxonomyTerms,
  users,
} from '../../db/schema';

export type ServiceRow = typeof resourceServices.$inferSelect;
export type OrganizationRow = typeof resourceOrganizations.$inferSelect;
export type LocationRow = typeof resourceLocations.$inferSelect;
export type TaxonomyRow = typeof resourceTaxonomyTerms.$inferSelect;
type Ref = { id: string; name: string };

/** A location with its register address and district name. */
export type LocationEntry = {
  /** The service_at_location row linking service and location. */
  linkId: string;
  location: LocationRow;
  address: { street: string; houseNumber: string; postalCode: string; city: string } | null;
  district: Ref | null;
};

export async function taxonomyTerms(db: Db): Promise<TaxonomyRow[]> {
  return db
    .select()
    .from(resourceTaxonomyTerms)
    .orderBy(asc(resourceTaxonomyTerms.position), asc(resourceTaxonomyTerms.name));
}

export async function knownCategoryCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: resourceTaxonomyTerms.code })
    .from(resourceTaxonomyTerms)
    .where(inArray(resourceTaxonomyTerms.code, [...codes]));
  return new Set(rows.map((r) => r.code));
}

export async function findOrganization(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(resourceOrganizations).where(eq(resourceOrganizations.id, id));
  return row;
}

export async function insertOrganization(db: Db, values: typeof resourceOrganizations.$inferInsert): Promise<string> {
  const [row] = await db.insert(resourceOrganizations).values(values).returning({ id: resourceOrganizations.id });
  return row!.id;
}

export async function insertLocation(db: Db, values: typeof resourceLocations.$inferInsert): Promise<string> {
  const [row] = await db.insert(resourceLocations).values(values).returning({ id: resourceLocations.id });
  return row!.id;
}

export async function updateLocation(
  db: Db,
  id: string,
  values: Partial<typeof resourceLocations.$inferInsert>,
): Promise<void> {
  await db.update(resourceLocations).set(values).where(eq(resourceLocations.id, id));
}

export async function deleteLocation(db: Db, id: string): Promise<void> {
  await db.delete(resourceLocations).where(eq(resourceLocations.id, id));
}

export async function linkServiceLocation(db: Db, serviceId: string, locationId: string, id?: string): Promise<void> {
  await db
    .insert(resourceServiceLocations)
    .values({ serviceId, locationId, ...(id ? { id } : {}) })
    .onConflictDoNothing();
}

export async function insertService(db: Db, values: typeof resourceServices.$inferInsert): Promise<string> {
  const [row] = await db.insert(resourceServices).values(values).returning({ id: resourceServices.id });
  return row!.id;
}

export async function findService(db: Db, id: string, forUpdate = false): Promise<ServiceRow | undefined> {
  const q = db.select().from(resourceServices).where(eq(resourceServices.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Compare-and-set on the version; undefined when another write came first. */
export async function updateServiceIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof resourceServices.$inferInsert>,
): Promise<ServiceRow | undefined> {
  const [row] = await db
    .update(resourceServices)
    .set({ ...values, version: sql`${resourceServices.version} + 1` })
    .where(and(eq(resourceServices.id, id), eq(resourceServices.version, version)))
    .returning();
  return row;
}

export async function deleteService(db: Db, id: string): Promise<void> {
  await db.delete(resourceServices).where(eq(resourceServices.id, id));
}

/** The locations of services, first linked first (the edit form shows the first one). */
export async function locationsOfServices(
  db: Db,
  serviceIds: readonly string[],
): Promise<Map<string, LocationEntry[]>> {
  const out = new Map<string, LocationEntry[]>();
  if (serviceIds.length === 0) return out;
  const rows = await db
    .select({
      serviceId: resourceServiceLocations.serviceId,
      linkId: resourceServiceLocations.id,
      location: resourceLocations,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      postalCode: addresses.postalCode,
      city: addresses.city,
      districtName: districts.name,
    })
    .from(resourceServiceLocations)
    .innerJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
    .leftJoin(addresses, eq(addresses.id, resourceLocations.addressId))
    .leftJoin(districts, eq(districts.id, resourceLocations.districtId))
    .where(inArray(resourceServiceLocations.serviceId, [...serviceIds]))
    .orderBy(asc(resourceServiceLocations.id));
  for (const r of rows) {
    const list = out.get(r.serviceId) ?? [];
    list.push({
      linkId: r.linkId,
      location: r.location,
      address:
        r.street === null
          ? null
          : { street: r.street, houseNumber: r.houseNumber!, postalCode: r.postalCode!, city: r.city! },
      district: r.location.districtId && r.districtName ? { id: r.location.districtId, name: r.districtName } : null,
    });
    out.set(r.serviceId, list);
  }
  return out;
}

/** How many other services share a location (an edit of the location then affects them too). */
export async function servicesAtLocation(db: Db, locationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(resourceServiceLocations)
    .where(eq(resourceServiceLocations.locationId, locationId));
  return row?.n ?? 0;
}

export async function organizationRefs(db: Db, ids: readonly string[]): Promise<Map<string, OrganizationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(resourceOrganizations)
    .where(inArray(resourceOrganizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userName(db: Db, id: string | null): Promise<{ id: string; displayName: string } | null> {
  if (!id) return null;
  const [row] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Plans not ended (draft or agreed) with a step linking the service. */
export async function openPlanCount(db: Db, serviceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${casePlans.id})::int` })
    .from(casePlanSteps)
    .innerJoin(casePlans, eq(casePlans.id, casePlanSteps.planId))
    .where(and(eq(casePlanSteps.resourceId, serviceId), ne(casePlans.status, 'ended')));
  return row?.n ?? 0;
}

/** Any plan step (of any plan) linking the service: the foreign key forbids deleting it then. */
export async function planStepCount(db: Db, serviceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(casePlanSteps)
    .where(eq(casePlanSteps.resourceId, serviceId));
  return row?.n ?? 0;
}

export type ServiceListFilter = {
  q?: string;
  category?: string;
  districtId?: string;
  status?: string;
  language?: string;
  verifiedBefore?: string;
  sort: 'name' | 'verifiedOn' | 'updatedAt';
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listServices(db: Db, f: ServiceListFilter): Promise<{ rows: ServiceRow[]; total: number }> {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(
      or(
        ilike(resourceServices.name, like),
        ilike(resourceServices.description, like),
        ilike(resourceServices.alternateName, like),
        sql`exists (select 1 from ${resourceOrganizations} o where o.id = ${resourceServices.organizationId} and o.name ilike ${like})`,
      )!,
    );
  }
  if (f.category) where.push(sql`${f.category} = any(${resourceServices.categories})`);
  if (f.language) where.push(sql`${f.language} = any(${resourceServices.languages})`);
  if (f.status) where.push(eq(resourceServices.status, f.status));
  if (f.verifiedBefore)
    where.push(or(isNull(resourceServices.verifiedOn), lt(resourceServices.verifiedOn, f.verifiedBefore))!);
  if (f.districtId) {
    where.push(
      sql`exists (select 1 from ${resourceServiceLocations} sl join ${resourceLocations} l on l.id = sl.location_id
        where sl.service_id = ${resourceServices.id} and l.district_id = ${f.districtId})`,
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const dir = f.dir === 'desc' ? desc : asc;
  const order =
    f.sort === 'verifiedOn'
      ? [
          f.dir === 'desc'
            ? sql`${resourceServices.verifiedOn} desc nulls last`
            : sql`${resourceServices.verifiedOn} asc nulls first`,
        ]
      : f.sort === 'updatedAt'
        ? [dir(resourceServices.updatedAt)]
        : [dir(sql`lower(${resourceServices.name})`)];
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(resourceServices)
      .where(cond)
      .orderBy(...order, asc(resourceServices.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(resourceServices)
      .where(cond),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** Statuses given: only those; the public feed asks for active and temporarily closed. */
export async function allServices(db: Db, statuses?: readonly string[]): Promise<ServiceRow[]> {
  return db
    .select()
    .from(resourceServices)
    .where(statuses ? inArray(resourceServices.status, [...statuses]) : undefined)
    .orderBy(asc(resourceServices.name), asc(resourceServices.id));
}

export async function allOrganizations(db: Db): Promise<OrganizationRow[]> {
  return db
    .select()
    .from(resourceOrganizations)
    .orderBy(asc(resourceOrganizations.name), asc(resourceOrganizations.id));
}

export async function hasAnyResource(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: resourceServices.id }).from(resourceServices).limit(1);
  return row !== undefined;
}

/** The district the register already knows for an address (null when none). */
export async function addressDistrictId(db: Db, addressId: string): Promise<string | null> {
  const [row] = await db
    .select({ districtId: addresses.districtId })
    .from(addresses)
    .where(eq(addresses.id, addressId));
  return row?.districtId ?? null;
}

export async function unlinkServiceLocation(db: Db, serviceId: string, locationId: string): Promise<void> {
  await db
    .delete(resourceServiceLocations)
    .where(and(eq(resourceServiceLocations.serviceId, serviceId), eq(resourceServiceLocations.locationId, locationId)));
}
