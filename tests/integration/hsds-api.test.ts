import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, resourceServices } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { MARKER, sprachcafe } from './resources.fixtures';

type Obj = Record<string, unknown> & { id: string };
type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Obj[];
};

const START = new Date('2040-05-04T09:00:00Z');
const PRIVATE_CONTACT = 'Frau Privat';

// The compiled HSDS 3 schemas (openreferral/specification, CC BY-SA 4.0) carry no $schema, so
// they are JSON Schema draft-07 for ajv; strict off because of their extra keys (core, constraints).
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/hsds', `${name}.json`), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = {
  service: ajv.compile(fixture('service')),
  organization: ajv.compile(fixture('organization')),
  service_at_location: ajv.compile(fixture('service_at_location')),
};
function expectValid(kind: keyof typeof validators, value: unknown) {
  const validate = validators[kind];
  const ok = validate(value);
  expect(ok ? [] : validate.errors, `${kind} ${(value as Obj).id}`).toEqual([]);
}

describe('HSDS: public API, export, import', () => {
  let a: TestApp;
  let soz: Session;
  let lead: Session;
  const ids: Record<string, string> = {};

  const pub = async (url: string) => {
    const res = await a.request('GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    expect(res.body).not.toContain(MARKER);
    expect(res.body).not.toContain(PRIVATE_CONTACT);
    expect(res.body).not.toContain('verified_by');
    expect(res.body).not.toContain('assurer');
    expect(res.body).not.toContain('x_lotse');
    return res;
  };

  beforeAll(async () => {
    a = await createTestApp();
    a.clock.set(START);
    soz = await a.login('sozialamt');
    lead = await a.login('teamleitung');
    const make = async (key: string, body: unknown) => {
      const res = await a.request('POST', '/api/v1/resources', { session: soz, body });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json<{ id: string; organization: { id: string } }>().id;
      return res.json<{ id: string; organization: { id: string } }>();
    };
    const cafe = await make('cafe', sprachcafe());
    ids.parish = cafe.organization.id;
    await a.request('POST', `/api/v1/resources/${ids.cafe}/verify`, { session: soz, body: {} });
    await make('closed', {
      organization: { id: ids.parish },
      name: 'Kleiderkammer St. Mariae',
      categories: ['volunteer_initiative'],
      status: 'temporarily closed',
      alert: 'Bis 1. Juni geschlossen',
      internalNote: `Leitung wechselt ${MARKER}`,
    });
    await make('defunct', {
      organization: { name: 'Alte Tafel e. V.' },
      name: `Ausgabe Dümpten ${MARKER}`,
      categories: ['food_bank'],
      status: 'defunct',
    });
    await make('inactive', {
      organization: { name: 'Ruhender Verein' },
      name: 'Ruht',
      categories: ['sports_club'],
      status: 'inactive',
    });
    await make('doctor', {
      organization: { name: 'Praxis Dr. Haddad', website: 'https://praxis-haddad.example' },
      name: 'Hausarztpraxis Dr. Haddad',
      categories: ['medical_practice'],
      languages: ['de', 'ar', 'fa'],
      location: {
        street: 'Kaiserstraße',
        houseNumber: '12a',
        postalCode: '45468',
        point: { latitude: 51.43, longitude: 6.88 },
      },
      schedules: [
        { byDay: ['MO', 'TU', 'TH'], opensAt: '08:00', closesAt: '12:00', description: null },
        { byDay: ['WE'], opensAt: '14:00', closesAt: '18:00', description: 'Nur mit Termin' },
      ],
      contacts: [{ name: 'Praxisteam', role: null, phone: '0208 55555', email: 'praxis@example.org', public: true }],
      cost: 'paid',
    });
  });
  afterAll(async () => a.close());

  describe('public API (no login)', () => {
    it('answers the meta information with the HSDS version and CORS for everyone', async () => {
      const res = await pub('/api/v1/hsds/');
      const meta = res.json<{ version: string; profile: string }>();
      expect(meta.version).toBe('3.1');
      expect(meta.profile).toMatch(/^https:\/\//);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('pages services as HSDS pages: only active and temporarily closed ones', async () => {
      const res = await pub('/api/v1/hsds/services?per_page=2');
      const page = res.json<Page>();
      expect(page).toMatchObject({
        total_items: 3,
        total_pages: 2,
        page_number: 1,
        size: 2,
        first_page: true,
        last_page: false,
        empty: false,
      });
      const second = (await pub('/api/v1/hsds/services?per_page=2&page=2')).json<Page>();
      expect(second).toMatchObject({ size: 1, first_page: false, last_page: true });
      const names = [...page.contents, ...second.contents].map((s) => s.name).sort();
      expect(names).toEqual(['Hausarztpraxis Dr. Haddad', 'Kleiderkammer St. Mariae', 'Sprachcafé in St. Mariae']);
      const empty = (await pub('/api/v1/hsds/services?page=9')).json<Page>();
      expect(empty).toMatchObject({ empty: true, size: 0, contents: [] });
    });

    it('searches and filters by taxonomy term', async () => {
      expect((await pub('/api/v1/hsds/services?search=haddad')).json<Page>().contents.map((s) => s.id)).toEqual([
        ids.doctor,
      ]);
      const terms = (await pub('/api/v1/hsds/taxonomy_terms?per_page=200')).json<Page>();
      const cafeTerm = terms.contents.find((t) => t.code === 'language_cafe')!;
      expect(cafeTerm).toMatchObject({ name: 'Sprachcafé' });
      const byTerm = (await pub(`/api/v1/hsds/services?taxonomy_term_id=${cafeTerm.id}`)).json<Page>();
      expect(byTerm.contents.map((s) => s.id)).toEqual([ids.cafe]);
      const taxonomies = (await pub('/api/v1/hsds/taxonomies')).json<Page>();
      expect(taxonomies.total_items).toBe(1);
    });

    it('shows a service fully nested, with public contacts only and the assured date but not who assured it', async () => {
      const s = (await pub(`/api/v1/hsds/services/${ids.cafe}`)).json<Obj>();
      expect(s).toMatchObject({ name: 'Sprachcafé in St. Mariae', status: 'active', assured_date: '2040-05-04' });
      expect((s.contacts as Obj[]).map((c) => c.name)).toEqual(['Gemeindebüro']);
      expect((s.schedules as Obj[])[0]).toMatchObject({
        freq: 'WEEKLY',
        byday: 'TU',
        opens_at: '16:00',
        closes_at: '18:00',
      });
      expect((s.languages as Obj[]).map((l) => l.code)).toEqual(['de', 'ar', 'fa']);
      expect((s.organization as Obj).name).toBe('Pfarrei St. Mariae');
      expectValid('service', s);
    });

    it('answers 404 for defunct and inactive services, as for unknown ids', async () => {
      for (const id of [ids.defunct, ids.inactive, '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b']) {
        const res = await a.request('GET', `/api/v1/hsds/services/${id}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(MARKER);
      }
    });

    it('lists organizations that offer public services, each valid HSDS', async () => {
      const page = (await pub('/api/v1/hsds/organizations')).json<Page>();
      expect(page.contents.map((o) => o.name).sort()).toEqual(['Pfarrei St. Mariae', 'Praxis Dr. Haddad']);
      for (const o of page.contents) expectValid('organization', o);
      const parish = (await pub(`/api/v1/hsds/organizations/${ids.parish}`)).json<Obj>();
      expect((parish.services as Obj[]).map((s) => s.name).sort()).toEqual([
        'Kleiderkammer St. Mariae',
        'Sprachcafé in St. Mariae',
      ]);
      expectValid('organization', parish);
      for (const s of parish.services as Obj[]) expectValid('service', s);
    });

    it('lists services at locations, each valid HSDS', async () => {
      const page = (await pub('/api/v1/hsds/service_at_locations')).json<Page>();
      expect(page.total_items).toBe(2);
      for (const sal of page.contents) {
        expectValid('service_at_location', sal);
        const one = (await pub(`/api/v1/hsds/service_at_locations/${sal.id}`)).json<Obj>();
        expect(one).toEqual(sal);
      }
      const doctor = page.contents.find((sal) => sal.service_id === ids.doctor)!;
      expect((doctor.location as { addresses: Obj[] }).addresses[0]).toMatchObject({
        address_1: 'Kaiserstraße 12a',
        postal_code: '45468',
        country: 'DE',
      });
    });
  });

  describe('export and import', () => {
    let exported: Obj[];

    it('exports everything for signed-in staff as a download, confidential fields included, valid HSDS', async () => {
      expect((await a.request('GET', '/api/v1/resources/export')).statusCode).toBe(401);
      const res = await a.request('GET', '/api/v1/resources/export', { session: soz });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain('attachment');
      exported = res.json<Obj[]>();
      expect(exported).toHaveLength(4);
      const services = exported.flatMap((o) => o.services as Obj[]);
      expect(services).toHaveLength(5);
      expect(res.body).toContain(MARKER);
      expect(res.body).toContain(PRIVATE_CONTACT);
      for (const o of exported) expectValid('organization', o);
      for (const s of services) expectValid('service', s);
      const [audit] = await a.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'resource.exported'));
      expect(audit!.details).toEqual({ organizations: 4, services: 5 });
    });

    it('round-trips: export → import into a fresh installation → export gives the same document with the same ids', async () => {
      const b = await createTestApp();
      try {
        b.clock.set(new Date('2041-01-01T09:00:00Z'));
        const bLead = await b.login('teamleitung');
        const bSoz = await b.login('sozialamt');
        const url = '/api/v1/resources/import';
        expect((await b.request('POST', url, { session: bSoz, body: exported })).statusCode).toBe(403);
        const dry = await b.request('POST', `${url}?dryRun=true`, { session: bLead, body: exported });
        expect(dry.statusCode, dry.body).toBe(200);
        // 4 organizations, 5 services, 2 locations.
        expect(dry.json()).toEqual({ dryRun: true, created: 11, updated: 0, unchanged: 0, errors: [] });
        const [{ n }] = (await b.database.db.select({ n: count() }).from(resourceServices)) as [{ n: number }];
        expect(n).toBe(0);
        const done = await b.request('POST', url, { session: bLead, body: exported });
        expect(done.statusCode, done.body).toBe(200);
        expect(done.json()).toEqual({ dryRun: false, created: 11, updated: 0, unchanged: 0, errors: [] });
        const again = await b.request('GET', '/api/v1/resources/export', { session: bSoz });
        expect(again.json()).toEqual(exported);
        const twice = await b.request('POST', url, { session: bLead, body: exported });
        expect(twice.json()).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 11, errors: [] });
        const [audit] = await b.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'resource.imported'));
        expect(audit!.details).toEqual({ created: 11, updated: 0, unchanged: 0 });
        expect(JSON.stringify(audit)).not.toContain(MARKER);
      } finally {
        await b.close();
      }
    });

    it('updates by HSDS id and reports errors per item with a JSON pointer, writing nothing', async () => {
      const changed = structuredClone(exported);
      const doctorOrg = changed.find((o) => o.name === 'Praxis Dr. Haddad')!;
      (doctorOrg.services as Obj[])[0]!.name = 'Hausarztpraxis Dr. S. Haddad';
      const dry = await a.request('POST', '/api/v1/resources/import?dryRun=true', { session: lead, body: changed });
      expect(dry.json()).toEqual({ dryRun: true, created: 0, updated: 1, unchanged: 10, errors: [] });

      const broken = structuredClone(changed);
      (broken[1]!.services as Obj[])[0]!.status = 'open';
      delete (broken[2] as Partial<Obj>).name;
      const bad = await a.request('POST', '/api/v1/resources/import?dryRun=true', { session: lead, body: broken });
      expect(bad.statusCode).toBe(200);
      const errors = bad.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer);
      expect(errors).toEqual(expect.arrayContaining(['/1/services/0/status', '/2/name']));
      const refused = await a.request('POST', '/api/v1/resources/import', { session: lead, body: broken });
      expect(refused.statusCode).toBe(400);
      const detail = await a.request('GET', `/api/v1/resources/${ids.doctor}`, { session: soz });
      expect(detail.json<{ name: string }>().name).toBe('Hausarztpraxis Dr. Haddad');

      const ok = await a.request('POST', '/api/v1/resources/import', { session: lead, body: changed });
      expect(ok.statusCode, ok.body).toBe(200);
      const after = await a.request('GET', `/api/v1/resources/${ids.doctor}`, { session: soz });
      expect(after.json<{ name: string; version: number }>()).toMatchObject({
        name: 'Hausarztpraxis Dr. S. Haddad',
        version: 2,
      });
    });
  });

  // Last in the file: it uses up the client's allowance of one route of the open feed.
  it('throttles the open feed per client and route: 600 requests a minute, then 429 with a problem answer', async () => {
    const first = await a.request('GET', '/api/v1/hsds/taxonomies');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('600');
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    expect(remaining).toBeLessThan(600);
    for (let i = 0; i < remaining; i += 1) {
      expect((await a.request('GET', '/api/v1/hsds/taxonomies')).statusCode).toBe(200);
    }
    const refused = await a.request('GET', '/api/v1/hsds/taxonomies');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});
