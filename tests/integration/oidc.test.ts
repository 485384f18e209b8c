import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, oidcRequests, sessions, users } from '../../src/server/db/schema';
import { startTestIdp, type TestAccount, type TestIdp } from '../support/oidc-provider';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

/**
 * OIDC sign-in (authorization code + PKCE) against a real oidc-provider on 127.0.0.1. The app is
 * driven through inject(); the test plays the browser: /oidc/start → the IdP (login and consent)
 * → the IdP's redirect to the callback, replayed into the app with the state cookie.
 */

const PUBLIC_URL = 'http://127.0.0.1:3999';
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const STATE_COOKIE = 'lotse_oidc_state';
const SESSION_COOKIE = 'lotse_session';
const LABEL = 'Stadt-Login Mülheim';

function setCookies(res: LightMyRequestResponse): string[] {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

/** The Set-Cookie line for `name` that sets a value (not one that clears it). */
function cookieLine(res: LightMyRequestResponse, name: string): string | undefined {
  return setCookies(res).find((line) => line.startsWith(`${name}=`) && !line.startsWith(`${name}=;`));
}

function cookiePair(res: LightMyRequestResponse, name: string): string | undefined {
  return cookieLine(res, name)?.split(';')[0];
}

describe('OIDC sign-in against a real oidc-provider', () => {
  let idp: TestIdp;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startTestIdp({ redirectUri: `${PUBLIC_URL}${CALLBACK_PATH}` });
    t = await createTestApp({
      env: {
        PUBLIC_URL,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_LABEL: LABEL,
        OIDC_ALLOW_INSECURE: 'true',
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** GET /oidc/start: the IdP URL and the state cookie the browser keeps. */
  async function start(): Promise<{ authorizationUrl: URL; stateCookie: string; res: LightMyRequestResponse }> {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    const stateCookie = cookiePair(res, STATE_COOKIE);
    if (!stateCookie) throw new Error('no state cookie');
    return { authorizationUrl: new URL(String(res.headers.location)), stateCookie, res };
  }

  /** Replays the IdP's redirect to the callback into the app, as the browser holding `cookie`. */
  function callback(callbackUrl: URL, cookie?: string): Promise<LightMyRequestResponse> {
    expect(callbackUrl.origin).toBe(PUBLIC_URL);
    expect(callbackUrl.pathname).toBe(CALLBACK_PATH);
    return t.app.inject({
      method: 'GET',
      url: `${callbackUrl.pathname}${callbackUrl.search}`,
      headers: { 'user-agent': 'vitest-browser', ...(cookie ? { cookie } : {}) },
    });
  }

  /** The whole round trip for one account; returns the callback answer and the session, if any. */
  async function signIn(account: TestAccount): Promise<{ res: LightMyRequestResponse; session: Session | null }> {
    idp.setAccount(account);
    const { authorizationUrl, stateCookie } = await start();
    const res = await callback(await idp.signIn(authorizationUrl.href, account.sub), stateCookie);
    const pair = cookiePair(res, SESSION_COOKIE);
    return { res, session: pair ? { cookie: pair, csrf: '', userId: '' } : null };
  }

  async function me(session: Session) {
    return t.request('GET', '/api/v1/auth/me', { session });
  }

  async function userBySubject(sub: string) {
    return (
      await t.database.db
        .select()
        .from(users)
        .where(and(eq(users.oidcIssuer, idp.issuer), eq(users.oidcSubject, sub)))
    )[0];
  }

  async function agencyId(code: string): Promise<string> {
    const row = (await t.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)))[0];
    if (!row) throw new Error(`no agency ${code}`);
    return row.id;
  }

  async function audit(type: string) {
    return t.database.db.select().from(auditEvents).where(eq(auditEvents.type, type)).orderBy(auditEvents.seq);
  }

  async function sessionCount(): Promise<number> {
    return (await t.database.db.select({ hash: sessions.tokenHash }).from(sessions)).length;
  }

  it('offers the IdP with its label', async () => {
    const res = await t.request('GET', '/api/v1/auth/oidc');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ enabled: true, label: LABEL });
  });

  it('redirects to the IdP with PKCE (S256), state and nonce, and binds the state to the browser', async () => {
    const { authorizationUrl, res } = await start();
    expect(authorizationUrl.origin).toBe(idp.issuer);
    const q = authorizationUrl.searchParams;
    expect(q.get('client_id')).toBe(idp.clientId);
    expect(q.get('redirect_uri')).toBe(`${PUBLIC_URL}${CALLBACK_PATH}`);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get('nonce')).not.toBe(q.get('state'));
    const line = cookieLine(res, STATE_COOKIE) ?? '';
    expect(line).toContain(`${STATE_COOKIE}=${q.get('state')}`);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    // The verifier stays on the server, keyed by state.
    const pending = await t.database.db
      .select()
      .from(oidcRequests)
      .where(eq(oidcRequests.state, q.get('state') ?? ''));
    expect(pending).toHaveLength(1);
    expect(pending[0]?.nonce).toBe(q.get('nonce'));
  });

  it('provisions a new user with agency and roles from the claims and opens a session', async () => {
    const account: TestAccount = {
      sub: 'kc-4711',
      preferred_username: 'A.Yilmaz',
      name: 'Ayşe Yılmaz',
      email: 'a.yilmaz@muelheim-ruhr.example',
      lotse_agency: 'sozialamt',
      lotse_roles: ['caseworker'],
      amr: ['pwd'],
    };
    idp.setAccount(account);
    const { authorizationUrl, stateCookie } = await start();
    const state = authorizationUrl.searchParams.get('state');
    const callbackUrl = await idp.signIn(authorizationUrl.href, account.sub);
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    expect(callbackUrl.searchParams.get('state')).toBe(state);
    expect(callbackUrl.searchParams.get('iss')).toBe(idp.issuer);

    const res = await callback(callbackUrl, stateCookie);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const sessionLine = cookieLine(res, SESSION_COOKIE) ?? '';
    expect(sessionLine).toMatch(/HttpOnly/i);
    expect(sessionLine).toMatch(/SameSite=Strict/i);
    // The state cookie is cleared: it was good for this one callback.
    expect(setCookies(res).some((l) => l.startsWith(`${STATE_COOKIE}=;`))).toBe(true);

    const meRes = await me({ cookie: sessionLine.split(';')[0]!, csrf: '', userId: '' });
    expect(meRes.statusCode).toBe(200);
    const body = meRes.json<{
      user: { id: string; username: string; displayName: string; email: string | null; roles: string[] };
      agency: { id: string; kind: string };
      session: { state: string };
    }>();
    expect(body.user).toMatchObject({
      username: 'a.yilmaz',
      displayName: 'Ayşe Yılmaz',
      email: 'a.yilmaz@muelheim-ruhr.example',
      roles: ['caseworker'],
    });
    expect(body.agency.id).toBe(await agencyId('sozialamt'));
    expect(body.session.state).toBe('complete');

    const user = await userBySubject('kc-4711');
    expect(user).toMatchObject({ id: body.user.id, passwordHash: null, oidcIssuer: idp.issuer, active: true });
    expect(user?.lastLoginAt).not.toBeNull();
    const userSessions = await t.database.db.select().from(sessions).where(eq(sessions.userId, body.user.id));
    expect(userSessions).toHaveLength(1);
    expect(userSessions[0]).toMatchObject({ authMethod: 'oidc', state: 'complete', userAgent: 'vitest-browser' });

    const succeeded = (await audit('auth.login.succeeded')).filter((e) => e.subjectId === body.user.id);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]).toMatchObject({
      outcome: 'success',
      actorUserId: body.user.id,
      details: { method: 'oidc', sessionState: 'complete' },
    });
    const created = (await audit('user.created')).filter((e) => e.subjectId === body.user.id);
    expect(created).toHaveLength(1);
    expect(created[0]?.details).toEqual({
      username: 'a.yilmaz',
      agencyId: await agencyId('sozialamt'),
      roles: ['caseworker'],
    });
    // The pending request is gone.
    expect(
      await t.database.db
        .select()
        .from(oidcRequests)
        .where(eq(oidcRequests.state, state ?? '')),
    ).toHaveLength(0);
  });

  it('updates roles on the next sign-in of the same subject and ends earlier sessions when they change', async () => {
    const base: TestAccount = {
      sub: 'kc-0815',
      preferred_username: 'j.becker',
      name: 'Jonas Becker',
      lotse_agency: 'jobcenter',
      lotse_roles: ['caseworker'],
    };
    const first = await signIn(base);
    expect(first.session).not.toBeNull();
    const userId = (await userBySubject(base.sub))?.id;
    expect(userId).toBeDefined();

    // Same claims again: nothing changes, the first session stays valid.
    const same = await signIn(base);
    expect(same.session).not.toBeNull();
    expect((await me(first.session!)).statusCode).toBe(200);

    // The IdP now also grants team_lead: roles follow the claims, older sessions end.
    const promoted = await signIn({ ...base, lotse_roles: ['caseworker', 'team_lead'] });
    expect(promoted.res.headers.location).toBe('/');
    const meRes = await me(promoted.session!);
    expect(meRes.statusCode).toBe(200);
    expect(meRes.json<{ user: { id: string; roles: string[] } }>().user).toMatchObject({
      id: userId,
      roles: ['caseworker', 'team_lead'],
    });
    expect((await me(first.session!)).statusCode).toBe(401);
    expect((await me(same.session!)).statusCode).toBe(401);

    const rows = await t.database.db.select().from(users).where(eq(users.oidcSubject, base.sub));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.roles).toEqual(['caseworker', 'team_lead']);
    const revoked = await t.database.db.select().from(sessions).where(eq(sessions.userId, userId!));
    expect(revoked.filter((s) => s.revokedAt !== null).map((s) => s.revokeReason)).toEqual([
      'roles_changed_by_idp',
      'roles_changed_by_idp',
    ]);
    const updated = (await audit('user.updated')).filter((e) => e.subjectId === userId);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.details).toEqual({ fields: ['roles'], roles: ['caseworker', 'team_lead'], sessionsRevoked: 2 });
    expect((await audit('user.created')).filter((e) => e.subjectId === userId)).toHaveLength(1);
  });

  it('moves a user to another agency when the claim changes: team cleared, sessions ended, audited', async () => {
    const base: TestAccount = {
      sub: 'kc-move',
      preferred_username: 'w.wechsel',
      lotse_agency: 'wohnungsamt',
      lotse_roles: ['caseworker'],
    };
    const first = await signIn(base);
    const userId = (await userBySubject(base.sub))!.id;
    const moved = await signIn({ ...base, lotse_agency: 'sozialamt' });
    const meRes = await me(moved.session!);
    expect(meRes.json<{ agency: { id: string } }>().agency.id).toBe(await agencyId('sozialamt'));
    expect((await me(first.session!)).statusCode).toBe(401);
    expect((await userBySubject(base.sub))?.teamId).toBeNull();
    const updated = (await audit('user.updated')).filter((e) => e.subjectId === userId);
    expect(updated.map((e) => e.details)).toEqual([{ fields: ['agencyId', 'teamId'], sessionsRevoked: 1 }]);
  });

  it('never takes over a local account with the same user name', async () => {
    const { session } = await signIn({
      sub: 'KC-Admin-Lookalike',
      preferred_username: 'admin',
      lotse_agency: 'abh',
      lotse_roles: ['caseworker'],
    });
    const body = (await me(session!)).json<{ user: { id: string; username: string; roles: string[] } }>();
    expect(body.user.username).toBe('admin-kc-admin');
    expect(body.user.roles).toEqual(['caseworker']);
    const local = (await t.database.db.select().from(users).where(eq(users.username, 'admin')))[0];
    expect(local?.id).not.toBe(body.user.id);
    expect(local).toMatchObject({ roles: ['system_admin'], oidcSubject: null });
    expect(local?.passwordHash).not.toBeNull();
  });

  it.each<[string, Pick<TestAccount, 'lotse_agency' | 'lotse_roles'>]>([
    ['an unknown agency code', { lotse_agency: 'finanzamt', lotse_roles: ['caseworker'] }],
    ['no agency claim', { lotse_roles: ['caseworker'] }],
    ['no known role', { lotse_agency: 'abh', lotse_roles: ['superuser', 'root'] }],
    ['no roles claim', { lotse_agency: 'abh' }],
  ])('refuses a subject with %s: ACCOUNT_NOT_PROVISIONED, no session', async (_label, claims) => {
    const sub = `kc-np-${Math.random().toString(36).slice(2, 10)}`;
    const before = await sessionCount();
    const { res, session } = await signIn({ sub, preferred_username: `np.${sub}`, ...claims });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/anmelden?fehler=ACCOUNT_NOT_PROVISIONED');
    expect(session).toBeNull();
    expect(await sessionCount()).toBe(before);
    expect(await userBySubject(sub)).toBeUndefined();
    const failed = (await audit('auth.login.failed')).filter(
      (e) => (e.details as { username?: string }).username === `np.${sub}`,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ outcome: 'failure', details: { reason: 'not_provisioned' } });
  });

  it('keeps a deactivated user out whatever the IdP asserts', async () => {
    const account: TestAccount = {
      sub: 'kc-gone',
      preferred_username: 'k.gone',
      lotse_agency: 'abh',
      lotse_roles: ['caseworker'],
    };
    expect((await signIn(account)).session).not.toBeNull();
    await t.database.db.update(users).set({ active: false }).where(eq(users.oidcSubject, account.sub));
    const { res, session } = await signIn(account);
    expect(res.headers.location).toBe('/anmelden?fehler=ACCOUNT_NOT_PROVISIONED');
    expect(session).toBeNull();
    const failed = (await audit('auth.login.failed')).filter(
      (e) => (e.details as { username?: string }).username === 'k.gone',
    );
    expect(failed.map((e) => (e.details as { reason: string }).reason)).toEqual(['inactive']);
  });

  describe('state and code', () => {
    const account: TestAccount = {
      sub: 'kc-state',
      preferred_username: 'm.state',
      lotse_agency: 'jugendamt',
      lotse_roles: ['caseworker'],
    };

    async function expectOidcFailed(res: LightMyRequestResponse): Promise<void> {
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/anmelden?fehler=OIDC_FAILED');
      expect(cookiePair(res, SESSION_COOKIE)).toBeUndefined();
    }

    it('refuses a tampered state', async () => {
      idp.setAccount(account);
      const before = await sessionCount();
      const failedBefore = (await audit('auth.login.failed')).length;
      const { authorizationUrl, stateCookie } = await start();
      const callbackUrl = await idp.signIn(authorizationUrl.href, account.sub);
      const tampered = new URL(callbackUrl);
      tampered.searchParams.set('state', `${callbackUrl.searchParams.get('state')}x`);
      await expectOidcFailed(await callback(tampered, stateCookie));
      // Even when the attacker also controls the cookie, an unknown state has no pending request.
      await expectOidcFailed(await callback(tampered, `${STATE_COOKIE}=${tampered.searchParams.get('state')}`));
      // Without any state.
      const noState = new URL(callbackUrl);
      noState.searchParams.delete('state');
      await expectOidcFailed(await callback(noState, stateCookie));
      expect(await sessionCount()).toBe(before);
      const failed = (await audit('auth.login.failed')).slice(failedBefore);
      expect(failed).toHaveLength(3);
      expect(failed.every((e) => (e.details as { reason: string }).reason === 'oidc_error')).toBe(true);
    });

    it('refuses a callback from a browser that did not start the flow (login CSRF)', async () => {
      idp.setAccount(account);
      const { authorizationUrl, stateCookie } = await start();
      const callbackUrl = await idp.signIn(authorizationUrl.href, account.sub);
      // The attacker's callback URL opened in a victim's browser: no or another state cookie.
      await expectOidcFailed(await callback(callbackUrl));
      const other = await start();
      await expectOidcFailed(await callback(callbackUrl, other.stateCookie));
      // The browser that started it can still finish.
      const res = await callback(callbackUrl, stateCookie);
      expect(res.headers.location).toBe('/');
      expect(cookiePair(res, SESSION_COOKIE)).toBeDefined();
    });

    it('refuses a replayed callback, and the IdP refuses a code used twice', async () => {
      idp.setAccount(account);
      const { authorizationUrl, stateCookie } = await start();
      const state = authorizationUrl.searchParams.get('state') ?? '';
      const callbackUrl = await idp.signIn(authorizationUrl.href, account.sub);
      const pending = (await t.database.db.select().from(oidcRequests).where(eq(oidcRequests.state, state)))[0];
      expect(pending).toBeDefined();

      const ok = await callback(callbackUrl, stateCookie);
      expect(ok.headers.location).toBe('/');
      const before = await sessionCount();

      // Replaying the same callback: the state was used up.
      await expectOidcFailed(await callback(callbackUrl, stateCookie));

      // Even with the pending request restored (state, nonce and verifier known), the code is spent.
      await t.database.db.insert(oidcRequests).values(pending!);
      const errorsBefore = idp.errors.length;
      await expectOidcFailed(await callback(callbackUrl, stateCookie));
      expect(idp.errors.slice(errorsBefore)).toContainEqual({ event: 'grant.error', error: 'invalid_grant' });
      expect(await sessionCount()).toBe(before);
    });

    it('refuses an error answer from the IdP (unknown account at the IdP)', async () => {
      const { authorizationUrl, stateCookie } = await start();
      const callbackUrl = await idp.signIn(authorizationUrl.href, 'kc-nobody-at-the-idp');
      expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
      await expectOidcFailed(await callback(callbackUrl, stateCookie));
    });
  });

  describe('second factor for admin roles', () => {
    it('asks a system_admin without multi-factor at the IdP to enrol TOTP', async () => {
      const { session } = await signIn({
        sub: 'kc-admin-1',
        preferred_username: 'admin.pwd',
        lotse_agency: 'steuerung',
        lotse_roles: ['system_admin'],
        amr: ['pwd'],
      });
      expect(session).not.toBeNull();
      const meRes = await me(session!);
      expect(meRes.statusCode).toBe(200);
      expect(meRes.json<{ session: { state: string } }>().session.state).toBe('totp_enrolment_required');
      // Until enrolled, the session opens nothing beyond the enrolment steps.
      expect((await t.request('GET', '/api/v1/users', { session: session! })).statusCode).toBeGreaterThanOrEqual(400);
      const userId = (await userBySubject('kc-admin-1'))?.id;
      const succeeded = (await audit('auth.login.succeeded')).filter((e) => e.subjectId === userId);
      expect(succeeded[0]?.details).toEqual({ method: 'oidc', sessionState: 'totp_enrolment_required' });
      expect((await userBySubject('kc-admin-1'))?.lastLoginAt).toBeNull();
    });

    it.each([['mfa'], ['otp']])('accepts multi-factor at the IdP (amr %s) as complete', async (method) => {
      const sub = `kc-admin-${method}`;
      const { session } = await signIn({
        sub,
        preferred_username: `admin.${method}`,
        lotse_agency: 'steuerung',
        lotse_roles: ['system_admin'],
        amr: ['pwd', method],
      });
      const meRes = await me(session!);
      expect(meRes.statusCode).toBe(200);
      const body = meRes.json<{ user: { roles: string[] }; session: { state: string } }>();
      expect(body.session.state).toBe('complete');
      expect(body.user.roles).toEqual(['system_admin']);
      expect((await t.request('GET', '/api/v1/users', { session: session! })).statusCode).toBe(200);
    });
  });
});

describe('OIDC not configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t?.close());

  it('reports OIDC as disabled and answers 404 OIDC_NOT_CONFIGURED', async () => {
    const cfg = await t.request('GET', '/api/v1/auth/oidc');
    expect(cfg.statusCode).toBe(200);
    expect(cfg.json()).toEqual({ enabled: false, label: null });
    for (const url of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const res = await t.request('GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'OIDC_NOT_CONFIGURED' });
    }
  });
});
