import { and, eq, isNull, or, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, caseTeamMembers } from '../../db/schema';

/** The colleague asking: their agency and themselves. */
export type Viewer = { agencyId: string; userId: string };

export type UserRef = { id: string; displayName: string };
export type Ref = { id: string; name: string };

/**
 * The confidentiality filter of notes and documents in SQL: team-level records, the agency's
 * records of the viewer's agency, the viewer's own author-level records. Lists, counts and
 * single-record lookups all go through it, so an invisible record never shows.
 */
export function visibleRecord(
  cols: { confidentiality: AnyColumn; agencyId: AnyColumn; userId: AnyColumn },
  viewer: Viewer,
): SQL {
  return or(
    eq(cols.confidentiality, 'team'),
    and(eq(cols.confidentiality, 'agency'), eq(cols.agencyId, viewer.agencyId)),
    and(eq(cols.confidentiality, 'author'), eq(cols.userId, viewer.userId)),
  )!;
}

/** Phase and closure time of the case (for retention due dates and the actions a record offers). */
export async function caseClosure(
  db: Db,
  caseId: string,
): Promise<{ phase: string; closedAt: Date | null } | undefined> {
  const [row] = await db
    .select({ phase: cases.phase, closedAt: cases.closedAt })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  return row;
}

/** The agencies on the case's current team. */
export async function currentTeamAgencyIds(db: Db, caseId: string): Promise<Set<string>> {
  const rows = await db
    .select({ agencyId: caseTeamMembers.agencyId })
    .from(caseTeamMembers)
    .where(and(eq(caseTeamMembers.caseId, caseId), isNull(caseTeamMembers.leftAt)));
  return new Set(rows.map((r) => r.agencyId));
}
