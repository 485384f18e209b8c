import { count, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, competenceProfiles, measures, referrals } from '../../src/server/db/schema';
import { hasMeasures, seedDemoMeasures } from '../../src/server/db/seed-demo-measures';
import { measureKinds } from '../../src/shared/contracts/measures';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Described = { criterion: { kind: string }; description: { de: string; en: string } };
type Measure = {
  id: string;
  kind: string;
  title: string;
  provider: string;
  agency: { id: string; name: string };
  places: number | null;
  occupiedPlaces: number;
  freePlaces: number | null;
  startsOn: string | null;
  endsOn: string | null;
  criteria: Described[];
  active: boolean;
  version: number;
  mayManage: boolean;
};
type MeasureList = { items: Measure[]; page: { page: number; pageSize: number; total: number } };
type Matches = {
  checkedOn: string;
  hasProfile: boolean;
  items: {
    measure: Measure;
    outcome: string;
    results: { criterion: { kind: string }; source: string; outcome: string; explanation: { de: string } }[];
  }[];
  counts: { met: number; unknown: number; notMet: number };
};
type Problem = { code: string; errors?: { path: string; message: string }[] };

const PASSWORD = 'ein-langes-passwort-123';

describe(`measures catalogue (${engine})`, () => {
  let t: TestApp;
  let lead: Session; // teamleitung, team lead of the Sozialamt
  let aaLead: Session; // a team lead of the Agentur für Arbeit
  let soz: Session;
  let jc: Session;
  let steering: Session;
  const agency: Record<string, string> = {};
  let personId: string;

  const get = (s: Session, url: string) => t.request('GET', url, { session: s });
  const post = (s: Session, url: string, body: unknown) => t.request('POST', url, { session: s, body });
  const patch = (s: Session, url: string, body: unknown, ifMatch?: string) =>
    t.request('PATCH', url, { session: s, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const paths = (res: LightMyRequestResponse) => (res.json<Problem>().errors ?? []).map((e) => e.path);
  const auditCount = async (type: string) =>
    Number((await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.type, type)))[0]!.n);

  const create = async (s: Session, body: Record<string, unknown>) => {
    const res = await post(s, '/api/v1/measures', { kind: 'perf', provider: 'VHS Mülheim an der Ruhr', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Measure>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const a of await t.database.db.select({ id: agencies.id, code: agencies.code }).from(agencies))
      agency[a.code] = a.id;
    const admin = await t.login('admin');
    const created = await post(admin, '/api/v1/users', {
      username: 'aa-leitung',
      displayName: 'AA Leitung',
      agencyId: agency.aa,
      teamId: null,
      roles: ['team_lead'],
      initialPassword: PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    aaLead = await t.login('aa-leitung', PASSWORD);
    lead = await t.login('teamleitung');
    soz = await t.login('sozialamt');
    jc = await t.login('jobcenter');
    steering = await t.login('steuerung');
    const person = await post(soz, '/api/v1/people', {
      givenNames: 'Samira',
      familyName: 'Haddad',
      dateOfBirth: '1990-05-17',
      duplicatesReviewed: true,
    });
    expect(person.statusCode, person.body).toBe(201);
    personId = person.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  describe('keeping the catalogue', () => {
    it('creates a measure of the caller’s own agency with criteria as data, audited', async () => {
      const before = await auditCount('measure.created');
      const res = await post(lead, '/api/v1/measures', {
        kind: 'agh',
        title: '  Arbeitsgelegenheit Stadtgärten  ',
        provider: 'Mülheimer Beschäftigungsträger',
        places: 12,
        startsOn: '2027-01-04',
        endsOn: '2027-06-30',
        location: 'Styrum',
        criteria: [{ kind: 'age_range', min: 18, max: null }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const m = res.json<Measure>();
      expect(m).toMatchObject({
        title: 'Arbeitsgelegenheit Stadtgärten',
        agency: { id: agency.sozialamt },
        places: 12,
        occupiedPlaces: 0,
        freePlaces: 12,
        active: true,
        mayManage: true,
      });
      expect(m.criteria[0]!.description.de).toBe('Alter mindestens 18 Jahre');
      expect(await auditCount('measure.created')).toBe(before + 1);
      // A caseworker reads it but may not manage it.
      const seen = await get(soz, `/api/v1/measures/${m.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json<Measure>().mayManage).toBe(false);
    });

    it('refuses bad input with field errors and writes nothing', async () => {
      const bad = await post(lead, '/api/v1/measures', {
        kind: 'perf',
        title: 'Kaputt',
        provider: 'X',
        startsOn: '2027-05-01',
        endsOn: '2027-04-01',
        districtId: '00000000-0000-4000-8000-000000000000',
      });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad).sort()).toEqual(['districtId', 'endsOn']);
      const badCriterion = await post(lead, '/api/v1/measures', {
        kind: 'perf',
        title: 'Kaputt',
        provider: 'X',
        criteria: [{ kind: 'age_range', min: 40, max: 20 }],
      });
      expect(badCriterion.statusCode).toBe(400);
      const list = await get(lead, '/api/v1/measures?q=Kaputt&active=all');
      expect(list.json<MeasureList>().page.total).toBe(0);
    });

    it('lets only team leads and agency admins manage (caseworker and steering: 403)', async () => {
      expect((await post(soz, '/api/v1/measures', { kind: 'perf', title: 'x', provider: 'y' })).statusCode).toBe(403);
      expect((await post(steering, '/api/v1/measures', { kind: 'perf', title: 'x', provider: 'y' })).statusCode).toBe(403);
      expect((await get(steering, '/api/v1/measures')).statusCode).toBe(200);
    });

    it('changes with If-Match (428 without, 412 stale), only for the own agency (403), and deactivates', async () => {
      const m = await create(lead, { title: 'Kommunales Sprachcafé', kind: 'municipal_offer' });
      const url = `/api/v1/measures/${m.id}`;
      expect((await patch(lead, url, { places: 5 })).statusCode).toBe(428);
      expect((await patch(lead, url, { places: 5 }, '"9"')).statusCode).toBe(412);
      expect((await patch(aaLead, url, { places: 5 }, '"1"')).statusCode).toBe(403);
      expect((await patch(lead, `/api/v1/measures/00000000-0000-4000-8000-000000000000`, { places: 5 }, '"1"')).statusCode).toBe(404);
      const changed = await patch(lead, url, { places: 5, criteria: [{ kind: 'german_min', level: 'A2' }] }, '"1"');
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.json<Measure>()).toMatchObject({ places: 5, version: 2 });
      const stale = await patch(lead, url, { active: false }, '"1"');
      expect(stale.statusCode).toBe(412);
      const off = await patch(lead, url, { active: false }, '"2"');
      expect(off.json<Measure>().active).toBe(false);
      const audit = (
        await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'measure.updated')).orderBy(desc(auditEvents.seq)).limit(1)
      )[0]!;
      expect(audit.details).toEqual({ fields: ['active'], version: 3, active: false });
      // Deactivated measures leave the default list but stay findable.
      const active = await get(soz, '/api/v1/measures?q=Sprachcaf');
      expect(active.json<MeasureList>().items).toHaveLength(0);
      const all = await get(soz, '/api/v1/measures?q=Sprachcaf&active=all');
      expect(all.json<MeasureList>().items.map((i) => i.id)).toEqual([m.id]);
    });
  });

  describe('listing', () => {
    it('searches, filters by kind, agency and free places, sorts and pages', async () => {
      const full = await create(aaLead, { title: 'PerF Metall', places: 1, startsOn: '2027-02-01' });
      await create(aaLead, { title: 'PerF Pflege', places: null, startsOn: '2027-03-01' });
      await create(aaLead, { title: 'EQ Einzelhandel', kind: 'eq', places: 3, startsOn: null });
      // One accepted referral takes the only place of "PerF Metall".
      await t.database.db.insert(referrals).values({
        personId,
        fromAgencyId: agency.sozialamt!,
        toAgencyId: agency.aa!,
        measureId: full.id,
        status: 'accepted',
        purpose: 'Vermittlung',
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      });
      const perf = await get(soz, `/api/v1/measures?kind=perf&agencyId=${agency.aa}&sort=startsOn&dir=desc`);
      expect(perf.json<MeasureList>().items.map((i) => i.title)).toEqual(['PerF Pflege', 'PerF Metall']);
      const metall = perf.json<MeasureList>().items[1]!;
      expect(metall).toMatchObject({ occupiedPlaces: 1, freePlaces: 0 });
      const withPlaces = await get(soz, `/api/v1/measures?agencyId=${agency.aa}&hasPlaces=true`);
      expect(withPlaces.json<MeasureList>().items.map((i) => i.title).sort()).toEqual(['EQ Einzelhandel', 'PerF Pflege']);
      const search = await get(soz, '/api/v1/measures?q=einzelHANDEL');
      expect(search.json<MeasureList>().items.map((i) => i.title)).toEqual(['EQ Einzelhandel']);
      const literal = await get(soz, '/api/v1/measures?q=%25');
      expect(literal.json<MeasureList>().page.total).toBe(0);
      const paged = await get(soz, `/api/v1/measures?agencyId=${agency.aa}&pageSize=2&page=2&sort=title`);
      expect(paged.json<MeasureList>()).toMatchObject({ page: { page: 2, pageSize: 2, total: 3 } });
      expect(paged.json<MeasureList>().items.map((i) => i.title)).toEqual(['PerF Pflege']);
      expect((await get(soz, '/api/v1/measures?sort=nonsense')).statusCode).toBe(400);
    });
  });

  describe('which measures fit a person', () => {
    it('checks every active measure against agency and measure criteria, fitting ones first, audited', async () => {
      await t.database.db.insert(competenceProfiles).values({
        personId,
        agencyId: agency.sozialamt!,
        profiledOn: '2026-10-01',
        germanLevels: { reading: 'B1', listening: 'B1', writing: 'B1', speaking: 'B1' },
        germanOverall: 'B1',
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      });
      const fits = await create(lead, {
        title: 'Berufssprachkurs B2',
        kind: 'job_language_course',
        criteria: [{ kind: 'german_min', level: 'A2' }, { kind: 'age_range', min: 18, max: 64 }],
      });
      const tooHigh = await create(lead, { title: 'Berufssprachkurs C1', kind: 'job_language_course', criteria: [{ kind: 'german_min', level: 'B2' }] });
      const unknown = await create(lead, { title: 'Arbeitsvorbereitung', kind: 'vocational_preparation', criteria: [{ kind: 'labour_market_access', allowed: ['free'] }] });
      // The Agentur für Arbeit accepts only German ≥ C1: its measures fail on the agency's list.
      const crit = await t.request('PUT', `/api/v1/agencies/${agency.aa}/referral-criteria`, {
        session: aaLead,
        body: { criteria: [{ kind: 'german_min', level: 'C1' }] },
        headers: { 'if-match': '"0"' },
      });
      expect(crit.statusCode, crit.body).toBe(200);

      const before = await auditCount('measure.matches_viewed');
      const res = await get(soz, `/api/v1/people/${personId}/measure-matches`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<Matches>();
      expect(body.hasProfile).toBe(true);
      const byId = new Map(body.items.map((i) => [i.measure.id, i]));
      expect(byId.get(fits.id)!.outcome).toBe('met');
      expect(byId.get(tooHigh.id)!.outcome).toBe('not_met');
      expect(byId.get(tooHigh.id)!.results[0]!.explanation.de).toBe('Deutsch mindestens B2: erfasst ist B1.');
      expect(byId.get(unknown.id)!.outcome).toBe('unknown');
      const perfPflege = body.items.find((i) => i.measure.title === 'PerF Pflege')!;
      expect(perfPflege.outcome).toBe('not_met');
      expect(perfPflege.results).toEqual([
        expect.objectContaining({ source: 'agency', outcome: 'not_met', criterion: { kind: 'german_min', level: 'C1' } }),
      ]);
      // Inactive measures are not offered; fitting ones come first.
      expect(body.items.some((i) => i.measure.title === 'Kommunales Sprachcafé')).toBe(false);
      const order = body.items.map((i) => i.outcome);
      expect(order).toEqual([...order].sort((a, b) => ['met', 'unknown', 'not_met'].indexOf(a) - ['met', 'unknown', 'not_met'].indexOf(b)));
      expect(body.counts.met + body.counts.unknown + body.counts.notMet).toBe(body.items.length);
      expect(await auditCount('measure.matches_viewed')).toBe(before + 1);
    });

    it('answers 404 for people the caller may not see and 403 without the permissions', async () => {
      expect((await get(jc, `/api/v1/people/${personId}/measure-matches`)).statusCode).toBe(404);
      expect((await get(soz, '/api/v1/people/00000000-0000-4000-8000-000000000000/measure-matches')).statusCode).toBe(404);
      expect((await get(steering, `/api/v1/people/${personId}/measure-matches`)).statusCode).toBe(403);
    });
  });

  describe('demo catalogue', () => {
    it('seeds a Mülheim catalogue across every kind, with districts and valid criteria', async () => {
      expect(await hasMeasures(t.database.db)).toBe(true);
      const before = await t.database.db.select({ id: measures.id }).from(measures);
      await seedDemoMeasures(t.database.db, { now: t.clock.now() });
      const list = await get(soz, '/api/v1/measures?q=&active=all&pageSize=200');
      const seeded = list.json<MeasureList>().items.filter((m) => !before.some((b) => b.id === m.id));
      expect(seeded.length).toBeGreaterThanOrEqual(12);
      expect(seeded.length).toBeLessThanOrEqual(20);
      expect(new Set(seeded.map((m) => m.kind))).toEqual(new Set(measureKinds));
      expect(new Set(seeded.map((m) => m.agency.id))).toEqual(
        new Set([agency.aa, agency.jobcenter, agency.sozialamt, agency.abh]),
      );
      const vhs = seeded.find((m) => m.title === 'Berufssprachkurs B2 (DeuFöV)')!;
      expect(vhs).toMatchObject({ provider: 'VHS Mülheim an der Ruhr', district: { name: 'Altstadt I' } });
      expect(vhs.criteria.map((c) => c.description.de)).toEqual(['Deutsch mindestens B1', 'Alter mindestens 18 Jahre']);
      expect(seeded.filter((m) => !m.active)).toHaveLength(1);
    });
  });

});
