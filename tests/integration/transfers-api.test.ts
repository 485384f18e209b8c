import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { oneYearFrom } from '../../src/server/modules/data-protection/transfers.service';
import { auditEvents } from '../../src/server/db/schema';
import { engine, createTestApp, type Session, type TestApp } from '../support/test-app';

type Transfer = {
  id: string;
  person: { id: string | null; givenNames: string | null; familyName: string | null };
  direction: 'sent' | 'received' | 'other';
  fromAgency: { id: string; name: string };
  toAgency: { id: string; name: string };
  categories: string[];
  legalBasis: string;
  purpose: string | null;
  validUntil: string;
  inForce: boolean;
};
type Log = { items: Transfer[]; page: { total: number }; scope: string };
type Problem = { code: string; errors?: { path: string; message: string }[] };

const DAY = 86_400_000;
const PURPOSE = 'Prüfung der Aufenthaltserlaubnis für die Leistungsgewährung';

/** The transfer log (issue 5): recording a transfer on a legal basis, its effect on access, the logs. */
describe(`transfers (${engine})`, () => {
  let t: TestApp;
  let soz: Session; // caseworker, Sozialamt: registers and transfers
  let abh: Session; // caseworker, Ausländerbehörde: receives
  let jc: Session; // caseworker, Jobcenter: not involved
  let ja: Session; // caseworker, Jugendamt
  let dsb: Session;
  let agency: Map<string, string>;
  let person: string;
  let child: string;

  const ok = <T>(res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const today = () => todayIn(t.clock.now());
  const plusDays = (n: number) => todayIn(new Date(t.clock.now().getTime() + n * DAY));
  const body = (over: Record<string, unknown> = {}) => ({
    toAgencyId: agency.get('abh'),
    categories: ['residence_status'],
    legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X; § 87 Abs. 1 AufenthG',
    purpose: PURPOSE,
    validUntil: plusDays(90),
    ...over,
  });
  const transfer = (session: Session, personId: string, over: Record<string, unknown> = {}) =>
    t.request('POST', `/api/v1/people/${personId}/transfers`, { session, body: body(over) });
  const register = async (session: Session, givenNames: string, familyName: string) =>
    ok<{ id: string }>(
      await t.request('POST', '/api/v1/people', {
        session,
        body: { givenNames, familyName, dateOfBirth: '1988-02-03', duplicatesReviewed: true },
      }),
      201,
    ).id;
  const problem = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<Problem>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [soz, abh, jc, ja, dsb] = await Promise.all([
      t.login('sozialamt'),
      t.login('abh'),
      t.login('jobcenter'),
      t.login('jugendamt'),
      t.login('dsb'),
    ]);
    const list = ok<{ items: { id: string; code: string }[] }>(
      await t.request('GET', '/api/v1/agencies', { session: soz }),
    );
    agency = new Map(list.items.map((a) => [a.code, a.id]));
    person = await register(soz, 'Amina', 'Yusuf');
    child = await register(ja, 'Samir', 'Haidari');
  });
  afterAll(async () => t.close());

  it('refuses invalid transfers with German messages at the fields, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ toAgencyId: agency.get('sozialamt') }, 'toAgencyId'],
      [{ toAgencyId: '00000000-0000-4000-8000-000000000009' }, 'toAgencyId'],
      [{ categories: ['youth_welfare'], legalBasis: '§ 65 Abs. 1 Nr. 1 SGB VIII' }, 'categories'],
      [{ validUntil: plusDays(-1) }, 'validUntil'],
      [{ validUntil: plusDays(400) }, 'validUntil'],
      [{ validUntil: '2026-02-30' }, 'validUntil'],
      [{ caseId: '00000000-0000-4000-8000-000000000009' }, 'caseId'],
    ];
    for (const [over, path] of cases) {
      const p = problem(await transfer(soz, person, over), 400);
      expect(
        p.errors?.map((e) => e.path),
        JSON.stringify(over),
      ).toEqual([path]);
    }
    const cat = problem(await transfer(soz, person, { categories: ['youth_welfare'] }), 400);
    expect(cat.errors![0]!.message).toContain('Jugendhilfe (§ 65 SGB VIII)');
    for (const over of [{ categories: [] }, { legalBasis: '§ 1' }, { purpose: 'kurz' }, { validUntil: '1.1.2027' }]) {
      expect((await transfer(soz, person, over)).statusCode, JSON.stringify(over)).toBe(400);
    }
    const log = ok<Log>(await t.request('GET', '/api/v1/transfers', { session: soz }));
    expect(log.page.total).toBe(0);
  });

  it('accepts a transfer valid for exactly one year', () => {
    expect(oneYearFrom('2028-02-29')).toBe('2029-02-28');
    expect(oneYearFrom('2026-11-24')).toBe('2027-11-24');
  });

  let sent: Transfer;
  it('records a transfer with identity added, audited with the norm, and lets the recipient see those categories', async () => {
    expect((await t.request('GET', `/api/v1/people/${person}`, { session: abh })).statusCode).toBe(404);
    sent = ok<Transfer>(await transfer(soz, person, { validUntil: oneYearFrom(today()) }), 201);
    expect(sent).toMatchObject({
      direction: 'sent',
      categories: ['identity', 'residence_status'],
      person: { id: person, givenNames: 'Amina', familyName: 'Yusuf' },
      purpose: PURPOSE,
      inForce: true,
    });
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'transfer.recorded'));
    expect(row).toMatchObject({
      subjectId: person,
      details: {
        transferId: sent.id,
        toAgencyId: agency.get('abh'),
        categories: ['identity', 'residence_status'],
        legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X; § 87 Abs. 1 AufenthG',
      },
    });
    expect(JSON.stringify(row!.details)).not.toContain('Aufenthaltserlaubnis');

    const seen = ok<{ access: { grounds: string[]; categories: string[] } }>(
      await t.request('GET', `/api/v1/people/${person}`, { session: abh }),
    );
    expect(seen.access).toMatchObject({ grounds: ['transfer'], categories: ['identity', 'residence_status'] });
  });

  it('lets only a controller transfer: the recipient of a transfer may not pass it on (403), others see 404', async () => {
    const p = problem(await transfer(abh, person, { toAgencyId: agency.get('jobcenter') }), 403);
    expect(p.errors![0]!.message).toContain('erfasst hat oder in ihrem Fallteam');
    expect((await transfer(jc, person, { toAgencyId: agency.get('abh') })).statusCode).toBe(404);
  });

  it('requires § 65 SGB VIII for youth welfare data', async () => {
    const refused = problem(
      await transfer(ja, child, {
        toAgencyId: agency.get('sozialamt'),
        categories: ['youth_welfare'],
        legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X',
      }),
      400,
    );
    expect(refused.errors?.map((e) => e.path)).toEqual(['legalBasis']);
    expect(refused.errors![0]!.message).toContain('§ 65 SGB VIII');
    const sgbVIIII = await transfer(ja, child, {
      toAgencyId: agency.get('sozialamt'),
      categories: ['youth_welfare'],
      legalBasis: '§ 65 Abs. 1 SGB VIIII',
    });
    expect(sgbVIIII.statusCode).toBe(400);
    const accepted = ok<Transfer>(
      await transfer(ja, child, {
        toAgencyId: agency.get('sozialamt'),
        categories: ['youth_welfare', 'family'],
        legalBasis: '§ 65 Abs. 1 Satz 1 Nr. 1 SGB VIII',
      }),
      201,
    );
    expect(accepted.categories).toEqual(['identity', 'youth_welfare', 'family']);
  });

  it('accepts a case of the person the sender sees, and refuses a case of another person', async () => {
    const own = ok<{ id: string }>(
      await t.request('POST', '/api/v1/cases', { session: soz, body: { personId: person, title: 'Leistungen' } }),
      201,
    ).id;
    const otherPerson = await register(soz, 'Rami', 'Khalil');
    const otherCase = ok<{ id: string }>(
      await t.request('POST', '/api/v1/cases', { session: soz, body: { personId: otherPerson, title: 'Beratung' } }),
      201,
    ).id;
    expect(problem(await transfer(soz, person, { caseId: otherCase }), 400).errors![0]!.path).toBe('caseId');
    const withCase = ok<{ caseId: string }>(
      await transfer(soz, person, { caseId: own, toAgencyId: agency.get('wohnungsamt'), categories: ['housing'] }),
      201,
    );
    expect(withCase.caseId).toBe(own);
  });

  it('lists the transfers of a person from or to the caller\u2019s agency, audited; 404 for one who cannot see the person', async () => {
    const forSoz = ok<{ items: Transfer[] }>(
      await t.request('GET', `/api/v1/people/${person}/transfers`, { session: soz }),
    );
    expect(forSoz.items).toHaveLength(2);
    expect(forSoz.items.every((i) => i.direction === 'sent')).toBe(true);
    const forAbh = ok<{ items: Transfer[] }>(
      await t.request('GET', `/api/v1/people/${person}/transfers`, { session: abh }),
    );
    expect(forAbh.items.map((i) => [i.id, i.direction])).toEqual([[sent.id, 'received']]);
    expect((await t.request('GET', `/api/v1/people/${person}/transfers`, { session: jc })).statusCode).toBe(404);
    const forDsb = ok<{ items: Transfer[] }>(
      await t.request('GET', `/api/v1/people/${person}/transfers`, { session: dsb }),
    );
    expect(forDsb.items).toHaveLength(2);
    expect(forDsb.items.every((i) => i.person.id === person && i.person.familyName === null)).toBe(true);
    const audited = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'transfer.listed'));
    expect(audited.filter((r) => r.subjectId === person).map((r) => r.details)).toEqual([
      { resultCount: 2, scope: 'person' },
      { resultCount: 1, scope: 'person' },
      { resultCount: 2, scope: 'person' },
    ]);
  });

  it('keeps the agency log with direction and date filters, and the DSB\u2019s municipality log without names', async () => {
    const all = ok<Log>(await t.request('GET', '/api/v1/transfers', { session: soz }));
    expect(all.scope).toBe('agency');
    expect(all.page.total).toBe(3);
    const received = ok<Log>(await t.request('GET', '/api/v1/transfers?direction=received', { session: soz }));
    expect(received.items.map((i) => [i.direction, i.person.familyName, i.categories])).toEqual([
      ['received', 'Haidari', ['identity', 'youth_welfare', 'family']],
    ]);
    const sentOnly = ok<Log>(
      await t.request('GET', '/api/v1/transfers?direction=sent&pageSize=1&page=2', { session: soz }),
    );
    expect(sentOnly.page.total).toBe(2);
    expect(sentOnly.items).toHaveLength(1);
    expect(
      ok<Log>(await t.request('GET', `/api/v1/transfers?from=${today()}&to=${today()}`, { session: soz })).page.total,
    ).toBe(3);
    expect(ok<Log>(await t.request('GET', `/api/v1/transfers?from=${plusDays(1)}`, { session: soz })).page.total).toBe(
      0,
    );
    expect(ok<Log>(await t.request('GET', `/api/v1/transfers?to=${plusDays(-1)}`, { session: soz })).page.total).toBe(
      0,
    );
    expect(
      (await t.request('GET', `/api/v1/transfers?from=${today()}&to=${plusDays(-1)}`, { session: soz })).statusCode,
    ).toBe(400);

    const officer = ok<Log>(await t.request('GET', '/api/v1/transfers', { session: dsb }));
    expect(officer.scope).toBe('municipality');
    expect(officer.page.total).toBe(3);
    expect(
      officer.items.every((i) => i.person.id !== null && i.person.givenNames === null && i.direction === 'other'),
    ).toBe(true);
    expect(JSON.stringify(officer)).not.toMatch(/Yusuf|Haidari|Amina/);
    expect((await t.request('GET', '/api/v1/transfers', { session: await t.login('steuerung') })).statusCode).toBe(403);
  });

  it('hides the person once the recipient may no longer see it ("Person nicht sichtbar")', async () => {
    const short = ok<Transfer>(
      await transfer(soz, person, {
        toAgencyId: agency.get('gesundheitsamt'),
        categories: ['health'],
        validUntil: today(),
      }),
      201,
    );
    const ga = await t.login('gesundheitsamt');
    const now = ok<Log>(await t.request('GET', '/api/v1/transfers', { session: ga }));
    expect(now.items[0]).toMatchObject({ id: short.id, person: { id: person, familyName: 'Yusuf' }, inForce: true });
    t.clock.advance(DAY + 60_000);
    const later = await t.login('gesundheitsamt');
    expect((await t.request('GET', `/api/v1/people/${person}`, { session: later })).statusCode).toBe(404);
    const after = ok<Log>(await t.request('GET', '/api/v1/transfers', { session: later }));
    expect(after.items[0]).toMatchObject({
      id: short.id,
      person: { id: null, givenNames: null, familyName: null },
      purpose: null,
      inForce: false,
      legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X; § 87 Abs. 1 AufenthG',
    });
  });
});
