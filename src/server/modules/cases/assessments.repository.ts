import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseAssessments, cases, users } from '../../db/schema';

export type AssessmentRow = typeof caseAssessments.$inferSelect;
export type AssessmentValues = Omit<typeof caseAssessments.$inferInsert, 'id' | 'revision'>;

/** A user named on a version (created, last saved, completed by). */
export type UserRef = { id: string; displayName: string };

/** What the assessment rules need to know about the case. */
export type CaseState = { id: string; phase: string; closedAt: Date | null };

/**
 * The case's phase, with a share lock held to the end of the transaction: a phase change (which
 * locks the case for update) cannot close the case between this check and the assessment write.
 */
export async function lockCaseState(tx: Db, caseId: string): Promise<CaseState | undefined> {
  const rows = await tx
    .select({ id: cases.id, phase: cases.phase, closedAt: cases.closedAt })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1)
    .for('share');
  return rows[0];
}

/** Every version of the case, newest first. */
export async function versionsOfCase(db: Db, caseId: string): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(caseAssessments)
    .where(eq(caseAssessments.caseId, caseId))
    .orderBy(desc(caseAssessments.versionNo));
}

export async function findVersion(db: Db, caseId: string, versionNo: number): Promise<AssessmentRow | undefined> {
  const rows = await db
    .select()
    .from(caseAssessments)
    .where(and(eq(caseAssessments.caseId, caseId), eq(caseAssessments.versionNo, versionNo)))
    .limit(1);
  return rows[0];
}

export async function latestVersion(db: Db, caseId: string): Promise<AssessmentRow | undefined> {
  const rows = await db
    .select()
    .from(caseAssessments)
    .where(eq(caseAssessments.caseId, caseId))
    .orderBy(desc(caseAssessments.versionNo))
    .limit(1);
  return rows[0];
}

/** Inserts a version; a concurrent insert of the same number fails on the (case, version) unique index. */
export async function insertVersion(db: Db, values: AssessmentValues): Promise<AssessmentRow> {
  const rows = await db.insert(caseAssessments).values(values).returning();
  return rows[0]!;
}

/**
 * Compare-and-set on a draft: changes the version only while it is still a draft at
 * `expectedRevision`, and bumps the revision. Undefined when it was saved, completed or removed
 * in between.
 */
export async function updateDraftIfRevision(
  db: Db,
  caseId: string,
  versionNo: number,
  expectedRevision: number,
  values: Partial<Omit<AssessmentValues, 'caseId' | 'versionNo' | 'createdAt' | 'createdBy'>>,
): Promise<AssessmentRow | undefined> {
  const rows = await db
    .update(caseAssessments)
    .set({ ...values, revision: sql`${caseAssessments.revision} + 1` })
    .where(
      and(
        eq(caseAssessments.caseId, caseId),
        eq(caseAssessments.versionNo, versionNo),
        eq(caseAssessments.status, 'draft'),
        eq(caseAssessments.revision, expectedRevision),
      ),
    )
    .returning();
  return rows[0];
}

/** Display names of the given users, by id. */
export async function userRefs(db: Db, ids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
