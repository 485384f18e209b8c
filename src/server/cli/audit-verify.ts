/**
 * `npm run audit:verify`: checks the audit hash chain of the configured database from the command
 * line (same environment as the server: DATABASE_URL, or DATA_DIR for PGlite).
 *
 * Exit codes: 0 the chain is intact · 1 the chain is broken · 2 the check could not run (invalid
 * configuration, no database, or a PGlite directory locked by a running server — then the server's
 * data-protection-officer API GET /api/v1/audit/verify does the same check).
 *
 * Read-only: unlike the API, it records no `audit.verified` event, so it can be pointed at a copy or
 * backup without changing it. `--json` prints the raw result instead of the sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import { DataDirLockedError } from '../db/data-dir-lock';
import { verifyAuditChain } from '../platform/audit/audit-log';

const reasonText = {
  hash_mismatch: { de: 'Eintrag nachträglich verändert', en: 'row was altered' },
  prev_hash_mismatch: { de: 'Vorgänger verändert oder umsortiert', en: 'predecessor altered or reordered' },
  gap: { de: 'Eintrag fehlt (gelöscht)', en: 'row missing (deleted)' },
} as const;

function cannotRun(de: string, en: string, detail?: string): never {
  console.error(`Audit-Prüfung nicht möglich: ${de} / Audit check could not run: ${en}`);
  if (detail) console.error(detail);
  process.exit(2);
}

function cliConfig(): Config {
  try {
    // The CLI never seeds, so a production environment without LOTSE_SEED must not be refused.
    return loadConfig({ ...process.env, LOTSE_SEED: 'none' });
  } catch (err) {
    if (err instanceof ConfigError) cannotRun('ungültige Konfiguration', 'invalid configuration', err.message);
    throw err;
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const config = cliConfig();

  let database: Database;
  let where: string;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    where = `PostgreSQL ${url.host}${url.pathname}`;
    database = await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: 2 });
  } else {
    const dataDir = path.resolve(config.dataDir);
    where = `PGlite ${dataDir}`;
    // openDatabase would create an empty database here and report an empty, "intact" chain.
    if (!fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) {
      cannotRun(
        `keine Datenbank in ${dataDir} (DATA_DIR oder DATABASE_URL setzen)`,
        `no database in ${dataDir} (set DATA_DIR or DATABASE_URL)`,
      );
    }
    try {
      database = await openDatabase({ kind: 'pglite', dataDir });
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        cannotRun(
          'ein laufender Lotse-Server benutzt das Datenverzeichnis; dieselbe Prüfung bietet die DSB-Schnittstelle GET /api/v1/audit/verify des Servers',
          'a running Lotse server holds the data directory; its data-protection-officer API GET /api/v1/audit/verify does the same check',
          err.message,
        );
      }
      throw err;
    }
  }

  try {
    const result = await verifyAuditChain(database.db);
    if (json) {
      console.log(JSON.stringify(result));
    } else if (result.ok) {
      const head = result.headSeq === null ? 'leer / empty' : `#${result.headSeq} ${result.headHash}`;
      console.log(
        `Audit-Kette intakt: ${result.checked} Einträge, Kopf ${head} / ` +
          `Audit chain intact: ${result.checked} events (${where})`,
      );
    } else {
      const broken = result.firstBroken!;
      const reason = reasonText[broken.reason];
      console.log(
        `Audit-Kette GEBROCHEN bei Eintrag #${broken.seq}: ${reason.de} (${broken.reason}); ${result.checked} Einträge davor intakt / ` +
          `Audit chain BROKEN at event #${broken.seq}: ${reason.en}; ${result.checked} events before it intact (${where})`,
      );
    }
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

/** The innermost cause's message: "connect ECONNREFUSED 127.0.0.1:5432", not the failed SQL text. */
function rootMessage(err: unknown): string {
  let e = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

main().catch((err: unknown) => {
  console.error(
    `Audit-Prüfung nicht möglich: Datenbankfehler / Audit check could not run: database error: ${rootMessage(err)}`,
  );
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(err);
  process.exit(2);
});
