import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { AppError } from '../errors/app-error';
import { canonicalJson } from './canonical-json';
import { auditEventDetails, type AuditEvent, type AuditEventType } from './audit-events';
import type { AuditVerifyResult } from '../../../shared/contracts/audit';

/** Arbitrary constant for pg_advisory_xact_lock: serialises chain appends across connections. */
const AUDIT_CHAIN_LOCK = 727_274_002;
export const GENESIS_HASH = '0'.repeat(64);

/** Who did it and from where; taken from the request by the HTTP layer. */
export type AuditContext = {
  actor: { userId: string; username: string; agencyId: string; roles: string[] } | null;
  ip: string | null;
  requestId: string | null;
  now: Date;
};

type HashedFields = {
  seq: number;
  occurredAt: Date;
  type: string;
  outcome: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  actorRoles: string[] | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
};

/** The hash of one row: SHA-256 over the canonical JSON of every stored field and the previous hash. */
export function auditRowHash(row: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: row.seq,
        occurredAt: row.occurredAt.toISOString(),
        type: row.type,
        outcome: row.outcome,
        actorUserId: row.actorUserId,
        actorUsername: row.actorUsername,
        actorAgencyId: row.actorAgencyId,
        actorRoles: row.actorRoles,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        details: row.details,
        ip: row.ip,
        requestId: row.requestId,
        prevHash: row.prevHash,
      }),
    )
    .digest('hex');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * jsonb stores neither NUL nor unpaired surrogates, which a JSON body can carry into details (a
 * team name, a login name). Text columns receive U+FFFD for them when encoded as UTF-8; the audit
 * row gets the same, so that odd input is still recorded instead of failing the audit write.
 */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)]));
  }
  return value;
}

/**
 * Appends one event to the hash chain. Call it inside the transaction of the action it records:
 * if it fails, the action is rolled back and the request answers 503.
 */
export async function recordAudit<T extends AuditEventType>(
  tx: Db,
  ctx: AuditContext,
  event: AuditEvent<T>,
): Promise<void> {
  const details = storable(auditEventDetails[event.type].parse(event.details)) as Record<string, unknown>;
  try {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const head = await tx
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(sql`${auditEvents.seq} DESC`)
      .limit(1);
    const fields: HashedFields = {
      seq: (head[0]?.seq ?? 0) + 1,
      occurredAt: ctx.now,
      type: event.type,
      outcome: event.outcome ?? 'success',
      actorUserId: ctx.actor?.userId ?? null,
      actorUsername: ctx.actor?.username ?? null,
      actorAgencyId: ctx.actor?.agencyId ?? null,
      actorRoles: ctx.actor?.roles ?? null,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      details,
      ip: ctx.ip,
      requestId: ctx.requestId,
      prevHash: head[0]?.hash ?? GENESIS_HASH,
    };
    await tx.insert(auditEvents).values({ ...fields, hash: auditRowHash(fields) });
  } catch (cause) {
    throw new AppError('AUDIT_UNAVAILABLE', { cause });
  }
}

const VERIFY_BATCH = 2000;

/**
 * Walks the whole chain in order and names the first row that does not fit: a changed row
 * (hash_mismatch), a row whose predecessor changed or was reordered (prev_hash_mismatch),
 * or a deleted row (gap). Truncation of the newest rows is caught by comparing headSeq/headHash
 * with an earlier, externally kept result.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(VERIFY_BATCH);
    for (const row of rows) {
      const broken = (reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap'): AuditVerifyResult => ({
        ok: false,
        checked,
        headSeq: null,
        headHash: null,
        firstBroken: { seq: reason === 'gap' ? expectedSeq : row.seq, reason },
      });
      if (row.seq !== expectedSeq) return broken('gap');
      if (row.prevHash !== prevHash) return broken('prev_hash_mismatch');
      if (auditRowHash(row) !== row.hash) return broken('hash_mismatch');
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
      lastSeq = row.seq;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  return {
    ok: true,
    checked,
    headSeq: checked === 0 ? null : lastSeq,
    headHash: checked === 0 ? null : prevHash,
    firstBroken: null,
  };
}
