import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/server/db/client';
import { users } from '../../src/server/db/schema';
import { DEMO_USERS } from '../../src/server/db/seed-demo';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type UserView = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  agency: { id: string; name: string };
  team: { id: string; name: string } | null;
  roles: string[];
  active: boolean;
  totpEnrolled: boolean;
  authSource: string;
  lastLoginAt: string | null;
  createdAt: string;
};
type UserList = { items: UserView[]; page: { page: number; pageSize: number; total: number } };
type Problem = { code: string; errors?: { path: string; message: string }[] };

const SORTS = ['username', 'displayName', 'agency', 'lastLoginAt'] as const;

describe('user administration', () => {
  let t: TestApp;
  let admin: Session;
  const agencyId: Record<string, string> = {};
  const teamId: Record<string, string> = {};

  const list = async (query: string) => {
    const res = await t.request('GET', `/api/v1/users${query}`, { session: admin });
    expect(res.statusCode, query).toBe(200);
    return res.json<UserList>();
  };
  const userCount = async () => Number((await t.database.db.select({ n: count() }).from(users))[0]!.n);

  /** The database's own order of some strings (its collation decides, not JavaScript's). */
  async function dbOrder(values: string[], dir: 'asc' | 'desc'): Promise<string[]> {
    const rows = await rawRows<{ v: string }>(
      t.database.db,
      sql`SELECT v FROM unnest(${`{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`}::text[]) AS v ORDER BY v ${sql.raw(dir)}`,
    );
    return rows.map((r) => r.v);
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const agencies = await t.request('GET', '/api/v1/agencies', { session: admin });
    for (const a of agencies.json<{ items: { id: string; code: string }[] }>().items) agencyId[a.code] = a.id;
    for (const code of ['jobcenter', 'sozialamt']) {
      const d = await t.request('GET', `/api/v1/agencies/${agencyId[code]}`, { session: admin });
      for (const team of d.json<{ teams: { id: string; name: string }[] }>().teams)
        teamId[`${code}/${team.name}`] = team.id;
    }
    // Sign-ins at distinct times, so that lastLoginAt has an order; the rest never signed in.
    for (const u of ['wohnungsamt', 'cbe', 'abh']) {
      t.clock.advance(61_000);
      await t.login(u);
    }
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  describe('list', () => {
    it('pages through everyone with a correct total and without overlap', async () => {
      const total = await userCount();
      expect(total).toBe(DEMO_USERS.length);
      const all = await list('?pageSize=200');
      expect(all.page).toEqual({ page: 1, pageSize: 200, total });
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const p = await list(`?pageSize=4&page=${page}`);
        expect(p.page).toEqual({ page, pageSize: 4, total });
        expect(p.items.length).toBe(Math.min(4, total - (page - 1) * 4));
        seen.push(...p.items.map((u) => u.username));
      }
      expect(seen).toEqual(all.items.map((u) => u.username));
      expect(new Set(seen).size).toBe(total);
      const beyond = await list('?pageSize=4&page=99');
      expect(beyond).toEqual({ items: [], page: { page: 99, pageSize: 4, total } });
    });

    it('presents a whitelisted view: no hashes, secrets or internal columns', async () => {
      const { items } = await list('?pageSize=200');
      for (const u of items) {
        expect(Object.keys(u).sort()).toEqual(
          [
            'id',
            'username',
            'displayName',
            'email',
            'agency',
            'team',
            'roles',
            'active',
            'totpEnrolled',
            'authSource',
            'lastLoginAt',
            'createdAt',
          ].sort(),
        );
      }
      const body = JSON.stringify(items);
      expect(body).not.toMatch(/argon2|passwordHash|totpSecret|LOTSEDEMOADMIN/i);
      expect(items.find((u) => u.username === 'admin')).toMatchObject({
        totpEnrolled: true,
        roles: ['system_admin'],
        team: null,
      });
    });

    it('searches username, display name and e-mail, case-insensitively, with % and _ taken literally', async () => {
      const names = async (q: string) =>
        (await list(`?q=${encodeURIComponent(q)}&pageSize=200`)).items.map((u) => u.username);
      expect(await names('SCHULTE')).toEqual(['sozialamt']);
      expect(await names('krämer')).toEqual(['jobcenter']);
      expect(await names('abh@muelheim')).toEqual(['abh']);
      expect(await names('amt')).toEqual(['gesundheitsamt', 'jugendamt', 'sozialamt', 'wohnungsamt']);
      expect(await names('%')).toEqual([]);
      expect(await names('_')).toEqual([]);
      expect(await names('\\')).toEqual([]);
      expect(await names('   ')).toHaveLength(DEMO_USERS.length);
      const result = await list('?q=amt&pageSize=2');
      expect(result.page.total).toBe(4);
      expect(result.items).toHaveLength(2);
    });

    it('filters by agency and by active status', async () => {
      const steuerung = await list(`?agencyId=${agencyId.steuerung}`);
      expect(steuerung.items.map((u) => u.username).sort()).toEqual(['admin', 'dsb', 'steuerung']);
      expect(steuerung.page.total).toBe(3);
      expect(steuerung.items.every((u) => u.agency.id === agencyId.steuerung)).toBe(true);

      const off = await t.request(
        'PATCH',
        `/api/v1/users/${steuerung.items.find((u) => u.username === 'steuerung')!.id}`,
        {
          session: admin,
          body: { active: false },
        },
      );
      expect(off.statusCode).toBe(200);
      expect((await list('?active=false')).items.map((u) => u.username)).toEqual(['steuerung']);
      const active = await list('?active=true&pageSize=200');
      expect(active.page.total).toBe(DEMO_USERS.length - 1);
      expect(active.items.every((u) => u.active)).toBe(true);
      const combined = await list(`?active=true&agencyId=${agencyId.steuerung}&q=d`);
      expect(combined.items.map((u) => u.username).sort()).toEqual(['admin', 'dsb']);

      const bad = await t.request('GET', '/api/v1/users?active=ja', { session: admin });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.path).toBe('querystring.active');
    });

    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        it(`sorts by ${sort} ${dir}`, async () => {
          const { items } = await list(`?sort=${sort}&dir=${dir}&pageSize=200`);
          expect(items).toHaveLength(DEMO_USERS.length);
          if (sort === 'lastLoginAt') {
            const stamped = items.filter((u) => u.lastLoginAt !== null);
            expect(stamped.length).toBeGreaterThanOrEqual(4);
            // Never signed in comes last in both directions, then by username.
            expect(items.slice(stamped.length).every((u) => u.lastLoginAt === null)).toBe(true);
            const times = stamped.map((u) => u.lastLoginAt!);
            expect(times).toEqual([...times].sort((a, b) => (dir === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
            expect(new Set(times).size).toBe(times.length);
            const rest = items.slice(stamped.length).map((u) => u.username);
            expect(rest).toEqual(await dbOrder(rest, 'asc'));
            return;
          }
          const key = (u: UserView) =>
            sort === 'agency' ? u.agency.name : sort === 'displayName' ? u.displayName : u.username;
          const keys = items.map(key);
          const distinct = [...new Set(keys)];
          // Keys appear in the database's order; ties (several users of one agency) by username.
          expect(distinct).toEqual(await dbOrder(distinct, dir));
          for (const k of distinct) {
            const tied = items.filter((u) => key(u) === k).map((u) => u.username);
            expect(tied).toEqual(await dbOrder(tied, 'asc'));
          }
          if (sort !== 'agency') {
            const reverse = await list(`?sort=${sort}&dir=${dir === 'asc' ? 'desc' : 'asc'}&pageSize=200`);
            expect(reverse.items.map(key)).toEqual([...keys].reverse());
          }
        });
      }
    }

    it('rejects an unknown sort column or direction', async () => {
      for (const q of ['?sort=passwordHash', '?dir=up', '?pageSize=0', '?pageSize=201', '?page=0']) {
        const res = await t.request('GET', `/api/v1/users${q}`, { session: admin });
        expect(res.statusCode, q).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });
  });

  describe('create', () => {
    const valid = () => ({
      username: 'neue.kollegin',
      displayName: 'Nora Neumann',
      email: 'nora.neumann@muelheim-ruhr.example',
      agencyId: agencyId.jobcenter,
      teamId: teamId['jobcenter/Integrationsfachkräfte'],
      roles: ['caseworker'],
      initialPassword: 'willkommen-im-team-2025',
    });
    const create = (body: unknown) => t.request('POST', '/api/v1/users', { session: admin, body });

    it('rejects a username that is taken (also in other case) with 400 and errors[path=username]', async () => {
      const before = await userCount();
      for (const username of ['sozialamt', 'SozialAmt', '  sozialamt ']) {
        const res = await create({ ...valid(), username });
        expect(res.statusCode, username).toBe(400);
        expect(res.json<Problem>()).toMatchObject({
          code: 'VALIDATION_FAILED',
          errors: [{ path: 'username', message: 'Dieser Benutzername ist bereits vergeben.' }],
        });
      }
      const en = await t.request('POST', '/api/v1/users', {
        session: admin,
        body: { ...valid(), username: 'sozialamt' },
        headers: { 'accept-language': 'en' },
      });
      expect(en.json<Problem>().errors).toEqual([{ path: 'username', message: 'This username is taken.' }]);
      expect(await userCount()).toBe(before);
    });

    it('validates every field with a message on the right path', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ username: 'a' }, 'body.username', 'Mindestens 2 Zeichen.'],
        [{ username: 'nora neumann' }, 'body.username', 'Das Format ist ungültig.'],
        [{ displayName: ' ' }, 'body.displayName', 'Mindestens 2 Zeichen.'],
        [{ email: 'nora@' }, 'body.email', 'Keine gültige E-Mail-Adresse.'],
        [{ agencyId: 'jobcenter' }, 'body.agencyId', 'Keine gültige Kennung.'],
        [{ roles: [] }, 'body.roles', 'Mindestens 1 Einträge.'],
        [
          { roles: ['superuser'] },
          'body.roles.0',
          'Ungültiger Wert. Erlaubt: caseworker, team_lead, agency_admin, data_protection_officer, steering, system_admin.',
        ],
        [{ initialPassword: 'kurz' }, 'body.initialPassword', 'Mindestens 12 Zeichen.'],
        [{ initialPassword: undefined }, 'body.initialPassword', 'Pflichtangabe.'],
      ];
      for (const [patch, path, message] of cases) {
        const res = await create({ ...valid(), ...patch });
        expect(res.statusCode, path).toBe(400);
        expect(res.json<Problem>().errors, path).toContainEqual({ path, message });
      }
      const foreignTeam = await create({ ...valid(), teamId: teamId['sozialamt/Flüchtlingssozialdienst'] });
      expect(foreignTeam.statusCode).toBe(400);
      expect(foreignTeam.json<Problem>().errors).toEqual([
        { path: 'teamId', message: 'Das Team gehört nicht zu dieser Behörde.' },
      ]);
      expect(await t.database.db.select().from(users).where(eq(users.username, 'neue.kollegin'))).toHaveLength(0);
    });

    it('creates the account, which can then sign in with the initial password', async () => {
      const res = await create(valid());
      expect(res.statusCode).toBe(201);
      const u = res.json<UserView>();
      expect(u).toMatchObject({
        username: 'neue.kollegin',
        displayName: 'Nora Neumann',
        agency: { id: agencyId.jobcenter },
        team: { id: teamId['jobcenter/Integrationsfachkräfte'], name: 'Integrationsfachkräfte' },
        roles: ['caseworker'],
        active: true,
        totpEnrolled: false,
        authSource: 'local',
        lastLoginAt: null,
        createdAt: t.clock.now().toISOString(),
      });
      const login = await t.request('POST', '/api/v1/auth/login', {
        body: { username: 'neue.kollegin', password: 'willkommen-im-team-2025' },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({ state: 'complete' });
      expect((await list(`?q=neue.kollegin`)).items[0]!.lastLoginAt).toBe(t.clock.now().toISOString());
    });

    it.skipIf(engine !== 'postgres')(
      'creates one account when the same username arrives five times at once (PostgreSQL only: PGlite runs one request at a time)',
      async () => {
        const results = await Promise.all(
          Array.from({ length: 5 }, () => create({ ...valid(), username: 'gleichzeitig', email: null, teamId: null })),
        );
        const statuses = results.map((r) => r.statusCode);
        expect(statuses.filter((s) => s === 201)).toHaveLength(1);
        expect(statuses.every((s) => s === 201 || s === 400 || s === 409)).toBe(true);
        expect(await t.database.db.select().from(users).where(eq(users.username, 'gleichzeitig'))).toHaveLength(1);
      },
    );
  });

  describe('change', () => {
    it('deactivating a user ends their sessions; an administrator cannot deactivate themselves', async () => {
      const victim = await t.login('aa');
      expect((await t.request('GET', '/api/v1/workspace', { session: victim })).statusCode).toBe(200);
      const off = await t.request('PATCH', `/api/v1/users/${victim.userId}`, {
        session: admin,
        body: { active: false },
      });
      expect(off.statusCode).toBe(200);
      expect(off.json<UserView>().active).toBe(false);
      expect((await t.request('GET', '/api/v1/workspace', { session: victim })).statusCode).toBe(401);
      const relogin = await t.request('POST', '/api/v1/auth/login', {
        body: { username: 'aa', password: 'lotse-demo' },
      });
      expect(relogin.statusCode).toBe(401);

      const self = await t.request('PATCH', `/api/v1/users/${admin.userId}`, {
        session: admin,
        body: { active: false },
      });
      expect(self.statusCode).toBe(409);
      expect(self.json<Problem>()).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'active' }] });
      const demote = await t.request('PATCH', `/api/v1/users/${admin.userId}`, {
        session: admin,
        body: { roles: ['caseworker'] },
      });
      expect(demote.statusCode).toBe(409);
      expect((await t.request('GET', '/api/v1/users', { session: admin })).statusCode).toBe(200);
    });

    it('a role change ends the sessions of the changed user', async () => {
      const target = await t.login('cbe');
      const res = await t.request('PATCH', `/api/v1/users/${target.userId}`, {
        session: admin,
        body: { roles: ['caseworker', 'team_lead'] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<UserView>().roles).toEqual(['caseworker', 'team_lead']);
      expect((await t.request('GET', '/api/v1/workspace', { session: target })).statusCode).toBe(401);
    });

    it('answers 404 for an unknown user and 400 for an empty change', async () => {
      const unknown = await t.request('PATCH', '/api/v1/users/5a1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', {
        session: admin,
        body: { displayName: 'Niemand' },
      });
      expect(unknown.statusCode).toBe(404);
      const empty = await t.request('PATCH', `/api/v1/users/${admin.userId}`, { session: admin, body: {} });
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});
