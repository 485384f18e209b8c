import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, districts } from '../../src/server/db/schema';
import type { AddressDetail, AddressList } from '../../src/shared/contracts/addresses';
import type { Person } from '../../src/shared/contracts/people';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

/** Inside the demo outline of Eppinghofen (seed-demo-districts.ts). */
const EPPINGHOFEN_POINT = { latitude: 51.436, longitude: 6.897 };
const noMailbox = {
  mailboxPresent: false,
  namesOnMailbox: null,
  sharedAccommodation: false,
  mailDelivery: 'unreliable',
  accessNotes: 'Hinterhaus, Klingel ohne Namen',
} as const;

describe('address register API', () => {
  let t: TestApp;
  let sozialamt: Session;
  let jobcenter: Session;
  let eppinghofen: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    sozialamt = await t.login('sozialamt');
    jobcenter = await t.login('jobcenter');
    const [d] = await t.database.db
      .select({ id: districts.id })
      .from(districts)
      .where(eq(districts.name, 'Eppinghofen'));
    eppinghofen = d!.id;
  });
  afterAll(() => t.close());

  const auditCount = async (type: string, subjectId?: string) =>
    Number(
      (
        await t.database.db
          .select({ n: count() })
          .from(auditEvents)
          .where(
            subjectId
              ? and(eq(auditEvents.type, type), eq(auditEvents.subjectId, subjectId))
              : eq(auditEvents.type, type),
          )
      )[0]!.n,
    );
  const list = async (query: string, session = sozialamt) => {
    const res = await t.request('GET', `/api/v1/addresses?${query}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AddressList>();
  };

  it('registers an address in the district its point lies in, and answers the same row for another spelling', async () => {
    const res = await t.request('POST', '/api/v1/addresses', {
      session: sozialamt,
      body: { street: 'Eppinghofer Str.', houseNumber: '12 a', postalCode: '45468', point: EPPINGHOFEN_POINT },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<AddressDetail>();
    expect(created).toMatchObject({
      street: 'Eppinghofer Straße',
      houseNumber: '12a',
      city: 'Mülheim an der Ruhr',
      district: { id: eppinghofen, name: 'Eppinghofen' },
      point: EPPINGHOFEN_POINT,
      facts: { mailDelivery: 'unknown', mailboxPresent: null },
      problem: false,
      checks: [],
    });
    const again = await t.request('POST', '/api/v1/addresses', {
      session: jobcenter,
      body: { street: 'eppinghofer strasse', houseNumber: '12A', postalCode: '45468' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<AddressDetail>().id).toBe(created.id);
    expect(await auditCount('address.registered', created.id)).toBe(2);
  });

  it('refuses a malformed address with German messages on the fields', async () => {
    const res = await t.request('POST', '/api/v1/addresses', {
      session: sozialamt,
      body: { street: '', houseNumber: '1', postalCode: '4546' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.street', 'body.postalCode']));
  });

  it('records a check from casework with If-Match, flags the problem and keeps the history', async () => {
    const created = (
      await t.request('POST', '/api/v1/addresses', {
        session: sozialamt,
        body: { street: 'Bruchstraße', houseNumber: '7', postalCode: '45468' },
      })
    ).json<AddressDetail>();
    const url = `/api/v1/addresses/${created.id}`;
    const body = { facts: noMailbox, point: EPPINGHOFEN_POINT, note: 'Hausbesuch' };
    expect((await t.request('PATCH', url, { session: sozialamt, body })).statusCode).toBe(428);

    const res = await t.request('PATCH', url, {
      session: sozialamt,
      body,
      headers: { 'if-match': `"${created.version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const checked = res.json<AddressDetail>();
    expect(res.headers.etag).toBe(`"${created.version + 1}"`);
    expect(checked).toMatchObject({
      problem: true,
      facts: noMailbox,
      district: { id: eppinghofen },
      lastCheckedSource: 'casework',
      lastCheckedBy: { displayName: expect.any(String) as string },
    });
    expect(checked.checks).toHaveLength(1);
    expect(checked.checks[0]).toMatchObject({
      source: 'casework',
      sourceId: null,
      facts: noMailbox,
      problem: true,
      note: 'Hausbesuch',
      agency: { name: expect.stringContaining('Sozialamt') as string },
    });

    const stale = await t.request('PATCH', url, {
      session: jobcenter,
      body,
      headers: { 'if-match': `"${created.version}"` },
    });
    expect(stale.statusCode).toBe(412);

    t.clock.advance(60_000);
    const second = await t.request('PATCH', url, {
      session: jobcenter,
      body: { facts: { ...noMailbox, mailboxPresent: true, mailDelivery: 'reliable' } },
      headers: { 'if-match': res.headers.etag as string },
    });
    expect(second.statusCode, second.body).toBe(200);
    const detail = second.json<AddressDetail>();
    expect(detail.problem).toBe(false);
    expect(detail.point).toEqual(EPPINGHOFEN_POINT);
    expect(detail.checks.map((c) => [c.problem, c.agency?.name])).toEqual([
      [false, expect.stringContaining('Jobcenter')],
      [true, expect.stringContaining('Sozialamt')],
    ]);
    expect(await auditCount('address.checked', created.id)).toBe(2);

    const viewed = await auditCount('address.viewed', created.id);
    expect((await t.request('GET', url, { session: jobcenter })).statusCode).toBe(200);
    expect(await auditCount('address.viewed', created.id)).toBe(viewed + 1);
  });

  it('lists addresses with a delivery problem, by district, by search and by last check', async () => {
    const flagged = (
      await t.request('POST', '/api/v1/addresses', {
        session: sozialamt,
        body: { street: 'Heißener Straße', houseNumber: '40', postalCode: '45468' },
      })
    ).json<AddressDetail>();
    await t.request('PATCH', `/api/v1/addresses/${flagged.id}`, {
      session: sozialamt,
      body: { facts: { ...noMailbox, mailDelivery: 'undeliverable' }, point: EPPINGHOFEN_POINT },
      headers: { 'if-match': `"${flagged.version}"` },
    });

    const before = await auditCount('address.listed');
    const problems = await list('problem=true');
    expect(problems.items.map((a) => a.id)).toContain(flagged.id);
    expect(problems.items.every((a) => a.problem)).toBe(true);
    expect(await auditCount('address.listed')).toBe(before + 1);

    expect((await list(`districtId=${eppinghofen}&problem=true`)).items.map((a) => a.id)).toContain(flagged.id);
    expect((await list('mailDelivery=undeliverable')).items.map((a) => a.id)).toEqual([flagged.id]);
    expect((await list('q=heißener 40')).items.map((a) => a.id)).toEqual([flagged.id]);
    expect((await list('q=heißener 41')).items).toEqual([]);
    // Checked today: not "unchecked since today"; it is "unchecked since tomorrow".
    expect((await list('uncheckedSince=2026-11-24')).items.map((a) => a.id)).not.toContain(flagged.id);
    expect((await list('uncheckedSince=2026-11-25')).items.map((a) => a.id)).toContain(flagged.id);
    const byCheck = await list('sort=lastChecked&dir=desc&pageSize=1');
    expect(byCheck.items).toHaveLength(1);
    expect(byCheck.page.total).toBeGreaterThan(1);
  });

  it('keeps a bare address of a client to those who see the client’s contact data, until it is checked', async () => {
    const res = await t.request('POST', '/api/v1/people', {
      session: sozialamt,
      body: {
        duplicatesReviewed: true,
        givenNames: 'Amina',
        familyName: 'Yusuf',
        addresses: [
          {
            kind: 'residence',
            street: 'Geheimweg',
            houseNumber: '3',
            postalCode: '45468',
            city: 'Mülheim an der Ruhr',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const person = res.json<Person>();
    const addressId = person.addresses[0]!.addressId;
    expect(person.addresses[0]!.delivery).toBeUndefined();

    const hidden = await list('q=Geheimweg', jobcenter);
    expect([hidden.items, hidden.page.total]).toEqual([[], 0]);
    expect((await t.request('GET', `/api/v1/addresses/${addressId}`, { session: jobcenter })).statusCode).toBe(404);
    const own = await t.request('GET', `/api/v1/addresses/${addressId}`, { session: sozialamt });
    expect(own.statusCode, own.body).toBe(200);

    const checked = await t.request('PATCH', `/api/v1/addresses/${addressId}`, {
      session: sozialamt,
      body: { facts: noMailbox },
      headers: { 'if-match': own.headers.etag as string },
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect((await list('q=Geheimweg', jobcenter)).items.map((a) => a.id)).toEqual([addressId]);

    // The person page shows the deliverability of the address.
    const page = (await t.request('GET', `/api/v1/people/${person.id}`, { session: sozialamt })).json<Person>();
    expect(page.addresses[0]!.delivery).toMatchObject({
      mailDelivery: 'unreliable',
      mailboxPresent: false,
      problem: true,
      lastCheckedAt: '2026-11-24T09:01:00.000Z',
    });
  });

  it('is closed to roles without address permissions', async () => {
    for (const username of ['steuerung', 'dsb']) {
      const session = await t.login(username);
      expect((await t.request('GET', '/api/v1/addresses', { session })).statusCode).toBe(403);
    }
    const [last] = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(last).toBeDefined();
  });
});
