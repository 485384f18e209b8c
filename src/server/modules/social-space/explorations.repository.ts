import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  addresses,
  agencies,
  districts,
  explorationAddresses,
  explorationFollowUps,
  explorationResources,
  explorations,
  resourceServices,
  users,
} from '../../db/schema';

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };

export type ExplorationRow = typeof explorations.$inferSelect;
export type FollowUpRow = typeof explorationFollowUps.$inferSelect;

export type ExplorationRecord = {
  exploration: ExplorationRow;
  district: Ref;
  agency: Ref;
  createdBy: UserRef;
  resourceCount: number;
  addressCount: number;
  openFollowUps: number;
};

export type FollowUpRecord = {
  followUp: FollowUpRow;
  agency: Ref;
  user: UserRef | null;
  completedBy: UserRef | null;
  exploration: { id: string; exploredOn: string; district: Ref };
};

const creator = alias(users, 'creator');

const counts = {
  resourceCount: sql<number>`(select count(*) from exploration_resources er where er.exploration_id = "explorations"."id")::int`,
  addressCount: sql<number>`(select count(*) from exploration_addresses ea where ea.exploration_id = "explorations"."id")::int`,
  openFollowUps: sql<number>`(select count(*) from exploration_follow_ups f where f.exploration_id = "explorations"."id" and f.status = 'open')::int`,
};

function toRecord(r: {
  exploration: ExplorationRow;
  districtName: string;
  agencyName: string;
  creatorName: string;
  resourceCount: number;
  addressCount: number;
  openFollowUps: number;
}): ExplorationRecord {
  return {
    exploration: r.exploration,
    district: { id: r.exploration.districtId, name: r.districtName },
    agency: { id: r.exploration.agencyId, name: r.agencyName },
    createdBy: { id: r.exploration.createdBy, displayName: r.creatorName },
    resourceCount: Number(r.resourceCount),
    addressCount: Number(r.addressCount),
    openFollowUps: Number(r.openFollowUps),
  };
}

const recordColumns = {
  exploration: explorations,
  districtName: districts.name,
  agencyName: agencies.name,
  creatorName: creator.displayName,
  ...counts,
};

export type ExplorationFilter = { districtId?: string; agencyId?: string; from?: string; to?: string };

export async function listExplorations(
  db: Db,
  filter: ExplorationFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ExplorationRecord[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.districtId) conditions.push(eq(explorations.districtId, filter.districtId));
  if (filter.agencyId) conditions.push(eq(explorations.agencyId, filter.agencyId));
  if (filter.from) conditions.push(gte(explorations.exploredOn, filter.from));
  if (filter.to) conditions.push(lte(explorations.exploredOn, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select(recordColumns)
    .from(explorations)
    .innerJoin(districts, eq(districts.id, explorations.districtId))
    .innerJoin(agencies, eq(agencies.id, explorations.agencyId))
    .innerJoin(creator, eq(creator.id, explorations.createdBy))
    .where(where)
    .orderBy(desc(explorations.exploredOn), desc(explorations.createdAt), asc(explorations.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(explorations).where(where);
  return { rows: rows.map(toRecord), total: total?.n ?? 0 };
}

export async function findExploration(db: Db, id: string): Promise<ExplorationRecord | undefined> {
  const [row] = await db
    .select(recordColumns)
    .from(explorations)
    .innerJoin(districts, eq(districts.id, explorations.districtId))
    .innerJoin(agencies, eq(agencies.id, explorations.agencyId))
    .innerJoin(creator, eq(creator.id, explorations.createdBy))
    .where(eq(explorations.id, id))
    .limit(1);
  return row ? toRecord(row) : undefined;
}

export async function lockExploration(tx: Db, id: string): Promise<ExplorationRow | undefined> {
  const [row] = await tx.select().from(explorations).where(eq(explorations.id, id)).limit(1).for('update');
  return row;
}

export async function resourcesOfExploration(
  db: Db,
  id: string,
): Promise<{ service: Ref; change: string; note: string | null }[]> {
  const rows = await db
    .select({
      id: resourceServices.id,
      name: resourceServices.name,
      change: explorationResources.change,
      note: explorationResources.note,
    })
    .from(explorationResources)
    .innerJoin(resourceServices, eq(resourceServices.id, explorationResources.serviceId))
    .where(eq(explorationResources.explorationId, id))
    .orderBy(asc(explorationResources.change), asc(resourceServices.name));
  return rows.map((r) => ({ service: { id: r.id, name: r.name }, change: r.change, note: r.note }));
}

export async function addressesOfExploration(db: Db, id: string) {
  return db
    .select({ address: addresses })
    .from(explorationAddresses)
    .innerJoin(addresses, eq(addresses.id, explorationAddresses.addressId))
    .where(eq(explorationAddresses.explorationId, id))
    .orderBy(asc(addresses.street), asc(addresses.houseNumber));
}

/** Names of services (for stakeholders linked to a resource); missing ids are absent. */
export async function serviceNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: resourceServices.id, name: resourceServices.name })
    .from(resourceServices)
    .where(inArray(resourceServices.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active users with their agency (participants, assignees). */
export async function activeUsers(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { displayName: string; agencyId: string; agencyName: string; roles: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      agencyId: users.agencyId,
      agencyName: agencies.name,
      roles: users.roles,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(inArray(users.id, [...new Set(ids)]), eq(users.active, true)));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function existingIds(db: Db, table: 'districts' | 'agencies' | 'addresses', ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const t = table === 'districts' ? districts : table === 'agencies' ? agencies : addresses;
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(inArray(t.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------------------------------------
// Follow-ups

const assigneeUser = alias(users, 'assignee_user');
const completer = alias(users, 'completer');

export type FollowUpFilter = {
  id?: string;
  agencyId?: string;
  userId?: string;
  status?: string;
  explorationId?: string;
};

export async function listFollowUps(
  db: Db,
  filter: FollowUpFilter,
  limit: number,
  offset: number,
): Promise<{ rows: FollowUpRecord[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.id) conditions.push(eq(explorationFollowUps.id, filter.id));
  if (filter.agencyId) conditions.push(eq(explorationFollowUps.assigneeAgencyId, filter.agencyId));
  if (filter.userId) conditions.push(eq(explorationFollowUps.assigneeUserId, filter.userId));
  if (filter.status) conditions.push(eq(explorationFollowUps.status, filter.status));
  if (filter.explorationId) conditions.push(eq(explorationFollowUps.explorationId, filter.explorationId));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select({
      followUp: explorationFollowUps,
      agencyName: agencies.name,
      userId: assigneeUser.id,
      userName: assigneeUser.displayName,
      completerId: completer.id,
      completerName: completer.displayName,
      exploredOn: explorations.exploredOn,
      districtId: districts.id,
      districtName: districts.name,
    })
    .from(explorationFollowUps)
    .innerJoin(agencies, eq(agencies.id, explorationFollowUps.assigneeAgencyId))
    .innerJoin(explorations, eq(explorations.id, explorationFollowUps.explorationId))
    .innerJoin(districts, eq(districts.id, explorations.districtId))
    .leftJoin(assigneeUser, eq(assigneeUser.id, explorationFollowUps.assigneeUserId))
    .leftJoin(completer, eq(completer.id, explorationFollowUps.completedBy))
    .where(where)
    .orderBy(
      sql`${explorationFollowUps.dueDate} asc nulls last`,
      asc(explorationFollowUps.createdAt),
      asc(explorationFollowUps.id),
    )
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(explorationFollowUps).where(where);
  return {
    rows: rows.map((r) => ({
      followUp: r.followUp,
      agency: { id: r.followUp.assigneeAgencyId, name: r.agencyName },
      user: r.userId && r.userName ? { id: r.userId, displayName: r.userName } : null,
      completedBy: r.completerId && r.completerName ? { id: r.completerId, displayName: r.completerName } : null,
      exploration: {
        id: r.followUp.explorationId,
        exploredOn: r.exploredOn,
        district: { id: r.districtId, name: r.districtName },
      },
    })),
    total: total?.n ?? 0,
  };
}

export async function lockFollowUp(tx: Db, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await tx
    .select()
    .from(explorationFollowUps)
    .where(eq(explorationFollowUps.id, id))
    .limit(1)
    .for('update');
  return row;
}

export async function findFollowUp(db: Db, id: string): Promise<FollowUpRecord | undefined> {
  const { rows } = await listFollowUps(db, { id }, 1, 0);
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// Overview per district

export async function districtExplorationStats(
  db: Db,
  since: string,
): Promise<
  {
    id: string;
    code: string;
    name: string;
    cadenceDays: number;
    lastExploredOn: string | null;
    recent: number;
    openFollowUps: number;
  }[]
> {
  const rows = await db
    .select({
      id: districts.id,
      code: districts.code,
      name: districts.name,
      cadenceDays: districts.explorationCadenceDays,
      lastExploredOn: sql<
        string | null
      >`(select max(e.explored_on)::text from explorations e where e.district_id = "districts"."id")`,
      recent: sql<number>`(select count(*) from explorations e where e.district_id = "districts"."id" and e.explored_on > ${since}::date)::int`,
      openFollowUps: sql<number>`(select count(*) from exploration_follow_ups f join explorations e on e.id = f.exploration_id where e.district_id = "districts"."id" and f.status = 'open')::int`,
    })
    .from(districts)
    .orderBy(asc(districts.name));
  return rows.map((r) => ({ ...r, recent: Number(r.recent), openFollowUps: Number(r.openFollowUps) }));
}
