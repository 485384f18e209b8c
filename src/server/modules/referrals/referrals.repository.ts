import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ReferralListQuery } from '../../../shared/contracts/referrals';
import { openStatuses, referralStatuses } from '../../../shared/domain/referrals/referral-machine';
import type { Db } from '../../db/client';
import {
  agencies,
  cases,
  consents,
  dataTransfers,
  measures,
  people,
  referralEvents,
  referralRejectionReasons,
  referrals,
  users,
} from '../../db/schema';
import type { Actor } from '../../platform/access/actor';
import { consentInForce, scopedUsers } from '../../platform/access/person-access';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect;
export type Ref = { id: string; name: string };

/**
 * Which referrals the actor sees:
 * - outbox: referrals from the actor's agency, narrowed by the caseworker scope (own / team /
 *   agency) on who created them — team leads see the agency's;
 * - inbox: referrals to the actor's agency once sent (never drafts). An inbox item belongs to no
 *   one yet, so the whole receiving agency sees it.
 */
export function outboxSql(actor: Actor): SQL {
  return sql`(${referrals.fromAgencyId} = ${actor.agencyId} and ${scopedUsers(actor, sql`${referrals.createdBy}`)})`;
}
export function inboxSql(actor: Actor): SQL {
  return sql`(${referrals.toAgencyId} = ${actor.agencyId} and ${referrals.status} <> 'draft')`;
}

export async function findVisibleReferral(db: Db, actor: Actor, id: string): Promise<ReferralRow | undefined> {
  const rows = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), sql`(${outboxSql(actor)} or ${inboxSql(actor)})`))
    .limit(1);
  return rows[0];
}

export async function insertReferral(tx: Db, values: typeof referrals.$inferInsert): Promise<string> {
  const [row] = await tx.insert(referrals).values(values).returning({ id: referrals.id });
  return row!.id;
}

/** Compare-and-set on the version; the version goes up by one. Undefined when it was stale. */
export async function updateReferralIfVersion(
  tx: Db,
  id: string,
  version: number,
  changes: Partial<typeof referrals.$inferInsert>,
): Promise<ReferralRow | undefined> {
  const rows = await tx
    .update(referrals)
    .set({ ...changes, version: sql`${referrals.version} + 1` })
    .where(and(eq(referrals.id, id), eq(referrals.version, version)))
    .returning();
  return rows[0];
}

export async function insertReferralEvent(tx: Db, values: typeof referralEvents.$inferInsert): Promise<void> {
  await tx.insert(referralEvents).values(values);
}

/** Events at the same instant follow the machine's order (draft before sent before accepted …). */
const statusRank = sql`array_position(${sql.raw(`array[${referralStatuses.map((st) => `'${st}'`).join(',')}]::text[]`)}, ${referralEvents.toStatus})`;

export async function eventsOfReferral(db: Db, referralId: string): Promise<ReferralEventRow[]> {
  return db
    .select()
    .from(referralEvents)
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.occurredAt), asc(statusRank), asc(referralEvents.id));
}

const overdueSql = (today: string) =>
  sql`(${referrals.followUpOn} is not null and ${referrals.followUpOn} < ${today} and ${inArray(referrals.status, [...openStatuses])})`;

/** One page of the box, sorted in SQL, and the total. */
export async function listReferrals(
  db: Db,
  actor: Actor,
  query: ReferralListQuery,
  today: string,
): Promise<{ rows: ReferralRow[]; total: number }> {
  const where = and(
    query.box === 'inbox' ? inboxSql(actor) : outboxSql(actor),
    query.status ? eq(referrals.status, query.status) : undefined,
    query.overdue === 'true'
      ? overdueSql(today)
      : query.overdue === 'false'
        ? sql`not ${overdueSql(today)}`
        : undefined,
  );
  const order = query.dir === 'asc' ? asc : desc;
  const key = {
    updatedAt: sql`${referrals.updatedAt}`,
    createdAt: sql`${referrals.createdAt}`,
    followUpOn: sql`${referrals.followUpOn}`,
    status: sql`${referrals.status}`,
  }[query.sort];
  const rows = await db
    .select()
    .from(referrals)
    .where(where)
    .orderBy(sql`${order(key)} nulls last`, desc(referrals.createdAt), asc(referrals.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ n: count() }).from(referrals).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function agencyRefs(db: Db, ids: readonly string[]): Promise<Map<string, Ref & { kind: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userRefs(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { id: string; displayName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export type MeasureRef = { id: string; title: string; agencyId: string; active: boolean };
export async function measureRefs(db: Db, ids: readonly string[]): Promise<Map<string, MeasureRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: measures.id, title: measures.title, agencyId: measures.agencyId, active: measures.active })
    .from(measures)
    .where(inArray(measures.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Display names ("given family" or "family given") of the people. */
export async function personNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: people.id,
      givenNames: people.givenNames,
      familyName: people.familyName,
      nameOrder: people.nameOrder,
    })
    .from(people)
    .where(inArray(people.id, [...new Set(ids)]));
  return new Map(
    rows.map((p) => [
      p.id,
      p.nameOrder === 'family_given' ? `${p.familyName} ${p.givenNames}` : `${p.givenNames} ${p.familyName}`,
    ]),
  );
}

export async function casePersonId(db: Db, caseId: string): Promise<string | undefined> {
  const rows = await db.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId)).limit(1);
  return rows[0]?.personId;
}

/** A consent of the person in force on `today`, naming the agency and the category. */
function consentCondition(personId: string, agencyId: string, category: string, today: string): SQL {
  return sql`${consents.personId} = ${personId} and ${category} = any(${consents.categories}) and ${consentInForce('consents', agencyId, today)}`;
}

/** A transfer of the person to the agency covering the category, made and still valid. */
function transferCondition(personId: string, agencyId: string, category: string, now: Date, today: string): SQL {
  return sql`${dataTransfers.personId} = ${personId} and ${dataTransfers.toAgencyId} = ${agencyId}
    and ${category} = any(${dataTransfers.categories}) and ${dataTransfers.transferredAt} <= ${now.toISOString()}
    and ${dataTransfers.validUntil} >= ${today}`;
}

export type GroundRow = {
  kind: 'consent' | 'transfer';
  id: string;
  purpose: string;
  from: string;
  until: string;
  legalBasis: string | null;
};

/** The consents and transfers in force that allow passing `category` of the person to the agency. */
export async function groundsInForce(
  db: Db,
  personId: string,
  agencyId: string,
  category: string,
  now: Date,
  today: string,
): Promise<GroundRow[]> {
  const [consentRows, transferRows] = await Promise.all([
    db
      .select({ id: consents.id, purpose: consents.purpose, from: consents.givenOn, until: consents.expiresOn })
      .from(consents)
      .where(consentCondition(personId, agencyId, category, today))
      .orderBy(desc(consents.givenOn)),
    db
      .select({
        id: dataTransfers.id,
        purpose: dataTransfers.purpose,
        transferredAt: dataTransfers.transferredAt,
        until: dataTransfers.validUntil,
        legalBasis: dataTransfers.legalBasis,
      })
      .from(dataTransfers)
      .where(transferCondition(personId, agencyId, category, now, today))
      .orderBy(desc(dataTransfers.transferredAt)),
  ]);
  return [
    ...consentRows.map((c) => ({ kind: 'consent' as const, ...c, legalBasis: null })),
    ...transferRows.map((t) => ({
      kind: 'transfer' as const,
      id: t.id,
      purpose: t.purpose,
      from: t.transferredAt.toISOString().slice(0, 10),
      until: t.until,
      legalBasis: t.legalBasis,
    })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Rejection reasons

export type RejectionReasonRow = typeof referralRejectionReasons.$inferSelect;

export async function rejectionReasons(db: Db): Promise<RejectionReasonRow[]> {
  return db.select().from(referralRejectionReasons).orderBy(asc(referralRejectionReasons.position));
}

export async function findRejectionReason(db: Db, code: string): Promise<RejectionReasonRow | undefined> {
  const rows = await db.select().from(referralRejectionReasons).where(eq(referralRejectionReasons.code, code)).limit(1);
  return rows[0];
}

export async function upsertRejectionReason(tx: Db, row: RejectionReasonRow): Promise<void> {
  await tx
    .insert(referralRejectionReasons)
    .values(row)
    .onConflictDoUpdate({
      target: referralRejectionReasons.code,
      set: { labelDe: row.labelDe, labelEn: row.labelEn, active: row.active, position: row.position },
    });
}
