import { sql } from 'drizzle-orm';
import { agencyKinds } from '../../../shared/contracts/common';
import { defaultCategoryMatrix } from '../../../shared/domain/data-protection/data-categories';
import type { Db } from '../../db/client';
import { categoryAccessRules, consentTexts } from '../../db/schema';
import { consentTextEntries } from '../consent/consent-texts';
import { insertMissingRetentionPolicies } from './retention.repository';

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
  // A text once written is never changed (consents refer to it): only missing (version, language) rows are added.
  await db
    .insert(consentTexts)
    .values(consentTextEntries.map((e) => ({ version: e.version, language: e.language, title: e.title, body: e.body })))
    .onConflictDoNothing({ target: [consentTexts.version, consentTexts.language] });
  // --- retention periods (insert below this line)
  // Only classes without a row get their default period: an administrator's change is kept.
  await insertMissingRetentionPolicies(db);
}
