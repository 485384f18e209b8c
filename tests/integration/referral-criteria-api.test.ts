import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents } from '../../src/server/db/schema';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Criteria = {
  agency: { id: string; name: string; kind: string };
  criteria: { criterion: Record<string, unknown>; description: { de: string; en: string } }[];
  version: number;
  updatedAt: string | null;
  mayEdit: boolean;
};

describe(`referral acceptance criteria (${engine})`, () => {
  let t: TestApp;
  let lead: Session; // team lead, Sozialamt
  let soz: Session;
  let steering: Session;
  let dsb: Session;
  const agency: Record<string, string> = {};

  const url = (code: string) => `/api/v1/agencies/${agency[code]}/referral-criteria`;
  const put = (s: Session, u: string, body: unknown, ifMatch?: string) =>
    t.request('PUT', u, { session: s, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const auditCount = async () =>
    Number(
      (await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.type, 'referral_criteria.updated')))[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    for (const a of await t.database.db.select({ id: agencies.id, code: agencies.code }).from(agencies))
      agency[a.code] = a.id;
    lead = await t.login('teamleitung');
    soz = await t.login('sozialamt');
    steering = await t.login('steuerung');
    dsb = await t.login('dsb');
  });
  afterAll(async () => t.close());

  it('starts empty at version 0 and is read by caseworkers and steering, not by others', async () => {
    const res = await t.request('GET', url('sozialamt'), { session: soz });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.json<Criteria>()).toMatchObject({ criteria: [], version: 0, updatedAt: null, mayEdit: false });
    expect((await t.request('GET', url('aa'), { session: steering })).statusCode).toBe(200);
    expect((await t.request('GET', url('aa'), { session: dsb })).statusCode).toBe(403);
    const missing = await t.request('GET', '/api/v1/agencies/00000000-0000-4000-8000-000000000000/referral-criteria', {
      session: soz,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is replaced by the agency’s team lead with If-Match, described in German, audited', async () => {
    const before = await auditCount();
    const body = {
      criteria: [
        { kind: 'german_min', level: 'B1' },
        { kind: 'labour_market_access', allowed: ['free'] },
        { kind: 'age_range', min: 18, max: 64 },
        { kind: 'isced_min', level: 2 },
        { kind: 'vocational_qualification' },
        { kind: 'driving_licence', licenceClass: 'B' },
      ],
    };
    expect((await put(lead, url('sozialamt'), body)).statusCode).toBe(428);
    expect((await put(lead, url('sozialamt'), body, '"3"')).statusCode).toBe(412);
    const res = await put(lead, url('sozialamt'), body, '"0"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const saved = res.json<Criteria>();
    expect(saved.mayEdit).toBe(true);
    expect(saved.criteria.map((c) => c.description.de)).toEqual([
      'Deutsch mindestens B1',
      'Arbeitsmarktzugang: frei',
      'Alter 18 bis 64 Jahre',
      'Schul-/Hochschulbildung mindestens ISCED 2',
      'Berufliche oder akademische Qualifikation',
      'Führerschein Klasse B',
    ]);
    expect(await auditCount()).toBe(before + 1);
    // A second write on the old version is stale; on the new one it replaces the list.
    expect((await put(lead, url('sozialamt'), { criteria: [] }, '"0"')).statusCode).toBe(412);
    const cleared = await put(lead, url('sozialamt'), { criteria: [{ kind: 'german_min', level: 'A2' }] }, '"1"');
    expect(cleared.json<Criteria>()).toMatchObject({ version: 2, criteria: [{ criterion: { kind: 'german_min', level: 'A2' } }] });
  });

  it('refuses invalid criteria (400, nothing written) and other agencies’ lists (403), unknown agencies (404)', async () => {
    const bad = await put(lead, url('sozialamt'), { criteria: [{ kind: 'german_min', level: 'D9' }] }, '"2"');
    expect(bad.statusCode).toBe(400);
    const range = await put(lead, url('sozialamt'), { criteria: [{ kind: 'age_range', min: null, max: null }] }, '"2"');
    expect(range.statusCode).toBe(400);
    const still = await t.request('GET', url('sozialamt'), { session: soz });
    expect(still.json<Criteria>().version).toBe(2);
    expect((await put(lead, url('aa'), { criteria: [] }, '"0"')).statusCode).toBe(403);
    expect((await put(soz, url('sozialamt'), { criteria: [] }, '"2"')).statusCode).toBe(403);
    expect(
      (await put(lead, '/api/v1/agencies/00000000-0000-4000-8000-000000000000/referral-criteria', { criteria: [] }, '"0"'))
        .statusCode,
    ).toBe(404);
  });
});
