import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase, rawRows } from '../../src/server/db/client';
import { acquireDataDirLock, DataDirLockedError } from '../../src/server/db/data-dir-lock';
import {
  exitWithin,
  killAll,
  repoRoot,
  spawnTs,
  startServer,
  waitUntilHealthy,
  type ServerProcess,
} from '../support/server-process';

// The data-directory lock is a PGlite matter: the PostgreSQL run of the suite skips this file.
const onPglite = !process.env.TEST_DATABASE_URL;
const hasProc = fs.existsSync('/proc/self/stat');

let tmpRoot: string;
const running: ServerProcess[] = [];

beforeAll(() => {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-lock-test-'));
});
afterEach(async () => {
  await killAll(running.splice(0));
});
afterAll(() => {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

const freshDir = () => fs.mkdtempSync(path.join(tmpRoot, 'data-'));
const lockFile = (dir: string) => path.join(dir, 'lotse.lock');
const track = (s: ServerProcess) => (running.push(s), s);

/** A PID that certainly belongs to no running process: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

function auditVerify(dataDir: string): ServerProcess {
  return track(spawnTs('src/server/cli/audit-verify.ts', [], { DATA_DIR: dataDir, NODE_ENV: 'test' }));
}

describe.skipIf(!onPglite)('data-directory lock (in-process)', () => {
  it('refuses a second lock in the same process and allows it after release', () => {
    const dir = freshDir();
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    acquireDataDirLock(dir)();
  });

  it('takes over the lock of a process that no longer exists', () => {
    const dir = freshDir();
    fs.writeFileSync(lockFile(dir), `${deadPid()}\n`);
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
  });

  it('takes over a lock left unreadable (empty) by an older version', () => {
    const dir = freshDir();
    fs.writeFileSync(lockFile(dir), '');
    acquireDataDirLock(dir)();
  });

  it.skipIf(!hasProc)('tells a reused PID from the real owner by its start time and boot id', () => {
    const dir = freshDir();
    // A live process that is not Lotse: its PID is in the lock, but with another start time.
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    if (!sleeper.pid) throw new Error('could not start sleep');
    onTestFinished(() => void sleeper.kill('SIGKILL'));
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    fs.writeFileSync(lockFile(dir), `${sleeper.pid}\n1\n${boot}\n`);
    acquireDataDirLock(dir)();

    fs.writeFileSync(lockFile(dir), `${process.pid}\n1\n${boot}\n`);
    acquireDataDirLock(dir)();

    // The same PID from an earlier boot (a restarted container or machine).
    const stat = fs.readFileSync(`/proc/${sleeper.pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    fs.writeFileSync(lockFile(dir), `${sleeper.pid}\n${start}\nother-boot\n`);
    acquireDataDirLock(dir)();

    // The real owner (same PID, same start, same boot) keeps its lock.
    fs.writeFileSync(lockFile(dir), `${sleeper.pid}\n${start}\n${boot}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(/already in use by process/);
  });

  it('lets exactly one of several processes take over a stale lock at the same moment', async () => {
    // Many rounds, each on its own directory with a stale lock, all contenders starting together:
    // the race between "judge stale, remove" and "create" is short, so one round rarely shows it.
    const rounds = 25;
    const dirs = Array.from({ length: rounds }, () => {
      const dir = freshDir();
      fs.writeFileSync(lockFile(dir), `${deadPid()}\n`);
      return dir;
    });
    const script = path.join(tmpRoot, 'contender.ts');
    fs.writeFileSync(
      script,
      `import { acquireDataDirLock } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'src/server/db/data-dir-lock.ts')).href)};
const [at, step, ...dirs] = process.argv.slice(2);
const releases: (() => void)[] = [];
dirs.forEach((dir, round) => {
  while (Date.now() < Number(at) + round * Number(step)) { /* line up with the other contenders */ }
  try {
    releases.push(acquireDataDirLock(dir));
    console.log('won', round);
  } catch (err) {
    console.log('refused', round, (err as Error).constructor.name);
  }
});
// Hold every lock won until all contenders are past the last round: a late contender must meet a
// live owner, not a released lock.
setTimeout(() => releases.forEach((release) => release()), Number(at) + dirs.length * Number(step) + 2500 - Date.now());
`,
    );
    const at = Date.now() + 4000; // enough for every contender to load tsx first
    const contenders = Array.from({ length: 6 }, () => track(spawnTs(script, [String(at), '50', ...dirs], {})));
    await Promise.all(contenders.map((c) => exitWithin(c, 40_000)));
    const lines = contenders.flatMap((c) => c.output().trim().split('\n'));
    expect(lines).toHaveLength(6 * rounds);
    for (let round = 0; round < rounds; round++) {
      const winners = lines.filter((l) => l === `won ${round}`);
      expect(winners, `winners of round ${round}`).toHaveLength(1);
      expect(lines.filter((l) => l === `refused ${round} DataDirLockedError`)).toHaveLength(5);
    }
    for (const dir of dirs) expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe.skipIf(!onPglite)('data-directory lock (real server processes)', () => {
  it('refuses a second server on the same DATA_DIR while the first keeps serving, then shuts down cleanly on SIGTERM', async () => {
    const dir = freshDir();
    const first = track(await startServer(dir));
    await waitUntilHealthy(first);

    const second = track(await startServer(dir));
    const exit = await exitWithin(second, 10_000);
    expect(exit.code).not.toBe(0);
    expect(exit.afterMs).toBeLessThan(5000);
    expect(second.output()).toContain('Lotse kann nicht starten');
    expect(second.output()).toContain(`already in use by process ${first.pid}`);

    // The command-line audit check is a second opener too, and points to the server's API instead.
    const verifyWhileRunning = auditVerify(dir);
    expect((await exitWithin(verifyWhileRunning, 30_000)).code).toBe(2);
    expect(verifyWhileRunning.output()).toContain('GET /api/v1/audit/verify');

    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${first.url}/api/v1/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    }

    // One audited write through HTTP, then SIGTERM: the write must be readable after the shutdown.
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lock-test-nobody', password: 'wrong password' }),
    });
    expect(login.status).toBe(401);

    first.child.kill('SIGTERM');
    const stopped = await exitWithin(first, 15_000);
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(fs.existsSync(lockFile(dir))).toBe(false);

    const verify = auditVerify(dir);
    expect((await exitWithin(verify, 30_000)).code).toBe(0);
    expect(verify.output()).toMatch(/Audit-Kette intakt: [1-9]\d* Einträge/);

    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const rows = await rawRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM audit_events WHERE type = 'auth.login.failed' AND details->>'username' = 'lock-test-nobody'`,
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('starts on a directory whose server was killed with SIGKILL (stale lock taken over)', async () => {
    const dir = freshDir();
    const killed = track(await startServer(dir));
    await waitUntilHealthy(killed);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(fs.readFileSync(lockFile(dir), 'utf8').split('\n')[0]).toBe(String(killed.pid));

    const next = track(await startServer(dir));
    await waitUntilHealthy(next);
    next.child.kill('SIGTERM');
    expect(await exitWithin(next, 15_000)).toMatchObject({ code: 0, signal: null });
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });
});
