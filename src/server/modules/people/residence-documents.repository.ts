import { and, asc, count, eq, gte, isNotNull, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { people, residenceDocuments } from '../../db/schema';
import type { PersonRow } from './people.repository';

export type ResidenceDocumentRow = typeof residenceDocuments.$inferSelect;
export type ResidenceDocumentValues = Omit<typeof residenceDocuments.$inferInsert, 'id' | 'version'>;

/** A person's documents, in no particular order (the domain's timeline sorts them). */
export async function documentsOfPerson(db: Db, personId: string): Promise<ResidenceDocumentRow[]> {
  return db.select().from(residenceDocuments).where(eq(residenceDocuments.personId, personId));
}

/** One document, only if it belongs to the person (the URL names both). */
export async function findDocument(
  db: Db,
  personId: string,
  documentId: string,
): Promise<ResidenceDocumentRow | undefined> {
  const rows = await db
    .select()
    .from(residenceDocuments)
    .where(and(eq(residenceDocuments.id, documentId), eq(residenceDocuments.personId, personId)))
    .limit(1);
  return rows[0];
}

export async function insertDocument(db: Db, values: ResidenceDocumentValues): Promise<ResidenceDocumentRow> {
  const rows = await db.insert(residenceDocuments).values(values).returning();
  return rows[0]!;
}

/**
 * Compare-and-set: updates the document only if it still has `expectedVersion` and bumps the
 * version. Undefined when someone else changed (or deleted) it in between.
 */
export async function updateDocumentIfVersion(
  db: Db,
  personId: string,
  documentId: string,
  expectedVersion: number,
  values: Partial<ResidenceDocumentValues>,
): Promise<ResidenceDocumentRow | undefined> {
  const rows = await db
    .update(residenceDocuments)
    .set({ ...values, version: sql`${residenceDocuments.version} + 1` })
    .where(
      and(
        eq(residenceDocuments.id, documentId),
        eq(residenceDocuments.personId, personId),
        eq(residenceDocuments.version, expectedVersion),
      ),
    )
    .returning();
  return rows[0];
}

/** Deletes the document (optionally only at `expectedVersion`); false when nothing matched. */
export async function deleteDocument(
  db: Db,
  personId: string,
  documentId: string,
  expectedVersion: number | null,
): Promise<boolean> {
  const rows = await db
    .delete(residenceDocuments)
    .where(
      and(
        eq(residenceDocuments.id, documentId),
        eq(residenceDocuments.personId, personId),
        expectedVersion === null ? undefined : eq(residenceDocuments.version, expectedVersion),
      ),
    )
    .returning({ id: residenceDocuments.id });
  return rows.length > 0;
}

export type ExpiringQuery = {
  /** `registeredSql(actor)` of platform/access/person-access.ts: the agency's people within the actor's scope. */
  registeredScope: SQL;
  /** 'YYYY-MM-DD' in Europe/Berlin. */
  today: string;
  withinDays: number;
  includeExpired: boolean;
  limit: number;
  offset: number;
};

/**
 * The documents of the people the agency registered (within the actor's scope: `registeredScope`) that expire within `withinDays` (or already expired, if asked), soonest
 * first, paginated in SQL. Left out: people merged into another record, documents with a later
 * document of the same person (superseded — the same rule as `isSuperseded` in
 * shared/domain/residence-documents: a later validFrom, else issuedOn), and documents not valid yet.
 */
export async function expiringDocuments(
  db: Db,
  q: ExpiringQuery,
): Promise<{ rows: { document: ResidenceDocumentRow; person: PersonRow }[]; total: number }> {
  const newer = alias(residenceDocuments, 'newer_document');
  const start = sql`coalesce(${residenceDocuments.validFrom}, ${residenceDocuments.issuedOn})`;
  const horizon = sql`(${q.today}::date + ${q.withinDays}::integer)`;
  const where = and(
    q.registeredScope,
    isNull(people.mergedIntoId),
    isNotNull(residenceDocuments.validUntil),
    lte(residenceDocuments.validUntil, horizon),
    q.includeExpired ? undefined : gte(residenceDocuments.validUntil, sql`${q.today}::date`),
    or(isNull(residenceDocuments.validFrom), lte(residenceDocuments.validFrom, sql`${q.today}::date`)),
    notExists(
      db
        .select({ one: sql`1` })
        .from(newer)
        .where(
          and(
            eq(newer.personId, residenceDocuments.personId),
            ne(newer.id, residenceDocuments.id),
            sql`coalesce(${newer.validFrom}, ${newer.issuedOn}) > ${start}`,
          ),
        ),
    ),
  );
  const [totalRow] = await db
    .select({ n: count() })
    .from(residenceDocuments)
    .innerJoin(people, eq(people.id, residenceDocuments.personId))
    .where(where);
  const rows = await db
    .select({ document: residenceDocuments, person: people })
    .from(residenceDocuments)
    .innerJoin(people, eq(people.id, residenceDocuments.personId))
    .where(where)
    .orderBy(
      asc(residenceDocuments.validUntil),
      asc(people.familyName),
      asc(people.givenNames),
      asc(residenceDocuments.id),
    )
    .limit(q.limit)
    .offset(q.offset);
  return { rows, total: Number(totalRow?.n ?? 0) };
}
