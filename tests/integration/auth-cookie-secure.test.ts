import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../../src/server/db/seed-demo';
import { createTestApp, totpCode, type TestApp } from '../support/test-app';

/** The session cookie of a response: name, value and lower-cased attribute names → values. */
function setCookie(res: LightMyRequestResponse) {
  const raw = res.headers['set-cookie'];
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (!header) throw new Error(`no Set-Cookie on ${res.statusCode}: ${res.body}`);
  const [pair = '', ...attrs] = header.split(';').map((s) => s.trim());
  const attributes = new Map(
    attrs.map((a) => {
      const i = a.indexOf('=');
      return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
    }),
  );
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

function expectHostCookie(res: LightMyRequestResponse) {
  const cookie = setCookie(res);
  expect(cookie.name).toBe('__Host-lotse_session');
  expect(cookie.attributes.has('secure')).toBe(true);
  expect(cookie.attributes.has('httponly')).toBe(true);
  expect(cookie.attributes.get('samesite')).toBe('Strict');
  expect(cookie.attributes.get('path')).toBe('/');
  expect(cookie.attributes.has('domain')).toBe(false); // required by the __Host- prefix
  return cookie;
}

describe('session cookie with COOKIE_SECURE=true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { COOKIE_SECURE: 'true' } });
  });
  afterAll(async () => t.close());

  it('uses a __Host- prefixed Secure cookie and reads only that name', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'sozialamt', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = expectHostCookie(res);

    const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    const plainName = await t.request('GET', '/api/v1/auth/me', {
      headers: { cookie: `lotse_session=${cookie.value}` },
    });
    expect(plainName.statusCode).toBe(401);

    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    const out = await t.request('POST', '/api/v1/auth/logout', {
      headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const cleared = expectHostCookie(out);
    expect(cleared.value).toBe('');
  });

  it('sets the rotated cookie after the second factor the same way', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: DEMO_PASSWORD } });
    const pending = expectHostCookie(res);
    t.clock.advance(30_000);
    const verify = await t.request('POST', '/api/v1/auth/totp/verify', {
      headers: {
        cookie: `${pending.name}=${pending.value}`,
        'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken,
      },
      body: { code: await totpCode(DEMO_ADMIN_TOTP_SECRET, t.clock.now()) },
    });
    expect(verify.statusCode).toBe(200);
    const rotated = expectHostCookie(verify);
    expect(rotated.value).not.toBe(pending.value);
  });

  it('asks browsers to upgrade insecure requests', async () => {
    const res = await t.request('GET', '/api/v1/health');
    expect(String(res.headers['content-security-policy'])).toMatch(/(^|;)\s*upgrade-insecure-requests\s*(;|$)/);
  });
});
