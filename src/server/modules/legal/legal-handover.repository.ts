import { and, asc, count, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { legalEvaluations, legalHandovers, people, users } from '../../db/schema';

export type LegalEvaluationRow = typeof legalEvaluations.$inferSelect;
export type LegalHandoverRow = typeof legalHandovers.$inferSelect;
export type LegalHandoverValues = typeof legalHandovers.$inferInsert;
export type PersonRow = typeof people.$inferSelect;

export async function findLastEvaluation(db: Db, personId: string): Promise<LegalEvaluationRow | undefined> {
  const rows = await db.select().from(legalEvaluations).where(eq(legalEvaluations.personId, personId)).limit(1);
  return rows[0];
}

/** Keeps only the newest evaluation per person. */
export async function saveEvaluation(db: Db, row: LegalEvaluationRow): Promise<void> {
  await db
    .insert(legalEvaluations)
    .values(row)
    .onConflictDoUpdate({
      target: legalEvaluations.personId,
      set: {
        evaluatedAt: row.evaluatedAt,
        ruleSetVersion: row.ruleSetVersion,
        benefitSystem: row.benefitSystem,
        responsibleAgencyKind: row.responsibleAgencyKind,
        result: row.result,
      },
    });
}

/** An open handover of the person for the same transition, if any. */
export async function findOpenHandover(
  db: Db,
  personId: string,
  fromBenefitSystem: string,
  toBenefitSystem: string,
): Promise<LegalHandoverRow | undefined> {
  const rows = await db
    .select()
    .from(legalHandovers)
    .where(
      and(
        eq(legalHandovers.personId, personId),
        eq(legalHandovers.status, 'open'),
        eq(legalHandovers.fromBenefitSystem, fromBenefitSystem),
        eq(legalHandovers.toBenefitSystem, toBenefitSystem),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function insertHandover(db: Db, values: LegalHandoverValues): Promise<LegalHandoverRow> {
  const rows = await db.insert(legalHandovers).values(values).returning();
  return rows[0]!;
}

export async function handoversOfPerson(db: Db, personId: string): Promise<LegalHandoverRow[]> {
  return db
    .select()
    .from(legalHandovers)
    .where(eq(legalHandovers.personId, personId))
    .orderBy(desc(legalHandovers.createdAt), desc(legalHandovers.id));
}

export async function findHandover(db: Db, id: string): Promise<LegalHandoverRow | undefined> {
  const rows = await db.select().from(legalHandovers).where(eq(legalHandovers.id, id)).limit(1);
  return rows[0];
}

export async function updateHandoverIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<Pick<LegalHandoverValues, 'checklist' | 'ownerUserId' | 'status' | 'cancelReason' | 'closedAt'>>,
): Promise<LegalHandoverRow | undefined> {
  const rows = await db
    .update(legalHandovers)
    .set({ ...values, version: sql`${legalHandovers.version} + 1` })
    .where(and(eq(legalHandovers.id, id), eq(legalHandovers.version, version)))
    .returning();
  return rows[0];
}

/** Display names (and agencies) of the users named as owners or on ticked items. */
export async function usersByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { id: string; displayName: string; agencyId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, agencyId: users.agencyId })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export type BoardQuery = {
  /** The condition on `people` that the caller may see the person (personVisibleTo). */
  visible: SQL;
  filter: 'open' | 'overdue' | 'done';
  today: string;
  limit: number;
  offset: number;
};

/**
 * The board: handovers of people the caller may see. Open: overdue first, then by due date.
 * Overdue: open and past due. Done: the most recently closed first.
 */
export async function handoverBoard(
  db: Db,
  q: BoardQuery,
): Promise<{ rows: { handover: LegalHandoverRow; person: PersonRow }[]; total: number }> {
  const today = sql`${q.today}::date`;
  const statusCondition =
    q.filter === 'done'
      ? eq(legalHandovers.status, 'done')
      : q.filter === 'overdue'
        ? and(eq(legalHandovers.status, 'open'), lt(legalHandovers.dueOn, today))
        : eq(legalHandovers.status, 'open');
  const where = and(statusCondition, isNull(people.mergedIntoId), q.visible);
  const order =
    q.filter === 'done'
      ? [desc(legalHandovers.closedAt), asc(legalHandovers.id)]
      : [
          sql`case when ${legalHandovers.dueOn} < ${today} then 0 else 1 end`,
          asc(legalHandovers.dueOn),
          asc(legalHandovers.createdAt),
          asc(legalHandovers.id),
        ];
  const rows = await db
    .select({ handover: legalHandovers, person: people })
    .from(legalHandovers)
    .innerJoin(people, eq(people.id, legalHandovers.personId))
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset);
  const [totals] = await db
    .select({ total: count() })
    .from(legalHandovers)
    .innerJoin(people, eq(people.id, legalHandovers.personId))
    .where(where);
  return { rows, total: totals?.total ?? 0 };
}
