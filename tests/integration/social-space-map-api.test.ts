import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addresses,
  auditEvents,
  districts,
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
} from '../../src/server/db/schema';
import type { SocialSpaceMap } from '../../src/shared/contracts/social-space-map';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let caseworker: Session;
let steering: Session;
const ids: Record<string, string> = {};

async function resource(
  name: string,
  opts: { categories: string[]; status?: string; district: string; point?: boolean },
) {
  const db = t.database.db;
  const [org] = await db
    .insert(resourceOrganizations)
    .values({ name: `Träger ${name}` })
    .returning({ id: resourceOrganizations.id });
  const [loc] = await db
    .insert(resourceLocations)
    .values({
      organizationId: org!.id,
      name: `Ort ${name}`,
      districtId: ids[opts.district]!,
      latitude: opts.point === false ? null : 51.43,
      longitude: opts.point === false ? null : 6.88,
    })
    .returning({ id: resourceLocations.id });
  const [svc] = await db
    .insert(resourceServices)
    .values({
      organizationId: org!.id,
      name,
      status: opts.status ?? 'active',
      categories: opts.categories,
      internalNote: `GEHEIM ${name}`,
      contacts: [
        { id: 'c1', name: 'Frau Intern', title: null, email: 'intern@example.org', phone: null, public: false },
      ],
    })
    .returning({ id: resourceServices.id });
  await db.insert(resourceServiceLocations).values({ serviceId: svc!.id, locationId: loc!.id });
  return svc!.id;
}

async function map(session: Session, query = ''): Promise<SocialSpaceMap> {
  const res = await t.request('GET', `/api/v1/social-space/map${query}`, { session });
  expect(res.statusCode).toBe(200);
  return res.json<SocialSpaceMap>();
}

beforeAll(async () => {
  t = await createTestApp({
    env: { LOTSE_MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', LOTSE_MAP_TILE_ATTRIBUTION: '© Beispiel' },
  });
  caseworker = await t.login('sozialamt');
  steering = await t.login('steuerung');
  for (const d of await t.database.db.select().from(districts)) ids[d.name] = d.id;
  await resource('Sprachcafé', { categories: ['language_cafe'], district: 'Eppinghofen' });
  await resource('Bäckerei Kamps', { categories: ['bakery'], district: 'Styrum' });
  await resource('Tafel', { categories: ['food', 'counselling'], status: 'temporarily closed', district: 'Saarn' });
  await resource('Eingestellt', { categories: ['food'], status: 'defunct', district: 'Saarn' });
  await resource('Ohne Ort', { categories: ['food'], district: 'Saarn', point: false });
  await t.database.db.insert(addresses).values([
    {
      street: 'Problemweg',
      houseNumber: '3',
      postalCode: '45468',
      city: 'Mülheim an der Ruhr',
      normalisedKey: 'problemweg|3|45468',
      districtId: ids['Styrum']!,
      latitude: 51.46,
      longitude: 6.83,
      mailboxPresent: false,
      namesOnMailbox: 'Familie Geheimname',
      mailDelivery: 'unknown',
    },
    {
      street: 'Unzustellbar-Allee',
      houseNumber: '9',
      postalCode: '45468',
      city: 'Mülheim an der Ruhr',
      normalisedKey: 'unzustellbar-allee|9|45468',
      mailDelivery: 'undeliverable',
    },
    {
      street: 'Gutweg',
      houseNumber: '1',
      postalCode: '45468',
      city: 'Mülheim an der Ruhr',
      normalisedKey: 'gutweg|1|45468',
      mailboxPresent: true,
      mailDelivery: 'reliable',
    },
  ]);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/social-space/map', () => {
  it('answers the 15 district outlines with figures, the bounding box and the configured tiles', async () => {
    const m = await map(steering);
    expect(m.districts.type).toBe('FeatureCollection');
    expect(m.districts.features).toHaveLength(15);
    for (const f of m.districts.features) expect(f.geometry?.type).toBe('Polygon');
    expect(m.districts.features.find((f) => f.properties.name === 'Saarn')?.properties).toMatchObject({
      clients: { count: 0, suppressed: false },
      staffCount: 0,
      resourceCount: 2, // the open and the temporarily closed service; not the defunct one
    });
    expect(m.bbox).toEqual({ south: 51.35, west: 6.8, north: 51.475, east: 6.99 });
    expect(m.tileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(m.tileAttribution).toBe('© Beispiel');
  });

  it('shows open located resources; closed ones on request; filters by category; never the confidential fields', async () => {
    const open = await map(caseworker);
    expect(open.resources.map((r) => r.name).sort()).toEqual(['Bäckerei Kamps', 'Sprachcafé']);
    expect(open.resources.find((r) => r.name === 'Sprachcafé')).toMatchObject({
      organizationName: 'Träger Sprachcafé',
      categories: ['language_cafe'],
      districtName: 'Eppinghofen',
      latitude: 51.43,
    });
    const withClosed = await map(caseworker, '?includeClosed=true');
    expect(withClosed.resources.map((r) => r.name).sort()).toEqual(['Bäckerei Kamps', 'Sprachcafé', 'Tafel']);
    const food = await map(caseworker, '?includeClosed=true&categories=food,bakery');
    expect(food.resources.map((r) => r.name).sort()).toEqual(['Bäckerei Kamps', 'Tafel']);
    expect(open.categories).toEqual(['bakery', 'counselling', 'food', 'language_cafe']);
    const body = (await t.request('GET', '/api/v1/social-space/map?includeClosed=true', { session: caseworker })).body;
    expect(body).not.toContain('GEHEIM');
    expect(body).not.toContain('Frau Intern');
  });

  it('gives addresses with a delivery problem only to roles with address.read, without the names on the mailbox', async () => {
    const withAddresses = await map(caseworker);
    expect(withAddresses.addresses?.map((a) => a.street)).toEqual(['Problemweg', 'Unzustellbar-Allee']);
    expect(withAddresses.addresses?.[0]).toMatchObject({
      mailboxPresent: false,
      districtName: 'Styrum',
      latitude: 51.46,
    });
    expect(withAddresses.addresses?.[1]).toMatchObject({
      mailDelivery: 'undeliverable',
      latitude: null,
      districtId: null,
    });
    const raw = (await t.request('GET', '/api/v1/social-space/map', { session: caseworker })).body;
    expect(raw).not.toContain('Geheimname');
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, 'social_space.map_addresses_viewed'));
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0]!.details).toEqual({ resultCount: 2 });

    const before = events.length;
    const steeringMap = await map(steering);
    expect(steeringMap.addresses).toBeUndefined();
    expect(JSON.stringify(steeringMap)).not.toContain('Problemweg');
    expect(
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'social_space.map_addresses_viewed')),
    ).toHaveLength(before);
  });

  it('refuses an anonymous caller', async () => {
    expect((await t.request('GET', '/api/v1/social-space/map')).statusCode).toBe(401);
  });
});
