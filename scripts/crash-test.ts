/**
 * `npm run test:crash`: durability proof on PGlite. Requirement: after kill -9 during writes, a restart
 * loses no acknowledged write (reliability-security.md §4.4, §5.4).
 *
 * Each round starts scripts/crash-writer.ts as its own process on ONE data directory shared by all
 * rounds (so every round also recovers from the previous crashes), lets it commit numbered batches,
 * and kills it with SIGKILL after a random 0.3–2.5 s of writing. The harness then reopens the
 * directory in this process through openDatabase — taking over the killed writer's stale data-dir
 * lock — and checks:
 *   1. the database opens, migrates and answers;
 *   2. every acknowledged batch is present, complete (no partial transaction), and at most one
 *      unacknowledged batch per round (committed, killed before the ack) exists beyond them;
 *   3. every present batch has exactly one audit event and no audit event exists without its batch
 *      (the audit write shares the transaction), and the audit hash chain verifies;
 *   4. the application built on the reopened database answers GET /api/v1/health with 200;
 *   5. closing releases the lock.
 *
 * Options: --rounds N (default 20) · --seed N (reproduce the kill times) · --keep (keep the data
 * directory). Ends with "crash-test rounds: N ok, M failed"; exits 1 on any failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, rawRows } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { verifyAuditChain } from '../src/server/platform/audit/audit-log';

const repoRoot = path.resolve(import.meta.dirname, '..');
const writerScript = path.join(repoRoot, 'scripts', 'crash-writer.ts');
const LOCK_FILE = 'lotse.lock';

type Options = { rounds: number; seed: number; keep: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = { rounds: 20, seed: Date.now() % 2 ** 31, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = Number.parseInt(argv[++i] ?? '', 10);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${arg} needs a non-negative integer`);
      return v;
    };
    if (arg === '--rounds') options.rounds = Math.max(1, value());
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--') continue;
    else throw new Error(`unknown option ${arg} (use --rounds N, --seed N, --keep)`);
  }
  return options;
}

/** mulberry32: a tiny seeded generator, so a failing run can be repeated with --seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Batch numbers in the ack file; a torn last line (no newline) acknowledges nothing. */
function readAcks(ackFile: string): number[] {
  if (!fs.existsSync(ackFile)) return [];
  const text = fs.readFileSync(ackFile, 'utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => Number.parseInt(l, 10));
}

type WriterRun = { pid: number; startBatch: number; killedAfterMs: number; stderr: string };

/** Starts the writer, waits until it writes, kills it with SIGKILL after `killAfterMs`. */
async function runWriter(dataDir: string, ackFile: string, rows: number, killAfterMs: number): Promise<WriterRun> {
  // node --import tsx (not the tsx CLI): one process, so SIGKILL hits the writer itself.
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, dataDir, ackFile, String(rows)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const ready = await new Promise<number | null>((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(null), 120_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /ready (\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  if (ready === null) {
    child.kill('SIGKILL');
    const how = await exited;
    throw new Error(`writer did not start (exit ${how.code ?? how.signal}):\n${stderr.trim()}`);
  }

  const started = Date.now();
  const early = await Promise.race([sleep(killAfterMs).then(() => null), exited]);
  if (early) throw new Error(`writer died on its own before the kill (exit ${early.code ?? early.signal}):\n${stderr}`);
  child.kill('SIGKILL');
  const how = await exited;
  if (how.signal !== 'SIGKILL') throw new Error(`writer ended with ${how.code ?? how.signal}, not SIGKILL`);
  return { pid: child.pid ?? -1, startBatch: ready, killedAfterMs: Date.now() - started, stderr };
}

type RoundResult = { ok: boolean; line: string };

async function verifyRound(
  dataDir: string,
  ackFile: string,
  run: WriterRun,
  state: { unackedAllowed: number },
): Promise<{ problems: string[]; facts: string }> {
  const problems: string[] = [];
  const lockPath = path.join(dataDir, LOCK_FILE);
  const staleOwner = fs.existsSync(lockPath) ? Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10) : null;
  if (staleOwner !== run.pid) {
    problems.push(`expected the killed writer's stale lock (pid ${run.pid}), found ${staleOwner ?? 'no lock file'}`);
  }

  const openStart = Date.now();
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const openMs = Date.now() - openStart;
  try {
    await migrateDatabase(database);
    await database.ping();

    const acks = readAcks(ackFile);
    const ackSet = new Set(acks);
    const present = await rawRows<{ batch: number; n: number; size: number }>(
      database.db,
      sql`SELECT batch, count(*)::int AS n, min(batch_size)::int AS size FROM crash_test_rows GROUP BY batch ORDER BY batch`,
    );
    const presentMap = new Map(present.map((r) => [r.batch, r]));
    const missing = acks.filter((b) => !presentMap.has(b));
    if (missing.length > 0) {
      problems.push(`LOST ${missing.length} acknowledged batch(es): ${missing.slice(0, 10).join(', ')}`);
    }
    const partial = present.filter((r) => r.n !== r.size);
    if (partial.length > 0) {
      problems.push(
        `partial batch(es): ${partial
          .slice(0, 5)
          .map((r) => `${r.batch} has ${r.n}/${r.size} rows`)
          .join(', ')}`,
      );
    }
    const maxPresent = present.at(-1)?.batch ?? 0;
    if (present.length !== maxPresent)
      problems.push(`gap in batches: ${present.length} present, highest ${maxPresent}`);
    const ackedThisRound = acks.filter((b) => b >= run.startBatch);
    const lastAck = ackedThisRound.at(-1) ?? run.startBatch - 1;
    if (maxPresent > lastAck + 1)
      problems.push(`batches beyond the one in flight: highest ${maxPresent}, last ack ${lastAck}`);
    const unacked = present.filter((r) => !ackSet.has(r.batch)).length;
    if (maxPresent === lastAck + 1) state.unackedAllowed += 1;
    if (unacked > state.unackedAllowed)
      problems.push(`${unacked} unacknowledged batches present, at most ${state.unackedAllowed} expected`);

    const audited = await rawRows<{ subject_id: string; n: number }>(
      database.db,
      sql`SELECT subject_id, count(*)::int AS n FROM audit_events WHERE subject_type = 'crash_test_batch' GROUP BY subject_id`,
    );
    const auditMap = new Map(audited.map((r) => [Number(r.subject_id), r.n]));
    const withoutAudit = present.filter((r) => auditMap.get(r.batch) !== 1).map((r) => r.batch);
    const auditWithoutBatch = [...auditMap.keys()].filter((b) => !presentMap.has(b));
    if (withoutAudit.length > 0)
      problems.push(`batches without exactly one audit event: ${withoutAudit.slice(0, 10).join(', ')}`);
    if (auditWithoutBatch.length > 0)
      problems.push(`audit events without their batch: ${auditWithoutBatch.slice(0, 10).join(', ')}`);
    const chain = await verifyAuditChain(database.db);
    const [total] = await rawRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_events`);
    if (!chain.ok) problems.push(`audit chain broken at seq ${chain.firstBroken?.seq} (${chain.firstBroken?.reason})`);
    else if (chain.checked !== total?.n) problems.push(`audit chain checked ${chain.checked} of ${total?.n} rows`);

    const config = loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'none', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const app = await buildApp({ config, database, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      if (res.statusCode !== 200) problems.push(`health answered ${res.statusCode}: ${res.body}`);
    } finally {
      await app.close();
    }

    return {
      problems,
      facts:
        `${ackedThisRound.length} acked this round (${acks.length} in all), ` +
        `${maxPresent === lastAck + 1 ? '1 committed before its ack' : 'none beyond the acks'}, ` +
        `reopen ${openMs} ms, audit chain ${chain.ok ? 'ok' : 'BROKEN'} (${chain.checked} events)`,
    };
  } finally {
    await database.close();
    if (fs.existsSync(lockPath)) problems.push('lock file still present after close');
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const random = rng(options.seed);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-crash-'));
  const dataDir = path.join(workDir, 'data');
  const ackFile = path.join(workDir, 'acks.txt');
  console.log(
    `crash test: ${options.rounds} rounds of kill -9 during writes on PGlite (seed ${options.seed}, dir ${workDir})`,
  );
  const state = { unackedAllowed: 0 };
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  for (let round = 1; round <= options.rounds; round++) {
    // Small transactions commit often (many kills land between commits); large ones put several
    // WAL pages in flight (kills land inside a commit).
    const rows = round % 2 === 1 ? 10 : 200;
    const killAfterMs = Math.round(300 + random() * 2200);
    const label = `round ${String(round).padStart(2)}/${options.rounds}`;
    let result: RoundResult;
    try {
      const run = await runWriter(dataDir, ackFile, rows, killAfterMs);
      const { problems, facts } = await verifyRound(dataDir, ackFile, run, state);
      result = {
        ok: problems.length === 0,
        line: `${label}: ${rows} rows/batch, SIGKILL after ${run.killedAfterMs} ms; ${facts}${
          problems.length ? `\n    FAIL: ${problems.join('\n    FAIL: ')}` : ' — ok'
        }`,
      };
    } catch (err) {
      result = {
        ok: false,
        line: `${label}: FAIL: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      };
    }
    console.log(result.line);
    if (result.ok) passed += 1;
    else failed += 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failed > 0 || options.keep) console.log(`data directory kept for inspection: ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
  console.log(`${options.rounds} rounds in ${seconds} s (seed ${options.seed}, repeat with --seed ${options.seed})`);
  console.log(`crash-test rounds: ${passed} ok, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error('crash test could not run:', err);
  process.exit(1);
});
