/**
 * Fresh databases for the people benchmark and a fast bulk load of the synthetic population:
 * the project's migrations and demo seed (so that a real demo user signs in), then people and
 * their name variants in multi-row INSERTs of 1,000 rows, one transaction per batch, with the
 * blocking keys computed by the server's own `blockingKeysOf`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { agencies, users } from '../src/server/db/schema';
import { seedDemo } from '../src/server/db/seed-demo';
import { blockingKeysOf, dateOfBirthColumns } from '../src/server/modules/people/people-matching';
import { BLOCKING_KEYS_VERSION } from '../src/shared/domain/people-matching/blocking-keys';
import { ALPHA2, personUuid, type StoredPerson } from './people-data';

/** The demo user the benchmark signs in as; every person is registered by this user's agency. */
export const BENCH_USER = 'sozialamt';
const BATCH = 1_000;

/** A throwaway database on one engine. */
export type BenchTarget = {
  engine: 'pglite' | 'postgres';
  /** Arguments of bench/people-server.ts: engine and data directory or URL. */
  hostArgs: [string, string];
  open: () => Promise<Database>;
  /** Removes the data directory or drops the database. */
  dispose: () => Promise<void>;
};

export function pgliteTarget(): BenchTarget {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-people-'));
  const dataDir = path.join(workDir, 'data');
  return {
    engine: 'pglite',
    hostArgs: ['pglite', dataDir],
    open: () => openDatabase({ kind: 'pglite', dataDir }),
    dispose: async () => fs.rmSync(workDir, { recursive: true, force: true }),
  };
}

/** A new database `lotse_bench_<random>` on the server of `adminUrl`, dropped by `dispose`. */
export async function postgresTarget(adminUrl: string): Promise<BenchTarget & { name: string }> {
  const name = `lotse_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    name,
    hostArgs: ['postgres', url.href],
    open: () => openDatabase({ kind: 'postgres', url: url.href, poolSize: 8 }),
    dispose: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A value as an SQL literal. Only the benchmark's own generated data passes through here. */
function literal(v: string | number | boolean | null | readonly string[] | Date): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (Array.isArray(v)) return `ARRAY[${v.map((x: string) => literal(x)).join(',')}]::text[]`;
  // standard_conforming_strings is on in both engines: only the quote needs doubling.
  return `'${(v as string).replace(/'/g, "''")}'`;
}

const PERSON_COLUMNS = [
  'id',
  'given_names',
  'family_name',
  'name_order',
  'sex',
  'date_of_birth_raw',
  'dob_year',
  'dob_month',
  'dob_day',
  'dob_precision',
  'dob_placeholder',
  'place_of_birth',
  'country_of_birth',
  'nationalities',
  'registered_by_agency_id',
  'blocking_keys',
  'blocking_keys_version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
] as const;

/** The stored row of a synthetic person, as the server's create use case would write it (SQL tuple). */
function personTuple(index: number, s: StoredPerson, agencyId: string, userId: string, now: Date): string {
  const p = s.person;
  const nationality = ALPHA2[p.nationality] ?? null;
  const nationalities = nationality ? [nationality] : [];
  const dob = dateOfBirthColumns(p.dateOfBirth);
  const keys = blockingKeysOf({
    givenNames: p.givenNames,
    familyName: p.familyName,
    variants: s.variant ? [s.variant] : [],
    dateOfBirth: p.dateOfBirth,
    placeOfBirth: p.placeOfBirth ?? null,
    nationalities,
  });
  const values = [
    personUuid(index),
    p.givenNames,
    p.familyName,
    'given_family',
    p.sex === 'f' ? 'female' : 'male',
    dob.dateOfBirthRaw,
    dob.dobYear,
    dob.dobMonth,
    dob.dobDay,
    dob.dobPrecision,
    dob.dobPlaceholder,
    p.placeOfBirth ?? null,
    nationality,
    nationalities,
    agencyId,
    keys,
    BLOCKING_KEYS_VERSION,
    now,
    now,
    userId,
    userId,
  ];
  return `(${values.map(literal).join(',')})`;
}

/**
 * Migrates, seeds the demo municipality and loads the population into `database`, then adds the
 * baseline's trigram index and refreshes the planner statistics.
 */
export async function loadPopulation(
  database: Database,
  population: readonly StoredPerson[],
  log: (line: string) => void,
): Promise<{ seconds: number }> {
  const { db } = database;
  await migrateDatabase(database);
  await seedDemo(db);
  const [user] = await db
    .select({ userId: users.id, agencyId: users.agencyId })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.username, BENCH_USER));
  if (!user) throw new Error(`demo user ${BENCH_USER} missing after seeding`);
  const now = new Date();
  const started = performance.now();
  let nextLog = 10_000;
  for (let from = 0; from < population.length; from += BATCH) {
    const slice = population.slice(from, from + BATCH);
    // Multi-row INSERTs as literal SQL: on PGlite about twice as fast as binding ~20,000 parameters.
    const personSql = `INSERT INTO people (${PERSON_COLUMNS.join(', ')}) VALUES ${slice
      .map((p, k) => personTuple(from + k, p, user.agencyId, user.userId, now))
      .join(',\n')}`;
    const variantTuples = slice.flatMap((p, k) =>
      p.variant
        ? [
            `(${[personUuid(from + k), 'transliteration', p.variant.givenNames, p.variant.familyName, 0].map(literal).join(',')})`,
          ]
        : [],
    );
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(personSql));
      if (variantTuples.length > 0) {
        await tx.execute(
          sql.raw(
            `INSERT INTO person_name_variants (person_id, kind, given_names, family_name, position) VALUES ${variantTuples.join(',')}`,
          ),
        );
      }
    });
    const done = from + slice.length;
    if (done >= nextLog || done === population.length) {
      const s = (performance.now() - started) / 1000;
      log(`    loaded ${done.toLocaleString('en-US')} people in ${s.toFixed(1)} s (${Math.round(done / s)}/s)`);
      nextLog += 10_000;
    }
  }
  const indexStarted = performance.now();
  await db.execute(
    sql.raw(
      `CREATE INDEX people_bench_trgm_idx ON people USING gin (lower(given_names || ' ' || family_name) gin_trgm_ops)`,
    ),
  );
  // VACUUM merges the GIN indexes' pending lists (fastupdate) into the index proper and ANALYZE
  // gives the planner statistics. On PostgreSQL autovacuum would do both soon after a bulk load;
  // PGlite has no autovacuum, and an unmerged pending list of a few MB is scanned by every
  // `blocking_keys && $1` lookup (≈ 70 ms per lookup at 20,000 people, measured).
  await db.execute(sql.raw('VACUUM ANALYZE'));
  log(`    baseline trigram index and VACUUM ANALYZE: ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  return { seconds: (performance.now() - started) / 1000 };
}
