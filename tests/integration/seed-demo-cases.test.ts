import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/server/db/client';
import { caseEvents, cases, caseTasks } from '../../src/server/db/schema';
import { DEMO_CASES_HISTORY_DAYS, hasCases, seedDemoCases } from '../../src/server/db/seed-demo-cases';
import { seedDemoPeople } from '../../src/server/db/seed-demo-people';
import { seedDemoData } from '../../src/server/db/setup';
import { casePhases, type CasePhase } from '../../src/shared/contracts/cases';
import { completionProblems } from '../../src/shared/domain/assessment/assessment-completion';
import type { AssessmentDomains } from '../../src/shared/domain/assessment/assessment-content';
import { lifeDomainKeys } from '../../src/shared/domain/assessment/life-domains';
import { daysBetween, todayIn } from '../../src/shared/domain/calendar-date';
import { addMonths } from '../../src/shared/domain/cases/plan-rules';
import { checkPhaseChange, checkReopen } from '../../src/shared/domain/cases/phase-machine';
import { createTestApp, createTestDatabase, type TestApp } from '../support/test-app';
import { migrateDatabase } from '../../src/server/db/migrate';
import { seedDemo } from '../../src/server/db/seed-demo';

const NOW = new Date('2026-06-15T10:00:00Z');
const TODAY = todayIn(NOW);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Raw rows carry timestamps as text on PGlite and as Date on PostgreSQL: columns named *_at become Dates. */
function withDates<T>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) {
    if (k.endsWith('_at') && typeof v === 'string')
      out[k] = new Date(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
  }
  return out as T;
}

type CaseRow = {
  id: string;
  reference: string;
  person_id: string;
  household_id: string | null;
  title: string;
  phase: CasePhase;
  lead_agency: string;
  lead_agency_id: string;
  lead_user_id: string;
  closure_reason: string | null;
  closure_outcome: string | null;
  opened_at: Date;
  closed_at: Date | null;
  version: number;
};
type EventRow = {
  case_id: string;
  kind: string;
  occurred_at: Date;
  actor_agency_id: string | null;
  from_phase: CasePhase | null;
  to_phase: CasePhase | null;
  note: string | null;
  details: Record<string, unknown>;
};
type MemberRow = {
  id: string;
  case_id: string;
  agency_id: string;
  agency: string;
  user_id: string | null;
  user_agency_id: string | null;
  role: string;
  joined_at: Date;
  left_at: Date | null;
  consent_id: string | null;
  legal_basis: string | null;
};
type PlanRow = {
  id: string;
  case_id: string;
  kind: string;
  status: string;
  owner_agency_id: string;
  owner_kind: string;
  agreed_on: string | null;
  review_date: string | null;
  ended_on: string | null;
};
type TaskRow = {
  id: string;
  case_id: string;
  assignee_agency_id: string;
  assignee_user_id: string | null;
  due_date: string | null;
  status: string;
  source: string;
  source_id: string | null;
  completed_at: Date | null;
  created_at: Date;
};

describe('demo case seed', () => {
  let t: TestApp;
  let seedMs = 0;
  let caseRows: CaseRow[];
  let events: EventRow[];
  let members: MemberRow[];
  const rows = async <T>(text: string) => (await rawRows<T>(t.database.db, sql.raw(text))).map(withDates);
  const byCase = <T extends { case_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of list) map.set(r.case_id, [...(map.get(r.case_id) ?? []), r]);
    return map;
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    expect(await hasCases(t.database.db)).toBe(false);
    await seedDemoPeople(t.database.db, { now: NOW });
    const started = performance.now();
    // As the server's setup does it: agencies and people exist, the cases are added.
    await seedDemoData(t.database.db, NOW);
    seedMs = performance.now() - started;
    caseRows = await rows<CaseRow>(
      `SELECT c.*, a.code AS lead_agency FROM cases c JOIN agencies a ON a.id = c.lead_agency_id ORDER BY c.reference`,
    );
    events = await rows<EventRow>(`SELECT * FROM case_events ORDER BY case_id, occurred_at`);
    members = await rows<MemberRow>(
      `SELECT m.*, a.code AS agency, u.agency_id AS user_agency_id
       FROM case_team_members m JOIN agencies a ON a.id = m.agency_id LEFT JOIN users u ON u.id = m.user_id`,
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('seeds about three hundred cases in every phase, led by every agency that works on cases, quickly', async () => {
    expect(await hasCases(t.database.db)).toBe(true);
    expect(caseRows.length).toBeGreaterThanOrEqual(250);
    expect(caseRows.length).toBeLessThanOrEqual(350);
    expect(new Set(caseRows.map((c) => c.phase))).toEqual(new Set(casePhases));
    expect(new Set(caseRows.map((c) => c.lead_agency))).toEqual(
      new Set(['sozialamt', 'jobcenter', 'abh', 'jugendamt', 'gesundheitsamt', 'wohnungsamt', 'aa', 'cbe']),
    );
    // Every demo caseworker and the demo team lead lead cases.
    const leads = await rows<{ username: string }>(
      `SELECT DISTINCT u.username FROM cases c JOIN users u ON u.id = c.lead_user_id ORDER BY 1`,
    );
    expect(leads.map((l) => l.username)).toEqual(
      [
        'aa',
        'abh',
        'cbe',
        'gesundheitsamt',
        'jobcenter',
        'jugendamt',
        'sozialamt',
        'teamleitung',
        'wohnungsamt',
      ].sort(),
    );
    expect(new Set(caseRows.map((c) => c.reference)).size).toBe(caseRows.length);
    for (const c of caseRows) expect(c.reference).toMatch(new RegExp(`^F-${c.opened_at.getUTCFullYear()}-\\d{5}$`));
    // A few seconds at most, on either engine (measured: well under two on PGlite).
    expect(seedMs).toBeLessThan(20_000);
  });

  it('dates everything within the last two years and nothing after the moment of seeding', async () => {
    const earliest = addDays(TODAY, -DEMO_CASES_HISTORY_DAYS - 1);
    for (const c of caseRows) expect(todayIn(c.opened_at) >= earliest, c.reference).toBe(true);
    for (const e of events) expect(e.occurred_at <= NOW).toBe(true);
    const notes = await rows<{ occurred_at: Date; created_at: Date }>(`SELECT occurred_at, created_at FROM case_notes`);
    for (const n of notes) expect(n.occurred_at <= n.created_at && n.created_at <= NOW).toBe(true);
    const appointments = await rows<{
      starts_at: Date;
      status: string;
      created_at: Date;
      interpreter_language: string | null;
    }>(`SELECT starts_at, status, created_at, interpreter_language FROM case_appointments`);
    for (const a of appointments) {
      expect(a.created_at <= NOW && a.created_at < a.starts_at).toBe(true);
      // Planned ones lie ahead; held and missed ones happened.
      if (a.status === 'planned') expect(a.starts_at > NOW).toBe(true);
      if (a.status === 'held' || a.status === 'missed') expect(a.starts_at < NOW).toBe(true);
    }
    expect(new Set(appointments.map((a) => a.status))).toEqual(new Set(['planned', 'held', 'missed', 'cancelled']));
    expect(appointments.some((a) => a.interpreter_language !== null)).toBe(true);
  });

  it('walks every timeline through the phase machine in order, ending in the case’s phase', () => {
    const perCase = byCase(events);
    let reopened = 0;
    let back = 0;
    for (const c of caseRows) {
      const list = perCase.get(c.id)!;
      expect(list[0]!.kind, c.reference).toBe('created');
      expect(list[0]!.occurred_at.getTime()).toBe(c.opened_at.getTime());
      let phase: CasePhase = 'intake';
      let assessmentCompleted = false;
      for (const e of list) {
        if (e.kind === 'assessment_completed') assessmentCompleted = true;
        if (e.kind !== 'phase_changed' && e.kind !== 'reopened') continue;
        expect(e.from_phase, `${c.reference} ${e.kind}`).toBe(phase);
        const input = {
          to: e.to_phase!,
          reason: e.note,
          closureReason: (e.details.closureReason ?? null) as never,
          outcome: e.to_phase === 'closure' ? e.note : null,
        };
        const result =
          e.kind === 'reopened'
            ? checkReopen(phase, { to: e.to_phase as never, reason: e.note ?? '' }, { assessmentCompleted })
            : checkPhaseChange(phase, input, { assessmentCompleted });
        expect(result.ok, `${c.reference}: ${phase} → ${e.to_phase} ${JSON.stringify(result)}`).toBe(true);
        if (e.kind === 'reopened') reopened++;
        if (e.details.move === 'back') back++;
        phase = e.to_phase!;
      }
      expect(phase, c.reference).toBe(c.phase);
      if (c.phase === 'closure') {
        expect(c.closure_reason && c.closure_outcome && c.closed_at, c.reference).toBeTruthy();
      } else {
        expect(c.closure_reason ?? c.closure_outcome ?? c.closed_at, c.reference).toBeNull();
      }
    }
    expect(reopened).toBeGreaterThan(0);
    expect(back).toBeGreaterThan(0);
  });

  it('rests every case that reached planning on a completed assessment of all ten life domains', async () => {
    const assessments = await rows<{
      case_id: string;
      version_no: number;
      status: string;
      domains: AssessmentDomains;
      potential_analysis: string | null;
      completed_at: Date | null;
    }>(`SELECT * FROM case_assessments`);
    const perCase = byCase(assessments);
    const eventsOf = byCase(events);
    let reached = 0;
    for (const c of caseRows) {
      const planning = eventsOf.get(c.id)!.find((e) => e.to_phase === 'planning');
      if (!planning && !['planning', 'implementation', 'monitoring'].includes(c.phase)) continue;
      reached++;
      const completed = (perCase.get(c.id) ?? []).filter((a) => a.status === 'completed');
      expect(completed.length, c.reference).toBeGreaterThan(0);
      const first = completed.find((a) => a.version_no === 1)!;
      expect(first.completed_at! <= planning!.occurred_at, c.reference).toBe(true);
      for (const a of completed) {
        expect(Object.keys(a.domains).sort()).toEqual([...lifeDomainKeys].sort());
        expect(completionProblems({ domains: a.domains, potentialAnalysis: a.potential_analysis })).toEqual([]);
        for (const key of lifeDomainKeys) {
          // All ten assessed, strengths first: every domain names a strength.
          expect(a.domains[key].notAssessed).toBe(false);
          expect(a.domains[key].strengths.caseworkerView).toBeTruthy();
          expect(Object.keys(a.domains[key]).sort()).toEqual(['needs', 'notAssessed', 'strengths', 'urgency']);
        }
      }
    }
    expect(reached).toBeGreaterThan(150);
    expect(assessments.some((a) => a.status === 'draft')).toBe(true);
    expect(assessments.some((a) => a.version_no === 2)).toBe(true);
  });

  it('shows each case’s person to its lead agency, who could see the person when the case was opened', async () => {
    const visible = await rows<{ id: string; visible: boolean; registered: boolean }>(
      `SELECT c.id,
         EXISTS (SELECT 1 FROM people p WHERE p.id = c.person_id AND (p.registered_by_agency_id = c.lead_agency_id OR EXISTS (
           SELECT 1 FROM cases o JOIN case_team_members m ON m.case_id = o.id
           WHERE o.person_id = p.id AND m.agency_id = c.lead_agency_id AND m.left_at IS NULL))) AS visible,
         EXISTS (SELECT 1 FROM people p WHERE p.id = c.person_id AND p.registered_by_agency_id = c.lead_agency_id) AS registered
       FROM cases c`,
    );
    expect(visible.every((v) => v.visible)).toBe(true);
    // Mostly the registering agency; the others joined another agency's case on the person first.
    const registered = visible.filter((v) => v.registered).length;
    expect(registered / visible.length).toBeGreaterThan(0.75);
    expect(registered).toBeLessThan(visible.length);
    for (const c of caseRows.filter((x) => !visible.find((v) => v.id === x.id)!.registered)) {
      const earlier = members.filter(
        (m) =>
          m.agency_id === c.lead_agency_id &&
          m.case_id !== c.id &&
          caseRows.find((o) => o.id === m.case_id)!.person_id === c.person_id &&
          m.joined_at <= c.opened_at &&
          (m.left_at === null || m.left_at > c.opened_at),
      );
      expect(earlier.length, c.reference).toBeGreaterThan(0);
    }
    // Through the API: the Sozialamt's caseworker sees exactly the cases her agency is on the team of.
    const session = await t.login('sozialamt');
    const sozialamt = members.find((m) => m.agency === 'sozialamt')!.agency_id;
    const onTeam = new Set(
      members.filter((m) => m.agency_id === sozialamt && m.left_at === null).map((m) => m.case_id),
    );
    const list = await t.request('GET', '/api/v1/cases?scope=agency&status=all&pageSize=1', { session });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ page: { total: number } }>().page.total).toBe(onTeam.size);
    const one = caseRows.find((c) => onTeam.has(c.id) && c.phase === 'monitoring')!;
    const detail = await t.request('GET', `/api/v1/cases/${one.id}`, { session });
    expect(detail.statusCode, detail.body).toBe(200);
    const timeline = await t.request('GET', `/api/v1/cases/${one.id}/timeline?pageSize=100`, { session });
    expect(timeline.statusCode, timeline.body).toBe(200);
    const person = await t.request('GET', `/api/v1/people/${one.person_id}`, { session });
    expect(person.statusCode).toBe(200);
  });

  it('builds teams across agencies with named colleagues of those agencies and some ended memberships', () => {
    const perCase = byCase(members);
    for (const c of caseRows) {
      const team = perCase.get(c.id)!;
      const lead = team.filter((m) => m.role === 'lead');
      expect(lead, c.reference).toHaveLength(1);
      expect(lead[0]!.agency_id).toBe(c.lead_agency_id);
      expect(lead[0]!.user_id).toBe(c.lead_user_id);
      expect(lead[0]!.left_at).toBeNull();
      const current = team.filter((m) => m.left_at === null);
      expect(new Set(current.map((m) => m.agency_id)).size, c.reference).toBe(current.length);
      for (const m of team) if (m.user_id) expect(m.user_agency_id, c.reference).toBe(m.agency_id);
    }
    const sizes = caseRows.map((c) => perCase.get(c.id)!.length);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(4);
    expect(members.some((m) => m.role === 'consulted')).toBe(true);
    expect(members.some((m) => m.role === 'participant' && m.user_id !== null)).toBe(true);
    expect(members.some((m) => m.left_at !== null)).toBe(true);
    expect(events.some((e) => e.kind === 'reassigned')).toBe(true);
  });

  it('rests every partner membership on a basis: a consent for the volunteer centre, a logged transfer otherwise', async () => {
    type Transfer = {
      case_id: string;
      to_agency_id: string;
      from_agency_id: string;
      categories: string[];
      legal_basis: string;
      purpose: string;
    };
    type Consent = { id: string; person_id: string; recipient_agency_ids: string[]; categories: string[] };
    const transfers = await rows<Transfer>(`SELECT * FROM data_transfers WHERE case_id IS NOT NULL`);
    const consentRows = new Map(
      (await rows<Consent>(`SELECT id, person_id, recipient_agency_ids, categories FROM consents`)).map((k) => [
        k.id,
        k,
      ]),
    );
    const caseById = new Map(caseRows.map((c) => [c.id, c]));
    const partners = members.filter((m) => m.role !== 'lead');
    expect(partners.length).toBeGreaterThan(0);
    for (const m of partners) {
      const c = caseById.get(m.case_id)!;
      if (m.agency === 'cbe') {
        const consent = consentRows.get(m.consent_id!);
        expect(consent, c.reference).toBeDefined();
        expect(consent!.person_id).toBe(c.person_id);
        expect(consent!.recipient_agency_ids).toEqual([m.agency_id]);
        expect(consent!.categories).toContain('identity');
        expect(m.legal_basis).toBeNull();
      } else {
        expect(m.consent_id).toBeNull();
        expect(m.legal_basis, c.reference).toMatch(/SGB X/);
        const logged = transfers.filter((x) => x.case_id === m.case_id && x.to_agency_id === m.agency_id);
        expect(logged.length, c.reference).toBeGreaterThan(0);
        for (const x of logged) {
          expect(x.from_agency_id).toBe(c.lead_agency_id);
          expect(x.purpose).toBe(`Mitarbeit im Fallteam ${c.reference}`);
          expect(x.categories).toContain('identity');
        }
      }
    }
    // The Ausländerbehörde gets residence data on § 71 SGB X / § 87 AufenthG.
    expect(partners.some((m) => m.agency === 'abh' && /87 Abs. 1 AufenthG/.test(m.legal_basis ?? ''))).toBe(true);
  });

  it('gives plans the owners the plan rules allow, with review dates and one open reminder per plan in force', async () => {
    const plans = await rows<PlanRow>(
      `SELECT p.*, a.kind AS owner_kind FROM case_plans p JOIN agencies a ON a.id = p.owner_agency_id`,
    );
    const tasks = await rows<TaskRow>(`SELECT * FROM case_tasks`);
    expect(new Set(plans.map((p) => p.kind))).toEqual(new Set(['integration_plan', 'kooperationsplan', 'hilfeplan']));
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['draft', 'agreed', 'ended']));
    const caseOf = new Map(caseRows.map((c) => [c.id, c]));
    for (const p of plans) {
      const c = caseOf.get(p.case_id)!;
      if (p.kind === 'kooperationsplan') {
        expect(p.owner_kind).toBe('jobcenter');
        expect(p.review_date, c.reference).not.toBeNull();
        const limit = addMonths(p.agreed_on ?? todayIn(c.opened_at), 6);
        if (p.agreed_on) expect(p.review_date! <= limit, `${c.reference} ${p.agreed_on} ${p.review_date}`).toBe(true);
      } else if (p.kind === 'hilfeplan') {
        expect(p.owner_kind).toBe('jugendamt');
      } else {
        expect(p.owner_agency_id).toBe(c.lead_agency_id);
      }
      expect(['planning', 'implementation', 'monitoring', 'closure']).toContain(c.phase);
      if (p.status === 'ended') expect(p.ended_on).not.toBeNull();
      if (p.status === 'agreed') expect(p.agreed_on! <= TODAY).toBe(true);
      // The owner is on the current team.
      expect(
        members.some((m) => m.case_id === p.case_id && m.agency_id === p.owner_agency_id && m.left_at === null),
      ).toBe(true);
    }
    // At most one plan of a kind in force per case; closed cases have none in force.
    const inForce = plans.filter((p) => p.status !== 'ended');
    expect(new Set(inForce.map((p) => `${p.case_id}/${p.kind}`)).size).toBe(inForce.length);
    for (const p of inForce) expect(caseOf.get(p.case_id)!.phase).not.toBe('closure');

    const openReviews = tasks.filter((x) => x.source === 'plan_review' && x.status === 'open');
    for (const task of openReviews) {
      const plan = plans.find((p) => p.id === task.source_id);
      expect(plan, task.id).toBeDefined();
      expect(plan!.case_id).toBe(task.case_id);
      expect(plan!.status).not.toBe('ended');
      expect(task.due_date).toBe(plan!.review_date);
      expect(task.assignee_agency_id).toBe(plan!.owner_agency_id);
    }
    for (const p of inForce.filter((x) => x.review_date !== null)) {
      expect(
        openReviews.filter((x) => x.source_id === p.id),
        p.id,
      ).toHaveLength(1);
    }
    expect(openReviews.length).toBeGreaterThan(50);
    // Goals in the person's words and as a measurable target; steps as a chain across agencies.
    const goals = await rows<{ plan_id: string; own_words: string; target: string }>(`SELECT * FROM case_plan_goals`);
    const steps = await rows<{
      plan_id: string;
      responsible_agency_id: string;
      position: number;
      due_date: string | null;
    }>(`SELECT * FROM case_plan_steps`);
    for (const p of plans)
      expect(
        goals.some((g) => g.plan_id === p.id),
        p.id,
      ).toBe(true);
    for (const g of goals) {
      expect(g.own_words).not.toContain('{');
      expect(g.target).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    }
    const chains = plans.filter(
      (p) => new Set(steps.filter((s) => s.plan_id === p.id).map((s) => s.responsible_agency_id)).size > 1,
    );
    expect(chains.length).toBeGreaterThan(plans.length / 3);
  });

  it('assigns tasks to agencies on the current team; some are overdue, some done, decisions of conferences became tasks', async () => {
    const tasks = await rows<TaskRow>(`SELECT * FROM case_tasks`);
    const current = new Set(members.filter((m) => m.left_at === null).map((m) => `${m.case_id}/${m.agency_id}`));
    for (const task of tasks) expect(current.has(`${task.case_id}/${task.assignee_agency_id}`), task.id).toBe(true);
    const closed = new Set(caseRows.filter((c) => c.phase === 'closure').map((c) => c.id));
    expect(tasks.filter((x) => x.status === 'open' && closed.has(x.case_id)).map((x) => x.source)).toEqual([]);
    expect(tasks.some((x) => x.status === 'open' && x.due_date !== null && x.due_date < TODAY)).toBe(true);
    expect(tasks.some((x) => x.status === 'done' && x.completed_at !== null && x.completed_at >= x.created_at)).toBe(
      true,
    );
    expect(tasks.filter((x) => x.source === 'manual').length).toBeGreaterThan(caseRows.length);

    const conferences = await rows<{
      id: string;
      case_id: string;
      title: string;
      status: string;
      minutes: string | null;
    }>(`SELECT * FROM case_conferences`);
    expect(conferences.length).toBeGreaterThanOrEqual(5);
    expect(conferences.length).toBeLessThanOrEqual(12);
    const decisions = await rows<{ id: string; conference_id: string; task_id: string; responsible_agency_id: string }>(
      `SELECT * FROM case_conference_decisions`,
    );
    for (const d of decisions) {
      const task = tasks.find((x) => x.id === d.task_id)!;
      expect(task.source).toBe('conference_decision');
      expect(task.source_id).toBe(d.id);
      expect(task.assignee_agency_id).toBe(d.responsible_agency_id);
    }
    // The conference about an imminent deportation of a family with children, with the KSD.
    const deportation = conferences.find((c) => c.title.includes('Abschiebung'))!;
    expect(deportation.status).toBe('held');
    expect(deportation.minutes).toContain('Kommunale Soziale Dienst');
    const ksd = await rows<{ team: string; attended: boolean }>(
      `SELECT t.name AS team, p.attended FROM case_conference_participants p
       JOIN users u ON u.id = p.user_id JOIN teams t ON t.id = u.team_id JOIN agencies a ON a.id = p.agency_id
       WHERE p.conference_id = '${deportation.id}' AND a.code = 'jugendamt'`,
    );
    expect(ksd.map((k) => k.team)).toEqual(['Kommunaler Sozialer Dienst']);
    const family = caseRows.find((c) => c.id === deportation.case_id)!;
    expect(family.household_id).not.toBeNull();
    const children = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM household_members m JOIN people p ON p.id = m.person_id
       WHERE m.household_id = '${family.household_id}' AND m.valid_until IS NULL AND m.relationship = 'child'
         AND p.dob_year > ${Number(TODAY.slice(0, 4)) - 18}`,
    );
    expect(children[0]!.n).toBeGreaterThanOrEqual(1);
    expect(decisions.filter((d) => d.conference_id === deportation.id).length).toBeGreaterThanOrEqual(2);
  });

  it('writes notes of every kind and confidentiality level, by colleagues of agencies on the team', async () => {
    const notes = await rows<{
      case_id: string;
      kind: string;
      confidentiality: string;
      author_agency_id: string;
      author_user_id: string;
      user_agency_id: string;
      occurred_at: Date;
    }>(`SELECT n.*, u.agency_id AS user_agency_id FROM case_notes n JOIN users u ON u.id = n.author_user_id`);
    expect(new Set(notes.map((n) => n.kind))).toEqual(
      new Set(['contact', 'home_visit', 'phone_call', 'conference', 'counselling', 'other']),
    );
    expect(new Set(notes.map((n) => n.confidentiality))).toEqual(new Set(['team', 'agency', 'author']));
    for (const n of notes) {
      expect(n.user_agency_id).toBe(n.author_agency_id);
      const onTeam = members.some(
        (m) =>
          m.case_id === n.case_id &&
          m.agency_id === n.author_agency_id &&
          todayIn(m.joined_at) <= todayIn(n.occurred_at) &&
          (m.left_at === null || todayIn(m.left_at) >= todayIn(n.occurred_at)),
      );
      expect(onTeam).toBe(true);
    }
    // Restricted notes are restricted on the timeline too.
    const restricted = events.filter((e) => e.kind === 'note_added' && e.details.visibleToAgencyId !== undefined);
    expect(restricted.length).toBe(notes.filter((n) => n.confidentiality !== 'team').length);
  });

  it('writes nothing to a closed case while it was closed', () => {
    const perCase = byCase(events);
    for (const c of caseRows) {
      const list = perCase.get(c.id)!;
      let closedSince: Date | null = null;
      for (const e of list) {
        if (e.kind === 'phase_changed' && e.to_phase === 'closure') {
          closedSince = e.occurred_at;
          continue;
        }
        if (e.kind === 'reopened') {
          closedSince = null;
          continue;
        }
        if (closedSince) {
          // Only what the closure itself finished the same day (e.g. the day's last note).
          expect(
            daysBetween(todayIn(closedSince), todayIn(e.occurred_at)),
            `${c.reference} ${e.kind}`,
          ).toBeLessThanOrEqual(0);
        }
      }
    }
  });

  it('is served by every read route of the case work, for the lead agency and the team lead', async () => {
    const session = await t.login('sozialamt');
    const sozialamt = members.find((m) => m.agency === 'sozialamt')!.agency_id;
    const deportation = (
      await rows<{ case_id: string }>(`SELECT case_id FROM case_conferences WHERE title LIKE '%Abschiebung%'`)
    )[0]!;
    const led = caseRows.filter((c) => c.lead_agency_id === sozialamt);
    const sample = [
      caseRows.find((c) => c.id === deportation.case_id)!,
      ...casePhases.map((p) => led.find((c) => c.phase === p)!).filter(Boolean),
      ...led.filter((_, i) => i % 7 === 0).slice(0, 12),
    ];
    const ok = async (url: string) => {
      const res = await t.request('GET', url, { session });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json<{ items?: { id: string }[] }>();
    };
    for (const c of sample) {
      const base = `/api/v1/cases/${c.id}`;
      await ok(base);
      await ok(`${base}/timeline?pageSize=100`);
      await ok(`${base}/assessments`);
      for (const plan of (await ok(`${base}/plans`)).items ?? []) await ok(`${base}/plans/${plan.id}`);
      await ok(`${base}/tasks`);
      for (const conference of (await ok(`${base}/conferences`)).items ?? [])
        await ok(`${base}/conferences/${conference.id}`);
      await ok(`${base}/notes`);
      await ok(`${base}/appointments`);
      await ok(`${base}/appointments?when=past`);
    }
    await ok('/api/v1/tasks');
    await ok('/api/v1/appointments');
    const lead = await t.login('teamleitung');
    const workload = await t.request('GET', '/api/v1/cases/workload?scope=agency', { session: lead });
    expect(workload.statusCode, workload.body).toBe(200);
    const open = caseRows.filter((c) => c.lead_agency_id === sozialamt && c.phase !== 'closure').length;
    expect(workload.json<{ openCases: number }>().openCases).toBe(open);
  });

  it('adds nothing when the setup runs again', async () => {
    const before = await Promise.all([
      t.database.db.select({ n: count() }).from(cases),
      t.database.db.select({ n: count() }).from(caseEvents),
      t.database.db.select({ n: count() }).from(caseTasks),
    ]);
    await seedDemoData(t.database.db, new Date(NOW.getTime() + 86_400_000));
    const after = await Promise.all([
      t.database.db.select({ n: count() }).from(cases),
      t.database.db.select({ n: count() }).from(caseEvents),
      t.database.db.select({ n: count() }).from(caseTasks),
    ]);
    expect(after).toEqual(before);
  });

  it('gives the same cases for the same seed and day', async () => {
    const snapshot = async () => {
      const { database, drop } = await createTestDatabase();
      try {
        await migrateDatabase(database);
        await seedDemo(database.db, NOW);
        await seedDemoPeople(database.db, { count: 400, seed: 3, now: NOW });
        await seedDemoCases(database.db, { count: 60, seed: 5, now: NOW });
        return await rawRows(
          database.db,
          sql`SELECT c.reference, c.title, c.phase, c.opened_at, p.family_name, p.given_names,
                (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id) AS events,
                (SELECT count(*)::int FROM case_tasks k WHERE k.case_id = c.id) AS tasks
              FROM cases c JOIN people p ON p.id = c.person_id ORDER BY c.reference`,
        );
      } finally {
        await drop();
      }
    };
    const [a, b] = [await snapshot(), await snapshot()];
    expect(a.length).toBeGreaterThan(20);
    expect(a).toEqual(b);
  }, 60_000);
});
