import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addresses,
  agencies,
  auditEvents,
  districts,
  explorationResources,
  explorations,
  resourceLocations,
  resourceServiceLocations,
  resourceServices,
  users,
} from '../../src/server/db/schema';
import type { AddressDetail, AddressList } from '../../src/shared/contracts/addresses';
import type {
  ExplorationDetail,
  ExplorationFollowUp,
  ExplorationList,
  ExplorationOverview,
  FollowUpList,
} from '../../src/shared/contracts/explorations';
import { hasExplorations, seedDemoExplorations } from '../../src/server/db/seed-demo-explorations';
import { seedDemoPeople } from '../../src/server/db/seed-demo-people';
import { seedDemoResources } from '../../src/server/db/seed-demo-resources';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

const EPPINGHOFEN_POINT = { latitude: 51.436, longitude: 6.897 };
const facts = (over: Record<string, unknown> = {}) => ({
  mailboxPresent: false,
  namesOnMailbox: 'Haddad, Nowak',
  sharedAccommodation: false,
  mailDelivery: 'unreliable',
  accessNotes: null,
  ...over,
});

describe('explorations API', () => {
  let t: TestApp;
  let sozialamt: Session;
  let jobcenter: Session;
  let teamleitung: Session;
  const district: Record<string, string> = {};
  const agency: Record<string, string> = {};
  const user: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    sozialamt = await t.login('sozialamt');
    jobcenter = await t.login('jobcenter');
    teamleitung = await t.login('teamleitung');
    const db = t.database.db;
    for (const d of await db.select().from(districts)) district[d.name] = d.id;
    for (const a of await db.select().from(agencies)) agency[a.kind] = a.id;
    for (const u of await db.select().from(users)) user[u.username] = u.id;
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>, session = sozialamt) =>
    t.request('POST', '/api/v1/explorations', { session, body });
  const overview = async () => {
    const res = await t.request('GET', '/api/v1/explorations/overview', { session: sozialamt });
    expect(res.statusCode, res.body).toBe(200);
    return new Map(res.json<ExplorationOverview>().items.map((r) => [r.district.name, r]));
  };
  const auditCount = async (type: string) =>
    Number((await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.type, type)))[0]!.n);
  const explorationCount = async () => Number((await t.database.db.select({ n: count() }).from(explorations))[0]!.n);

  it('counts a district that was never explored as overdue', async () => {
    const rows = await overview();
    expect(rows.size).toBeGreaterThanOrEqual(15);
    expect(rows.get('Eppinghofen')).toMatchObject({
      lastExploredOn: null,
      nextDueOn: null,
      overdue: true,
      cadenceDays: 365,
      explorationsLast12Months: 0,
    });
  });

  it('records an exploration with participants, stakeholders, checked addresses and follow-ups in one go', async () => {
    const before = await auditCount('exploration.created');
    const res = await post({
      exploredOn: '2026-01-10',
      districtId: district['Eppinghofen'],
      participants: [{ userId: user['sozialamt'] }, { name: 'Pfarrer Klein', organisation: 'St. Mariae' }],
      route: 'Eppinghofer Straße – Bruchstraße – Heißener Straße',
      findings: 'Viele Häuser ohne Namensschilder.',
      stakeholders: [{ name: 'Frau Öztürk', role: 'Bäckerin', organisation: 'Bäckerei am Markt' }],
      addresses: [
        {
          address: { street: 'Bruchstr.', houseNumber: '12', postalCode: '45468' },
          facts: facts(),
          point: EPPINGHOFEN_POINT,
          note: 'Briefkasten abgerissen',
        },
      ],
      followUps: [
        {
          title: 'Hausverwaltung wegen Briefkästen anschreiben',
          assigneeAgencyId: agency['sozialamt'],
          assigneeUserId: user['sozialamt'],
          dueDate: '2026-02-01',
        },
        { title: 'Sprachkurs-Angebote prüfen', assigneeAgencyId: agency['jobcenter'], dueDate: '2027-01-31' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json<ExplorationDetail>();
    expect(e).toMatchObject({
      exploredOn: '2026-01-10',
      district: { name: 'Eppinghofen' },
      agency: { id: agency['sozialamt'] },
      participants: [
        { userId: user['sozialamt'], organisation: expect.stringContaining('Sozialamt') as string },
        { userId: null, name: 'Pfarrer Klein', organisation: 'St. Mariae' },
      ],
      stakeholders: [{ name: 'Frau Öztürk', role: 'Bäckerin', organisation: 'Bäckerei am Markt', service: null }],
      addresses: [{ label: 'Bruchstraße 12, 45468 Mülheim an der Ruhr', mailboxPresent: false, problem: true }],
      mayChange: true,
    });
    expect(e.followUps.map((f) => [f.title, f.assignee.agency.id, f.overdue])).toEqual([
      ['Hausverwaltung wegen Briefkästen anschreiben', agency['sozialamt'], true],
      ['Sprachkurs-Angebote prüfen', agency['jobcenter'], false],
    ]);
    expect(await auditCount('exploration.created')).toBe(before + 1);

    // The address register knows the facts, with the exploration as the source of the check.
    const list = (
      await t.request('GET', '/api/v1/addresses?problem=true&q=Bruchstraße 12', { session: jobcenter })
    ).json<AddressList>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ lastCheckedSource: 'exploration', district: { name: 'Eppinghofen' } });
    const detail = (
      await t.request('GET', `/api/v1/addresses/${list.items[0]!.id}`, { session: jobcenter })
    ).json<AddressDetail>();
    expect(detail.checks[0]).toMatchObject({ source: 'exploration', sourceId: e.id, note: 'Briefkasten abgerissen' });
    expect(detail.facts.namesOnMailbox).toBe('Haddad, Nowak');

    // The overview: explored, due a year later, not overdue; the follow-ups are counted.
    expect((await overview()).get('Eppinghofen')).toMatchObject({
      lastExploredOn: '2026-01-10',
      nextDueOn: '2027-01-10',
      overdue: false,
      explorationsLast12Months: 1,
      openFollowUps: 2,
    });

    const got = await t.request('GET', `/api/v1/explorations/${e.id}`, { session: jobcenter });
    expect(got.statusCode).toBe(200);
    expect(got.json<ExplorationDetail>().mayChange).toBe(false);
    expect(await auditCount('exploration.viewed')).toBeGreaterThan(0);
  });

  it('writes nothing when one nested item is bad, and names its path', async () => {
    const before = await explorationCount();
    const res = await post({
      exploredOn: '2026-11-01',
      districtId: district['Styrum'],
      addresses: [{ address: { street: 'Nirgendweg', houseNumber: '1', postalCode: '45476' }, facts: facts() }],
      followUps: [{ title: 'Prüfen', assigneeAgencyId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
      { path: 'followUps.0.assigneeAgencyId', message: 'Bitte eine Stelle auswählen.' },
    ]);
    expect(await explorationCount()).toBe(before);
    const nirgend = await t.database.db.select().from(addresses).where(eq(addresses.street, 'Nirgendweg'));
    expect(nirgend).toEqual([]);

    const badFacts = await post({
      exploredOn: '2026-11-01',
      districtId: district['Styrum'],
      addresses: [
        {
          address: { street: 'Nirgendweg', houseNumber: '1', postalCode: '45476' },
          facts: facts({ mailDelivery: 'sometimes' }),
        },
      ],
    });
    expect(badFacts.statusCode).toBe(400);
    expect(badFacts.json<{ errors: { path: string }[] }>().errors.map((x) => x.path)).toEqual([
      'body.addresses.0.facts.mailDelivery',
    ]);

    const noAddress = await post({
      exploredOn: '2026-11-01',
      districtId: district['Styrum'],
      participants: [{ name: '' }],
      addresses: [{ facts: facts() }],
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json<{ errors: { path: string }[] }>().errors.map((x) => x.path)).toEqual([
      'participants.0.name',
      'addresses.0.address.street',
    ]);
    expect(await explorationCount()).toBe(before);
  });

  it('adds a discovered resource to the directory in its district and marks a confirmed one verified', async () => {
    const discovered = {
      name: 'Sprachcafé St. Mariae',
      categories: ['language_cafe'],
      organization: { name: 'Kirchengemeinde St. Mariae' },
      languages: ['de', 'ar'],
      schedules: [{ byDay: ['TU'], opensAt: '16:00', closesAt: '18:00', description: 'dienstags' }],
      location: { street: 'Eppinghofer Straße', houseNumber: '40', postalCode: '45468', point: EPPINGHOFEN_POINT },
    };
    const first = await post({
      exploredOn: '2026-11-20',
      districtId: district['Eppinghofen'],
      resourcesDiscovered: [discovered],
    });
    expect(first.statusCode, first.body).toBe(201);
    const e = first.json<ExplorationDetail>();
    expect(e.resources).toEqual([
      {
        service: { id: expect.any(String) as string, name: 'Sprachcafé St. Mariae' },
        change: 'discovered',
        note: null,
      },
    ]);
    const serviceId = e.resources[0]!.service.id;
    const [placed] = await t.database.db
      .select({ districtId: resourceLocations.districtId, categories: resourceServices.categories })
      .from(resourceServices)
      .innerJoin(resourceServiceLocations, eq(resourceServiceLocations.serviceId, resourceServices.id))
      .innerJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
      .where(eq(resourceServices.id, serviceId));
    expect(placed).toEqual({ districtId: district['Eppinghofen'], categories: ['language_cafe'] });

    t.clock.advance(60_000);
    const second = await post(
      {
        exploredOn: '2026-11-24',
        districtId: district['Eppinghofen'],
        resourcesUpdated: [{ serviceId, note: 'Jetzt auch auf Ukrainisch' }],
        stakeholders: [{ name: 'Frau Nowak', role: 'Leitung', serviceId }],
      },
      jobcenter,
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<ExplorationDetail>()).toMatchObject({
      resources: [{ service: { id: serviceId }, change: 'updated', note: 'Jetzt auch auf Ukrainisch' }],
      stakeholders: [{ name: 'Frau Nowak', service: { id: serviceId, name: 'Sprachcafé St. Mariae' } }],
    });
    const [verified] = await t.database.db.select().from(resourceServices).where(eq(resourceServices.id, serviceId));
    expect(verified).toMatchObject({ verifiedOn: '2026-11-24', verifiedBy: user['jobcenter'] });

    // A bad resource (unknown category) stops the whole protocol, with the path of the item.
    const before = await explorationCount();
    const bad = await post({
      exploredOn: '2026-11-20',
      districtId: district['Eppinghofen'],
      addresses: [{ address: { street: 'Nirgendweg', houseNumber: '2', postalCode: '45468' }, facts: facts() }],
      resourcesDiscovered: [discovered, { ...discovered, name: 'Zweites', categories: ['no_such_category'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors.map((x) => x.path)).toEqual([
      expect.stringMatching(/^resourcesDiscovered\.1\.categories/),
    ]);
    expect(await explorationCount()).toBe(before);
    expect(await t.database.db.select().from(resourceServices).where(eq(resourceServices.name, 'Zweites'))).toEqual([]);
    expect(await t.database.db.select().from(addresses).where(eq(addresses.street, 'Nirgendweg'))).toEqual([]);

    const invalidNested = await post({
      exploredOn: '2026-11-20',
      districtId: district['Eppinghofen'],
      resourcesDiscovered: [{ ...discovered, name: '' }],
    });
    expect(invalidNested.statusCode).toBe(400);
    expect(invalidNested.json<{ errors: { path: string }[] }>().errors.map((x) => x.path)).toEqual([
      'body.resourcesDiscovered.0.name',
    ]);
  });

  it('refuses an exploration in the future', async () => {
    const res = await post({ exploredOn: '2026-11-25', districtId: district['Styrum'] });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((x) => x.path)).toEqual(['exploredOn']);
  });

  it('marks a district overdue after its cadence, using the test clock', async () => {
    const res = await post({ exploredOn: '2025-11-01', districtId: district['Styrum'] }, jobcenter);
    expect(res.statusCode, res.body).toBe(201);
    expect((await overview()).get('Styrum')).toMatchObject({
      nextDueOn: '2026-11-01',
      overdue: true,
      explorationsLast12Months: 0,
    });
    await t.database.db
      .update(districts)
      .set({ explorationCadenceDays: 730 })
      .where(eq(districts.id, district['Styrum']!));
    expect((await overview()).get('Styrum')).toMatchObject({ nextDueOn: '2027-11-01', overdue: false });
    await t.database.db
      .update(districts)
      .set({ explorationCadenceDays: 180 })
      .where(eq(districts.id, district['Altstadt I']!));
    expect((await overview()).get('Altstadt I')).toMatchObject({ nextDueOn: null, overdue: true });

    const list = (
      await t.request('GET', `/api/v1/explorations?districtId=${district['Styrum']}`, { session: sozialamt })
    ).json<ExplorationList>();
    expect(list.items.map((x) => [x.exploredOn, x.agency.id])).toEqual([['2025-11-01', agency['jobcenter']]]);
    const newest = (
      await t.request('GET', '/api/v1/explorations?from=2025-01-01&to=2026-06-30', { session: sozialamt })
    ).json<ExplorationList>();
    expect(newest.items.map((x) => x.exploredOn)).toEqual(['2026-01-10', '2025-11-01']);
  });

  it('lets the assignee agency complete and reopen its follow-ups, mine and agency-wide', async () => {
    const mine = (
      await t.request('GET', '/api/v1/exploration-follow-ups?scope=mine', { session: sozialamt })
    ).json<FollowUpList>();
    expect(mine.items.map((f) => f.title)).toEqual(['Hausverwaltung wegen Briefkästen anschreiben']);
    expect(
      (
        await t.request('GET', '/api/v1/exploration-follow-ups?scope=mine', { session: teamleitung })
      ).json<FollowUpList>().items,
    ).toEqual([]);
    const agencyWide = (
      await t.request('GET', '/api/v1/exploration-follow-ups?scope=agency', { session: teamleitung })
    ).json<FollowUpList>();
    expect(agencyWide.items.map((f) => f.id)).toEqual([mine.items[0]!.id]);
    const jc = (
      await t.request('GET', '/api/v1/exploration-follow-ups?scope=agency', { session: jobcenter })
    ).json<FollowUpList>();
    expect(jc.items.map((f) => f.title)).toEqual(['Sprachkurs-Angebote prüfen']);
    expect(jc.items[0]!.mayChange).toBe(true);

    const f = mine.items[0]!;
    const url = `/api/v1/exploration-follow-ups/${f.id}`;
    const ifMatch = { 'if-match': `"${f.version}"` };
    expect(
      (await t.request('PATCH', url, { session: jobcenter, body: { status: 'done' }, headers: ifMatch })).statusCode,
    ).toBe(403);
    expect((await t.request('PATCH', url, { session: sozialamt, body: { status: 'done' } })).statusCode).toBe(428);
    const done = await t.request('PATCH', url, { session: teamleitung, body: { status: 'done' }, headers: ifMatch });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<ExplorationFollowUp>()).toMatchObject({
      status: 'done',
      overdue: false,
      completedBy: { id: user['teamleitung'] },
    });
    expect(
      (await t.request('PATCH', url, { session: sozialamt, body: { status: 'open' }, headers: ifMatch })).statusCode,
    ).toBe(412);
    expect(
      (await t.request('GET', '/api/v1/exploration-follow-ups?scope=mine', { session: sozialamt })).json<FollowUpList>()
        .items,
    ).toEqual([]);
    expect(
      (await t.request('GET', '/api/v1/exploration-follow-ups?scope=mine&status=done', { session: sozialamt }))
        .json<FollowUpList>()
        .items.map((x) => x.id),
    ).toEqual([f.id]);
    const reopened = await t.request('PATCH', url, {
      session: sozialamt,
      body: { status: 'open' },
      headers: { 'if-match': done.headers.etag as string },
    });
    expect(reopened.json<ExplorationFollowUp>()).toMatchObject({
      status: 'open',
      completedAt: null,
      completedBy: null,
    });
    expect(await auditCount('exploration_follow_up.updated')).toBe(2);
  });

  it('lets only the recording agency change the protocol', async () => {
    const list = (
      await t.request('GET', `/api/v1/explorations?districtId=${district['Eppinghofen']}&to=2026-06-30`, {
        session: sozialamt,
      })
    ).json<ExplorationList>();
    const e = list.items[0]!;
    const url = `/api/v1/explorations/${e.id}`;
    const body = { findings: 'Ergänzt: Hausverwaltung heißt Ruhr-Wohnen.', stakeholders: [] };
    expect(
      (await t.request('PATCH', url, { session: jobcenter, body, headers: { 'if-match': `"${e.version}"` } }))
        .statusCode,
    ).toBe(403);
    const res = await t.request('PATCH', url, {
      session: teamleitung,
      body,
      headers: { 'if-match': `"${e.version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ExplorationDetail>()).toMatchObject({
      findings: body.findings,
      stakeholders: [],
      version: e.version + 1,
    });
    expect(
      (await t.request('PATCH', url, { session: sozialamt, body, headers: { 'if-match': `"${e.version}"` } }))
        .statusCode,
    ).toBe(412);
    const audit = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'exploration.updated'), eq(auditEvents.subjectId, e.id)));
    expect(audit.map((a) => a.details)).toEqual([{ fields: ['findings', 'stakeholders'], version: e.version + 1 }]);
  });

  it('is closed to roles without exploration permissions', async () => {
    for (const username of ['steuerung', 'dsb']) {
      const session = await t.login(username);
      for (const url of ['/api/v1/explorations', '/api/v1/explorations/overview', '/api/v1/exploration-follow-ups'])
        expect((await t.request('GET', url, { session })).statusCode, `${username} ${url}`).toBe(403);
    }
    expect(
      (await t.request('GET', '/api/v1/explorations/00000000-0000-4000-8000-000000000000', { session: sozialamt }))
        .statusCode,
    ).toBe(404);
  });

  it('turns a district overdue when the clock passes its due day', async () => {
    await t.database.db
      .update(districts)
      .set({ explorationCadenceDays: 30 })
      .where(eq(districts.id, district['Winkhausen']!));
    const res = await post({ exploredOn: '2026-11-01', districtId: district['Winkhausen'] });
    expect(res.statusCode, res.body).toBe(201);
    expect((await overview()).get('Winkhausen')).toMatchObject({
      nextDueOn: '2026-12-01',
      overdue: false,
      explorationsLast12Months: 1,
    });
    t.clock.set(new Date('2026-12-01T22:59:00Z')); // 23:59 in Berlin: still the due day
    sozialamt = await t.login('sozialamt');
    expect((await overview()).get('Winkhausen')).toMatchObject({ overdue: false });
    t.clock.set(new Date('2026-12-01T23:01:00Z')); // 00:01 on 2 December in Berlin
    sozialamt = await t.login('sozialamt');
    expect((await overview()).get('Winkhausen')).toMatchObject({ overdue: true });
  });
});

describe('demo explorations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    await seedDemoPeople(t.database.db, { now: t.clock.now() });
    await seedDemoResources(t.database.db, { now: t.clock.now() });
    await seedDemoExplorations(t.database.db, { now: t.clock.now() });
  }, 240_000);
  afterAll(() => t.close());

  it('leaves some districts overdue, two never explored, flags demo addresses and gives the Sozialamt follow-ups', async () => {
    const session = await t.login('sozialamt');
    const overview = (await t.request('GET', '/api/v1/explorations/overview', { session })).json<ExplorationOverview>();
    const rows = new Map(overview.items.map((r) => [r.district.name, r]));
    expect(rows.get('Mintard')).toMatchObject({ lastExploredOn: null, overdue: true });
    expect(rows.get('Selbeck')).toMatchObject({ lastExploredOn: null, overdue: true });
    expect(rows.get('Dümpten')).toMatchObject({ overdue: true });
    expect(rows.get('Eppinghofen')).toMatchObject({ overdue: false, explorationsLast12Months: 1 });
    expect(overview.items.filter((r) => r.lastExploredOn !== null).length).toBeGreaterThanOrEqual(12);

    const problems = (await t.request('GET', '/api/v1/addresses?problem=true', { session })).json<AddressList>();
    expect(problems.items.map((a) => a.district?.name).sort()).toEqual(['Broich', 'Eppinghofen', 'Styrum']);
    expect(problems.items.find((a) => a.district?.name === 'Eppinghofen')?.facts.mailboxPresent).toBe(false);
    expect(problems.items.find((a) => a.district?.name === 'Broich')?.facts.sharedAccommodation).toBe(true);

    const mine = (
      await t.request('GET', '/api/v1/exploration-follow-ups?scope=mine', { session })
    ).json<FollowUpList>();
    expect(mine.items.length).toBeGreaterThanOrEqual(2);
    const agencyWide = (
      await t.request('GET', '/api/v1/exploration-follow-ups?scope=agency', { session })
    ).json<FollowUpList>();
    expect(agencyWide.items.length).toBeGreaterThan(mine.items.length);
    expect(await hasExplorations(t.database.db)).toBe(true);

    // Where the directory has resources in a district, the protocols confirm and link them.
    const linked = await t.database.db.select().from(explorationResources);
    expect(linked.length).toBeGreaterThan(0);
    const e = (
      await t.request('GET', `/api/v1/explorations/${linked[0]!.explorationId}`, { session })
    ).json<ExplorationDetail>();
    expect(e.resources[0]).toMatchObject({ change: 'updated', service: { id: linked[0]!.serviceId } });
    expect(e.stakeholders.some((x) => x.service !== null)).toBe(true);
  });
});
