import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/db/seed-demo';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

const PROBLEM_KEYS = new Set(['type', 'title', 'status', 'detail', 'code', 'instance', 'errors']);
/** Traces of internals that must never reach a client: stack frames, paths, parser and driver messages. */
const INTERNALS =
  /\bat [\w.<>]+ \(|\.(ts|js|mjs):\d+|node_modules|\/work\/|\bError:|FST_ERR|Unexpected (token|end)|JSON\.parse|SyntaxError|TypeError|Cannot read|duplicate key|violates|relation "|PGlite|drizzle|sql/i;

/** Every error answer is RFC 9457 problem+json with the fixed fields and nothing internal. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = res.json<Record<string, unknown>>();
  expect(body.status).toBe(status);
  expect(body.code).toBe(code);
  expect(body.type).toMatch(/^https:\/\/.+\/problems\/[a-z-]+$/);
  expect(typeof body.title === 'string' && body.title.length > 0).toBe(true);
  expect(typeof body.detail === 'string' && body.detail.length > 0).toBe(true);
  for (const key of Object.keys(body)) expect(PROBLEM_KEYS, `unexpected key ${key}`).toContain(key);
  expect(res.body).not.toMatch(INTERNALS);
  return body;
}

function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('HTTP security', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  describe('CSRF', () => {
    it('refuses cookie-authenticated writes without or with a wrong X-CSRF-Token, and changes nothing', async () => {
      const s = await t.login('sozialamt');
      const missing = await t.request('PUT', '/api/v1/auth/locale', {
        headers: { cookie: s.cookie },
        body: { locale: 'en' },
      });
      expectProblem(missing, 403, 'CSRF_FAILED');
      const wrong = await t.request('PUT', '/api/v1/auth/locale', {
        session: s,
        headers: { 'x-csrf-token': `${s.csrf.slice(0, -1)}${s.csrf.endsWith('A') ? 'B' : 'A'}` },
        body: { locale: 'en' },
      });
      expectProblem(wrong, 403, 'CSRF_FAILED');
      const empty = await t.request('PUT', '/api/v1/auth/locale', {
        session: s,
        headers: { 'x-csrf-token': '' },
        body: { locale: 'en' },
      });
      expectProblem(empty, 403, 'CSRF_FAILED');

      const me = await t.request('GET', '/api/v1/auth/me', { session: s });
      expect(me.statusCode).toBe(200); // GETs need no token
      expect(me.json<{ user: { locale: string } }>().user.locale).toBe('de');

      const ok = await t.request('PUT', '/api/v1/auth/locale', { session: s, body: { locale: 'en' } });
      expect(ok.statusCode).toBe(204);
      const after = await t.request('GET', '/api/v1/auth/me', { session: s });
      expect(after.json<{ user: { locale: string } }>().user.locale).toBe('en');
    });

    it('binds the token to its session', async () => {
      const a = await t.login('jobcenter');
      const b = await t.login('abh');
      const crossed = await t.request('PUT', '/api/v1/auth/locale', {
        headers: { cookie: b.cookie, 'x-csrf-token': a.csrf },
        body: { locale: 'en' },
      });
      expectProblem(crossed, 403, 'CSRF_FAILED');
    });

    it('protects POST and PATCH of the admin API', async () => {
      const target = await t.login('jugendamt');
      const patch = await t.request('PATCH', `/api/v1/users/${target.userId}`, {
        headers: { cookie: admin.cookie },
        body: { displayName: 'Gekapert' },
      });
      expectProblem(patch, 403, 'CSRF_FAILED');
      const user = await t.request('GET', `/api/v1/users/${target.userId}`, { session: admin });
      expect(user.json<{ displayName: string }>().displayName).toBe('Jana Hoffmann');

      const agencies = await t.request('GET', '/api/v1/agencies', { session: admin });
      const agencyId = agencies.json<{ items: { id: string }[] }>().items[0]!.id;
      const post = await t.request('POST', '/api/v1/users', {
        session: admin,
        headers: { 'x-csrf-token': 'nicht-das-token-aber-lang-genug' },
        body: {
          username: 'csrf.opfer',
          displayName: 'CSRF Opfer',
          agencyId,
          roles: ['caseworker'],
          initialPassword: 'ein-langes-passwort',
        },
      });
      expectProblem(post, 403, 'CSRF_FAILED');
      const search = await t.request('GET', '/api/v1/users?q=csrf.opfer', { session: admin });
      expect(search.statusCode).toBe(200);
      expect(search.json<{ page: { total: number } }>().page.total).toBe(0);

      const password = await t.request('POST', '/api/v1/auth/password', {
        headers: { cookie: target.cookie },
        body: { currentPassword: DEMO_PASSWORD, newPassword: 'ein-neues-langes-passwort' },
      });
      expectProblem(password, 403, 'CSRF_FAILED');
      expect((await t.request('GET', '/api/v1/auth/me', { session: target })).statusCode).toBe(200);
    });

    it('refuses writes from a foreign Origin even with the right token', async () => {
      const s = await t.login('gesundheitsamt');
      for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
        const res = await t.request('PUT', '/api/v1/auth/locale', {
          session: s,
          headers: { origin },
          body: { locale: 'en' },
        });
        expectProblem(res, 403, 'CSRF_FAILED');
      }
      const me = await t.request('GET', '/api/v1/auth/me', { session: s, headers: { origin: 'https://evil.example' } });
      expect(me.json<{ user: { locale: string } }>().user.locale).toBe('de');

      const sameOrigin = await t.request('PUT', '/api/v1/auth/locale', {
        session: s,
        headers: { origin: 'http://localhost:80' },
        body: { locale: 'en' },
      });
      expect(sameOrigin.statusCode).toBe(204);

      const foreignLogin = await t.request('POST', '/api/v1/auth/login', {
        headers: { origin: 'https://evil.example' },
        body: { username: 'wohnungsamt', password: DEMO_PASSWORD },
      });
      expectProblem(foreignLogin, 403, 'CSRF_FAILED');
      expect(foreignLogin.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('headers', () => {
    it('sets the security headers on successful and error answers alike', async () => {
      const responses = [
        await t.request('GET', '/api/v1/health'),
        await t.request('GET', '/api/v1/auth/me'),
        await t.request('GET', '/api/v1/agencies', { session: admin }),
        await t.request('GET', '/api/v1/does-not-exist'),
        await t.request('POST', '/api/v1/auth/login', {
          body: { username: 'x', password: 'y' },
          headers: { origin: 'https://evil.example' },
        }),
      ];
      expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 200, 404, 403]);
      for (const res of responses) {
        const policy = csp(res);
        expect(policy.get('object-src')).toEqual(["'none'"]);
        expect(policy.get('base-uri')).toEqual(["'none'"]);
        expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
        expect(policy.get('default-src')).toEqual(["'self'"]);
        expect(policy.get('script-src')).toEqual(["'self'"]);
        const hsts = String(res.headers['strict-transport-security']);
        expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31536000);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });
  });

  describe('error answers', () => {
    it('answers unknown API routes with a problem, not with the client', async () => {
      expectProblem(await t.request('GET', '/api/v1/nope'), 404, 'NOT_FOUND');
      expectProblem(await t.request('POST', '/api/v1/nope', { body: {} }), 404, 'NOT_FOUND');
    });

    it('answers unparsable JSON with 400 MALFORMED_REQUEST', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "sozialamt", "password": ',
      });
      expectProblem(res, 400, 'MALFORMED_REQUEST');
      const proto = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "a", "password": "b", "__proto__": {"x": 1}}',
      });
      expectProblem(proto, 400, 'MALFORMED_REQUEST');
    });

    it('answers a text/plain body with 415', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: 'username=sozialamt&password=lotse-demo',
      });
      const body = expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(body.title).toBe('Format nicht unterstützt');
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'username=sozialamt&password=lotse-demo',
      });
      expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers a body over 1 MiB with 413', async () => {
      const res = await t.request('POST', '/api/v1/auth/login', {
        body: { username: 'sozialamt', password: 'x'.repeat(1024 * 1024 + 10) },
      });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('lists validation errors per field in German, or English on request', async () => {
      const res = await t.request('POST', '/api/v1/auth/login', { body: { username: '', password: 42 } });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.title).toBe('Ungültige Eingabe');
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { path: 'body.username', message: 'Pflichtangabe.' },
          { path: 'body.password', message: 'Der Wert hat den falschen Typ.' },
        ]),
      );

      const s = await t.login('aa');
      const locale = await t.request('PUT', '/api/v1/auth/locale', { session: s, body: { locale: 'fr' } });
      expect(expectProblem(locale, 400, 'VALIDATION_FAILED').errors).toEqual([
        { path: 'body.locale', message: 'Ungültiger Wert. Erlaubt: de, en.' },
      ]);
      const short = await t.request('POST', '/api/v1/auth/password', {
        session: s,
        body: { currentPassword: DEMO_PASSWORD },
      });
      expect(expectProblem(short, 400, 'VALIDATION_FAILED').errors).toEqual([
        { path: 'body.newPassword', message: 'Pflichtangabe.' },
      ]);

      const english = await t.request('POST', '/api/v1/auth/password', {
        session: s,
        headers: { 'accept-language': 'en' },
        body: { currentPassword: DEMO_PASSWORD, newPassword: 'kurz' },
      });
      const en = expectProblem(english, 400, 'VALIDATION_FAILED');
      expect(en.title).toBe('Invalid input');
      expect(en.errors).toEqual([{ path: 'body.newPassword', message: 'At least 12 characters.' }]);

      const params = await t.request('GET', '/api/v1/users/not-a-uuid', { session: admin });
      expect(expectProblem(params, 400, 'VALIDATION_FAILED').errors).toEqual([
        { path: 'params.id', message: 'Keine gültige Kennung.' },
      ]);
    });

    it('never lets an internal message out, also for odd input', async () => {
      const odd = [
        await t.request('POST', '/api/v1/auth/login', { body: { username: 'nul\u0000byte', password: 'x' } }),
        await t.request('POST', '/api/v1/auth/login', { body: { username: 'sozialamt', password: 'nul\u0000byte' } }),
        await t.request('GET', '/api/v1/auth/me', { headers: { cookie: `lotse_session=${'A'.repeat(60)}\u0000` } }),
        await t.request('GET', '/api/v1/auth/me', { headers: { cookie: 'lotse_session=%E0%A4%A' } }),
        await t.request('GET', `/api/v1/users?q=${encodeURIComponent("'; DROP TABLE users; --\u0000")}`, {
          session: admin,
        }),
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '',
        }),
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '[]',
        }),
      ];
      // PostgreSQL cannot store a NUL byte: that is the client's malformed request, not a server error.
      expectProblem(odd[0]!, 400, 'MALFORMED_REQUEST');
      expectProblem(odd[1]!, 401, 'INVALID_CREDENTIALS');
      expectProblem(odd[2]!, 401, 'UNAUTHENTICATED');
      expectProblem(odd[4]!, 400, 'MALFORMED_REQUEST');
      for (const res of odd) {
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        expect(res.body).not.toMatch(INTERNALS);
      }
    });
  });
});
