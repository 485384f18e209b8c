import { and, count, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, caseAssessments, caseEvents, cases, caseTeamMembers } from '../../src/server/db/schema';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { engine, createTestApp, type Session, type TestApp } from '../support/test-app';

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };
type Member = {
  id: string;
  agency: Ref;
  user: UserRef | null;
  role: string;
  joinedAt: string;
  leftAt: string | null;
  current: boolean;
};
type CaseView = {
  id: string;
  reference: string;
  version: number;
  title: string;
  phase: string;
  person: { id: string; givenNames: string; familyName: string; dateOfBirth: { value: string } | null };
  household: { id: string; kind: string; name: string | null } | null;
  lead: { user: UserRef; agency: Ref };
  team: Member[];
  closure: { reason: string; outcome: string; closedAt: string } | null;
  conditions: { assessmentCompleted: boolean };
  actions: { steer: boolean; reassign: boolean };
  closedAt: string | null;
};
type ListItem = {
  id: string;
  reference: string;
  title: string;
  phase: string;
  person: { id: string; givenNames: string; familyName: string; dateOfBirth: { value: string } | null };
  lead: { user: UserRef; agency: Ref };
};
type CaseList = { items: ListItem[]; page: { page: number; pageSize: number; total: number } };
type TimelineEvent = {
  id: string;
  kind: string;
  occurredAt: string;
  actor: UserRef | null;
  agency: Ref | null;
  fromPhase: string | null;
  toPhase: string | null;
  note: string | null;
  closureReason: string | null;
  member: Member | null;
  leadChange: { from: { user: UserRef; agency: Ref }; to: { user: UserRef; agency: Ref } } | null;
  details: Record<string, unknown>;
};
type Timeline = { items: TimelineEvent[]; page: { total: number } };
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };
type Workload = {
  scope: string;
  agency: Ref;
  team: Ref | null;
  openCases: number;
  byPhase: Record<string, number>;
  caseworkers: {
    user: UserRef & { active: boolean };
    openCases: number;
    byPhase: Record<string, number>;
    openTasks: number;
    overdueTasks: number;
  }[];
  unassignedTasks: { open: number; overdue: number };
};

const RANDOM_UUID = '5d3c2b1a-0f9e-4d8c-8b7a-6e5f4d3c2b1a';
/** A legal basis for another agency on the team (issue 5): the transfer between social agencies. */
const LB = { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] } as const;
const PASSWORD = 'ein-langes-passwort-123';

describe(`cases (${engine})`, () => {
  let t: TestApp;
  let soz: Session; // caseworker, Sozialamt, team Flüchtlingssozialdienst
  let sozLead: Session; // team lead, Sozialamt, same team
  let sozOther: Session; // caseworker, Sozialamt, team Leistungen AsylbLG
  let jc: Session; // caseworker, Jobcenter
  let jcLead: Session; // team lead, Jobcenter
  let abh: Session; // caseworker, Ausländerbehörde (never on a team)
  let abhLead: Session; // team lead, Ausländerbehörde
  let admin: Session;
  const agency: Record<string, string> = {};
  const team: Record<string, string> = {};
  const user: Record<string, string> = {};
  let personA: string; // registered by the Sozialamt
  let personB: string;
  let personJc: string; // registered by the Jobcenter

  // Distinct timestamps order the timeline; small steps keep the sessions inside their idle timeout.
  const tick = () => t.clock.advance(1000);
  const get = (session: Session, url: string) => t.request('GET', url, { session });
  const post = (session: Session, url: string, body: unknown, ifMatch?: string) =>
    t.request('POST', url, { session, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const patch = (session: Session, url: string, body: unknown, ifMatch?: string) =>
    t.request('PATCH', url, { session, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const view = (res: LightMyRequestResponse) => res.json<CaseView>();
  const problem = (res: LightMyRequestResponse) => res.json<Problem>();

  const createCase = async (session: Session, body: Record<string, unknown>) => {
    tick();
    const res = await post(session, '/api/v1/cases', body);
    expect(res.statusCode, res.body).toBe(201);
    return view(res);
  };
  const getCase = async (session: Session, id: string) => {
    const res = await get(session, `/api/v1/cases/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return view(res);
  };
  /** A phase move with the case's current ETag. */
  const move = async (session: Session, id: string, body: Record<string, unknown>) => {
    const current = await getCase(session, id);
    tick();
    return post(session, `/api/v1/cases/${id}/phase`, body, `"${current.version}"`);
  };
  const completeAssessment = async (caseId: string) => {
    const now = t.clock.now();
    await t.database.db.insert(caseAssessments).values({
      caseId,
      versionNo: 1,
      status: 'completed',
      domains: {},
      createdAt: now,
      updatedAt: now,
      completedAt: now,
    });
  };
  const auditRows = async (type: string, subjectId?: string) =>
    Number(
      (
        await t.database.db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.type, type), subjectId ? eq(auditEvents.subjectId, subjectId) : undefined))
      )[0]!.n,
    );
  const lastAudit = async (type: string) =>
    (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, type))
        .orderBy(desc(auditEvents.seq))
        .limit(1)
    )[0]!;
  const eventsOf = (caseId: string) =>
    t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.occurredAt);

  const createUser = async (username: string, agencyCode: string, roles: string[], teamName?: string) => {
    const res = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: {
        username,
        displayName: `${username} Testperson`,
        agencyId: agency[agencyCode],
        teamId: teamName ? team[`${agencyCode}/${teamName}`] : null,
        roles,
        initialPassword: PASSWORD,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    user[username] = res.json<{ id: string }>().id;
    return t.login(username, PASSWORD);
  };
  const createPerson = async (session: Session, givenNames: string, familyName: string, dateOfBirth: string) => {
    const res = await t.request('POST', '/api/v1/people', {
      session,
      body: { givenNames, familyName, dateOfBirth, duplicatesReviewed: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    soz = await t.login('sozialamt');
    jc = await t.login('jobcenter');
    abh = await t.login('abh');
    const list = await get(admin, '/api/v1/agencies');
    for (const a of list.json<{ items: { id: string; code: string }[] }>().items) {
      agency[a.code] = a.id;
      const detail = await get(admin, `/api/v1/agencies/${a.id}`);
      for (const tm of detail.json<{ teams: { id: string; name: string }[] }>().teams)
        team[`${a.code}/${tm.name}`] = tm.id;
    }
    const everyone = await get(admin, '/api/v1/users?pageSize=200');
    for (const u of everyone.json<{ items: { id: string; username: string }[] }>().items) user[u.username] = u.id;
    sozLead = await createUser('soz-lead', 'sozialamt', ['team_lead'], 'Flüchtlingssozialdienst');
    sozOther = await createUser('soz-other', 'sozialamt', ['caseworker'], 'Leistungen AsylbLG');
    jcLead = await createUser('jc-lead', 'jobcenter', ['team_lead'], 'Integrationsfachkräfte');
    abhLead = await createUser('abh-lead', 'abh', ['team_lead'], 'Aufenthalt und Asyl');
    await createUser('soz-admin', 'sozialamt', ['agency_admin']);
    personA = await createPerson(soz, 'Amina', 'Rahimi', '1988-04-02');
    personB = await createPerson(soz, 'Bashir', 'Karimi', '1979-11-23');
    personJc = await createPerson(jc, 'Olena', 'Kovalenko', '1992-07-14');
  });
  afterAll(async () => t.close());

  describe('create and read', () => {
    it('opens a case in intake with a reference, ETag, the lead agency on the team, a timeline entry and an audit row', async () => {
      const before = await auditRows('case.created');
      tick();
      const res = await post(soz, '/api/v1/cases', { personId: personA, title: 'Integration Familie Rahimi' });
      expect(res.statusCode, res.body).toBe(201);
      const c = view(res);
      const year = todayIn(t.clock.now()).slice(0, 4);
      expect(c.reference).toMatch(new RegExp(`^F-${year}-\\d{5}$`));
      expect(res.headers.etag).toBe('"1"');
      expect(c).toMatchObject({
        version: 1,
        phase: 'intake',
        title: 'Integration Familie Rahimi',
        person: { id: personA, givenNames: 'Amina', familyName: 'Rahimi', dateOfBirth: { value: '1988-04-02' } },
        household: null,
        lead: { user: { id: user.sozialamt }, agency: { id: agency.sozialamt } },
        closure: null,
        conditions: { assessmentCompleted: false },
        actions: { steer: true, reassign: false },
      });
      expect(c.team).toHaveLength(1);
      expect(c.team[0]).toMatchObject({
        role: 'lead',
        agency: { id: agency.sozialamt },
        user: { id: user.sozialamt },
        current: true,
        leftAt: null,
      });
      expect(await auditRows('case.created')).toBe(before + 1);
      const audit = await lastAudit('case.created');
      expect(audit).toMatchObject({
        subjectType: 'case',
        subjectId: c.id,
        details: { personId: personA, householdId: null },
      });
      expect((await eventsOf(c.id)).map((e) => e.kind)).toEqual(['created']);
    });

    it('numbers references per year, unique and gap-tolerant', async () => {
      const first = await createCase(soz, { personId: personB, title: 'Arbeitsmarktintegration' });
      const year = first.reference.slice(2, 6);
      const n = Number(first.reference.slice(7));
      // A number taken out of order (e.g. an imported case) does not collide: allocation continues above it.
      await t.database.db
        .update(cases)
        .set({ reference: `F-${year}-${String(n + 5).padStart(5, '0')}` })
        .where(eq(cases.id, first.id));
      const next = await createCase(soz, { personId: personB, title: 'Wohnraumsuche' });
      expect(next.reference).toBe(`F-${year}-${String(n + 6).padStart(5, '0')}`);
      const parallel = await Promise.all(
        [1, 2, 3, 4].map((i) => post(soz, '/api/v1/cases', { personId: personB, title: `Parallel ${i}` })),
      );
      expect(parallel.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
      const refs = parallel.map((r) => view(r).reference).sort();
      expect(new Set(refs).size).toBe(4);
      expect(refs).toEqual([7, 8, 9, 10].map((k) => `F-${year}-${String(n + k).padStart(5, '0')}`));
    });

    it('takes further agencies and a lead colleague at creation', async () => {
      const c = await createCase(soz, {
        personId: personB,
        title: 'Übergang AsylbLG → SGB II',
        leadUserId: user['soz-other'],
        teamAgencies: [
          { agencyId: agency.jobcenter, userId: user.jobcenter, role: 'participant', basis: LB },
          { agencyId: agency.abh, role: 'consulted', basis: LB },
        ],
      });
      expect(c.lead.user.id).toBe(user['soz-other']);
      expect(c.team.map((m) => [m.agency.id, m.role, m.user?.id ?? null])).toEqual([
        [agency.sozialamt, 'lead', user['soz-other']],
        [agency.jobcenter, 'participant', user.jobcenter],
        [agency.abh, 'consulted', null],
      ]);
      expect((await eventsOf(c.id)).map((e) => e.kind).sort()).toEqual([
        'created',
        'team_member_added',
        'team_member_added',
      ]);
      expect(await auditRows('case.team_member_added', c.id)).toBe(2);
      // The Jobcenter and the ABH see it now; the Wohnungsamt does not.
      expect((await get(jc, `/api/v1/cases/${c.id}`)).statusCode).toBe(200);
      expect((await get(abh, `/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    });

    it('refuses bad input with field errors, writing nothing', async () => {
      const [casesBefore, auditBefore] = [
        await t.database.db.select({ n: count() }).from(cases),
        await auditRows('case.created'),
      ];
      const bad = async (body: Record<string, unknown>, status: number, paths: string[]) => {
        const res = await post(soz, '/api/v1/cases', body);
        expect(res.statusCode, res.body).toBe(status);
        expect((problem(res).errors ?? []).map((e) => e.path).sort()).toEqual(paths.sort());
        return problem(res);
      };
      await bad({ personId: personA, title: 'x', leadUserId: user.jobcenter }, 400, ['leadUserId']);
      await bad({ personId: personA, title: 'x', leadUserId: user['soz-admin'] }, 400, ['leadUserId']);
      await bad(
        {
          personId: personA,
          title: 'x',
          teamAgencies: [
            { agencyId: agency.jobcenter, role: 'participant', basis: LB },
            { agencyId: agency.jobcenter, role: 'consulted', basis: LB },
            { agencyId: agency.sozialamt, role: 'consulted' },
            { agencyId: RANDOM_UUID, role: 'consulted' },
            { agencyId: agency.abh, userId: user.jobcenter, role: 'consulted', basis: LB },
          ],
        },
        400,
        ['teamAgencies.1.agencyId', 'teamAgencies.2.agencyId', 'teamAgencies.3.agencyId', 'teamAgencies.4.userId'],
      );
      const de = await bad({ personId: personA, title: '' }, 400, ['body.title']);
      expect(de.code).toBe('VALIDATION_FAILED');
      // Another agency's person, or none at all: not found, as on every person route.
      expect((await post(soz, '/api/v1/cases', { personId: personJc, title: 'x' })).statusCode).toBe(404);
      expect((await post(soz, '/api/v1/cases', { personId: RANDOM_UUID, title: 'x' })).statusCode).toBe(404);
      expect((await t.database.db.select({ n: count() }).from(cases))[0]!.n).toBe(casesBefore[0]!.n);
      expect(await auditRows('case.created')).toBe(auditBefore);
    });

    it('links a household the person currently belongs to, and refuses one they do not', async () => {
      const hh = await t.request('POST', '/api/v1/households', {
        session: soz,
        body: {
          kind: 'household',
          name: 'Familie Rahimi',
          members: [{ personId: personA, relationship: 'head', validFrom: '2024-01-01' }],
        },
      });
      expect(hh.statusCode, hh.body).toBe(201);
      const householdId = hh.json<{ id: string }>().id;
      const c = await createCase(soz, { personId: personA, householdId, title: 'Familie Rahimi' });
      expect(c.household).toEqual({ id: householdId, kind: 'household', name: 'Familie Rahimi' });
      const wrong = await post(soz, '/api/v1/cases', { personId: personB, householdId, title: 'x' });
      expect(wrong.statusCode).toBe(400);
      expect(problem(wrong).errors).toEqual([
        { path: 'householdId', message: 'Die Person gehört diesem Haushalt derzeit nicht an.' },
      ]);
      // Another agency's household is not found.
      expect((await post(jc, '/api/v1/cases', { personId: personJc, householdId, title: 'x' })).statusCode).toBe(404);
    });

    it('audits every read of a case', async () => {
      const c = await createCase(soz, { personId: personA, title: 'Lesen' });
      const before = await auditRows('case.viewed', c.id);
      const res = await get(soz, `/api/v1/cases/${c.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(await auditRows('case.viewed', c.id)).toBe(before + 1);
    });
  });

  describe('phases', () => {
    it('walks intake → closure with the entry conditions, a step back, reopening, timeline and audit', async () => {
      const c = await createCase(soz, { personId: personA, title: 'Lebenslauf eines Falls' });
      expect((await move(soz, c.id, { to: 'assessment' })).statusCode).toBe(200);

      // Planning needs a completed assessment: 409 with the German explanation as a field error.
      const blocked = await move(soz, c.id, { to: 'planning' });
      expect(blocked.statusCode).toBe(409);
      expect(problem(blocked)).toMatchObject({
        code: 'CONFLICT',
        errors: [
          {
            path: 'to',
            message:
              'Für die Phase „Hilfeplanung“ muss ein abgeschlossenes Assessment vorliegen. Bitte schließen Sie zuerst das Assessment ab.',
          },
        ],
      });
      const english = await t.request('POST', `/api/v1/cases/${c.id}/phase`, {
        session: soz,
        body: { to: 'planning' },
        headers: { 'if-match': `"${(await getCase(soz, c.id)).version}"`, 'accept-language': 'en' },
      });
      expect(problem(english).errors?.[0]?.message).toMatch(/needs a completed assessment/);
      expect((await getCase(soz, c.id)).phase).toBe('assessment');

      await completeAssessment(c.id);
      expect((await getCase(soz, c.id)).conditions.assessmentCompleted).toBe(true);
      expect((await move(soz, c.id, { to: 'planning' })).statusCode).toBe(200);

      // A jump is refused; a step back needs a reason.
      expect((await move(soz, c.id, { to: 'monitoring' })).statusCode).toBe(409);
      const noReason = await move(soz, c.id, { to: 'assessment' });
      expect(noReason.statusCode).toBe(400);
      expect(problem(noReason).errors?.map((e) => e.path)).toEqual(['reason']);
      const back = await move(soz, c.id, { to: 'assessment', reason: 'Neue gesundheitliche Einschränkung bekannt' });
      expect(back.statusCode, back.body).toBe(200);
      expect(view(back).phase).toBe('assessment');

      for (const to of ['planning', 'implementation', 'monitoring']) {
        const res = await move(soz, c.id, { to });
        expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
      }

      // Closure needs a reason code and an outcome.
      const incomplete = await move(soz, c.id, { to: 'closure' });
      expect(incomplete.statusCode).toBe(400);
      expect(problem(incomplete).errors?.map((e) => e.path)).toEqual(['closureReason', 'outcome']);
      const closed = await move(soz, c.id, {
        to: 'closure',
        closureReason: 'goals_achieved',
        outcome: 'Arbeitsvertrag als Pflegehelferin, Sprachkurs B1 bestanden.',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(view(closed)).toMatchObject({
        phase: 'closure',
        closure: { reason: 'goals_achieved', outcome: 'Arbeitsvertrag als Pflegehelferin, Sprachkurs B1 bestanden.' },
      });
      expect(view(closed).closedAt).not.toBeNull();

      // A closed case moves only by reopening, with a reason.
      expect((await move(soz, c.id, { to: 'monitoring', reason: 'x' })).statusCode).toBe(409);
      const v = (await getCase(soz, c.id)).version;
      const noReopenReason = await post(
        soz,
        `/api/v1/cases/${c.id}/reopen`,
        { to: 'monitoring', reason: ' ' },
        `"${v}"`,
      );
      expect(noReopenReason.statusCode).toBe(400);
      tick();
      const reopened = await post(
        soz,
        `/api/v1/cases/${c.id}/reopen`,
        { to: 'monitoring', reason: 'Arbeitsplatz verloren, erneute Begleitung' },
        `"${v}"`,
      );
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(view(reopened)).toMatchObject({ phase: 'monitoring', closure: null, closedAt: null, version: v + 1 });

      const events = await eventsOf(c.id);
      expect(events.map((e) => [e.kind, e.fromPhase, e.toPhase])).toEqual([
        ['created', null, 'intake'],
        ['phase_changed', 'intake', 'assessment'],
        ['phase_changed', 'assessment', 'planning'],
        ['phase_changed', 'planning', 'assessment'],
        ['phase_changed', 'assessment', 'planning'],
        ['phase_changed', 'planning', 'implementation'],
        ['phase_changed', 'implementation', 'monitoring'],
        ['phase_changed', 'monitoring', 'closure'],
        ['reopened', 'closure', 'monitoring'],
      ]);
      expect(events[3]!.note).toBe('Neue gesundheitliche Einschränkung bekannt');
      // The closure's outcome stays on the timeline after the reopening cleared it from the case.
      expect(events[7]).toMatchObject({
        note: 'Arbeitsvertrag als Pflegehelferin, Sprachkurs B1 bestanden.',
        details: { move: 'close', closureReason: 'goals_achieved' },
      });
      expect(await auditRows('case.phase_changed', c.id)).toBe(7);
      expect(await auditRows('case.reopened', c.id)).toBe(1);
      const lastMove = await lastAudit('case.reopened');
      expect(lastMove.details).toEqual({ from: 'closure', to: 'monitoring', version: v + 1 });
    });

    it('needs If-Match (428) and refuses a stale one (412) naming the newer version', async () => {
      const c = await createCase(soz, { personId: personA, title: 'Versionen' });
      const missing = await post(soz, `/api/v1/cases/${c.id}/phase`, { to: 'assessment' });
      expect(missing.statusCode).toBe(428);
      expect(problem(missing).code).toBe('PRECONDITION_REQUIRED');
      expect((await patch(soz, `/api/v1/cases/${c.id}`, { title: 'Neu' })).statusCode).toBe(428);
      expect((await post(soz, `/api/v1/cases/${c.id}/reopen`, { to: 'intake', reason: 'x' })).statusCode).toBe(428);

      const renamed = await patch(soz, `/api/v1/cases/${c.id}`, { title: 'Versionen, umbenannt' }, '"1"');
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.headers.etag).toBe('"2"');
      expect((await lastAudit('case.updated')).details).toEqual({ fields: ['title'], version: 2 });

      const stale = await post(soz, `/api/v1/cases/${c.id}/phase`, { to: 'assessment' }, '"1"');
      expect(stale.statusCode).toBe(412);
      expect(problem(stale)).toMatchObject({ code: 'PRECONDITION_FAILED' });
      expect(problem(stale).errors?.[0]).toMatchObject({ path: 'version' });
      expect(problem(stale).errors?.[0]?.message).toContain('Version 2');
      expect((await getCase(soz, c.id)).phase).toBe('intake');
      expect((await patch(soz, `/api/v1/cases/${c.id}`, {}, '"2"')).statusCode).toBe(400);
    });

    it('lets exactly one of two concurrent phase changes win', async () => {
      for (let round = 0; round < 3; round++) {
        const c = await createCase(soz, { personId: personB, title: `Wettlauf ${round}` });
        tick();
        const [x, y] = await Promise.all([
          post(soz, `/api/v1/cases/${c.id}/phase`, { to: 'assessment' }, '"1"'),
          post(
            sozLead,
            `/api/v1/cases/${c.id}/phase`,
            { to: 'closure', closureReason: 'other', outcome: 'Doppelt angelegt' },
            '"1"',
          ),
        ]);
        expect([x.statusCode, y.statusCode].sort()).toEqual([200, 412]);
        const winner = x.statusCode === 200 ? 'assessment' : 'closure';
        const after = await getCase(soz, c.id);
        expect(after).toMatchObject({ phase: winner, version: 2 });
        const moves = (await eventsOf(c.id)).filter((e) => e.kind === 'phase_changed');
        expect(moves.map((e) => e.toPhase)).toEqual([winner]);
        expect(await auditRows('case.phase_changed', c.id)).toBe(1);
      }
    });

    it('lets only the lead agency steer; a team agency reads and gets 403', async () => {
      const c = await createCase(soz, {
        personId: personA,
        title: 'Steuerung',
        teamAgencies: [{ agencyId: agency.jobcenter, role: 'participant', basis: LB }],
      });
      const seen = await getCase(jc, c.id);
      expect(seen.actions).toEqual({ steer: false, reassign: false });
      const denied = [
        await post(jc, `/api/v1/cases/${c.id}/phase`, { to: 'assessment' }, '"1"'),
        await patch(jc, `/api/v1/cases/${c.id}`, { title: 'Übernahme' }, '"1"'),
        await post(jc, `/api/v1/cases/${c.id}/team`, { agencyId: agency.aa, role: 'consulted', basis: LB }),
        await post(jc, `/api/v1/cases/${c.id}/team/${seen.team[0]!.id}/end`, {}),
      ];
      expect(denied.map((r) => [r.statusCode, problem(r).code])).toEqual(Array(4).fill([403, 'FORBIDDEN']));
      expect((await getCase(soz, c.id)).version).toBe(1);
    });
  });

  describe('team', () => {
    it('adds an agency once at a time, with a named active colleague of that agency', async () => {
      const c = await createCase(soz, { personId: personA, title: 'Team' });
      tick();
      const added = await post(soz, `/api/v1/cases/${c.id}/team`, {
        agencyId: agency.jobcenter,
        userId: user.jobcenter,
        role: 'participant',
        basis: LB,
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.headers.etag).toBe('"2"');
      const member = view(added).team.find((m) => m.agency.id === agency.jobcenter)!;
      expect(member).toMatchObject({ role: 'participant', user: { id: user.jobcenter }, current: true });
      expect((await lastAudit('case.team_member_added')).details).toEqual({
        memberId: member.id,
        agencyId: agency.jobcenter,
        role: 'participant',
      });

      const again = await post(soz, `/api/v1/cases/${c.id}/team`, {
        agencyId: agency.jobcenter,
        role: 'consulted',
        basis: LB,
      });
      expect(again.statusCode).toBe(409);
      expect(problem(again).errors?.[0]?.path).toBe('agencyId');
      const lead = await post(soz, `/api/v1/cases/${c.id}/team`, { agencyId: agency.sozialamt, role: 'consulted' });
      expect(lead.statusCode).toBe(409);
      const wrongUser = await post(soz, `/api/v1/cases/${c.id}/team`, {
        agencyId: agency.aa,
        userId: user.jobcenter,
        role: 'consulted',
        basis: LB,
      });
      expect(wrongUser.statusCode).toBe(400);
      expect(problem(wrongUser).errors?.[0]?.path).toBe('userId');
      const noRole = await post(soz, `/api/v1/cases/${c.id}/team`, { agencyId: agency.aa, role: 'lead' });
      expect(noRole.statusCode).toBe(400);
      const stale = await post(
        soz,
        `/api/v1/cases/${c.id}/team`,
        { agencyId: agency.aa, role: 'consulted', basis: LB },
        '"1"',
      );
      expect(stale.statusCode).toBe(412);

      // A deactivated colleague cannot be named.
      await createUser('aa-weg', 'aa', ['caseworker']);
      expect(
        (await t.request('PATCH', `/api/v1/users/${user['aa-weg']}`, { session: admin, body: { active: false } }))
          .statusCode,
      ).toBe(200);
      const inactive = await post(soz, `/api/v1/cases/${c.id}/team`, {
        agencyId: agency.aa,
        userId: user['aa-weg'],
        role: 'consulted',
        basis: LB,
      });
      expect(inactive.statusCode).toBe(400);
      expect((await getCase(soz, c.id)).version).toBe(2);
    });

    it('ends a membership once; never the lead’s; the agency may join again afterwards', async () => {
      const c = await createCase(soz, {
        personId: personA,
        title: 'Team beenden',
        teamAgencies: [{ agencyId: agency.jobcenter, role: 'participant', basis: LB }],
      });
      const leadMember = c.team.find((m) => m.role === 'lead')!;
      const jcMember = c.team.find((m) => m.agency.id === agency.jobcenter)!;
      const refused = await post(soz, `/api/v1/cases/${c.id}/team/${leadMember.id}/end`, {});
      expect(refused.statusCode).toBe(409);
      expect(problem(refused).errors?.[0]?.message).toMatch(/Weisen Sie den Fall stattdessen neu zu/);

      tick();
      const ended = await post(soz, `/api/v1/cases/${c.id}/team/${jcMember.id}/end`, {
        reason: 'Kein Leistungsbezug mehr',
      });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(view(ended).team.find((m) => m.id === jcMember.id)).toMatchObject({ current: false });
      expect(view(ended).team.at(-1)!.id).toBe(jcMember.id);
      expect((await lastAudit('case.team_member_ended')).details).toEqual({
        memberId: jcMember.id,
        agencyId: agency.jobcenter,
      });
      const twice = await post(soz, `/api/v1/cases/${c.id}/team/${jcMember.id}/end`, {});
      expect(twice.statusCode, twice.body).toBe(409);
      expect((await post(soz, `/api/v1/cases/${c.id}/team/${RANDOM_UUID}/end`, {})).statusCode).toBe(404);
      // The Jobcenter no longer sees the case.
      expect((await get(jc, `/api/v1/cases/${c.id}`)).statusCode).toBe(404);

      tick();
      const rejoined = await post(soz, `/api/v1/cases/${c.id}/team`, {
        agencyId: agency.jobcenter,
        role: 'consulted',
        basis: LB,
      });
      expect(rejoined.statusCode).toBe(201);
      expect(
        view(rejoined)
          .team.filter((m) => m.agency.id === agency.jobcenter)
          .map((m) => m.current),
      ).toEqual([true, false]);
    });

    it('adds nobody to a closed case, but may still end memberships there', async () => {
      const c = await createCase(soz, {
        personId: personA,
        title: 'Geschlossen',
        teamAgencies: [{ agencyId: agency.jobcenter, role: 'participant', basis: LB }],
      });
      expect(
        (await move(soz, c.id, { to: 'closure', closureReason: 'contact_lost', outcome: 'Nicht erreichbar.' }))
          .statusCode,
      ).toBe(200);
      const add = await post(soz, `/api/v1/cases/${c.id}/team`, { agencyId: agency.aa, role: 'consulted', basis: LB });
      expect(add.statusCode).toBe(409);
      const jcMember = c.team.find((m) => m.agency.id === agency.jobcenter)!;
      expect((await post(soz, `/api/v1/cases/${c.id}/team/${jcMember.id}/end`, {})).statusCode).toBe(200);
    });
  });

  describe('visibility of the person to the case team', () => {
    it('shows a person to another agency only while it is on a case team of the person', async () => {
      const person = await createPerson(soz, 'Yusuf', 'Demirci', '1995-02-28');
      const search = async () =>
        (await get(jc, `/api/v1/people?q=${encodeURIComponent('Yusuf Demirci')}`))
          .json<{ items: { person: { id: string } }[] }>()
          .items.map((i) => i.person.id);
      const duplicates = async () =>
        (
          await post(jc, '/api/v1/people/duplicate-check', {
            givenNames: 'Yusuf',
            familyName: 'Demirci',
            dateOfBirth: '1995-02-28',
          })
        )
          .json<{ candidates: { personId: string }[] }>()
          .candidates.map((c) => c.personId);

      expect(await search()).not.toContain(person);
      expect(await duplicates()).not.toContain(person);
      expect((await get(jc, `/api/v1/people/${person}`)).statusCode).toBe(404);

      const c = await createCase(soz, { personId: person, title: 'Sichtbarkeit' });
      expect((await get(jc, `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
      expect((await get(jc, `/api/v1/people/${person}/cases`)).statusCode).toBe(404);

      tick();
      const added = await post(soz, `/api/v1/cases/${c.id}/team`, {
        agencyId: agency.jobcenter,
        role: 'participant',
        basis: LB,
      });
      expect(added.statusCode).toBe(201);
      expect(await search()).toContain(person);
      expect(await duplicates()).toContain(person);
      const read = await get(jc, `/api/v1/people/${person}`);
      expect(read.statusCode).toBe(200);
      expect(read.json<{ registeredBy: { id: string } }>().registeredBy.id).toBe(agency.sozialamt);
      expect((await get(jc, `/api/v1/cases/${c.id}`)).statusCode).toBe(200);
      const theirs = await get(jc, `/api/v1/people/${person}/cases`);
      expect(theirs.statusCode).toBe(200);
      expect(theirs.json<{ items: ListItem[] }>().items.map((i) => i.id)).toEqual([c.id]);
      const listed = await get(jc, `/api/v1/cases?scope=agency&personId=${person}`);
      expect(listed.json<CaseList>().items.map((i) => i.id)).toEqual([c.id]);
      // Reading is shared; the master data stays with the registering agency.
      const version = read.json<{ version: number }>().version;
      expect((await patch(jc, `/api/v1/people/${person}`, { placeOfBirth: 'Izmir' }, `"${version}"`)).statusCode).toBe(
        404,
      );
      // Agencies that are not on the team still see nothing.
      expect((await get(abh, `/api/v1/people/${person}`)).statusCode).toBe(404);

      const member = view(added).team.find((m) => m.agency.id === agency.jobcenter)!;
      tick();
      expect((await post(soz, `/api/v1/cases/${c.id}/team/${member.id}/end`, {})).statusCode).toBe(200);
      expect(await search()).not.toContain(person);
      expect(await duplicates()).not.toContain(person);
      expect((await get(jc, `/api/v1/people/${person}`)).statusCode).toBe(404);
      expect((await get(jc, `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
      expect((await get(jc, `/api/v1/people/${person}/cases`)).statusCode).toBe(404);
    });

    it('lets an agency on the team open its own case on the person', async () => {
      const c = await createCase(soz, {
        personId: personB,
        title: 'Eigener Fall des Jobcenters',
        teamAgencies: [{ agencyId: agency.jobcenter, role: 'participant', basis: LB }],
      });
      const own = await createCase(jc, { personId: personB, title: 'Eingliederung SGB II' });
      expect(own.lead.agency.id).toBe(agency.jobcenter);
      // The Sozialamt is not on the Jobcenter's case.
      expect((await get(soz, `/api/v1/cases/${own.id}`)).statusCode).toBe(404);
      const mine = (await get(soz, `/api/v1/people/${personB}/cases`))
        .json<{ items: ListItem[] }>()
        .items.map((i) => i.id);
      expect(mine).toContain(c.id);
      expect(mine).not.toContain(own.id);
    });
  });

  describe('reassignment', () => {
    let c: CaseView;
    beforeAll(async () => {
      c = await createCase(soz, { personId: personA, title: 'Neu zuweisen' });
    });

    it('is for team leads of the lead agency only', async () => {
      const body = { leadUserId: user['soz-other'], reason: 'Urlaubsvertretung' };
      const caseworker = await post(soz, `/api/v1/cases/${c.id}/reassign`, body);
      expect([caseworker.statusCode, problem(caseworker).code]).toEqual([403, 'FORBIDDEN']);
      // A team lead of an agency that is not on the team does not learn the case exists.
      expect((await post(abhLead, `/api/v1/cases/${c.id}/reassign`, body)).statusCode).toBe(404);
      tick();
      expect(
        (await post(soz, `/api/v1/cases/${c.id}/team`, { agencyId: agency.jobcenter, role: 'consulted', basis: LB }))
          .statusCode,
      ).toBe(201);
      // A team lead of a team agency sees the case but may not reassign it.
      const other = await post(jcLead, `/api/v1/cases/${c.id}/reassign`, body);
      expect([other.statusCode, problem(other).code]).toEqual([403, 'FORBIDDEN']);
      expect((await getCase(sozLead, c.id)).actions).toEqual({ steer: true, reassign: true });
    });

    it('hands the case to a colleague of the agency, with a reason, audited and on the timeline', async () => {
      const noReason = await post(sozLead, `/api/v1/cases/${c.id}/reassign`, {
        leadUserId: user['soz-other'],
        reason: '',
      });
      expect(noReason.statusCode).toBe(400);
      const notStaff = await post(sozLead, `/api/v1/cases/${c.id}/reassign`, {
        leadUserId: user['soz-admin'],
        reason: 'x',
      });
      expect(notStaff.statusCode).toBe(400);
      const same = await post(sozLead, `/api/v1/cases/${c.id}/reassign`, { leadUserId: user.sozialamt, reason: 'x' });
      expect(same.statusCode).toBe(409);

      tick();
      const res = await post(sozLead, `/api/v1/cases/${c.id}/reassign`, {
        leadUserId: user['soz-other'],
        reason: 'Langzeiterkrankung der Fallverantwortlichen',
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = view(res);
      expect(after.lead).toMatchObject({ user: { id: user['soz-other'] }, agency: { id: agency.sozialamt } });
      expect(after.team.find((m) => m.role === 'lead')).toMatchObject({ user: { id: user['soz-other'] } });
      const audit = await lastAudit('case.reassigned');
      expect(audit).toMatchObject({
        subjectId: c.id,
        details: { fromUserId: user.sozialamt, toUserId: user['soz-other'] },
      });
      expect(JSON.stringify(audit.details)).not.toContain('Langzeit');
      const timeline = (await get(soz, `/api/v1/cases/${c.id}/timeline?kind=reassigned`)).json<Timeline>();
      expect(timeline.items).toHaveLength(1);
      expect(timeline.items[0]).toMatchObject({
        note: 'Langzeiterkrankung der Fallverantwortlichen',
        actor: { id: user['soz-lead'] },
        leadChange: {
          from: { user: { id: user.sozialamt }, agency: { id: agency.sozialamt } },
          to: { user: { id: user['soz-other'] }, agency: { id: agency.sozialamt } },
        },
      });
    });

    it('hands the case over to an agency on the team, which then leads; the former lead stays as participant', async () => {
      const notOnTeam = await post(sozLead, `/api/v1/cases/${c.id}/reassign`, {
        leadUserId: user.aa,
        reason: 'Übergabe',
      });
      expect(notOnTeam.statusCode).toBe(409);
      tick();
      const res = await post(sozLead, `/api/v1/cases/${c.id}/reassign`, {
        leadUserId: user.jobcenter,
        reason: 'Rechtskreiswechsel AsylbLG → SGB II',
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = view(res);
      expect(after.lead).toMatchObject({ user: { id: user.jobcenter }, agency: { id: agency.jobcenter } });
      expect(after.actions).toEqual({ steer: false, reassign: false });
      expect(after.team.filter((m) => m.current).map((m) => [m.agency.id, m.role])).toEqual([
        [agency.jobcenter, 'lead'],
        [agency.sozialamt, 'participant'],
      ]);
      // Now the Jobcenter steers and its team lead reassigns.
      expect((await getCase(jc, c.id)).actions.steer).toBe(true);
      expect((await getCase(jcLead, c.id)).actions.reassign).toBe(true);
      expect((await move(jc, c.id, { to: 'assessment' })).statusCode).toBe(200);
      expect((await move(soz, c.id, { to: 'intake', reason: 'x' })).statusCode).toBe(403);
    });
  });

  describe('timeline', () => {
    it('lists every change newest first with actor and agency, filterable by kind and agency, paged and audited', async () => {
      const c = await createCase(soz, { personId: personB, title: 'Zeitleiste' });
      tick();
      const added = await post(soz, `/api/v1/cases/${c.id}/team`, {
        agencyId: agency.jobcenter,
        userId: user.jobcenter,
        role: 'participant',
        basis: LB,
      });
      expect(added.statusCode).toBe(201);
      expect((await move(soz, c.id, { to: 'assessment' })).statusCode).toBe(200);
      await completeAssessment(c.id);
      expect((await move(soz, c.id, { to: 'planning' })).statusCode).toBe(200);

      const before = await auditRows('case.timeline_viewed', c.id);
      const all = await get(jc, `/api/v1/cases/${c.id}/timeline`);
      expect(all.statusCode).toBe(200);
      const body = all.json<Timeline>();
      expect(body.items.map((e) => e.kind)).toEqual(['phase_changed', 'phase_changed', 'team_member_added', 'created']);
      expect(body.page.total).toBe(4);
      expect(body.items[0]).toMatchObject({
        fromPhase: 'assessment',
        toPhase: 'planning',
        actor: { id: user.sozialamt, displayName: 'Sabine Schulte' },
        agency: { id: agency.sozialamt },
      });
      expect(body.items[2]!.member).toMatchObject({
        agency: { id: agency.jobcenter },
        user: { id: user.jobcenter },
        role: 'participant',
      });
      expect(await auditRows('case.timeline_viewed', c.id)).toBe(before + 1);
      expect((await lastAudit('case.timeline_viewed')).details).toEqual({ resultCount: 4 });

      const phases = (await get(soz, `/api/v1/cases/${c.id}/timeline?kind=phase_changed`)).json<Timeline>();
      expect(phases.items.map((e) => e.toPhase)).toEqual(['planning', 'assessment']);
      const byJc = (await get(soz, `/api/v1/cases/${c.id}/timeline?agencyId=${agency.jobcenter}`)).json<Timeline>();
      expect(byJc.items).toEqual([]);
      const bySoz = (
        await get(soz, `/api/v1/cases/${c.id}/timeline?agencyId=${agency.sozialamt}&kind=created`)
      ).json<Timeline>();
      expect(bySoz.items.map((e) => e.kind)).toEqual(['created']);
      const page2 = (await get(soz, `/api/v1/cases/${c.id}/timeline?pageSize=3&page=2`)).json<Timeline>();
      expect(page2.items.map((e) => e.kind)).toEqual(['created']);
      expect((await get(soz, `/api/v1/cases/${c.id}/timeline?kind=DROP%20TABLE`)).statusCode).toBe(400);
    });
  });

  describe('lists', () => {
    let ids: Record<string, string>;
    let person: string;

    beforeAll(async () => {
      person = await createPerson(soz, 'Listenperson', 'Zeynep Aydin', '2001-05-05');
      ids = {};
      ids.mine = (await createCase(soz, { personId: person, title: 'Liste eins' })).id;
      ids.colleague = (await createCase(sozLead, { personId: person, title: 'Liste zwei' })).id;
      ids.otherTeam = (await createCase(sozOther, { personId: person, title: 'Liste drei' })).id;
      ids.named = (
        await createCase(sozOther, {
          personId: person,
          title: 'Liste vier',
          teamAgencies: [{ agencyId: agency.jobcenter, userId: user.jobcenter, role: 'participant', basis: LB }],
        })
      ).id;
      expect(
        (await move(soz, ids.mine, { to: 'closure', closureReason: 'moved_away', outcome: 'Nach Köln verzogen.' }))
          .statusCode,
      ).toBe(200);
      expect((await move(sozLead, ids.colleague, { to: 'assessment' })).statusCode).toBe(200);
    });

    const listIds = async (session: Session, query: string) => {
      const res = await get(session, `/api/v1/cases?personId=${person}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<CaseList>();
    };

    it('scopes to mine, my team and my agency, always within the cases the agency is on', async () => {
      expect((await listIds(soz, 'scope=mine')).items.map((i) => i.id)).toEqual([ids.mine]);
      expect(new Set((await listIds(soz, 'scope=team')).items.map((i) => i.id))).toEqual(
        new Set([ids.mine, ids.colleague]),
      );
      expect(new Set((await listIds(soz, 'scope=agency')).items.map((i) => i.id))).toEqual(
        new Set([ids.mine, ids.colleague, ids.otherTeam, ids.named]),
      );
      // Named on the team of another agency's case.
      expect((await listIds(jc, 'scope=mine')).items.map((i) => i.id)).toEqual([ids.named]);
      expect((await listIds(jcLead, 'scope=team')).items.map((i) => i.id)).toEqual([]);
      expect((await listIds(abh, 'scope=agency')).items).toEqual([]);
      const defaults = await get(soz, `/api/v1/cases?personId=${person}`);
      expect(defaults.json<CaseList>().items.map((i) => i.id)).toEqual([ids.mine]);
    });

    it('filters by status, phase and text, with person summary and lead', async () => {
      expect(new Set((await listIds(soz, 'scope=agency&status=open')).items.map((i) => i.id))).toEqual(
        new Set([ids.colleague, ids.otherTeam, ids.named]),
      );
      expect((await listIds(soz, 'scope=agency&status=closed')).items.map((i) => i.id)).toEqual([ids.mine]);
      expect((await listIds(soz, 'scope=agency&phase=assessment')).items.map((i) => i.id)).toEqual([ids.colleague]);
      const text = await listIds(soz, `scope=agency&q=${encodeURIComponent('liste zw')}`);
      expect(text.items.map((i) => i.id)).toEqual([ids.colleague]);
      const byName = await listIds(soz, `scope=agency&q=${encodeURIComponent('zeynep')}`);
      expect(byName.page.total).toBe(4);
      expect(byName.items[0]).toMatchObject({
        person: {
          id: person,
          givenNames: 'Listenperson',
          familyName: 'Zeynep Aydin',
          dateOfBirth: { value: '2001-05-05' },
        },
      });
      const wildcard = await listIds(soz, `scope=agency&q=${encodeURIComponent('%')}`);
      expect(wildcard.items).toEqual([]);
      const lead = (await listIds(soz, 'scope=agency&phase=assessment')).items[0]!.lead;
      expect(lead).toMatchObject({ user: { id: user['soz-lead'] }, agency: { id: agency.sozialamt } });
    });

    it('sorts and pages in SQL', async () => {
      const byRef = await listIds(soz, 'scope=agency&sort=reference&dir=asc');
      const refs = byRef.items.map((i) => i.reference);
      expect(refs).toEqual([...refs].sort());
      const desc = await listIds(soz, 'scope=agency&sort=reference&dir=desc');
      expect(desc.items.map((i) => i.reference)).toEqual([...refs].reverse());
      const byPhase = await listIds(soz, 'scope=agency&sort=phase&dir=asc');
      expect(byPhase.items.map((i) => i.phase)).toEqual(['intake', 'intake', 'assessment', 'closure']);
      const page1 = await listIds(soz, 'scope=agency&sort=reference&dir=asc&pageSize=3&page=1');
      const page2 = await listIds(soz, 'scope=agency&sort=reference&dir=asc&pageSize=3&page=2');
      expect(page1.page).toEqual({ page: 1, pageSize: 3, total: 4 });
      expect([...page1.items, ...page2.items].map((i) => i.reference)).toEqual(refs);
      const before = await auditRows('case.listed');
      await listIds(soz, 'scope=agency');
      expect(await auditRows('case.listed')).toBe(before + 1);
      expect((await lastAudit('case.listed')).details).toEqual({ resultCount: 4 });
      expect((await get(soz, '/api/v1/cases?sort=title')).statusCode).toBe(400);
    });
  });

  describe('workload', () => {
    it('counts open cases per caseworker and cases per phase for the team lead’s team or agency', async () => {
      const team = await get(sozLead, '/api/v1/cases/workload');
      expect(team.statusCode, team.body).toBe(200);
      const w = team.json<Workload>();
      expect(w).toMatchObject({
        scope: 'team',
        agency: { id: agency.sozialamt },
        team: { name: 'Flüchtlingssozialdienst' },
      });
      const rows = await t.database.db.select().from(cases).where(eq(cases.leadAgencyId, agency.sozialamt!));
      // The team Flüchtlingssozialdienst: the demo caseworker, the demo team lead and the test's team lead.
      const teamLeads = new Set([user.sozialamt, user.teamleitung!, user['soz-lead']]);
      const inTeam = rows.filter((r) => teamLeads.has(r.leadUserId));
      expect(w.openCases).toBe(inTeam.filter((r) => r.phase !== 'closure').length);
      expect(Object.values(w.byPhase).reduce((a, b) => a + b, 0)).toBe(inTeam.length);
      expect(new Set(w.caseworkers.map((c) => c.user.id))).toEqual(teamLeads);
      const sabine = w.caseworkers.find((c) => c.user.id === user.sozialamt)!;
      expect(sabine.openCases).toBe(
        inTeam.filter((r) => r.leadUserId === user.sozialamt && r.phase !== 'closure').length,
      );
      expect(sabine.openCases).toBeGreaterThan(0);
      // Her tasks are those of her own inbox (tasks and their overdue rule: case-tasks-api.test.ts).
      const inboxTotal = async (query: string) =>
        (await get(soz, `/api/v1/tasks?scope=mine&pageSize=1&${query}`)).json<{ page: { total: number } }>().page.total;
      expect([sabine.openTasks, sabine.overdueTasks]).toEqual([await inboxTotal(''), await inboxTotal('overdue=true')]);
      expect(Object.keys(w.unassignedTasks).sort()).toEqual(['open', 'overdue']);

      const whole = (await get(sozLead, '/api/v1/cases/workload?scope=agency')).json<Workload>();
      expect(whole.team).toBeNull();
      expect(Object.values(whole.byPhase).reduce((a, b) => a + b, 0)).toBe(rows.length);
      expect(whole.caseworkers.map((c) => c.user.id)).toContain(user['soz-other']);
      expect(whole.caseworkers.map((c) => c.user.id)).not.toContain(user['soz-admin']);
      expect((await lastAudit('case.workload_viewed')).details).toEqual({ scope: 'agency' });

      const jcView = (await get(jcLead, '/api/v1/cases/workload?scope=agency')).json<Workload>();
      expect(jcView.agency.id).toBe(agency.jobcenter);
      const jcRows = await t.database.db.select().from(cases).where(eq(cases.leadAgencyId, agency.jobcenter!));
      expect(Object.values(jcView.byPhase).reduce((a, b) => a + b, 0)).toBe(jcRows.length);

      const denied = await get(soz, '/api/v1/cases/workload');
      expect([denied.statusCode, problem(denied).code]).toEqual([403, 'FORBIDDEN']);
    });

    it('keeps a deactivated colleague who still leads cases in the view', async () => {
      await createUser('soz-weg', 'sozialamt', ['caseworker'], 'Flüchtlingssozialdienst');
      const c = await createCase(soz, { personId: personA, title: 'Verwaist', leadUserId: user['soz-weg'] });
      expect(
        (await t.request('PATCH', `/api/v1/users/${user['soz-weg']}`, { session: admin, body: { active: false } }))
          .statusCode,
      ).toBe(200);
      const w = (await get(sozLead, '/api/v1/cases/workload')).json<Workload>();
      expect(w.caseworkers.find((x) => x.user.id === user['soz-weg'])).toMatchObject({
        user: { active: false },
        openCases: 1,
        byPhase: { intake: 1 },
      });
      tick();
      const res = await post(sozLead, `/api/v1/cases/${c.id}/reassign`, {
        leadUserId: user.sozialamt,
        reason: 'Ausgeschieden',
      });
      expect(res.statusCode).toBe(200);
      const after = (await get(sozLead, '/api/v1/cases/workload')).json<Workload>();
      expect(after.caseworkers.map((x) => x.user.id)).not.toContain(user['soz-weg']);
    });
  });

  describe('other agencies', () => {
    it('answers 404 on every case route for an agency that is not on the team, writing nothing', async () => {
      const c = await createCase(soz, {
        personId: personA,
        title: 'Fremd',
        teamAgencies: [{ agencyId: agency.jobcenter, role: 'participant', basis: LB }],
      });
      const memberId = c.team[1]!.id;
      const auditBefore = await t.database.db.select({ n: count() }).from(auditEvents);
      const teamBefore = await t.database.db.select().from(caseTeamMembers).where(eq(caseTeamMembers.caseId, c.id));
      const responses = [
        await get(abh, `/api/v1/cases/${c.id}`),
        await patch(abh, `/api/v1/cases/${c.id}`, { title: 'x' }, '"1"'),
        await post(abh, `/api/v1/cases/${c.id}/phase`, { to: 'assessment' }, '"1"'),
        await post(abh, `/api/v1/cases/${c.id}/reopen`, { to: 'intake', reason: 'x' }, '"1"'),
        await post(abh, `/api/v1/cases/${c.id}/team`, { agencyId: agency.abh, role: 'participant', basis: LB }),
        await post(abh, `/api/v1/cases/${c.id}/team/${memberId}/end`, {}),
        await post(abhLead, `/api/v1/cases/${c.id}/reassign`, { leadUserId: user.abh, reason: 'x' }),
        await get(abh, `/api/v1/cases/${c.id}/timeline`),
        await get(abh, `/api/v1/people/${personA}/cases`),
      ];
      expect(responses.map((r) => [r.statusCode, problem(r).code])).toEqual(
        Array(responses.length).fill([404, 'NOT_FOUND']),
      );
      const listed = (await get(abh, `/api/v1/cases?scope=agency&personId=${personA}`)).json<CaseList>();
      expect(listed.items).toEqual([]);
      expect((await get(abh, `/api/v1/cases/${RANDOM_UUID}`)).statusCode).toBe(404);
      expect((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(auditBefore[0]!.n + 1);
      expect(await t.database.db.select().from(caseTeamMembers).where(eq(caseTeamMembers.caseId, c.id))).toEqual(
        teamBefore,
      );
      expect((await getCase(soz, c.id)).version).toBe(1);
    });

    it('keeps reasons and outcomes out of the audit log', async () => {
      const rows = await t.database.db.select().from(auditEvents);
      const text = JSON.stringify(rows.filter((r) => r.type.startsWith('case.')).map((r) => r.details));
      for (const secret of ['Arbeitsvertrag', 'Rechtskreiswechsel', 'Nach Köln', 'gesundheitliche', 'Zeynep']) {
        expect(text).not.toContain(secret);
      }
    });
  });
});
