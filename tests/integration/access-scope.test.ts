import { count, eq, gt } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, users } from '../../src/server/db/schema';
import { cookieFrom, createTestApp, totpCode, type Session, type TestApp } from '../support/test-app';

const RANDOM_UUID = '0b7e4a52-6c1d-4f3e-9a8b-7c6d5e4f3a2b';
const JC_ADMIN_PASSWORD = 'jobcenter-admin-2025!';

type UserView = { id: string; username: string; displayName: string; agency: { id: string }; roles: string[] };

/** What a caller learns from an answer: status, media type and body, minus the echoed path. */
function answer(res: LightMyRequestResponse) {
  const { instance: _instance, ...body } = res.json<Record<string, unknown>>();
  return { status: res.statusCode, type: res.headers['content-type'], body };
}

describe('record scope of an agency administrator', () => {
  let t: TestApp;
  let admin: Session;
  let jcAdmin: Session;
  const agencyId: Record<string, string> = {};
  const userId: Record<string, string> = {};

  const auditHead = async () => Number((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const list = await t.request('GET', '/api/v1/agencies', { session: admin });
    for (const a of list.json<{ items: { id: string; code: string }[] }>().items) agencyId[a.code] = a.id;
    const everyone = await t.request('GET', '/api/v1/users?pageSize=200', { session: admin });
    for (const u of everyone.json<{ items: UserView[] }>().items) userId[u.username] = u.id;

    const created = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: {
        username: 'jc-admin',
        displayName: 'Jutta Cramer',
        email: 'jc-admin@muelheim-ruhr.example',
        agencyId: agencyId.jobcenter,
        roles: ['agency_admin'],
        initialPassword: JC_ADMIN_PASSWORD,
      },
    });
    expect(created.statusCode).toBe(201);
    userId['jc-admin'] = created.json<UserView>().id;
  });
  afterAll(async () => t.close());

  it('makes a new agency administrator enrol a second factor before anything else', async () => {
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'jc-admin', password: JC_ADMIN_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const body = login.json<{ state: string; csrfToken: string }>();
    expect(body.state).toBe('totp_enrolment_required');
    const pending: Session = { cookie: cookieFrom(login), csrf: body.csrfToken, userId: userId['jc-admin']! };

    const blocked = await t.request('GET', '/api/v1/users', { session: pending });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });

    const enrol = await t.request('POST', '/api/v1/auth/totp/enrol', { session: pending });
    expect(enrol.statusCode).toBe(200);
    const { secret } = enrol.json<{ secret: string }>();
    const confirm = await t.request('POST', '/api/v1/auth/totp/confirm', {
      session: pending,
      body: { code: await totpCode(secret, t.clock.now()) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json<{ recoveryCodes: string[] }>().recoveryCodes.length).toBeGreaterThan(0);

    const cookie = cookieFrom(confirm);
    expect(cookie).not.toBe(pending.cookie);
    const me = await t.request('GET', '/api/v1/auth/me', { session: { cookie, csrf: '', userId: '' } });
    expect(me.statusCode).toBe(200);
    const meBody = me.json<{ session: { state: string; csrfToken: string }; permissions: string[] }>();
    expect(meBody.session.state).toBe('complete');
    expect(meBody.permissions).toEqual(
      expect.arrayContaining(['user.read', 'user.manage', 'user.create', 'agency.manage']),
    );
    expect(meBody.permissions).not.toContain('audit.read');
    jcAdmin = { cookie, csrf: meBody.session.csrfToken, userId: userId['jc-admin']! };
  });

  describe('with a complete session', () => {
    beforeAll(() => {
      if (!jcAdmin) throw new Error('enrolment test did not produce a session');
    });

    it('lists exactly the users of the own agency, whatever filter is asked for', async () => {
      const own = await t.request('GET', '/api/v1/users?pageSize=200', { session: jcAdmin });
      expect(own.statusCode).toBe(200);
      const body = own.json<{ items: UserView[]; page: { total: number } }>();
      const inDb = Number(
        (await t.database.db.select({ n: count() }).from(users).where(eq(users.agencyId, agencyId.jobcenter!)))[0]!.n,
      );
      expect(inDb).toBeGreaterThanOrEqual(2);
      expect(body.page.total).toBe(inDb);
      expect(body.items).toHaveLength(inDb);
      expect(new Set(body.items.map((u) => u.agency.id))).toEqual(new Set([agencyId.jobcenter]));
      expect(body.items.map((u) => u.username)).toEqual(expect.arrayContaining(['jobcenter', 'jc-admin']));

      const foreign = await t.request('GET', `/api/v1/users?agencyId=${agencyId.sozialamt}`, { session: jcAdmin });
      expect(foreign.statusCode).toBe(200);
      expect(foreign.json()).toMatchObject({ items: [], page: { total: 0 } });

      const search = await t.request('GET', '/api/v1/users?q=admin', { session: jcAdmin });
      expect(search.json<{ items: UserView[] }>().items.map((u) => u.username)).toEqual(['jc-admin']);
    });

    it('reads and changes a user of the own agency', async () => {
      const id = userId.jobcenter!;
      const read = await t.request('GET', `/api/v1/users/${id}`, { session: jcAdmin });
      expect(read.statusCode).toBe(200);
      expect(read.json<UserView>().username).toBe('jobcenter');

      const patched = await t.request('PATCH', `/api/v1/users/${id}`, {
        session: jcAdmin,
        body: { displayName: 'Jonas Krämer-Ilic' },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json<UserView>().displayName).toBe('Jonas Krämer-Ilic');
      const row = await t.database.db.select().from(users).where(eq(users.id, id));
      expect(row[0]!.displayName).toBe('Jonas Krämer-Ilic');
    });

    it('answers "not found" for a user of another agency, exactly as for an id that does not exist', async () => {
      const before = await auditHead();
      const foreign = userId.sozialamt!;
      const probes: { method: 'GET' | 'PATCH' | 'POST'; path: string; body?: unknown }[] = [
        { method: 'GET', path: '' },
        { method: 'PATCH', path: '', body: { displayName: 'Übernommen' } },
        { method: 'POST', path: '/password-reset', body: { newPassword: 'ein-neues-passwort-123' } },
        { method: 'POST', path: '/totp-reset' },
      ];
      for (const p of probes) {
        const opts = { session: jcAdmin, ...(p.body !== undefined ? { body: p.body } : {}) };
        const other = await t.request(p.method, `/api/v1/users/${foreign}${p.path}`, opts);
        const missing = await t.request(p.method, `/api/v1/users/${RANDOM_UUID}${p.path}`, opts);
        expect(other.statusCode, `${p.method} ${p.path}`).toBe(404);
        expect(other.json()).toMatchObject({ code: 'NOT_FOUND' });
        expect(answer(other), `${p.method} ${p.path}`).toEqual(answer(missing));
      }
      // The system administrator lives in another agency too.
      const sysadmin = await t.request('GET', `/api/v1/users/${userId.admin}`, { session: jcAdmin });
      expect(sysadmin.statusCode).toBe(404);

      const row = await t.database.db.select().from(users).where(eq(users.id, foreign));
      expect(row[0]!.displayName).toBe('Sabine Schulte');
      expect(await auditHead()).toBe(before);
    });

    it('cannot create a user in another agency (404 like an unknown agency), but can in the own', async () => {
      const body = (agency: string, username: string) => ({
        username,
        displayName: 'Neue Kollegin',
        agencyId: agency,
        roles: ['caseworker'],
        initialPassword: 'anfangs-passwort-123',
      });
      const other = await t.request('POST', '/api/v1/users', {
        session: jcAdmin,
        body: body(agencyId.sozialamt!, 'neu-sozial'),
      });
      const unknown = await t.request('POST', '/api/v1/users', {
        session: jcAdmin,
        body: body(RANDOM_UUID, 'neu-sozial'),
      });
      expect(other.statusCode).toBe(404);
      expect(answer(other)).toEqual(answer(unknown));
      expect(await t.database.db.select().from(users).where(eq(users.username, 'neu-sozial'))).toHaveLength(0);

      const own = await t.request('POST', '/api/v1/users', {
        session: jcAdmin,
        body: body(agencyId.jobcenter!, 'neu-jobcenter'),
      });
      expect(own.statusCode).toBe(201);
      expect(own.json<UserView>()).toMatchObject({ username: 'neu-jobcenter', agency: { id: agencyId.jobcenter } });
    });

    it('cannot hand out the system administrator role (403), neither on create nor on change', async () => {
      const create = await t.request('POST', '/api/v1/users', {
        session: jcAdmin,
        body: {
          username: 'jc-root',
          displayName: 'Root im Jobcenter',
          agencyId: agencyId.jobcenter,
          roles: ['caseworker', 'system_admin'],
          initialPassword: 'anfangs-passwort-123',
        },
      });
      expect(create.statusCode).toBe(403);
      expect(create.json()).toMatchObject({ code: 'FORBIDDEN', errors: [{ path: 'roles' }] });
      expect(await t.database.db.select().from(users).where(eq(users.username, 'jc-root'))).toHaveLength(0);

      const change = await t.request('PATCH', `/api/v1/users/${userId.jobcenter}`, {
        session: jcAdmin,
        body: { roles: ['system_admin'] },
      });
      expect(change.statusCode).toBe(403);
      const row = await t.database.db.select().from(users).where(eq(users.id, userId.jobcenter!));
      expect(row[0]!.roles).toEqual(['caseworker']);
    });

    it('hands out no municipality-wide role (data protection officer, steering), not even to itself', async () => {
      for (const roles of [['data_protection_officer'], ['caseworker', 'steering']]) {
        const other = await t.request('PATCH', `/api/v1/users/${userId.jobcenter}`, {
          session: jcAdmin,
          body: { roles },
        });
        expect(other.statusCode, roles.join()).toBe(403);
        expect(other.json()).toMatchObject({ code: 'FORBIDDEN', errors: [{ path: 'roles' }] });
      }
      const self = await t.request('PATCH', `/api/v1/users/${userId['jc-admin']}`, {
        session: jcAdmin,
        body: { roles: ['agency_admin', 'data_protection_officer'] },
      });
      expect(self.statusCode).toBe(403);
      const created = await t.request('POST', '/api/v1/users', {
        session: jcAdmin,
        body: {
          username: 'jc-dsb',
          displayName: 'Eigene DSB',
          agencyId: agencyId.jobcenter,
          roles: ['data_protection_officer'],
          initialPassword: 'anfangs-passwort-123',
        },
      });
      expect(created.statusCode).toBe(403);
      const me = await t.request('GET', '/api/v1/auth/me', { session: jcAdmin });
      expect(me.json<{ permissions: string[] }>().permissions).not.toContain('audit.read');
      // Agency roles remain the agency administrator's to give.
      const lead = await t.request('PATCH', `/api/v1/users/${userId.jobcenter}`, {
        session: jcAdmin,
        body: { roles: ['caseworker', 'team_lead'] },
      });
      expect(lead.statusCode).toBe(200);
    });

    it('cannot take over an account in its agency that holds a municipality-wide role', async () => {
      const dpo = await t.request('POST', '/api/v1/users', {
        session: admin,
        body: {
          username: 'jc-datenschutz',
          displayName: 'Datenschutz im Jobcenter',
          agencyId: agencyId.jobcenter,
          roles: ['data_protection_officer'],
          initialPassword: 'datenschutz-passwort-1',
        },
      });
      expect(dpo.statusCode).toBe(201);
      const id = dpo.json<UserView>().id;
      expect((await t.request('GET', `/api/v1/users/${id}`, { session: jcAdmin })).statusCode).toBe(200);
      const attempts = [
        await t.request('POST', `/api/v1/users/${id}/password-reset`, {
          session: jcAdmin,
          body: { newPassword: 'uebernommen-123456' },
        }),
        await t.request('POST', `/api/v1/users/${id}/totp-reset`, { session: jcAdmin }),
        await t.request('PATCH', `/api/v1/users/${id}`, {
          session: jcAdmin,
          body: { email: 'umgeleitet@example.org' },
        }),
      ];
      expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403]);
      const login = await t.request('POST', '/api/v1/auth/login', {
        body: { username: 'jc-datenschutz', password: 'uebernommen-123456' },
      });
      expect(login.statusCode).toBe(401);
      const row = await t.database.db.select().from(users).where(eq(users.id, id));
      expect(row[0]!.email).toBeNull();
    });

    it('changes the own agency but gets "not found" for another agency and its teams', async () => {
      const before = await auditHead();
      const other = await t.request('PATCH', `/api/v1/agencies/${agencyId.sozialamt}`, {
        session: jcAdmin,
        body: { shortMandate: 'Gekapert.' },
      });
      const unknown = await t.request('PATCH', `/api/v1/agencies/${RANDOM_UUID}`, {
        session: jcAdmin,
        body: { shortMandate: 'Gekapert.' },
      });
      expect(other.statusCode).toBe(404);
      expect(answer(other)).toEqual(answer(unknown));
      const team = await t.request('POST', `/api/v1/agencies/${agencyId.sozialamt}/teams`, {
        session: jcAdmin,
        body: { name: 'Fremdteam' },
      });
      expect(team.statusCode).toBe(404);
      expect(team.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect(await auditHead()).toBe(before);
      const sozial = await t.database.db.select().from(agencies).where(eq(agencies.id, agencyId.sozialamt!));
      expect(sozial[0]!.shortMandate).not.toBe('Gekapert.');

      // Reading every agency's mandate stays open to everyone.
      expect((await t.request('GET', `/api/v1/agencies/${agencyId.sozialamt}`, { session: jcAdmin })).statusCode).toBe(
        200,
      );

      const own = await t.request('PATCH', `/api/v1/agencies/${agencyId.jobcenter}`, {
        session: jcAdmin,
        body: {
          contact: {
            address: 'Eppinghofer Str. 50, 45468 Mülheim an der Ruhr',
            phone: '0208 8484-0',
            email: 'jobcenter@muelheim-ruhr.example',
            openingHours: 'Mo–Fr 8–12 Uhr',
          },
        },
      });
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ contact: { phone: '0208 8484-0' } });
      const newTeam = await t.request('POST', `/api/v1/agencies/${agencyId.jobcenter}/teams`, {
        session: jcAdmin,
        body: { name: 'Team U25' },
      });
      expect(newTeam.statusCode).toBe(201);
      const audit = await t.database.db.select().from(auditEvents).where(gt(auditEvents.seq, before));
      expect(audit.map((a) => [a.type, a.actorUserId])).toEqual([
        ['agency.updated', userId['jc-admin']],
        ['team.created', userId['jc-admin']],
      ]);
    });
  });
});
