import { sql } from 'drizzle-orm';
import { agencyKinds } from '../../../shared/contracts/common';
import { defaultCategoryMatrix } from '../../../shared/domain/data-protection/data-categories';
import type { Db } from '../../db/client';
import { categoryAccessRules } from '../../db/schema';

/**
 * Reference data every installation needs, demo or not, written once after the migrations:
 * the category matrix (only into an empty table: the administrator's changes are kept; a kind
 * with no rows at all stays without access on purpose). Consent texts and retention periods are
 * added by their modules below.
 */
export async function ensureDataProtectionDefaults(db: Db): Promise<void> {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(categoryAccessRules)) as [{ n: number }];
  if (n === 0) {
    const rows = agencyKinds.flatMap((kind) =>
      defaultCategoryMatrix[kind].map((g) => ({ agencyKind: kind, category: g.category, legalBasis: g.legalBasis })),
    );
    await db.insert(categoryAccessRules).values(rows).onConflictDoNothing();
  }
  // --- consent texts (insert below this line)
  // --- retention periods (insert below this line)
}
