import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { ensureDataProtectionDefaults } from '../modules/data-protection/defaults';
import { ensureReferralDefaults } from '../modules/referrals/referrals-defaults';
import { ensureSocialSpaceDefaults } from '../modules/social-space/social-space-defaults';
import { migrationsFolder, type Database } from './client';

/** Arbitrary constant: serialises migrations of several app processes starting at once. */
const MIGRATION_LOCK = 727_274_001;

/**
 * Applies the committed SQL migrations in drizzle/ (the same files on both engines), then the
 * reference data every installation needs (category matrix, consent texts, retention periods).
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    await ensureDataProtectionDefaults(database.db);
    await ensureSocialSpaceDefaults(database.db);
    await ensureReferralDefaults(database.db);
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migratePg(tx as unknown as NodePgDatabase, { migrationsFolder });
    await ensureDataProtectionDefaults(tx);
    await ensureSocialSpaceDefaults(tx);
    await ensureReferralDefaults(tx);
  });
}
