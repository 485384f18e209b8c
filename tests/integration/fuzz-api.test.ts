import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { routePolicy } from '../../src/server/platform/access/route-policy';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

/**
 * Random requests against every route in the policy, anonymous and as the signed-in system
 * administrator. Whatever arrives, the answer is never a 5xx, and every error is problem+json
 * with a code. The app is built a second time on the same database with a client directory so
 * that the static-file fallback is fuzzed on its real path (without a build it answers 503).
 */

/** 40 keeps the file well under a minute; FUZZ_RUNS=1000 for a longer hunt. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 40);
const INDEX_HTML = '<!doctype html><html lang="de"><title>Lotse</title><div id="root"></div></html>';
const ASSET_JS = 'console.log("lotse");';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Probe = { url: string; payload?: string; headers: Record<string, string> };

/** encodeURIComponent throws on lone surrogates; a client would have sent their replacement. */
const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

const printable = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** Any Unicode, NUL and lone surrogates included. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    '💥',
    'ä'.repeat(300),
    '__proto__',
    'constructor',
    'toString',
    '-0',
    '1e309',
    'NaN',
  ),
);

const jsonValue = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
  fc.json().map((s) => JSON.parse(s) as unknown),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** Field names the contracts know, so that wrong types reach the validators of real fields. */
const knownFields = [
  'username',
  'password',
  'displayName',
  'email',
  'agencyId',
  'teamId',
  'roles',
  'initialPassword',
  'active',
  'newPassword',
  'currentPassword',
  'name',
  'shortMandate',
  'mandate',
  'legalBases',
  'contact',
  'code',
  'recoveryCode',
  'locale',
  '__proto__',
  'constructor',
];

const bodyArb: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom(...knownFields), jsonValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc
    .record(
      {
        roles: fc.array(fc.oneof(fc.constantFrom('system_admin', 'caseworker', 'root'), nasty), { maxLength: 8 }),
        legalBases: fc.array(fc.record({ norm: nasty, description: nasty }), { maxLength: 3 }),
        contact: fc.record({ address: nasty, phone: jsonValue, email: nasty, openingHours: jsonValue }),
        username: nasty,
        password: nasty,
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  fc.constantFrom(
    '',
    '{',
    '[',
    'null',
    '"',
    '{"a":',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '\u0000',
    '{"username":"\\u0000","password":"x"}',
    '{"name":"\\ud800"}',
    'a=b&c=d',
    '--x\r\nContent-Disposition: form-data\r\n\r\n',
  ),
  fc.string({ maxLength: 200 }),
);

const queryKeys = [
  'page',
  'pageSize',
  'q',
  'agencyId',
  'active',
  'sort',
  'dir',
  'type',
  'outcome',
  'from',
  'to',
  'subjectId',
  'actorUserId',
  'state',
  'code',
  'fehler',
  '__proto__',
  'constructor',
];

const queryArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...queryKeys), fc.string({ maxLength: 10 })),
        fc.oneof(
          fc.constantFrom(
            '',
            '0',
            '-1',
            '1',
            '201',
            '99999999999999999999',
            '1.5',
            'true',
            'asc',
            'desc',
            'lastLoginAt',
            'agency',
            '2025-02-30',
            '2025-13-01',
            'success',
            'denied',
            '%',
            '%00',
            '%E0%A4%A',
            '00000000-0000-0000-0000-000000000000',
          ),
          nasty.map(encode),
          fc.uuid(),
        ),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${encode(k)}=${v}`).join('&')}`),
  fc.constantFrom('?', '?&&&', '?=', '?a[b]=c', '?page=1&page=2', '?q=%', '?q=%ZZ', '?__proto__[x]=1', '?%ff=%fe'),
);

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/problem+json',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
  ';;;',
  'application/',
];

const headersArb: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'content-type': fc.oneof(fc.constantFrom(...contentTypes), printable(60)),
    'accept-language': fc.oneof(
      fc.constantFrom(
        'en',
        'de-DE,de;q=0.9',
        'ar;q=abc',
        ',,,;;;',
        'q=1',
        '*;q=0',
        'tr;q=1e999,en;q=-1',
        'ru, uk ;q=0.5',
      ),
      printable(200),
    ),
    accept: fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'), printable(50)),
    'user-agent': fc.integer({ min: 0, max: 6000 }).map((n) => 'Mozilla/5.0 '.padEnd(n, 'x')),
    'x-huge': fc.integer({ min: 1, max: 8000 }).map((n) => 'h'.repeat(n)),
    'x-forwarded-for': printable(80),
    'if-none-match': printable(40),
    range: fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=99999-', 'bytes=a-b', 'items=0-1'),
  },
  { requiredKeys: [] },
);

/** A path parameter: real ids, random uuids, and strings a uuid validator must turn away. */
function idArb(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...realIds),
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
    fc.string({ maxLength: 60 }).map(encode),
    nasty.map(encode),
    fc.constantFrom(
      '..',
      '%2e%2e',
      '%00',
      '%E0%A4%A',
      '%',
      'null',
      '-1',
      '0',
      '1e999',
      'a'.repeat(199),
      '00000000-0000-0000-0000-00000000000g',
    ),
  );
}

/** A path for the SPA fallback: client routes, asset names, traversal and broken escapes. */
const spaPathArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.oneof(fc.string({ maxLength: 20 }).map(encode), nasty.map(encode)), { maxLength: 4 })
    .map((parts) => `/${parts.join('/')}`),
  fc.constantFrom(
    '/',
    '/index.html',
    '/assets/app.js',
    '/assets/missing.js',
    '/faelle/123',
    '/%',
    '/%E0%A4%A',
    '/%ff.js',
    '/a%00.js',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2f..%2fetc%2fpasswd',
    '/api',
    '/api/',
    '/api/v1/unknown',
    '/api/v1/users/%',
    '/favicon.ico',
    '/.env',
    '/assets/%2e%2e%5c%2e%2e%5cindex.html',
  ),
);

function checkResponse(res: LightMyRequestResponse, what: string): void {
  if (res.statusCode >= 500) throw new Error(`${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json'))
      throw new Error(`${what} → ${res.statusCode} as ${type}: ${res.body.slice(0, 200)}`);
    const body = JSON.parse(res.body) as { code?: unknown; status?: unknown };
    if (typeof body.code !== 'string' || body.status !== res.statusCode) {
      throw new Error(`${what} → ${res.statusCode} without a proper code: ${res.body.slice(0, 200)}`);
    }
  }
  if (res.statusCode === 200 && /root:|"name":\s*"lotse"|DATABASE_URL/.test(res.body)) {
    throw new Error(`${what} → leaked a file outside the client directory`);
  }
}

describe('fuzzing every route in the policy', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let clientDir: string;
  let admin: Session;
  const realIds: string[] = [];
  const ownIds = { agency: '', user: '' };
  /** Every status seen per "METHOD route as who", to show the fuzzer got past the gate. */
  const seen = new Map<string, Set<number>>();

  beforeAll(async () => {
    t = await createTestApp();
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-fuzz-client-'));
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), INDEX_HTML);
    fs.writeFileSync(path.join(clientDir, 'assets', 'app.js'), ASSET_JS);
    app = await buildApp({ config: t.config, database: t.database, now: t.clock.now, logger: false, clientDir });
    await app.ready();
    admin = await t.login('admin');
    const agencies = await t.request('GET', '/api/v1/agencies', { session: admin });
    realIds.push(...agencies.json<{ items: { id: string }[] }>().items.map((a) => a.id));
    ownIds.agency = realIds[0]!;
    const users = await t.request('GET', '/api/v1/users?pageSize=200', { session: admin });
    // Never the administrator's own account: a lucky reset would end the fuzzing session.
    realIds.push(
      ...users
        .json<{ items: { id: string }[] }>()
        .items.map((u) => u.id)
        .filter((id) => id !== admin.userId),
    );
    ownIds.user = realIds.at(-1)!;
    expect(realIds.length).toBeGreaterThan(15);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    if (clientDir) fs.rmSync(clientDir, { recursive: true, force: true });
  });

  it('serves the client from the fallback route (sanity check of the fuzzed app)', async () => {
    const index = await app.inject({ method: 'GET', url: '/faelle/neu' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe(ASSET_JS);
    const missing = await app.inject({ method: 'GET', url: '/assets/nope.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers a broken percent-escape or an over-long id with a 4xx, never a 5xx', async () => {
    for (const url of [
      '/%',
      '/%E0%A4%A',
      '/assets/%ff.js',
      '/faelle/%',
      '/api/v1/users/%',
      `/api/v1/agencies/${'a'.repeat(201)}`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('answers router-level rejections (bad escapes, over-long ids) as problem+json too', async () => {
    for (const url of ['/%', '/api/v1/users/%E0%A4%A', `/api/v1/agencies/${'a'.repeat(201)}`]) {
      const res = await app.inject({ method: 'GET', url });
      expect(String(res.headers['content-type']), url).toMatch(/^application\/problem\+json/);
      // An over-long id matches no API route and falls through to "not found".
      expect(['MALFORMED_REQUEST', 'NOT_FOUND'], url).toContain(res.json<{ code: string }>().code);
    }
  });

  function probeArb(key: string): fc.Arbitrary<Probe> {
    const [, template] = key.split(' ') as [Method, string];
    const pathArb =
      template === '/*'
        ? spaPathArb
        : template.includes(':id')
          ? idArb(realIds).map((id) => template.replace(':id', id))
          : fc.constant(template);
    return fc.record({
      url: fc.tuple(pathArb, queryArb).map(([p, q]) => p + q),
      payload: bodyArb,
      headers: headersArb,
    });
  }

  /** A plain, well-formed request, tried first on every route, so each run reaches the handler once. */
  function plainProbe(key: string): Probe {
    const [, template] = key.split(' ') as [Method, string];
    const id = template.startsWith('/api/v1/agencies') ? ownIds.agency : ownIds.user;
    return { url: template === '/*' ? '/' : template.replace(':id', id), payload: undefined, headers: {} };
  }

  const routes = Object.keys(routePolicy);

  for (const key of routes) {
    const [method] = key.split(' ') as [Method];
    for (const as of ['anonymous', 'admin'] as const) {
      // Signing out or changing the own password would end the session the fuzzer runs on.
      const endsOwnSession = key === 'POST /api/v1/auth/logout' || key === 'POST /api/v1/auth/password';
      if (as === 'admin' && endsOwnSession) continue;
      it(`${key} as ${as}: never 5xx, every error is problem+json with a code`, async () => {
        const statuses = new Set<number>();
        seen.set(`${key} as ${as}`, statuses);
        const details = await fc.check(
          fc.asyncProperty(probeArb(key), async (probe) => {
            const headers: Record<string, string> = { ...probe.headers };
            if (as === 'admin') {
              headers.cookie = admin.cookie;
              headers['x-csrf-token'] = admin.csrf;
            } else if (probe.headers['x-huge'] && probe.headers['x-huge'].length % 2 === 0) {
              headers.cookie = `lotse_session=${probe.headers['x-huge'].slice(0, 64)}`;
            }
            const res = await app.inject({
              method,
              url: probe.url,
              headers,
              ...(probe.payload !== undefined && method !== 'GET' ? { payload: probe.payload } : {}),
            });
            statuses.add(res.statusCode);
            checkResponse(
              res,
              `${method} ${probe.url} (${as}, ${headers['content-type'] ?? 'no type'}, body ${String(probe.payload).slice(0, 80)})`,
            );
          }),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true, examples: [[plainProbe(key)]] },
        );
        if (details.failed) {
          const short = JSON.stringify(details.counterexample, (_k, v: unknown) =>
            typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length})` : v,
          );
          const cause =
            details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(
            `${cause.slice(0, 600)}\n  seed ${details.seed}, path ${details.counterexamplePath}\n  counterexample ${short}`,
          );
        }
        expect(statuses.size).toBeGreaterThan(0);
        expect([...statuses].every((s) => s < 500)).toBe(true);
      });
    }
  }

  it('got past the gate: the administrator reached a 2xx on every readable route', () => {
    const readable = [
      'GET /api/v1/health',
      'GET /api/v1/openapi.json',
      'GET /*',
      'GET /api/v1/auth/me',
      'GET /api/v1/workspace',
      'GET /api/v1/agencies',
      'GET /api/v1/agencies/:id',
      'GET /api/v1/users',
      'GET /api/v1/users/:id',
    ];
    const missing = readable.filter((k) => ![...(seen.get(`${k} as admin`) ?? [])].some((s) => s >= 200 && s < 300));
    expect(missing).toEqual([]);
    // And anonymous callers were turned away from everything that needs a session.
    expect([...(seen.get('GET /api/v1/users as anonymous') ?? [])].every((s) => s === 401 || s === 400)).toBe(true);
  });

  it('leaves the administrator signed in and the audit chain intact', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin.cookie } });
    expect(me.statusCode).toBe(200);
    const dsb = await t.login('dsb');
    const verify = await t.request('GET', '/api/v1/audit/verify', { session: dsb });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, firstBroken: null });
  });
});
