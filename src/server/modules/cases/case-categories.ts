import { eq } from 'drizzle-orm';
import { planKinds, type PlanKind } from '../../../shared/contracts/case-plans';
import { documentTypes, type DocumentType } from '../../../shared/contracts/case-records';
import type { DataCategory } from '../../../shared/domain/data-protection/data-categories';
import { documentTypeCategories, planKindCategories } from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import type { Actor } from '../../platform/access/actor';
import { accessToPerson, assertPersonCategory } from '../../platform/access/person-access';
import { AppError } from '../../platform/errors/app-error';

/**
 * Field level inside a case (issue 5): what the viewer sees of a case's records is decided by the
 * data categories of the case's person — `accessToPerson(...).categories` (the case-team ground
 * gives the category matrix of the agency's kind; consents and transfers add theirs). Assessment
 * domains, documents, plans and notes each belong to a category (field-groups.ts); a withheld one
 * is sent empty or left out, and writing it is refused with 403 naming the category.
 */
export type CaseCategories = { personId: string; categories: ReadonlySet<DataCategory> };

async function personOfCase(db: Db, caseId: string): Promise<string> {
  const [row] = await db.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  return row.personId;
}

/** The categories the actor sees of the case's person at `now` (empty when none). */
export async function caseCategories(db: Db, actor: Actor, caseId: string, now: Date): Promise<CaseCategories> {
  const personId = await personOfCase(db, caseId);
  const access = await accessToPerson(db, actor, personId, now);
  return { personId, categories: access?.categories ?? new Set() };
}

/** 403 naming the category when the actor may not see (or write) it for the case's person. */
export async function assertCaseCategory(
  db: Db,
  actor: Actor,
  caseId: string,
  category: DataCategory,
  now: Date,
): Promise<void> {
  await assertPersonCategory(db, actor, await personOfCase(db, caseId), category, now);
}

/** The document types whose category the viewer sees (field-groups.ts `documentTypeCategories`). */
export function visibleDocumentTypes(categories: ReadonlySet<DataCategory>): DocumentType[] {
  return documentTypes.filter((t) => categories.has(documentTypeCategories[t]));
}

/** The plan kinds whose category the viewer sees (field-groups.ts `planKindCategories`). */
export function visiblePlanKinds(categories: ReadonlySet<DataCategory>): PlanKind[] {
  return planKinds.filter((k) => categories.has(planKindCategories[k]));
}
