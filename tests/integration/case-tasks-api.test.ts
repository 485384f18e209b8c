import { and, count, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, caseEvents, caseTasks, users } from '../../src/server/db/schema';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };
type Task = {
  id: string;
  version: number;
  title: string;
  description: string | null;
  status: string;
  dueDate: string | null;
  overdue: boolean;
  assignee: { agency: Ref; user: UserRef | null };
  source: { kind: string; id: string | null; conferenceId: string | null };
  case: { id: string; reference: string; title: string; closed: boolean };
  person: { id: string; displayName: string };
  createdBy: UserRef | null;
  createdByAgency: Ref | null;
  completedAt: string | null;
  completedBy: UserRef | null;
  actions: { change: boolean };
};
type TaskList = { items: Task[]; page: { page: number; pageSize: number; total: number } };
type Inbox = TaskList & { counts: { open: number; overdue: number } };
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };
type CaseView = {
  id: string;
  reference: string;
  version: number;
  team: { id: string; agency: Ref; current: boolean }[];
};
type Workload = {
  caseworkers: { user: UserRef & { active: boolean }; openCases: number; openTasks: number; overdueTasks: number }[];
  unassignedTasks: { open: number; overdue: number };
};

const PASSWORD = 'ein-langes-passwort-123';

/** 'YYYY-MM-DD' plus `days` on the calendar. */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe(`case tasks (${engine})`, () => {
  let t: TestApp;
  let admin: Session;
  let soz: Session; // Sabine Schulte, caseworker, Sozialamt (team Flüchtlingssozialdienst)
  let soz2: Session; // a colleague in the same team
  let sozLead: Session; // team lead of that team
  let jc: Session; // Jobcenter
  let abh: Session; // Ausländerbehörde
  let jug: Session; // Jugendamt
  const agency: Record<string, string> = {};
  const agencyName: Record<string, string> = {};
  const team: Record<string, string> = {};
  const user: Record<string, string> = {};
  let personId: string;
  let today: string;

  const tick = () => t.clock.advance(1000);
  const get = (session: Session, url: string) => t.request('GET', url, { session });
  const post = (session: Session, url: string, body: unknown, ifMatch?: string) =>
    t.request('POST', url, { session, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const patch = (session: Session, url: string, body: unknown, ifMatch?: string) =>
    t.request('PATCH', url, { session, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const problem = (res: LightMyRequestResponse) => res.json<Problem>();
  const messages = (res: LightMyRequestResponse) => (problem(res).errors ?? []).map((e) => e.message).join(' | ');
  const paths = (res: LightMyRequestResponse) => (problem(res).errors ?? []).map((e) => e.path);

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
  const eventsOf = (caseId: string) =>
    t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.occurredAt);

  const createUser = async (username: string, agencyCode: string, roles: string[], teamName?: string) => {
    const res = await post(admin, '/api/v1/users', {
      username,
      displayName: `${username} Testperson`,
      agencyId: agency[agencyCode],
      teamId: teamName ? team[`${agencyCode}/${teamName}`] : null,
      roles,
      initialPassword: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(201);
    user[username] = res.json<{ id: string }>().id;
    return t.login(username, PASSWORD);
  };

  const createCase = async (title: string, teamAgencies: string[] = []): Promise<CaseView> => {
    tick();
    const res = await post(soz, '/api/v1/cases', {
      personId,
      title,
      teamAgencies: teamAgencies.map((code) => ({
        agencyId: agency[code],
        role: 'participant',
        basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
      })),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CaseView>();
  };
  const createTask = async (session: Session, caseId: string, body: Record<string, unknown>): Promise<Task> => {
    tick();
    const res = await post(session, `/api/v1/cases/${caseId}/tasks`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Task>();
  };
  const change = async (session: Session, task: Task, body: Record<string, unknown>) => {
    tick();
    return patch(session, `/api/v1/cases/${task.case.id}/tasks/${task.id}`, body, `"${task.version}"`);
  };
  const inbox = async (session: Session, query = ''): Promise<Inbox> => {
    const res = await get(session, `/api/v1/tasks?pageSize=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Inbox>();
  };
  const caseTasksOf = async (session: Session, caseId: string, query = ''): Promise<TaskList> => {
    const res = await get(session, `/api/v1/cases/${caseId}/tasks?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TaskList>();
  };
  const closeCase = async (caseId: string) => {
    const current = (await get(soz, `/api/v1/cases/${caseId}`)).json<CaseView>();
    tick();
    const res = await post(
      soz,
      `/api/v1/cases/${caseId}/phase`,
      { to: 'closure', closureReason: 'goals_achieved', outcome: 'Ziele erreicht' },
      `"${current.version}"`,
    );
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    soz = await t.login('sozialamt');
    jc = await t.login('jobcenter');
    abh = await t.login('abh');
    jug = await t.login('jugendamt');
    for (const a of await t.database.db
      .select({ id: agencies.id, code: agencies.code, name: agencies.name })
      .from(agencies)) {
      agency[a.code] = a.id;
      agencyName[a.code] = a.name;
      const detail = await get(admin, `/api/v1/agencies/${a.id}`);
      for (const tm of detail.json<{ teams: { id: string; name: string }[] }>().teams)
        team[`${a.code}/${tm.name}`] = tm.id;
    }
    const everyone = await get(admin, '/api/v1/users?pageSize=200');
    for (const u of everyone.json<{ items: { id: string; username: string }[] }>().items) user[u.username] = u.id;
    soz2 = await createUser('soz-kollegin', 'sozialamt', ['caseworker'], 'Flüchtlingssozialdienst');
    sozLead = await createUser('soz-leitung', 'sozialamt', ['team_lead'], 'Flüchtlingssozialdienst');
    await createUser('soz-verwaltung', 'sozialamt', ['agency_admin']);
    const person = await post(soz, '/api/v1/people', {
      givenNames: 'Samira',
      familyName: 'Haddad',
      dateOfBirth: '1990-05-17',
      duplicatesReviewed: true,
    });
    expect(person.statusCode, person.body).toBe(201);
    personId = person.json<{ id: string }>().id;
    today = todayIn(t.clock.now());
  });
  afterAll(async () => t.close());

  describe('creating', () => {
    it('adds a task with an ETag, a timeline entry without text and an audit row', async () => {
      const c = await createCase('Aufgaben anlegen', ['jobcenter']);
      const before = await auditCount('case_task.created');
      tick();
      const res = await post(soz, `/api/v1/cases/${c.id}/tasks`, {
        title: '  Antrag auf Wohnberechtigungsschein begleiten  ',
        description: 'Unterlagen liegen vor.',
        assigneeAgencyId: agency.jobcenter,
        assigneeUserId: user.jobcenter,
        dueDate: addDays(today, 7),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const task = res.json<Task>();
      expect(task).toMatchObject({
        version: 1,
        title: 'Antrag auf Wohnberechtigungsschein begleiten',
        description: 'Unterlagen liegen vor.',
        status: 'open',
        dueDate: addDays(today, 7),
        overdue: false,
        assignee: { agency: { id: agency.jobcenter }, user: { id: user.jobcenter, displayName: 'Jonas Krämer' } },
        source: { kind: 'manual', id: null, conferenceId: null },
        case: { id: c.id, reference: c.reference, title: 'Aufgaben anlegen' },
        person: { id: personId, displayName: 'Samira Haddad' },
        createdBy: { id: user.sozialamt },
        createdByAgency: { id: agency.sozialamt },
        completedAt: null,
        actions: { change: true },
      });
      expect(await auditCount('case_task.created')).toBe(before + 1);
      expect((await lastAudit('case_task.created')).details).toEqual({
        taskId: task.id,
        source: 'manual',
        assigneeAgencyId: agency.jobcenter,
      });
      const events = (await eventsOf(c.id)).filter((e) => e.kind === 'task_created');
      expect(events).toHaveLength(1);
      expect(events[0]!.details).toEqual({
        taskId: task.id,
        status: 'open',
        source: 'manual',
        assigneeAgencyId: agency.jobcenter,
      });
      expect(events[0]!.note).toBeNull();
      // The task shows in the case's list for every team agency.
      expect((await caseTasksOf(jc, c.id)).items.map((x) => x.id)).toEqual([task.id]);
    });

    it('refuses an assignee outside the case team, a colleague of another agency and a wrong date', async () => {
      const c = await createCase('Zuständigkeiten', ['jobcenter']);
      const rowsBefore = await t.database.db.select({ n: count() }).from(caseTasks);
      const notOnTeam = await post(soz, `/api/v1/cases/${c.id}/tasks`, { title: 'x', assigneeAgencyId: agency.abh });
      expect([notOnTeam.statusCode, paths(notOnTeam)]).toEqual([400, ['assigneeAgencyId']]);
      expect(messages(notOnTeam)).toContain('Nehmen Sie die Stelle zuerst ins Fallteam auf.');
      const wrongColleague = await post(soz, `/api/v1/cases/${c.id}/tasks`, {
        title: 'x',
        assigneeAgencyId: agency.jobcenter,
        assigneeUserId: user.sozialamt,
      });
      expect([wrongColleague.statusCode, paths(wrongColleague)]).toEqual([400, ['assigneeUserId']]);
      // An agency administrator is no caseworker: not a possible assignee.
      const admins = await post(soz, `/api/v1/cases/${c.id}/tasks`, {
        title: 'x',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user['soz-verwaltung'],
      });
      expect([admins.statusCode, paths(admins)]).toEqual([400, ['assigneeUserId']]);
      const badDate = await post(soz, `/api/v1/cases/${c.id}/tasks`, {
        title: 'x',
        assigneeAgencyId: agency.sozialamt,
        dueDate: '2026-02-30',
      });
      expect(badDate.statusCode).toBe(400);
      expect(paths(badDate)).toEqual(['body.dueDate']);
      const noTitle = await post(soz, `/api/v1/cases/${c.id}/tasks`, {
        title: '  ',
        assigneeAgencyId: agency.sozialamt,
      });
      expect(noTitle.statusCode).toBe(400);
      expect(await t.database.db.select({ n: count() }).from(caseTasks)).toEqual(rowsBefore);
    });

    it('answers 404 to an agency that is not on the team, and for a task of another case', async () => {
      const c = await createCase('Fremde Stelle');
      const other = await createCase('Anderer Fall');
      const task = await createTask(soz, c.id, { title: 'Gespräch', assigneeAgencyId: agency.sozialamt });
      const responses = [
        await get(abh, `/api/v1/cases/${c.id}/tasks`),
        await post(abh, `/api/v1/cases/${c.id}/tasks`, { title: 'x', assigneeAgencyId: agency.abh }),
        await patch(abh, `/api/v1/cases/${c.id}/tasks/${task.id}`, { status: 'done' }, '"1"'),
        await patch(soz, `/api/v1/cases/${other.id}/tasks/${task.id}`, { status: 'done' }, '"1"'),
      ];
      expect(responses.map((r) => [r.statusCode, problem(r).code])).toEqual(Array(4).fill([404, 'NOT_FOUND']));
      expect((await inbox(abh, 'scope=team&status=all')).items.map((x) => x.id)).not.toContain(task.id);
    });

    it('refuses new tasks on a closed case (409) but lets open ones be completed or cancelled', async () => {
      const c = await createCase('Abschluss', ['jobcenter']);
      const first = await createTask(soz, c.id, { title: 'Erledigen', assigneeAgencyId: agency.jobcenter });
      const second = await createTask(soz, c.id, { title: 'Streichen', assigneeAgencyId: agency.sozialamt });
      const third = await createTask(soz, c.id, { title: 'Ändern', assigneeAgencyId: agency.sozialamt });
      const reopened = await change(soz, third, { status: 'done' });
      expect(reopened.statusCode).toBe(200);
      expect(first.case.closed).toBe(false);
      await closeCase(c.id);
      expect((await caseTasksOf(jc, c.id, 'status=all')).items.map((x) => x.case.closed)).toEqual([true, true, true]);

      const created = await post(soz, `/api/v1/cases/${c.id}/tasks`, {
        title: 'Neu',
        assigneeAgencyId: agency.sozialamt,
      });
      expect([created.statusCode, problem(created).code]).toEqual([409, 'CONFLICT']);
      expect(messages(created)).toContain('Der Fall ist abgeschlossen');

      const done = await change(jc, first, { status: 'done' });
      expect(done.statusCode, done.body).toBe(200);
      const cancelled = await change(soz, second, { status: 'cancelled' });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      const edited = await change(soz, cancelled.json<Task>(), { title: 'Anders' });
      expect(edited.statusCode).toBe(409);
      const again = await change(soz, reopened.json<Task>(), { status: 'open' });
      expect([again.statusCode, problem(again).code]).toEqual([409, 'CONFLICT']);
      expect(messages(again)).toContain('Der Fall ist abgeschlossen');
    });
  });

  describe('changing', () => {
    it('completes with completedAt/By, reopens, cancels for good, and writes timeline and audit', async () => {
      const c = await createCase('Statuswechsel');
      const task = await createTask(soz, c.id, {
        title: 'Sprachkurs anmelden',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
      });
      const done = await change(soz, task, { status: 'done' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.headers.etag).toBe('"2"');
      const d = done.json<Task>();
      expect(d).toMatchObject({ status: 'done', version: 2, completedBy: { id: user.sozialamt } });
      expect(d.completedAt).toBe(t.clock.now().toISOString());
      expect((await lastAudit('case_task.updated')).details).toEqual({
        taskId: task.id,
        fields: ['status'],
        status: 'done',
        version: 2,
      });

      const reopened = await change(soz, d, { status: 'open' });
      expect(reopened.json<Task>()).toMatchObject({ status: 'open', completedAt: null, completedBy: null, version: 3 });
      const edited = await change(soz, reopened.json<Task>(), {
        title: 'Sprachkurs B1 anmelden',
        dueDate: addDays(today, 3),
        description: 'Kursträger VHS',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json<Task>()).toMatchObject({
        title: 'Sprachkurs B1 anmelden',
        dueDate: addDays(today, 3),
        version: 4,
      });
      expect((await lastAudit('case_task.updated')).details).toMatchObject({
        fields: ['title', 'description', 'dueDate'],
        status: 'open',
      });
      // Sending what is stored changes nothing (no version, no entry).
      const same = await change(soz, edited.json<Task>(), { title: 'Sprachkurs B1 anmelden' });
      expect(same.json<Task>().version).toBe(4);

      const cancelled = await change(soz, edited.json<Task>(), { status: 'cancelled' });
      expect(cancelled.json<Task>().status).toBe('cancelled');
      const back = await change(soz, cancelled.json<Task>(), { status: 'open' });
      expect([back.statusCode, problem(back).code]).toEqual([409, 'CONFLICT']);
      expect(messages(back)).toContain('entfallen');
      const done2 = await change(soz, cancelled.json<Task>(), { status: 'done' });
      expect(done2.statusCode).toBe(409);

      const kinds = (await eventsOf(c.id)).filter((e) => e.kind.startsWith('task_'));
      expect(kinds.map((e) => [e.kind, e.details.status])).toEqual([
        ['task_created', 'open'],
        ['task_completed', 'done'],
        ['task_updated', 'open'],
        ['task_updated', 'open'],
        ['task_updated', 'cancelled'],
      ]);
      for (const e of kinds) {
        expect(e.note).toBeNull();
        expect(JSON.stringify(e.details)).not.toContain('Sprachkurs');
      }
    });

    it('refuses edits of a completed task unless it is reopened in the same change', async () => {
      const c = await createCase('Erledigt ändern');
      const task = await createTask(soz, c.id, { title: 'Bescheid prüfen', assigneeAgencyId: agency.sozialamt });
      const done = (await change(soz, task, { status: 'done' })).json<Task>();
      const edit = await change(soz, done, { title: 'Bescheid genau prüfen' });
      expect([edit.statusCode, problem(edit).code]).toEqual([409, 'CONFLICT']);
      expect(messages(edit)).toContain('Öffnen Sie sie wieder');
      const both = await change(soz, done, { status: 'open', title: 'Bescheid genau prüfen' });
      expect(both.json<Task>()).toMatchObject({ status: 'open', title: 'Bescheid genau prüfen' });
    });

    it('needs If-Match (428), refuses a stale version (412) and lets exactly one of two writers win', async () => {
      const c = await createCase('Gleichzeitig');
      const task = await createTask(soz, c.id, { title: 'Termin vereinbaren', assigneeAgencyId: agency.sozialamt });
      const url = `/api/v1/cases/${c.id}/tasks/${task.id}`;
      const none = await patch(soz, url, { status: 'done' });
      expect([none.statusCode, problem(none).code]).toEqual([428, 'PRECONDITION_REQUIRED']);
      const weak = await patch(soz, url, { status: 'done' }, 'W/"1"');
      expect(weak.statusCode).toBe(412);
      const empty = await patch(soz, url, {}, '"1"');
      expect(empty.statusCode).toBe(400);

      tick();
      const [a, b] = await Promise.all([
        patch(soz, url, { title: 'Termin beim Jobcenter vereinbaren' }, '"1"'),
        patch(soz2, url, { status: 'done' }, '"1"'),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const loser = a.statusCode === 412 ? a : b;
      expect(problem(loser).code).toBe('PRECONDITION_FAILED');
      expect(messages(loser)).toContain('Die Aufgabe wurde inzwischen geändert (jetzt Version 2');
      const [stored] = await t.database.db.select().from(caseTasks).where(eq(caseTasks.id, task.id));
      expect(stored!.version).toBe(2);
      expect((await eventsOf(c.id)).filter((e) => e.kind !== 'created' && e.kind !== 'task_created')).toHaveLength(1);
    });

    it('lets the assignee, the creating and the lead agency change a task; others on the team get 403', async () => {
      const c = await createCase('Berechtigungen', ['jobcenter', 'abh', 'jugendamt']);
      // Created by the Jobcenter for the Ausländerbehörde: the Sozialamt leads the case.
      const task = await createTask(jc, c.id, { title: 'Aufenthaltstitel klären', assigneeAgencyId: agency.abh });
      expect(task.createdByAgency?.id).toBe(agency.jobcenter);
      const listed = (await caseTasksOf(jug, c.id)).items.find((x) => x.id === task.id)!;
      expect(listed.actions.change).toBe(false);
      expect((await caseTasksOf(abh, c.id)).items.find((x) => x.id === task.id)!.actions.change).toBe(true);

      const denied = await change(jug, task, { status: 'done' });
      expect([denied.statusCode, problem(denied).code]).toEqual([403, 'FORBIDDEN']);
      expect(messages(denied)).toBe(
        'Diese Aufgabe ändern nur die zuständige Stelle, die Stelle, die sie angelegt hat, und die federführende Stelle des Falls.',
      );
      // 403 comes before 412: the version tells a caller who may not change it nothing.
      const staleDenied = await patch(jug, `/api/v1/cases/${c.id}/tasks/${task.id}`, { status: 'done' }, '"9"');
      expect(staleDenied.statusCode).toBe(403);

      const byAssignee = await change(abh, task, { dueDate: addDays(today, 10) });
      expect(byAssignee.statusCode, byAssignee.body).toBe(200);
      const byCreator = await change(jc, byAssignee.json<Task>(), {
        description: 'Rücksprache mit der Ausländerbehörde',
      });
      expect(byCreator.statusCode, byCreator.body).toBe(200);
      const byLead = await change(soz, byCreator.json<Task>(), {
        assigneeAgencyId: agency.jugendamt,
        assigneeUserId: user.jugendamt,
      });
      expect(byLead.statusCode, byLead.body).toBe(200);
      expect(byLead.json<Task>().assignee).toMatchObject({
        agency: { id: agency.jugendamt },
        user: { id: user.jugendamt },
      });
      // The Ausländerbehörde is no longer assignee, nor creator, nor lead.
      const former = await change(abh, byLead.json<Task>(), { status: 'done' });
      expect(former.statusCode).toBe(403);
      // Reassigning to another agency without a name leaves it to that agency as a whole.
      const toAgency = await change(soz, byLead.json<Task>(), { assigneeAgencyId: agency.jobcenter });
      expect(toAgency.json<Task>().assignee).toMatchObject({ agency: { id: agency.jobcenter }, user: null });
      const outside = await change(soz, toAgency.json<Task>(), { assigneeAgencyId: agency.wohnungsamt });
      expect([outside.statusCode, paths(outside)]).toEqual([400, ['assigneeAgencyId']]);
    });

    it('keeps the agency a task was created for when its creator later moves to another agency', async () => {
      const c = await createCase('Wechsel der Dienststelle', ['jobcenter', 'abh']);
      const task = await createTask(jc, c.id, { title: 'Unterlagen anfordern', assigneeAgencyId: agency.abh });
      const [stored] = await t.database.db.select().from(caseTasks).where(eq(caseTasks.id, task.id));
      expect(stored!.createdByAgencyId).toBe(agency.jobcenter);
      await t.database.db.update(users).set({ agencyId: agency.jugendamt }).where(eq(users.id, user.jobcenter!));
      try {
        const listed = (await caseTasksOf(abh, c.id)).items.find((x) => x.id === task.id)!;
        expect(listed.createdByAgency?.id).toBe(agency.jobcenter);
        expect(listed.createdBy?.id).toBe(user.jobcenter);
      } finally {
        await t.database.db.update(users).set({ agencyId: agency.jobcenter }).where(eq(users.id, user.jobcenter!));
      }
    });
  });

  describe('inbox', () => {
    let caseA: CaseView;
    let caseB: CaseView;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      caseA = await createCase('Posteingang A', ['jobcenter']);
      caseB = await createCase('Posteingang B');
      const mk = async (key: string, caseId: string, body: Record<string, unknown>) => {
        ids[key] = (await createTask(soz, caseId, body)).id;
      };
      await mk('mineOverdue', caseA.id, {
        title: 'Überfällig für mich',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
        dueDate: addDays(today, -2),
      });
      await mk('mineToday', caseB.id, {
        title: 'Heute für mich',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
        dueDate: today,
      });
      await mk('mineNoDate', caseA.id, {
        title: 'Ohne Frist für mich',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
      });
      await mk('agency', caseB.id, {
        title: 'Für die Stelle',
        assigneeAgencyId: agency.sozialamt,
        dueDate: addDays(today, -1),
      });
      await mk('colleague', caseA.id, {
        title: 'Für die Kollegin',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user['soz-kollegin'],
        dueDate: addDays(today, 5),
      });
      await mk('jobcenter', caseA.id, {
        title: 'Für das Jobcenter',
        assigneeAgencyId: agency.jobcenter,
        dueDate: addDays(today, -3),
      });
      const mineDone = await createTask(soz, caseB.id, {
        title: 'Erledigt für mich',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
        dueDate: addDays(today, -5),
      });
      ids.mineDone = mineDone.id;
      expect((await change(soz, mineDone, { status: 'done' })).statusCode).toBe(200);
    });

    const onlyOurs = (items: Task[]) => items.filter((x) => x.case.id === caseA.id || x.case.id === caseB.id);
    const keysOf = (items: Task[]) => {
      const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
      return onlyOurs(items).map((x) => byId.get(x.id));
    };

    it('mine: tasks named for me; team: everything assigned to my agency (with or without a name)', async () => {
      const mine = await inbox(soz, 'scope=mine');
      expect(keysOf(mine.items)).toEqual(['mineOverdue', 'mineToday', 'mineNoDate']);
      const teamView = await inbox(soz, 'scope=team');
      expect(new Set(keysOf(teamView.items))).toEqual(
        new Set(['mineOverdue', 'mineToday', 'mineNoDate', 'agency', 'colleague']),
      );
      expect(keysOf((await inbox(soz2, 'scope=mine')).items)).toEqual(['colleague']);
      expect(keysOf((await inbox(jc, 'scope=team')).items)).toEqual(['jobcenter']);
      expect(keysOf((await inbox(jc, 'scope=mine')).items)).toEqual([]);
      const item = mine.items.find((x) => x.id === ids.mineOverdue)!;
      expect(item).toMatchObject({
        overdue: true,
        case: { id: caseA.id, reference: caseA.reference, title: 'Posteingang A' },
        person: { displayName: 'Samira Haddad' },
        assignee: { agency: { id: agency.sozialamt, name: agencyName.sozialamt }, user: { id: user.sozialamt } },
        source: { kind: 'manual' },
      });
      expect(mine.items.find((x) => x.id === ids.mineToday)!.overdue).toBe(false);
    });

    it('filters by status, overdue and dueBefore, and counts open and overdue tasks of the scope', async () => {
      expect(keysOf((await inbox(soz, 'scope=mine&status=done')).items)).toEqual(['mineDone']);
      expect(new Set(keysOf((await inbox(soz, 'scope=mine&status=all')).items))).toEqual(
        new Set(['mineOverdue', 'mineToday', 'mineNoDate', 'mineDone']),
      );
      expect(keysOf((await inbox(soz, 'scope=mine&overdue=true')).items)).toEqual(['mineOverdue']);
      // A done task with a past date is not overdue.
      expect(keysOf((await inbox(soz, 'scope=mine&overdue=true&status=all')).items)).toEqual(['mineOverdue']);
      expect(new Set(keysOf((await inbox(soz, 'scope=team&overdue=true')).items))).toEqual(
        new Set(['mineOverdue', 'agency']),
      );
      expect(keysOf((await inbox(soz, `scope=mine&dueBefore=${addDays(today, 1)}`)).items)).toEqual([
        'mineOverdue',
        'mineToday',
      ]);
      // The counts ignore the other filters: they are those of the scope's open tasks.
      const mine = await inbox(soz, 'scope=mine&status=done');
      expect(mine.counts.open).toBe((await inbox(soz, 'scope=mine&status=open')).page.total);
      expect(mine.counts.open).toBeGreaterThanOrEqual(3);
      expect(mine.counts.overdue).toBe((await inbox(soz, 'scope=mine&overdue=true')).page.total);
      expect((await get(soz, '/api/v1/tasks?scope=everyone')).statusCode).toBe(400);
      expect((await get(soz, '/api/v1/tasks?dueBefore=2026-02-30')).statusCode).toBe(400);
    });

    it('sorts by due date (none last, both ways), creation and case reference, and pages with a total', async () => {
      const asc = keysOf((await inbox(soz, 'scope=team&sort=dueDate&dir=asc')).items);
      expect(asc).toEqual(['mineOverdue', 'agency', 'mineToday', 'colleague', 'mineNoDate']);
      const desc = keysOf((await inbox(soz, 'scope=team&sort=dueDate&dir=desc')).items);
      expect(desc).toEqual(['colleague', 'mineToday', 'agency', 'mineOverdue', 'mineNoDate']);
      const created = keysOf((await inbox(soz, 'scope=team&sort=createdAt&dir=desc')).items);
      expect(created).toEqual(['colleague', 'agency', 'mineNoDate', 'mineToday', 'mineOverdue']);
      const byCase = onlyOurs((await inbox(soz, 'scope=team&sort=caseReference&dir=desc')).items).map(
        (x) => x.case.reference,
      );
      expect(byCase).toEqual([...byCase].sort().reverse());
      expect(byCase[0]).toBe(caseB.reference);

      const all = await inbox(soz, 'scope=team');
      const page1 = await get(soz, '/api/v1/tasks?scope=team&pageSize=2&page=1');
      const page2 = await get(soz, '/api/v1/tasks?scope=team&pageSize=2&page=2');
      expect(page1.json<Inbox>().page).toEqual({ page: 1, pageSize: 2, total: all.page.total });
      expect(page1.json<Inbox>().items.map((x) => x.id)).toEqual(all.items.slice(0, 2).map((x) => x.id));
      expect(page2.json<Inbox>().items.map((x) => x.id)).toEqual(all.items.slice(2, 4).map((x) => x.id));
    });

    it('audits every inbox read with its counts', async () => {
      const before = await auditCount('case_task.listed');
      const res = await inbox(soz, 'scope=mine&overdue=true');
      expect(await auditCount('case_task.listed')).toBe(before + 1);
      const row = await lastAudit('case_task.listed');
      expect(row).toMatchObject({ subjectType: 'case_task', actorUserId: user.sozialamt });
      expect(row.details).toEqual({ scope: 'mine', resultCount: res.items.length, total: res.page.total });
      await caseTasksOf(soz, caseA.id);
      expect((await lastAudit('case_task.listed')).details).toMatchObject({ scope: 'case' });
    });

    it('hides the tasks of a case from an agency once it has left the team', async () => {
      expect(keysOf((await inbox(jc, 'scope=team')).items)).toEqual(['jobcenter']);
      const c = (await get(soz, `/api/v1/cases/${caseA.id}`)).json<CaseView>();
      const member = c.team.find((m) => m.agency.id === agency.jobcenter && m.current)!;
      tick();
      const ended = await post(soz, `/api/v1/cases/${caseA.id}/team/${member.id}/end`, {});
      expect(ended.statusCode, ended.body).toBe(200);
      expect(keysOf((await inbox(jc, 'scope=team&status=all')).items)).toEqual([]);
      expect((await get(jc, `/api/v1/cases/${caseA.id}/tasks`)).statusCode).toBe(404);
      // The lead agency still sees it, and can hand it to another agency of the team.
      expect((await caseTasksOf(soz, caseA.id)).items.map((x) => x.id)).toContain(ids.jobcenter);
    });
  });

  describe('workload', () => {
    it('shows team leads open and overdue tasks per caseworker and the agency’s tasks without a name', async () => {
      const before = (await get(sozLead, '/api/v1/cases/workload')).json<Workload>();
      const row = (w: Workload, id: string) => w.caseworkers.find((c) => c.user.id === id)!;
      const c = await createCase('Arbeitslast', ['jobcenter']);
      await createTask(soz, c.id, {
        title: 'Überfällig Sabine',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
        dueDate: addDays(today, -1),
      });
      await createTask(soz, c.id, {
        title: 'Offen Sabine',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
        dueDate: today,
      });
      await createTask(soz, c.id, {
        title: 'Überfällig Kollegin',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user['soz-kollegin'],
        dueDate: addDays(today, -10),
      });
      const unnamed = await createTask(soz, c.id, {
        title: 'Überfällig Stelle',
        assigneeAgencyId: agency.sozialamt,
        dueDate: addDays(today, -4),
      });
      await createTask(soz, c.id, {
        title: 'Jobcenter',
        assigneeAgencyId: agency.jobcenter,
        dueDate: addDays(today, -4),
      });
      const done = await createTask(soz, c.id, {
        title: 'Erledigt',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
        dueDate: addDays(today, -4),
      });
      await change(soz, done, { status: 'done' });

      const after = (await get(sozLead, '/api/v1/cases/workload')).json<Workload>();
      const sabineBefore = row(before, user.sozialamt!);
      const sabine = row(after, user.sozialamt!);
      expect(sabine.openTasks - sabineBefore.openTasks).toBe(2);
      expect(sabine.overdueTasks - sabineBefore.overdueTasks).toBe(1);
      expect(row(after, user['soz-kollegin']!).overdueTasks - row(before, user['soz-kollegin']!).overdueTasks).toBe(1);
      expect(after.unassignedTasks.overdue - before.unassignedTasks.overdue).toBe(1);
      expect(after.unassignedTasks.open - before.unassignedTasks.open).toBe(1);
      // Counts match the inbox of the person.
      expect(sabine.overdueTasks).toBe((await inbox(soz, 'scope=mine&overdue=true')).page.total);
      expect(sabine.openTasks).toBe((await inbox(soz, 'scope=mine')).page.total);

      await change(soz, unnamed, { status: 'done' });
      const later = (await get(sozLead, '/api/v1/cases/workload')).json<Workload>();
      expect(later.unassignedTasks.overdue).toBe(before.unassignedTasks.overdue);
    });
  });

  describe('overdue follows the day in Europe/Berlin', () => {
    it('turns a task due today overdue at midnight German time, not UTC', async () => {
      // 23:50 in Berlin (winter time) on 10 March 2031.
      t.clock.set(new Date('2031-03-10T22:50:00Z'));
      const session = await t.login('sozialamt');
      soz = session;
      const c = await createCase('Mitternacht');
      const task = await createTask(session, c.id, {
        title: 'Heute fällig',
        assigneeAgencyId: agency.sozialamt,
        assigneeUserId: user.sozialamt,
        dueDate: '2031-03-10',
      });
      expect(task.overdue).toBe(false);
      t.clock.set(new Date('2031-03-10T23:05:00Z')); // 00:05 on 11 March in Berlin, still 10 March in UTC
      const list = await inbox(session, 'scope=mine&overdue=true');
      expect(list.items.map((x) => x.id)).toContain(task.id);
      expect(list.items.find((x) => x.id === task.id)!.overdue).toBe(true);
      const stored = await t.database.db
        .select()
        .from(caseTasks)
        .where(and(eq(caseTasks.id, task.id), eq(caseTasks.status, 'open')));
      expect(stored).toHaveLength(1);
    });
  });
});
