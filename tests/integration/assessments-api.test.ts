import { and, asc, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, caseAssessments, caseEvents, caseTeamMembers, cases } from '../../src/server/db/schema';
import { lifeDomainKeys, type LifeDomainKey } from '../../src/shared/domain/assessment/life-domains';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Views = { personView: string | null; caseworkerView: string | null };
type Domain = { strengths: Views; needs: Views; notAssessed: boolean; urgency: 'low' | 'medium' | 'high' | null };
type Domains = Record<LifeDomainKey, Domain>;
type UserRef = { id: string; displayName: string } | null;
type Summary = {
  id: string;
  caseId: string;
  versionNo: number;
  status: 'draft' | 'completed';
  revision: number;
  assessedDomains: number;
  notAssessedDomains: number;
  hasPotentialAnalysis: boolean;
  createdBy: UserRef;
  updatedAt: string;
  updatedBy: UserRef;
  completedAt: string | null;
  completedBy: UserRef;
};
type Assessment = Summary & { domains: Domains; potentialAnalysis: string | null };
type Comparison = {
  from: Summary;
  to: Summary;
  domains: {
    key: LifeDomainKey;
    changed: boolean;
    texts: { field: string; change: string; before: string | null; after: string | null }[];
    notAssessed: { before: boolean; after: boolean } | null;
    urgency: { change: string; before: string | null; after: string | null } | null;
  }[];
  changedDomains: LifeDomainKey[];
  potentialAnalysis: { change: string; before: string | null; after: string | null } | null;
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

const START = new Date('2040-05-04T09:00:00Z');

// Texts that must never appear in an audit row.
const SECRET_WORDS = ['Tischler', 'Rückenschmerzen', 'Facharzttermin', 'Lebenslauf', 'Schulden'];

const emptyDomain = (): Domain => ({
  strengths: { personView: null, caseworkerView: null },
  needs: { personView: null, caseworkerView: null },
  notAssessed: false,
  urgency: null,
});
const emptyBody = () => ({
  domains: Object.fromEntries(lifeDomainKeys.map((k) => [k, emptyDomain()])) as Domains,
  potentialAnalysis: null as string | null,
});
/** A body that satisfies the completion rule: strengths everywhere but residence status, which is "not assessed". */
function completeBody() {
  const body = emptyBody();
  for (const key of lifeDomainKeys) body.domains[key].strengths.caseworkerView = `Ressourcen im Bereich ${key}.`;
  body.domains.residence_status = { ...emptyDomain(), notAssessed: true };
  body.domains.work = {
    strengths: {
      personView: 'Ich war zwölf Jahre Tischler in Aleppo.',
      caseworkerView: 'Berufserfahrung als Tischler.',
    },
    needs: { personView: 'Ich brauche einen Lebenslauf.', caseworkerView: 'Abschluss nicht anerkannt.' },
    notAssessed: false,
    urgency: 'high',
  };
  body.potentialAnalysis = 'Hohe Motivation; Anerkennung und Berufssprachkurs sind die nächsten Schritte.';
  return body;
}

describe('case assessments (Potenzialanalyse)', () => {
  let t: TestApp;
  let lead: Session; // sozialamt, lead agency
  let partner: Session; // jobcenter, on the team
  let outsider: Session; // jugendamt, not on the team
  let former: Session; // wohnungsamt, left the team
  let steering: Session;
  const agencyIds = new Map<string, string>();
  let personId: string;
  let caseSeq = 0;

  const db = () => t.database.db;
  const base = (caseId: string) => `/api/v1/cases/${caseId}/assessments`;

  /** A case of the sozialamt with the jobcenter on the team and the wohnungsamt as a former member. */
  async function createCase(phase = 'assessment'): Promise<string> {
    caseSeq += 1;
    const [row] = await db()
      .insert(cases)
      .values({
        reference: `F-2040-${String(90000 + caseSeq)}`,
        personId,
        title: `Testfall ${caseSeq}`,
        phase,
        leadUserId: lead.userId,
        leadAgencyId: agencyIds.get('sozialamt')!,
        openedAt: START,
        closedAt: phase === 'closure' ? START : null,
        closureReason: phase === 'closure' ? 'goals_achieved' : null,
        closureOutcome: phase === 'closure' ? 'Ziele erreicht.' : null,
      })
      .returning({ id: cases.id });
    const caseId = row!.id;
    await db()
      .insert(caseTeamMembers)
      .values([
        { caseId, agencyId: agencyIds.get('sozialamt')!, userId: lead.userId, role: 'lead', joinedAt: START },
        { caseId, agencyId: agencyIds.get('jobcenter')!, role: 'participant', joinedAt: START },
        {
          caseId,
          agencyId: agencyIds.get('wohnungsamt')!,
          role: 'consulted',
          joinedAt: START,
          leftAt: new Date(START.getTime() + 1000),
        },
      ]);
    return caseId;
  }

  const start = (caseId: string, body: unknown = {}, session = lead) =>
    t.request('POST', base(caseId), { session, body });
  const get = (caseId: string, versionNo: number, session = lead) =>
    t.request('GET', `${base(caseId)}/${versionNo}`, { session });
  const put = (caseId: string, versionNo: number, body: unknown, etag: string | null, session = lead, lang = 'de') =>
    t.request('PUT', `${base(caseId)}/${versionNo}`, {
      session,
      body,
      headers: { 'accept-language': lang, ...(etag ? { 'if-match': etag } : {}) },
    });
  const complete = (caseId: string, versionNo: number, etag: string | null, session = lead, lang = 'de') =>
    t.request('POST', `${base(caseId)}/${versionNo}/complete`, {
      session,
      headers: { 'accept-language': lang, ...(etag ? { 'if-match': etag } : {}) },
    });
  const compare = (caseId: string, from: number | string, to: number | string, session = lead) =>
    t.request('GET', `${base(caseId)}/compare?from=${from}&to=${to}`, { session });

  const auditRows = (type: string, caseId: string) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, type), eq(auditEvents.subjectId, caseId)))
      .orderBy(asc(auditEvents.seq));
  const storedVersion = async (caseId: string, versionNo: number) =>
    (
      await db()
        .select()
        .from(caseAssessments)
        .where(and(eq(caseAssessments.caseId, caseId), eq(caseAssessments.versionNo, versionNo)))
    )[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    lead = await t.login('sozialamt');
    partner = await t.login('jobcenter');
    outsider = await t.login('jugendamt');
    former = await t.login('wohnungsamt');
    steering = await t.login('steuerung');
    for (const a of await db().select({ id: agencies.id, code: agencies.code }).from(agencies))
      agencyIds.set(a.code, a.id);
    const res = await t.request('POST', '/api/v1/people', {
      session: lead,
      body: { givenNames: 'Yusuf', familyName: 'Al-Hamwi', dateOfBirth: '1986-02-11', duplicatesReviewed: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    personId = res.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  describe('one version from draft to completion, and the next one', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await createCase();
    });

    it('lists no versions for a new case', async () => {
      const res = await t.request('GET', base(caseId), { session: lead });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ items: [] });
    });

    it('starts version 1 as an empty draft with ETag "1", audited with the version number', async () => {
      const res = await start(caseId);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const a = res.json<Assessment>();
      expect(a).toMatchObject({
        caseId,
        versionNo: 1,
        status: 'draft',
        revision: 1,
        assessedDomains: 0,
        notAssessedDomains: 0,
        hasPotentialAnalysis: false,
        potentialAnalysis: null,
        createdBy: { id: lead.userId, displayName: 'Sabine Schulte' },
        completedAt: null,
        completedBy: null,
      });
      expect(Object.keys(a.domains)).toEqual([...lifeDomainKeys]);
      expect(a.domains.health).toEqual({ ...emptyDomain(), withheld: false });
      const audit = await auditRows('assessment.created', caseId);
      expect(audit.map((r) => [r.subjectType, r.details])).toEqual([['case', { versionNo: 1 }]]);
    });

    it('refuses a second draft while one exists (409, naming the draft)', async () => {
      for (const body of [{}, { basis: 'empty' }]) {
        const res = await start(caseId, body);
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json<Problem>().errors).toEqual([
          {
            path: 'versionNo',
            message: 'Es gibt bereits einen Entwurf (Version 1). Bitte diesen weiterbearbeiten oder abschließen.',
          },
        ]);
      }
      expect(await auditRows('assessment.created', caseId)).toHaveLength(1);
    });

    it('reads a version with its revision as ETag, audited as viewed', async () => {
      const res = await get(caseId, 1);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect((await auditRows('assessment.viewed', caseId)).map((r) => r.details)).toEqual([{ versionNo: 1 }]);
      expect((await get(caseId, 2)).statusCode).toBe(404);
    });

    it('saves the draft only with If-Match (428 without) and normalises texts', async () => {
      const body = emptyBody();
      body.domains.health = {
        strengths: { personView: '  Ich gehe jeden Tag spazieren.  ', caseworkerView: '' },
        needs: { personView: 'Rückenschmerzen seit der Flucht.\r\nFacharzttermin fehlt.', caseworkerView: '   ' },
        notAssessed: false,
        urgency: 'medium',
      };
      body.domains.language.strengths.caseworkerView = 'Arabisch Muttersprache, Deutsch A2.';
      expect((await put(caseId, 1, body, null)).statusCode).toBe(428);
      t.clock.advance(60_000);
      const res = await put(caseId, 1, body, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      const a = res.json<Assessment>();
      expect(a.domains.health).toEqual({
        strengths: { personView: 'Ich gehe jeden Tag spazieren.', caseworkerView: null },
        needs: { personView: 'Rückenschmerzen seit der Flucht.\nFacharzttermin fehlt.', caseworkerView: null },
        notAssessed: false,
        urgency: 'medium',
        withheld: false,
      });
      expect(a).toMatchObject({ revision: 2, assessedDomains: 2, updatedBy: { displayName: 'Sabine Schulte' } });
      expect(a.updatedAt).toBe(new Date(START.getTime() + 60_000).toISOString());
      const audit = await auditRows('assessment.saved', caseId);
      expect(audit.map((r) => r.details)).toEqual([
        { versionNo: 1, domains: ['language', 'health'], potentialAnalysisChanged: false, revision: 2 },
      ]);
    });

    it('answers a save based on an older revision with 412 naming the newer state, and changes nothing', async () => {
      const body = emptyBody();
      body.domains.work.strengths.caseworkerView = 'Überschreibt alles';
      const res = await put(caseId, 1, body, '"1"', partner);
      expect(res.statusCode, res.body).toBe(412);
      expect(res.json<Problem>()).toMatchObject({ code: 'PRECONDITION_FAILED' });
      expect(res.json<Problem>().errors).toEqual([
        {
          path: 'revision',
          message:
            'Version 1 wurde inzwischen von Sabine Schulte gespeichert (Stand 2). Ihre Änderungen wurden nicht übernommen: Bitte laden Sie den Entwurf neu und übertragen Sie sie erneut.',
        },
      ]);
      const stored = await storedVersion(caseId, 1);
      expect(stored.revision).toBe(2);
      expect(JSON.stringify(stored.domains)).not.toContain('Überschreibt');
      // A malformed tag names no version.
      expect((await put(caseId, 1, body, 'W/"2"', partner)).statusCode).toBe(412);
    });

    it('lets another agency on the team save the current revision; saving the same content again keeps the revision', async () => {
      const current = (await get(caseId, 1, partner)).json<Assessment>();
      const body = { domains: current.domains, potentialAnalysis: 'Erste Einschätzung.' };
      body.domains.work.needs.caseworkerView = 'Lebenslauf fehlt.';
      const res = await put(caseId, 1, body, '"2"', partner);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.json<Assessment>().updatedBy).toEqual({ id: partner.userId, displayName: 'Jonas Krämer' });
      const again = await put(caseId, 1, body, '"3"', partner);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.headers.etag).toBe('"3"');
      const audit = await auditRows('assessment.saved', caseId);
      expect(audit.slice(-2).map((r) => r.details)).toEqual([
        { versionNo: 1, domains: ['work'], potentialAnalysisChanged: true, revision: 3 },
        { versionNo: 1, domains: [], potentialAnalysisChanged: false, revision: 3 },
      ]);
    });

    it('refuses texts over the limits and unknown or missing parts with field paths; nothing is written', async () => {
      const tooLong = emptyBody();
      tooLong.domains.health.needs.personView = 'x'.repeat(4001);
      tooLong.potentialAnalysis = 'y'.repeat(8001);
      let res = await put(caseId, 1, tooLong, '"3"');
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().errors).toEqual([
        { path: 'body.domains.health.needs.personView', message: 'Höchstens 4000 Zeichen.' },
        { path: 'body.potentialAnalysis', message: 'Höchstens 8000 Zeichen.' },
      ]);
      res = await put(caseId, 1, tooLong, '"3"', lead, 'en');
      expect(res.json<Problem>().errors?.[0]).toEqual({
        path: 'body.domains.health.needs.personView',
        message: 'At most 4000 characters.',
      });
      const { work: _work, ...withoutWork } = emptyBody().domains;
      res = await put(
        caseId,
        1,
        { domains: { ...withoutWork, astrology: emptyDomain() }, potentialAnalysis: null },
        '"3"',
      );
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors).toEqual(
        expect.arrayContaining([
          { path: 'body.domains.work', message: 'Pflichtangabe.' },
          { path: 'body.domains', message: 'Unbekannte Angaben: astrology.' },
        ]),
      );
      const badUrgency = emptyBody();
      (badUrgency.domains.housing as { urgency: unknown }).urgency = 'urgent';
      res = await put(caseId, 1, badUrgency, '"3"');
      expect(res.json<Problem>().errors).toEqual([
        { path: 'body.domains.housing.urgency', message: 'Ungültiger Wert. Erlaubt: low, medium, high.' },
      ]);
      expect((await put(caseId, 1, { domains: emptyBody().domains }, '"3"')).json<Problem>().errors).toEqual([
        { path: 'body.potentialAnalysis', message: 'Pflichtangabe.' },
      ]);
      expect((await storedVersion(caseId, 1)).revision).toBe(3);
    });

    it('answers a NUL character with 400 (not 500) and stores nothing; a lone surrogate is stored as U+FFFD', async () => {
      const inDomain = emptyBody();
      inDomain.domains.social_network.strengths.personView = 'a\u0000b';
      for (const body of [inDomain, { ...emptyBody(), potentialAnalysis: 'a\u0000b' }]) {
        const res = await put(caseId, 1, body, '"3"');
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json<Problem>().code).toBe('MALFORMED_REQUEST');
      }
      expect((await storedVersion(caseId, 1)).revision).toBe(3);
      const other = await createCase();
      expect((await start(other)).statusCode).toBe(201);
      const body = emptyBody();
      body.domains.social_network.strengths.personView = 'x\ud800y';
      const res = await put(other, 1, { ...body, potentialAnalysis: 'p\udc00' }, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Assessment>().domains.social_network.strengths.personView).toBe('x\ufffdy');
      expect(res.json<Assessment>().potentialAnalysis).toBe('p\ufffd');
    });

    it('stores texts exactly at the limits', async () => {
      const body = completeBody();
      body.domains.family_childcare.needs.caseworkerView = 'z'.repeat(4000);
      body.potentialAnalysis = 'p'.repeat(8000);
      const res = await put(caseId, 1, body, '"3"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Assessment>().domains.family_childcare.needs.caseworkerView).toHaveLength(4000);
      const back = completeBody();
      const reset = await put(caseId, 1, back, res.headers.etag as string);
      expect(reset.statusCode).toBe(200);
      expect(reset.headers.etag).toBe('"5"');
    });

    it('refuses completion with every problem and its field path, in German or English', async () => {
      const body = completeBody();
      body.domains.health.strengths.caseworkerView = null;
      body.domains.health.strengths.personView = 'Mir geht es gut.';
      body.domains.housing.urgency = 'low'; // no needs described
      body.domains.residence_status.strengths.personView = 'still here'; // but marked not assessed
      body.potentialAnalysis = '  ';
      const saved = await put(caseId, 1, body, '"5"');
      expect(saved.statusCode, saved.body).toBe(200);
      const res = await complete(caseId, 1, '"6"');
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().code).toBe('VALIDATION_FAILED');
      expect(res.json<Problem>().errors).toEqual([
        {
          path: 'domains.health.strengths.caseworkerView',
          message:
            'Gesundheit: Bitte Stärken und Ressourcen aus Sicht der Fachkraft beschreiben oder den Bereich als „nicht erhoben“ markieren.',
        },
        {
          path: 'domains.housing.urgency',
          message:
            'Wohnen: Die Dringlichkeit bewertet Bedarfe und Hindernisse. Bitte diese beschreiben oder die Dringlichkeit entfernen.',
        },
        {
          path: 'domains.residence_status.notAssessed',
          message:
            'Aufenthaltsstatus ist als „nicht erhoben“ markiert, enthält aber Angaben. Bitte die Angaben entfernen oder die Markierung aufheben.',
        },
        { path: 'potentialAnalysis', message: 'Bitte die Potenzialanalyse als kurze Gesamteinschätzung schreiben.' },
      ]);
      const en = await complete(caseId, 1, '"6"', lead, 'en');
      expect(en.json<Problem>().errors?.[0]?.message).toBe(
        'Health: Please describe strengths and resources from the caseworker’s view or mark the domain "not assessed".',
      );
      expect((await storedVersion(caseId, 1)).status).toBe('draft');
      expect(await auditRows('assessment.completed', caseId)).toHaveLength(0);
    });

    it('completes with If-Match (428 without, 412 stale), writes the timeline entry and the audit row together', async () => {
      const saved = await put(caseId, 1, completeBody(), '"6"');
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.headers.etag).toBe('"7"');
      expect((await complete(caseId, 1, null)).statusCode).toBe(428);
      expect((await complete(caseId, 1, '"6"')).statusCode).toBe(412);
      t.clock.advance(5 * 60_000);
      const res = await complete(caseId, 1, '"7"', partner);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"8"');
      const a = res.json<Assessment>();
      expect(a).toMatchObject({
        status: 'completed',
        revision: 8,
        assessedDomains: 9,
        notAssessedDomains: 1,
        hasPotentialAnalysis: true,
        completedAt: t.clock.now().toISOString(),
        completedBy: { id: partner.userId, displayName: 'Jonas Krämer' },
      });
      const events = await db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
      expect(events.map((e) => [e.kind, e.details, e.actorUserId, e.actorAgencyId])).toEqual([
        ['assessment_completed', { versionNo: 1 }, partner.userId, agencyIds.get('jobcenter')],
      ]);
      expect(events[0]!.occurredAt.toISOString()).toBe(t.clock.now().toISOString());
      expect((await auditRows('assessment.completed', caseId)).map((r) => [r.details, r.actorUserId])).toEqual([
        [{ versionNo: 1 }, partner.userId],
      ]);
    });

    it('keeps completed versions immutable (409 for save and completion, whatever the ETag)', async () => {
      for (const etag of ['"8"', '"7"']) {
        const res = await put(caseId, 1, completeBody(), etag);
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json<Problem>().errors).toEqual([
          {
            path: 'status',
            message:
              'Version 1 ist abgeschlossen und kann nicht mehr geändert werden. Für Änderungen bitte eine neue Version beginnen.',
          },
        ]);
        expect((await complete(caseId, 1, etag)).statusCode).toBe(409);
      }
      expect((await put(caseId, 1, completeBody(), null)).statusCode).toBe(428);
      const stored = await storedVersion(caseId, 1);
      expect([stored.status, stored.revision]).toEqual(['completed', 8]);
      expect(await db().select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId))).toEqual([
        { n: 1 },
      ]);
    });

    it('starts version 2 as a copy of version 1', async () => {
      const v1 = (await get(caseId, 1)).json<Assessment>();
      const res = await start(caseId, { basis: 'latest' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const v2 = res.json<Assessment>();
      expect(v2).toMatchObject({ versionNo: 2, status: 'draft', revision: 1, completedAt: null, completedBy: null });
      expect(v2.domains).toEqual(v1.domains);
      expect(v2.potentialAnalysis).toBe(v1.potentialAnalysis);
    });

    it('compares two versions field by field per domain, audited with the version numbers only', async () => {
      const body = completeBody();
      body.domains.work.strengths.personView = null;
      body.domains.work.strengths.caseworkerView = 'Tischlergeselle, Anerkennung beantragt.';
      body.domains.work.needs.personView = 'Ich suche eine Stelle in einer Werkstatt.';
      body.domains.work.urgency = 'medium';
      body.domains.finances_debts = {
        ...emptyDomain(),
        notAssessed: true,
      };
      body.potentialAnalysis = 'Anerkennung läuft; Schulden klären.';
      const saved = await put(caseId, 2, body, '"1"');
      expect(saved.statusCode, saved.body).toBe(200);

      const res = await compare(caseId, 1, 2);
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json<Comparison>();
      expect([c.from.versionNo, c.from.status, c.to.versionNo, c.to.status]).toEqual([1, 'completed', 2, 'draft']);
      expect(c.domains.map((d) => d.key)).toEqual([...lifeDomainKeys]);
      expect(c.changedDomains).toEqual(['work', 'finances_debts']);
      const work = c.domains.find((d) => d.key === 'work')!;
      expect(work.texts).toEqual([
        {
          field: 'strengths.personView',
          change: 'removed',
          before: 'Ich war zwölf Jahre Tischler in Aleppo.',
          after: null,
        },
        {
          field: 'strengths.caseworkerView',
          change: 'changed',
          before: 'Berufserfahrung als Tischler.',
          after: 'Tischlergeselle, Anerkennung beantragt.',
        },
        {
          field: 'needs.personView',
          change: 'changed',
          before: 'Ich brauche einen Lebenslauf.',
          after: 'Ich suche eine Stelle in einer Werkstatt.',
        },
      ]);
      expect(work.urgency).toEqual({ change: 'changed', before: 'high', after: 'medium' });
      const finances = c.domains.find((d) => d.key === 'finances_debts')!;
      expect(finances.notAssessed).toEqual({ before: false, after: true });
      expect(finances.texts).toEqual([
        {
          field: 'strengths.caseworkerView',
          change: 'removed',
          before: 'Ressourcen im Bereich finances_debts.',
          after: null,
        },
      ]);
      expect(c.domains.find((d) => d.key === 'health')).toMatchObject({
        changed: false,
        texts: [],
        notAssessed: null,
        urgency: null,
      });
      expect(c.potentialAnalysis).toEqual({
        change: 'changed',
        before: 'Hohe Motivation; Anerkennung und Berufssprachkurs sind die nächsten Schritte.',
        after: 'Anerkennung läuft; Schulden klären.',
      });
      // The other way round mirrors the differences.
      const back = (await compare(caseId, 2, 1)).json<Comparison>();
      expect(back.domains.find((d) => d.key === 'work')!.texts[0]).toMatchObject({ change: 'added' });
      expect((await auditRows('assessment.compared', caseId)).map((r) => r.details)).toEqual([
        { from: 1, to: 2 },
        { from: 2, to: 1 },
      ]);
    });

    it('refuses comparing a version with itself, a missing version, and bad numbers', async () => {
      const same = await compare(caseId, 2, 2);
      expect(same.statusCode).toBe(400);
      expect(same.json<Problem>().errors).toEqual([
        { path: 'to', message: 'Bitte zwei verschiedene Versionen wählen.' },
      ]);
      expect((await compare(caseId, 1, 3)).statusCode).toBe(404);
      const bad = await compare(caseId, 'x', 0);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.map((e) => e.path)).toEqual(['querystring.from', 'querystring.to']);
      expect((await t.request('GET', `${base(caseId)}/compare?from=1`, { session: lead })).statusCode).toBe(400);
      expect((await auditRows('assessment.compared', caseId)).length).toBe(2);
    });

    it('lists the versions newest first with metadata and counts, no texts', async () => {
      const res = await t.request('GET', base(caseId), { session: partner });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json<{ items: Summary[] }>().items;
      expect(items.map((i) => [i.versionNo, i.status, i.assessedDomains, i.notAssessedDomains])).toEqual([
        [2, 'draft', 8, 2],
        [1, 'completed', 9, 1],
      ]);
      expect(items[1]!.completedBy?.displayName).toBe('Jonas Krämer');
      expect(res.body).not.toMatch(/Tischler|Anerkennung|Ressourcen/);
      const audit = await auditRows('assessment.listed', caseId);
      expect(audit.at(-1)?.details).toEqual({ count: 2 });
    });

    it('starts an empty version on request once the draft is completed', async () => {
      const draft = await get(caseId, 2);
      const done = await complete(caseId, 2, draft.headers.etag as string);
      expect(done.statusCode, done.body).toBe(200);
      const res = await start(caseId, { basis: 'empty' });
      expect(res.statusCode, res.body).toBe(201);
      const v3 = res.json<Assessment>();
      expect(v3.versionNo).toBe(3);
      expect(v3.potentialAnalysis).toBeNull();
      expect(
        Object.values(v3.domains).every(
          (d) => JSON.stringify(d) === JSON.stringify({ ...emptyDomain(), withheld: false }),
        ),
      ).toBe(true);
      expect((await start(caseId, { basis: 'fresh' })).statusCode).toBe(400);
    });

    it('never writes assessment texts into the audit log', async () => {
      const rows = await db().select().from(auditEvents).where(like(auditEvents.type, 'assessment.%'));
      expect(rows.length).toBeGreaterThan(10);
      const details = JSON.stringify(rows.map((r) => r.details));
      for (const word of SECRET_WORDS) expect(details).not.toContain(word);
    });
  });

  describe('access', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await createCase();
      const res = await start(caseId);
      expect(res.statusCode, res.body).toBe(201);
    });

    it('answers 404 to an agency that is not on the team, and to a former team agency, for every route', async () => {
      for (const session of [outsider, former]) {
        const before = await db()
          .select({ n: count() })
          .from(auditEvents)
          .where(like(auditEvents.type, 'assessment.%'));
        const responses = [
          await t.request('GET', base(caseId), { session }),
          await start(caseId, {}, session),
          await get(caseId, 1, session),
          await put(caseId, 1, emptyBody(), '"1"', session),
          await complete(caseId, 1, '"1"', session),
          await compare(caseId, 1, 2, session),
        ];
        expect(responses.map((r) => [r.statusCode, r.json<Problem>().code])).toEqual(
          Array.from({ length: 6 }, () => [404, 'NOT_FOUND']),
        );
        const after = await db().select({ n: count() }).from(auditEvents).where(like(auditEvents.type, 'assessment.%'));
        expect(after).toEqual(before);
      }
      const stored = await storedVersion(caseId, 1);
      expect(stored.revision).toBe(1);
    });

    it('answers a case that does not exist like one the caller may not see', async () => {
      const missing = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
      expect((await t.request('GET', base(missing), { session: lead })).statusCode).toBe(404);
      expect((await start(missing, {}, lead)).statusCode).toBe(404);
    });

    it('checks the case before the If-Match header: no 428 that would reveal the case to an outsider', async () => {
      expect((await put(caseId, 1, emptyBody(), null, outsider)).statusCode).toBe(404);
      expect((await complete(caseId, 1, null, outsider)).statusCode).toBe(404);
    });

    it('gives roles without case work 403', async () => {
      expect((await t.request('GET', base(caseId), { session: steering })).statusCode).toBe(403);
      expect((await start(caseId, {}, steering)).statusCode).toBe(403);
    });
  });

  describe('a closed case', () => {
    it('shows its assessments but refuses new versions, saves and completion until it is reopened (409)', async () => {
      const caseId = await createCase();
      const created = await start(caseId);
      expect(created.statusCode).toBe(201);
      await db().update(cases).set({ phase: 'closure', closedAt: START }).where(eq(cases.id, caseId));
      expect((await t.request('GET', base(caseId), { session: lead })).statusCode).toBe(200);
      expect((await get(caseId, 1)).statusCode).toBe(200);
      for (const res of [await put(caseId, 1, completeBody(), '"1"'), await complete(caseId, 1, '"1"')]) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json<Problem>().errors?.[0]?.path).toBe('phase');
      }
      expect((await storedVersion(caseId, 1)).revision).toBe(1);
      const other = await createCase('closure');
      expect((await start(other)).statusCode).toBe(409);
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of two simultaneous starts win; the other gets 409', async () => {
      const caseId = await createCase();
      const [a, b] = await Promise.all([start(caseId, {}, lead), start(caseId, {}, partner)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      expect(await db().select({ n: count() }).from(caseAssessments).where(eq(caseAssessments.caseId, caseId))).toEqual(
        [{ n: 1 }],
      );
    });

    it('lets exactly one of two saves on the same revision win; the other gets 412 and its text is not stored', async () => {
      const caseId = await createCase();
      expect((await start(caseId)).statusCode).toBe(201);
      const mine = emptyBody();
      mine.domains.language.strengths.caseworkerView = 'Fassung Sozialamt';
      const theirs = emptyBody();
      theirs.domains.language.strengths.caseworkerView = 'Fassung Jobcenter';
      const [a, b] = await Promise.all([put(caseId, 1, mine, '"1"', lead), put(caseId, 1, theirs, '"1"', partner)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const winner = a.statusCode === 200 ? 'Fassung Sozialamt' : 'Fassung Jobcenter';
      const stored = await storedVersion(caseId, 1);
      expect(stored.revision).toBe(2);
      expect((stored.domains as Domains).language.strengths.caseworkerView).toBe(winner);
    });

    it('lets exactly one of a save and a completion on the same revision win', async () => {
      const caseId = await createCase();
      expect((await start(caseId)).statusCode).toBe(201);
      expect((await put(caseId, 1, completeBody(), '"1"')).statusCode).toBe(200);
      const change = completeBody();
      change.domains.language.needs.caseworkerView = 'Spät';
      // The Jobcenter does not see the health domain (issue 5): it sends it back empty, as received.
      change.domains.health = emptyDomain();
      const [saved, completed] = await Promise.all([
        put(caseId, 1, change, '"2"', partner),
        complete(caseId, 1, '"2"', lead),
      ]);
      const codes = [saved.statusCode, completed.statusCode];
      // Either the save came first (completion is then stale: 412) or the completion (the save: 409).
      expect([
        [200, 412],
        [409, 200],
      ]).toContainEqual(codes);
      const stored = await storedVersion(caseId, 1);
      expect(stored.revision).toBe(3);
      expect(stored.status).toBe(codes[1] === 200 ? 'completed' : 'draft');
    });
  });
});
