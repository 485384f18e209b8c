import { count, desc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people, residenceDocuments } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Doc = {
  id: string;
  personId: string;
  version: number;
  documentType: string;
  legalBasis: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  wohnsitzauflage: boolean;
  wohnsitzauflageMunicipality: string | null;
  raeumlicheBeschraenkung: boolean;
  raeumlicheBeschraenkungArea: string | null;
  status: string;
  daysUntilExpiry: number | null;
};
type Expiring = {
  items: { person: { id: string; familyName: string }; document: Doc }[];
  page: { page: number; pageSize: number; total: number };
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

const DAY = 24 * 3600_000;
// Far from any date the demo seed could produce, so that the agency's worklist holds only what
// this file creates. Noon UTC is the same day in Berlin.
const START = new Date('2040-03-01T11:00:00Z');

describe('residence documents', () => {
  let t: TestApp;
  let caseworker: Session;
  let otherAgency: Session;
  let personA: string;
  let personB: string;

  const login = async () => {
    caseworker = await t.login('sozialamt');
    otherAgency = await t.login('jobcenter');
  };
  const createPerson = async (session: Session, givenNames: string, familyName: string, dateOfBirth: string) => {
    const res = await t.request('POST', '/api/v1/people', {
      session,
      body: { givenNames, familyName, dateOfBirth, duplicatesReviewed: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const docsUrl = (personId: string) => `/api/v1/people/${personId}/residence-documents`;
  const post = (personId: string, body: Record<string, unknown>, session = caseworker) =>
    t.request('POST', docsUrl(personId), { session, body });
  const createDoc = async (personId: string, body: Record<string, unknown>) => {
    const res = await post(personId, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Doc>();
  };
  const list = async (personId: string) => {
    const res = await t.request('GET', docsUrl(personId), { session: caseworker });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Doc[] }>().items;
  };
  const expiring = async (query: string, session = caseworker) => {
    const res = await t.request('GET', `/api/v1/residence-documents/expiring?${query}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Expiring>();
  };
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
  const docCount = async () => Number((await t.database.db.select({ n: count() }).from(residenceDocuments))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    await login();
    personA = await createPerson(caseworker, 'Samira', 'Haddad', '1991-04-02');
    personB = await createPerson(caseworker, 'Oleksandr', 'Kovalenko', '1978-11-20');
  });
  afterAll(async () => t.close());

  describe('create and timeline', () => {
    it('records a document with its legal basis in canonical spelling, status and ETag; audited without content', async () => {
      const before = await auditCount('residence_document.created');
      const res = await post(personA, {
        documentType: 'aufenthaltsgestattung',
        legalBasis: '§ 55 Abs. 1 AsylG',
        issuedOn: '2039-01-10',
        validFrom: '2039-01-10',
        validUntil: '2039-07-09',
        wohnsitzauflage: true,
        wohnsitzauflageMunicipality: 'Mülheim an der Ruhr',
        raeumlicheBeschraenkung: true,
        raeumlicheBeschraenkungArea: 'Land Nordrhein-Westfalen',
        employment: 'with_permission',
        issuingAuthority: 'Ausländerbehörde Mülheim an der Ruhr',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const doc = res.json<Doc>();
      expect(doc).toMatchObject({
        personId: personA,
        version: 1,
        documentType: 'aufenthaltsgestattung',
        legalBasis: 'AsylG § 55 Abs. 1',
        validUntil: '2039-07-09',
        status: 'expired',
        daysUntilExpiry: -236,
      });
      expect(await auditCount('residence_document.created')).toBe(before + 1);
      const row = await lastAudit('residence_document.created');
      expect(row).toMatchObject({ subjectType: 'person', subjectId: personA, details: { documentId: doc.id } });
      expect(JSON.stringify(row.details)).not.toMatch(/2039|gestattung|Mülheim|AsylG/);
    });

    it('lists the timeline newest validity first: a later document supersedes, the current one warns', async () => {
      const ae = await createDoc(personA, {
        documentType: 'aufenthaltserlaubnis',
        legalBasis: 'AufenthG 25 Abs. 2',
        issuedOn: '2039-06-20',
        validFrom: '2039-06-20',
        validUntil: '2040-05-19',
        employment: 'allowed',
      });
      expect(ae).toMatchObject({ legalBasis: 'AufenthG § 25 Abs. 2', status: 'expiring', daysUntilExpiry: 79 });
      const before = await auditCount('residence_document.listed');
      const items = await list(personA);
      expect(items.map((d) => [d.documentType, d.status])).toEqual([
        ['aufenthaltserlaubnis', 'expiring'],
        ['aufenthaltsgestattung', 'superseded'],
      ]);
      expect(await auditCount('residence_document.listed')).toBe(before + 1);
      expect((await lastAudit('residence_document.listed')).details).toEqual({ count: 2 });
    });

    it('the warning window moves with the clock', async () => {
      const doc = await createDoc(personB, {
        documentType: 'niederlassungserlaubnis',
        validFrom: '2035-01-01',
        validUntil: '2040-06-15',
      });
      expect(doc).toMatchObject({ status: 'valid', daysUntilExpiry: 106 });
      t.clock.advance(20 * DAY);
      await login();
      expect((await list(personB))[0]).toMatchObject({ status: 'expiring', daysUntilExpiry: 86 });
      t.clock.advance(107 * DAY);
      await login();
      expect((await list(personB))[0]).toMatchObject({ status: 'expired', daysUntilExpiry: -21 });
      t.clock.set(START);
      await login();
      expect((await list(personB))[0]).toMatchObject({ status: 'valid', daysUntilExpiry: 106 });
    });

    it('shows a document that starts later as not yet valid, and it supersedes the current one', async () => {
      const person = await createPerson(caseworker, 'Tesfay', 'Gebremedhin', '1995-09-09');
      const current = await createDoc(person, {
        documentType: 'duldung',
        legalBasis: '§ 60a Abs. 2 Satz 1 AufenthG',
        validFrom: '2039-12-01',
        validUntil: '2040-03-31',
      });
      expect(current).toMatchObject({
        legalBasis: 'AufenthG § 60a Abs. 2 Satz 1',
        status: 'expiring',
        daysUntilExpiry: 30,
      });
      await createDoc(person, {
        documentType: 'ausbildungsduldung',
        legalBasis: 'AufenthG § 60c',
        issuedOn: '2040-02-20',
        validFrom: '2040-04-01',
        validUntil: '2043-03-31',
      });
      expect((await list(person)).map((d) => d.status)).toEqual(['not_yet_valid', 'superseded']);
    });
  });

  describe('validation', () => {
    const valid = {
      documentType: 'aufenthaltserlaubnis',
      legalBasis: 'AufenthG § 25 Abs. 2',
      issuedOn: '2039-01-10',
      validFrom: '2039-01-10',
      validUntil: '2042-01-09',
    };
    it.each([
      [{ validFrom: '2039-02-30' }, 'validFrom', 'Kein gültiges Kalenderdatum.'],
      [{ validUntil: '2039-01-09' }, 'validUntil', 'Das Ende der Gültigkeit liegt vor ihrem Beginn.'],
      [{ issuedOn: '2039-01-11' }, 'issuedOn', 'Das Ausstellungsdatum liegt nach dem Beginn der Gültigkeit.'],
      [{ issuedOn: '2040-03-02', validFrom: null }, 'issuedOn', 'Das Ausstellungsdatum liegt in der Zukunft.'],
      [
        { wohnsitzauflage: true },
        'wohnsitzauflageMunicipality',
        'Bitte die Gemeinde angeben, auf die die Wohnsitzauflage lautet.',
      ],
      [
        { wohnsitzauflageMunicipality: 'Essen' },
        'wohnsitzauflageMunicipality',
        'Eine Gemeinde wird nur bei einer Wohnsitzauflage angegeben.',
      ],
      [
        { raeumlicheBeschraenkung: true, raeumlicheBeschraenkungArea: '  ' },
        'raeumlicheBeschraenkungArea',
        'Bitte den Bereich angeben, auf den der Aufenthalt räumlich beschränkt ist.',
      ],
      [
        { raeumlicheBeschraenkungArea: 'Land NRW' },
        'raeumlicheBeschraenkungArea',
        'Ein Bereich wird nur bei einer räumlichen Beschränkung angegeben.',
      ],
      [
        { legalBasis: null },
        'legalBasis',
        'Für eine Aufenthaltserlaubnis bitte die Rechtsgrundlage angeben (z. B. „AufenthG § 25 Abs. 2“).',
      ],
      [{ validUntil: null }, 'validUntil', 'Für eine Aufenthaltserlaubnis bitte angeben, bis wann das Dokument gilt.'],
      [
        { documentType: 'aufenthaltsgestattung', validUntil: null },
        'validUntil',
        'Für eine Aufenthaltsgestattung bitte angeben, bis wann das Dokument gilt.',
      ],
      [
        { documentType: 'beschaeftigungsduldung', validUntil: null },
        'validUntil',
        'Für eine Beschäftigungsduldung bitte angeben, bis wann das Dokument gilt.',
      ],
    ])('%j → 400 at %s, nothing written', async (patch, path, message) => {
      const [docs, audits] = [await docCount(), await auditCount('residence_document.created')];
      const res = await post(personB, { ...valid, ...patch });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().errors).toEqual([{ path, message }]);
      expect(await docCount()).toBe(docs);
      expect(await auditCount('residence_document.created')).toBe(audits);
    });

    it('answers in English when asked, and reports every problem at once', async () => {
      const res = await t.request('POST', docsUrl(personB), {
        session: caseworker,
        body: { documentType: 'fiktionsbescheinigung', validFrom: '2040-01-01', wohnsitzauflage: true },
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.map((e) => e.path)).toEqual(['wohnsitzauflageMunicipality', 'validUntil']);
      expect(res.json<Problem>().errors?.[0]?.message).toMatch(/municipality/);
    });

    it('allows an unlimited title without validUntil and refuses an unknown type by schema', async () => {
      for (const documentType of ['niederlassungserlaubnis', 'daueraufenthalt_eu', 'eu_freizuegigkeit']) {
        const res = await post(personB, { documentType, validFrom: '2030-01-01' });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json<Doc>().daysUntilExpiry).toBeNull();
        await t.request('DELETE', `${docsUrl(personB)}/${res.json<Doc>().id}`, { session: caseworker });
      }
      const bad = await post(personB, { documentType: 'visum' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.path).toBe('body.documentType');
    });
  });

  describe('robustness', () => {
    const date = fc.constantFrom(
      '2039-01-01',
      '2040-02-29',
      '2039-02-29',
      '0000-01-01',
      '0001-01-01',
      '9999-12-31',
      '2040-13-01',
      '',
      null,
      'x',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('§ 25 Abs. 2 AufenthG', 'a\u0000b', '\ud800', 'ä'.repeat(130), '   ', null),
    );
    const body = fc.record(
      {
        documentType: fc.constantFrom('duldung', 'aufenthaltserlaubnis', 'niederlassungserlaubnis', 'visum', null),
        legalBasis: text,
        documentNumber: text,
        issuedOn: date,
        validFrom: date,
        validUntil: date,
        employment: fc.constantFrom('allowed', 'unknown', 'x'),
        wohnsitzauflage: fc.oneof(fc.boolean(), fc.constant('true')),
        wohnsitzauflageMunicipality: text,
        raeumlicheBeschraenkung: fc.boolean(),
        raeumlicheBeschraenkungArea: text,
        notes: fc.oneof(text, fc.anything({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    );

    it('answers every body with 201 or a 4xx problem, never a 5xx', async () => {
      const target = await createDoc(personB, {
        documentType: 'duldung',
        validFrom: '2040-01-01',
        validUntil: '2040-12-31',
      });
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom('POST', 'PATCH'), async (b, method) => {
          const res =
            method === 'POST'
              ? await post(personB, b)
              : await t.request('PATCH', `${docsUrl(personB)}/${target.id}`, {
                  session: caseworker,
                  body: b,
                  headers: { 'if-match': '"1"' },
                });
          expect(res.statusCode, `${method} ${JSON.stringify(b)}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          if (res.statusCode === 201) {
            await t.request('DELETE', `${docsUrl(personB)}/${res.json<Doc>().id}`, { session: caseworker });
          }
        }),
        { numRuns: 40 },
      );
      // Leave personB's timeline as it was for the tests that follow.
      await t.request('DELETE', `${docsUrl(personB)}/${target.id}`, { session: caseworker });
      expect((await list(personB)).map((d) => d.documentType)).toEqual(['niederlassungserlaubnis']);
    });
  });

  describe('change and delete', () => {
    let doc: Doc;
    beforeAll(async () => {
      doc = await createDoc(personB, {
        documentType: 'duldung',
        validFrom: '2039-10-01',
        validUntil: '2040-01-31',
        wohnsitzauflage: true,
        wohnsitzauflageMunicipality: 'Mülheim an der Ruhr',
      });
    });
    const patch = (
      body: Record<string, unknown>,
      headers: Record<string, string> = {},
      id = doc.id,
      person = personB,
    ) => t.request('PATCH', `${docsUrl(person)}/${id}`, { session: caseworker, body, headers });

    it('needs If-Match (428) and refuses a stale version (412)', async () => {
      expect((await patch({ validUntil: '2040-04-30' })).statusCode).toBe(428);
      expect((await patch({ validUntil: '2040-04-30' }, { 'if-match': '"7"' })).statusCode).toBe(412);
      expect((await patch({ validUntil: '2040-04-30' }, { 'if-match': '*' })).statusCode).toBe(412);
    });

    it('changes with the current version, bumps it, clears a lifted condition, audits the field names', async () => {
      const before = await auditCount('residence_document.updated');
      const res = await patch(
        { validUntil: '2040-04-30', wohnsitzauflage: false, legalBasis: '§ 60a Abs. 2 AufenthG' },
        { 'if-match': '"1"' },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json<Doc>()).toMatchObject({
        version: 2,
        validUntil: '2040-04-30',
        legalBasis: 'AufenthG § 60a Abs. 2',
        wohnsitzauflage: false,
        wohnsitzauflageMunicipality: null,
        status: 'expiring',
        daysUntilExpiry: 60,
      });
      expect(await auditCount('residence_document.updated')).toBe(before + 1);
      expect((await lastAudit('residence_document.updated')).details).toEqual({
        documentId: doc.id,
        fields: ['legalBasis', 'validUntil', 'wohnsitzauflage', 'wohnsitzauflageMunicipality'],
        version: 2,
      });
      // The old version is stale now.
      expect((await patch({ notes: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    });

    it('validates the merged document and refuses a place named without its condition', async () => {
      const both = await patch({ wohnsitzauflageMunicipality: 'Essen' }, { 'if-match': '"2"' });
      expect(both.statusCode).toBe(400);
      expect(both.json<Problem>().errors).toEqual([
        { path: 'wohnsitzauflageMunicipality', message: 'Eine Gemeinde wird nur bei einer Wohnsitzauflage angegeben.' },
      ]);
      const early = await patch({ validFrom: '2040-05-01' }, { 'if-match': '"2"' });
      expect(early.json<Problem>().errors).toEqual([
        { path: 'validUntil', message: 'Das Ende der Gültigkeit liegt vor ihrem Beginn.' },
      ]);
      const empty = await patch({}, { 'if-match': '"2"' });
      expect(empty.statusCode).toBe(400);
      const row = await t.database.db.select().from(residenceDocuments).where(eq(residenceDocuments.id, doc.id));
      expect(row[0]!.version).toBe(2);
    });

    it('keeps documents of another person and other agencies out of reach (404)', async () => {
      expect((await patch({ notes: 'x' }, { 'if-match': '"2"' }, doc.id, personA)).statusCode).toBe(404);
      const other = { session: otherAgency };
      expect((await t.request('GET', docsUrl(personB), other)).statusCode).toBe(404);
      expect(
        (await t.request('POST', docsUrl(personB), { ...other, body: { documentType: 'niederlassungserlaubnis' } }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await t.request('PATCH', `${docsUrl(personB)}/${doc.id}`, {
            ...other,
            body: { notes: 'x' },
            headers: { 'if-match': '"2"' },
          })
        ).statusCode,
      ).toBe(404);
      expect((await t.request('DELETE', `${docsUrl(personB)}/${doc.id}`, other)).statusCode).toBe(404);
      expect(
        (await t.request('GET', docsUrl('00000000-0000-4000-8000-000000000000'), { session: caseworker })).statusCode,
      ).toBe(404);
    });

    it('deletes an erroneous entry (204, audited), honouring If-Match when sent', async () => {
      const url = `${docsUrl(personB)}/${doc.id}`;
      expect((await t.request('DELETE', url, { session: caseworker, headers: { 'if-match': '"1"' } })).statusCode).toBe(
        412,
      );
      const before = await auditCount('residence_document.deleted');
      const res = await t.request('DELETE', url, { session: caseworker });
      expect(res.statusCode).toBe(204);
      expect(await auditCount('residence_document.deleted')).toBe(before + 1);
      expect(await lastAudit('residence_document.deleted')).toMatchObject({
        subjectId: personB,
        details: { documentId: doc.id },
      });
      expect((await t.request('DELETE', url, { session: caseworker })).statusCode).toBe(404);
      expect((await list(personB)).map((d) => d.id)).not.toContain(doc.id);
    });
  });

  describe('expiring worklist', () => {
    const ids: string[] = [];
    let merged: string;
    beforeAll(async () => {
      // Four people whose documents run out 10, 20, 30 and 40 days from START; one of them expired
      // 5 days ago; and one expired document that a renewal superseded.
      for (const [i, days] of [10, 20, 30, 40].entries()) {
        const id = await createPerson(caseworker, `Worklist${'abcd'[i]}`, `Person${'abcd'[i]}`, `198${i}-01-01`);
        ids.push(id);
        const until = new Date(START.getTime() + days * DAY).toISOString().slice(0, 10);
        await createDoc(id, { documentType: 'duldung', validFrom: '2040-01-01', validUntil: until });
      }
      await createDoc(ids[0]!, {
        documentType: 'fiktionsbescheinigung',
        validFrom: '2039-06-01',
        validUntil: '2039-12-31',
      });
      const expiredPerson = await createPerson(caseworker, 'Abgelaufen', 'Personen', '1970-01-01');
      ids.push(expiredPerson);
      await createDoc(expiredPerson, { documentType: 'duldung', validFrom: '2039-09-01', validUntil: '2040-02-25' });
      // A record merged into another one is history: its documents do not warn.
      merged = await createPerson(caseworker, 'Zusammen', 'Gefuehrt', '1960-01-01');
      await createDoc(merged, { documentType: 'duldung', validFrom: '2040-01-01', validUntil: '2040-03-05' });
      await t.database.db.update(people).set({ mergedIntoId: ids[0]! }).where(eq(people.id, merged));
    });

    it('lists non-superseded documents of the agency, soonest first, with the person', async () => {
      const before = await auditCount('residence_document.expiring_viewed');
      const res = await expiring('withinDays=35');
      // personA's Aufenthaltserlaubnis runs out in 79 days and personB's title in 106: outside.
      expect(res.items.map((i) => [i.person.id, i.document.validUntil, i.document.status])).toEqual([
        [ids[4], '2040-02-25', 'expired'],
        [ids[0], '2040-03-11', 'expiring'],
        [ids[1], '2040-03-21', 'expiring'],
        [ids[2], '2040-03-31', 'expiring'],
      ]);
      expect(res.items[0]!.person.familyName).toBe('Personen');
      // The merged record's document (5 days left) exists but does not warn.
      expect(
        (await t.database.db.select().from(residenceDocuments).where(eq(residenceDocuments.personId, merged))).length,
      ).toBe(1);
      expect(res.page).toEqual({ page: 1, pageSize: 50, total: 4 });
      expect(await auditCount('residence_document.expiring_viewed')).toBe(before + 1);
      expect((await lastAudit('residence_document.expiring_viewed')).details).toEqual({
        withinDays: 35,
        resultCount: 4,
      });
    });

    it('leaves out expired documents when asked and widens with withinDays', async () => {
      const current = await expiring('withinDays=35&includeExpired=false');
      expect(current.items.map((i) => i.person.id)).toEqual([ids[0], ids[1], ids[2]]);
      const wide = await expiring('withinDays=90&includeExpired=false');
      expect(wide.items.map((i) => i.person.id)).toEqual([ids[0], ids[1], ids[2], ids[3], personA]);
    });

    it('pages in the database: stable order, the total across pages', async () => {
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(await expiring(`withinDays=90&pageSize=2&page=${page}`));
      expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2]);
      expect(pages.every((p) => p.page.total === 6)).toBe(true);
      expect(pages.flatMap((p) => p.items.map((i) => i.person.id))).toEqual([
        ids[4],
        ids[0],
        ids[1],
        ids[2],
        ids[3],
        personA,
      ]);
      expect((await expiring('withinDays=90&pageSize=2&page=4')).items).toEqual([]);
    });

    it('follows the clock', async () => {
      t.clock.advance(15 * DAY);
      await login();
      const later = await expiring('withinDays=10&includeExpired=false');
      expect(later.items.map((i) => [i.person.id, i.document.daysUntilExpiry])).toEqual([[ids[1], 5]]);
      t.clock.set(START);
      await login();
    });

    it('shows another agency nothing of these', async () => {
      const res = await expiring('withinDays=365', otherAgency);
      expect(res.items).toEqual([]);
      expect(res.page.total).toBe(0);
    });

    it('rejects a window out of range', async () => {
      const res = await t.request('GET', '/api/v1/residence-documents/expiring?withinDays=0', { session: caseworker });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.path).toBe('querystring.withinDays');
    });
  });
});
