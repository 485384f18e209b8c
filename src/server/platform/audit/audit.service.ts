import type { z } from 'zod';
import type { AuditEventView, AuditVerifyResult, auditListQuerySchema } from '../../../shared/contracts/audit';
import type { Db } from '../../db/client';
import type { auditEvents } from '../../db/schema';
import { check } from '../access/access';
import type { Actor } from '../access/actor';
import { recordAudit, verifyAuditChain, type AuditContext } from './audit-log';
import { listAuditEvents } from './audit.repository';

function presentAuditEvent(row: typeof auditEvents.$inferSelect): AuditEventView {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    type: row.type,
    outcome: row.outcome as AuditEventView['outcome'],
    actor:
      row.actorUserId || row.actorUsername
        ? { userId: row.actorUserId, username: row.actorUsername, agencyId: row.actorAgencyId }
        : null,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details,
    ip: row.ip,
    hash: row.hash,
  };
}

/**
 * Bounds of a day filter as instants. The contract accepts any ISO date, but PostgreSQL knows no
 * year 0 and the driver cannot write years past 9999; a bound beyond what can be stored excludes
 * nothing, so it is dropped rather than sent.
 */
const dayStart = (isoDate: string): Date | undefined =>
  isoDate < '0001-01-01' ? undefined : new Date(`${isoDate}T00:00:00Z`);
const nextDay = (isoDate: string): Date | undefined =>
  isoDate >= '9999-12-31' ? undefined : new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + 24 * 3600 * 1000);

/** The data protection officer's view of the audit log; looking at it is itself audited. */
export async function browseAuditLog(
  db: Db,
  actor: Actor | null,
  query: z.infer<typeof auditListQuerySchema>,
  ctx: AuditContext,
): Promise<{ items: AuditEventView[]; page: { page: number; pageSize: number; total: number } }> {
  await check(db, actor, 'audit.read');
  return db.transaction(async (tx) => {
    const { rows, total } = await listAuditEvents(tx, {
      type: query.type,
      actorUserId: query.actorUserId,
      agencyId: query.agencyId,
      subjectId: query.subjectId,
      outcome: query.outcome,
      from: query.from ? dayStart(query.from) : undefined,
      to: query.to ? nextDay(query.to) : undefined,
      page: query.page,
      pageSize: query.pageSize,
    });
    const filters = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    await recordAudit(tx, ctx, { type: 'audit.viewed', details: { filters, results: rows.length } });
    return { items: rows.map(presentAuditEvent), page: { page: query.page, pageSize: query.pageSize, total } };
  });
}

export async function verifyAuditLog(db: Db, actor: Actor | null, ctx: AuditContext): Promise<AuditVerifyResult> {
  await check(db, actor, 'audit.verify');
  const result = await verifyAuditChain(db);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'audit.verified',
      outcome: result.ok ? 'success' : 'failure',
      details: { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBroken?.seq ?? null },
    });
  });
  return result;
}
