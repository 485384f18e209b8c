import { and, count, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  breakGlassGrants,
  caseAssessments,
  casePlans,
  caseTeamMembers,
  consents,
  dataTransfers,
} from '../../src/server/db/schema';
import { emptyDomains } from '../../src/shared/domain/assessment/assessment-content';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

/**
 * Issue 5 inside cases: one condition for seeing a case (team membership on a basis, a consent
 * membership only while the consent is in force, narrowed by the agency's caseworker scope), the
 * basis a new team agency needs, and the field-level filtering of assessments, documents, plans,
 * notes and the timeline by the data categories of the case's person.
 */

const PASSWORD = 'ein-langes-passwort-123';
const RANDOM_UUID = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const LB = { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] } as const;

type Problem = { code: string; errors?: { path: string; message: string }[] };
type Member = {
  id: string;
  agency: { id: string };
  current: boolean;
  basis: { kind: string; consentId: string | null; consentInForce: boolean | null; legalBasis: string | null };
};
type CaseView = {
  id: string;
  reference: string;
  version: number;
  team: Member[];
  access: { categories: string[]; withheld: string[] };
};
type DomainView = {
  strengths: { personView: string | null; caseworkerView: string | null };
  needs: { personView: string | null; caseworkerView: string | null };
  notAssessed: boolean;
  urgency: string | null;
  withheld: boolean;
};
type AssessmentView = {
  versionNo: number;
  revision: number;
  domains: Record<string, DomainView>;
  potentialAnalysis: string | null;
  potentialAnalysisWithheld: boolean;
};

describe(`case access under the data-protection rules (${engine})`, () => {
  let t: TestApp;
  let admin: Session;
  let soz: Session; // Sozialamt, team Flüchtlingssozialdienst
  let sozMate: Session; // Sozialamt, same team
  let sozOther: Session; // Sozialamt, team Leistungen AsylbLG
  let sozLead: Session; // team lead of the Sozialamt
  let jc: Session;
  let ga: Session; // Gesundheitsamt
  let jug: Session; // Jugendamt
  let cbe: Session; // volunteer centre
  const agency: Record<string, string> = {};
  const team: Record<string, string> = {};

  const tick = () => t.clock.advance(1000);
  const get = (s: Session, url: string) => t.request('GET', url, { session: s });
  const post = (s: Session, url: string, body: unknown, headers: Record<string, string> = {}) => {
    tick();
    return t.request('POST', url, { session: s, body, headers });
  };
  const problem = (res: LightMyRequestResponse) => res.json<Problem>();
  const status = async (s: Session, url: string) => (await get(s, url)).statusCode;
  const listIds = async (s: Session, url: string) =>
    (await get(s, url)).json<{ items: { id: string }[] }>().items.map((i) => i.id);
  const lastAudit = async (type: string) =>
    (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, type))
        .orderBy(desc(auditEvents.seq))
        .limit(1)
    )[0];

  const createUser = async (username: string, agencyCode: string, roles: string[], teamName: string) => {
    const res = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: {
        username,
        displayName: `${username} Testperson`,
        agencyId: agency[agencyCode],
        teamId: team[`${agencyCode}/${teamName}`],
        roles,
        initialPassword: PASSWORD,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return t.login(username, PASSWORD);
  };
  const createPerson = async (s: Session, givenNames: string, familyName: string) => {
    const res = await post(s, '/api/v1/people', {
      givenNames,
      familyName,
      dateOfBirth: '1987-03-12',
      duplicatesReviewed: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const createCase = async (s: Session, personId: string, title: string, teamAgencies: unknown[] = []) => {
    const res = await post(s, '/api/v1/cases', { personId, title, teamAgencies });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CaseView>();
  };
  const setScope = async (code: string, caseworkerScope: string) => {
    const res = await t.request('PATCH', `/api/v1/agencies/${agency[code]}`, {
      session: admin,
      body: { caseworkerScope },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ caseworkerScope: string }>();
  };
  /** A consent of the person in force today, written as the consent module stores it. */
  const insertConsent = async (personId: string, recipients: string[], categories: string[]) => {
    const today = todayIn(t.clock.now());
    const [row] = await t.database.db
      .insert(consents)
      .values({
        personId,
        categories,
        recipientAgencyIds: recipients,
        purpose: 'Begleitung im Fallteam',
        givenOn: today,
        expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
        textVersion: 1,
        textLanguage: 'de',
        evidenceKind: 'in_person',
        evidenceNote: 'Im Gespräch bestätigt',
        recordedByAgencyId: agency.sozialamt!,
        recordedAt: t.clock.now(),
      })
      .returning({ id: consents.id });
    return row!.id;
  };
  const upload = (s: Session, caseId: string, docType: string) => {
    tick();
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents?${new URLSearchParams({
        docType,
        title: `Unterlage ${docType}`,
        retentionClass: 'case_file',
        fileName: `${docType}.pdf`,
      }).toString()}`,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: PDF,
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const list = await get(admin, '/api/v1/agencies');
    for (const a of list.json<{ items: { id: string; code: string }[] }>().items) {
      agency[a.code] = a.id;
      const detail = await get(admin, `/api/v1/agencies/${a.id}`);
      for (const tm of detail.json<{ teams: { id: string; name: string }[] }>().teams)
        team[`${a.code}/${tm.name}`] = tm.id;
    }
    soz = await t.login('sozialamt');
    sozMate = await createUser('soz-mate', 'sozialamt', ['caseworker'], 'Flüchtlingssozialdienst');
    sozOther = await createUser('soz-other', 'sozialamt', ['caseworker'], 'Leistungen AsylbLG');
    sozLead = await t.login('teamleitung');
    jc = await t.login('jobcenter');
    ga = await t.login('gesundheitsamt');
    jug = await t.login('jugendamt');
    cbe = await t.login('cbe');
  });
  afterAll(async () => t.close());

  describe('caseworker scope', () => {
    it('narrows cases and people to the own team, then to the own ones; team leads keep the agency', async () => {
      const p1 = await createPerson(soz, 'Leyla', 'Aydin');
      const c1 = await createCase(soz, p1, 'Begleitung Aydin');
      const p2 = await createPerson(sozOther, 'Omid', 'Sadeghi');
      const c2 = await createCase(sozOther, p2, 'Leistungen Sadeghi');
      const task = await post(soz, `/api/v1/cases/${c1.id}/tasks`, {
        title: 'Unterlagen anfordern',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: null,
      });
      expect(task.statusCode, task.body).toBe(201);

      // Default 'agency': every colleague sees every client of the agency.
      expect((await get(admin, `/api/v1/agencies/${agency.sozialamt}`)).json()).toMatchObject({
        caseworkerScope: 'agency',
      });
      expect(await status(sozOther, `/api/v1/cases/${c1.id}`)).toBe(200);
      expect(await status(soz, `/api/v1/cases/${c2.id}`)).toBe(200);

      expect(await setScope('sozialamt', 'team')).toMatchObject({ caseworkerScope: 'team' });
      expect((await lastAudit('agency.updated'))!.details).toEqual({ fields: ['caseworkerScope'] });
      expect((await lastAudit('agency.caseworker_scope_changed'))!.details).toEqual({ from: 'agency', to: 'team' });
      // Same team as the lead case manager: visible; the other team: 404 for case, person, lists and inbox.
      expect(await status(sozMate, `/api/v1/cases/${c1.id}`)).toBe(200);
      expect(await status(sozMate, `/api/v1/people/${p1}`)).toBe(200);
      expect(await status(sozOther, `/api/v1/cases/${c1.id}`)).toBe(404);
      expect(await status(sozOther, `/api/v1/cases/${c1.id}/timeline`)).toBe(404);
      expect(await status(sozOther, `/api/v1/people/${p1}`)).toBe(404);
      expect(await listIds(sozOther, '/api/v1/cases?scope=agency')).toEqual([c2.id]);
      expect(await listIds(sozOther, '/api/v1/tasks?scope=team')).toEqual([]);
      expect(await listIds(sozMate, '/api/v1/tasks?scope=team')).toEqual([task.json<{ id: string }>().id]);
      expect(await status(soz, `/api/v1/cases/${c2.id}`)).toBe(404);
      expect(await status(sozLead, `/api/v1/cases/${c1.id}`)).toBe(200);
      expect(await status(sozLead, `/api/v1/cases/${c2.id}`)).toBe(200);

      await setScope('sozialamt', 'own');
      expect(await status(sozMate, `/api/v1/cases/${c1.id}`)).toBe(404);
      expect(await status(sozMate, `/api/v1/people/${p1}`)).toBe(404);
      expect(await listIds(sozMate, '/api/v1/cases?scope=agency')).toEqual([]);
      expect(await status(soz, `/api/v1/cases/${c1.id}`)).toBe(200);
      expect(await status(sozOther, `/api/v1/cases/${c2.id}`)).toBe(200);
      // The team lead hands the case to the colleague: now it is theirs, and no longer the former lead's.
      const reassign = await post(sozLead, `/api/v1/cases/${c1.id}/reassign`, {
        leadUserId: sozMate.userId,
        reason: 'Urlaubsvertretung',
      });
      expect(reassign.statusCode, reassign.body).toBe(200);
      expect(await status(sozMate, `/api/v1/cases/${c1.id}`)).toBe(200);
      expect(await status(soz, `/api/v1/cases/${c1.id}`)).toBe(404);
      // The person stays with whoever registered them (the register entry is the caseworker's own).
      expect(await status(soz, `/api/v1/people/${p1}`)).toBe(200);

      await setScope('sozialamt', 'agency');
      expect(await status(soz, `/api/v1/cases/${c1.id}`)).toBe(200);
      expect(await status(sozOther, `/api/v1/cases/${c1.id}`)).toBe(200);
    });

    it('accepts only own, team or agency, and only from whoever manages the agency', async () => {
      const bad = await t.request('PATCH', `/api/v1/agencies/${agency.sozialamt}`, {
        session: admin,
        body: { caseworkerScope: 'everyone' },
      });
      expect(bad.statusCode).toBe(400);
      const caseworker = await t.request('PATCH', `/api/v1/agencies/${agency.sozialamt}`, {
        session: soz,
        body: { caseworkerScope: 'own' },
      });
      expect([403, 404]).toContain(caseworker.statusCode);
      expect((await get(admin, `/api/v1/agencies/${agency.sozialamt}`)).json()).toMatchObject({
        caseworkerScope: 'agency',
      });
    });
  });

  describe('basis of a team membership', () => {
    let personId: string;
    let c: CaseView;
    beforeAll(async () => {
      personId = await createPerson(soz, 'Samir', 'Haddad');
      c = await createCase(soz, personId, 'Übergang SGB II');
    });
    const addMember = (body: Record<string, unknown>) => post(soz, `/api/v1/cases/${c.id}/team`, body);
    const counts = async () => [
      Number((await t.database.db.select({ n: count() }).from(caseTeamMembers))[0]!.n),
      Number((await t.database.db.select({ n: count() }).from(dataTransfers))[0]!.n),
    ];

    it('refuses another agency without a valid basis, with German field errors, writing nothing', async () => {
      const before = await counts();
      const refused = async (body: Record<string, unknown>, path: string) => {
        const res = await addMember({ agencyId: agency.jobcenter, role: 'participant', ...body });
        expect(res.statusCode, res.body).toBe(400);
        expect(problem(res).errors?.map((e) => e.path)).toEqual([path]);
        return problem(res).errors![0]!.message;
      };
      expect(await refused({}, 'basis')).toMatch(/Einwilligung der Person.*Rechtsgrundlage/);
      expect(await refused({ basis: { kind: 'consent', consentId: RANDOM_UUID } }, 'basis.consentId')).toMatch(
        /Einwilligung gilt nicht/,
      );
      // A consent of another person, and one naming another agency, do not carry the membership.
      const otherPerson = await createPerson(soz, 'Nadia', 'Haddad');
      const foreign = await insertConsent(otherPerson, [agency.jobcenter!], ['identity']);
      await refused({ basis: { kind: 'consent', consentId: foreign } }, 'basis.consentId');
      const elsewhere = await insertConsent(personId, [agency.aa!], ['identity']);
      await refused({ basis: { kind: 'consent', consentId: elsewhere } }, 'basis.consentId');
      // The Sozialamt does not see youth welfare data, so it cannot pass them on.
      expect(
        await refused({ basis: { ...LB, categories: ['identity', 'youth_welfare'] } }, 'basis.categories'),
      ).toMatch(/Jugendhilfe/);
      await refused({ basis: { ...LB, validUntil: '2000-01-01' } }, 'basis.validUntil');
      const short = await addMember({
        agencyId: agency.jobcenter,
        role: 'participant',
        basis: { ...LB, legalBasis: '§1' },
      });
      expect(short.statusCode).toBe(400);
      expect(await counts()).toEqual(before);
      expect((await get(soz, `/api/v1/cases/${c.id}`)).json<CaseView>().version).toBe(1);
    });

    it('logs the transfer of a legal-basis membership and shows the basis on the team', async () => {
      const res = await addMember({
        agencyId: agency.jobcenter,
        role: 'participant',
        basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['contact', 'identity'] },
      });
      expect(res.statusCode, res.body).toBe(201);
      const member = res.json<CaseView>().team.find((m) => m.agency.id === agency.jobcenter)!;
      expect(member.basis).toEqual({
        kind: 'legal_basis',
        consentId: null,
        consentInForce: null,
        legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X',
      });
      expect(res.json<CaseView>().team.find((m) => m.agency.id === agency.sozialamt)!.basis.kind).toBe('own');
      const [transfer] = await t.database.db
        .select()
        .from(dataTransfers)
        .where(and(eq(dataTransfers.caseId, c.id), eq(dataTransfers.toAgencyId, agency.jobcenter!)));
      const today = todayIn(t.clock.now());
      expect(transfer).toMatchObject({
        personId,
        fromAgencyId: agency.sozialamt,
        categories: ['identity', 'contact'],
        legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X',
        purpose: `Mitarbeit im Fallteam ${c.reference}`,
        validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
        recordedBy: soz.userId,
      });
      expect((await lastAudit('case.team_member_basis'))!.details).toEqual({
        memberId: member.id,
        agencyId: agency.jobcenter,
        kind: 'legal_basis',
        consentId: null,
        transferId: transfer!.id,
        categories: ['identity', 'contact'],
      });
      expect(await status(jc, `/api/v1/cases/${c.id}`)).toBe(200);

      // Leaving the team ends the transfer for the team work (purpose limitation), and with it the access.
      const ended = await post(soz, `/api/v1/cases/${c.id}/team/${member.id}/end`, {});
      expect(ended.statusCode, ended.body).toBe(200);
      const [after] = await t.database.db.select().from(dataTransfers).where(eq(dataTransfers.id, transfer!.id));
      expect(after!.validUntil < today).toBe(true);
      expect(await status(jc, `/api/v1/cases/${c.id}`)).toBe(404);
      expect(await status(jc, `/api/v1/people/${personId}`)).toBe(404);
    });

    it('ends a consent-based membership with the withdrawal of the consent, at the very next request', async () => {
      const consentId = await insertConsent(personId, [agency.gesundheitsamt!], ['identity', 'health']);
      const res = await addMember({
        agencyId: agency.gesundheitsamt,
        role: 'consulted',
        basis: { kind: 'consent', consentId },
      });
      expect(res.statusCode, res.body).toBe(201);
      const member = res.json<CaseView>().team.find((m) => m.agency.id === agency.gesundheitsamt)!;
      expect(member.basis).toEqual({ kind: 'consent', consentId, consentInForce: true, legalBasis: null });
      expect((await lastAudit('case.team_member_basis'))!.details).toMatchObject({ kind: 'consent', consentId });
      expect(await status(ga, `/api/v1/cases/${c.id}`)).toBe(200);
      expect(await listIds(ga, '/api/v1/cases?scope=agency')).toContain(c.id);
      expect(await listIds(ga, `/api/v1/people/${personId}/cases`)).toEqual([c.id]);

      tick();
      await t.database.db.update(consents).set({ withdrawnAt: t.clock.now() }).where(eq(consents.id, consentId));
      expect(await status(ga, `/api/v1/cases/${c.id}`)).toBe(404);
      expect(await listIds(ga, '/api/v1/cases?scope=agency')).not.toContain(c.id);
      expect(await status(ga, `/api/v1/people/${personId}`)).toBe(404);
      // The lead agency sees that the membership no longer rests on a consent in force.
      const seen = (await get(soz, `/api/v1/cases/${c.id}`)).json<CaseView>();
      expect(seen.team.find((m) => m.id === member.id)!.basis).toMatchObject({
        kind: 'consent',
        consentInForce: false,
      });
    });
  });

  describe('data categories inside a case', () => {
    let personId: string;
    let c: CaseView;
    const domainsWith = (texts: Record<string, string>) => {
      const d = emptyDomains();
      for (const [k, text] of Object.entries(texts)) {
        d[k as keyof typeof d] = {
          strengths: { personView: text, caseworkerView: text },
          needs: { personView: null, caseworkerView: null },
          notAssessed: false,
          urgency: null,
        };
      }
      return d;
    };
    const assessment = async (s: Session, versionNo: number) => {
      const res = await get(s, `/api/v1/cases/${c.id}/assessments/${versionNo}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AssessmentView>();
    };
    const save = (s: Session, a: AssessmentView, domains: unknown, potentialAnalysis: string | null) => {
      tick();
      return t.request('PUT', `/api/v1/cases/${c.id}/assessments/${a.versionNo}`, {
        session: s,
        body: { domains, potentialAnalysis },
        headers: { 'if-match': `"${a.revision}"` },
      });
    };
    /** What the client sends back: the domains as received, without the `withheld` flag. */
    const asInput = (a: AssessmentView) =>
      Object.fromEntries(Object.entries(a.domains).map(([k, { withheld: _w, ...d }]) => [k, d]));

    beforeAll(async () => {
      personId = await createPerson(soz, 'Hamid', 'Rahimi');
      c = await createCase(soz, personId, 'Gesundheit und Leistungen', [
        { agencyId: agency.gesundheitsamt, role: 'consulted', basis: LB },
        { agencyId: agency.jobcenter, role: 'participant', basis: LB },
        { agencyId: agency.jugendamt, role: 'consulted', basis: LB },
      ]);
      const consentId = await insertConsent(personId, [agency.cbe!], ['identity', 'contact']);
      expect(
        (
          await post(soz, `/api/v1/cases/${c.id}/team`, {
            agencyId: agency.cbe,
            role: 'consulted',
            basis: { kind: 'consent', consentId },
          })
        ).statusCode,
      ).toBe(201);
    });

    it('tells the caller which categories of the person it sees', async () => {
      const seen = (await get(ga, `/api/v1/cases/${c.id}`)).json<CaseView>();
      expect(seen.access.categories).toEqual(['identity', 'contact', 'health', 'case_notes']);
      expect(seen.access.withheld).toContain('benefits');
    });

    it('sends withheld life domains and the potential analysis empty and keeps them on a save', async () => {
      const started = await post(soz, `/api/v1/cases/${c.id}/assessments`, { basis: 'empty' });
      expect(started.statusCode, started.body).toBe(201);
      const draft = started.json<AssessmentView>();
      const saved = await save(
        soz,
        draft,
        domainsWith({ health: 'Diabetes, gut eingestellt', finances_debts: 'Schulden beim Energieversorger' }),
        'Erfahrung als Elektriker',
      );
      expect(saved.statusCode, saved.body).toBe(200);

      const v = await assessment(ga, draft.versionNo);
      expect(v.domains.health).toMatchObject({
        withheld: false,
        strengths: { personView: 'Diabetes, gut eingestellt' },
      });
      expect(v.domains.finances_debts).toEqual({
        strengths: { personView: null, caseworkerView: null },
        needs: { personView: null, caseworkerView: null },
        notAssessed: false,
        urgency: null,
        withheld: true,
      });
      expect(v.domains.work!.withheld).toBe(true);
      expect(v.potentialAnalysis).toBeNull();
      expect(v.potentialAnalysisWithheld).toBe(true);
      expect(JSON.stringify(v)).not.toMatch(/Schulden|Elektriker/);

      // Writing into a withheld domain: 403 naming the category; nothing changes.
      const intoWithheld = asInput(v);
      intoWithheld.finances_debts = domainsWith({ finances_debts: 'überschrieben' }).finances_debts;
      const refused = await save(ga, v, intoWithheld, null);
      expect(refused.statusCode).toBe(403);
      expect(problem(refused).errors?.[0]?.message).toMatch(/Leistungen/);
      expect((await save(ga, v, asInput(v), 'Potenzial')).statusCode).toBe(403);

      // Saving what it received, with its own domain changed, keeps what it could not see.
      const own = asInput(v);
      own.health = domainsWith({ health: 'Diabetes, Schulung begonnen' }).health;
      const ok = await save(ga, v, own, null);
      expect(ok.statusCode, ok.body).toBe(200);
      const [stored] = await t.database.db.select().from(caseAssessments).where(eq(caseAssessments.caseId, c.id));
      expect(JSON.stringify(stored!.domains)).toMatch(/Schulden beim Energieversorger/);
      expect(JSON.stringify(stored!.domains)).toMatch(/Schulung begonnen/);
      expect(stored!.potentialAnalysis).toBe('Erfahrung als Elektriker');
      expect((await assessment(soz, draft.versionNo)).domains.finances_debts!.strengths.personView).toBe(
        'Schulden beim Energieversorger',
      );
    });

    it('compares versions without the texts of withheld domains', async () => {
      const current = await assessment(soz, 1);
      const completeBody = domainsWith(Object.fromEntries(Object.keys(current.domains).map((k) => [k, `Stand ${k}`])));
      completeBody.finances_debts = domainsWith({ finances_debts: 'Schulden beim Energieversorger' }).finances_debts;
      expect((await save(soz, current, completeBody, 'Erfahrung als Elektriker')).statusCode).toBe(200);
      const v1 = await assessment(soz, 1);
      tick();
      const done = await t.request('POST', `/api/v1/cases/${c.id}/assessments/1/complete`, {
        session: soz,
        headers: { 'if-match': `"${v1.revision}"` },
      });
      expect(done.statusCode, done.body).toBe(200);
      const v2 = (await post(soz, `/api/v1/cases/${c.id}/assessments`, { basis: 'latest' })).json<AssessmentView>();
      const changed = structuredClone(completeBody);
      changed.finances_debts = domainsWith({ finances_debts: 'Schulden getilgt' }).finances_debts;
      changed.health = domainsWith({ health: 'Diabetes stabil' }).health;
      expect((await save(soz, v2, changed, 'Elektriker mit Anerkennung')).statusCode).toBe(200);

      const cmp = await get(ga, `/api/v1/cases/${c.id}/assessments/compare?from=1&to=2`);
      expect(cmp.statusCode, cmp.body).toBe(200);
      const body = cmp.json<{
        domains: { key: string; changed: boolean; withheld: boolean; texts: unknown[] }[];
        changedDomains: string[];
        potentialAnalysis: unknown;
        potentialAnalysisWithheld: boolean;
      }>();
      expect(body.changedDomains).toEqual(['health']);
      expect(body.domains.find((d) => d.key === 'finances_debts')).toMatchObject({
        changed: false,
        withheld: true,
        texts: [],
      });
      expect(body.potentialAnalysis).toBeNull();
      expect(body.potentialAnalysisWithheld).toBe(true);
      expect(cmp.body).not.toMatch(/Schulden|Elektriker/);
      // The Sozialamt sees both changes.
      const full = (await get(soz, `/api/v1/cases/${c.id}/assessments/compare?from=1&to=2`)).json<{
        changedDomains: string[];
      }>();
      expect(full.changedDomains).toEqual(['health', 'finances_debts']);
    });

    it('lets an agency complete an assessment without the domains withheld from it', async () => {
      const own = await createPerson(jc, 'Yusuf', 'Demir');
      const jcCase = await createCase(jc, own, 'Eingliederung');
      const phase = await post(jc, `/api/v1/cases/${jcCase.id}/phase`, { to: 'assessment' }, { 'if-match': '"1"' });
      expect(phase.statusCode, phase.body).toBe(200);
      const draft = (
        await post(jc, `/api/v1/cases/${jcCase.id}/assessments`, { basis: 'empty' })
      ).json<AssessmentView>();
      expect(draft.domains.health!.withheld).toBe(true);
      const domains = emptyDomains();
      for (const k of Object.keys(domains) as (keyof typeof domains)[]) {
        if (k === 'work') domains[k] = domainsWith({ work: 'Zwölf Jahre Bäcker' }).work;
        else if (k !== 'health') domains[k] = { ...domains[k], notAssessed: true };
      }
      tick();
      const saved = await t.request('PUT', `/api/v1/cases/${jcCase.id}/assessments/1`, {
        session: jc,
        body: { domains, potentialAnalysis: 'Berufserfahrung ist da.' },
        headers: { 'if-match': `"${draft.revision}"` },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      tick();
      const done = await t.request('POST', `/api/v1/cases/${jcCase.id}/assessments/1/complete`, {
        session: jc,
        headers: { 'if-match': `"${saved.json<AssessmentView>().revision}"` },
      });
      expect(done.statusCode, done.body).toBe(200);
    });

    it('lists and serves only documents of visible types, and refuses uploads of withheld ones', async () => {
      const medical = await upload(soz, c.id, 'medical');
      expect(medical.statusCode, medical.body).toBe(201);
      const notice = await upload(soz, c.id, 'decision_notice');
      expect(notice.statusCode, notice.body).toBe(201);
      const [medicalId, noticeId] = [medical.json<{ id: string }>().id, notice.json<{ id: string }>().id];
      const docs = (s: Session) => listIds(s, `/api/v1/cases/${c.id}/documents`);

      expect(await docs(ga)).toEqual([medicalId]);
      expect(await status(ga, `/api/v1/cases/${c.id}/documents/${noticeId}/content`)).toBe(404);
      expect(await status(ga, `/api/v1/cases/${c.id}/documents/${medicalId}/content`)).toBe(200);
      expect(await docs(jc)).toEqual([noticeId]);
      expect(await status(jc, `/api/v1/cases/${c.id}/documents/${medicalId}/content`)).toBe(404);
      expect((await docs(soz)).sort()).toEqual([medicalId, noticeId].sort());

      const refused = await upload(ga, c.id, 'application');
      expect(refused.statusCode).toBe(403);
      expect(problem(refused).errors?.[0]?.message).toMatch(/„Leistungen“/);

      // The timeline keeps the Gesundheitsamt's view of the upload, without type or id.
      const timeline = (await get(ga, `/api/v1/cases/${c.id}/timeline?kind=document_uploaded`)).json<{
        items: { details: Record<string, unknown> }[];
      }>();
      expect(timeline.items.map((e) => e.details)).toEqual(
        expect.arrayContaining([{}, { documentId: medicalId, docType: 'medical' }]),
      );
      expect(JSON.stringify(timeline)).not.toContain(noticeId);
    });

    it('shows plans only of released kinds: a Hilfeplan to the Jugendamt, not to the Jobcenter', async () => {
      const insertPlan = async (kind: string, owner: string) => {
        const [row] = await t.database.db
          .insert(casePlans)
          .values({
            caseId: c.id,
            kind,
            title: kind === 'hilfeplan' ? 'Hilfeplan Familie Rahimi' : 'Integrationsplan',
            status: 'draft',
            ownerAgencyId: agency[owner]!,
            createdAt: t.clock.now(),
            updatedAt: t.clock.now(),
          })
          .returning({ id: casePlans.id });
        return row!.id;
      };
      const hilfeplan = await insertPlan('hilfeplan', 'jugendamt');
      const integration = await insertPlan('integration_plan', 'sozialamt');
      const plans = (s: Session) => listIds(s, `/api/v1/cases/${c.id}/plans`);

      expect(await plans(jug)).toEqual(expect.arrayContaining([hilfeplan]));
      expect(await status(jug, `/api/v1/cases/${c.id}/plans/${hilfeplan}`)).toBe(200);
      expect(await plans(jc)).toEqual([integration]);
      expect(await status(jc, `/api/v1/cases/${c.id}/plans/${hilfeplan}`)).toBe(404);
      expect(await status(jc, `/api/v1/cases/${c.id}/plans/${hilfeplan}/pdf`)).toBe(404);
      expect(await status(soz, `/api/v1/cases/${c.id}/plans/${hilfeplan}`)).toBe(404);
      // The Gesundheitsamt sees neither (employment_profile, youth_welfare are not its categories).
      expect(await plans(ga)).toEqual([]);
      expect(await status(ga, `/api/v1/cases/${c.id}/plans/${integration}`)).toBe(404);
    });

    it('lets only agencies that see case notes read or write notes', async () => {
      const note = await post(soz, `/api/v1/cases/${c.id}/notes`, {
        kind: 'contact',
        occurredAt: t.clock.now().toISOString(),
        subject: 'Wohnsituation',
        body: 'Gespräch über die Wohnsituation',
        confidentiality: 'team',
      });
      expect(note.statusCode, note.body).toBe(201);
      expect(await listIds(ga, `/api/v1/cases/${c.id}/notes`)).toHaveLength(1);
      // The volunteer centre is on the team by consent for identity and contact only.
      expect(await status(cbe, `/api/v1/cases/${c.id}`)).toBe(200);
      const read = await get(cbe, `/api/v1/cases/${c.id}/notes`);
      expect(read.statusCode).toBe(403);
      expect(problem(read).errors?.[0]?.message).toMatch(/Fallvermerke/);
      const write = await post(cbe, `/api/v1/cases/${c.id}/notes`, {
        kind: 'contact',
        occurredAt: t.clock.now().toISOString(),
        subject: 'Patenschaft',
        body: 'Patenschaft vermittelt',
        confidentiality: 'team',
      });
      expect(write.statusCode).toBe(403);
      const timeline = (await get(cbe, `/api/v1/cases/${c.id}/timeline?kind=note_added`)).json<{
        items: { note: string | null; details: Record<string, unknown> }[];
      }>();
      expect(timeline.items).toHaveLength(1);
      expect(timeline.items[0]!.details).toEqual({});
    });

    it('never opens a case through a break-glass grant: the grant opens the person only', async () => {
      const woh = await t.login('wohnungsamt');
      expect(await status(woh, `/api/v1/people/${personId}`)).toBe(404);
      await t.database.db.insert(breakGlassGrants).values({
        userId: woh.userId,
        agencyId: agency.wohnungsamt!,
        personId,
        reason: 'Räumung der Unterkunft heute, Familie nicht erreichbar',
        grantedAt: t.clock.now(),
        expiresAt: new Date(t.clock.now().getTime() + 3 * 3600_000),
      });
      tick();
      expect(await status(woh, `/api/v1/people/${personId}`)).toBe(200);
      expect(await status(woh, `/api/v1/cases/${c.id}`)).toBe(404);
      expect(await listIds(woh, `/api/v1/people/${personId}/cases`)).toEqual([]);
    });
  });
});
