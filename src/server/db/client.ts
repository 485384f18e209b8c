import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Runs `SELECT 1`; throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../drizzle');

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` is a directory, or `memory://` for a throwaway database (tests). */
  | { kind: 'pglite'; dataDir: string };

/** Opens the configured engine. For PGlite the data directory is locked for this process first. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      ping: async () => {
        await pool.query('SELECT 1');
      },
      close: async () => {
        await pool.end();
      },
    };
  }
  const inMemory = options.dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : acquireDataDirLock(options.dataDir);
  try {
    const client = await PGlite.create({
      dataDir: inMemory ? undefined : path.resolve(options.dataDir, 'pg'),
      extensions: { pg_trgm, fuzzystrmatch, unaccent },
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    let closed = false;
    return {
      kind: 'pglite',
      db,
      ping: async () => {
        await client.query('SELECT 1');
      },
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Rows of a raw statement, on either driver. */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
