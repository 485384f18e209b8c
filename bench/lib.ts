import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export const benchDir = import.meta.dirname;
export const repoRoot = path.resolve(benchDir, '..');

export type BenchOptions = {
  /** Concurrent connections of the load generator. */
  connections: number;
  /** Seconds of load before measuring each target, not counted. */
  warmupSeconds: number;
  /** Seconds of each measured run. */
  durationSeconds: number;
  /** people: size of the synthetic population (default 100,000). */
  people: number;
  /** people: duplicate checks and searches sent over HTTP, each (default 1,000). */
  queries: number;
  /** people: requests in flight at once (default 4). */
  concurrency: number;
};

/** One measured run of one target. */
export type Measurement = {
  target: string;
  run: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP975Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /**
   * CPU time the server process spent per answered request (user + system). Unlike throughput it
   * hardly depends on what else the machine runs, so it is the steadier number on a shared machine.
   */
  serverCpuUsPerRequest: number | null;
};

export type BenchResult = {
  name: string;
  description: string;
  /** What is measured, and the reference it is compared with in the same run. */
  subject: string;
  reference: string;
  /** subject ÷ reference (throughput); higher is better. Null for benchmarks that report quality tables. */
  ratio: number | null;
  /**
   * reference ÷ subject server CPU time per request: the same comparison by cost rather than by
   * throughput, steadier when other work shares the machine. Null where it could not be measured.
   */
  cpuRatio: number | null;
  target: number | null;
  verdict: 'PASS' | 'BELOW TARGET';
  measurements: Measurement[];
  /** Further result tables (quality and latency figures), printed and written to latest.md. */
  tables?: BenchTable[];
  notes: string[];
};

/** A result table: a title, column heads and rows of already formatted cells. */
export type BenchTable = { title: string; columns: string[]; rows: string[][] };

/** A benchmark is an entry in bench/run.ts; each compares a subject with a reference measured in the same run. */
export type Benchmark = {
  name: string;
  description: string;
  run: (options: BenchOptions, log: (line: string) => void) => Promise<BenchResult>;
};

let clockTicks: number | undefined;

/** CPU time (user + system) a process has used so far, in microseconds; null where /proc is missing. */
export function processCpuUs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks;
  } catch {
    return null;
  }
}

/**
 * Loads `url` on 127.0.0.1 for `seconds`; the load generator runs in this process, the server in the
 * process `serverPid`, whose CPU time per request is measured alongside.
 */
export async function measure(
  target: string,
  run: number,
  url: string,
  connections: number,
  seconds: number,
  serverPid?: number,
): Promise<Measurement> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`benchmarks load loopback addresses only, not ${host}`);
  }
  const cpuBefore = serverPid ? processCpuUs(serverPid) : null;
  const r = await autocannon({ url, connections, duration: seconds });
  const cpuAfter = serverPid ? processCpuUs(serverPid) : null;
  const answered = r.requests.total;
  return {
    target,
    run,
    requestsPerSec: r.requests.average,
    latencyP50Ms: r.latency.p50,
    latencyP975Ms: r.latency.p97_5,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    serverCpuUsPerRequest:
      cpuBefore !== null && cpuAfter !== null && answered > 0 ? (cpuAfter - cpuBefore) / answered : null,
  };
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** A server host prints this and one line of JSON on stderr when it is ready. */
export const READY_MARKER = 'BENCH_READY ';

/**
 * Starts a server host (`node --import tsx <script>`) in its own process — so that it does not share
 * an event loop with the load generator — and waits for the JSON line it prints when it listens.
 */
export async function startHost<T>(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ info: T; pid: number; stop: () => Promise<void> }> {
  // stdout goes to /dev/null (a logging host writes its request log there); the ready line and
  // errors come on stderr.
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(benchDir, script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const info = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 120 s:\n${stderr}`)), 120_000);
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const line = stderr.split('\n').find((l) => l.startsWith(READY_MARKER));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(READY_MARKER.length)) as T);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${stderr}`));
    });
  });
  return {
    info,
    pid: child.pid ?? -1,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
