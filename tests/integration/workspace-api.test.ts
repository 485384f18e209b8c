import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_AGENCIES } from '../../src/server/db/seed-demo';
import { createTestApp, totpCode, type TestApp } from '../support/test-app';

type Workspace = {
  agency: { id: string; code: string; name: string; kind: string; shortMandate: string };
  recentSignIns: { occurredAt: string; outcome: 'success' | 'failure'; ip: string | null }[];
};

describe('workspace ("Mein Arbeitsplatz")', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('shows the own agency and the own sign-ins, newest first, failures included', async () => {
    const wrong = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'jugendamt', password: 'falsch-falsch' },
    });
    expect(wrong.statusCode).toBe(401);
    const failedAt = t.clock.now().toISOString();
    t.clock.advance(5_000);
    // Someone else's sign-ins must not appear.
    await t.login('sozialamt');
    await t.request('POST', '/api/v1/auth/login', { body: { username: 'sozialamt', password: 'nope-nope' } });
    t.clock.advance(5_000);
    const session = await t.login('jugendamt');
    const res = await t.request('GET', '/api/v1/workspace', { session });
    expect(res.statusCode).toBe(200);
    const w = res.json<Workspace>();
    const seed = DEMO_AGENCIES.find((a) => a.code === 'jugendamt')!;
    expect(w.agency).toMatchObject({
      code: 'jugendamt',
      name: seed.name,
      kind: 'jugendamt',
      shortMandate: seed.shortMandate,
    });
    expect(w.recentSignIns.map(({ occurredAt, outcome }) => ({ occurredAt, outcome }))).toEqual([
      { occurredAt: t.clock.now().toISOString(), outcome: 'success' },
      { occurredAt: failedAt, outcome: 'failure' },
    ]);
    expect(w.recentSignIns.every((s) => typeof s.ip === 'string')).toBe(true);
  });

  it('keeps only the ten most recent sign-ins', async () => {
    let last = await t.login('abh');
    for (let i = 0; i < 11; i++) {
      t.clock.advance(1_000);
      last = await t.login('abh');
    }
    const w = (await t.request('GET', '/api/v1/workspace', { session: last })).json<Workspace>();
    expect(w.recentSignIns).toHaveLength(10);
    expect(w.recentSignIns[0]!.occurredAt).toBe(t.clock.now().toISOString());
    const times = w.recentSignIns.map((s) => s.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(w.agency.code).toBe('abh');
  });

  it('includes failed second-factor attempts of the own account', async () => {
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'lotse-demo' },
    });
    const pending = {
      cookie: String(login.headers['set-cookie']).split(';')[0]!,
      csrf: login.json<{ csrfToken: string }>().csrfToken,
      userId: '',
    };
    t.clock.advance(30_000);
    const valid = new Set(
      await Promise.all(
        [-1, 0, 1].map((d) => totpCode(DEMO_ADMIN_TOTP_SECRET, new Date(t.clock.now().getTime() + d * 30_000))),
      ),
    );
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c))!;
    const bad = await t.request('POST', '/api/v1/auth/totp/verify', { session: pending, body: { code: wrong } });
    expect(bad.statusCode).toBe(401);
    const failedAt = t.clock.now().toISOString();
    const admin = await t.login('admin');
    const w = (await t.request('GET', '/api/v1/workspace', { session: admin })).json<Workspace>();
    expect(w.recentSignIns.map((s) => [s.occurredAt, s.outcome])).toContainEqual([failedAt, 'failure']);
    expect(w.agency.code).toBe('steuerung');
  });
});
