import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema';
import { cookieFrom, createTestApp, type TestApp } from '../support/test-app';

describe('own account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('tells a half signed-in session nothing beyond the next step', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'lotse-demo' } });
    expect(res.json()).toMatchObject({ state: 'totp_pending', me: null });
    const session = { cookie: cookieFrom(res), csrf: res.json<{ csrfToken: string }>().csrfToken, userId: '' };
    const me = await t.request('GET', '/api/v1/auth/me', { session });
    expect(me.statusCode).toBe(200);
    const body = me.json<{ user: Record<string, unknown>; agency: { name: string }; team: unknown; permissions: string[] }>();
    expect(body.user).toMatchObject({ username: 'admin', displayName: 'admin', email: null, roles: [], authSource: 'local' });
    expect(body.agency.name).toBe('');
    expect(body.team).toBeNull();
    expect(body.permissions).toEqual([]);
  });

  it('shows the full profile once signed in', async () => {
    const session = await t.login('sozialamt');
    const me = (await t.request('GET', '/api/v1/auth/me', { session })).json<{ user: Record<string, unknown>; agency: { name: string } }>();
    expect(me.user).toMatchObject({ displayName: 'Sabine Schulte', roles: ['caseworker'], authSource: 'local' });
    expect(me.agency.name).toContain('Sozialamt');
  });

  it('locks password changes after repeated wrong current passwords', async () => {
    const session = await t.login('jobcenter');
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/v1/auth/password', {
        session,
        body: { currentPassword: `falsch-${i}`, newPassword: 'ein-neues-langes-passwort' },
      });
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const locked = await t.request('POST', '/api/v1/auth/password', {
      session,
      body: { currentPassword: 'lotse-demo', newPassword: 'ein-neues-langes-passwort' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'LOGIN_LOCKED' });
    // The password is unchanged and the lock lifts after 15 minutes (the session is kept alive meanwhile).
    t.clock.advance(10 * 60 * 1000);
    expect((await t.request('GET', '/api/v1/auth/me', { session })).statusCode).toBe(200);
    t.clock.advance(6 * 60 * 1000);
    const ok = await t.request('POST', '/api/v1/auth/password', {
      session,
      body: { currentPassword: 'lotse-demo', newPassword: 'ein-neues-langes-passwort' },
    });
    expect(ok.statusCode).toBe(204);
  });

  it('records the user as the subject of a logout', async () => {
    const session = await t.login('cbe');
    expect((await t.request('POST', '/api/v1/auth/logout', { session })).statusCode).toBe(204);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'auth.logout'), eq(auditEvents.subjectId, session.userId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subjectType: 'user', actorUserId: session.userId });
  });
});
