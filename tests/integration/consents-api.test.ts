import { and, asc, eq, gt, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consentTexts } from '../../src/server/db/schema';
import { ensureDataProtectionDefaults } from '../../src/server/modules/data-protection/defaults';
import { dataCategories } from '../../src/shared/domain/data-protection/data-categories';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Consent = {
  id: string;
  personId: string;
  status: string;
  categories: string[];
  recipients: { id: string; name: string }[];
  otherRecipientCount: number;
  purpose: string;
  givenOn: string;
  expiresOn: string;
  textVersion: number;
  textLanguage: string;
  evidenceKind: string;
  evidenceNote: string | null;
  hasEvidence: boolean;
  recordedByAgency: { id: string; name: string };
  recordedBy: { id: string; displayName: string } | null;
  withdrawnOn: string | null;
  withdrawalNote: string | null;
  actions: { withdraw: boolean; uploadEvidence: boolean; downloadEvidence: boolean };
};
type ConsentList = { items: Consent[]; canRecord: boolean; view: string };
type PersonView = {
  id: string;
  contacts: unknown[];
  germanLevels: Record<string, string>;
  access: { grounds: string[]; categories: string[]; withheld: string[] };
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

const START = new Date('2040-05-04T09:00:00Z'); // today: 2040-05-04 in Europe/Berlin
const RANDOM_UUID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const PURPOSE = 'Abstimmung der Gesundheitsuntersuchung mit der Arbeitsvermittlung';
const EVIDENCE_NOTE = 'Persönlich im Sozialamt bestätigt, Dolmetscherin Frau K. (Arabisch)';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n% signed consent scan\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);

describe(`consents (${engine})`, () => {
  let t: TestApp;
  let soz: Session; // Sozialamt: registers the person, records consents
  let ges: Session; // Gesundheitsamt: recipient
  let jc: Session; // Jobcenter: not a recipient
  let teamLead: Session; // Sozialamt team lead
  let admin: Session; // no consent permission
  const agency = new Map<string, string>();
  let personId: string;

  const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const problem = (res: LightMyRequestResponse, status: number): Problem => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<Problem>();
  };
  const paths = (p: Problem) => (p.errors ?? []).map((e) => e.path.replace(/^body\./, ''));

  const draft = (overrides: Record<string, unknown> = {}) => ({
    categories: ['employment_profile'],
    recipientAgencyIds: [agency.get('gesundheitsamt')!],
    purpose: PURPOSE,
    givenOn: '2040-05-04',
    expiresOn: '2041-05-03',
    textVersion: 1,
    textLanguage: 'ar',
    evidenceKind: 'in_person',
    evidenceNote: EVIDENCE_NOTE,
    ...overrides,
  });
  const record = (session: Session, body: unknown, id = personId) =>
    t.request('POST', `/api/v1/people/${id}/consents`, { session, body });
  const readPerson = (session: Session, id = personId) => t.request('GET', `/api/v1/people/${id}`, { session });
  const search = async (session: Session) =>
    ok<{ items: { person: { id: string } }[] }>(
      await t.request('GET', `/api/v1/people?q=${encodeURIComponent('Leyla Rahimi')}`, { session }),
    ).items.map((i) => i.person.id);
  const duplicates = async (session: Session) =>
    ok<{ candidates: { personId: string }[] }>(
      await t.request('POST', '/api/v1/people/duplicate-check', {
        session,
        body: { givenNames: 'Leyla', familyName: 'Rahimi', dateOfBirth: '1991-02-17' },
      }),
    ).candidates.map((c) => c.personId);
  const uploadScan = (session: Session, consentId: string, body: Buffer) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/consents/${consentId}/evidence`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const auditRows = (type: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, type), gt(auditEvents.seq, 0)))
      .orderBy(asc(auditEvents.seq));
  const pdfText = async (body: Buffer) => {
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
    return text.replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    soz = await t.login('sozialamt');
    ges = await t.login('gesundheitsamt');
    jc = await t.login('jobcenter');
    teamLead = await t.login('teamleitung');
    admin = await t.login('admin');
    const list = ok<{ items: { id: string; code: string }[] }>(
      await t.request('GET', '/api/v1/agencies', { session: soz }),
    );
    for (const a of list.items) agency.set(a.code, a.id);
    personId = ok<{ id: string }>(
      await t.request('POST', '/api/v1/people', {
        session: soz,
        body: {
          givenNames: 'Leyla',
          familyName: 'Rahimi',
          dateOfBirth: '1991-02-17',
          languages: [{ language: 'fa', motherTongue: true }],
          germanLevels: { speaking: 'A2' },
          contacts: [{ kind: 'phone', value: '+49 208 5550100', consentToUse: true, consentRecordedOn: '2040-05-01' }],
          duplicatesReviewed: true,
        },
      }),
      201,
    ).id;
  });
  afterAll(async () => t.close());

  describe('consent texts', () => {
    it('serves the current text in all seven languages, Arabic and Persian right to left', async () => {
      const { items } = ok<{
        items: { language: string; version: number; direction: string; title: string; body: string }[];
      }>(await t.request('GET', '/api/v1/consent-texts', { session: soz }));
      expect(items.map((i) => i.language)).toEqual(['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru']);
      for (const i of items) {
        expect(i.version).toBe(1);
        for (const placeholder of ['{categories}', '{recipients}', '{purpose}', '{givenOn}', '{expiresOn}'])
          expect(i.body, `${i.language} ${placeholder}`).toContain(placeholder);
      }
      expect(items.filter((i) => i.direction === 'rtl').map((i) => i.language)).toEqual(['ar', 'fa']);
      expect(items[0]!.title).toBe('Einwilligung in die Weitergabe von Sozialdaten');
    });

    it('never changes a stored text when the defaults run again', async () => {
      await t.database.db
        .update(consentTexts)
        .set({ title: 'Geänderter Titel' })
        .where(and(eq(consentTexts.version, 1), eq(consentTexts.language, 'tr')));
      await t.database.db.delete(consentTexts).where(and(eq(consentTexts.version, 1), eq(consentTexts.language, 'uk')));
      await ensureDataProtectionDefaults(t.database.db);
      const rows = await t.database.db.select().from(consentTexts).where(eq(consentTexts.version, 1));
      expect(rows).toHaveLength(7);
      expect(rows.find((r) => r.language === 'tr')!.title).toBe('Geänderter Titel');
      expect(rows.find((r) => r.language === 'uk')!.title).toBe('Згода на передачу соціальних даних');
    });

    it('is not for roles without consent permission', async () => {
      expect((await t.request('GET', '/api/v1/consent-texts', { session: admin })).statusCode).toBe(403);
    });
  });

  describe('the printed form', () => {
    it('prints the Arabic text with the German original and the draft filled in', async () => {
      const res = await t.request('POST', `/api/v1/people/${personId}/consent-form`, {
        session: soz,
        body: {
          categories: ['employment_profile', 'health'],
          recipientAgencyIds: [agency.get('gesundheitsamt')],
          purpose: PURPOSE,
          expiresOn: '2041-05-03',
          language: 'ar',
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('attachment');
      const text = await pdfText(res.rawPayload);
      // The German original, complete with the filled-in draft.
      expect(text).toContain('Deutscher Originaltext (maßgeblich)');
      expect(text).toContain('Einwilligung in die Weitergabe von Sozialdaten');
      expect(text).toContain('Gesundheit: Gesundheit, ärztliche Unterlagen');
      expect(text).toContain('Identität');
      expect(text).toContain('Gesundheitsamt');
      expect(text).toContain(PURPOSE);
      expect(text).toContain('04.05.2040');
      expect(text).toContain('03.05.2041');
      expect(text).toContain('Leyla Rahimi');
      expect(text).toContain('Unterschrift der einwilligenden Person');
      // The Arabic part: its heading, and Arabic script in quantity (glyph extraction of shaped
      // Arabic is not letter-exact, so the test counts letters rather than matching sentences).
      expect(text).toContain('Text in der Sprache der Person: Arabisch');
      expect(text).toContain('الاسم');
      expect((text.match(/[\u0600-\u06ff]/g) ?? []).length).toBeGreaterThan(400);
      // Categories that were not chosen are not on the form.
      expect(text).not.toContain('Wohnsituation');
      expect(text).not.toContain('Fallvermerke');
      const [row] = (await auditRows('consent.form_printed')).slice(-1);
      expect(row!.subjectId).toBe(personId);
      expect(row!.details).toEqual({
        language: 'ar',
        categories: ['identity', 'employment_profile', 'health'],
        recipientCount: 1,
      });
    });

    it('prints Russian and German forms (German alone when the person reads German)', async () => {
      const ru = await t.request('POST', `/api/v1/people/${personId}/consent-form`, {
        session: soz,
        body: {
          categories: ['contact'],
          recipientAgencyIds: [agency.get('aa')],
          purpose: PURPOSE,
          expiresOn: '2041-05-03',
          language: 'ru',
        },
      });
      const ruText = await pdfText(ru.rawPayload);
      expect(ruText).toContain('Согласие на передачу социальных данных');
      expect(ruText).toContain('Контакты и адрес');
      expect(ruText).toContain('Einwilligung in die Weitergabe von Sozialdaten');
      const de = await t.request('POST', `/api/v1/people/${personId}/consent-form`, {
        session: soz,
        body: {
          categories: ['contact'],
          recipientAgencyIds: [agency.get('aa')],
          purpose: PURPOSE,
          expiresOn: '2041-05-03',
          language: 'de',
        },
      });
      const deText = await pdfText(de.rawPayload);
      expect(deText).toContain('Einwilligung in die Weitergabe von Sozialdaten');
      expect(deText).not.toContain('Teil 1');
    });

    it('checks the draft like a consent, and refuses people the caller cannot see', async () => {
      const bad = problem(
        await t.request('POST', `/api/v1/people/${personId}/consent-form`, {
          session: soz,
          body: { categories: [], recipientAgencyIds: [], purpose: PURPOSE, expiresOn: '2045-01-01', language: 'de' },
        }),
        400,
      );
      expect(paths(bad)).toEqual(expect.arrayContaining(['categories', 'recipientAgencyIds', 'expiresOn']));
      expect(
        (
          await t.request('POST', `/api/v1/people/${personId}/consent-form`, {
            session: jc,
            body: {
              categories: ['contact'],
              recipientAgencyIds: [agency.get('aa')],
              purpose: PURPOSE,
              expiresOn: '2041-05-03',
              language: 'de',
            },
          })
        ).statusCode,
      ).toBe(404);
    });
  });

  describe('validation', () => {
    it('names every problem of a bad consent, in German', async () => {
      const p = problem(
        await record(
          soz,
          draft({
            categories: ['identity'],
            recipientAgencyIds: [RANDOM_UUID, agency.get('sozialamt'), agency.get('steuerung')],
            givenOn: '2040-05-05',
            textVersion: 9,
            evidenceNote: ' ',
          }),
        ),
        400,
      );
      expect(paths(p).sort()).toEqual(
        [
          'categories',
          'evidenceNote',
          'givenOn',
          'recipientAgencyIds.0',
          'recipientAgencyIds.1',
          'recipientAgencyIds.2',
          'textVersion',
        ].sort(),
      );
      expect(p.errors!.find((e) => e.path === 'categories')!.message).toContain('außer der Identität');
      expect(p.errors!.find((e) => e.path === 'recipientAgencyIds.0')!.message).toBe('Diese Stelle gibt es nicht.');
    });

    it('refuses a purpose that is too short, no recipients, and expiries before, at or past two years', async () => {
      expect(paths(problem(await record(soz, draft({ purpose: 'Hilfe' })), 400))).toEqual(['purpose']);
      expect(paths(problem(await record(soz, draft({ recipientAgencyIds: [] })), 400))).toEqual(['recipientAgencyIds']);
      expect(paths(problem(await record(soz, draft({ expiresOn: '2040-05-03' })), 400))).toEqual(['expiresOn']);
      expect(paths(problem(await record(soz, draft({ expiresOn: '2040-05-04' })), 400))).toEqual(['expiresOn']);
      const tooLong = problem(await record(soz, draft({ expiresOn: '2042-05-05' })), 400);
      expect(tooLong.errors![0]!.message).toContain('höchstens 2 Jahre');
      // Given more than a year ago; given long enough ago that it would have expired.
      expect(paths(problem(await record(soz, draft({ givenOn: '2039-05-03', expiresOn: '2040-06-01' })), 400))).toEqual(
        ['givenOn'],
      );
      expect(paths(problem(await record(soz, draft({ givenOn: '2039-06-01', expiresOn: '2040-05-01' })), 400))).toEqual(
        ['expiresOn'],
      );
    });

    it('refuses a blanket consent: every category for every agency', async () => {
      const everyone = [...agency.entries()]
        .filter(([code]) => !['sozialamt', 'steuerung'].includes(code))
        .map(([, id]) => id);
      const p = problem(
        await record(soz, draft({ categories: [...dataCategories], recipientAgencyIds: everyone })),
        400,
      );
      expect(p.errors![0]!.message).toContain('pauschale Einwilligung');
      // Every category for some agencies, or some categories for every agency, is a decision the person may make.
      ok(
        await record(
          soz,
          draft({
            categories: [...dataCategories],
            recipientAgencyIds: everyone.slice(0, 2),
            evidenceKind: 'signed_scan',
            evidenceNote: null,
          }),
        ),
        201,
      );
    });

    it('lets only an agency that works with the person record a consent', async () => {
      expect((await record(jc, draft())).statusCode).toBe(404); // cannot see the person
      expect((await record(admin, draft())).statusCode).toBe(403); // no permission
      expect((await record(soz, draft(), RANDOM_UUID)).statusCode).toBe(404);
    });
  });

  describe('the lifecycle', () => {
    let consent: Consent;

    it('records an in-person consent: the recipient sees exactly the consented categories', async () => {
      // Before: the Gesundheitsamt does not see the person at all.
      expect((await readPerson(ges)).statusCode).toBe(404);
      consent = ok<Consent>(await record(soz, draft()), 201);
      expect(consent).toMatchObject({
        status: 'in_force',
        categories: ['identity', 'employment_profile'],
        recipients: [{ id: agency.get('gesundheitsamt') }],
        textVersion: 1,
        textLanguage: 'ar',
        evidenceKind: 'in_person',
        evidenceNote: EVIDENCE_NOTE,
        actions: { withdraw: true, uploadEvidence: false, downloadEvidence: false },
      });
      const seen = ok<PersonView>(await readPerson(ges));
      expect(seen.access.grounds).toEqual(['consent']);
      expect(seen.access.categories).toEqual(['identity', 'employment_profile']);
      expect(seen.germanLevels).toEqual({ speaking: 'A2' });
      // Contact details were not consented: the group is sent empty.
      expect(seen.access.withheld).toContain('contact');
      expect(seen.contacts).toEqual([]);
      expect(await search(ges)).toContain(personId);
      expect(await duplicates(ges)).toContain(personId);
      // Another agency still sees nothing.
      expect((await readPerson(jc)).statusCode).toBe(404);
      const [row] = (await auditRows('consent.recorded')).slice(-1);
      expect(row!.details).toEqual({
        consentId: consent.id,
        categories: ['identity', 'employment_profile'],
        recipientCount: 1,
        textVersion: 1,
        language: 'ar',
        evidenceKind: 'in_person',
      });
      expect(JSON.stringify(row)).not.toContain(PURPOSE);
      expect(JSON.stringify(row)).not.toContain('Dolmetscherin');
    });

    it('shows a recipient only the consents naming it, and of their recipients only itself', async () => {
      const second = ok<Consent>(
        await record(
          soz,
          draft({ recipientAgencyIds: [agency.get('gesundheitsamt'), agency.get('aa')], categories: ['contact'] }),
        ),
        201,
      );
      ok<Consent>(await record(soz, draft({ recipientAgencyIds: [agency.get('aa')], categories: ['housing'] })), 201);
      const own = ok<ConsentList>(await t.request('GET', `/api/v1/people/${personId}/consents`, { session: soz }));
      expect(own.view).toBe('all');
      expect(own.canRecord).toBe(true);
      expect(own.items.length).toBeGreaterThanOrEqual(4);
      const theirs = ok<ConsentList>(await t.request('GET', `/api/v1/people/${personId}/consents`, { session: ges }));
      expect(theirs.view).toBe('naming_own_agency');
      expect(theirs.canRecord).toBe(false);
      expect(theirs.items.map((c) => c.id).sort()).toEqual([consent.id, second.id].sort());
      const shared = theirs.items.find((c) => c.id === second.id)!;
      expect(shared.recipients.map((r) => r.id)).toEqual([agency.get('gesundheitsamt')]);
      expect(shared.otherRecipientCount).toBe(1);
      expect(shared.evidenceNote).toBeNull();
      expect(shared.recordedBy).toBeNull();
      expect(shared.actions.withdraw).toBe(false);
      // The single consent: visible to the recipient, 404 for others.
      ok<Consent>(await t.request('GET', `/api/v1/consents/${consent.id}`, { session: ges }));
      expect((await t.request('GET', `/api/v1/consents/${consent.id}`, { session: jc })).statusCode).toBe(404);
      expect((await t.request('GET', `/api/v1/consents/${RANDOM_UUID}`, { session: soz })).statusCode).toBe(404);
      // A recipient may not record consents, nor withdraw one.
      expect(
        problem(await record(ges, draft({ recipientAgencyIds: [agency.get('aa')] })), 403).errors![0]!.message,
      ).toContain('nur eine Stelle, die mit der Person arbeitet');
      expect(
        (
          await t.request('POST', `/api/v1/consents/${consent.id}/withdraw`, {
            session: ges,
            body: { note: 'Widerruf' },
          })
        ).statusCode,
      ).toBe(403);
      const listed = await auditRows('consent.listed');
      expect(listed.at(-1)!.details).toEqual({ resultCount: 2 });
      expect((await auditRows('consent.viewed')).length).toBeGreaterThan(0);
      // Clean up the second consent so the Gesundheitsamt's access rests on the first one only.
      ok(
        await t.request('POST', `/api/v1/consents/${second.id}/withdraw`, {
          session: soz,
          body: { note: 'Zweck erledigt' },
        }),
      );
    });

    it('takes effect on the very next request after withdrawal (get, search, duplicate check)', async () => {
      ok<PersonView>(await readPerson(ges));
      const withdrawn = ok<Consent>(
        await t.request('POST', `/api/v1/consents/${consent.id}/withdraw`, {
          session: teamLead,
          body: { note: 'Frau Rahimi hat am Telefon widerrufen.' },
        }),
      );
      expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnOn: '2040-05-04' });
      expect((await readPerson(ges)).statusCode).toBe(404);
      expect(await search(ges)).not.toContain(personId);
      expect(await duplicates(ges)).not.toContain(personId);
      expect((await t.request('GET', `/api/v1/consents/${consent.id}`, { session: ges })).statusCode).toBe(404);
      // Twice is a conflict.
      expect(
        (
          await t.request('POST', `/api/v1/consents/${consent.id}/withdraw`, {
            session: soz,
            body: { note: 'nochmal' },
          })
        ).statusCode,
      ).toBe(409);
      const [row] = (await auditRows('consent.withdrawn')).slice(-1);
      expect(row!.details).toEqual({ consentId: consent.id, backdated: false });
    });

    it('validates the withdrawal: a note, a day not in the future and not before the consent', async () => {
      const c = ok<Consent>(await record(soz, draft()), 201);
      const url = `/api/v1/consents/${c.id}/withdraw`;
      expect(paths(problem(await t.request('POST', url, { session: soz, body: { note: '' } }), 400))).toEqual(['note']);
      expect(
        paths(
          problem(
            await t.request('POST', url, { session: soz, body: { note: 'Widerruf', withdrawnOn: '2040-05-05' } }),
            400,
          ),
        ),
      ).toEqual(['withdrawnOn']);
      expect(
        paths(
          problem(
            await t.request('POST', url, { session: soz, body: { note: 'Widerruf', withdrawnOn: '2040-05-03' } }),
            400,
          ),
        ),
      ).toEqual(['withdrawnOn']);
      ok(await t.request('POST', url, { session: soz, body: { note: 'Widerruf per Brief' } }));
    });

    it('ends with the expiry', async () => {
      const c = ok<Consent>(await record(soz, draft({ expiresOn: '2040-05-10' })), 201);
      ok<PersonView>(await readPerson(ges));
      // Sessions time out when the clock jumps by days: sign in again at the new time.
      t.clock.set(new Date('2040-05-10T21:50:00Z')); // 23:50 in Berlin on the last day: still in force
      const gesLater = await t.login('gesundheitsamt');
      const sozLater = await t.login('sozialamt');
      ok<PersonView>(await readPerson(gesLater));
      t.clock.set(new Date('2040-05-10T22:10:00Z')); // 00:10 on 11 May in Berlin
      expect((await readPerson(gesLater)).statusCode).toBe(404);
      expect(await search(gesLater)).not.toContain(personId);
      const listed = ok<ConsentList>(
        await t.request('GET', `/api/v1/people/${personId}/consents`, { session: sozLater }),
      );
      expect(listed.items.find((x) => x.id === c.id)!.status).toBe('expired');
      t.clock.set(START);
      soz = await t.login('sozialamt');
      ges = await t.login('gesundheitsamt');
      jc = await t.login('jobcenter');
      teamLead = await t.login('teamleitung');
    });

    it('keeps a signed-scan consent out of force until the scan is uploaded', async () => {
      const c = ok<Consent>(
        await record(
          soz,
          draft({ evidenceKind: 'signed_scan', evidenceNote: null, recipientAgencyIds: [agency.get('jobcenter')] }),
        ),
        201,
      );
      expect(c.status).toBe('awaiting_evidence');
      expect(c.actions.uploadEvidence).toBe(true);
      expect((await readPerson(jc)).statusCode).toBe(404);
      // Wrong transports and types first: nothing is stored.
      expect(problem(await uploadScan(soz, c.id, EXE), 400).errors![0]!.message).toContain('PDF, PNG, JPEG und TIFF');
      expect((await uploadScan(soz, c.id, Buffer.from('nur ein Text, kein Scan'))).statusCode).toBe(400);
      expect((await uploadScan(soz, c.id, Buffer.alloc(0))).statusCode).toBe(400);
      expect(
        (await t.request('PUT', `/api/v1/consents/${c.id}/evidence`, { session: soz, body: { file: 'x' } })).statusCode,
      ).toBe(415);
      // Too large: 413 with the German explanation.
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      expect(problem(await uploadScan(soz, c.id, big), 413).errors![0]!.message).toContain('zu groß');
      // Only the recording agency uploads (the team lead is of the same agency and may).
      expect((await uploadScan(jc, c.id, PDF)).statusCode).toBe(404);
      const done = ok<Consent>(await uploadScan(teamLead, c.id, PDF));
      expect(done.status).toBe('in_force');
      expect(done.hasEvidence).toBe(true);
      expect(done.actions.downloadEvidence).toBe(true);
      const seen = ok<PersonView>(await readPerson(jc));
      expect(seen.access.categories).toEqual(['identity', 'employment_profile']);
      expect((await uploadScan(soz, c.id, PNG)).statusCode).toBe(409);
      // Download: the scan as stored, as an attachment, not sniffable.
      const file = await t.request('GET', `/api/v1/consents/${c.id}/evidence`, { session: soz });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toContain('attachment');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.rawPayload.equals(PDF)).toBe(true);
      // The recipient sees the consent, but not the signed form with every recipient on it.
      expect((await t.request('GET', `/api/v1/consents/${c.id}/evidence`, { session: jc })).statusCode).toBe(403);
      expect((await auditRows('consent.evidence_uploaded')).at(-1)!.details).toEqual({
        consentId: c.id,
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
      });
      expect((await auditRows('consent.evidence_downloaded')).at(-1)!.details).toEqual({ consentId: c.id });
    });

    it('refuses a scan for an in-person consent', async () => {
      const c = ok<Consent>(await record(soz, draft({ recipientAgencyIds: [agency.get('wohnungsamt')] })), 201);
      expect((await uploadScan(soz, c.id, PDF)).statusCode).toBe(409);
      expect((await t.request('GET', `/api/v1/consents/${c.id}/evidence`, { session: soz })).statusCode).toBe(404);
    });

    it('never writes purposes or notes into the audit log', async () => {
      const rows = await t.database.db.select().from(auditEvents).where(like(auditEvents.type, 'consent.%'));
      expect(rows.length).toBeGreaterThan(10);
      const text = JSON.stringify(rows);
      for (const secret of [PURPOSE, 'Dolmetscherin', 'widerrufen', 'Leyla', 'Rahimi'])
        expect(text).not.toContain(secret);
    });
  });
});
