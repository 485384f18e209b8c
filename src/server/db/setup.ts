import type { Config } from '../config';
import { openDatabase, type Database } from './client';
import { migrateDatabase } from './migrate';
import { isSeeded, seedDemo } from './seed-demo';

/** Opens the configured engine, applies migrations and seeds the demo municipality if asked to. */
export async function prepareDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(database);
    if (config.seed === 'demo' && !(await isSeeded(database.db))) await seedDemo(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
