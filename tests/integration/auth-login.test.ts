import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/db/seed-demo';
import { cookieFrom, createTestApp, type Session, type TestApp } from '../support/test-app';

const LOGIN = '/api/v1/auth/login';
const MINUTE = 60_000;

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

/** The Set-Cookie header of a response, split into name, value and lower-cased attributes. */
function parseSetCookie(res: LightMyRequestResponse) {
  const raw = res.headers['set-cookie'];
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (!header) throw new Error('no Set-Cookie');
  const [pair = '', ...attrs] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attributes = new Map(
    attrs.map((a) => {
      const i = a.indexOf('=');
      return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
    }),
  );
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

describe('password login', () => {
  let t: TestApp;
  let admin: Session;

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.request('POST', LOGIN, { body: { username, password }, headers });

  const failedLoginAudits = async (username: string) =>
    t.database.db
      .select({ outcome: auditEvents.outcome, details: auditEvents.details, subjectId: auditEvents.subjectId })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'auth.login.failed'), sql`${auditEvents.details}->>'username' = ${username}`));

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('signs in with a strict HttpOnly session cookie and returns state, me and the CSRF token', async () => {
    const res = await login('sozialamt', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = parseSetCookie(res);
    expect(cookie.name).toBe('lotse_session');
    expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Strict');
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.has('domain')).toBe(false);
    expect(cookie.attributes.has('secure')).toBe(false); // COOKIE_SECURE is off in this app

    const body = res.json<{
      state: string;
      csrfToken: string;
      me: { user: { username: string }; session: { csrfToken: string } };
    }>();
    expect(body.state).toBe('complete');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(body.me.user.username).toBe('sozialamt');
    expect(body.me.session.csrfToken).toBe(body.csrfToken);
  });

  it('GET /auth/me answers user, agency and roles of the session', async () => {
    const res = await login('jobcenter', DEMO_PASSWORD);
    const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie: cookieFrom(res) } });
    expect(me.statusCode).toBe(200);
    const body = me.json<{
      user: { username: string; displayName: string; roles: string[]; totpEnrolled: boolean };
      agency: { id: string; name: string; kind: string };
      session: { state: string };
      permissions: string[];
    }>();
    expect(body.user).toMatchObject({
      username: 'jobcenter',
      displayName: 'Jonas Krämer',
      roles: ['caseworker'],
      totpEnrolled: false,
    });
    expect(body.agency.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.agency.name).toMatch(/Jobcenter/i);
    expect(body.session.state).toBe('complete');
    expect(body.permissions).toContain('agency.read');
    expect(body.permissions).not.toContain('user.manage');

    const anonymous = await t.request('GET', '/api/v1/auth/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers wrong password, unknown user and deactivated user identically', async () => {
    const agencies = await t.request('GET', '/api/v1/agencies', { session: admin });
    const agencyId = agencies.json<{ items: { id: string }[] }>().items[0]!.id;
    const created = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: {
        username: 'inaktiv.test',
        displayName: 'Inge Inaktiv',
        agencyId,
        roles: ['caseworker'],
        initialPassword: 'ein-langes-passwort-123',
      },
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json<{ id: string }>().id;
    expect((await login('inaktiv.test', 'ein-langes-passwort-123')).statusCode).toBe(200);
    const deactivated = await t.request('PATCH', `/api/v1/users/${userId}`, {
      session: admin,
      body: { active: false },
    });
    expect(deactivated.statusCode).toBe(200);

    const wrongPassword = await login('abh', 'not-the-password');
    const unknownUser = await login('niemand.hier', 'not-the-password');
    const inactiveUser = await login('inaktiv.test', 'ein-langes-passwort-123');

    for (const res of [wrongPassword, unknownUser, inactiveUser]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(unknownUser.json()).toEqual(wrongPassword.json());
    expect(inactiveUser.json()).toEqual(wrongPassword.json());
    expect(wrongPassword.json()).toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      title: 'Anmeldung fehlgeschlagen',
      detail: 'Benutzername oder Passwort ist falsch.',
    });
  });

  it('answers in English when the caller asks for it', async () => {
    const res = await login('niemand.englisch', 'x', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      title: 'Sign-in failed',
      detail: 'Username or password is wrong.',
    });
    const german = await login('niemand.deutsch', 'x', { 'accept-language': 'fr, de;q=0.5, en;q=0.1' });
    expect(german.json()).toMatchObject({ title: 'Anmeldung fehlgeschlagen' });
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('jugendamt', DEMO_PASSWORD);
    const token = tokenOf(cookieFrom(res));
    const rows = await t.database.db.select().from(sessions);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (typeof value === 'string') expect(value).not.toContain(token);
      }
    }
    const own = rows.filter((r) => r.tokenHash === sha256(token));
    expect(own).toHaveLength(1);
    expect(own[0]!.revokedAt).toBeNull();
  });

  it('issues a new token at every login, also when a session cookie is sent along', async () => {
    const first = cookieFrom(await login('gesundheitsamt', DEMO_PASSWORD));
    const second = await login('gesundheitsamt', DEMO_PASSWORD, { cookie: first });
    expect(second.statusCode).toBe(200);
    const renewed = cookieFrom(second);
    expect(tokenOf(renewed)).not.toBe(tokenOf(first));
    const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie: renewed } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { username: string } }>().user.username).toBe('gesundheitsamt');
  });

  describe('throttling', () => {
    it('locks a username for 15 minutes after 5 failures, even for the right password, and audits each failure', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await login('wohnungsamt', `falsch-${i}`);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      }
      const locked = await login('wohnungsamt', DEMO_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ status: 429, code: 'LOGIN_LOCKED' });
      expect(locked.headers['set-cookie']).toBeUndefined();
      expect(locked.headers['retry-after']).toBe(String(15 * 60));

      t.clock.advance(14 * MINUTE);
      const stillLocked = await login('wohnungsamt', DEMO_PASSWORD);
      expect(stillLocked.statusCode).toBe(429);
      expect(stillLocked.headers['retry-after']).toBe('60');

      t.clock.advance(1 * MINUTE + 1000);
      const again = await login('wohnungsamt', DEMO_PASSWORD);
      expect(again.statusCode).toBe(200);

      const audits = await failedLoginAudits('wohnungsamt');
      expect(audits.filter((a) => a.outcome === 'failure')).toHaveLength(5);
      expect(audits.filter((a) => a.outcome === 'denied')).toHaveLength(2);
      expect(audits.every((a) => a.subjectId === null || /^[0-9a-f-]{36}$/.test(a.subjectId))).toBe(true);
    });

    it('locks a username that does not exist the same way (no enumeration)', async () => {
      for (let i = 0; i < 5; i++) {
        expect((await login('gibt.es.nicht', `falsch-${i}`)).statusCode).toBe(401);
      }
      const lockedUnknown = await login('gibt.es.nicht', 'falsch');
      expect(lockedUnknown.statusCode).toBe(429);

      for (let i = 0; i < 5; i++) await login('cbe', `falsch-${i}`);
      const lockedKnown = await login('cbe', 'falsch');
      expect(lockedKnown.statusCode).toBe(429);
      expect(lockedUnknown.json()).toEqual(lockedKnown.json());
      expect(lockedUnknown.headers['retry-after']).toBe(lockedKnown.headers['retry-after']);

      const audits = await failedLoginAudits('gibt.es.nicht');
      expect(audits.filter((a) => a.outcome === 'failure')).toHaveLength(5);
      expect(audits.every((a) => a.subjectId === null)).toBe(true);

      t.clock.advance(15 * MINUTE + 1000);
      const afterLock = await login('gibt.es.nicht', 'falsch');
      expect(afterLock.statusCode).toBe(401);
      expect((await login('cbe', DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('treats usernames case-insensitively for the lockout', async () => {
      for (let i = 0; i < 5; i++) await login(i % 2 ? 'STEUERUNG' : ' Steuerung ', `falsch-${i}`);
      expect((await login('steuerung', DEMO_PASSWORD)).statusCode).toBe(429);
      t.clock.advance(15 * MINUTE + 1000);
      expect((await login('steuerung', DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('does not evaluate more than 5 guesses when they arrive in parallel', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login('dsb', `parallel-${i}`)));
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
      expect((await login('dsb', DEMO_PASSWORD)).statusCode).toBe(429);
      t.clock.advance(15 * MINUTE + 1000);
      expect((await login('dsb', DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('clears the failure count after a successful login', async () => {
      for (let i = 0; i < 4; i++) expect((await login('aa', `falsch-${i}`)).statusCode).toBe(401);
      expect((await login('aa', DEMO_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login('aa', `falsch-${i}`)).statusCode).toBe(401);
      expect((await login('aa', DEMO_PASSWORD)).statusCode).toBe(200);
    });
  });
});
