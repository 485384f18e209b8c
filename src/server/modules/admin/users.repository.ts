import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, teams, users } from '../../db/schema';

export type UserListFilter = {
  q?: string;
  agencyId?: string;
  active?: boolean;
  /** Restricts the list to one agency (the scope of an agency administrator). */
  scopeAgencyId?: string;
  sort: 'username' | 'displayName' | 'agency' | 'lastLoginAt';
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

const userColumns = {
  user: users,
  agency: { id: agencies.id, name: agencies.name },
  team: { id: teams.id, name: teams.name },
};

export type UserListRow = {
  user: typeof users.$inferSelect;
  agency: { id: string; name: string };
  team: { id: string; name: string } | null;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listUsers(db: Db, filter: UserListFilter): Promise<{ rows: UserListRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.scopeAgencyId) conditions.push(eq(users.agencyId, filter.scopeAgencyId));
  if (filter.agencyId) conditions.push(eq(users.agencyId, filter.agencyId));
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.email, pattern))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const sortColumn = {
    username: users.username,
    displayName: users.displayName,
    agency: agencies.name,
    lastLoginAt: users.lastLoginAt,
  }[filter.sort];
  const order = filter.dir === 'asc' ? asc(sortColumn) : desc(sortColumn);
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(where)
    .orderBy(filter.sort === 'lastLoginAt' ? sql`${order} NULLS LAST` : order, asc(users.username))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const totalRows = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where);
  return { rows, total: Number(totalRows[0]?.n ?? 0) };
}

export async function findUserRow(db: Db, id: string): Promise<UserListRow | undefined> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, id))
    .limit(1);
  return rows[0];
}

/** Ids among `ids` that exist, optionally only within one agency. */
export async function userIdsInScope(db: Db, ids: readonly string[], agencyId?: string): Promise<string[]> {
  const conditions = [inArray(users.id, [...ids])];
  if (agencyId) conditions.push(eq(users.agencyId, agencyId));
  const rows = await db.select({ id: users.id }).from(users).where(and(...conditions));
  return rows.map((r) => r.id);
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return rows.length > 0;
}

export async function teamBelongsTo(db: Db, teamId: string, agencyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.agencyId, agencyId)))
    .limit(1);
  return rows.length > 0;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<string> {
  const rows = await db.insert(users).values(values).returning({ id: users.id });
  return rows[0]!.id;
}
