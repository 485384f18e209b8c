import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, notifications, users } from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;

/** The recipient's notifications, unread first, then newest first. */
export async function listNotifications(
  db: Db,
  userId: string,
  page: number,
  pageSize: number,
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const mine = eq(notifications.recipientUserId, userId);
  const [totals] = await db
    .select({ n: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)` })
    .from(notifications)
    .where(mine);
  const rows = await db
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(
      sql`case when ${notifications.readAt} is null then 0 else 1 end`,
      desc(notifications.createdAt),
      asc(notifications.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: Number(totals?.n ?? 0), unread: Number(totals?.unread ?? 0) };
}

/** Display names of users and names of agencies named in payloads, in two queries. */
export async function namesFor(
  db: Db,
  userIds: readonly string[],
  agencyIds: readonly string[],
): Promise<{ users: Map<string, string>; agencies: Map<string, string> }> {
  const u = userIds.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, [...userIds]))
    : [];
  const g = agencyIds.length
    ? await db
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(inArray(agencies.id, [...agencyIds]))
    : [];
  return { users: new Map(u.map((r) => [r.id, r.name])), agencies: new Map(g.map((r) => [r.id, r.name])) };
}

/** Marks one of the user's notifications read (kept as read if it already was); false if it is not theirs. */
export async function markRead(db: Db, id: string, userId: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.recipientUserId, userId)));
  if (!row) return false;
  if (row.readAt === null) {
    await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  }
  return true;
}
