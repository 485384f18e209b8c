/**
 * The reference the issue asks for: a plain pg_trgm similarity search over
 * `lower(given_names || ' ' || family_name)` with a GIN trigram index (created by the loader),
 * measured in the same run, on the same engine and data, straight from the benchmark process
 * (no HTTP, no session, no access check, no audit – it has less to do than the application).
 *
 * - duplicate check: people with similarity ≥ t and the same date of birth (day, month, year);
 *   t is the threshold with the best F1 on a separate calibration sample;
 * - search: the 10 people with the highest similarity among those above pg_trgm's default
 *   threshold 0.3 (the `%` operator); the date of birth is not used.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { rawRows, type Database, type Db } from '../src/server/db/client';
import { parseDateOfBirth } from '../src/shared/domain/people-matching/date-of-birth';
import { indexOfUuid, type DuplicateQuery, type SearchQuery } from './people-data';

const NAME = sql.raw(`lower(given_names || ' ' || family_name)`);
/** pg_trgm's default similarity threshold, used by the search baseline. */
export const SEARCH_THRESHOLD = 0.3;
const CALIBRATION_GRID = Array.from({ length: 19 }, (_, i) => Number((0.05 * (i + 1)).toFixed(2)));

/** Connections the baseline queries run on: one per worker on PostgreSQL, the one PGlite session shared. */
export type BaselineConnections = { workers: Db[]; close: () => Promise<void> };

export async function baselineConnections(
  database: Database,
  postgresUrl: string | undefined,
  count: number,
): Promise<BaselineConnections> {
  if (database.kind === 'pglite' || !postgresUrl) {
    return { workers: Array.from({ length: count }, () => database.db), close: async () => undefined };
  }
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      return c;
    }),
  );
  return {
    workers: clients.map((c) => drizzle(c) as unknown as Db),
    close: async () => {
      await Promise.all(clients.map((c) => c.end()));
    },
  };
}

/** Sets the `%` operator's threshold on every connection (a session setting). */
export async function setSimilarityThreshold(connections: BaselineConnections, t: number): Promise<void> {
  for (const db of new Set(connections.workers)) await db.execute(sql`SELECT set_limit(${t}::real)`);
}

function fullDate(dateOfBirth: string): { y: number; m: number; d: number } {
  const dob = parseDateOfBirth(dateOfBirth);
  if (dob.precision !== 'day') throw new Error(`duplicate-check queries carry a full date, not ${dateOfBirth}`);
  return { y: dob.year!, m: dob.month!, d: dob.day! };
}

const queryName = (q: { givenNames: string; familyName: string }) => `${q.givenNames} ${q.familyName}`;

/** Baseline duplicate check: person indices with similarity ≥ t and the same date of birth. */
export async function baselineDuplicateCheck(db: Db, q: DuplicateQuery, t: number): Promise<number[]> {
  const { y, m, d } = fullDate(q.dateOfBirth);
  const name = queryName(q);
  const rows = await rawRows<{ id: string }>(
    db,
    sql`SELECT id FROM people
        WHERE ${NAME} % lower(${name}) AND similarity(${NAME}, lower(${name})) >= ${t}::real
          AND dob_year = ${y} AND dob_month = ${m} AND dob_day = ${d}`,
  );
  return rows.map((r) => indexOfUuid(r.id));
}

/** Baseline search: the 10 most similar names (ties by id). */
export async function baselineSearch(db: Db, q: SearchQuery): Promise<number[]> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`SELECT id FROM people WHERE ${NAME} % lower(${q.q})
        ORDER BY similarity(${NAME}, lower(${q.q})) DESC, id LIMIT 10`,
  );
  return rows.map((r) => indexOfUuid(r.id));
}

/** True and false positives of one duplicate-check answer (pairs, as the engine's evaluation counts them). */
export function scoreAnswer(truth: number, found: readonly number[]): { tp: number; fp: number; fn: number } {
  const hit = truth >= 0 && found.includes(truth);
  return {
    tp: hit ? 1 : 0,
    fn: truth >= 0 && !hit ? 1 : 0,
    fp: found.filter((i) => i !== truth).length,
  };
}

/**
 * Picks the similarity threshold with the best F1 on a calibration sample (not the measured
 * queries): one query per registration returns everyone with the same date of birth and the
 * similarity of their name, and every threshold of the grid 0.05…0.95 is scored on that.
 */
export async function calibrateThreshold(
  db: Db,
  sample: readonly DuplicateQuery[],
): Promise<{ threshold: number; f1: number; recall: number; precision: number }> {
  const answers: { truth: number; found: { index: number; s: number }[] }[] = [];
  for (const q of sample) {
    const { y, m, d } = fullDate(q.dateOfBirth);
    const name = queryName(q);
    const rows = await rawRows<{ id: string; s: number | string }>(
      db,
      sql`SELECT id, similarity(${NAME}, lower(${name})) AS s FROM people
          WHERE dob_year = ${y} AND dob_month = ${m} AND dob_day = ${d}`,
    );
    answers.push({ truth: q.truth, found: rows.map((r) => ({ index: indexOfUuid(r.id), s: Number(r.s) })) });
  }
  let best = { threshold: 0, f1: -1, recall: 0, precision: 0 };
  for (const t of CALIBRATION_GRID) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const a of answers) {
      const r = scoreAnswer(
        a.truth,
        a.found.filter((f) => f.s >= t).map((f) => f.index),
      );
      tp += r.tp;
      fp += r.fp;
      fn += r.fn;
    }
    const recall = tp / Math.max(1, tp + fn);
    const precision = tp / Math.max(1, tp + fp);
    const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
    if (f1 > best.f1) best = { threshold: t, f1, recall, precision };
  }
  return best;
}
