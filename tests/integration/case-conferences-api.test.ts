import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencies,
  auditEvents,
  caseConferenceDecisions,
  caseConferences,
  caseEvents,
  caseTasks,
} from '../../src/server/db/schema';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };
type Participant = {
  id: string;
  kind: 'agency' | 'external';
  agency: Ref | null;
  user: UserRef | null;
  name: string | null;
  role: string | null;
  attended: boolean | null;
  onCaseTeam: boolean;
};
type Decision = {
  id: string;
  position: number;
  text: string;
  responsibleAgency: Ref;
  responsibleUser: UserRef | null;
  dueDate: string | null;
  responsibleOnCaseTeam: boolean;
  task: { id: string; status: string } | null;
};
type Conference = {
  id: string;
  caseId: string;
  version: number;
  title: string;
  scheduledAt: string;
  location: string | null;
  status: string;
  organiserAgency: Ref;
  participants: Participant[];
  agenda: string[];
  minutes: string | null;
  decisions: Decision[];
  heldAt: string | null;
  actions: { change: boolean };
};
type ListItem = { id: string; title: string; status: string; participantCount: number; decisionCount: number };
type Task = {
  id: string;
  title: string;
  description: string | null;
  status: string;
  dueDate: string | null;
  assignee: { agency: Ref; user: UserRef | null };
  source: { kind: string; id: string | null; conferenceId: string | null };
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };
type CaseView = { id: string; version: number; team: { id: string; agency: Ref; current: boolean }[] };

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe(`case conferences (${engine})`, () => {
  let t: TestApp;
  let admin: Session;
  let soz: Session; // Sozialamt, leads the cases
  let jc: Session; // Jobcenter, on the team
  let abh: Session; // Ausländerbehörde, on the team
  let jug: Session; // Jugendamt (Kommunaler Sozialer Dienst), joins later
  const agency: Record<string, string> = {};
  const agencyName: Record<string, string> = {};
  const user: Record<string, string> = {};
  let personId: string;
  let today: string;

  const tick = () => t.clock.advance(1000);
  const get = (session: Session, url: string) => t.request('GET', url, { session });
  const post = (session: Session, url: string, body?: unknown, ifMatch?: string) =>
    t.request('POST', url, {
      session,
      ...(body !== undefined ? { body } : {}),
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });
  const put = (session: Session, url: string, body: unknown, ifMatch?: string) =>
    t.request('PUT', url, { session, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const problem = (res: LightMyRequestResponse) => res.json<Problem>();
  const errors = (res: LightMyRequestResponse) => problem(res).errors ?? [];
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

  const createCase = async (title: string, teamAgencies: string[]): Promise<CaseView> => {
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
  const addToTeam = async (caseId: string, code: string) => {
    tick();
    const res = await post(soz, `/api/v1/cases/${caseId}/team`, {
      agencyId: agency[code],
      role: 'participant',
      basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const schedule = async (
    session: Session,
    caseId: string,
    body: Record<string, unknown> = {},
  ): Promise<Conference> => {
    tick();
    const res = await post(session, `/api/v1/cases/${caseId}/conferences`, {
      title: 'Drohende Abschiebung der Familie',
      scheduledAt: '2026-12-03T09:30:00+01:00',
      location: 'Rathaus, Raum 2.14',
      participants: [
        { kind: 'agency', agencyId: agency.sozialamt, userId: user.sozialamt },
        { kind: 'agency', agencyId: agency.abh },
        { kind: 'agency', agencyId: agency.jugendamt, userId: user.jugendamt },
        { kind: 'external', name: 'Leyla Demir', role: 'Dolmetscherin' },
      ],
      agenda: ['Stand des Aufenthaltsverfahrens', 'Schutz der Kinder', 'Nächste Schritte'],
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Conference>();
  };
  const url = (c: Pick<Conference, 'caseId' | 'id'>, suffix = '') =>
    `/api/v1/cases/${c.caseId}/conferences/${c.id}${suffix}`;
  /** The PUT body of a conference as it is, with changes. */
  const bodyOf = (c: Conference, changes: Record<string, unknown> = {}) => ({
    title: c.title,
    scheduledAt: c.scheduledAt,
    location: c.location,
    participants: c.participants.map((p) =>
      p.kind === 'agency'
        ? { kind: 'agency', agencyId: p.agency!.id, userId: p.user?.id ?? null, attended: p.attended }
        : { kind: 'external', name: p.name, role: p.role, attended: p.attended },
    ),
    agenda: c.agenda,
    minutes: c.minutes,
    decisions: c.decisions.map((d) => ({
      text: d.text,
      responsibleAgencyId: d.responsibleAgency.id,
      responsibleUserId: d.responsibleUser?.id ?? null,
      dueDate: d.dueDate,
    })),
    ...changes,
  });
  const save = async (session: Session, c: Conference, changes: Record<string, unknown>) => {
    tick();
    return put(session, url(c), bodyOf(c, changes), `"${c.version}"`);
  };
  const attendedAll = (c: Conference) => bodyOf(c).participants.map((p) => ({ ...p, attended: true }));
  /** Minutes, attendance and two decisions: for the Ausländerbehörde and the Jugendamt. */
  const readyToFinalise = async (c: Conference): Promise<Conference> => {
    const res = await save(soz, c, {
      participants: attendedAll(c),
      minutes: 'Die Familie ist ausreisepflichtig; die Kinder gehen zur Schule. Es werden Härtefallgründe geprüft.',
      decisions: [
        {
          text: 'Prüfung einer Ermessensduldung aus familiären Gründen',
          responsibleAgencyId: agency.abh,
          responsibleUserId: user.abh,
          dueDate: addDays(today, 7),
        },
        {
          text: 'Gefährdungseinschätzung für die Kinder erstellen',
          responsibleAgencyId: agency.jugendamt,
          responsibleUserId: null,
          dueDate: addDays(today, 3),
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Conference>();
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
    }
    const everyone = await get(admin, '/api/v1/users?pageSize=200');
    for (const u of everyone.json<{ items: { id: string; username: string }[] }>().items) user[u.username] = u.id;
    const person = await post(soz, '/api/v1/people', {
      givenNames: 'Aziz',
      familyName: 'Rahmani',
      dateOfBirth: '1984-02-11',
      duplicatesReviewed: true,
    });
    expect(person.statusCode, person.body).toBe(201);
    personId = person.json<{ id: string }>().id;
    today = todayIn(t.clock.now());
  });
  afterAll(async () => t.close());

  describe('scheduling and reading', () => {
    it('schedules a conference with agencies (also outside the team), an interpreter and an agenda', async () => {
      const c = await createCase('Familie Rahmani', ['abh']);
      const before = await auditCount('case_conference.created');
      const conf = await schedule(soz, c.id);
      expect(conf).toMatchObject({
        caseId: c.id,
        version: 1,
        status: 'planned',
        title: 'Drohende Abschiebung der Familie',
        scheduledAt: '2026-12-03T08:30:00.000Z',
        location: 'Rathaus, Raum 2.14',
        organiserAgency: { id: agency.sozialamt },
        agenda: ['Stand des Aufenthaltsverfahrens', 'Schutz der Kinder', 'Nächste Schritte'],
        minutes: null,
        decisions: [],
        heldAt: null,
        actions: { change: true },
      });
      const byKind = (kind: string) => conf.participants.filter((p) => p.kind === kind);
      expect(byKind('external')).toEqual([
        expect.objectContaining({ name: 'Leyla Demir', role: 'Dolmetscherin', agency: null, onCaseTeam: false }),
      ]);
      const jugendamt = conf.participants.find((p) => p.agency?.id === agency.jugendamt)!;
      expect(jugendamt).toMatchObject({ user: { id: user.jugendamt }, onCaseTeam: false, attended: null });
      expect(conf.participants.find((p) => p.agency?.id === agency.abh)).toMatchObject({
        user: null,
        onCaseTeam: true,
      });
      expect(await auditCount('case_conference.created')).toBe(before + 1);
      expect((await lastAudit('case_conference.created')).details).toEqual({
        conferenceId: conf.id,
        participants: 4,
        agendaItems: 3,
      });
      const scheduled = (await eventsOf(c.id)).filter((e) => e.kind === 'conference_scheduled');
      expect(scheduled.map((e) => e.details)).toEqual([{ conferenceId: conf.id }]);

      // Any team agency may schedule one; it then organises it.
      const byAbh = await schedule(abh, c.id, { title: 'Rückfragen', participants: [] });
      expect(byAbh.organiserAgency.id).toBe(agency.abh);

      const list = await get(soz, `/api/v1/cases/${c.id}/conferences`);
      expect(list.statusCode).toBe(200);
      // Same date: the newer one first.
      expect(
        list.json<{ items: ListItem[] }>().items.map((i) => [i.title, i.participantCount, i.decisionCount]),
      ).toEqual([
        ['Rückfragen', 0, 0],
        ['Drohende Abschiebung der Familie', 4, 0],
      ]);
      expect((await lastAudit('case_conference.listed')).details).toEqual({ count: 2 });
      const read = await get(abh, url(conf));
      expect([read.statusCode, read.headers.etag]).toEqual([200, '"1"']);
      expect(read.json<Conference>().actions.change).toBe(false);
      expect((await lastAudit('case_conference.viewed')).details).toEqual({ conferenceId: conf.id });
    });

    it('checks participants and refuses a closed case, an outsider and a conference of another case', async () => {
      const c = await createCase('Prüfungen', ['abh']);
      const other = await createCase('Anderer Fall', []);
      const bad = await post(soz, `/api/v1/cases/${c.id}/conferences`, {
        title: 'x',
        scheduledAt: '2026-12-03T09:30:00+01:00',
        participants: [
          { kind: 'agency', agencyId: '5d3c2b1a-0f9e-4d8c-8b7a-6e5f4d3c2b1a' },
          { kind: 'agency', agencyId: agency.abh, userId: user.sozialamt },
          { kind: 'external', name: 'Herr Rahmani', role: 'Klient' },
          { kind: 'external', name: 'herr rahmani', role: 'klient' },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(errors(bad).map((e) => e.path)).toEqual([
        'participants.0.agencyId',
        'participants.1.userId',
        'participants.3',
      ]);
      const noTime = await post(soz, `/api/v1/cases/${c.id}/conferences`, { title: 'x', scheduledAt: '2026-12-03' });
      expect(noTime.statusCode).toBe(400);
      const outsider = await post(jc, `/api/v1/cases/${c.id}/conferences`, {
        title: 'x',
        scheduledAt: '2026-12-03T09:30:00Z',
      });
      expect(outsider.statusCode).toBe(404);
      const conf = await schedule(soz, c.id);
      expect((await get(jc, url(conf))).statusCode).toBe(404);
      expect((await get(soz, `/api/v1/cases/${other.id}/conferences/${conf.id}`)).statusCode).toBe(404);
      expect(
        await t.database.db.select({ n: count() }).from(caseConferences).where(eq(caseConferences.caseId, c.id)),
      ).toEqual([{ n: 1 }]);

      const current = (await get(soz, `/api/v1/cases/${c.id}`)).json<CaseView>();
      tick();
      const closed = await post(
        soz,
        `/api/v1/cases/${c.id}/phase`,
        { to: 'closure', closureReason: 'moved_away', outcome: 'Umzug nach Essen' },
        `"${current.version}"`,
      );
      expect(closed.statusCode, closed.body).toBe(200);
      const onClosed = await post(soz, `/api/v1/cases/${c.id}/conferences`, {
        title: 'x',
        scheduledAt: '2026-12-03T09:30:00Z',
      });
      expect([onClosed.statusCode, problem(onClosed).code]).toEqual([409, 'CONFLICT']);
      const saveClosed = await save(soz, conf, { title: 'Neu' });
      expect(saveClosed.statusCode).toBe(409);
      expect((await get(soz, url(conf))).json<Conference>().actions.change).toBe(false);
    });
  });

  describe('saving', () => {
    it('saves the whole planned conference with If-Match; organiser and lead may, others get 403', async () => {
      const c = await createCase('Speichern', ['abh', 'jobcenter']);
      const conf = await schedule(abh, c.id);
      const none = await put(abh, url(conf), bodyOf(conf));
      expect([none.statusCode, problem(none).code]).toEqual([428, 'PRECONDITION_REQUIRED']);
      const denied = await save(jc, conf, { title: 'Anders' });
      expect([denied.statusCode, problem(denied).code]).toEqual([403, 'FORBIDDEN']);
      expect(errors(denied)[0]!.message).toBe(
        'Eine Fallkonferenz ändern, abschließen oder absagen nur die einladende Stelle und die federführende Stelle des Falls.',
      );

      const byOrganiser = await save(abh, conf, {
        agenda: ['Nächste Schritte', 'Stand des Aufenthaltsverfahrens'],
        decisions: [
          { text: 'Erster Beschluss', responsibleAgencyId: agency.abh, responsibleUserId: null, dueDate: null },
          {
            text: 'Zweiter Beschluss',
            responsibleAgencyId: agency.wohnungsamt,
            responsibleUserId: null,
            dueDate: addDays(today, 1),
          },
        ],
      });
      expect(byOrganiser.statusCode, byOrganiser.body).toBe(200);
      expect(byOrganiser.headers.etag).toBe('"2"');
      const saved = byOrganiser.json<Conference>();
      expect(saved.agenda).toEqual(['Nächste Schritte', 'Stand des Aufenthaltsverfahrens']);
      expect(saved.decisions.map((d) => [d.position, d.text, d.responsibleOnCaseTeam, d.task])).toEqual([
        [1, 'Erster Beschluss', true, null],
        [2, 'Zweiter Beschluss', false, null],
      ]);
      expect((await lastAudit('case_conference.updated')).details).toEqual({
        conferenceId: conf.id,
        fields: ['agenda', 'decisions'],
        participants: 4,
        decisions: 2,
        version: 2,
      });
      const updated = (await eventsOf(c.id)).filter((e) => e.kind === 'conference_updated');
      expect(updated.map((e) => e.details)).toEqual([{ conferenceId: conf.id, fields: ['agenda', 'decisions'] }]);
      expect(JSON.stringify(updated)).not.toContain('Beschluss');

      // The lead agency may change it too; saving what is stored keeps the version.
      const byLead = await save(soz, saved, { location: null });
      expect(byLead.json<Conference>()).toMatchObject({ version: 3, location: null });
      const same = await save(soz, byLead.json<Conference>(), {});
      expect(same.json<Conference>().version).toBe(3);
      const stale = await save(abh, saved, { title: 'Veraltet' });
      expect([stale.statusCode, problem(stale).code]).toEqual([412, 'PRECONDITION_FAILED']);
      expect(errors(stale)[0]!.message).toContain('jetzt Version 3');

      const wrongUser = await save(soz, byLead.json<Conference>(), {
        decisions: [{ text: 'x', responsibleAgencyId: agency.abh, responsibleUserId: user.jobcenter, dueDate: null }],
      });
      expect([wrongUser.statusCode, errors(wrongUser).map((e) => e.path)]).toEqual([
        400,
        ['decisions.0.responsibleUserId'],
      ]);
      const badDate = await save(soz, byLead.json<Conference>(), {
        decisions: [{ text: 'x', responsibleAgencyId: agency.abh, dueDate: '2026-13-01' }],
      });
      expect(badDate.statusCode).toBe(400);
    });

    it('lets exactly one of two concurrent saves with the same version win', async () => {
      const c = await createCase('Gleichzeitig speichern', ['abh']);
      const conf = await schedule(soz, c.id);
      tick();
      const [a, b] = await Promise.all([
        put(soz, url(conf), bodyOf(conf, { minutes: 'Fassung A' }), '"1"'),
        put(soz, url(conf), bodyOf(conf, { minutes: 'Fassung B' }), '"1"'),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const winner = a.statusCode === 200 ? 'Fassung A' : 'Fassung B';
      const [stored] = await t.database.db.select().from(caseConferences).where(eq(caseConferences.id, conf.id));
      expect([stored!.version, stored!.minutes]).toEqual([2, winner]);
    });
  });

  describe('finalising', () => {
    it('needs minutes and attendance, and names a responsible agency that is not on the team', async () => {
      const c = await createCase('Abschließen', ['abh']);
      const conf = await schedule(soz, c.id);
      tick();
      const empty = await post(soz, url(conf, '/finalise'), undefined, '"1"');
      expect(empty.statusCode).toBe(400);
      expect(errors(empty).map((e) => e.path)).toEqual(['minutes', 'participants']);
      const ready = await readyToFinalise(conf);
      expect(ready.decisions.map((d) => d.responsibleOnCaseTeam)).toEqual([true, false]);
      const noFinaliseHeader = await post(soz, url(ready, '/finalise'));
      expect(noFinaliseHeader.statusCode).toBe(428);
      tick();
      const outsideTeam = await post(soz, url(ready, '/finalise'), undefined, `"${ready.version}"`);
      expect([outsideTeam.statusCode, errors(outsideTeam)]).toEqual([
        400,
        [
          {
            path: 'decisions.1.responsibleAgencyId',
            message: `${agencyName.jugendamt} gehört nicht zum Fallteam. Nehmen Sie die Stelle zuerst ins Fallteam auf.`,
          },
        ],
      ]);
      expect(await t.database.db.select({ n: count() }).from(caseTasks).where(eq(caseTasks.caseId, c.id))).toEqual([
        { n: 0 },
      ]);
      // The Jugendamt sees nothing of the case until it is on the team.
      expect((await get(jug, `/api/v1/cases/${c.id}/conferences`)).statusCode).toBe(404);

      await addToTeam(c.id, 'jugendamt');
      expect(
        (await get(jug, url(ready))).json<Conference>().participants.find((p) => p.agency?.id === agency.jugendamt),
      ).toMatchObject({ onCaseTeam: true });
      const tasksBefore = await auditCount('case_task.created');
      tick();
      const done = await post(soz, url(ready, '/finalise'), undefined, `"${ready.version}"`);
      expect(done.statusCode, done.body).toBe(200);
      const held = done.json<Conference>();
      expect(held).toMatchObject({ status: 'held', heldAt: t.clock.now().toISOString(), actions: { change: false } });
      expect(held.decisions.every((d) => d.task?.status === 'open')).toBe(true);

      const tasks = await t.database.db.select().from(caseTasks).where(eq(caseTasks.caseId, c.id));
      expect(tasks).toHaveLength(2);
      const taskOf = (d: Decision) => tasks.find((x) => x.id === d.task!.id)!;
      expect(taskOf(held.decisions[0]!)).toMatchObject({
        title: 'Prüfung einer Ermessensduldung aus familiären Gründen',
        description: null,
        assigneeAgencyId: agency.abh,
        assigneeUserId: user.abh,
        dueDate: addDays(today, 7),
        status: 'open',
        source: 'conference_decision',
        sourceId: held.decisions[0]!.id,
        createdBy: user.sozialamt,
      });
      expect(taskOf(held.decisions[1]!)).toMatchObject({
        assigneeAgencyId: agency.jugendamt,
        assigneeUserId: null,
        dueDate: addDays(today, 3),
        sourceId: held.decisions[1]!.id,
      });
      expect(await auditCount('case_task.created')).toBe(tasksBefore + 2);
      expect((await lastAudit('case_conference.finalised')).details).toEqual({
        conferenceId: conf.id,
        taskIds: held.decisions.map((d) => d.task!.id),
        version: held.version,
      });
      const kinds = (await eventsOf(c.id)).map((e) => e.kind);
      expect(kinds.slice(-3)).toEqual(['task_created', 'task_created', 'conference_held']);
      const heldEvent = (await eventsOf(c.id)).find((e) => e.kind === 'conference_held')!;
      expect(heldEvent.details).toEqual({
        conferenceId: conf.id,
        decisions: 2,
        taskIds: held.decisions.map((d) => d.task!.id),
      });

      // The decision's task is in the inboxes of the agencies, linked back to the conference.
      const abhInbox = (await get(abh, '/api/v1/tasks?scope=mine')).json<{ items: Task[] }>();
      const abhTask = abhInbox.items.find((x) => x.id === held.decisions[0]!.task!.id)!;
      expect(abhTask.source).toEqual({ kind: 'conference_decision', id: held.decisions[0]!.id, conferenceId: conf.id });
      const jugInbox = (await get(jug, '/api/v1/tasks?scope=team')).json<{ items: Task[] }>();
      expect(jugInbox.items.map((x) => x.id)).toContain(held.decisions[1]!.task!.id);

      // Held: read-only.
      const again = await post(soz, url(held, '/finalise'), undefined, `"${held.version}"`);
      expect([again.statusCode, problem(again).code]).toEqual([409, 'CONFLICT']);
      expect(errors(again)[0]!.message).toContain('Protokoll dieser Fallkonferenz ist abgeschlossen');
      expect((await save(soz, held, { title: 'Nachträglich' })).statusCode).toBe(409);
      expect((await post(soz, url(held, '/cancel'), undefined, `"${held.version}"`)).statusCode).toBe(409);
      // The tasks live on as tasks: the assignee completes them like any other.
      const abhTaskView = (await get(abh, `/api/v1/cases/${c.id}/tasks`)).json<{
        items: (Task & { version: number })[];
      }>();
      const mine = abhTaskView.items.find((x) => x.id === abhTask.id)!;
      tick();
      const completed = await t.request('PATCH', `/api/v1/cases/${c.id}/tasks/${mine.id}`, {
        session: abh,
        body: { status: 'done' },
        headers: { 'if-match': `"${mine.version}"` },
      });
      expect(completed.statusCode, completed.body).toBe(200);
      expect((await get(soz, url(held))).json<Conference>().decisions[0]!.task!.status).toBe('done');
    });

    it('creates the tasks exactly once when two colleagues finalise at the same moment', async () => {
      const c = await createCase('Doppelt abschließen', ['abh', 'jugendamt']);
      const ready = await readyToFinalise(await schedule(abh, c.id));
      tick();
      const [a, b] = await Promise.all([
        post(soz, url(ready, '/finalise'), undefined, `"${ready.version}"`),
        post(abh, url(ready, '/finalise'), undefined, `"${ready.version}"`),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const decisionIds = (
        await t.database.db
          .select({ id: caseConferenceDecisions.id })
          .from(caseConferenceDecisions)
          .where(eq(caseConferenceDecisions.conferenceId, ready.id))
      ).map((d) => d.id);
      const tasks = await t.database.db
        .select()
        .from(caseTasks)
        .where(and(eq(caseTasks.source, 'conference_decision'), inArray(caseTasks.sourceId, decisionIds)));
      expect(tasks).toHaveLength(2);
      expect((await eventsOf(c.id)).filter((e) => e.kind === 'conference_held')).toHaveLength(1);
    });

    it('cuts a long decision into a task title at a word and keeps the whole text as description', async () => {
      const c = await createCase('Langer Beschluss', ['abh']);
      const conf = await schedule(soz, c.id);
      const long =
        'Die Ausländerbehörde prüft bis zur nächsten Fallkonferenz, ob für die Familie eine Ermessensduldung nach § 60a Abs. 2 Satz 3 AufenthG ' +
        'wegen dringender persönlicher Gründe in Betracht kommt, und bezieht dabei den Schulbesuch der Kinder, die laufende Therapie der Mutter ' +
        'und die Stellungnahme des Jugendamts ein.';
      const res = await save(soz, conf, {
        participants: attendedAll(conf),
        minutes: 'Protokoll',
        decisions: [{ text: long, responsibleAgencyId: agency.abh, responsibleUserId: null, dueDate: null }],
      });
      tick();
      const held = await post(soz, url(conf, '/finalise'), undefined, `"${res.json<Conference>().version}"`);
      expect(held.statusCode, held.body).toBe(200);
      const [task] = await t.database.db.select().from(caseTasks).where(eq(caseTasks.caseId, c.id));
      expect(task!.title.length).toBeLessThanOrEqual(200);
      expect(task!.title.endsWith('…')).toBe(true);
      expect(long.startsWith(task!.title.slice(0, -1))).toBe(true);
      expect(long.charAt(task!.title.length - 1)).toBe(' ');
      expect(task!.description).toBe(long);
    });
  });

  describe('cancelling', () => {
    it('cancels a planned conference (organiser or lead, If-Match), which is then read-only', async () => {
      const c = await createCase('Absagen', ['abh', 'jobcenter']);
      const conf = await schedule(abh, c.id);
      const denied = await post(jc, url(conf, '/cancel'), undefined, '"1"');
      expect(denied.statusCode).toBe(403);
      expect((await post(abh, url(conf, '/cancel'))).statusCode).toBe(428);
      expect((await post(abh, url(conf, '/cancel'), undefined, '"7"')).statusCode).toBe(412);
      tick();
      const cancelled = await post(abh, url(conf, '/cancel'), undefined, '"1"');
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      const value = cancelled.json<Conference>();
      expect(value).toMatchObject({ status: 'cancelled', version: 2, heldAt: null, actions: { change: false } });
      const edit = await save(soz, value, { title: 'Doch nicht' });
      expect([edit.statusCode, errors(edit)[0]!.message]).toEqual([
        409,
        'Diese Fallkonferenz wurde abgesagt und kann nicht mehr geändert werden.',
      ]);
      expect((await post(soz, url(value, '/finalise'), undefined, '"2"')).statusCode).toBe(409);
      expect((await eventsOf(c.id)).filter((e) => e.kind === 'conference_cancelled').map((e) => e.details)).toEqual([
        { conferenceId: conf.id },
      ]);
      expect((await lastAudit('case_conference.cancelled')).details).toEqual({ conferenceId: conf.id, version: 2 });
    });
  });
});
