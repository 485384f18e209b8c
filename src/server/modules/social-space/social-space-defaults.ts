import type { Db } from '../../db/client';
import { resourceTaxonomyTerms } from '../../db/schema';
import { defaultTaxonomyTerms, defaultTermId } from './resource-taxonomy';

/**
 * Writes the default taxonomy terms of the resource directory that are missing. Idempotent, and
 * never overwrites: a term renamed in the database keeps its name. Runs after each migration.
 */
export async function ensureSocialSpaceDefaults(db: Db): Promise<void> {
  await db
    .insert(resourceTaxonomyTerms)
    .values(defaultTaxonomyTerms.map((t, position) => ({ ...t, id: defaultTermId(t.code), position })))
    .onConflictDoNothing({ target: resourceTaxonomyTerms.code });
}
