import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { addDays, startOfBerlinDay } from '../../src/shared/domain/cases/appointment-rules';
import { engine, createTestApp, type Session, type TestApp } from '../support/test-app';
import { caseRecordsFixture, type CaseRecordsFixture, type Problem } from './case-records.fixtures';

type Appointment = {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  agency: { id: string; name: string };
  user: { id: string; displayName: string } | null;
  interpreterLanguage: string | null;
  status: string;
  version: number;
};
type AppointmentList = { items: Appointment[]; page: { page: number; pageSize: number; total: number } };
type MyAppointment = Appointment & {
  case: { id: string; reference: string; title: string };
  person: { id: string; givenNames: string; familyName: string };
};
type MyList = { items: MyAppointment[]; range: { from: string; to: string }; page: { total: number } };

const HOUR = 3_600_000;
const RANDOM_UUID = '5d3c2b1a-0f9e-4d8c-8b7a-6e5f4d3c2b1a';

describe(`case appointments (${engine})`, () => {
  let t: TestApp;
  let f: CaseRecordsFixture;

  const url = (caseId: string) => `/api/v1/cases/${caseId}/appointments`;
  const problem = (res: LightMyRequestResponse) => res.json<Problem>();
  const inHours = (h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();
  const schedule = async (session: Session, caseId: string, body: Record<string, unknown> = {}) => {
    f.tick();
    const res = await f.post(session, url(caseId), {
      kind: 'consultation',
      title: 'Beratung zum Sprachkurs',
      startsAt: inHours(24),
      // A given start without an end: an open end.
      endsAt: body.startsAt ? null : inHours(25),
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Appointment>();
  };
  const list = async (session: Session, caseId: string, query = '') => {
    const res = await f.get(session, `${url(caseId)}${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AppointmentList>();
  };
  const mine = async (session: Session, query = '') => {
    const res = await f.get(session, `/api/v1/appointments${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MyList>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    // A fixed Tuesday noon in Berlin (winter time) keeps the day arithmetic readable.
    t.clock.set(new Date('2026-11-24T11:00:00Z'));
    f = await caseRecordsFixture(t, 'Terminprobe');
  });
  afterAll(async () => t.close());

  describe('schedule', () => {
    it('schedules for the caller’s agency by default, planned, with timeline and audit', async () => {
      const c = await f.createCase('Termin anlegen');
      const before = await f.auditRows('case_appointment.created', c);
      f.tick();
      const res = await f.post(f.soz, url(c), {
        kind: 'authority',
        title: 'Vorsprache Ausländerbehörde',
        startsAt: inHours(48),
        endsAt: null,
        location: 'Rathaus, Raum 112',
        interpreterLanguage: 'AR',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const a = res.json<Appointment>();
      expect(a).toMatchObject({
        kind: 'authority',
        status: 'planned',
        location: 'Rathaus, Raum 112',
        interpreterLanguage: 'ar',
        agency: { id: f.agency.sozialamt },
        user: null,
        endsAt: null,
        version: 1,
      });
      expect(await f.auditRows('case_appointment.created', c)).toBe(before + 1);
      expect((await f.lastAudit('case_appointment.created')).details).toEqual({
        appointmentId: a.id,
        kind: 'authority',
      });
      const entries = (await f.timeline(f.soz, c, 'kind=appointment_scheduled')).items;
      expect(entries.map((e) => e.details)).toEqual([
        { appointmentId: a.id, appointmentKind: 'authority', status: 'planned' },
      ]);
    });

    it('validates times, the team agency, the named colleague and the language', async () => {
      const c = await f.createCase('Termin prüfen', { withJobcenter: true });
      const past = await f.post(f.soz, url(c), { kind: 'other', title: 'Alt', startsAt: inHours(-25) });
      expect(past.statusCode).toBe(400);
      expect(problem(past).errors).toEqual([
        {
          path: 'startsAt',
          message:
            'Ein Termin kann höchstens einen Tag in der Vergangenheit beginnen. Frühere Kontakte halten Sie bitte als Vermerk fest.',
        },
      ]);
      // Yesterday evening can still be entered afterwards.
      await schedule(f.soz, c, { startsAt: inHours(-20), endsAt: inHours(-19) });
      const endBefore = await f.post(f.soz, url(c), {
        kind: 'other',
        title: 'Falsch herum',
        startsAt: inHours(5),
        endsAt: inHours(4),
      });
      expect(problem(endBefore).errors?.map((e) => e.path)).toEqual(['endsAt']);
      const notOnTeam = await f.post(f.soz, url(c), {
        kind: 'other',
        title: 'Fremde Stelle',
        startsAt: inHours(5),
        agencyId: f.agency.abh,
      });
      expect(notOnTeam.statusCode).toBe(400);
      expect(problem(notOnTeam).errors?.[0]).toMatchObject({ path: 'agencyId' });
      const wrongUser = await f.post(f.soz, url(c), {
        kind: 'other',
        title: 'Falsche Person',
        startsAt: inHours(5),
        agencyId: f.agency.jobcenter,
        userId: f.user.sozialamt,
      });
      expect(problem(wrongUser).errors?.[0]).toMatchObject({ path: 'userId' });
      const badLanguage = await f.post(f.soz, url(c), {
        kind: 'other',
        title: 'Sprache',
        startsAt: inHours(5),
        interpreterLanguage: 'arabic',
      });
      expect(badLanguage.statusCode).toBe(400);
      expect(problem(badLanguage).errors?.[0]?.path).toBe('body.interpreterLanguage');
      // A colleague of another team agency, named.
      const named = await schedule(f.soz, c, {
        agencyId: f.agency.jobcenter,
        userId: f.user.jobcenter,
        kind: 'course',
      });
      expect(named).toMatchObject({
        agency: { id: f.agency.jobcenter },
        user: { id: f.user.jobcenter, displayName: 'Jonas Krämer' },
      });
    });

    it('is refused on a closed case and for outsiders', async () => {
      const c = await f.createCase('Termin geschlossen');
      const a = await schedule(f.soz, c);
      await f.closeCase(c);
      const res = await f.post(f.soz, url(c), { kind: 'other', title: 'Zu spät', startsAt: inHours(5) });
      expect(res.statusCode).toBe(409);
      expect(problem(res).errors?.[0]?.message).toMatch(/^Der Fall ist abgeschlossen\. Termine können dann nicht mehr/);
      expect((await f.patch(f.soz, `${url(c)}/${a.id}`, { status: 'cancelled' }, '"1"')).statusCode).toBe(409);
      expect((await list(f.soz, c)).page.total).toBe(1);
      expect((await f.get(f.abh, url(c))).statusCode).toBe(404);
      expect((await f.post(f.abh, url(c), { kind: 'other', title: 'x', startsAt: inHours(5) })).statusCode).toBe(404);
    });
  });

  describe('lists', () => {
    it('splits upcoming (soonest first) and past (latest first) and pages', async () => {
      const c = await f.createCase('Termine Liste');
      const later = await schedule(f.soz, c, { startsAt: inHours(72), endsAt: null, title: 'Später' });
      const soon = await schedule(f.soz, c, { startsAt: inHours(2), endsAt: inHours(3), title: 'Bald' });
      const yesterday = await schedule(f.soz, c, { startsAt: inHours(-20), endsAt: inHours(-19), title: 'Gestern' });
      const thisMorning = await schedule(f.soz, c, { startsAt: inHours(-3), endsAt: null, title: 'Heute früh' });
      // Started half an hour ago without an end: still upcoming (it may be going on).
      const running = await schedule(f.soz, c, { startsAt: inHours(-0.5), endsAt: null, title: 'Läuft' });
      const upcoming = await list(f.soz, c);
      expect(upcoming.items.map((a) => a.id)).toEqual([running.id, soon.id, later.id]);
      const past = await list(f.soz, c, 'when=past');
      expect(past.items.map((a) => a.id)).toEqual([thisMorning.id, yesterday.id]);
      const page = await list(f.soz, c, 'pageSize=1&page=2');
      expect(page.items.map((a) => a.id)).toEqual([soon.id]);
      expect(page.page.total).toBe(3);
      expect((await f.lastAudit('case_appointment.listed')).details).toEqual({ resultCount: 1, when: 'upcoming' });
    });
  });

  describe('PATCH', () => {
    it('changes fields and the status with If-Match, audited and on the timeline', async () => {
      const c = await f.createCase('Termin ändern', { withJobcenter: true });
      const a = await schedule(f.soz, c);
      const u = `${url(c)}/${a.id}`;
      expect((await f.patch(f.soz, u, { title: 'Ohne Version' })).statusCode).toBe(428);
      expect((await f.patch(f.soz, u, { title: 'Alt' }, '"9"')).statusCode).toBe(412);
      expect((await f.patch(f.soz, u, {}, '"1"')).statusCode).toBe(400);
      f.tick();
      // Any team agency keeps the case's appointments.
      const res = await f.patch(f.jc, u, { location: 'Jobcenter, Raum 3', interpreterLanguage: 'prs' }, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json<Appointment>()).toMatchObject({
        location: 'Jobcenter, Raum 3',
        interpreterLanguage: 'prs',
        version: 2,
      });
      expect((await f.lastAudit('case_appointment.updated')).details).toEqual({
        appointmentId: a.id,
        fields: ['location', 'interpreterLanguage'],
        status: 'planned',
        version: 2,
      });
      const entries = (await f.timeline(f.soz, c, 'kind=appointment_updated')).items;
      expect(entries.map((e) => e.details)).toEqual([
        { appointmentId: a.id, appointmentKind: 'consultation', status: 'planned' },
      ]);
      // Another agency without a named colleague clears the colleague.
      f.tick();
      const named = await f.patch(f.soz, u, { agencyId: f.agency.jobcenter, userId: f.user.jobcenter }, '"2"');
      expect(named.json<Appointment>().user?.id).toBe(f.user.jobcenter);
      f.tick();
      const moved = await f.patch(f.soz, u, { agencyId: f.agency.sozialamt }, '"3"');
      expect(moved.json<Appointment>()).toMatchObject({ agency: { id: f.agency.sozialamt }, user: null });
    });

    it('follows the status rules: held or missed once started, never back to planned when past', async () => {
      const c = await f.createCase('Status');
      const future = await schedule(f.soz, c, { startsAt: inHours(5), endsAt: null });
      const fu = `${url(c)}/${future.id}`;
      const tooEarly = await f.patch(f.soz, fu, { status: 'held' }, '"1"');
      expect(tooEarly.statusCode).toBe(409);
      expect(problem(tooEarly).errors?.[0]).toMatchObject({ path: 'status' });
      f.tick();
      expect((await f.patch(f.soz, fu, { status: 'cancelled' }, '"1"')).statusCode).toBe(200);
      f.tick();
      // A cancellation of a future appointment can be taken back.
      expect((await f.patch(f.soz, fu, { status: 'planned' }, '"2"')).statusCode).toBe(200);

      const past = await schedule(f.soz, c, { startsAt: inHours(-2), endsAt: inHours(-1) });
      const pu = `${url(c)}/${past.id}`;
      f.tick();
      expect((await f.patch(f.soz, pu, { status: 'missed' }, '"1"')).statusCode).toBe(200);
      f.tick();
      expect((await f.patch(f.soz, pu, { status: 'held' }, '"2"')).statusCode).toBe(200);
      const back = await f.patch(f.soz, pu, { status: 'planned' }, '"3"');
      expect(back.statusCode).toBe(409);
      expect(problem(back).errors?.[0]?.message).toMatch(/nicht wieder auf „geplant“/);
      // An unchanged start in the past does not block other changes; moving it far back does.
      f.tick();
      expect((await f.patch(f.soz, pu, { title: 'Nachgetragen' }, '"3"')).statusCode).toBe(200);
      expect((await f.patch(f.soz, pu, { startsAt: inHours(-30) }, '"4"')).statusCode).toBe(400);
    });

    it('answers 404 for another case’s appointment and lets one of two concurrent changes win', async () => {
      const a = await f.createCase('Termin A');
      const b = await f.createCase('Termin B');
      const appt = await schedule(f.soz, a);
      expect((await f.patch(f.soz, `${url(b)}/${appt.id}`, { title: 'x' }, '"1"')).statusCode).toBe(404);
      expect((await f.patch(f.soz, `${url(a)}/${RANDOM_UUID}`, { title: 'x' }, '"1"')).statusCode).toBe(404);
      f.tick();
      const results = await Promise.all([
        f.patch(f.soz, `${url(a)}/${appt.id}`, { status: 'cancelled' }, '"1"'),
        f.patch(f.soz2, `${url(a)}/${appt.id}`, { title: 'Verschoben' }, '"1"'),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const loser = results.find((r) => r.statusCode === 412)!;
      expect(problem(loser).errors?.[0]?.message).toMatch(
        /Der Termin wurde inzwischen von .+ geändert \(jetzt Stand 2\)/,
      );
      expect(
        (await list(f.soz, a, 'pageSize=5')).items.concat((await list(f.soz, a, 'when=past')).items)[0]!.version,
      ).toBe(2);
    });
  });

  describe('my appointments', () => {
    let c: string;
    let jcCase: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      c = await f.createCase('Meine Termine', { withJobcenter: true });
      ids.mine = (await schedule(f.soz, c, { userId: f.user.sozialamt, startsAt: inHours(26), title: 'Meiner' })).id;
      ids.agency = (await schedule(f.soz, c, { userId: null, startsAt: inHours(27), title: 'Stelle' })).id;
      ids.colleague = (await schedule(f.soz, c, { userId: f.user.soz2, startsAt: inHours(28), title: 'Kollegin' })).id;
      ids.jc = (
        await schedule(f.soz, c, { agencyId: f.agency.jobcenter, userId: f.user.jobcenter, startsAt: inHours(29) })
      ).id;
      ids.later = (
        await schedule(f.soz, c, {
          userId: f.user.sozialamt,
          startsAt: inHours(24 * 20),
          endsAt: null,
          title: 'Später',
        })
      ).id;
      const cancelled = await schedule(f.soz, c, {
        userId: f.user.sozialamt,
        startsAt: inHours(30),
        title: 'Abgesagt',
      });
      ids.cancelled = cancelled.id;
      f.tick();
      expect((await f.patch(f.soz, `${url(c)}/${cancelled.id}`, { status: 'cancelled' }, '"1"')).statusCode).toBe(200);
      // A Jobcenter case with the Sozialamt on the team and an appointment naming the Sozialamt
      // caseworker; the Jobcenter then ends the Sozialamt's membership.
      const person = await f.post(f.jc, '/api/v1/people', {
        givenNames: 'Testperson',
        familyName: 'Terminprobejobcenter',
        dateOfBirth: '1991-03-02',
        duplicatesReviewed: true,
      });
      expect(person.statusCode, person.body).toBe(201);
      f.tick();
      const created = await f.post(f.jc, '/api/v1/cases', {
        personId: person.json<{ id: string }>().id,
        title: 'Fall des Jobcenters',
        teamAgencies: [
          {
            agencyId: f.agency.sozialamt,
            userId: null,
            role: 'participant',
            basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
          },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      jcCase = created.json<{ id: string }>().id;
      ids.gone = (
        await schedule(f.jc, jcCase, { agencyId: f.agency.sozialamt, userId: f.user.sozialamt, startsAt: inHours(31) })
      ).id;
      expect((await mine(f.soz)).items.map((a) => a.id)).toContain(ids.gone);
      const member = created
        .json<{ team: { id: string; agency: { id: string } }[] }>()
        .team.find((m) => m.agency.id === f.agency.sozialamt)!;
      f.tick();
      const ended = await f.post(f.jc, `/api/v1/cases/${jcCase}/team/${member.id}/end`, {});
      expect(ended.statusCode, ended.body).toBe(200);
    });

    it('lists my planned appointments of the next 14 days with case and person', async () => {
      const res = await mine(f.soz);
      const today = todayIn(t.clock.now());
      expect(res.range).toEqual({ from: today, to: addDays(today, 14) });
      expect(res.items.map((a) => a.id)).toEqual([ids.mine]);
      expect(res.items[0]).toMatchObject({
        case: { id: c, title: 'Meine Termine' },
        person: { givenNames: 'Testperson' },
        user: { id: f.user.sozialamt },
      });
      expect(res.items[0]!.case.reference).toMatch(/^F-\d{4}-\d{5}$/);
      expect((await f.lastAudit('appointment.overview_viewed')).details).toEqual({ scope: 'mine', resultCount: 1 });
    });

    it('adds the agency’s unnamed appointments for scope team, and cancelled ones with status=all', async () => {
      // Other tests of this file left unnamed Sozialamt appointments too: check the rule on every item.
      const team = (await mine(f.soz, 'scope=team&pageSize=100')).items;
      expect(team.map((a) => a.id)).toEqual(expect.arrayContaining([ids.mine, ids.agency]));
      expect(team.map((a) => a.id)).not.toContain(ids.colleague);
      expect(team.map((a) => a.id)).not.toContain(ids.jc);
      expect(
        team.every((a) => a.user?.id === f.user.sozialamt || (a.user === null && a.agency.id === f.agency.sozialamt)),
      ).toBe(true);
      expect(team.every((a) => a.status === 'planned')).toBe(true);
      expect(team.map((a) => a.startsAt)).toEqual(team.map((a) => a.startsAt).sort());
      expect((await mine(f.soz, 'status=all')).items.map((a) => a.id)).toEqual([ids.mine, ids.cancelled]);
      expect((await mine(f.soz2)).items.map((a) => a.id)).toEqual([ids.colleague]);
      const team2 = (await mine(f.soz2, 'scope=team&pageSize=100')).items.map((a) => a.id);
      expect(team2).toEqual(expect.arrayContaining([ids.agency, ids.colleague]));
      expect(team2).not.toContain(ids.mine);
      const jcMine = (await mine(f.jc)).items;
      expect(jcMine.map((a) => a.id)).toContain(ids.jc);
      expect(jcMine.every((a) => a.user?.id === f.user.jobcenter)).toBe(true);
      // The Jobcenter has no unnamed appointments; the Sozialamt's are not its own.
      expect((await mine(f.jc, 'scope=team')).items.map((a) => a.id)).toEqual(jcMine.map((a) => a.id));
    });

    it('takes a range of Berlin days and refuses a reversed or too long one', async () => {
      const today = todayIn(t.clock.now());
      const far = await mine(f.soz, `from=${addDays(today, 19)}&to=${addDays(today, 21)}`);
      expect(far.items.map((a) => a.id)).toEqual([ids.later]);
      // The day boundary is Berlin midnight.
      const laterStart = new Date(far.items[0]!.startsAt);
      const day = todayIn(laterStart);
      expect((await mine(f.soz, `from=${day}&to=${day}`)).items.map((a) => a.id)).toEqual([ids.later]);
      expect(laterStart.getTime()).toBeGreaterThanOrEqual(startOfBerlinDay(day).getTime());
      expect((await mine(f.soz, `from=${addDays(day, 1)}&to=${addDays(day, 2)}`)).items).toEqual([]);
      const reversed = await f.get(f.soz, `/api/v1/appointments?from=${today}&to=${addDays(today, -1)}`);
      expect(reversed.statusCode).toBe(400);
      const long = await f.get(f.soz, `/api/v1/appointments?from=${today}&to=${addDays(today, 93)}`);
      expect(long.statusCode).toBe(400);
      expect(problem(long).errors?.[0]?.message).toBe('Bitte einen Zeitraum von höchstens 92 Tagen wählen.');
      expect((await f.get(f.soz, '/api/v1/appointments?from=2026-02-30')).statusCode).toBe(400);
      expect((await f.get(f.soz, '/api/v1/appointments?scope=everyone')).statusCode).toBe(400);
    });

    it('shows only cases the caller’s agency is on the team of', async () => {
      // The Sozialamt left the Jobcenter's case: its appointment there is gone from her overview.
      expect((await mine(f.soz, 'status=all&scope=team')).items.map((a) => a.id)).not.toContain(ids.gone);
      expect((await mine(f.abh, 'scope=team')).page.total).toBe(0);
      expect((await f.get(f.steuerung, '/api/v1/appointments')).statusCode).toBe(403);
    });

    it('pages with the total', async () => {
      const all = await mine(f.soz, 'scope=team&status=all&pageSize=100');
      const pages: string[] = [];
      for (let page = 1; page <= Math.ceil(all.page.total / 2); page += 1) {
        const p = await mine(f.soz, `scope=team&status=all&pageSize=2&page=${page}`);
        expect(p.page.total).toBe(all.page.total);
        pages.push(...p.items.map((a) => a.id));
      }
      expect(pages).toEqual(all.items.map((a) => a.id));
      expect(all.page.total).toBeGreaterThanOrEqual(3);
      expect(pages).toEqual(expect.arrayContaining([ids.mine, ids.agency, ids.cancelled]));
    });
  });
});
