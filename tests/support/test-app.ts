import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed-demo';

/** A controllable clock: tests move time forward to hit session timeouts and lockouts. */
export type TestClock = { now: () => Date; advance: (ms: number) => void; set: (d: Date) => void };

export function createClock(start = new Date()): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
}

export const engine: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh database for one test file: an in-memory PGlite, or — when TEST_DATABASE_URL is set —
 * a new database on that PostgreSQL server, dropped again by `drop()`.
 */
export async function createTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const name = `lotse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 20 });
  return {
    database,
    url: url.href,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type Session = { cookie: string; csrf: string; userId: string };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: TestClock;
  databaseUrl?: string;
  close: () => Promise<void>;
  /** Signs a demo user in (with TOTP for users who have it) and returns cookie and CSRF token. */
  login: (username: string, password?: string) => Promise<Session>;
  /** Sends a request, as a session if given (adding the CSRF header for writes). */
  request: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { session?: Session; body?: unknown; headers?: Record<string, string>; remoteAddress?: string },
  ) => Promise<LightMyRequestResponse>;
};

export function cookieFrom(res: LightMyRequestResponse): string {
  const setCookie = res.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return first.split(';')[0]!;
}

/** A TOTP code for a secret at the clock's time. */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export async function createTestApp(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const { database, drop, url } = await createTestDatabase();
  await migrateDatabase(database);
  if (options.seed !== false) await seedDemo(database.db);
  const config = loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'none', LOG_LEVEL: 'silent', ...options.env });
  const clock = createClock();
  const app = await buildApp({ config, database, now: clock.now, logger: false });
  await app.ready();

  const request: TestApp['request'] = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(opts.session ? { cookie: opts.session.cookie } : {}),
        ...(opts.session && method !== 'GET' ? { 'x-csrf-token': opts.session.csrf } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      ...(opts.body !== undefined ? { payload: JSON.stringify(opts.body) } : {}),
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    });

  // Fixture sign-ins come from a client address of their own: the per-address ceiling of the
  // sign-in routes (100 a minute) guards against one client guessing passwords, and a test that
  // signs in many users quickly (the model test) must not trip it.
  let fixtureClients = 0;
  const fixtureClient = () => {
    fixtureClients += 1;
    return `10.77.${Math.floor(fixtureClients / 250) % 250}.${(fixtureClients % 250) + 1}`;
  };

  // Each TOTP code is accepted once, so consecutive admin logins move the clock to the next step.
  const login: TestApp['login'] = async (username, password = DEMO_PASSWORD) => {
    const res = await request('POST', '/api/v1/auth/login', {
      body: { username, password },
      remoteAddress: fixtureClient(),
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const body = res.json<{ state: string; csrfToken: string; me: { user: { id: string } } | null }>();
    let session: Session = { cookie: cookieFrom(res), csrf: body.csrfToken, userId: body.me?.user.id ?? '' };
    if (body.state === 'totp_pending') {
      clock.advance(30_000);
      const code = await totpCode(DEMO_ADMIN_TOTP_SECRET, clock.now());
      const verify = await request('POST', '/api/v1/auth/totp/verify', { session, body: { code } });
      if (verify.statusCode !== 200)
        throw new Error(`totp for ${username} failed: ${verify.statusCode} ${verify.body}`);
      const me = verify.json<{ user: { id: string }; session: { csrfToken: string } }>();
      session = { cookie: cookieFrom(verify), csrf: me.session.csrfToken, userId: me.user.id };
    }
    return session;
  };

  return {
    app,
    database,
    config,
    clock,
    databaseUrl: url,
    login,
    request,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
