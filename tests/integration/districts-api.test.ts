import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addresses,
  agencies,
  auditEvents,
  districts,
  people,
  personAddresses,
  users,
} from '../../src/server/db/schema';
import type { DistrictDetail, DistrictStaffMember, DistrictSummary } from '../../src/shared/contracts/districts';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let lead: Session;
let caseworker: Session;
let steering: Session;
let admin: Session;
const ids: Record<string, string> = {};
let userIds: Record<string, string> = {};

type DistrictItem = DistrictSummary;
type StaffList = { items: DistrictStaffMember[] };
type Problem = { errors?: { path: string }[] };

/** `n` people living at a new address in the district, with an address of `kind` valid as given. */
async function residents(
  districtId: string,
  n: number,
  opts: { kind?: string; validFrom?: string | null; validUntil?: string | null; tag?: string } = {},
) {
  const db = t.database.db;
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'sozialamt'));
  const tag = opts.tag ?? `${districtId.slice(0, 8)}-${Math.random().toString(36).slice(2, 8)}`;
  const [address] = await db
    .insert(addresses)
    .values({
      street: `Teststraße ${tag}`,
      houseNumber: '1',
      postalCode: '45468',
      city: 'Mülheim an der Ruhr',
      districtId,
      normalisedKey: `teststraße ${tag}|1|45468`,
    })
    .returning({ id: addresses.id });
  for (let i = 0; i < n; i += 1) {
    const [person] = await db
      .insert(people)
      .values({
        givenNames: `Test${i}`,
        familyName: `Bewohner ${tag}`,
        nameOrder: 'western',
        sex: 'unknown',
        dobPrecision: 'unknown',
        registeredByAgencyId: agency!.id,
        blockingKeys: [],
      })
      .returning({ id: people.id });
    await db.insert(personAddresses).values({
      personId: person!.id,
      addressId: address!.id,
      kind: opts.kind ?? 'residence',
      validFrom: opts.validFrom === undefined ? null : opts.validFrom,
      validUntil: opts.validUntil === undefined ? null : opts.validUntil,
      position: 0,
    });
  }
}

async function list(session: Session): Promise<DistrictItem[]> {
  const res = await t.request('GET', '/api/v1/districts', { session });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: DistrictItem[] }>().items;
}

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.login('teamleitung');
  caseworker = await t.login('sozialamt');
  steering = await t.login('steuerung');
  admin = await t.login('admin');
  for (const d of await t.database.db.select().from(districts)) ids[d.name] = d.id;
  userIds = Object.fromEntries(
    (await t.database.db.select({ u: users.username, id: users.id }).from(users)).map((r) => [r.u, r.id]),
  );
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/districts', () => {
  it('lists the 15 seeded districts with population, reference date and outline, for every role', async () => {
    for (const session of [caseworker, steering, lead]) {
      const items = await list(session);
      expect(items).toHaveLength(15);
    }
    const items = (await t.request('GET', '/api/v1/districts', { session: steering })).json<{ items: DistrictItem[] }>()
      .items;
    const styrum = items.find((d) => d.name === 'Styrum')!;
    expect(styrum).toMatchObject({
      borough: 'Rechtsruhr-Nord',
      hasOutline: true,
      explorationCadenceDays: 365,
      staffCount: 0,
    });
    expect(styrum.population).toBeGreaterThan(0);
    expect(styrum.populationAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts clients with a current residence or accommodation address, suppressing 1–4 and showing 0 and ≥ 5 exactly', async () => {
    const today = todayIn(t.clock.now());
    await residents(ids['Saarn']!, 3); // 1–4: suppressed
    await residents(ids['Broich']!, 5); // exactly 5: shown
    await residents(ids['Heißen']!, 4, { kind: 'accommodation' });
    await residents(ids['Heißen']!, 3, { validFrom: today, validUntil: null }); // 7 in Heißen
    // Not counted: a postal address, an ended address, one that starts tomorrow.
    await residents(ids['Styrum']!, 6, { kind: 'postal' });
    await residents(ids['Styrum']!, 6, { validUntil: '2000-01-01' });
    await residents(ids['Styrum']!, 6, { validFrom: '2999-01-01' });
    await residents(ids['Dümpten']!, 1);

    const items = await list(steering);
    const by = (name: string) => items.find((d) => d.name === name)!.clients;
    expect(by('Saarn')).toEqual({ count: null, suppressed: true });
    expect(by('Dümpten')).toEqual({ count: null, suppressed: true });
    expect(by('Broich')).toEqual({ count: 5, suppressed: false });
    expect(by('Heißen')).toEqual({ count: 7, suppressed: false });
    expect(by('Styrum')).toEqual({ count: 0, suppressed: false });
    // The answer carries no names.
    const body = (await t.request('GET', '/api/v1/districts', { session: steering })).body;
    expect(body).not.toContain('Bewohner');
    expect(body).not.toContain('Teststraße');
  });

  it('answers one district with its outline and an ETag, 404 for an unknown id', async () => {
    const res = await t.request('GET', `/api/v1/districts/${ids['Mintard']}`, { session: caseworker });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json<DistrictDetail>().geometry!.type).toBe('Polygon');
    expect(res.json<DistrictDetail>().staff).toEqual([]);
    const missing = await t.request('GET', '/api/v1/districts/00000000-0000-4000-8000-000000000000', {
      session: caseworker,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('staff assignment', () => {
  it('lets a team lead assign and remove a colleague of the own agency, audited, idempotent', async () => {
    const url = `/api/v1/districts/${ids['Eppinghofen']}/staff/${userIds['sozialamt']}`;
    const put = await t.request('PUT', url, { session: lead });
    expect(put.statusCode).toBe(200);
    expect(put.json<StaffList>().items.map((s) => s.userId)).toEqual([userIds['sozialamt']]);
    expect(put.json<StaffList>().items[0]!.displayName).not.toBe('');
    expect((await t.request('PUT', url, { session: lead })).json<StaffList>().items).toHaveLength(1);
    const detail = (
      await t.request('GET', `/api/v1/districts/${ids['Eppinghofen']}`, { session: steering })
    ).json<DistrictDetail>();
    expect(detail.staffCount).toBe(1);
    expect(detail.staff[0]!.agencyName).toContain('Sozialamt');

    const assigned = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, 'district.staff_assigned'));
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.subjectId).toBe(ids['Eppinghofen']);

    const del = await t.request('DELETE', url, { session: lead });
    expect(del.statusCode).toBe(200);
    expect(del.json<StaffList>().items).toEqual([]);
    expect((await t.request('DELETE', url, { session: lead })).statusCode).toBe(404);
    expect(
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'district.staff_removed')),
    ).toHaveLength(1);
  });

  it('answers 404 when a team lead names another agency’s user; the system administrator may assign anyone', async () => {
    const url = `/api/v1/districts/${ids['Raadt']}/staff/${userIds['jobcenter']}`;
    expect((await t.request('PUT', url, { session: lead })).statusCode).toBe(404);
    expect((await t.request('PUT', url, { session: admin })).statusCode).toBe(200);
    expect((await t.request('DELETE', url, { session: lead })).statusCode).toBe(404);
    expect((await t.request('DELETE', url, { session: admin })).statusCode).toBe(200);
  });

  it('refuses caseworkers and steering (403), non-casework users (400) and unknown districts (404)', async () => {
    const url = `/api/v1/districts/${ids['Raadt']}/staff/${userIds['sozialamt']}`;
    expect((await t.request('PUT', url, { session: caseworker })).statusCode).toBe(403);
    expect((await t.request('PUT', url, { session: steering })).statusCode).toBe(403);
    const steeringUser = await t.request('PUT', `/api/v1/districts/${ids['Raadt']}/staff/${userIds['steuerung']}`, {
      session: admin,
    });
    expect(steeringUser.statusCode).toBe(400);
    const unknown = await t.request(
      'PUT',
      `/api/v1/districts/00000000-0000-4000-8000-000000000000/staff/${userIds['sozialamt']}`,
      {
        session: lead,
      },
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('PATCH /api/v1/districts/:id', () => {
  it('is for the system administrator only: a team lead gets 403 with a German reason', async () => {
    const res = await t.request('PATCH', `/api/v1/districts/${ids['Selbeck']}`, {
      session: lead,
      body: { explorationCadenceDays: 180 },
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Systemadministration');
  });

  it('requires If-Match (428), refuses a stale version (412), validates the range and writes with an audit event', async () => {
    const url = `/api/v1/districts/${ids['Selbeck']}`;
    expect((await t.request('PATCH', url, { session: admin, body: { explorationCadenceDays: 180 } })).statusCode).toBe(
      428,
    );
    expect(
      (
        await t.request('PATCH', url, {
          session: admin,
          body: { explorationCadenceDays: 180 },
          headers: { 'if-match': '"7"' },
        })
      ).statusCode,
    ).toBe(412);
    for (const bad of [29, 1096, 12.5]) {
      const res = await t.request('PATCH', url, {
        session: admin,
        body: { explorationCadenceDays: bad },
        headers: { 'if-match': '"1"' },
      });
      expect(res.statusCode).toBe(400);
    }
    const noDate = await t.request('PATCH', url, {
      session: admin,
      body: { population: 1800, populationAsOf: null },
      headers: { 'if-match': '"1"' },
    });
    expect(noDate.statusCode).toBe(400);
    const ok = await t.request('PATCH', url, {
      session: admin,
      body: { explorationCadenceDays: 180, population: 1800, populationAsOf: '2024-12-31' },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<DistrictDetail>()).toMatchObject({
      explorationCadenceDays: 180,
      population: 1800,
      populationAsOf: '2024-12-31',
      version: 2,
    });
    const again = await t.request('PATCH', url, {
      session: admin,
      body: { explorationCadenceDays: 90 },
      headers: { 'if-match': '"1"' },
    });
    expect(again.statusCode).toBe(412);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'district.updated'));
    expect(events.map((e) => e.details)).toEqual([
      { fields: ['explorationCadenceDays', 'population', 'populationAsOf'] },
    ]);
  });
});

describe('POST /api/v1/districts/outlines', () => {
  const ring = (w: number, s: number) => [
    [w, s],
    [w + 0.01, s],
    [w + 0.01, s + 0.01],
    [w, s + 0.01],
    [w, s],
  ];
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });

  it('is for the system administrator only', async () => {
    const res = await t.request('POST', '/api/v1/districts/outlines', {
      session: lead,
      body: fc([
        {
          type: 'Feature',
          properties: { name: 'Mintard' },
          geometry: { type: 'Polygon', coordinates: [ring(6.9, 51.36)] },
        },
      ]),
    });
    expect(res.statusCode).toBe(403);
  });

  it('validates every feature and writes nothing when one is wrong', async () => {
    const before = (
      await t.request('GET', `/api/v1/districts/${ids['Mintard']}`, { session: admin })
    ).json<DistrictDetail>().geometry;
    const res = await t.request('POST', '/api/v1/districts/outlines', {
      session: admin,
      body: fc([
        {
          type: 'Feature',
          properties: { name: 'Mintard' },
          geometry: { type: 'Polygon', coordinates: [ring(6.9, 51.36)] },
        },
        {
          type: 'Feature',
          properties: { name: 'Atlantis' },
          geometry: { type: 'Polygon', coordinates: [ring(6.9, 51.36)] },
        },
        {
          type: 'Feature',
          properties: { code: 'MH-02' },
          geometry: { type: 'Polygon', coordinates: [ring(6.9, 51.36).slice(0, 4)] },
        },
      ]),
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json<Problem>().errors ?? []).map((e) => e.path);
    expect(paths).toEqual(['features.1.properties', 'features.2.geometry']);
    const after = (
      await t.request('GET', `/api/v1/districts/${ids['Mintard']}`, { session: admin })
    ).json<DistrictDetail>().geometry;
    expect(after).toEqual(before);
  });

  it('previews with dryRun without writing, then imports and audits', async () => {
    const body = fc([
      {
        type: 'Feature',
        properties: { name: 'mintard' },
        geometry: { type: 'Polygon', coordinates: [ring(6.9, 51.36)] },
      },
      {
        type: 'Feature',
        properties: { code: 'MH-06' },
        geometry: { type: 'MultiPolygon', coordinates: [[ring(6.93, 51.415)], [ring(6.95, 51.415)]] },
      },
    ]);
    const preview = await t.request('POST', '/api/v1/districts/outlines?dryRun=true', { session: admin, body });
    expect(preview.statusCode).toBe(200);
    expect(preview.json<unknown>()).toMatchObject({
      dryRun: true,
      matched: 2,
      updated: 0,
      districtsWithoutOutline: [],
    });
    expect(
      (await t.request('GET', `/api/v1/districts/${ids['Mintard']}`, { session: admin })).json<DistrictDetail>()
        .geometry!.coordinates[0],
    ).not.toEqual(ring(6.9, 51.36));
    const done = await t.request('POST', '/api/v1/districts/outlines', { session: admin, body });
    expect(done.json<unknown>()).toMatchObject({ dryRun: false, matched: 2, updated: 2 });
    const mintard = (
      await t.request('GET', `/api/v1/districts/${ids['Mintard']}`, { session: admin })
    ).json<DistrictDetail>();
    expect(mintard.geometry!.coordinates[0]).toEqual(ring(6.9, 51.36));
    expect(mintard.version).toBe(2);
    const raadt = (
      await t.request('GET', `/api/v1/districts/${ids['Raadt']}`, { session: admin })
    ).json<DistrictDetail>();
    expect(raadt.geometry!.type).toBe('MultiPolygon');
    expect(
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'district.outlines_imported')),
    ).toHaveLength(1);
  });
});
