import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A port that was free a moment ago on 127.0.0.1 (the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null; afterMs: number };

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  output: () => string;
  exited: Promise<Exit>;
};

/**
 * Runs a TypeScript entry point as ONE node process (`node --import tsx`, not the tsx CLI, which
 * would put a second process between the test and the program and swallow signals and exit codes).
 */
export function spawnTs(script: string, args: string[], env: Record<string, string | undefined>): ServerProcess {
  const started = Date.now();
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  // A process under test uses the database it is given here, never one inherited from the suite.
  delete childEnv.DATABASE_URL;
  delete childEnv.TEST_DATABASE_URL;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(repoRoot, script), ...args], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, afterMs: Date.now() - started })),
  );
  const port = Number(env.PORT ?? 0);
  return { child, pid: child.pid ?? -1, port, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Starts `src/server/main.ts` on a PGlite data directory, without demo data, quietly. */
export async function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  return spawnTs('src/server/main.ts', [], {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOTSE_SEED: 'none',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...extraEnv,
  });
}

/** Polls GET /api/v1/health until it answers 200; fails early if the process exits. */
export async function waitUntilHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  let exited: Exit | null = null;
  void server.exited.then((e) => (exited = e));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited (${JSON.stringify(exited)}) before it was healthy:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

/** Waits for the exit, killing the process (and failing) if it takes longer than `ms`. */
export async function exitWithin(server: ServerProcess, ms: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const result = await Promise.race([server.exited, timeout]);
  clearTimeout(timer);
  if (result) return result;
  server.child.kill('SIGKILL');
  throw new Error(`process ${server.pid} did not exit within ${ms} ms:\n${server.output()}`);
}

/** Kills what is still running; for afterEach/afterAll. */
export async function killAll(servers: ServerProcess[]): Promise<void> {
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  }
  await Promise.all(servers.map((s) => s.exited));
}
