import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { cases, legalHolds, people, users } from '../../db/schema';

const placer = alias(users, 'placer');
const releaser = alias(users, 'releaser');

export type LegalHoldStatus = 'active' | 'released' | 'all';

export async function listLegalHolds(db: Db, status: LegalHoldStatus, ids?: string[]) {
  const conditions: SQL[] = [];
  if (status === 'active') conditions.push(isNull(legalHolds.releasedAt));
  if (status === 'released') conditions.push(isNotNull(legalHolds.releasedAt));
  if (ids) conditions.push(inArray(legalHolds.id, ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']));
  return db
    .select({
      hold: legalHolds,
      placer: { id: placer.id, displayName: placer.displayName },
      releaser: { id: releaser.id, displayName: releaser.displayName },
      personName: sql<
        string | null
      >`(select p.given_names || ' ' || p.family_name from ${people} p where p.id = ${legalHolds.subjectId})`,
      caseReference: sql<string | null>`(select c.reference from ${cases} c where c.id = ${legalHolds.subjectId})`,
    })
    .from(legalHolds)
    .leftJoin(placer, eq(placer.id, legalHolds.placedBy))
    .leftJoin(releaser, eq(releaser.id, legalHolds.releasedBy))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(legalHolds.placedAt));
}
export type LegalHoldRecord = Awaited<ReturnType<typeof listLegalHolds>>[number];

export async function findLegalHold(db: Db, id: string) {
  const rows = await db.select().from(legalHolds).where(eq(legalHolds.id, id));
  return rows[0] ?? null;
}

export async function subjectsOfHolds(db: Db) {
  return db
    .select({ id: legalHolds.id, subjectType: legalHolds.subjectType, subjectId: legalHolds.subjectId })
    .from(legalHolds);
}

export async function activeHoldOn(db: Db, subjectType: string, subjectId: string) {
  const rows = await db
    .select({ id: legalHolds.id })
    .from(legalHolds)
    .where(
      and(eq(legalHolds.subjectType, subjectType), eq(legalHolds.subjectId, subjectId), isNull(legalHolds.releasedAt)),
    );
  return rows[0] ?? null;
}

export async function subjectExists(db: Db, subjectType: 'person' | 'case', id: string): Promise<boolean> {
  const rows =
    subjectType === 'person'
      ? await db
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.id, id), isNull(people.mergedIntoId)))
      : await db.select({ id: cases.id }).from(cases).where(eq(cases.id, id));
  return rows.length > 0;
}

export async function insertLegalHold(
  db: Db,
  values: { subjectType: string; subjectId: string; reason: string; placedAt: Date; placedBy: string },
): Promise<string> {
  const [row] = await db.insert(legalHolds).values(values).returning({ id: legalHolds.id });
  return row!.id;
}

/** Compare-and-set on released_at: a hold is released once. */
export async function releaseLegalHold(
  db: Db,
  id: string,
  releasedAt: Date,
  releasedBy: string,
  releaseNote: string,
): Promise<boolean> {
  const rows = await db
    .update(legalHolds)
    .set({ releasedAt, releasedBy, releaseNote })
    .where(and(eq(legalHolds.id, id), isNull(legalHolds.releasedAt)))
    .returning({ id: legalHolds.id });
  return rows.length > 0;
}
