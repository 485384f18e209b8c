import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, employmentOutcomes } from '../../db/schema';

export type EmploymentOutcomeRow = typeof employmentOutcomes.$inferSelect;
export type EmploymentOutcomeRecord = { outcome: EmploymentOutcomeRow; agencyName: string };

function baseQuery(db: Db) {
  return db
    .select({ outcome: employmentOutcomes, agencyName: agencies.name })
    .from(employmentOutcomes)
    .innerJoin(agencies, eq(agencies.id, employmentOutcomes.recordedByAgencyId));
}

/** The person's outcomes, latest start first. */
export async function outcomesOfPerson(db: Db, personId: string): Promise<EmploymentOutcomeRecord[]> {
  return baseQuery(db)
    .where(eq(employmentOutcomes.personId, personId))
    .orderBy(desc(employmentOutcomes.startedOn), desc(employmentOutcomes.recordedAt));
}

export async function findOutcome(db: Db, personId: string, id: string): Promise<EmploymentOutcomeRecord | undefined> {
  const [row] = await baseQuery(db)
    .where(and(eq(employmentOutcomes.personId, personId), eq(employmentOutcomes.id, id)))
    .limit(1);
  return row;
}

export async function insertOutcome(
  tx: Db,
  values: Omit<typeof employmentOutcomes.$inferInsert, 'id'>,
): Promise<EmploymentOutcomeRow> {
  const [row] = await tx.insert(employmentOutcomes).values(values).returning();
  return row!;
}

export async function deleteOutcome(tx: Db, id: string): Promise<boolean> {
  const rows = await tx.delete(employmentOutcomes).where(eq(employmentOutcomes.id, id)).returning({ id: employmentOutcomes.id });
  return rows.length > 0;
}
