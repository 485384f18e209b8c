import { asc, eq } from 'drizzle-orm';
import { agencyKinds, type AgencyKind } from '../../../shared/contracts/common';
import type { CategoryMatrix, CategoryMatrixUpdate } from '../../../shared/contracts/data-protection';
import {
  dataCategories,
  dataCategoryDescriptions,
  dataCategoryLabels,
  type DataCategory,
} from '../../../shared/domain/data-protection/data-categories';
import type { Db } from '../../db/client';
import { categoryAccessRules } from '../../db/schema';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';

const categoryOrder = (c: string) => dataCategories.indexOf(c as DataCategory);

async function loadMatrix(db: Db): Promise<CategoryMatrix> {
  const rows = await db.select().from(categoryAccessRules).orderBy(asc(categoryAccessRules.agencyKind));
  return {
    kinds: agencyKinds.map((agencyKind) => ({
      agencyKind,
      rules: rows
        .filter((r) => r.agencyKind === agencyKind)
        .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category))
        .map((r) => ({
          category: r.category as DataCategory,
          legalBasis: r.legalBasis,
          updatedAt: r.updatedAt.toISOString(),
        })),
    })),
    categories: dataCategories.map((category) => ({
      category,
      label: dataCategoryLabels[category],
      description: dataCategoryDescriptions[category],
    })),
  };
}

/** The category matrix: which agency kind sees which data category for its own task, and why. */
export async function getCategoryMatrix(db: Db, actor: Actor | null): Promise<CategoryMatrix> {
  await check(db, actor, 'agency.read');
  return loadMatrix(db);
}

/**
 * Replaces the categories of one agency kind (the system administrator). Every category needs its
 * legal basis; the change takes effect with the next request of every user of that kind.
 */
export async function setCategoryRules(
  db: Db,
  actor: Actor | null,
  agencyKind: AgencyKind,
  input: CategoryMatrixUpdate,
  ctx: AuditContext,
): Promise<CategoryMatrix> {
  const a = await check(db, actor, 'data_protection.manage');
  const seen = new Set<string>();
  input.rules.forEach((r, i) => {
    if (seen.has(r.category)) {
      throw new AppError('VALIDATION_FAILED', {
        fieldErrors: [
          {
            path: `rules.${i}.category`,
            message: fieldMessage('Diese Kategorie ist doppelt angegeben.', 'This category is listed twice.'),
          },
        ],
      });
    }
    seen.add(r.category);
  });
  if (agencyKind === 'steering' && input.rules.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'rules',
          message: fieldMessage(
            'Die Steuerung sieht keine Sozialdaten einzelner Personen, nur pseudonymisierte Auswertungen.',
            'Steering sees no social data of individual people, only pseudonymised reports.',
          ),
        },
      ],
    });
  }
  const categories = input.rules.map((r) => r.category).sort((x, y) => categoryOrder(x) - categoryOrder(y));
  await db.transaction(async (tx) => {
    await tx.delete(categoryAccessRules).where(eq(categoryAccessRules.agencyKind, agencyKind));
    if (input.rules.length > 0) {
      await tx.insert(categoryAccessRules).values(
        input.rules.map((r) => ({
          agencyKind,
          category: r.category,
          legalBasis: r.legalBasis,
          updatedAt: ctx.now,
          updatedBy: a.userId,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      type: 'category_matrix.updated',
      subjectType: 'category_matrix',
      subjectId: agencyKind,
      details: { agencyKind, categories },
    });
  });
  return loadMatrix(db);
}
