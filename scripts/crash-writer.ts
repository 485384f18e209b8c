/**
 * The writer half of the crash test (scripts/crash-test.ts starts it and kills it with SIGKILL).
 *
 * Opens a PGlite data directory through the project's own openDatabase + migrateDatabase (so the
 * data-directory lock and the migrations are exercised), then commits numbered batches forever: each
 * transaction inserts several rows into a test-only table and appends one audit event through
 * recordAudit(), so the hash chain is written under the same kill. Only after COMMIT has returned is
 * the batch number appended to the ack file and fsync'd: every number in that file is a write the
 * application was told is durable.
 *
 * Usage: node --import tsx scripts/crash-writer.ts <dataDir> <ackFile> <rowsPerBatch>
 * Prints "ready <nextBatch>" on stdout once the database is open and writing starts.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, rawRows } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { recordAudit } from '../src/server/platform/audit/audit-log';

/** Not part of the migrations: the crash test owns this table and creates it in its own directory. */
const CRASH_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS crash_test_rows (
    batch integer NOT NULL,
    idx integer NOT NULL,
    batch_size integer NOT NULL,
    payload text NOT NULL,
    PRIMARY KEY (batch, idx)
  )`;

async function main(): Promise<void> {
  const [dataDir, ackFile, rowsArg] = process.argv.slice(2);
  if (!dataDir || !ackFile) throw new Error('usage: crash-writer.ts <dataDir> <ackFile> <rowsPerBatch>');
  const rows = Number.parseInt(rowsArg ?? '10', 10);

  const database = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(database);
  await database.db.execute(sql.raw(CRASH_TABLE_SQL));
  const [last] = await rawRows<{ max: number | null }>(
    database.db,
    sql`SELECT max(batch)::int AS max FROM crash_test_rows`,
  );
  let batch = (last?.max ?? 0) + 1;

  const ackFd = fs.openSync(ackFile, 'a');
  process.stdout.write(`ready ${batch}\n`);

  for (;;) {
    const n = batch;
    // About 2 kB per row, as in the research experiment: enough WAL per commit to span pages.
    const payload = randomBytes(768).toString('base64');
    await database.db.transaction(async (tx) => {
      const values = Array.from(
        { length: rows },
        (_, idx) => sql`(${n}, ${idx}, ${rows}, ${payload + String(idx).padStart(4, '0')})`,
      );
      await tx.execute(
        sql`INSERT INTO crash_test_rows (batch, idx, batch_size, payload) VALUES ${sql.join(values, sql`, `)}`,
      );
      await recordAudit(
        tx,
        { actor: null, ip: null, requestId: `crash-test-${n}`, now: new Date() },
        {
          type: 'agency.updated',
          subjectType: 'crash_test_batch',
          subjectId: String(n),
          details: { fields: ['crash_test'] },
        },
      );
    });
    // COMMIT has returned: acknowledge, synchronously and durably, before the next batch.
    fs.appendFileSync(ackFd, `${n}\n`);
    fs.fsyncSync(ackFd);
    batch += 1;
  }
}

main().catch((err: unknown) => {
  console.error('crash-writer failed:', err);
  process.exit(1);
});
