import { count, desc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, householdMembers, households, people } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Member = {
  id: string;
  person: { id: string; givenNames: string; familyName: string };
  relationship: string;
  validFrom: string;
  validUntil: string | null;
  endReason: string | null;
  current: boolean;
};
type Household = {
  id: string;
  version: number;
  kind: string;
  name: string | null;
  members: Member[];
  registeredBy: { id: string; name: string };
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

// Noon UTC is the same day in Berlin; far from any date a demo seed could produce.
const START = new Date('2040-03-01T11:00:00Z');
const NEW_HEAD = 'Bitte zuerst eine neue Haushaltsvorständin / einen neuen Haushaltsvorstand eintragen.';

describe('households', () => {
  let t: TestApp;
  let caseworker: Session;
  let otherAgency: Session;
  const p: Record<string, string> = {};
  let family: Household;

  const createPerson = async (session: Session, givenNames: string, familyName: string, dateOfBirth: string) => {
    const res = await t.request('POST', '/api/v1/people', {
      session,
      body: { givenNames, familyName, dateOfBirth, duplicatesReviewed: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const create = (body: Record<string, unknown>, session = caseworker) =>
    t.request('POST', '/api/v1/households', { session, body });
  const add = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}, session = caseworker) =>
    t.request('POST', `/api/v1/households/${id}/members`, { session, body, headers });
  const end = (
    id: string,
    memberId: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
    session = caseworker,
  ) => t.request('POST', `/api/v1/households/${id}/members/${memberId}/end`, { session, body, headers });
  const get = (id: string, session = caseworker) => t.request('GET', `/api/v1/households/${id}`, { session });
  const memberOf = (h: Household, personId: string, current = true) =>
    h.members.find((m) => m.person.id === personId && m.current === current)!;
  const auditCount = async (type: string) =>
    Number((await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.type, type)))[0]!.n);
  const lastAudit = async (type: string) =>
    (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, type))
        .orderBy(desc(auditEvents.seq))
        .limit(1)
    )[0]!;
  const householdCount = async () => Number((await t.database.db.select({ n: count() }).from(households))[0]!.n);
  const memberRowCount = async () => Number((await t.database.db.select({ n: count() }).from(householdMembers))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    caseworker = await t.login('sozialamt');
    otherAgency = await t.login('jobcenter');
    p.head = await createPerson(caseworker, 'Ahmad', 'Karimi', '1980-05-01');
    p.spouse = await createPerson(caseworker, 'Zahra', 'Karimi', '1983-07-12');
    p.child = await createPerson(caseworker, 'Sara', 'Karimi', '2010-02-03');
    p.baby = await createPerson(caseworker, 'Ali', 'Karimi', '2039-12-24');
    p.single = await createPerson(caseworker, 'Dawit', 'Tesfaye', '1999-01-15');
    p.lodger = await createPerson(caseworker, 'Nadia', 'Petrenko', '1975-03-30');
    p.foreign = await createPerson(otherAgency, 'Yusuf', 'Demir', '1988-08-08');
  });
  afterAll(async () => t.close());

  describe('create', () => {
    it('registers a household with one head, current members head first, ETag and an audit row', async () => {
      const before = await auditCount('household.created');
      const res = await create({
        kind: 'household',
        name: 'Familie Karimi',
        members: [
          { personId: p.child, relationship: 'child', validFrom: '2039-06-01' },
          { personId: p.spouse, relationship: 'spouse', validFrom: '2039-06-01' },
          { personId: p.head, relationship: 'head', validFrom: '2039-06-01' },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      family = res.json<Household>();
      expect(family).toMatchObject({ version: 1, kind: 'household', name: 'Familie Karimi' });
      expect(family.registeredBy.name).toMatch(/^Sozialamt/);
      expect(family.members.map((m) => [m.person.familyName, m.relationship, m.current])).toEqual([
        ['Karimi', 'head', true],
        ['Karimi', 'spouse', true],
        ['Karimi', 'child', true],
      ]);
      expect(family.members[0]!.person.id).toBe(p.head);
      expect(await auditCount('household.created')).toBe(before + 1);
      expect(await lastAudit('household.created')).toMatchObject({
        subjectType: 'household',
        subjectId: family.id,
        details: { members: 3 },
      });
    });

    it.each([
      [
        'no head',
        [{ relationship: 'child' }],
        'members',
        'Bitte eine Person als Haushaltsvorständin oder Haushaltsvorstand angeben.',
      ],
      [
        'two heads',
        [{ relationship: 'head' }, { relationship: 'head', person: 'lodger' }],
        'members',
        'Ein Haushalt hat genau eine Haushaltsvorständin oder einen Haushaltsvorstand. Bitte nur eine Person als Vorstand angeben.',
      ],
      [
        'a future start',
        [{ relationship: 'head', validFrom: '2040-03-02' }],
        'members.0.validFrom',
        'Das Datum darf nicht in der Zukunft liegen.',
      ],
      [
        'an impossible date',
        [{ relationship: 'head', validFrom: '2040-02-30' }],
        'members.0.validFrom',
        'Kein gültiges Kalenderdatum.',
      ],
      [
        'a person twice',
        [{ relationship: 'head' }, { relationship: 'child' }],
        'members.1.personId',
        'Diese Person ist doppelt angegeben.',
      ],
    ])('refuses %s (400 at the field, nothing written)', async (_, rows, path, message) => {
      const [before, audits] = [await householdCount(), await auditCount('household.created')];
      const res = await create({
        kind: 'household',
        members: rows.map((r: { relationship: string; validFrom?: string; person?: string }) => ({
          personId: p[r.person ?? 'single'],
          relationship: r.relationship,
          validFrom: r.validFrom ?? '2040-01-01',
        })),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().errors).toEqual([{ path, message }]);
      expect(await householdCount()).toBe(before);
      expect(await auditCount('household.created')).toBe(audits);
    });

    it('refuses a person who already belongs to a household of the same kind, and accepts another kind', async () => {
      const [before, rows] = [await householdCount(), await memberRowCount()];
      const res = await create({
        kind: 'household',
        members: [
          { personId: p.single, relationship: 'head', validFrom: '2040-01-01' },
          { personId: p.child, relationship: 'other', validFrom: '2040-01-01' },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors).toEqual([
        {
          path: 'members.1.personId',
          message:
            'Sara Karimi gehört in diesem Zeitraum bereits einem anderen Haushalt an. Bitte die dortige Mitgliedschaft zuerst beenden.',
        },
      ]);
      expect([await householdCount(), await memberRowCount()]).toEqual([before, rows]);
      const bg = await create({
        kind: 'bedarfsgemeinschaft',
        members: [
          { personId: p.head, relationship: 'head', validFrom: '2039-07-01' },
          { personId: p.child, relationship: 'child', validFrom: '2039-07-01' },
        ],
      });
      expect(bg.statusCode, bg.body).toBe(201);
    });

    it('answers 404 for a person of another agency or one that does not exist, writing nothing', async () => {
      const before = await householdCount();
      for (const personId of [p.foreign!, '00000000-0000-4000-8000-000000000000']) {
        const res = await create({
          kind: 'household',
          members: [
            { personId: p.single, relationship: 'head', validFrom: '2040-01-01' },
            { personId, relationship: 'partner', validFrom: '2040-01-01' },
          ],
        });
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toMatch(/Demir|Yusuf/);
      }
      expect(await householdCount()).toBe(before);
    });
  });

  describe('read', () => {
    it('reads the household with its ETag, audited per read', async () => {
      const before = await auditCount('household.viewed');
      const res = await get(family.id);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.json<Household>()).toEqual(family);
      expect(await auditCount('household.viewed')).toBe(before + 1);
      expect((await lastAudit('household.viewed')).subjectId).toBe(family.id);
    });

    it('is not found for another agency, nor when a member is out of the caller’s scope', async () => {
      const before = await auditCount('household.viewed');
      expect((await get(family.id, otherAgency)).statusCode).toBe(404);
      expect((await get('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      // A member registered by another agency (as sharing rules may allow one day) hides the household.
      const agencyOf = async (id: string) =>
        (await t.database.db.select({ agency: people.registeredByAgencyId }).from(people).where(eq(people.id, id)))[0]!
          .agency;
      const [agency, own] = [await agencyOf(p.foreign!), await agencyOf(p.spouse!)];
      await t.database.db.update(people).set({ registeredByAgencyId: agency }).where(eq(people.id, p.spouse!));
      try {
        expect((await get(family.id)).statusCode).toBe(404);
      } finally {
        await t.database.db.update(people).set({ registeredByAgencyId: own }).where(eq(people.id, p.spouse!));
      }
      expect(await auditCount('household.viewed')).toBe(before);
      expect((await get(family.id)).statusCode).toBe(200);
    });
  });

  describe('members over time', () => {
    it('adds a member (201, version and ETag bumped, audited)', async () => {
      const before = await auditCount('household.member_added');
      const res = await add(family.id, { personId: p.baby, relationship: 'child', validFrom: '2039-12-24' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"2"');
      family = res.json<Household>();
      expect(family.version).toBe(2);
      const baby = memberOf(family, p.baby!);
      expect(baby).toMatchObject({ relationship: 'child', validFrom: '2039-12-24', validUntil: null, current: true });
      expect(await auditCount('household.member_added')).toBe(before + 1);
      expect((await lastAudit('household.member_added')).details).toEqual({ memberId: baby.id, personId: p.baby });
    });

    it('refuses adding someone already in the household, a stale If-Match and a future start', async () => {
      const again = await add(family.id, { personId: p.child, relationship: 'other', validFrom: '2040-01-01' });
      expect(again.statusCode).toBe(400);
      expect(again.json<Problem>().errors?.[0]?.path).toBe('personId');
      expect(again.json<Problem>().errors?.[0]?.message).toMatch(
        /^Sara Karimi gehört diesem Haushalt in diesem Zeitraum bereits an\./,
      );
      const stale = await add(
        family.id,
        { personId: p.lodger, relationship: 'other', validFrom: '2040-01-01' },
        { 'if-match': '"1"' },
      );
      expect(stale.statusCode).toBe(412);
      const future = await add(family.id, { personId: p.lodger, relationship: 'other', validFrom: '2040-03-02' });
      expect(future.json<Problem>().errors).toEqual([
        { path: 'validFrom', message: 'Das Datum darf nicht in der Zukunft liegen.' },
      ]);
      expect((await get(family.id)).headers.etag).toBe('"2"');
    });

    it('ends a membership once, on a valid day, keeping it as history', async () => {
      const child = memberOf(family, p.child!);
      const early = await end(family.id, child.id, { validUntil: '2039-05-31' });
      expect(early.json<Problem>().errors).toEqual([
        { path: 'validUntil', message: 'Das Ende liegt vor dem Beginn der Mitgliedschaft.' },
      ]);
      const future = await end(family.id, child.id, { validUntil: '2040-03-02' });
      expect(future.json<Problem>().errors?.[0]?.path).toBe('validUntil');
      const before = await auditCount('household.member_ended');
      const res = await end(
        family.id,
        child.id,
        { validUntil: '2040-02-28', reason: 'Auszug in eigene Wohnung' },
        { 'if-match': '"2"' },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      family = res.json<Household>();
      expect(memberOf(family, p.child!, false)).toMatchObject({
        validUntil: '2040-02-28',
        endReason: 'Auszug in eigene Wohnung',
        current: false,
      });
      expect(await auditCount('household.member_ended')).toBe(before + 1);
      const audit = await lastAudit('household.member_ended');
      expect(audit.details).toEqual({ memberId: child.id, personId: p.child });
      expect(JSON.stringify(audit.details)).not.toMatch(/Auszug|2040/);
      const twice = await end(family.id, child.id, { validUntil: '2040-02-29' });
      expect(twice.statusCode).toBe(400);
      expect(twice.json<Problem>().errors).toEqual([
        { path: 'memberId', message: 'Diese Mitgliedschaft ist bereits beendet.' },
      ]);
      // A member id of another household is not found here.
      expect(
        (await end(family.id, '00000000-0000-4000-8000-000000000000', { validUntil: '2040-02-29' })).statusCode,
      ).toBe(404);
    });

    it('keeps the head until a new head is entered, then lets the old one leave', async () => {
      const head = memberOf(family, p.head!);
      const refused = await end(family.id, head.id, { validUntil: '2040-03-01' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<Problem>().errors).toEqual([{ path: 'memberId', message: NEW_HEAD }]);
      // Changing a relationship: end the row, add the person again from the same day.
      const spouse = memberOf(family, p.spouse!);
      expect((await end(family.id, spouse.id, { validUntil: '2040-02-29' })).statusCode).toBe(200);
      const promoted = await add(family.id, { personId: p.spouse, relationship: 'head', validFrom: '2040-02-29' });
      expect(promoted.statusCode, promoted.body).toBe(201);
      const left = await end(family.id, head.id, { validUntil: '2040-03-01', reason: 'Trennung' });
      expect(left.statusCode, left.body).toBe(200);
      family = left.json<Household>();
      expect(family.version).toBe(6);
      // Current members first (the head first), then history, most recently ended first. A
      // membership ending today is still current today.
      expect(family.members.map((m) => [m.person.givenNames, m.relationship, m.validUntil, m.current])).toEqual([
        ['Ahmad', 'head', '2040-03-01', true],
        ['Zahra', 'head', null, true],
        ['Ali', 'child', null, true],
        ['Zahra', 'spouse', '2040-02-29', false],
        ['Sara', 'child', '2040-02-28', false],
      ]);
      t.clock.advance(24 * 3600_000);
      caseworker = await t.login('sozialamt');
      otherAgency = await t.login('jobcenter');
      const tomorrow = (await get(family.id)).json<Household>();
      expect(tomorrow.members.map((m) => [m.person.givenNames, m.relationship, m.current])).toEqual([
        ['Zahra', 'head', true],
        ['Ali', 'child', true],
        ['Ahmad', 'head', false],
        ['Zahra', 'spouse', false],
        ['Sara', 'child', false],
      ]);
    });

    it('lets a person move on the day they left, but not before', async () => {
      const res = await create({
        kind: 'household',
        members: [{ personId: p.child, relationship: 'head', validFrom: '2040-02-27' }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.path).toBe('members.0.personId');
      const moved = await create({
        kind: 'household',
        name: null,
        members: [{ personId: p.child, relationship: 'head', validFrom: '2040-02-28' }],
      });
      expect(moved.statusCode, moved.body).toBe(201);
    });

    it('needs a head before anyone else joins an emptied household', async () => {
      const res = await create({
        kind: 'household',
        members: [{ personId: p.single, relationship: 'head', validFrom: '2040-01-01' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const h = res.json<Household>();
      // The head may leave as the last member: the household dissolves.
      const dissolved = await end(h.id, h.members[0]!.id, { validUntil: '2040-03-01' });
      expect(dissolved.statusCode, dissolved.body).toBe(200);
      const lodger = await add(h.id, { personId: p.lodger, relationship: 'other', validFrom: '2040-03-02' });
      expect(lodger.statusCode).toBe(400);
      expect(lodger.json<Problem>().errors).toEqual([
        {
          path: 'relationship',
          message:
            'Der Haushalt hat derzeit keine Haushaltsvorständin und keinen Haushaltsvorstand. Bitte zuerst eine neue Haushaltsvorständin / einen neuen Haushaltsvorstand eintragen.',
        },
      ]);
      expect((await add(h.id, { personId: p.lodger, relationship: 'head', validFrom: '2040-03-02' })).statusCode).toBe(
        201,
      );
    });

    it('keeps other agencies out (404) of every member action', async () => {
      const head = memberOf(family, p.spouse!);
      expect(
        (await add(family.id, { personId: p.foreign, relationship: 'other', validFrom: '2040-01-01' }, {}, otherAgency))
          .statusCode,
      ).toBe(404);
      expect((await end(family.id, head.id, { validUntil: '2040-03-02' }, {}, otherAgency)).statusCode).toBe(404);
      // Our household, their person: the person is not found.
      expect(
        (await add(family.id, { personId: p.foreign, relationship: 'other', validFrom: '2040-01-01' })).statusCode,
      ).toBe(404);
    });
  });

  describe('change', () => {
    const patch = (
      id: string,
      body: Record<string, unknown>,
      headers: Record<string, string> = {},
      session = caseworker,
    ) => t.request('PATCH', `/api/v1/households/${id}`, { session, body, headers });

    it('needs If-Match (428), refuses a stale one (412), else changes and audits the field names', async () => {
      const etag = (await get(family.id)).headers.etag as string;
      expect((await patch(family.id, { name: 'Familie K.' })).statusCode).toBe(428);
      expect((await patch(family.id, { name: 'Familie K.' }, { 'if-match': '"1"' })).statusCode).toBe(412);
      expect((await patch(family.id, { name: 'Familie K.' }, { 'if-match': etag }, otherAgency)).statusCode).toBe(404);
      const before = await auditCount('household.updated');
      const res = await patch(family.id, { name: 'Familie K.' }, { 'if-match': etag });
      expect(res.statusCode, res.body).toBe(200);
      const version = Number(etag.replaceAll('"', '')) + 1;
      expect(res.headers.etag).toBe(`"${version}"`);
      expect(res.json<Household>().name).toBe('Familie K.');
      expect(await auditCount('household.updated')).toBe(before + 1);
      expect((await lastAudit('household.updated')).details).toEqual({ fields: ['name'], version });
    });

    it('refuses turning it into a Bedarfsgemeinschaft while a member belongs to another one', async () => {
      const etag = (await get(family.id)).headers.etag as string;
      // Ahmad (a past member now) is head of a Bedarfsgemeinschaft since 2039-07-01.
      const res = await patch(family.id, { kind: 'bedarfsgemeinschaft' }, { 'if-match': etag });
      expect(res.statusCode).toBe(400);
      // Sara (who moved out) was in it too: every membership of the household would be re-classified.
      const message = (name: string) =>
        `${name} gehört in diesem Zeitraum bereits einer anderen Bedarfsgemeinschaft an. Bitte die dortige Mitgliedschaft zuerst beenden.`;
      expect(res.json<Problem>().errors).toHaveLength(2);
      expect(res.json<Problem>().errors).toEqual(
        expect.arrayContaining([
          { path: 'kind', message: message('Ahmad Karimi') },
          { path: 'kind', message: message('Sara Karimi') },
        ]),
      );
      expect((await get(family.id)).headers.etag).toBe(etag);
    });
  });
  describe('robustness', () => {
    it('answers every request with a 2xx or a 4xx problem, never a 5xx', async () => {
      const date = fc.constantFrom(
        '2039-01-01',
        '2040-02-29',
        '2039-02-29',
        '0000-01-01',
        '0001-01-01',
        '9999-12-31',
        '',
        'x',
        null,
      );
      const person = fc.constantFrom(...Object.values(p), '00000000-0000-4000-8000-000000000000', 'nope', null);
      const relationship = fc.constantFrom('head', 'child', 'spouse', 'other', 'boss', null);
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom('a\u0000b', '\ud800', 'ä'.repeat(210), null),
      );
      const member = fc.record({ personId: person, relationship, validFrom: date }, { requiredKeys: [] });
      const action = fc.oneof(
        fc.record({
          kind: fc.constant('create' as const),
          body: fc.record(
            {
              kind: fc.constantFrom('household', 'bedarfsgemeinschaft', 'wg'),
              name: text,
              members: fc.array(member, { maxLength: 4 }),
            },
            { requiredKeys: [] },
          ),
        }),
        fc.record({ kind: fc.constant('add' as const), body: member }),
        fc.record({
          kind: fc.constant('end' as const),
          body: fc.record({ validUntil: date, reason: text }, { requiredKeys: [] }),
          member: fc.nat(10),
        }),
        fc.record({
          kind: fc.constant('patch' as const),
          body: fc.record(
            { kind: fc.constantFrom('household', 'bedarfsgemeinschaft', 'x'), name: text },
            { requiredKeys: [] },
          ),
        }),
      );
      await fc.assert(
        fc.asyncProperty(action, fc.constantFrom('', '"1"', '"999"', 'W/"1"'), async (a, ifMatch) => {
          const headers: Record<string, string> = ifMatch ? { 'if-match': ifMatch } : {};
          const current = (await get(family.id)).json<Household>();
          const memberId = current.members[a.kind === 'end' ? a.member % current.members.length : 0]!.id;
          const res =
            a.kind === 'create'
              ? await create(a.body)
              : a.kind === 'add'
                ? await add(family.id, a.body, headers)
                : a.kind === 'end'
                  ? await end(family.id, memberId, a.body, headers)
                  : await t.request('PATCH', `/api/v1/households/${family.id}`, {
                      session: caseworker,
                      body: a.body,
                      headers,
                    });
          expect(res.statusCode, `${a.kind} ${JSON.stringify(a.body)}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          // Whatever happened, a household with current members still has a current head.
          const after = (await get(family.id)).json<Household>();
          const open = after.members.filter((m) => m.validUntil === null);
          if (open.length > 0) expect(open.some((m) => m.relationship === 'head')).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  });
});
