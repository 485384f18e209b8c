import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, employmentOutcomes } from '../../src/server/db/schema';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Outcome = {
  id: string;
  kind: string;
  startedOn: string;
  endedOn: string | null;
  employer: string | null;
  occupationCode: string | null;
  socialInsurance: boolean | null;
  recordedBy: { agencyId: string; agencyName: string };
  mayDelete: boolean;
};
type Problem = { errors?: { path: string; message: string }[] };

describe(`employment outcomes (${engine})`, () => {
  let t: TestApp;
  let soz: Session;
  let lead: Session;
  let jc: Session;
  let steering: Session;
  let personId: string;

  const base = () => `/api/v1/people/${personId}/employment-outcomes`;
  const paths = (res: LightMyRequestResponse) => (res.json<Problem>().errors ?? []).map((e) => e.path).sort();
  const auditCount = async (type: string) =>
    Number((await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.type, type)))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    soz = await t.login('sozialamt');
    lead = await t.login('teamleitung');
    jc = await t.login('jobcenter');
    steering = await t.login('steuerung');
    const person = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: { givenNames: 'Omid', familyName: 'Rahimi', dateOfBirth: '1995-03-02', duplicatesReviewed: true },
    });
    expect(person.statusCode, person.body).toBe(201);
    personId = person.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  it('records work and training, lists them latest first, audits reads and writes', async () => {
    const recorded = await auditCount('employment_outcome.recorded');
    const work = await t.request('POST', base(), {
      session: soz,
      body: {
        kind: 'work',
        startedOn: '2026-03-01',
        employer: '  Logistik Ruhr GmbH ',
        occupationCode: '51311',
        socialInsurance: true,
      },
    });
    expect(work.statusCode, work.body).toBe(201);
    expect(work.json<Outcome>()).toMatchObject({ kind: 'work', employer: 'Logistik Ruhr GmbH', endedOn: null, mayDelete: true });
    const training = await t.request('POST', base(), {
      session: lead,
      body: { kind: 'training', startedOn: '2026-08-01', endedOn: '2029-07-31' },
    });
    expect(training.statusCode, training.body).toBe(201);
    expect(await auditCount('employment_outcome.recorded')).toBe(recorded + 2);
    const listed = await auditCount('employment_outcome.listed');
    const list = await t.request('GET', base(), { session: soz });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Outcome[] }>().items.map((o) => o.kind)).toEqual(['training', 'work']);
    expect(await auditCount('employment_outcome.listed')).toBe(listed + 1);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = (await t.database.db.select({ n: count() }).from(employmentOutcomes))[0]!.n;
    const order = await t.request('POST', base(), {
      session: soz,
      body: { kind: 'work', startedOn: '2026-05-01', endedOn: '2026-04-01' },
    });
    expect(order.statusCode).toBe(400);
    expect(paths(order)).toEqual(['endedOn']);
    const old = await t.request('POST', base(), { session: soz, body: { kind: 'work', startedOn: '1990-01-01' } });
    expect(paths(old)).toEqual(['startedOn']);
    const code = await t.request('POST', base(), { session: soz, body: { kind: 'job', startedOn: '2026-01-01', occupationCode: 'abc' } });
    expect(code.statusCode).toBe(400);
    expect((await t.database.db.select({ n: count() }).from(employmentOutcomes))[0]!.n).toBe(before);
  });

  it('is deleted only by the recording agency; hidden from others', async () => {
    const created = await t.request('POST', base(), { session: lead, body: { kind: 'work', startedOn: '2026-02-01' } });
    const id = created.json<Outcome>().id;
    // Another agency cannot see the person at all.
    expect((await t.request('GET', base(), { session: jc })).statusCode).toBe(404);
    expect((await t.request('DELETE', `${base()}/${id}`, { session: jc })).statusCode).toBe(404);
    expect((await t.request('GET', base(), { session: steering })).statusCode).toBe(403);
    expect((await t.request('DELETE', `${base()}/00000000-0000-4000-8000-000000000000`, { session: soz })).statusCode).toBe(404);
    const deleted = await auditCount('employment_outcome.deleted');
    // A colleague of the same agency (the team lead recorded it) may delete it.
    expect((await t.request('DELETE', `${base()}/${id}`, { session: soz })).statusCode).toBe(204);
    expect(await auditCount('employment_outcome.deleted')).toBe(deleted + 1);
    expect((await t.request('DELETE', `${base()}/${id}`, { session: soz })).statusCode).toBe(404);
  });

  it('forbids deleting another agency’s entry (403 with the reason)', async () => {
    const [row] = await t.database.db
      .insert(employmentOutcomes)
      .values({
        personId,
        kind: 'work',
        startedOn: '2025-01-01',
        recordedByAgencyId: (
          await t.request('GET', '/api/v1/auth/me', { session: jc })
        ).json<{ agency: { id: string } }>().agency.id,
        recordedAt: t.clock.now(),
      })
      .returning();
    const res = await t.request('DELETE', `${base()}/${row!.id}`, { session: soz });
    expect(res.statusCode).toBe(403);
    expect(paths(res)).toEqual(['outcomeId']);
    const list = await t.request('GET', base(), { session: soz });
    expect(list.json<{ items: Outcome[] }>().items.find((o) => o.id === row!.id)?.mayDelete).toBe(false);
  });
});
