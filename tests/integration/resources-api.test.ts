import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, casePlans, caseTeamMembers, cases } from '../../src/server/db/schema';
import { DEMO_RESOURCES, hasResources, seedDemoResources } from '../../src/server/db/seed-demo-resources';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { MARKER, sprachcafe } from './resources.fixtures';

type Detail = {
  id: string;
  name: string;
  organization: { id: string; name: string };
  status: string;
  categories: string[];
  languages: string[];
  district: { id: string; name: string } | null;
  location: { street: string | null; houseNumber: string | null; addressId: string | null; point: unknown } | null;
  contacts: { name: string; public: boolean }[];
  schedules: { byDay: string[]; opensAt: string; closesAt: string }[];
  internalNote: string | null;
  verifiedOn: string | null;
  verifiedBy: { id: string; displayName: string } | null;
  verificationOverdue: boolean;
  openPlanCount: number;
  version: number;
  canEdit: boolean;
  canDelete: boolean;
};
type List = { items: Detail[]; pageInfo: { page: number; pageSize: number; total: number } };
type Problem = { code: string; errors?: { path: string; message: string }[] };

const START = new Date('2040-05-04T22:30:00Z'); // 00:30 on 2040-05-05 in Europe/Berlin
describe('resource directory (authenticated API)', () => {
  let t: TestApp;
  let soz: Session;
  let jc: Session;
  let lead: Session;
  let steering: Session;
  const db = () => t.database.db;
  const problem = (res: { json: <T>() => T }) => res.json<Problem>();
  const paths = (res: { json: <T>() => T }) => (problem(res).errors ?? []).map((e) => e.path);
  const create = (body: unknown, session = soz) => t.request('POST', '/api/v1/resources', { session, body });
  const list = async (qs: string, session = soz) => {
    const res = await t.request('GET', `/api/v1/resources?${qs}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<List>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    soz = await t.login('sozialamt');
    jc = await t.login('jobcenter');
    lead = await t.login('teamleitung');
    steering = await t.login('steuerung');
  });
  afterAll(async () => t.close());

  it('serves the local taxonomy with German and English names', async () => {
    const res = await t.request('GET', '/api/v1/resource-taxonomy', { session: steering });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { code: string; name: string; nameEn: string }[] }>().items;
    expect(items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['bakery', 'language_cafe', 'medical_practice', 'employer']),
    );
    expect(items.find((i) => i.code === 'language_cafe')).toMatchObject({
      name: 'Sprachcafé',
      nameEn: 'Language café',
    });
  });

  let cafe: Detail;
  let cafeEtag: string;
  it('creates an entry with organisation, location in the address register, hours, languages and contacts', async () => {
    const res = await create(sprachcafe());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    cafe = res.json<Detail>();
    cafeEtag = res.headers.etag as string;
    expect(cafe).toMatchObject({
      name: 'Sprachcafé in St. Mariae',
      organization: { name: 'Pfarrei St. Mariae' },
      status: 'active',
      categories: ['language_cafe', 'meeting_place'],
      languages: ['de', 'ar', 'fa'],
      schedules: [{ byDay: ['TU'], opensAt: '16:00', closesAt: '18:00' }],
      internalNote: `Sehr kooperativ; ${MARKER}`,
      verifiedOn: null,
      verificationOverdue: true,
      openPlanCount: 0,
      canEdit: true,
      canDelete: false,
    });
    // The register writes "Althofstraße": the address is shared with people living there.
    expect(cafe.location).toMatchObject({
      street: 'Althofstraße',
      houseNumber: '8',
      point: { latitude: 51.4285, longitude: 6.8826 },
    });
    expect(cafe.location!.addressId).toEqual(expect.any(String));
    expect(cafe.contacts).toHaveLength(2);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, cafe.id));
    expect(audit.map((a) => a.type)).toEqual(['resource.created']);
    expect(JSON.stringify(audit)).not.toContain(MARKER);
    expect(JSON.stringify(audit)).not.toContain('Sprachcafé');
  });

  it('links a second service at the same address to the same register row, however it is spelled', async () => {
    const res = await create(
      sprachcafe({
        name: 'Zweites Angebot am gleichen Ort',
        organization: { id: cafe.organization.id },
        location: { street: 'Althofstraße', houseNumber: '8', postalCode: '45468', point: null },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Detail>().location!.addressId).toBe(cafe.location!.addressId);
  });

  it('refuses bad input with German messages per field and writes nothing', async () => {
    const before = (await list('pageSize=200')).pageInfo.total;
    const res = await create(
      sprachcafe({
        categories: [],
        minimumAge: 30,
        maximumAge: 20,
        schedules: [{ byDay: [], opensAt: '18:00', closesAt: '16:00' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['body.categories', 'body.schedules.0.byDay']));
    const unknown = await create(
      sprachcafe({ categories: ['no_such_thing'], organization: { id: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b' } }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['categories.0', 'organization.id']);
    expect(problem(unknown).errors![0]!.message).toContain(
      'Die Kategorie „no_such_thing“ gibt es im Verzeichnis nicht.',
    );
    const ages = await create(sprachcafe({ minimumAge: 30, maximumAge: 20 }));
    expect(ages.statusCode).toBe(400);
    expect(problem(ages).errors).toEqual([
      { path: 'maximumAge', message: 'Das Höchstalter darf nicht unter dem Mindestalter liegen.' },
    ]);
    const both = await create(sprachcafe({ organization: { id: cafe.organization.id, name: 'Zwei' } }));
    expect(both.statusCode).toBe(400);
    expect(paths(both)).toEqual(['organization.name']);
    const hours = await create(sprachcafe({ schedules: [{ byDay: ['MO'], opensAt: '18:00', closesAt: '16:00' }] }));
    expect(problem(hours).errors).toEqual([
      { path: 'schedules.0.closesAt', message: 'Das Ende muss nach dem Beginn liegen.' },
    ]);
    expect((await list('pageSize=200')).pageInfo.total).toBe(before);
  });

  it('lets only resource.write create; everyone reads', async () => {
    expect((await create(sprachcafe(), steering)).statusCode).toBe(403);
    expect((await t.request('GET', `/api/v1/resources/${cafe.id}`, { session: steering })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/resources')).statusCode).toBe(401);
  });

  describe('list: search, filters, sorting, paging', () => {
    beforeAll(async () => {
      const entries = [
        {
          name: 'Bäckerei Kamps am Kohlenkamp',
          categories: ['bakery', 'employer'],
          languages: ['de', 'tr'],
          status: 'active',
        },
        {
          name: 'Praxis Dr. Haddad',
          categories: ['medical_practice'],
          languages: ['de', 'ar', 'fa'],
          status: 'active',
        },
        {
          name: 'Kita Regenbogen',
          categories: ['childcare'],
          languages: ['de'],
          status: 'temporarily closed',
          alert: 'Umbau bis Juni',
        },
        { name: 'Alte Tafel', categories: ['food_bank'], languages: ['de'], status: 'defunct' },
      ];
      for (const e of entries) {
        const res = await create({
          organization: { name: `Träger ${e.name}` },
          ...e,
          internalNote: null,
          contacts: [],
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    });

    it('searches names, descriptions and organisations', async () => {
      expect((await list('q=haddad')).items.map((i) => i.name)).toEqual(['Praxis Dr. Haddad']);
      expect((await list('q=kaffee')).items.map((i) => i.name)).toContain('Sprachcafé in St. Mariae');
      expect((await list('q=kaffee')).items.map((i) => i.name)).not.toContain('Kita Regenbogen');
      expect((await list('q=Pfarrei')).items.map((i) => i.name)).toContain('Sprachcafé in St. Mariae');
      expect((await list('q=100%25')).items).toEqual([]);
    });

    it('filters by category, status and language', async () => {
      expect((await list('category=bakery')).items.map((i) => i.name)).toEqual(['Bäckerei Kamps am Kohlenkamp']);
      expect((await list('status=temporarily%20closed')).items.map((i) => i.name)).toEqual(['Kita Regenbogen']);
      expect((await list('language=fa')).items.map((i) => i.name).sort()).toEqual(
        ['Praxis Dr. Haddad', 'Sprachcafé in St. Mariae', 'Zweites Angebot am gleichen Ort'].sort(),
      );
      const bad = await t.request('GET', '/api/v1/resources?status=open', { session: soz });
      expect(bad.statusCode).toBe(400);
    });

    it('sorts by name both ways and pages', async () => {
      const all = await list('sort=name&pageSize=200');
      const names = all.items.map((i) => i.name);
      expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en')));
      const desc = await list('sort=name&dir=desc&pageSize=200');
      expect(desc.items.map((i) => i.name)).toEqual([...names].reverse());
      const page2 = await list('sort=name&pageSize=2&page=2');
      expect(page2.pageInfo).toEqual({ page: 2, pageSize: 2, total: all.pageInfo.total });
      expect(page2.items.map((i) => i.name)).toEqual(names.slice(2, 4));
    });
  });

  describe('edit with If-Match, verify', () => {
    it('requires If-Match (428), refuses a stale version (412) and bumps the version', async () => {
      const body = sprachcafe({ name: 'Sprachcafé St. Mariae', organization: { id: cafe.organization.id } });
      const url = `/api/v1/resources/${cafe.id}`;
      expect((await t.request('PATCH', url, { session: soz, body })).statusCode).toBe(428);
      expect((await t.request('PATCH', url, { session: soz, body, headers: { 'if-match': '"7"' } })).statusCode).toBe(
        412,
      );
      const ok = await t.request('PATCH', url, { session: soz, body, headers: { 'if-match': cafeEtag } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      const after = ok.json<Detail>();
      expect(after.name).toBe('Sprachcafé St. Mariae');
      // The location was updated in place: the same register address.
      expect(after.location!.addressId).toBe(cafe.location!.addressId);
      const again = await t.request('PATCH', url, { session: soz, body, headers: { 'if-match': cafeEtag } });
      expect(again.statusCode).toBe(412);
      const [audit] = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, cafe.id), eq(auditEvents.type, 'resource.updated')));
      expect(audit!.details).toEqual({ fields: ['name', 'location'], version: 2 });
      cafe = after;
    });

    it('marks verified today (Berlin) by the caller; after 12 months the entry is overdue again', async () => {
      const res = await t.request('POST', `/api/v1/resources/${cafe.id}/verify`, { session: jc, body: {} });
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json<Detail>();
      expect(v).toMatchObject({ verifiedOn: '2040-05-05', verificationOverdue: false, version: 3 });
      expect(v.verifiedBy!.id).toBe(jc.userId);
      expect(
        (await t.request('POST', `/api/v1/resources/${cafe.id}/verify`, { session: steering, body: {} })).statusCode,
      ).toBe(403);
      expect((await list('verifiedBefore=2040-05-01&pageSize=200')).items.map((i) => i.id)).not.toContain(cafe.id);
      t.clock.set(new Date('2041-05-06T10:00:00Z'));
      soz = await t.login('sozialamt');
      const later = await t.request('GET', `/api/v1/resources/${cafe.id}`, { session: soz });
      expect(later.json<Detail>().verificationOverdue).toBe(true);
      t.clock.set(START);
      // The jump ended the sessions: sign in again for the tests that follow.
      soz = await t.login('sozialamt');
      jc = await t.login('jobcenter');
      lead = await t.login('teamleitung');
      steering = await t.login('steuerung');
    });
  });

  describe('plans: open plan count, delete refused, step validation', () => {
    let caseId: string;
    let planId: string;
    let defunctId: string;
    const agency = new Map<string, string>();

    beforeAll(async () => {
      for (const a of await db().select({ id: agencies.id, code: agencies.code }).from(agencies))
        agency.set(a.code, a.id);
      const person = await t.request('POST', '/api/v1/people', {
        session: soz,
        body: { givenNames: 'Samira', familyName: 'Haddad', dateOfBirth: '1990-03-01', duplicatesReviewed: true },
      });
      expect(person.statusCode, person.body).toBe(201);
      const [row] = await db()
        .insert(cases)
        .values({
          reference: 'F-2040-90001',
          personId: person.json<{ id: string }>().id,
          title: 'Ressourcenfall',
          phase: 'planning',
          leadUserId: soz.userId,
          leadAgencyId: agency.get('sozialamt')!,
          openedAt: START,
        })
        .returning({ id: cases.id });
      caseId = row!.id;
      await db()
        .insert(caseTeamMembers)
        .values({ caseId, agencyId: agency.get('sozialamt')!, userId: soz.userId, role: 'lead', joinedAt: START });
      const defunct = await list('status=defunct');
      defunctId = defunct.items[0]!.id;
    });

    const planBody = (resourceId: string) => ({
      kind: 'integration_plan',
      title: 'Ankommen',
      goals: [{ ownWords: 'Deutsch lernen', target: 'B1 bis Ende 2040' }],
      steps: [
        {
          measure: 'Sprachcafé besuchen',
          responsibleAgencyId: agency.get('sozialamt'),
          goal: { index: 0 },
          resource: { kind: 'resource', id: resourceId },
        },
      ],
    });

    it('refuses a step linking a missing or defunct entry with a German field error', async () => {
      const missing = await t.request('POST', `/api/v1/cases/${caseId}/plans`, {
        session: soz,
        body: planBody('3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b'),
      });
      expect(missing.statusCode).toBe(400);
      expect(paths(missing)).toEqual(['steps.0.resource']);
      expect(problem(missing).errors![0]!.message).toContain('gibt es im Ressourcenverzeichnis nicht');
      const defunct = await t.request('POST', `/api/v1/cases/${caseId}/plans`, {
        session: soz,
        body: planBody(defunctId),
      });
      expect(defunct.statusCode).toBe(400);
      expect(paths(defunct)).toEqual(['steps.0.resource']);
      expect(problem(defunct).errors![0]!.message).toContain('eingestellt');
    });

    it('counts the open plans using an entry (a number, never a name) and refuses to delete it', async () => {
      const res = await t.request('POST', `/api/v1/cases/${caseId}/plans`, { session: soz, body: planBody(cafe.id) });
      expect(res.statusCode, res.body).toBe(201);
      planId = res.json<{ id: string }>().id;
      const detail = await t.request('GET', `/api/v1/resources/${cafe.id}`, { session: jc });
      expect(detail.json<Detail>().openPlanCount).toBe(1);
      expect(detail.body).not.toContain('Ankommen');
      expect(detail.body).not.toContain(caseId);
      const del = await t.request('DELETE', `/api/v1/resources/${cafe.id}`, { session: lead });
      expect(del.statusCode).toBe(409);
      expect(problem(del).errors![0]!.message).toContain('„eingestellt“');
      await db().update(casePlans).set({ status: 'ended' }).where(eq(casePlans.id, planId));
      const ended = await t.request('GET', `/api/v1/resources/${cafe.id}`, { session: jc });
      expect(ended.json<Detail>().openPlanCount).toBe(0);
      // Still linked by a step of an ended plan: the plan keeps its history.
      expect((await t.request('DELETE', `/api/v1/resources/${cafe.id}`, { session: lead })).statusCode).toBe(409);
    });

    it('deletes an unused entry for the team lead only', async () => {
      const fresh = await create(sprachcafe({ name: 'Zu löschen', organization: { name: 'Einmal-Träger' } }));
      const id = fresh.json<Detail>().id;
      expect((await t.request('DELETE', `/api/v1/resources/${id}`, { session: soz })).statusCode).toBe(403);
      const ok = await t.request('DELETE', `/api/v1/resources/${id}`, { session: lead });
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await t.request('GET', `/api/v1/resources/${id}`, { session: soz })).statusCode).toBe(404);
      expect((await t.request('DELETE', `/api/v1/resources/${id}`, { session: lead })).statusCode).toBe(404);
      const audit = await db().select().from(auditEvents).where(like(auditEvents.type, 'resource.deleted'));
      expect(audit.map((a) => a.subjectId)).toContain(id);
    });
  });
});

describe('demo resources', () => {
  it('seeds about forty entries, each located in its district, some closed, some long unverified; idempotent', async () => {
    const t = await createTestApp();
    try {
      const now = new Date('2040-05-04T09:00:00Z');
      expect(await hasResources(t.database.db)).toBe(false);
      await seedDemoResources(t.database.db, { now });
      expect(await hasResources(t.database.db)).toBe(true);
      t.clock.set(now);
      const soz = await t.login('sozialamt');
      const res = await t.request('GET', '/api/v1/resources?pageSize=200', { session: soz });
      const items = res.json<List>().items;
      expect(items.length).toBe(DEMO_RESOURCES.length);
      expect(items.length).toBeGreaterThanOrEqual(38);
      for (const item of items) {
        const expected = DEMO_RESOURCES.find((d) => d.name === item.name)!;
        expect(item.district?.name, item.name).toBe(expected.district);
      }
      const cafe = items.find((i) => i.name === 'Sprachcafé in St. Mariae')!;
      const detail = (await t.request('GET', `/api/v1/resources/${cafe.id}`, { session: soz })).json<Detail>();
      expect(detail.schedules).toEqual([{ byDay: ['TU'], opensAt: '16:00', closesAt: '18:00', description: null }]);
      expect(detail.district!.name).toBe('Altstadt I');
      expect(items.filter((i) => i.status === 'temporarily closed').length).toBeGreaterThanOrEqual(2);
      expect(items.filter((i) => i.verificationOverdue).length).toBeGreaterThanOrEqual(5);
      const doctor = items.find(
        (i) => i.categories.includes('medical_practice') && i.languages.includes('ar') && i.languages.includes('fa'),
      );
      expect(doctor).toBeDefined();
    } finally {
      await t.close();
    }
  });
});
