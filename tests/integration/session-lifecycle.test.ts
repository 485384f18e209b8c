import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/db/seed-demo';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const tokenHashOf = (s: Session) =>
  createHash('sha256')
    .update(s.cookie.slice(s.cookie.indexOf('=') + 1))
    .digest('hex');

describe('session lifecycle', () => {
  let t: TestApp;

  const me = (session: Session) => t.request('GET', '/api/v1/auth/me', { session });
  const status = async (session: Session) => (await me(session)).statusCode;
  const row = async (session: Session) =>
    (
      await t.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.tokenHash, tokenHashOf(session)))
    )[0]!;
  const loginStatus = async (username: string, password: string) =>
    (await t.request('POST', '/api/v1/auth/login', { body: { username, password } })).statusCode;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  describe('timeouts', () => {
    it('ends a session after 30 idle minutes', async () => {
      const active = await t.login('sozialamt');
      const idle = await t.login('jobcenter');
      t.clock.advance(29 * MINUTE);
      expect(await status(active)).toBe(200);
      t.clock.advance(2 * MINUTE);
      const expired = await me(idle);
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      // The request at minute 29 renewed the other session's idle window.
      expect(await status(active)).toBe(200);
      t.clock.advance(30 * MINUTE);
      expect(await status(active)).toBe(401);
    });

    it('keeps an active session alive: activity renews the idle window', async () => {
      const session = await t.login('abh');
      const loginAt = t.clock.now().getTime();
      for (let i = 1; i <= 4; i++) {
        t.clock.advance(20 * MINUTE);
        const res = await me(session);
        expect(res.statusCode, `after ${i * 20} minutes`).toBe(200);
        const idleEnd = Date.parse(res.json<{ session: { idleExpiresAt: string } }>().session.idleExpiresAt);
        expect(idleEnd).toBe(loginAt + i * 20 * MINUTE + 30 * MINUTE);
      }
    });

    it('writes last_seen at most once a minute', async () => {
      const session = await t.login('jugendamt');
      const created = (await row(session)).lastSeenAt.getTime();
      t.clock.advance(30 * SECOND);
      expect(await status(session)).toBe(200);
      expect((await row(session)).lastSeenAt.getTime()).toBe(created);
      t.clock.advance(31 * SECOND);
      expect(await status(session)).toBe(200);
      expect((await row(session)).lastSeenAt.getTime()).toBe(t.clock.now().getTime());
    });

    it('ends even an active session after 10 hours', async () => {
      const session = await t.login('gesundheitsamt');
      const loginAt = t.clock.now().getTime();
      const first = await me(session);
      expect(Date.parse(first.json<{ session: { expiresAt: string } }>().session.expiresAt)).toBe(loginAt + 10 * HOUR);
      while (t.clock.now().getTime() + 20 * MINUTE < loginAt + 10 * HOUR) {
        t.clock.advance(20 * MINUTE);
        expect(await status(session), `at ${(t.clock.now().getTime() - loginAt) / MINUTE} min`).toBe(200);
      }
      t.clock.set(new Date(loginAt + 10 * HOUR));
      const expired = await me(session);
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('ending sessions', () => {
    it('logout revokes the session and clears the cookie', async () => {
      const session = await t.login('wohnungsamt');
      const noCsrf = await t.request('POST', '/api/v1/auth/logout', { headers: { cookie: session.cookie } });
      expect(noCsrf.statusCode).toBe(403);
      expect(await status(session)).toBe(200);

      const out = await t.request('POST', '/api/v1/auth/logout', { session });
      expect(out.statusCode).toBe(204);
      const cleared = String(out.headers['set-cookie']);
      expect(cleared).toMatch(/^lotse_session=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);

      const after = await me(session);
      expect(after.statusCode).toBe(401);
      expect(after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      const stored = await row(session);
      expect(stored.revokedAt).not.toBeNull();
      expect(stored.revokeReason).toBe('logout');
      expect((await t.request('POST', '/api/v1/auth/logout', { session })).statusCode).toBe(401);
    });

    it('a password change ends every session of the user', async () => {
      const a = await t.login('aa');
      const b = await t.login('aa');
      const other = await t.login('cbe');

      const wrong = await t.request('POST', '/api/v1/auth/password', {
        session: a,
        body: { currentPassword: 'nicht-das-passwort', newPassword: 'ein-neues-passwort-2024' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      const tooShort = await t.request('POST', '/api/v1/auth/password', {
        session: a,
        body: { currentPassword: DEMO_PASSWORD, newPassword: 'kurz' },
      });
      expect(tooShort.statusCode).toBe(400);
      expect(await status(a)).toBe(200);
      expect(await status(b)).toBe(200);

      const changed = await t.request('POST', '/api/v1/auth/password', {
        session: a,
        body: { currentPassword: DEMO_PASSWORD, newPassword: 'ein-neues-passwort-2024' },
      });
      expect(changed.statusCode).toBe(204);
      expect(await status(a)).toBe(401);
      expect(await status(b)).toBe(401);
      expect((await row(b)).revokeReason).toBe('password_changed');
      expect(await status(other)).toBe(200);

      expect(await loginStatus('aa', DEMO_PASSWORD)).toBe(401);
      expect(await loginStatus('aa', 'ein-neues-passwort-2024')).toBe(200);
    });

    it('deactivating a user ends their sessions and blocks sign-in until reactivated', async () => {
      const admin = await t.login('admin');
      const victim = await t.login('cbe');
      const res = await t.request('PATCH', `/api/v1/users/${victim.userId}`, {
        session: admin,
        body: { active: false },
      });
      expect(res.statusCode).toBe(200);
      expect(await status(victim)).toBe(401);
      expect((await row(victim)).revokeReason).toBe('deactivated');
      expect(await loginStatus('cbe', DEMO_PASSWORD)).toBe(401);
      expect(await status(admin)).toBe(200);

      const back = await t.request('PATCH', `/api/v1/users/${victim.userId}`, {
        session: admin,
        body: { active: true },
      });
      expect(back.statusCode).toBe(200);
      expect(await loginStatus('cbe', DEMO_PASSWORD)).toBe(200);
    });

    it('changing roles ends the sessions; other edits do not', async () => {
      const admin = await t.login('admin');
      const user = await t.login('steuerung');
      const renamed = await t.request('PATCH', `/api/v1/users/${user.userId}`, {
        session: admin,
        body: { displayName: 'Stefan Tillmann-Neu' },
      });
      expect(renamed.statusCode).toBe(200);
      expect(await status(user)).toBe(200);

      const promoted = await t.request('PATCH', `/api/v1/users/${user.userId}`, {
        session: admin,
        body: { roles: ['steering', 'team_lead'] },
      });
      expect(promoted.statusCode).toBe(200);
      expect(await status(user)).toBe(401);
      expect((await row(user)).revokeReason).toBe('roles_changed');

      const again = await t.login('steuerung');
      const meAgain = await me(again);
      expect(meAgain.json<{ user: { roles: string[] } }>().user.roles.sort()).toEqual(['steering', 'team_lead']);
    });

    it("an administrator's password reset ends the user's sessions", async () => {
      const admin = await t.login('admin');
      const user = await t.login('dsb');
      const reset = await t.request('POST', `/api/v1/users/${user.userId}/password-reset`, {
        session: admin,
        body: { newPassword: 'vom-admin-gesetzt-77' },
      });
      expect(reset.statusCode).toBe(204);
      expect(await status(user)).toBe(401);
      expect((await row(user)).revokeReason).toBe('password_reset');
      expect(await loginStatus('dsb', DEMO_PASSWORD)).toBe(401);
      expect(await loginStatus('dsb', 'vom-admin-gesetzt-77')).toBe(200);
      expect(await status(admin)).toBe(200);
    });
  });
});
