import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, recoveryCodes } from '../../src/server/db/schema';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../../src/server/db/seed-demo';
import { cookieFrom, createTestApp, totpCode, type Session, type TestApp } from '../support/test-app';

const MINUTE = 60_000;
const STEP = 30_000;

type Me = {
  user: { id: string; username: string; totpEnrolled: boolean };
  session: { state: string; csrfToken: string };
  permissions: string[];
};

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe('second factor', () => {
  let t: TestApp;
  let admin: Session;

  /** Password step only: returns the pending session as the login answered it. */
  async function passwordStep(username: string, password = DEMO_PASSWORD) {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { username, password } });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ state: string; me: Me | null; csrfToken: string }>();
    const session: Session = { cookie: cookieFrom(res), csrf: body.csrfToken, userId: '' };
    return { body, session };
  }

  const verify = (session: Session, body: { code?: string; recoveryCode?: string }) =>
    t.request('POST', '/api/v1/auth/totp/verify', { session, body });

  /** A six-digit code that is valid for none of the steps the server accepts around `at`. */
  async function wrongCode(secret: string, at: Date): Promise<string> {
    const valid = new Set(
      await Promise.all([-1, 0, 1].map((d) => totpCode(secret, new Date(at.getTime() + d * STEP)))),
    );
    for (let n = 123456; ; n = (n + 1) % 1_000_000) {
      const candidate = String(n).padStart(6, '0');
      if (!valid.has(candidate)) return candidate;
    }
  }

  async function enrol(session: Session): Promise<{ secret: string; recoveryCodes: string[]; cookie?: string }> {
    const started = await t.request('POST', '/api/v1/auth/totp/enrol', { session });
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUrl } = started.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).toContain('issuer=Lotse');
    const confirmed = await t.request('POST', '/api/v1/auth/totp/confirm', {
      session,
      body: { code: await totpCode(secret, t.clock.now()) },
    });
    expect(confirmed.statusCode).toBe(200);
    const setCookie = confirmed.headers['set-cookie'];
    return {
      secret,
      recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes,
      cookie: setCookie ? cookieFrom(confirmed) : undefined,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('leaves a TOTP user in totp_pending with no access beyond the second-factor step', async () => {
    const { body, session } = await passwordStep('admin');
    expect(body.state).toBe('totp_pending');
    expect(body.me).toBeNull();
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    for (const url of ['/api/v1/agencies', '/api/v1/users', '/api/v1/workspace']) {
      const res = await t.request('GET', url, { session });
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });
    }
    const password = await t.request('POST', '/api/v1/auth/password', {
      session,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'ein-ganz-neues-passwort' },
    });
    expect(password.statusCode).toBe(401);
    expect(password.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });

    const me = await t.request('GET', '/api/v1/auth/me', { session });
    expect(me.statusCode).toBe(200);
    expect(me.json<Me>().session.state).toBe('totp_pending');
    expect(me.json<Me>().permissions).toEqual([]);
  });

  it('rejects a wrong code and completes with the right one under a new token', async () => {
    t.clock.advance(STEP);
    const { session: pending } = await passwordStep('admin');
    const wrong = await verify(pending, { code: await wrongCode(DEMO_ADMIN_TOTP_SECRET, t.clock.now()) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_SECOND_FACTOR' });
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const right = await verify(pending, { code: await totpCode(DEMO_ADMIN_TOTP_SECRET, t.clock.now()) });
    expect(right.statusCode).toBe(200);
    const me = right.json<Me>();
    expect(me.user.username).toBe('admin');
    expect(me.session.state).toBe('complete');
    expect(me.permissions).toContain('user.manage');
    const rotated = cookieFrom(right);
    expect(tokenOf(rotated)).not.toBe(tokenOf(pending.cookie));
    expect(me.session.csrfToken).not.toBe(pending.csrf);

    const old = await t.request('GET', '/api/v1/auth/me', { session: pending });
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const agencies = await t.request('GET', '/api/v1/agencies', { headers: { cookie: rotated } });
    expect(agencies.statusCode).toBe(200);

    const audits = await t.database.db
      .select({ type: auditEvents.type, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, me.user.id), eq(auditEvents.type, 'auth.second_factor.failed')));
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });

  it('does not accept the same code twice, not even in a new login', async () => {
    t.clock.advance(STEP);
    const code = await totpCode(DEMO_ADMIN_TOTP_SECRET, t.clock.now());
    const first = await passwordStep('admin');
    expect((await verify(first.session, { code })).statusCode).toBe(200);

    const second = await passwordStep('admin');
    const replay = await verify(second.session, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'INVALID_SECOND_FACTOR' });
    // The code of the step before the used one is older still, and also refused.
    const older = await verify(second.session, {
      code: await totpCode(DEMO_ADMIN_TOTP_SECRET, new Date(t.clock.now().getTime() - STEP)),
    });
    expect(older.statusCode).toBe(401);

    t.clock.advance(STEP);
    const next = await verify(second.session, { code: await totpCode(DEMO_ADMIN_TOTP_SECRET, t.clock.now()) });
    expect(next.statusCode).toBe(200);
  });

  it('accepts a code only once when two sign-ins race with it', async () => {
    t.clock.advance(STEP);
    const code = await totpCode(DEMO_ADMIN_TOTP_SECRET, t.clock.now());
    const a = await passwordStep('admin');
    const b = await passwordStep('admin');
    const results = await Promise.all([verify(a.session, { code }), verify(b.session, { code })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('lets a caseworker enrol TOTP and use each recovery code exactly once', async () => {
    const session = await t.login('jugendamt');
    const { secret, recoveryCodes: codes, cookie } = await enrol(session);
    expect(cookie).toBeUndefined(); // a complete session stays as it is
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const again = await t.request('POST', '/api/v1/auth/totp/enrol', { session });
    expect(again.statusCode).toBe(409);
    const me = await t.request('GET', '/api/v1/auth/me', { session });
    expect(me.json<Me>().user.totpEnrolled).toBe(true);

    const stored = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, session.userId));
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(codes).not.toContain(row.codeHash);

    const first = await passwordStep('jugendamt');
    expect(first.body.state).toBe('totp_pending');
    expect(first.body.me).toBeNull();
    const used = await verify(first.session, { recoveryCode: codes[0]!.toLowerCase() });
    expect(used.statusCode).toBe(200);
    expect(used.json<Me>().session.state).toBe('complete');

    const second = await passwordStep('jugendamt');
    const reused = await verify(second.session, { recoveryCode: codes[0]! });
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'INVALID_SECOND_FACTOR' });
    expect((await verify(second.session, { recoveryCode: codes[1]! })).statusCode).toBe(200);

    const racingA = await passwordStep('jugendamt');
    const racingB = await passwordStep('jugendamt');
    const raced = await Promise.all([
      verify(racingA.session, { recoveryCode: codes[2]! }),
      verify(racingB.session, { recoveryCode: codes[2]! }),
    ]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 401]);

    const usedRows = await t.database.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, session.userId), isNotNull(recoveryCodes.usedAt)));
    expect(usedRows).toHaveLength(3);

    t.clock.advance(STEP);
    const third = await passwordStep('jugendamt');
    expect((await verify(third.session, { code: await totpCode(secret, t.clock.now()) })).statusCode).toBe(200);
  });

  it('requires administrators without TOTP to enrol before anything else', async () => {
    const agencies = await t.request('GET', '/api/v1/agencies', { session: admin });
    expect(agencies.statusCode).toBe(200);
    const agencyId = agencies.json<{ items: { id: string }[] }>().items[0]!.id;
    const created = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: {
        username: 'fachadmin.neu',
        displayName: 'Frieda Fachadmin',
        agencyId,
        roles: ['agency_admin'],
        initialPassword: 'fachadmin-passwort-42',
      },
    });
    expect(created.statusCode).toBe(201);

    const { body, session } = await passwordStep('fachadmin.neu', 'fachadmin-passwort-42');
    expect(body.state).toBe('totp_enrolment_required');
    expect(body.me).toBeNull();

    for (const url of ['/api/v1/agencies', '/api/v1/users']) {
      const res = await t.request('GET', url, { session });
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });
    }
    const verifyAttempt = await verify(session, { code: '123456' });
    expect(verifyAttempt.statusCode).toBe(401);
    const password = await t.request('POST', '/api/v1/auth/password', {
      session,
      body: { currentPassword: 'fachadmin-passwort-42', newPassword: 'noch-ein-passwort-43' },
    });
    expect(password.statusCode).toBe(401);
    const createUser = await t.request('POST', '/api/v1/users', {
      session,
      body: {
        username: 'x.y',
        displayName: 'X Y',
        agencyId,
        roles: ['caseworker'],
        initialPassword: 'ein-passwort-das-lang-ist',
      },
    });
    expect(createUser.statusCode).toBe(401);

    const { recoveryCodes: codes, cookie } = await enrol(session);
    expect(codes).toHaveLength(10);
    expect(cookie).toBeDefined();
    expect(tokenOf(cookie!)).not.toBe(tokenOf(session.cookie));
    expect((await t.request('GET', '/api/v1/auth/me', { session })).statusCode).toBe(401);
    const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie: cookie! } });
    expect(me.statusCode).toBe(200);
    expect(me.json<Me>().session.state).toBe('complete');
    expect((await t.request('GET', '/api/v1/users', { headers: { cookie: cookie! } })).statusCode).toBe(200);

    const next = await passwordStep('fachadmin.neu', 'fachadmin-passwort-42');
    expect(next.body.state).toBe('totp_pending');
  });

  it('locks the second factor after 5 wrong codes', async () => {
    const session = await t.login('gesundheitsamt');
    const { secret } = await enrol(session);
    t.clock.advance(STEP);

    const { session: pending } = await passwordStep('gesundheitsamt');
    for (let i = 0; i < 5; i++) {
      const res = await verify(pending, { code: await wrongCode(secret, t.clock.now()) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'INVALID_SECOND_FACTOR' });
    }
    const locked = await verify(pending, { code: await totpCode(secret, t.clock.now()) });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'LOGIN_LOCKED' });
    // The pending session is ended, and a fresh password step does not reopen the second factor.
    expect((await t.request('GET', '/api/v1/auth/me', { session: pending })).statusCode).toBe(401);
    const retry = await passwordStep('gesundheitsamt');
    expect((await verify(retry.session, { code: await totpCode(secret, t.clock.now()) })).statusCode).toBe(429);

    t.clock.advance(15 * MINUTE + STEP);
    const later = await passwordStep('gesundheitsamt');
    const ok = await verify(later.session, { code: await totpCode(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
  });

  it('lets a pending sign-in expire after 10 minutes', async () => {
    t.clock.advance(STEP);
    const { session } = await passwordStep('admin');
    t.clock.advance(10 * MINUTE);
    const res = await verify(session, { code: await totpCode(DEMO_ADMIN_TOTP_SECRET, t.clock.now()) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
