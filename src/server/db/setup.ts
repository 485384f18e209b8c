import type { Config } from '../config';
import { openDatabase, type Database } from './client';
import { recomputeStaleBlockingKeys } from '../modules/people/people.repository';
import { migrateDatabase } from './migrate';
import { isSeeded, seedDemo } from './seed-demo';

/**
 * Opens the configured engine, applies migrations, brings stale blocking keys up to date and seeds the demo
 * municipality if asked to.
 */
export async function prepareDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(database);
    // Keys computed by an older matching scheme would hide people from search and duplicate checks.
    await recomputeStaleBlockingKeys(database.db);
    if (config.seed === 'demo' && !(await isSeeded(database.db))) await seedDemo(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
