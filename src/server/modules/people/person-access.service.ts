import type { PersonAccessDetail } from '../../../shared/contracts/data-protection';
import type { PersonExport } from '../../../shared/contracts/person-export';
import { residenceCategory } from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { categoryAccessRules } from '../../db/schema';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { accessToPerson, orderedCategories, withheldCategories } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';
import { eq } from 'drizzle-orm';
import { findPersonRecord } from './people.repository';
import { householdScopeAgency } from './households.policy';
import { presentPersonFor } from './people.service';
import { residenceDocumentsAt } from './residence-documents.service';

/**
 * What the caller sees of a person and on which grounds, with the legal basis the category matrix
 * names for the caller's agency kind (the person page explains withheld sections with it).
 */
export async function personAccessDetail(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<PersonAccessDetail> {
  const a = await check(db, actor, 'person.read', [personId]);
  const access = await accessToPerson(db, a, personId, ctx.now);
  if (!access) throw new AppError('NOT_FOUND');
  const bases = await db
    .select({ category: categoryAccessRules.category, legalBasis: categoryAccessRules.legalBasis })
    .from(categoryAccessRules)
    .where(eq(categoryAccessRules.agencyKind, a.agencyKind));
  const categories = orderedCategories(access.categories);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.access_viewed',
      subjectType: 'person',
      subjectId: personId,
      details: { via: access.grounds, categories },
    });
  });
  const order = (c: string) => categories.indexOf(c as (typeof categories)[number]);
  return {
    grounds: access.grounds,
    categories,
    withheld: withheldCategories(access),
    matrixBases: bases
      .filter((b) => access.categories.has(b.category as (typeof categories)[number]))
      .sort((x, y) => order(x.category) - order(y.category))
      .map((b) => ({ category: b.category as (typeof categories)[number], legalBasis: b.legalBasis })),
  };
}

/**
 * The register entry as one document, filtered exactly like the person page: the same decision
 * function, the same presenter. Audited as an export with its grounds.
 */
export async function exportPerson(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<PersonExport> {
  const a = await check(db, actor, 'person.read', [personId]);
  const record = await findPersonRecord(db, personId, householdScopeAgency(a));
  if (!record) throw new AppError('NOT_FOUND');
  const person = await presentPersonFor(db, a, record, ctx.now);
  const residenceDocuments = person.access.categories.includes(residenceCategory)
    ? await residenceDocumentsAt(db, personId, ctx.now)
    : null;
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.exported',
      subjectType: 'person',
      subjectId: personId,
      details: { via: person.access.grounds, categories: person.access.categories },
    });
  });
  return { exportedAt: ctx.now.toISOString(), person, residenceDocuments };
}
