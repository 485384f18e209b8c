import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type PersonView = {
  id: string;
  version: number;
  givenNames: string;
  familyName: string;
  dateOfBirth: { value: string; precision: string; placeholder: boolean } | null;
  nationalities: string[];
  identifiers: { kind: string; value: string }[];
  nameVariants: { kind: string; givenNames: string | null; familyName: string | null; script: string | null }[];
  registeredBy: { id: string; name: string };
};
type Summary = { id: string; givenNames: string; familyName: string };
type SearchResult = {
  items: { person: Summary; score: number }[];
  page: { page: number; pageSize: number; total: number };
};
type Candidate = {
  personId: string;
  score: number;
  reasons: string[];
  reasonCodes: string[];
  band: string;
  person: Summary;
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

describe('people', () => {
  let t: TestApp;
  let caseworker: Session;
  let colleague: Session;
  let otherAgency: Session;
  let admin: Session;
  let dsb: Session;
  let mohammed: PersonView;

  const auditRows = async (type?: string) =>
    Number(
      (
        await t.database.db
          .select({ n: count() })
          .from(auditEvents)
          .where(type ? eq(auditEvents.type, type) : undefined)
      )[0]!.n,
    );

  /** Runs `action` and asserts it left exactly one audit row, of `type`. */
  async function expectOneAudit<T>(type: string, action: () => Promise<T>): Promise<T> {
    const [all, typed] = [await auditRows(), await auditRows(type)];
    const result = await action();
    expect(await auditRows(), `audit rows after ${type}`).toBe(all + 1);
    expect(await auditRows(type), `${type} rows`).toBe(typed + 1);
    return result;
  }

  const create = (session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.request('POST', '/api/v1/people', { session, body, headers });
  const search = (session: Session, q: string) =>
    t.request('GET', `/api/v1/people?q=${encodeURIComponent(q)}`, { session });
  const duplicateCheck = (session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.request('POST', '/api/v1/people/duplicate-check', { session, body, headers });

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login('sozialamt');
    otherAgency = await t.login('jobcenter');
    admin = await t.login('admin');
    dsb = await t.login('dsb');
    // A second caseworker of the Sozialamt, created by the system administrator.
    const agencies = await t.request('GET', '/api/v1/agencies', { session: admin });
    const sozialamt = agencies
      .json<{ items: { id: string; code: string }[] }>()
      .items.find((a) => a.code === 'sozialamt')!;
    const user = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: {
        username: 'kollegin',
        displayName: 'Karla Kollegin',
        agencyId: sozialamt.id,
        roles: ['team_lead'],
        initialPassword: 'ein-langes-passwort-123',
      },
    });
    expect(user.statusCode, user.body).toBe(201);
    colleague = await t.login('kollegin', 'ein-langes-passwort-123');

    const res = await expectOneAudit('person.created', () =>
      create(caseworker, {
        givenNames: 'Mohammed',
        familyName: 'Al-Hussein',
        sex: 'male',
        dateOfBirth: '1990-03-15',
        placeOfBirth: 'Aleppo',
        nationalities: ['sy'],
        nameVariants: [{ kind: 'original_script', givenNames: 'محمد', familyName: 'الحسين', script: 'Arab' }],
        identifiers: [{ kind: 'azr', value: '123456789012' }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    mohammed = res.json<PersonView>();
  });
  afterAll(async () => t.close());

  describe('create and read', () => {
    it('answers 201 with the person, version 1 and an ETag', async () => {
      expect(mohammed).toMatchObject({
        version: 1,
        givenNames: 'Mohammed',
        familyName: 'Al-Hussein',
        dateOfBirth: { value: '1990-03-15', precision: 'day', placeholder: false },
        nationalities: ['SY'],
        identifiers: [{ kind: 'azr', value: '123456789012' }],
        nameVariants: [{ kind: 'original_script', familyName: 'الحسين', script: 'Arab' }],
      });
      expect(mohammed.registeredBy.name).toMatch(/^Sozialamt/);
      expect(JSON.stringify(mohammed)).not.toMatch(/blocking|createdBy|updatedBy/i);
    });

    it('reads a person with its ETag, one audit row per read', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await expectOneAudit('person.viewed', () =>
          t.request('GET', `/api/v1/people/${mohammed.id}`, { session: colleague }),
        );
        expect(res.statusCode).toBe(200);
        expect(res.headers.etag).toBe('"1"');
        expect(res.json<PersonView>()).toEqual(mohammed);
      }
    });

    it('keeps a placeholder date of birth as written, with its real precision', async () => {
      const res = await create(caseworker, {
        givenNames: 'Amina',
        familyName: 'Yusuf',
        dateOfBirth: '01.01.2001',
        duplicatesReviewed: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<PersonView>().dateOfBirth).toEqual({ value: '01.01.2001', precision: 'year', placeholder: true });
    });

    it('refuses a date of birth in the future (by the request clock, the day in Berlin), accepts today', async () => {
      const today = todayIn(t.clock.now());
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
      const before = await auditRows();
      for (const dateOfBirth of [
        tomorrow,
        String(y + 1),
        `${String(d + 1 > 28 ? 1 : d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y + 1}`,
      ]) {
        const res = await create(caseworker, {
          givenNames: 'Neu',
          familyName: 'Geboren',
          dateOfBirth,
          duplicatesReviewed: true,
        });
        expect(res.statusCode, dateOfBirth).toBe(400);
        expect(res.json<Problem>().errors).toEqual([
          { path: 'dateOfBirth', message: 'Das Geburtsdatum liegt in der Zukunft.' },
        ]);
      }
      expect(await auditRows()).toBe(before);
      const ok = await create(caseworker, {
        givenNames: 'Neu',
        familyName: 'Geboren',
        dateOfBirth: today,
        duplicatesReviewed: true,
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const person = ok.json<PersonView>();
      const thisYear = await create(caseworker, {
        givenNames: 'Neu',
        familyName: 'Geborene',
        dateOfBirth: String(y),
        duplicatesReviewed: true,
      });
      expect(thisYear.statusCode, thisYear.body).toBe(201);
      const patched = await t.request('PATCH', `/api/v1/people/${person.id}`, {
        session: caseworker,
        body: { dateOfBirth: tomorrow },
        headers: { 'if-match': '"1"', 'accept-language': 'en' },
      });
      expect(patched.statusCode).toBe(400);
      expect(patched.json<Problem>().errors).toEqual([
        { path: 'dateOfBirth', message: 'The date of birth is in the future.' },
      ]);
    });

    it('answers 404 for an unknown id', async () => {
      const res = await t.request('GET', '/api/v1/people/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b', {
        session: caseworker,
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('validation', () => {
    it('rejects a malformed identifier with a German message at the entry', async () => {
      const res = await create(caseworker, {
        givenNames: 'Leyla',
        familyName: 'Demir',
        identifiers: [{ kind: 'azr', value: '12345' }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'body.identifiers.0.value', message: 'Das Format ist ungültig.' }],
      });
    });

    it('rejects missing names in German, and in English on request', async () => {
      const de = await create(caseworker, { givenNames: '' });
      expect(de.statusCode).toBe(400);
      expect(de.json<Problem>().errors).toEqual(
        expect.arrayContaining([
          { path: 'body.givenNames', message: 'Pflichtangabe.' },
          { path: 'body.familyName', message: 'Pflichtangabe.' },
        ]),
      );
      const en = await create(caseworker, { givenNames: '' }, { 'accept-language': 'en' });
      expect(en.json<Problem>().errors).toContainEqual({ path: 'body.familyName', message: 'Required.' });
    });

    it('answers 409 for an identifier another person holds, 400 for one given twice', async () => {
      const before = await auditRows();
      const taken = await create(caseworker, {
        givenNames: 'Leyla',
        familyName: 'Demir',
        identifiers: [
          { kind: 'bamf', value: '1234567-438' },
          { kind: 'azr', value: '123456789012' },
        ],
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json<Problem>()).toMatchObject({
        code: 'CONFLICT',
        errors: [{ path: 'identifiers.1.value', message: 'Diese Kennung ist bereits für eine andere Person erfasst.' }],
      });
      const twice = await create(caseworker, {
        givenNames: 'Leyla',
        familyName: 'Demir',
        identifiers: [
          { kind: 'bamf', value: '1234567-438' },
          { kind: 'bamf', value: '1234567-438' },
        ],
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json<Problem>().errors).toEqual([
        { path: 'identifiers.1.value', message: 'Diese Kennung ist doppelt angegeben.' },
      ]);
      // Another agency's person holds it: still taken (identifiers are unique in the municipality).
      const elsewhere = await create(otherAgency, {
        givenNames: 'Leyla',
        familyName: 'Demir',
        identifiers: [{ kind: 'azr', value: '123456789012' }],
      });
      expect(elsewhere.statusCode).toBe(409);
      expect(await auditRows()).toBe(before);
    });
  });

  describe('duplicates', () => {
    it('refuses a likely duplicate until it is reviewed (409 DUPLICATE_SUSPECTED)', async () => {
      const body = {
        givenNames: 'Muhammad',
        familyName: 'Al Hussain',
        dateOfBirth: '15.03.1990',
        nationalities: ['SY'],
      };
      const refused = await expectOneAudit('person.duplicate_check', () => create(caseworker, body));
      expect(refused.statusCode).toBe(409);
      const problem = refused.json<Problem & { detail: string }>();
      expect(problem.code).toBe('DUPLICATE_SUSPECTED');
      expect(problem.detail).toMatch(/^Diese Person ist möglicherweise schon erfasst\./);
      const reviewed = await expectOneAudit('person.created', () =>
        create(caseworker, { ...body, duplicatesReviewed: true }),
      );
      expect(reviewed.statusCode).toBe(201);
      // The other agency sees nobody, so nothing stops its registration.
      const elsewhere = await create(otherAgency, body);
      expect(elsewhere.statusCode).toBe(201);
    });

    it('lists candidates for review when only the year of birth is known', async () => {
      const created = await create(caseworker, {
        givenNames: 'Olena',
        familyName: 'Kovalenko',
        dateOfBirth: '00.00.1985',
        nationalities: ['UA'],
      });
      expect(created.statusCode).toBe(201);
      const res = await duplicateCheck(caseworker, {
        givenNames: 'Olena',
        familyName: 'Kowalenko',
        dateOfBirth: '1985',
      });
      const candidates = res.json<{ candidates: Candidate[] }>().candidates;
      const found = candidates.find((c) => c.personId === created.json<PersonView>().id);
      expect(found, 'year-only registration must still be offered for review').toBeDefined();
      expect(found!.score).toBeGreaterThan(0.3);
      expect(found!.score).toBeLessThan(0.9);
      expect(found!.band).toBe('candidate');
    });

    it('finds the re-spelled person with score and German reasons', async () => {
      const res = await expectOneAudit('person.duplicate_check', () =>
        duplicateCheck(caseworker, { givenNames: 'Muhamad', familyName: 'Husain', dateOfBirth: '15.03.1990' }),
      );
      expect(res.statusCode, res.body).toBe(200);
      const { candidates } = res.json<{ candidates: Candidate[] }>();
      const hit = candidates.find((c) => c.personId === mohammed.id)!;
      expect(hit, JSON.stringify(candidates)).toBeDefined();
      expect(hit.score).toBeGreaterThanOrEqual(0.5);
      expect(hit.score).toBeLessThanOrEqual(1);
      expect(['likely_duplicate', 'candidate']).toContain(hit.band);
      expect(hit.reasonCodes).toContain('dob_exact');
      expect(hit.reasons).toContain('gleiches Geburtsdatum');
      expect(hit.reasons.length).toBe(hit.reasonCodes.length);
      expect(hit.person).toMatchObject({ id: mohammed.id, givenNames: 'Mohammed', familyName: 'Al-Hussein' });
      const scores = candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(candidates.every((c) => c.score >= 0.5)).toBe(true);
    });

    it('gives the reasons in English with Accept-Language: en', async () => {
      const res = await duplicateCheck(
        caseworker,
        { givenNames: 'Muhamad', familyName: 'Husain', dateOfBirth: '15.03.1990' },
        { 'accept-language': 'en-GB,en;q=0.9' },
      );
      const hit = res.json<{ candidates: Candidate[] }>().candidates.find((c) => c.personId === mohammed.id)!;
      expect(hit.reasons).toContain('same date of birth');
    });

    it('returns nothing for a clearly different person', async () => {
      const res = await duplicateCheck(caseworker, {
        givenNames: 'Olena',
        familyName: 'Kovalenko',
        dateOfBirth: '1975-11-02',
      });
      expect(res.json<{ candidates: Candidate[] }>().candidates).toEqual([]);
    });
  });

  describe('search', () => {
    it('finds a person by another spelling, in any order, best first', async () => {
      for (const q of ['Muhamad Husain', 'Husain Muhamad', 'hussein mohammed 1990', 'Al-Hussein 15.03.1990']) {
        const res = await expectOneAudit('person.searched', () => search(caseworker, q));
        expect(res.statusCode, res.body).toBe(200);
        const { items, page } = res.json<SearchResult>();
        expect(
          items.map((i) => i.person.id),
          q,
        ).toContain(mohammed.id);
        const scores = items.map((i) => i.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        expect(page.total).toBeGreaterThanOrEqual(items.length);
      }
    });

    it('records the result count, never the query text', async () => {
      await search(caseworker, 'Muhamad Husain');
      const [row] = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, 'person.searched'))
        .orderBy(auditEvents.seq)
        .limit(1)
        .offset((await auditRows('person.searched')) - 1);
      expect(Object.keys(row!.details)).toEqual(['resultCount']);
      expect(typeof row!.details.resultCount).toBe('number');
      expect(JSON.stringify(row)).not.toMatch(/muhamad|husain/i);
    });

    it('honours limit and a separate date of birth', async () => {
      const res = await t.request(
        'GET',
        `/api/v1/people?q=${encodeURIComponent('Mohammed Hussein')}&dateOfBirth=1990-03-15&limit=1`,
        {
          session: caseworker,
        },
      );
      const { items } = res.json<SearchResult>();
      expect(items.length).toBe(1);
    });

    it('pages through all hits: pages do not overlap, the total stays the same', async () => {
      const created = new Set<string>();
      for (let i = 0; i < 23; i++) {
        const res = await create(caseworker, {
          givenNames: i % 2 ? 'Tekle' : 'Teklay',
          familyName: 'Zerai',
          dateOfBirth: `19${70 + i}-04-0${1 + (i % 9)}`,
          duplicatesReviewed: true,
        });
        expect(res.statusCode, res.body).toBe(201);
        created.add(res.json<PersonView>().id);
      }
      const page = async (n: number) => {
        const res = await t.request('GET', `/api/v1/people?q=${encodeURIComponent('Tekle Zerai')}&limit=10&page=${n}`, {
          session: caseworker,
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<SearchResult>();
      };
      const first = await page(1);
      const total = first.page.total;
      expect(total).toBeGreaterThanOrEqual(created.size);
      const seen: string[] = [];
      const pages = Math.ceil(total / 10);
      for (let n = 1; n <= pages; n++) {
        const result = n === 1 ? first : await page(n);
        expect(result.page).toEqual({ page: n, pageSize: 10, total });
        expect(result.items.length).toBe(Math.min(10, total - (n - 1) * 10));
        seen.push(...result.items.map((i) => i.person.id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
      for (const id of created) expect(seen).toContain(id);
      // The same request gives the same page; beyond the last page there is nothing.
      expect((await page(2)).items).toEqual((await page(2)).items);
      const beyond = await page(pages + 1);
      expect(beyond.items).toEqual([]);
      expect(beyond.page.total).toBe(total);
    });

    it('refuses a page number below 1', async () => {
      const res = await t.request('GET', '/api/v1/people?q=Zerai&page=0', { session: caseworker });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.path).toBe('querystring.page');
    });

    it('rejects an empty query in German', async () => {
      const res = await t.request('GET', '/api/v1/people?q=', { session: caseworker });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors).toEqual([{ path: 'querystring.q', message: 'Pflichtangabe.' }]);
    });
  });

  describe('optimistic concurrency', () => {
    const patch = (session: Session, id: string, body: unknown, ifMatch?: string) =>
      t.request('PATCH', `/api/v1/people/${id}`, {
        session,
        body,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });

    it('needs If-Match (428), refuses a stale version (412), accepts the current one (200)', async () => {
      const created = await create(caseworker, {
        givenNames: 'Tesfay',
        familyName: 'Gebremedhin',
        dateOfBirth: '1988',
        duplicatesReviewed: true,
      });
      const id = created.json<PersonView>().id;
      expect(created.headers.etag).toBe('"1"');
      const before = await auditRows();
      const missing = await patch(caseworker, id, { placeOfBirth: 'Asmara' });
      expect(missing.statusCode).toBe(428);
      expect(missing.json<Problem>().code).toBe('PRECONDITION_REQUIRED');
      const stale = await patch(caseworker, id, { placeOfBirth: 'Asmara' }, '"7"');
      expect(stale.statusCode).toBe(412);
      expect(stale.json<Problem>().code).toBe('PRECONDITION_FAILED');
      expect(await auditRows()).toBe(before);

      const ok = await expectOneAudit('person.updated', () =>
        patch(caseworker, id, { placeOfBirth: 'Asmara', familyName: 'Gebremeskel', givenNames: 'Tesfay' }, '"1"'),
      );
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.json<PersonView>()).toMatchObject({
        version: 2,
        familyName: 'Gebremeskel',
        givenNames: 'Tesfay',
        dateOfBirth: { value: '1988' },
      });
      const again = await patch(caseworker, id, { placeOfBirth: 'Keren' }, '"1"');
      expect(again.statusCode).toBe(412);

      const [row] = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, 'person.updated'))
        .orderBy(auditEvents.seq);
      // givenNames was sent unchanged: only what really changed is named.
      expect(row!.details).toEqual({
        fields: expect.arrayContaining(['placeOfBirth', 'familyName']) as string[],
        version: 2,
      });
      expect((row!.details as { fields: string[] }).fields).toHaveLength(2);
      expect(JSON.stringify(row!.details)).not.toMatch(/Asmara|Gebremeskel/);

      // The new spelling is searchable, the blocking keys followed the change.
      const found = await search(caseworker, 'Tesfay Gebremeskel');
      expect(found.json<SearchResult>().items.map((i) => i.person.id)).toContain(id);
    });

    it('lets exactly one of two parallel updates of the same version win', async () => {
      const created = await create(caseworker, {
        givenNames: 'Oksana',
        familyName: 'Melnyk',
        dateOfBirth: '1979-06-30',
        duplicatesReviewed: true,
      });
      const id = created.json<PersonView>().id;
      const results = await Promise.all([
        patch(caseworker, id, { placeOfBirth: 'Lviv' }, '"1"'),
        patch(colleague, id, { placeOfBirth: 'Kyiv' }, '"1"'),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const now = await t.request('GET', `/api/v1/people/${id}`, { session: caseworker });
      expect(now.json<PersonView>().version).toBe(2);
    });

    it('does not reset fields a PATCH leaves out', async () => {
      const res = await patch(caseworker, mohammed.id, { sex: 'male' }, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<PersonView>();
      expect(body).toMatchObject({
        identifiers: mohammed.identifiers,
        nameVariants: mohammed.nameVariants,
        nationalities: ['SY'],
      });
      mohammed = body;
    });

    it('refuses an identifier of another person on update (409)', async () => {
      const other = await create(caseworker, {
        givenNames: 'Hamid',
        familyName: 'Rahimi',
        identifiers: [{ kind: 'jobcenter', value: '123A456789' }],
        duplicatesReviewed: true,
      });
      expect(other.statusCode, other.body).toBe(201);
      const res = await patch(
        caseworker,
        mohammed.id,
        { identifiers: [{ kind: 'jobcenter', value: '123a456789' }] },
        `"${mohammed.version}"`,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>().errors).toEqual([
        { path: 'identifiers.0.value', message: 'Diese Kennung ist bereits für eine andere Person erfasst.' },
      ]);
    });
  });

  describe('access', () => {
    it("hides another agency's person: 404 on read and update, absent from search and duplicate check", async () => {
      const before = await auditRows('person.viewed');
      const read = await t.request('GET', `/api/v1/people/${mohammed.id}`, { session: otherAgency });
      expect(read.statusCode).toBe(404);
      expect(read.json<Problem>().code).toBe('NOT_FOUND');
      expect(await auditRows('person.viewed')).toBe(before);
      const update = await t.request('PATCH', `/api/v1/people/${mohammed.id}`, {
        session: otherAgency,
        body: { sex: 'female' },
        headers: { 'if-match': `"${mohammed.version}"` },
      });
      expect(update.statusCode).toBe(404);
      const found = await search(otherAgency, 'Mohammed Al-Hussein 1990');
      expect(found.statusCode).toBe(200);
      expect(found.json<SearchResult>().items.map((i) => i.person.id)).not.toContain(mohammed.id);
      const dupes = await duplicateCheck(otherAgency, {
        givenNames: 'Mohammed',
        familyName: 'Al-Hussein',
        dateOfBirth: '1990-03-15',
      });
      expect(dupes.json<{ candidates: Candidate[] }>().candidates.map((c) => c.personId)).not.toContain(mohammed.id);
    });

    it('gives the system administrator and the data protection officer no case content (403)', async () => {
      for (const session of [admin, dsb]) {
        const requests = [
          t.request('GET', `/api/v1/people/${mohammed.id}`, { session }),
          t.request('GET', '/api/v1/people?q=Mohammed', { session }),
          t.request('POST', '/api/v1/people/duplicate-check', {
            session,
            body: { givenNames: 'Mohammed', familyName: 'Hussein' },
          }),
          t.request('POST', '/api/v1/people', { session, body: { givenNames: 'A', familyName: 'B' } }),
          t.request('PATCH', `/api/v1/people/${mohammed.id}`, {
            session,
            body: { sex: 'male' },
            headers: { 'if-match': '"1"' },
          }),
        ];
        for (const res of await Promise.all(requests)) {
          expect(res.statusCode).toBe(403);
          expect(res.json<Problem>().code).toBe('FORBIDDEN');
        }
      }
    });
  });
  describe('robustness', () => {
    const fields = [
      'givenNames',
      'familyName',
      'nameOrder',
      'nameVariants',
      'sex',
      'dateOfBirth',
      'placeOfBirth',
      'countryOfBirth',
      'nationalities',
      'identifiers',
      'duplicatesReviewed',
      'nationality',
      'languages',
      'germanLevels',
      'interpreter',
      'contacts',
      'addresses',
    ];
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '\u0000',
        'a\u0000b',
        '\ud800',
        'Muhammad',
        '00.00.1990',
        '31.02.1990',
        '9999-99-99',
        'xx.xx.2000',
        '1990',
        'ä'.repeat(250),
      ),
      fc.array(
        fc.record({
          kind: fc.constantFrom('azr', 'bamf', 'alias', 'x'),
          value: fc.string({ maxLength: 14 }),
          givenNames: fc.string({ maxLength: 20 }),
        }),
        { maxLength: 3 },
      ),
      fc.array(
        fc.record(
          {
            kind: fc.constantFrom('email', 'phone', 'messenger', 'residence', 'postal'),
            value: fc.constantFrom('+49 208 455', 'a@b.de', '((((', 'a\u0000b', ''),
            service: fc.constantFrom('signal', null, 'x'),
            consentToUse: fc.boolean(),
            consentRecordedOn: fc.constantFrom('2026-02-30', '2020-01-01', '0000-01-01', '9999-12-31', null),
            language: fc.constantFrom('ar', 'AR', 'xxxx', ''),
            motherTongue: fc.boolean(),
            street: fc.constantFrom('Hauptstr.', 'Hauptstraße', '', 'a\u0000b'),
            houseNumber: fc.constantFrom('5', ' 5 a', ''),
            postalCode: fc.constantFrom('45468', '4546x'),
            city: fc.constantFrom('Mülheim', ''),
            validFrom: fc.constantFrom('2026-02-30', '2020-01-01', null),
            validUntil: fc.constantFrom('2019-12-31', '2030-01-01', null),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      fc.record({ needed: fc.boolean(), language: fc.constantFrom('ar', null, 'x') }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('listening', 'reading', 'speaking', 'grammar'), fc.constantFrom('A1', 'C2', 'B3')),
      fc.anything({ maxDepth: 2 }),
    );
    const body = fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 });

    it('never answers a caseworker with a 5xx, whatever the body or query', async () => {
      const writeRoutes = [
        { method: 'POST' as const, url: '/api/v1/people' },
        { method: 'POST' as const, url: '/api/v1/people/duplicate-check' },
        { method: 'PATCH' as const, url: `/api/v1/people/${mohammed.id}` },
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...writeRoutes),
          body,
          fc.string({ unit: 'binary', maxLength: 60 }),
          async (route, b, q) => {
            const write = await t.request(route.method, route.url, {
              session: caseworker,
              body: b,
              headers: { 'if-match': '"999"' },
            });
            expect(write.statusCode, `${route.url} ${JSON.stringify(b)}: ${write.body}`).toBeLessThan(500);
            const read = await t.request(
              'GET',
              `/api/v1/people?q=${encodeURIComponent(q.replace(/[\uD800-\uDFFF]/g, '?'))}`,
              { session: caseworker },
            );
            expect(read.statusCode, `q=${JSON.stringify(q)}: ${read.body}`).toBeLessThan(500);
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
