import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyKinds } from '../../src/shared/contracts/common';
import { agencies, auditEvents, teams, users } from '../../src/server/db/schema';
import { DEMO_AGENCIES } from '../../src/server/db/seed-demo';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Summary = { id: string; code: string; name: string; kind: string; shortMandate: string };
type Detail = Summary & {
  mandate: string;
  legalBases: { norm: string; description: string }[];
  contact: { address: string | null; phone: string | null; email: string | null; openingHours: string | null };
  teams: { id: string; name: string; memberCount: number }[];
  staffCount: number;
  updatedAt: string;
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

describe('agencies', () => {
  let t: TestApp;
  let admin: Session;
  let caseworker: Session;
  const byCode: Record<string, Summary> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    caseworker = await t.login('sozialamt');
  });
  afterAll(async () => t.close());

  describe('reading', () => {
    it('lists the nine demo agencies with kind and short mandate, and nothing more', async () => {
      const res = await t.request('GET', '/api/v1/agencies', { session: caseworker });
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: Summary[] }>().items;
      expect(items).toHaveLength(9);
      for (const a of items) byCode[a.code] = a;
      expect(Object.keys(byCode).sort()).toEqual(DEMO_AGENCIES.map((a) => a.code).sort());
      expect(items.map((a) => a.kind).sort()).toEqual([...agencyKinds].sort());
      for (const a of items) {
        const seed = DEMO_AGENCIES.find((d) => d.code === a.code)!;
        const { id, ...rest } = a;
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect(rest).toEqual({ code: seed.code, name: seed.name, kind: seed.kind, shortMandate: seed.shortMandate });
        expect(a.shortMandate.length).toBeGreaterThan(10);
        expect(a.shortMandate.length).toBeLessThan(300);
      }
      // Ordered by name in the database's collation.
      const ordered = await t.database.db.select({ name: agencies.name }).from(agencies).orderBy(asc(agencies.name));
      expect(items.map((a) => a.name)).toEqual(ordered.map((r) => r.name));
    });

    it('shows each agency with mandate, legal bases, contact, teams with member counts and staff count', async () => {
      for (const seed of DEMO_AGENCIES) {
        const id = byCode[seed.code]!.id;
        const res = await t.request('GET', `/api/v1/agencies/${id}`, { session: caseworker });
        expect(res.statusCode, seed.code).toBe(200);
        const d = res.json<Detail>();
        expect(d.mandate).toBe(seed.mandate);
        expect(d.legalBases).toEqual(seed.legalBases);
        expect(d.legalBases.length).toBeGreaterThan(0);
        expect(d.contact).toEqual({
          address: seed.contact.address ?? null,
          phone: seed.contact.phone ?? null,
          email: seed.contact.email ?? null,
          openingHours: seed.contact.openingHours ?? null,
        });
        expect(d.teams.map((x) => x.name).sort()).toEqual([...seed.teams].sort());
        for (const team of d.teams) {
          const members = await t.database.db.select({ n: count() }).from(users).where(eq(users.teamId, team.id));
          expect(team.memberCount, `${seed.code}/${team.name}`).toBe(Number(members[0]!.n));
        }
        const staff = await t.database.db.select({ n: count() }).from(users).where(eq(users.agencyId, id));
        expect(d.staffCount).toBe(Number(staff[0]!.n));
        expect(d.updatedAt).toMatch(/Z$/);
      }
      const sozial = (
        await t.request('GET', `/api/v1/agencies/${byCode.sozialamt!.id}`, { session: caseworker })
      ).json<Detail>();
      // The caseworker and the team lead.
      expect(sozial.teams.find((x) => x.name === 'Flüchtlingssozialdienst')!.memberCount).toBe(2);
      expect(sozial.teams.find((x) => x.name === 'Leistungen AsylbLG')!.memberCount).toBe(0);
      const steuerung = (
        await t.request('GET', `/api/v1/agencies/${byCode.steuerung!.id}`, { session: caseworker })
      ).json<Detail>();
      // dsb and admin belong to the agency without a team.
      expect(steuerung.staffCount).toBe(3);
      expect(steuerung.teams.map(({ name, memberCount }) => ({ name, memberCount }))).toEqual([
        { name: 'Sozialplanung', memberCount: 1 },
      ]);
    });

    it('answers 404 for an unknown agency and 400 for an id that is not a uuid', async () => {
      const unknown = await t.request('GET', '/api/v1/agencies/6e1f1b7e-2f4c-4a8e-9d3b-5c6a7b8c9d0e', {
        session: caseworker,
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
      const malformed = await t.request('GET', '/api/v1/agencies/sozialamt', { session: caseworker });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<Problem>()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'params.id', message: 'Keine gültige Kennung.' }],
      });
    });
  });

  describe('changing an agency (administrators)', () => {
    const patch = (body: unknown, headers?: Record<string, string>, session = admin) =>
      t.request('PATCH', `/api/v1/agencies/${byCode.wohnungsamt!.id}`, {
        session,
        body,
        ...(headers ? { headers } : {}),
      });

    it('validates with German field messages by default and English on request', async () => {
      const before = (await t.database.db.select().from(agencies).where(eq(agencies.id, byCode.wohnungsamt!.id)))[0]!;
      const cases: [unknown, string, string][] = [
        [{ name: 'W' }, 'body.name', 'Mindestens 2 Zeichen.'],
        [{ name: 'x'.repeat(201) }, 'body.name', 'Höchstens 200 Zeichen.'],
        [{ shortMandate: 42 }, 'body.shortMandate', 'Der Wert hat den falschen Typ.'],
        [
          { contact: { address: null, phone: null, email: 'keine-adresse', openingHours: null } },
          'body.contact.email',
          'Keine gültige E-Mail-Adresse.',
        ],
        [{ contact: { address: 'Rathaus' } }, 'body.contact.phone', 'Pflichtangabe.'],
        [
          { legalBases: [{ norm: '§', description: 'Zu kurz ist die Norm' }] },
          'body.legalBases.0.norm',
          'Mindestens 2 Zeichen.',
        ],
        [
          { legalBases: Array.from({ length: 51 }, () => ({ norm: 'SGB II', description: 'Grundsicherung' })) },
          'body.legalBases',
          'Höchstens 50 Einträge.',
        ],
      ];
      for (const [body, path, message] of cases) {
        const res = await patch(body);
        expect(res.statusCode, path).toBe(400);
        const problem = res.json<Problem>();
        expect(problem.code).toBe('VALIDATION_FAILED');
        expect(problem.errors, path).toContainEqual({ path, message });
      }
      const english = await patch({ name: 'W' }, { 'accept-language': 'en-GB,en;q=0.9' });
      expect(english.json<Problem>().errors).toContainEqual({ path: 'body.name', message: 'At least 2 characters.' });

      // Nothing to change is a validation error too, unknown fields included.
      for (const body of [{}, { kind: 'jobcenter', code: 'neu' }]) {
        const res = await patch(body);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      const after = (await t.database.db.select().from(agencies).where(eq(agencies.id, byCode.wohnungsamt!.id)))[0]!;
      expect(after).toEqual(before);
    });

    it('stores a valid change, trims text, stamps the time and returns the new detail', async () => {
      t.clock.advance(60_000);
      const res = await patch({
        shortMandate: '  Unterbringung, Wohnraumvermittlung und Wohnberechtigungsscheine.  ',
        legalBases: [
          { norm: '§ 12a AufenthG', description: 'Wohnsitzregelung' },
          { norm: 'WFNG NRW', description: 'Wohnberechtigungsschein' },
        ],
        contact: {
          address: 'Hans-Böckler-Platz 5, 45468 Mülheim an der Ruhr',
          phone: null,
          email: null,
          openingHours: 'Di 8–12 Uhr',
        },
      });
      expect(res.statusCode).toBe(200);
      const d = res.json<Detail>();
      expect(d.shortMandate).toBe('Unterbringung, Wohnraumvermittlung und Wohnberechtigungsscheine.');
      expect(d.legalBases).toHaveLength(2);
      expect(d.contact).toEqual({
        address: 'Hans-Böckler-Platz 5, 45468 Mülheim an der Ruhr',
        phone: null,
        email: null,
        openingHours: 'Di 8–12 Uhr',
      });
      expect(d.updatedAt).toBe(t.clock.now().toISOString());
      expect(d.kind).toBe('wohnungsamt');
      const reread = await t.request('GET', `/api/v1/agencies/${d.id}`, { session: caseworker });
      expect(reread.json()).toEqual(d);
    });

    it('is closed to caseworkers (403) and to anonymous callers (401)', async () => {
      expect((await patch({ name: 'Übernahme' }, undefined, caseworker)).statusCode).toBe(403);
      const anon = await t.request('PATCH', `/api/v1/agencies/${byCode.wohnungsamt!.id}`, {
        body: { name: 'Übernahme' },
      });
      expect(anon.statusCode).toBe(401);
      const row = await t.database.db.select().from(agencies).where(eq(agencies.id, byCode.wohnungsamt!.id));
      expect(row[0]!.name).not.toBe('Übernahme');
    });
  });

  describe('teams', () => {
    const addTeam = (code: string, name: unknown, session = admin) =>
      t.request('POST', `/api/v1/agencies/${byCode[code]!.id}/teams`, { session, body: { name } });

    it('creates a team that then shows with zero members', async () => {
      const res = await addTeam('jugendamt', '  Pflegekinderdienst ');
      expect(res.statusCode).toBe(201);
      const d = res.json<Detail>();
      expect(d.teams.map(({ name, memberCount }) => ({ name, memberCount }))).toContainEqual({
        name: 'Pflegekinderdienst',
        memberCount: 0,
      });
      expect(d.teams.map((x) => x.name)).toEqual(
        [...d.teams.map((x) => x.name)].sort((a, b) => a.localeCompare(b, 'de')),
      );
    });

    it('rejects a duplicate name in the same agency with 409, whatever the case, but allows it elsewhere', async () => {
      for (const name of ['Pflegekinderdienst', 'PFLEGEKINDERDIENST', 'Kommunaler Sozialer Dienst']) {
        const res = await addTeam('jugendamt', name);
        expect(res.statusCode, name).toBe(409);
        expect(res.json<Problem>()).toMatchObject({
          code: 'CONFLICT',
          errors: [{ path: 'name', message: 'Ein Team mit diesem Namen gibt es bereits.' }],
        });
      }
      const rows = await t.database.db
        .select()
        .from(teams)
        .where(and(eq(teams.agencyId, byCode.jugendamt!.id), sql`lower(${teams.name}) = 'pflegekinderdienst'`));
      expect(rows).toHaveLength(1);
      expect((await addTeam('sozialamt', 'Pflegekinderdienst')).statusCode).toBe(201);
    });

    it('validates the name', async () => {
      for (const [name, message] of [
        ['P', 'Mindestens 2 Zeichen.'],
        ['x'.repeat(121), 'Höchstens 120 Zeichen.'],
        [17, 'Der Wert hat den falschen Typ.'],
      ] as const) {
        const res = await addTeam('jugendamt', name);
        expect(res.statusCode).toBe(400);
        expect(res.json<Problem>().errors).toContainEqual({ path: 'body.name', message });
      }
      expect((await addTeam('jugendamt', 'Neues Team', caseworker)).statusCode).toBe(403);
    });

    it('records a name with an unpaired surrogate instead of failing the audit write', async () => {
      const res = await addTeam('cbe', 'Sprach\ud800café');
      expect(res.statusCode).toBe(201);
      const team = res.json<Detail>().teams.find((x) => x.name.startsWith('Sprach'))!;
      expect(team.name).toBe('Sprach\ufffdcafé');
      const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, team.id));
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ name: 'Sprach\ufffdcafé' });
      const dsb = await t.login('dsb');
      expect((await t.request('GET', '/api/v1/audit/verify', { session: dsb })).json()).toMatchObject({ ok: true });
    });

    it.skipIf(engine !== 'postgres')(
      'creates exactly one team when the same name arrives ten times at once, in any case (PostgreSQL only: PGlite runs one request at a time)',
      async () => {
        const names = [
          'Team Rhein',
          'team rhein',
          'TEAM RHEIN',
          'Team Rhein',
          'team Rhein',
          'Team RHEIN',
          'Team Rhein',
          'tEAM rHEIN',
          'Team rhein',
          'TEAM rhein',
        ];
        const results = await Promise.all(names.map((n) => addTeam('aa', n)));
        const statuses = results.map((r) => r.statusCode).sort();
        expect(statuses).toEqual([201, ...Array<number>(9).fill(409)]);
        const rows = await t.database.db
          .select()
          .from(teams)
          .where(and(eq(teams.agencyId, byCode.aa!.id), sql`lower(${teams.name}) = 'team rhein'`));
        expect(rows).toHaveLength(1);
        const audited = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, rows[0]!.id));
        expect(audited).toHaveLength(1);
      },
    );
  });
});
