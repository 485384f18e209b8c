/**
 * A small HTTP client for the people benchmark: keep-alive connections on 127.0.0.1, the demo
 * sign-in (session cookie plus CSRF token for writes), and a pool that keeps a fixed number of
 * requests in flight while timing each one from the client's side.
 */
import http from 'node:http';
import { DEMO_PASSWORD } from '../src/server/db/seed-demo';

export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type Session = { cookie: string; csrf: string };

export class BenchHttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(baseUrl: string, connections: number) {
    this.base = new URL(baseUrl);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(this.base.hostname)) {
      throw new Error(`benchmarks load loopback addresses only, not ${this.base.hostname}`);
    }
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  request(
    method: 'GET' | 'POST',
    path: string,
    options: { session?: Session; body?: unknown } = {},
  ): Promise<HttpAnswer> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json', 'accept-language': 'de' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (options.session) {
      headers.cookie = options.session.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = options.session.csrf;
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Signs a demo user in with the published demo password; the user must not need a second factor. */
  async login(username: string): Promise<Session> {
    const res = await this.request('POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${res.body}`);
    const body = JSON.parse(res.body) as { state: string; csrfToken: string };
    if (body.state !== 'complete') throw new Error(`login as ${username} ended in state ${body.state}`);
    const setCookie = res.headers['set-cookie']?.[0];
    if (!setCookie) throw new Error('login answered without a session cookie');
    return { cookie: setCookie.split(';')[0]!, csrf: body.csrfToken };
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Runs `task` over `items` with at most `concurrency` in flight; returns the results in input
 * order with each task's wall-clock duration in milliseconds.
 */
export async function timedPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, worker: number) => Promise<R>,
  onProgress?: (done: number) => void,
): Promise<{ result: R; ms: number }[]> {
  const out = new Array<{ result: R; ms: number }>(items.length);
  let next = 0;
  let done = 0;
  const worker = async (w: number) => {
    while (next < items.length) {
      const i = next++;
      const started = performance.now();
      const result = await task(items[i]!, w);
      out[i] = { result, ms: performance.now() - started };
      done++;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, (_, w) => worker(w)));
  return out;
}

/** Nearest-rank percentile (q in 0..1) of a list of numbers. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export type Latency = { p50: number; p95: number; p99: number; mean: number; count: number };

export function latencyOf(ms: readonly number[]): Latency {
  return {
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    p99: percentile(ms, 0.99),
    mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length),
    count: ms.length,
  };
}
