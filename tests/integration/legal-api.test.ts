import fs from 'node:fs';
import path from 'node:path';
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Evaluation = {
  asOf: string;
  benefitSystem: string;
  responsibleAgencyKind: string;
  labourMarketAccess: string;
  integrationCourse: string;
  residenceObligation: { applies: boolean; until?: string; municipality?: string; kind?: string };
  deadlines: { kind: string; date: string; precision: string; citation: string }[];
  firedRules: { id: string; citation: string; explanation: string; verification: string }[];
  certainty: Record<string, 'certain' | 'provisional'>;
  unknowns: { fact: string; affects: string[] }[];
  notice: string;
  ignoredFields?: string[];
};
type PersonEvaluation = {
  personId: string;
  asOf: string;
  documentId: string | null;
  factsUsed: { fact: string; value: string; source: string }[];
  missingFacts: { fact: string }[];
  evaluation: Evaluation | null;
  problems: { path: string; message: string }[];
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };
type Scenario = { id: string; input: Record<string, unknown>; expected?: Record<string, unknown> };

const URL = '/api/v1/legal/evaluate';
// 04.05.2026, noon in Berlin: a fixed "today" for the person route.
const NOW = new Date('2026-05-04T10:00:00Z');

/** A few scenarios of the unit suite, sent through HTTP (the suite itself runs without a server). */
function scenario(file: string, id: string): Scenario {
  const dir = path.resolve(import.meta.dirname, '../../src/shared/domain/legal/scenarios');
  const all = (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { scenarios: Scenario[] }).scenarios;
  const found = all.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

describe('legal-domain engine over HTTP', () => {
  let t: TestApp;
  let sozialamt: Session;
  let jobcenter: Session;

  const evaluate = (body: unknown, headers: Record<string, string> = {}) => t.request('POST', URL, { body, headers });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    sozialamt = await t.login('sozialamt');
    jobcenter = await t.login('jobcenter');
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/legal/evaluate (public calculator)', () => {
    for (const [file, id] of [
      ['edge-dates.json', 'edge-recognition-late-in-month-still-asylblg'],
      ['edge-dates.json', 'edge-recognition-late-in-month-next-month-sgb2'],
      ['table-rows.json', 'row06-section25-2-sgb2-wohnsitzauflage'],
      ['table-rows.json', 'row20-eu-first-three-months'],
      ['table-rows.json', 'row25-unaccompanied-minor'],
      ['edge-dates.json', 'edge-section24-after-cutoff-switch-day-transition'],
    ] as const) {
      it(`answers scenario ${id} without a login`, async () => {
        const s = scenario(file, id);
        const res = await evaluate(s.input);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json<Evaluation>();
        for (const key of ['benefitSystem', 'responsibleAgencyKind', 'labourMarketAccess', 'integrationCourse']) {
          if (s.expected?.[key] !== undefined) expect(body[key as keyof Evaluation], key).toBe(s.expected[key]);
        }
        const deadlines = (s.expected?.deadlines ?? []) as { kind: string; date: string }[];
        for (const d of deadlines) {
          expect(
            body.deadlines.some((x) => x.kind === d.kind && x.date === d.date),
            `${d.kind} ${d.date}`,
          ).toBe(true);
        }
        expect(body.notice).toBe('Hinweis – keine Entscheidung: Die Sachbearbeitung prüft und bestätigt.');
        expect(body.ignoredFields).toEqual([]);
      });
    }

    it('the issue example: recognition late in a month keeps the AsylbLG to its end, with citations and explanations', async () => {
      const res = await evaluate({
        asOf: '2026-03-30',
        person: { dateOfBirth: '1990-05-01', nationality: 'SY', erwerbsfaehig: true },
        residence: { document: 'aufenthaltsgestattung', issuedOn: '2025-01-10', validUntil: '2026-07-09' },
        asylum: { appliedOn: '2025-01-08', decision: { outcome: 'refugee_status', decidedOn: '2026-03-27' } },
        entryDate: '2025-01-02',
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<Evaluation>();
      expect(body).toMatchObject({
        asOf: '2026-03-30',
        benefitSystem: 'asylblg_basic',
        responsibleAgencyKind: 'sozialamt',
        labourMarketAccess: 'free',
        residenceObligation: { applies: true, until: '2029-03-26', kind: 'section_12a' },
      });
      expect(body.deadlines[0]).toMatchObject({
        kind: 'asylblg_end',
        date: '2026-03-31',
        citation: '§ 1 Abs. 3 Satz 1 AsylbLG',
      });
      const rule = body.firedRules.find((r) => r.id === 'benefit.asylblg_until_month_end');
      expect(rule?.explanation).toContain('31.03.2026');
      expect(rule?.citation).toBe('§ 1 Abs. 3 Satz 1 AsylbLG');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('accepts and ignores unknown keys, and lists them; null counts as not given', async () => {
      const res = await evaluate({
        asOf: '2026-05-04',
        person: { dateOfBirth: '1990-05-01', nationality: 'sy', erwerbsfaehig: null, shoeSize: 43 },
        residence: {
          document: 'aufenthaltserlaubnis',
          legalbasis: 'AufenthG 25 Abs. 2',
          legalBasis: 'AufenthG 25 Abs. 2',
          validUntil: null,
        },
        asylum: null,
        comment: 'from an outside tester',
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<Evaluation>();
      expect(body.ignoredFields).toEqual(['person.shoeSize', 'residence.legalbasis', 'comment']);
      expect(body.benefitSystem).toBe('sgb2');
    });

    it('names unknown facts and marks what they affect as provisional instead of guessing', async () => {
      const res = await evaluate({
        asOf: '2026-05-04',
        person: { dateOfBirth: '1994-02-02', nationality: 'AF' },
        residence: { document: 'aufenthaltsgestattung' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<Evaluation>();
      expect(body.benefitSystem).toBe('asylblg_basic');
      expect(body.certainty.benefitSystem).toBe('provisional');
      expect(body.certainty.responsibleAgencyKind).toBe('certain');
      expect(body.unknowns.map((u) => u.fact)).toEqual(expect.arrayContaining(['entryDate', 'asylum.appliedOn']));
    });

    it('answers impossible and contradictory facts with 400 and field errors, in German by default', async () => {
      const bad = await evaluate({
        asOf: '2026-05-04',
        person: { dateOfBirth: '2026-06-01', nationality: 'SY' },
        residence: { document: 'aufenthaltserlaubnis' },
        asylum: { appliedOn: '2025-06-01', decision: { outcome: 'rejected', decidedOn: '2025-05-01' } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      const problem = bad.json<Problem>();
      expect(problem.code).toBe('VALIDATION_FAILED');
      const paths = problem.errors!.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'body.person.dateOfBirth',
          'body.residence.legalBasis',
          'body.asylum.decision.decidedOn',
        ]),
      );
      expect(problem.errors!.find((e) => e.path === 'body.person.dateOfBirth')!.message).toBe(
        'Das Geburtsdatum liegt nach dem Stichtag.',
      );

      const english = await evaluate(
        {
          asOf: '2026-05-04',
          person: { dateOfBirth: '2026-06-01', nationality: 'SY' },
          residence: { document: 'duldung' },
        },
        { 'accept-language': 'en' },
      );
      expect(english.json<Problem>().errors![0]!.message).toBe('The date of birth is after asOf.');
    });

    it('validates known fields strictly: calendar dates, country codes, enums, required fields', async () => {
      const res = await evaluate({
        asOf: '2025-02-29',
        person: { dateOfBirth: '1990-01-01', nationality: 'Syria' },
        residence: { document: 'visum' },
        employment: { hoursPerWeek: -1, since: '2026-01-01', socialInsurance: 'yes' },
      });
      expect(res.statusCode).toBe(400);
      const paths = res.json<Problem>().errors!.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'body.asOf',
          'body.person.nationality',
          'body.residence.document',
          'body.employment.hoursPerWeek',
          'body.employment.socialInsurance',
        ]),
      );
      const unknownCountry = await evaluate({
        asOf: '2026-05-04',
        person: { dateOfBirth: '1990-01-01', nationality: 'QQ' },
        residence: { document: 'duldung' },
      });
      expect(unknownCountry.statusCode).toBe(400);
      expect(unknownCountry.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.person.nationality']);
      const notJson = await t.request('POST', URL, { body: '[]' });
      expect(notJson.statusCode).toBe(400);
    });

    it('needs no session and no CSRF token, and stores nothing (no audit row)', async () => {
      const audits = async () => Number((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n);
      const before = await audits();
      const res = await t.request('POST', URL, {
        body: scenario('table-rows.json', 'row03-duldung-general').input,
        headers: { origin: 'http://localhost:80', host: 'localhost:80' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await audits()).toBe(before);
    });

    it('is described in the OpenAPI document with its request and response schema', async () => {
      const res = await t.request('GET', '/api/v1/openapi.json');
      const doc = res.json<{
        paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      }>();
      const op = doc.paths['/api/v1/legal/evaluate']?.post;
      expect(op).toBeDefined();
      const text = JSON.stringify(op);
      for (const word of [
        'asOf',
        'dateOfBirth',
        'nationality',
        'aufenthaltsgestattung',
        'refugee_status',
        'firedRules',
        'asylblg_analog',
        'unknowns',
      ]) {
        expect(text).toContain(word);
      }
      expect(doc.paths['/api/v1/people/{id}/legal-evaluation']?.get).toBeDefined();
    });
  });

  describe('GET /api/v1/people/:id/legal-evaluation', () => {
    let personId: string;
    let documentId: string;

    const createPerson = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', '/api/v1/people', {
        session: sozialamt,
        body: { duplicatesReviewed: true, ...body },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const get = (id: string, session?: Session) =>
      t.request('GET', `/api/v1/people/${id}/legal-evaluation`, { session });

    beforeAll(async () => {
      personId = await createPerson({
        givenNames: 'Rami',
        familyName: 'Legaltest',
        dateOfBirth: '1990-05-01',
        nationalities: ['SY'],
      });
      const doc = await t.request('POST', `/api/v1/people/${personId}/residence-documents`, {
        session: sozialamt,
        body: {
          documentType: 'aufenthaltserlaubnis',
          legalBasis: 'AufenthG 25 Abs. 2',
          issuedOn: '2026-01-10',
          validFrom: '2026-01-10',
          validUntil: '2029-01-09',
          employment: 'allowed',
          wohnsitzauflage: true,
          wohnsitzauflageMunicipality: 'Mülheim an der Ruhr',
        },
      });
      expect(doc.statusCode, doc.body).toBe(201);
      documentId = doc.json<{ id: string }>().id;
    });

    it("evaluates the stored person's current document for today, with the facts used and the missing ones", async () => {
      const res = await get(personId, sozialamt);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<PersonEvaluation>();
      expect(body).toMatchObject({ personId, asOf: '2026-05-04', documentId, problems: [] });
      expect(body.factsUsed).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ fact: 'person.dateOfBirth', value: '01.05.1990', source: 'person' }),
          expect.objectContaining({
            fact: 'residence.document',
            value: 'aufenthaltserlaubnis',
            source: 'residence_document',
          }),
          expect.objectContaining({ fact: 'residence.legalBasis', value: 'AufenthG § 25 Abs. 2' }),
          expect.objectContaining({ fact: 'residence.firstIssuedOn', source: 'derived' }),
        ]),
      );
      expect(body.missingFacts.map((m) => m.fact)).toEqual(
        expect.arrayContaining(['entryDate', 'asylum', 'employment', 'person.erwerbsfaehig']),
      );
      const e = body.evaluation!;
      expect(e).toMatchObject({
        benefitSystem: 'sgb2',
        responsibleAgencyKind: 'jobcenter',
        labourMarketAccess: 'free',
        integrationCourse: 'entitled',
        residenceObligation: { applies: true, municipality: 'Mülheim an der Ruhr', kind: 'section_12a' },
      });
      // Ability to work is not stored: SGB II rather than SGB XII is an assumption, said so.
      expect(e.certainty.benefitSystem).toBe('provisional');
      expect(e.unknowns.map((u) => u.fact)).toContain('person.erwerbsfaehig');
      expect(e.deadlines.map((d) => d.kind)).toEqual(
        expect.arrayContaining(['integration_course_entitlement_lapse', 'document_expiry']),
      );
    });

    it('writes an audit row with the person and the rule ids only', async () => {
      await get(personId, sozialamt);
      const row = (
        await t.database.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.type, 'legal.evaluated'), eq(auditEvents.subjectId, personId)))
          .orderBy(desc(auditEvents.seq))
          .limit(1)
      )[0]!;
      expect(row).toMatchObject({ subjectType: 'person', subjectId: personId });
      const details = row.details as { ruleIds: string[] };
      expect(Object.keys(details)).toEqual(['ruleIds']);
      expect(details.ruleIds).toContain('benefit.title_sgb');
      // Rule ids name rules ("benefit.sgb2_erwerbsfaehig"), never the person's values.
      expect(JSON.stringify(details)).not.toMatch(/1990|Mülheim|"sgb2"|"jobcenter"|AufenthG/);
    });

    it("answers 404 for a person outside the agency's scope and for an unknown id, 401 without a login", async () => {
      expect((await get(personId, jobcenter)).statusCode).toBe(404);
      expect((await get('00000000-0000-4000-8000-000000000000', sozialamt)).statusCode).toBe(404);
      expect((await get(personId)).statusCode).toBe(401);
    });

    it('says what is missing instead of guessing when no document is recorded', async () => {
      const id = await createPerson({
        givenNames: 'Nour',
        familyName: 'Legaltest',
        dateOfBirth: '1985',
        nationalities: ['IQ'],
      });
      const res = await get(id, sozialamt);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<PersonEvaluation>();
      expect(body.evaluation).toBeNull();
      expect(body.documentId).toBeNull();
      expect(body.missingFacts.map((m) => m.fact)).toContain('residence.document');
      expect(body.factsUsed.find((f) => f.fact === 'person.dateOfBirth')?.value).toBe('01.01.1985 – 31.12.1985');
    });

    it('evaluates an EU citizen without a document', async () => {
      const id = await createPerson({
        givenNames: 'Ana',
        familyName: 'Legaltest',
        dateOfBirth: '1992-03-03',
        nationalities: ['RO'],
      });
      const body = (await get(id, sozialamt)).json<PersonEvaluation>();
      expect(body.evaluation).toMatchObject({ labourMarketAccess: 'free', residenceObligation: { applies: false } });
      expect(body.missingFacts.map((m) => m.fact)).toContain('euWorkerStatus');
    });
  });
});
