import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people } from '../../src/server/db/schema';
import type { AccessReport, PrivacyPerson } from '../../src/shared/contracts/privacy-reports';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';
import { caseRecordsFixture, type CaseRecordsFixture } from './case-records.fixtures';

describe(`"who saw my data" report, Art. 15 GDPR (${engine})`, () => {
  let t: TestApp;
  let f: CaseRecordsFixture;
  let dsb: Session;
  let caseId: string;
  let personId: string;
  let familyName: string;
  const agencyName: Record<string, string> = {};

  const report = async (session: Session, id: string, query = '') =>
    t.request('GET', `/api/v1/privacy/people/${id}/access-report${query ? `?${query}` : ''}`, { session });

  beforeAll(async () => {
    t = await createTestApp();
    f = await caseRecordsFixture(t, 'Auskunftprobe');
    dsb = await t.login('dsb');
    const list = await t.request('GET', '/api/v1/agencies', { session: dsb });
    for (const a of list.json<{ items: { code: string; name: string }[] }>().items) agencyName[a.code] = a.name;

    // A Sozialamt case with the Jobcenter on the team: both agencies look at the person.
    caseId = await f.createCase('Auskunft', { withJobcenter: true });
    const c = await f.get(f.soz, `/api/v1/cases/${caseId}`);
    personId = c.json<{ person: { id: string } }>().person.id;
    const [row] = await t.database.db.select().from(people).where(eq(people.id, personId));
    familyName = row!.familyName;
    f.tick();
    expect((await f.get(f.soz, `/api/v1/people/${personId}`)).statusCode).toBe(200);
    f.tick();
    expect((await f.get(f.jc, `/api/v1/people/${personId}`)).statusCode).toBe(200);
    f.tick();
    expect((await f.get(f.jc, `/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    // Someone else's person: must not appear in this report.
    await f.createCase('Andere Person');
    f.tick();
  });
  afterAll(async () => t.close());

  it('finds the person over all people with minimal fields, and audits the search as a count', async () => {
    const res = await t.request('GET', `/api/v1/privacy/people?q=${encodeURIComponent(`Testperson ${familyName}`)}`, {
      session: dsb,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: PrivacyPerson[]; page: { total: number } }>();
    expect(body.items).toEqual([
      {
        id: personId,
        givenNames: 'Testperson',
        familyName,
        dateOfBirth: '1990-05-17',
        registeredBy: { id: f.agency.sozialamt, name: agencyName.sozialamt },
      },
    ]);
    const byDate = await t.request(
      'GET',
      `/api/v1/privacy/people?q=${encodeURIComponent('17.05.1990 Auskunftprobe')}`,
      {
        session: dsb,
      },
    );
    expect(byDate.json<{ items: PrivacyPerson[] }>().items.map((p) => p.id)).toContain(personId);
    const noMatch = await t.request('GET', `/api/v1/privacy/people?q=${encodeURIComponent(`${familyName} 1991`)}`, {
      session: dsb,
    });
    expect(noMatch.json<{ items: PrivacyPerson[] }>().items).toEqual([]);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, 'privacy.people_searched'))
      .limit(1);
    expect(audit!.details).toEqual({ resultCount: 1 });
  });

  it('lists the views by two agencies with who, what and on which ground, and counts per agency', async () => {
    const res = await report(dsb, personId);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<AccessReport>();
    expect(body.person).toEqual({
      id: personId,
      givenNames: 'Testperson',
      familyName,
      dateOfBirth: '1990-05-17',
      mergedIds: [],
    });
    const views = body.entries.filter((e) => e.type === 'person.viewed');
    const bySoz = views.find((e) => e.actor?.agencyId === f.agency.sozialamt);
    const byJc = views.find((e) => e.actor?.agencyId === f.agency.jobcenter);
    expect(bySoz).toMatchObject({
      label: { de: 'Personendaten angesehen' },
      outcome: 'success',
      actor: { userId: f.user.sozialamt, agencyName: agencyName.sozialamt },
      grounds: expect.arrayContaining(['registered']) as string[],
    });
    expect(byJc).toMatchObject({
      actor: { userId: f.user.jobcenter, agencyName: agencyName.jobcenter },
      grounds: expect.arrayContaining(['case_team']) as string[],
    });
    expect(byJc!.actor!.displayName.length).toBeGreaterThan(0);
    // Events about the case count too (subject = the case).
    expect(
      body.entries.some(
        (e) => e.type === 'case.viewed' && e.subjectId === caseId && e.actor?.agencyId === f.agency.jobcenter,
      ),
    ).toBe(true);
    expect(body.entries.some((e) => e.type === 'case.created' && e.subjectId === caseId)).toBe(true);
    // Nothing about the other person.
    const otherIds = new Set([personId, caseId]);
    expect(
      body.entries.every((e) => e.subjectId === null || otherIds.has(e.subjectId) || e.subjectType === 'household'),
    ).toBe(true);
    const agencies = body.byAgency.map((a) => a.agencyId);
    expect(agencies).toEqual(expect.arrayContaining([f.agency.sozialamt, f.agency.jobcenter]));
    const total = body.byAgency.reduce((n, a) => n + a.count, 0);
    expect(total).toBe(body.entries.length);
  });

  it('is audited about the person, so the next report shows that the report was produced', async () => {
    const first = (await report(dsb, personId)).json<AccessReport>();
    expect(first.entries.filter((e) => e.type === 'privacy.access_report').length).toBeGreaterThanOrEqual(1);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'privacy.access_report'), eq(auditEvents.subjectId, personId)));
    expect(rows.at(-1)!.details).toEqual({ format: 'json', entries: first.entries.length });
    f.tick();
    const second = (await report(dsb, personId)).json<AccessReport>();
    expect(second.entries.length).toBe(first.entries.length + 1);
    expect(second.entries.at(-1)).toMatchObject({
      type: 'privacy.access_report',
      label: { de: 'Auskunft nach Art. 15 DSGVO erstellt' },
    });
  });

  it('limits the entries to the period asked for', async () => {
    const tomorrow = new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const later = (await report(dsb, personId, `from=${tomorrow}`)).json<AccessReport>();
    expect(later.entries).toEqual([]);
    expect(later.period).toEqual({ from: tomorrow, to: null });
    const bad = await report(dsb, personId, `from=${tomorrow}&to=2020-01-01`);
    expect(bad.statusCode).toBe(400);
  });

  it('is for the data protection officer only, and 404 for unknown people', async () => {
    for (const session of [f.soz, f.jc, await t.login('teamleitung'), await t.login('admin'), f.steuerung]) {
      expect((await report(session, personId)).statusCode).toBe(403);
      expect((await t.request('GET', `/api/v1/privacy/people?q=Testperson`, { session })).statusCode).toBe(403);
      expect(
        (await t.request('GET', `/api/v1/privacy/people/${personId}/access-report/pdf`, { session })).statusCode,
      ).toBe(403);
    }
    expect((await report(dsb, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(
      (
        await t.request('GET', '/api/v1/privacy/people/00000000-0000-4000-8000-000000000000/access-report/pdf', {
          session: dsb,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('includes records merged into the person', async () => {
    // A duplicate registered by the Sozialamt, merged into the person (set directly: the merge
    // module is tested elsewhere; here only the report's reach matters).
    const dup = await f.post(f.soz, '/api/v1/people', {
      givenNames: 'Testperson',
      familyName: `${familyName}x`,
      dateOfBirth: '1990-05-17',
      duplicatesReviewed: true,
    });
    expect(dup.statusCode, dup.body).toBe(201);
    const dupId = dup.json<{ id: string }>().id;
    f.tick();
    expect((await f.get(f.soz, `/api/v1/people/${dupId}`)).statusCode).toBe(200);
    await t.database.db.update(people).set({ mergedIntoId: personId }).where(eq(people.id, dupId));
    const body = (await report(dsb, personId)).json<AccessReport>();
    expect(body.person.mergedIds).toEqual([dupId]);
    expect(body.entries.some((e) => e.subjectId === dupId && e.type === 'person.viewed')).toBe(true);
    // The merged record is found through its survivor only.
    const search = await t.request('GET', `/api/v1/privacy/people?q=${encodeURIComponent(`${familyName}x`)}`, {
      session: dsb,
    });
    expect(search.json<{ items: PrivacyPerson[] }>().items).toEqual([]);
  });

  it('prints the same report as a German PDF', async () => {
    f.tick();
    const res = await t.request('GET', `/api/v1/privacy/people/${personId}/access-report/pdf`, { session: dsb });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="Auskunft-Art15-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text } = await extractText(doc, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Auskunft nach Art. 15 DSGVO');
    expect(flat).toContain(`Testperson ${familyName}`);
    expect(flat).toContain('gesamter gespeicherter Zeitraum');
    expect(flat).toContain('Personendaten angesehen');
    expect(flat).toContain('Fallteam');
    expect(flat).toContain('Jobcenter');
    const [last] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'privacy.access_report'), eq(auditEvents.subjectId, personId)))
      .orderBy(auditEvents.seq)
      .then((rows) => rows.slice(-1));
    expect(last!.details).toMatchObject({ format: 'pdf' });
  });
});
