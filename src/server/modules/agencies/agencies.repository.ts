import { and, arrayOverlaps, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, teams, users } from '../../db/schema';

export type AgencyRow = typeof agencies.$inferSelect;

export async function listAgencies(db: Db): Promise<AgencyRow[]> {
  return db.select().from(agencies).orderBy(asc(agencies.name));
}

export async function findAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  const rows = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return rows[0];
}

export async function existingAgencyIds(db: Db, ids: readonly string[]): Promise<string[]> {
  const rows = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, [...ids]));
  return rows.map((r) => r.id);
}

export async function teamsWithMemberCounts(db: Db, agencyId: string) {
  return db
    .select({ id: teams.id, name: teams.name, memberCount: count(users.id) })
    .from(teams)
    .leftJoin(users, eq(users.teamId, teams.id))
    .where(eq(teams.agencyId, agencyId))
    .groupBy(teams.id, teams.name)
    .orderBy(asc(teams.name));
}

export async function staffCount(db: Db, agencyId: string): Promise<number> {
  const rows = await db.select({ n: count() }).from(users).where(eq(users.agencyId, agencyId));
  return Number(rows[0]?.n ?? 0);
}

export async function updateAgency(db: Db, id: string, values: Partial<typeof agencies.$inferInsert>): Promise<void> {
  await db.update(agencies).set(values).where(eq(agencies.id, id));
}

/**
 * Locks the agency row until the transaction ends. Team names are unique per agency regardless of
 * case, which the database index (case-sensitive) cannot enforce alone: creators of teams of one
 * agency take turns, so the second sees the first one's team.
 */
export async function lockAgency(tx: Db, id: string): Promise<void> {
  await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id)).for('update');
}

export async function insertTeam(db: Db, agencyId: string, name: string, now: Date): Promise<string> {
  const rows = await db.insert(teams).values({ agencyId, name, createdAt: now }).returning({ id: teams.id });
  return rows[0]!.id;
}

export async function findTeamByName(db: Db, agencyId: string, name: string) {
  const rows = await db.select().from(teams).where(eq(teams.agencyId, agencyId)).orderBy(asc(teams.name));
  return rows.find((t) => t.name.toLocaleLowerCase('de') === name.toLocaleLowerCase('de'));
}

/** The roles that work on cases; the colleagues directory lists only these. */
const CASEWORK_ROLES = ['caseworker', 'team_lead'];

/** Active staff of the agency who work on cases, with their team name, sorted by display name. */
export async function listAgencyCaseworkers(db: Db, agencyId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, team: teams.name })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.agencyId, agencyId), eq(users.active, true), arrayOverlaps(users.roles, CASEWORK_ROLES)))
    .orderBy(asc(users.displayName), asc(users.id));
}
