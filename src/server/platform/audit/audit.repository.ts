import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';

export type AuditFilter = {
  type?: string;
  actorUserId?: string;
  agencyId?: string;
  subjectId?: string;
  outcome?: string;
  from?: Date;
  /** exclusive */
  to?: Date;
  page: number;
  pageSize: number;
};

export async function listAuditEvents(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.type) conditions.push(eq(auditEvents.type, filter.type));
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.agencyId) conditions.push(eq(auditEvents.actorAgencyId, filter.agencyId));
  if (filter.subjectId) conditions.push(eq(auditEvents.subjectId, filter.subjectId));
  if (filter.outcome) conditions.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const total = await db.select({ n: count() }).from(auditEvents).where(where);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

export async function recentAuditEventsAbout(db: Db, userId: string, types: readonly string[], limit: number) {
  return db
    .select({ occurredAt: auditEvents.occurredAt, outcome: auditEvents.outcome, ip: auditEvents.ip })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.subjectId, userId),
        eq(auditEvents.subjectType, 'user'),
        inArray(auditEvents.type, [...types]),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}
