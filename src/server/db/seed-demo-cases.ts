/**
 * Demo cases for the demo municipality: about 300 synthetic cases over the demo people (no real
 * persons), led by every agency that works on cases and by its demo caseworkers (and the demo team
 * lead), in every phase of the cycle — with case teams across agencies, a consistent timeline,
 * completed assessments, plans with goals and chains of steps, review reminders, tasks, notes,
 * appointments and a handful of case conferences whose decisions became tasks.
 *
 * Rules the data keeps (tests/integration/seed-demo-cases.test.ts checks them):
 * - a case's person was visible to the lead agency when the case was opened: most cases are led by
 *   the agency that registered the person; the others by an agency that had joined the team of an
 *   earlier case on the person;
 * - the timeline walks the phase machine in order (forward, one step back with a reason, closure
 *   with reason and outcome, reopening), dated over the last two years relative to `now`;
 * - every case that reached planning rests on a completed assessment (all ten life domains,
 *   strengths first) completed before planning began;
 * - plans follow the plan rules: a Kooperationsplan is the Jobcenter's (review at the latest six
 *   months after the agreement), a Hilfeplan the Jugendamt's, an integration plan the lead's; at
 *   most one plan of a kind in force; every plan in force with a review date has exactly one open
 *   review task for its owner agency, due on the review date;
 * - tasks are for agencies on the current team; nothing is written to a closed case while it is
 *   closed; nothing lies in the future except appointments, due dates and one planned conference.
 *
 * Everything is drawn from one seeded PRNG, so one seed and one day give the same cases. Rows go in
 * with bulk inserts in one transaction (a few hundred milliseconds on PGlite).
 */
import { bulkInsert } from './bulk-insert';
import { randomUUID } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PlanKind } from '../../shared/contracts/case-plans';
import { casePhases, type CasePhase, type ClosureReason } from '../../shared/contracts/cases';
import { emptyDomainAssessment, type AssessmentDomains } from '../../shared/domain/assessment/assessment-content';
import { lifeDomainKeys, lifeDomainLabels } from '../../shared/domain/assessment/life-domains';
import { daysBetween, todayIn } from '../../shared/domain/calendar-date';
import { addMonths, KOOPERATIONSPLAN_REVIEW, planKindLabels } from '../../shared/domain/cases/plan-rules';
import { languageNames } from '../../shared/domain/languages';
import { createSeededRandom } from '../../shared/domain/people-matching/synthetic-people';
import { PLAN_REVIEW_SOURCE, reviewTaskTitle } from '../modules/cases/plan-review-reminders';
import { rawRows, type Db } from './client';
import {
  APPOINTMENT_TITLES,
  ASSESSMENT_TEXTS,
  BACK_REASONS,
  FIRST_NOTE,
  GOALS,
  MEMBER_END_REASONS,
  NOTES,
  OUTCOMES,
  POTENTIAL_CLOSINGS,
  POTENTIAL_OPENINGS,
  PROFESSIONS,
  REASSIGN_REASONS,
  REOPEN_REASONS,
  SCENARIOS,
  TASKS,
  type AgencyCode,
  type Candidate,
  type NoteTemplate,
  type Scenario,
  type Theme,
} from './seed-demo-case-texts';
import type { AgencyKind } from '../../shared/contracts/common';
import { defaultCategoriesOf, type DataCategory } from '../../shared/domain/data-protection/data-categories';
import { addDays, between, maxDate, minDate, pick, weighted, type Random } from './seed-demo-documents';
import {
  caseAppointments,
  caseAssessments,
  caseConferenceDecisions,
  caseConferenceParticipants,
  caseConferences,
  caseEvents,
  caseNotes,
  casePlanGoals,
  casePlans,
  casePlanSteps,
  cases,
  caseTasks,
  caseTeamMembers,
  consents,
  dataTransfers,
} from './schema';

export type SeedDemoCasesOptions = {
  /** About how many cases (default 300). */
  count?: number;
  /** PRNG seed: the same seed (and day) gives the same cases. */
  seed?: number;
  /** The moment of seeding; the cases' history lies in the two years before it. */
  now?: Date;
};

export type SeedDemoCasesSummary = {
  cases: number;
  teamMembers: number;
  events: number;
  assessments: number;
  plans: number;
  goals: number;
  steps: number;
  tasks: number;
  notes: number;
  appointments: number;
  conferences: number;
  milliseconds: number;
};

export const DEFAULT_DEMO_CASES = 300;
export const DEFAULT_DEMO_CASES_SEED = 20_261_125;
/** The oldest case was opened at most this many days before the day of seeding. */
export const DEMO_CASES_HISTORY_DAYS = 720;

/** Whether any case exists (then the demo cases are not seeded). */
export async function hasCases(db: Db): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(cases);
  return Number(rows[0]?.n ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// What the seed reads

type Agency = { id: string; code: string; name: string; address: string | null };
type Staff = { id: string; agencyCode: string; username: string; teamLead: boolean };
type Person = {
  id: string;
  givenNames: string;
  familyName: string;
  agency: string;
  interpreterLanguage: string | null;
  motherTongue: string | null;
  household: { id: string; validFrom: string } | null;
  candidate: Candidate;
};

type PersonRow = {
  id: string;
  given_names: string;
  family_name: string;
  sex: string;
  dob_year: number | null;
  agency: string;
  interpreter_language: string | null;
  mother_tongue: string | null;
};
type MembershipRow = { person_id: string; household_id: string; relationship: string; valid_from: string };

async function loadPeople(db: Db, thisYear: number): Promise<Person[]> {
  const people = await rawRows<PersonRow>(
    db,
    sql`
      SELECT p.id, p.given_names, p.family_name, p.sex, p.dob_year, a.code AS agency, p.interpreter_language,
        (SELECT l.language FROM person_languages l WHERE l.person_id = p.id AND l.mother_tongue
          ORDER BY l.language LIMIT 1) AS mother_tongue
      FROM people p JOIN agencies a ON a.id = p.registered_by_agency_id
      WHERE p.merged_into_id IS NULL
      ORDER BY p.family_name, p.given_names, p.dob_year, p.id`,
  );
  const memberships = await rawRows<MembershipRow>(
    db,
    sql`
      SELECT m.person_id, m.household_id, m.relationship, m.valid_from::text AS valid_from
      FROM household_members m
      WHERE m.valid_until IS NULL
      ORDER BY m.household_id, m.valid_from, m.person_id`,
  );
  const ageOf = new Map(people.map((p) => [p.id, p.dob_year === null ? 35 : thisYear - p.dob_year]));
  const byHousehold = new Map<string, MembershipRow[]>();
  const byPerson = new Map<string, MembershipRow>();
  for (const m of memberships) {
    byHousehold.set(m.household_id, [...(byHousehold.get(m.household_id) ?? []), m]);
    if (!byPerson.has(m.person_id)) byPerson.set(m.person_id, m);
  }
  return people.map((p) => {
    const age = ageOf.get(p.id)!;
    const own = byPerson.get(p.id);
    const others = own ? byHousehold.get(own.household_id)!.filter((m) => m.person_id !== p.id) : [];
    const parent = own && (own.relationship === 'head' || own.relationship === 'spouse');
    return {
      id: p.id,
      givenNames: p.given_names,
      familyName: p.family_name,
      agency: p.agency,
      interpreterLanguage: p.interpreter_language,
      motherTongue: p.mother_tongue,
      household: own ? { id: own.household_id, validFrom: own.valid_from } : null,
      candidate: {
        age,
        sex: p.sex,
        parentOfMinors: parent
          ? others.filter((m) => m.relationship === 'child' && (ageOf.get(m.person_id) ?? 99) < 18).length
          : 0,
        otherAdult: others.some((m) => (ageOf.get(m.person_id) ?? 0) >= 18),
        inHousehold: own !== undefined,
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Rows, as they are inserted

type Row<T extends PgTable> = T['$inferInsert'];

// ---------------------------------------------------------------------------------------------
// Dates and moments

const MINUTE_MS = 60_000;
/** 06:45 UTC: a quarter to eight (winter) or a quarter to nine (summer) in Mülheim. */
const OFFICE_START_MIN = 6 * 60 + 45;

const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE_MS);
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
/** The day itself, or the Monday after a weekend (appointments and conferences fall on working days). */
const workingDay = (day: string) => (weekday(day) === 6 ? addDays(day, 2) : weekday(day) === 0 ? addDays(day, 1) : day);
const deDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------
// The story of a case: phase moves over time

type Move = {
  day: string;
  kind: 'forward' | 'back' | 'close' | 'reopen';
  from: CasePhase;
  to: CasePhase;
  note: string | null;
  closureReason: ClosureReason | null;
};

type Story = { openedOn: string; moves: Move[]; phase: CasePhase };

const PHASE_WEIGHTS: Partial<Record<CasePhase, number>> = {
  intake: 0.09,
  assessment: 0.12,
  planning: 0.13,
  implementation: 0.27,
  monitoring: 0.17,
  closure: 0.22,
};

/** Days a case stays in a phase before it moves on. */
const STAY: Readonly<Record<CasePhase, [number, number]>> = {
  intake: [4, 25],
  assessment: [10, 45],
  planning: [7, 35],
  implementation: [45, 240],
  monitoring: [30, 150],
  closure: [30, 180],
};

const next = (p: CasePhase) => casePhases[casePhases.indexOf(p) + 1]!;
const prev = (p: CasePhase) => casePhases[casePhases.indexOf(p) - 1]!;

function closureReasonFor(rng: Random, from: CasePhase): ClosureReason {
  if (from === 'monitoring') {
    return weighted<ClosureReason>(rng, {
      goals_achieved: 0.55,
      handed_over: 0.25,
      moved_away: 0.1,
      person_declined: 0.05,
      other: 0.05,
    });
  }
  if (from === 'implementation') {
    return weighted<ClosureReason>(rng, {
      moved_away: 0.3,
      handed_over: 0.25,
      person_declined: 0.2,
      contact_lost: 0.15,
      no_longer_responsible: 0.1,
    });
  }
  return weighted<ClosureReason>(rng, {
    contact_lost: 0.4,
    no_longer_responsible: 0.3,
    person_declined: 0.2,
    moved_away: 0.1,
  });
}

/**
 * Draws the phase moves of a case and dates them so that the case was opened no earlier than
 * `earliest` and its last move lies no later than `yesterday`.
 */
function drawStory(rng: Random, scenario: Scenario, earliest: string, yesterday: string): Story {
  const final =
    scenario.key === 'deportation_family'
      ? weighted<CasePhase>(rng, { implementation: 0.6, monitoring: 0.4 })
      : weighted<CasePhase>(rng, PHASE_WEIGHTS);
  type Step = Omit<Move, 'day'> & { gap: number };
  const steps: Step[] = [];
  let phase = 'intake' as CasePhase;
  const forward = () => {
    const to = next(phase);
    steps.push({
      kind: 'forward',
      from: phase,
      to,
      note: null,
      closureReason: null,
      gap: between(rng, ...STAY[phase]),
    });
    phase = to;
  };
  const close = () => {
    const reason = closureReasonFor(rng, phase);
    steps.push({
      kind: 'close',
      from: phase,
      to: 'closure',
      note: pick(rng, OUTCOMES[reason]),
      closureReason: reason,
      gap: between(rng, ...STAY[phase]),
    });
    phase = 'closure';
  };
  const reopened = (final === 'implementation' || final === 'monitoring') && rng() < 0.1;
  if (final === 'closure') {
    const closedFrom = weighted<CasePhase>(rng, { monitoring: 0.6, implementation: 0.2, assessment: 0.1, intake: 0.1 });
    while (phase !== closedFrom) forward();
    close();
  } else if (reopened) {
    while (phase !== 'monitoring') forward();
    close();
    steps.push({
      kind: 'reopen',
      from: 'closure',
      to: final,
      note: pick(rng, REOPEN_REASONS),
      closureReason: null,
      gap: between(rng, ...STAY.closure),
    });
    phase = final;
  } else {
    while (phase !== final) {
      forward();
      // Now and then a step back with a reason, and on again.
      if ((phase === 'implementation' || phase === 'monitoring') && phase !== final && rng() < 0.07) {
        steps.push({
          kind: 'back',
          from: phase,
          to: prev(phase),
          note: pick(rng, BACK_REASONS),
          closureReason: null,
          gap: between(rng, 20, 90),
        });
        phase = prev(phase);
        steps.push({
          kind: 'forward',
          from: phase,
          to: next(phase),
          note: null,
          closureReason: null,
          gap: between(rng, 7, 21),
        });
        phase = next(phase);
      }
    }
  }
  // Time spent in the current phase so far.
  let tail = final === 'closure' && !reopened ? between(rng, 1, 400) : between(rng, 1, Math.max(2, STAY[phase][1]));
  const available = Math.max(steps.length + 1, daysBetween(earliest, yesterday));
  let total = steps.reduce((a, s) => a + s.gap, 0) + tail;
  if (total > available) {
    const f = available / total;
    for (const s of steps) s.gap = Math.max(1, Math.floor(s.gap * f));
    tail = Math.max(0, Math.floor(tail * f));
    total = steps.reduce((a, s) => a + s.gap, 0) + tail;
    if (total > available) tail = Math.max(0, tail - (total - available));
  }
  const openedOn = addDays(yesterday, -(steps.reduce((a, s) => a + s.gap, 0) + tail));
  let day = openedOn;
  const moves = steps.map(({ gap, ...m }) => {
    day = addDays(day, gap);
    return { ...m, day };
  });
  return { openedOn, moves, phase };
}

// ---------------------------------------------------------------------------------------------
// The case as the seed builds it

type Member = {
  id: string;
  agency: string;
  userId: string | null;
  role: 'lead' | 'participant' | 'consulted';
  joinedOn: string;
  leftOn: string | null;
  leftNote: string | null;
};

/** The agency kinds of the demo agencies, for the categories a lead agency may transfer. */
const DEMO_AGENCY_KINDS: Readonly<Record<AgencyCode, AgencyKind>> = {
  sozialamt: 'sozialamt',
  jobcenter: 'jobcenter',
  abh: 'auslaenderbehoerde',
  jugendamt: 'jugendamt',
  gesundheitsamt: 'gesundheitsamt',
  wohnungsamt: 'wohnungsamt',
  aa: 'agentur_fuer_arbeit',
  cbe: 'volunteer_centre',
};

type MemberBasis =
  | { kind: 'consent'; categories: DataCategory[] }
  | { kind: 'legal_basis'; legalBasis: string; categories: DataCategory[] };

/**
 * Why a partner agency is on the team (issue 5): the volunteer centre on the person's consent; a
 * social agency on § 69 Abs. 1 Nr. 1 SGB X (transfer for a social task); the Ausländerbehörde on
 * § 71 Abs. 2 SGB X with § 87 AufenthG. Only categories the lead agency sees itself are transferred.
 */
function memberBasis(lead: string, member: string): MemberBasis {
  if (member === 'cbe') return { kind: 'consent', categories: ['identity', 'contact'] };
  const wanted: DataCategory[] =
    member === 'abh'
      ? ['identity', 'residence_status']
      : member === 'jugendamt'
        ? ['identity', 'contact', 'family']
        : member === 'gesundheitsamt'
          ? ['identity', 'contact', 'health']
          : ['identity', 'contact'];
  const own = defaultCategoriesOf(DEMO_AGENCY_KINDS[lead as AgencyCode]);
  return {
    kind: 'legal_basis',
    legalBasis:
      member === 'abh'
        ? '§ 71 Abs. 2 SGB X i. V. m. § 87 Abs. 1 AufenthG'
        : '§ 69 Abs. 1 Nr. 1 SGB X (Erfüllung einer gesetzlichen Aufgabe)',
    categories: wanted.filter((c) => own.has(c)),
  };
}

/** Something that happened on the case, before it becomes a timeline row. */
type Happening = {
  day: string;
  /** Order among happenings of one day in the case's storyline (lower first). */
  order: number;
  /** Storyline entries are stamped in sequence; the rest get a free time of day. */
  storyline: boolean;
  kind: string;
  actor: { userId: string; agency: string };
  fromPhase?: CasePhase | null;
  toPhase?: CasePhase | null;
  note?: string | null;
  details: Record<string, unknown>;
  /** Filled when the happening is stamped. */
  stamp?: Date;
  /** Called with the stamp of a storyline entry (rows that carry the same moment). */
  onStamp?: (stamp: Date) => void;
};

type DemoCase = {
  id: string;
  scenario: Scenario;
  person: Person;
  householdId: string | null;
  title: string;
  /** The profession of a recognition case (title and goals name the same). */
  profession: string;
  leadAgency: string;
  story: Story;
  members: Member[];
  /** The lead user from a day on (first entry: the day the case was opened). */
  leads: { day: string; userId: string }[];
  happenings: Happening[];
  /** Days the case was open, as [from, to] ranges (a reopened case has two). */
  active: [string, string][];
  /** Set by the primary case a secondary one grew out of. */
  spawnedFrom: string | null;
};

type Context = {
  rng: Random;
  today: string;
  yesterday: string;
  agencies: Map<string, Agency>;
  /** Active caseworkers and team leads per agency code. */
  staff: Map<string, Staff[]>;
};

const leadOn = (c: DemoCase, day: string) => {
  let user = c.leads[0]!.userId;
  for (const l of c.leads) if (l.day <= day) user = l.userId;
  return user;
};
const membersOn = (c: DemoCase, day: string) =>
  c.members.filter((m) => m.joinedOn <= day && (m.leftOn === null || m.leftOn > day));
const currentMembers = (c: DemoCase) => c.members.filter((m) => m.leftOn === null);
const memberOf = (c: DemoCase, agency: string) => c.members.find((m) => m.agency === agency && m.leftOn === null);

/** A colleague of the agency who acts on the case: the lead, the named member, or the agency's caseworker. */
function actorOf(ctx: Context, c: DemoCase, agency: string, day: string): { userId: string; agency: string } {
  if (agency === c.leadAgency) return { userId: leadOn(c, day), agency };
  const named = c.members.find((m) => m.agency === agency && m.userId !== null);
  if (named) return { userId: named.userId!, agency };
  return { userId: ctx.staff.get(agency)![0]!.id, agency };
}

function phaseEntries(c: DemoCase): Map<CasePhase, string> {
  const entries = new Map<CasePhase, string>([['intake', c.story.openedOn]]);
  for (const m of c.story.moves) if (!entries.has(m.to)) entries.set(m.to, m.day);
  return entries;
}

/** The open period that holds `day` (a closure ends one, a reopening starts the next). */
function openPeriod(c: DemoCase, day: string): [string, string] {
  return c.active.find(([a, b]) => a <= day && day <= b) ?? c.active[c.active.length - 1]!;
}
const openUntil = (c: DemoCase, day: string) => openPeriod(c, day)[1];

/** A random day on which the case was open (and that has passed). */
function activeDay(rng: Random, c: DemoCase, from?: string): string {
  const ranges = c.active
    .map(([a, b]) => [from && from > a ? from : a, b] as [string, string])
    .filter(([a, b]) => a <= b);
  if (ranges.length === 0) return c.active[c.active.length - 1]![1];
  const lengths = ranges.map(([a, b]) => daysBetween(a, b) + 1);
  let x = Math.floor(rng() * lengths.reduce((s, n) => s + n, 0));
  for (const [i, [a]] of ranges.entries()) {
    if (x < lengths[i]!) return addDays(a, x);
    x -= lengths[i]!;
  }
  return ranges[ranges.length - 1]![1];
}

/** Builds a case: team, lead changes and storyline (created, team, phases, reassignment). */
function buildCase(
  ctx: Context,
  scenario: Scenario,
  person: Person,
  earliest: string,
  spawnedFrom: DemoCase | null,
): DemoCase {
  const { rng, yesterday } = ctx;
  const story = drawStory(rng, scenario, earliest, yesterday);
  const lead = scenario.lead;
  const leadStaff = ctx.staff.get(lead)!;
  // The Sozialamt's team lead leads some cases himself.
  const firstLead = leadStaff.length > 1 && rng() < 0.3 ? leadStaff[1]! : leadStaff[0]!;
  const household =
    person.household &&
    person.household.validFrom <= story.openedOn &&
    (scenario.household === 'always' || (scenario.household === 'sometimes' && rng() < 0.35))
      ? person.household.id
      : null;
  const profession = pick(rng, PROFESSIONS);
  const c: DemoCase = {
    id: randomUUID(),
    scenario,
    person,
    householdId: household,
    title: pick(rng, scenario.titles).replace('{family}', person.familyName).replace('{profession}', profession),
    profession,
    leadAgency: lead,
    story,
    members: [],
    leads: [{ day: story.openedOn, userId: firstLead.id }],
    happenings: [],
    active: [],
    spawnedFrom: spawnedFrom?.id ?? null,
  };
  const closes = story.moves.filter((m) => m.kind === 'close');
  const reopens = story.moves.filter((m) => m.kind === 'reopen');
  c.active = [[story.openedOn, closes[0]?.day ?? yesterday]];
  if (reopens[0]) c.active.push([reopens[0].day, yesterday]);
  const lastActive = c.active[0]![1];

  c.members.push({
    id: randomUUID(),
    agency: lead,
    userId: firstLead.id,
    role: 'lead',
    joinedOn: story.openedOn,
    leftOn: null,
    leftNote: null,
  });
  const story0 = (h: Omit<Happening, 'storyline'>) => c.happenings.push({ ...h, storyline: true });
  story0({
    day: story.openedOn,
    order: 0,
    kind: 'created',
    actor: { userId: firstLead.id, agency: lead },
    toPhase: 'intake',
    details: { personId: person.id, householdId: household, leadUserId: firstLead.id, leadAgencyId: lead },
  });

  // Partner agencies join during the first weeks.
  const partners: [AgencyCode, 'participant' | 'consulted'][] = [];
  for (const [agency, role, p] of scenario.partners) if (rng() < p) partners.push([agency, role]);
  if (partners.length === 0) {
    const best = [...scenario.partners].sort((a, b) => b[2] - a[2])[0];
    if (best) partners.push([best[0], best[1]]);
  }
  if (spawnedFrom && !partners.some(([a]) => a === spawnedFrom.leadAgency) && rng() < 0.7) {
    partners.unshift([spawnedFrom.leadAgency as AgencyCode, 'participant']);
  }
  const joinWindow = Math.max(0, Math.min(40, daysBetween(story.openedOn, lastActive)));
  for (const [agency, role] of partners.slice(0, 3)) {
    if (agency === lead) continue;
    const joinedOn = addDays(story.openedOn, between(rng, 0, joinWindow));
    const named = rng() < 0.45 ? pick(rng, ctx.staff.get(agency)!).id : null;
    const member: Member = { id: randomUUID(), agency, userId: named, role, joinedOn, leftOn: null, leftNote: null };
    c.members.push(member);
    story0({
      day: joinedOn,
      order: 1,
      kind: 'team_member_added',
      actor: { userId: leadOn(c, joinedOn), agency: lead },
      details: { memberId: member.id, agency, userId: named, role },
    });
  }

  // Phase moves.
  for (const m of story.moves) {
    const actor = { userId: leadOn(c, m.day), agency: lead };
    if (m.kind === 'reopen') {
      story0({
        day: m.day,
        order: 3,
        kind: 'reopened',
        actor,
        fromPhase: m.from,
        toPhase: m.to,
        note: m.note,
        details: { previousClosureReason: closes[0]!.closureReason },
      });
    } else {
      story0({
        day: m.day,
        order: 3,
        kind: 'phase_changed',
        actor,
        fromPhase: m.from,
        toPhase: m.to,
        note: m.note,
        details: { move: m.kind, ...(m.closureReason ? { closureReason: m.closureReason } : {}) },
      });
    }
  }

  // The Sozialamt hands some cases within its team to the other colleague.
  if (leadStaff.length > 1 && rng() < 0.15) {
    const span = daysBetween(story.openedOn, lastActive);
    if (span > 20) {
      const day = addDays(story.openedOn, between(rng, 10, span - 5));
      const from = leadOn(c, day);
      const to = leadStaff.find((s) => s.id !== from)!.id;
      c.leads.push({ day, userId: to });
      story0({
        day,
        order: 2,
        kind: 'reassigned',
        actor: { userId: leadStaff.find((s) => s.teamLead)?.id ?? from, agency: lead },
        note: pick(rng, REASSIGN_REASONS),
        details: { fromUserId: from, toUserId: to, fromAgencyId: lead, toAgencyId: lead },
      });
    }
  }
  c.members[0]!.userId = c.leads[c.leads.length - 1]!.userId;
  return c;
}

/** Ends one consulted or participating membership on some cases (the agency's part was done). */
function endMembership(ctx: Context, c: DemoCase, keep: ReadonlySet<string>): void {
  const { rng } = ctx;
  const candidates = c.members.filter((m) => m.role !== 'lead' && !keep.has(m.agency));
  if (candidates.length === 0 || currentMembers(c).length < 3 || rng() > 0.3) return;
  const m = pick(rng, candidates);
  const lastActive = c.active[c.active.length - 1]![1];
  const earliest = addDays(m.joinedOn, 25);
  if (earliest > lastActive || earliest > c.active[0]![1]) return;
  m.leftOn = addDays(earliest, between(rng, 0, daysBetween(earliest, c.active[0]![1])));
  m.leftNote = pick(rng, MEMBER_END_REASONS);
  c.happenings.push({
    day: m.leftOn,
    order: 5,
    storyline: true,
    kind: 'team_member_ended',
    actor: { userId: leadOn(c, m.leftOn), agency: c.leadAgency },
    note: m.leftNote,
    details: { memberId: m.id, agency: m.agency, userId: m.userId, role: m.role },
  });
}

// ---------------------------------------------------------------------------------------------
// Assessments

function assessmentContent(rng: Random, c: DemoCase): { domains: AssessmentDomains; potentialAnalysis: string } {
  const language = c.person.motherTongue ? (languageNames[c.person.motherTongue]?.de ?? 'Arabisch') : 'Arabisch';
  const fill = (s: string) => s.replace('{language}', language);
  const domains = {} as AssessmentDomains;
  for (const key of lifeDomainKeys) {
    const texts = ASSESSMENT_TEXTS[key];
    const focus = c.scenario.focus.includes(key);
    const hasNeeds = focus || rng() < 0.45;
    domains[key] = {
      strengths: {
        personView: rng() < 0.6 ? fill(pick(rng, texts.strengthsPerson)) : null,
        caseworkerView: fill(pick(rng, texts.strengthsCaseworker)),
      },
      needs: {
        personView: hasNeeds && rng() < 0.55 ? fill(pick(rng, texts.needsPerson)) : null,
        caseworkerView: hasNeeds ? fill(pick(rng, texts.needsCaseworker)) : null,
      },
      notAssessed: false,
      urgency: hasNeeds ? (focus ? (rng() < 0.6 ? 'high' : 'medium') : rng() < 0.5 ? 'low' : 'medium') : null,
    };
  }
  const focus = c.scenario.focus.map((k) => lifeDomainLabels[k].de);
  const focusText = focus.length > 1 ? `${focus.slice(0, -1).join(', ')} und ${focus[focus.length - 1]}` : focus[0]!;
  const potentialAnalysis = `${pick(rng, POTENTIAL_OPENINGS)} ${pick(rng, POTENTIAL_CLOSINGS).replace('{focus}', focusText)}`;
  return { domains, potentialAnalysis };
}

/** A re-assessment: the previous content with a few domains brought up to date. */
function reassessed(rng: Random, c: DemoCase, before: AssessmentDomains): AssessmentDomains {
  const domains = structuredClone(before);
  const language = c.person.motherTongue ? (languageNames[c.person.motherTongue]?.de ?? 'Arabisch') : 'Arabisch';
  for (let i = between(rng, 1, 3); i > 0; i--) {
    const key = pick(rng, lifeDomainKeys);
    const texts = ASSESSMENT_TEXTS[key];
    domains[key].strengths.caseworkerView = pick(rng, texts.strengthsCaseworker).replace('{language}', language);
    if (rng() < 0.5) {
      domains[key].needs = { personView: null, caseworkerView: null };
      domains[key].urgency = null;
    }
  }
  return domains;
}

// ---------------------------------------------------------------------------------------------
// Seeding

type Rows = {
  cases: Row<typeof cases>[];
  members: Row<typeof caseTeamMembers>[];
  consents: Row<typeof consents>[];
  transfers: Row<typeof dataTransfers>[];
  events: Row<typeof caseEvents>[];
  assessments: Row<typeof caseAssessments>[];
  plans: Row<typeof casePlans>[];
  goals: Row<typeof casePlanGoals>[];
  steps: Row<typeof casePlanSteps>[];
  tasks: Row<typeof caseTasks>[];
  notes: Row<typeof caseNotes>[];
  appointments: Row<typeof caseAppointments>[];
  conferences: Row<typeof caseConferences>[];
  participants: Row<typeof caseConferenceParticipants>[];
  decisions: Row<typeof caseConferenceDecisions>[];
};

/** Seeds the demo cases over the registered people. Needs the demo agencies and users (seedDemo). */
export async function seedDemoCases(db: Db, options: SeedDemoCasesOptions = {}): Promise<SeedDemoCasesSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const scale = (options.count ?? DEFAULT_DEMO_CASES) / DEFAULT_DEMO_CASES;
  const rng = createSeededRandom((options.seed ?? DEFAULT_DEMO_CASES_SEED) ^ 0xca5e5);
  const today = todayIn(now);
  const yesterday = addDays(today, -1);
  const historyStart = addDays(yesterday, -DEMO_CASES_HISTORY_DAYS);

  const agencyRows = await rawRows<Agency>(
    db,
    sql`SELECT id, code, name, contact->>'address' AS address FROM agencies ORDER BY code`,
  );
  const agencies = new Map(agencyRows.map((a) => [a.code, a]));
  const staffRows = await rawRows<{ id: string; agency_code: string; username: string; team_lead: boolean }>(
    db,
    sql`
      SELECT u.id, a.code AS agency_code, u.username, 'team_lead' = ANY(u.roles) AS team_lead
      FROM users u JOIN agencies a ON a.id = u.agency_id
      WHERE u.active AND u.roles && ARRAY['caseworker', 'team_lead']::text[]
      ORDER BY a.code, ('team_lead' = ANY(u.roles)), u.username`,
  );
  const staff = new Map<string, Staff[]>();
  for (const s of staffRows) {
    const list = staff.get(s.agency_code) ?? [];
    // The agency's demo caseworker (username = agency code) first.
    const entry = { id: s.id, agencyCode: s.agency_code, username: s.username, teamLead: s.team_lead };
    if (s.username === s.agency_code) list.unshift(entry);
    else list.push(entry);
    staff.set(s.agency_code, list);
  }
  for (const code of ['sozialamt', 'jobcenter', 'abh', 'jugendamt', 'gesundheitsamt', 'wohnungsamt', 'aa', 'cbe']) {
    if (!agencies.has(code) || !staff.get(code)?.length) {
      throw new Error(`demo cases need the demo agencies and caseworkers (missing ${code}); run seedDemo first`);
    }
  }
  const ctx: Context = { rng, today, yesterday, agencies, staff };
  const people = await loadPeople(db, Number(today.slice(0, 4)));

  // --- Cases: first those of the agency that registered the person, then follow-up cases of
  // agencies that joined a team (the person became visible to them there).
  const all: DemoCase[] = [];
  const ledBy = new Set<string>(); // `${personId}/${agency}`
  const householdsUsed = new Set<string>();
  const order = ['deportation_family', 'umf', 'single_parent', 'family_arrival', 'family_support'];
  const primaries = [...SCENARIOS].sort((a, b) => (order.indexOf(a.key) + 1 || 99) - (order.indexOf(b.key) + 1 || 99));
  for (const scenario of primaries) {
    const wanted = Math.round(scenario.primary * scale);
    if (wanted === 0) continue;
    const pool = people.filter(
      (p) =>
        p.agency === scenario.lead &&
        scenario.fits(p.candidate) &&
        !ledBy.has(`${p.id}/${scenario.lead}`) &&
        (scenario.household !== 'always' || (p.household !== null && !householdsUsed.has(p.household.id))),
    );
    for (let n = 0; n < wanted && pool.length > 0; n++) {
      const person = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
      if (person.household && householdsUsed.has(person.household.id) && scenario.household === 'always') {
        n--;
        continue;
      }
      const c = buildCase(ctx, scenario, person, historyStart, null);
      if (c.householdId) householdsUsed.add(c.householdId);
      ledBy.add(`${person.id}/${scenario.lead}`);
      all.push(c);
    }
  }
  const primaryCases = [...all];
  /** `${caseId}/${agency}`: an agency that opened a follow-up case keeps its place on the first one. */
  const spawned = new Set<string>();
  for (const scenario of SCENARIOS) {
    const wanted = Math.round(scenario.secondary * scale);
    if (wanted === 0) continue;
    const pool = primaryCases.filter((c) => {
      const m = memberOf(c, scenario.lead);
      return (
        m !== undefined &&
        m.role !== 'lead' &&
        scenario.fits(c.person.candidate) &&
        !ledBy.has(`${c.person.id}/${scenario.lead}`) &&
        daysBetween(m.joinedOn, yesterday) >= 30
      );
    });
    for (let n = 0; n < wanted && pool.length > 0; n++) {
      const origin = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
      const joined = memberOf(origin, scenario.lead)!.joinedOn;
      const c = buildCase(ctx, scenario, origin.person, addDays(joined, 7), origin);
      ledBy.add(`${origin.person.id}/${scenario.lead}`);
      spawned.add(`${origin.id}/${scenario.lead}`);
      all.push(c);
    }
  }
  for (const c of all) {
    // The deportation case keeps its full team (the conference needs it).
    if (c.scenario.key === 'deportation_family') continue;
    endMembership(ctx, c, new Set(c.members.filter((m) => spawned.has(`${c.id}/${m.agency}`)).map((m) => m.agency)));
  }

  const rows: Rows = {
    cases: [],
    members: [],
    consents: [],
    transfers: [],
    events: [],
    assessments: [],
    plans: [],
    goals: [],
    steps: [],
    tasks: [],
    notes: [],
    appointments: [],
    conferences: [],
    participants: [],
    decisions: [],
  };
  const agencyId = (code: string) => agencies.get(code)!.id;
  const freeStamp = (day: string) => at(day, OFFICE_START_MIN + 75 + between(rng, 0, 420));

  for (const c of all) {
    const entries = phaseEntries(c);
    const closeMove = c.story.moves.find((m) => m.kind === 'close');
    const reopenMove = c.story.moves.find((m) => m.kind === 'reopen');
    const addTask = (t: {
      day: string;
      title: string;
      description: string | null;
      agency: string;
      userId: string | null;
      due: string | null;
      status: 'open' | 'done' | 'cancelled';
      doneOn: string | null;
      source: 'manual' | 'plan_review' | 'conference_decision';
      sourceId: string | null;
      creator: { userId: string; agency: string };
      stamp?: Date;
    }) => {
      const id = randomUUID();
      const createdAt = t.stamp ?? freeStamp(t.day);
      const completedAt = t.doneOn
        ? new Date(Math.max(freeStamp(t.doneOn).getTime(), createdAt.getTime() + MINUTE_MS))
        : null;
      rows.tasks.push({
        id,
        caseId: c.id,
        title: t.title,
        description: t.description,
        assigneeAgencyId: agencyId(t.agency),
        assigneeUserId: t.userId,
        dueDate: t.due,
        status: t.status,
        source: t.source,
        sourceId: t.sourceId,
        completedAt: t.status === 'done' ? completedAt : null,
        completedBy: t.status === 'done' ? actorOf(ctx, c, t.agency, t.doneOn!).userId : null,
        version: t.status === 'open' ? 1 : 2,
        createdAt,
        createdBy: t.creator.userId,
        createdByAgencyId: agencyId(t.creator.agency),
        updatedAt: completedAt ?? createdAt,
        updatedBy: t.status === 'open' ? t.creator.userId : actorOf(ctx, c, t.agency, t.doneOn!).userId,
      });
      c.happenings.push({
        day: t.day,
        order: 8,
        storyline: false,
        stamp: createdAt,
        kind: 'task_created',
        actor: t.creator,
        details: { taskId: id, status: 'open', source: t.source, assigneeAgencyId: agencyId(t.agency) },
      });
      if (t.status !== 'open' && completedAt) {
        c.happenings.push({
          day: t.doneOn!,
          order: 9,
          storyline: false,
          stamp: completedAt,
          kind: t.status === 'done' ? 'task_completed' : 'task_updated',
          actor: actorOf(ctx, c, t.agency, t.doneOn!),
          details: { taskId: id, status: t.status, fields: ['status'] },
        });
      }
      return id;
    };

    // --- Assessment: completed before planning; a draft for some cases still in assessment.
    const planningOn = entries.get('planning');
    const assessmentOn = entries.get('assessment');
    if (planningOn && assessmentOn) {
      const content = assessmentContent(rng, c);
      const createdOn = addDays(
        assessmentOn,
        Math.min(between(rng, 1, 10), Math.max(0, daysBetween(assessmentOn, planningOn) - 1)),
      );
      const completedOn = maxDate(createdOn, addDays(planningOn, -between(rng, 0, 3)));
      const author = leadOn(c, completedOn);
      const createdAt = freeStamp(createdOn);
      const v1: Row<typeof caseAssessments> = {
        caseId: c.id,
        versionNo: 1,
        status: 'completed',
        domains: content.domains,
        potentialAnalysis: content.potentialAnalysis,
        revision: between(rng, 2, 5),
        createdAt,
        createdBy: leadOn(c, createdOn),
        updatedAt: createdAt, // set to the completion stamp below
        updatedBy: author,
        completedAt: createdAt,
        completedBy: author,
      };
      rows.assessments.push(v1);
      c.happenings.push({
        day: completedOn,
        order: 2,
        storyline: true,
        kind: 'assessment_completed',
        actor: { userId: author, agency: c.leadAgency },
        details: { versionNo: 1 },
        // Completed in the storyline's sequence (before planning began); created earlier.
        onStamp: (d) => {
          v1.updatedAt = d;
          v1.completedAt = d;
          if (v1.createdAt > d) v1.createdAt = new Date(d.getTime() - 30 * MINUTE_MS);
        },
      });
      // A re-assessment in monitoring.
      const monitoringOn = entries.get('monitoring');
      if (monitoringOn && c.story.phase === 'monitoring' && rng() < 0.25) {
        const day = activeDay(rng, c, addDays(monitoringOn, 10));
        if (day > monitoringOn) {
          const stamp = freeStamp(day);
          rows.assessments.push({
            caseId: c.id,
            versionNo: 2,
            status: 'completed',
            domains: reassessed(rng, c, content.domains),
            potentialAnalysis: content.potentialAnalysis,
            revision: between(rng, 2, 4),
            createdAt: new Date(stamp.getTime() - 40 * MINUTE_MS),
            createdBy: leadOn(c, day),
            updatedAt: stamp,
            updatedBy: leadOn(c, day),
            completedAt: stamp,
            completedBy: leadOn(c, day),
          });
          c.happenings.push({
            day,
            order: 2,
            storyline: false,
            stamp,
            kind: 'assessment_completed',
            actor: { userId: leadOn(c, day), agency: c.leadAgency },
            details: { versionNo: 2 },
          });
        }
      }
    } else if (c.story.phase === 'assessment' && assessmentOn && rng() < 0.6) {
      const content = assessmentContent(rng, c);
      const filled = between(rng, 3, 7);
      const domains = {} as AssessmentDomains;
      lifeDomainKeys.forEach((k, i) => (domains[k] = i < filled ? content.domains[k] : emptyDomainAssessment()));
      const day = activeDay(rng, c, assessmentOn);
      const stamp = freeStamp(day);
      rows.assessments.push({
        caseId: c.id,
        versionNo: 1,
        status: 'draft',
        domains,
        potentialAnalysis: null,
        revision: between(rng, 1, 3),
        createdAt: stamp,
        createdBy: leadOn(c, day),
        updatedAt: stamp,
        updatedBy: leadOn(c, day),
        completedAt: null,
        completedBy: null,
      });
    }

    // --- Plans: from planning on, per era (a reopened case starts new plans after reopening).
    if (planningOn) {
      const eras: { start: string; end: string | null; agreedBy: string | null }[] = [];
      const implementationOn = entries.get('implementation');
      if (!reopenMove) {
        eras.push({ start: planningOn, end: closeMove?.day ?? null, agreedBy: implementationOn ?? null });
      } else {
        eras.push({ start: planningOn, end: closeMove!.day, agreedBy: implementationOn ?? closeMove!.day });
        eras.push({ start: reopenMove.day, end: null, agreedBy: reopenMove.day });
      }
      const kinds: { kind: PlanKind; owner: string }[] = [];
      const mainKind: PlanKind =
        c.leadAgency === 'jobcenter'
          ? 'kooperationsplan'
          : c.leadAgency === 'jugendamt'
            ? 'hilfeplan'
            : 'integration_plan';
      kinds.push({ kind: mainKind, owner: c.leadAgency });
      const jc = memberOf(c, 'jobcenter');
      if (
        mainKind !== 'kooperationsplan' &&
        jc &&
        jc.joinedOn <= planningOn &&
        c.person.candidate.age >= 18 &&
        rng() < 0.4
      ) {
        kinds.push({ kind: 'kooperationsplan', owner: 'jobcenter' });
      }
      const ja = memberOf(c, 'jugendamt');
      if (
        mainKind !== 'hilfeplan' &&
        ja &&
        ja.joinedOn <= planningOn &&
        (c.scenario.themes.includes('children') || c.scenario.themes.includes('youth')) &&
        rng() < 0.45
      ) {
        kinds.push({ kind: 'hilfeplan', owner: 'jugendamt' });
      }
      for (const era of eras) {
        for (const { kind, owner } of kinds) {
          const lastDay = era.end ?? yesterday;
          const createdOn = minDate(addDays(era.start, between(rng, 0, 7)), lastDay);
          const creator = actorOf(ctx, c, owner, createdOn);
          let agreedOn: string | null = null;
          if (era.agreedBy && era.agreedBy >= createdOn)
            agreedOn = minDate(addDays(createdOn, between(rng, 2, 10)), era.agreedBy);
          else if (!era.end && rng() < 0.45) agreedOn = minDate(addDays(createdOn, between(rng, 2, 10)), yesterday);
          // A Kooperationsplan is reviewed and continued (fortgeschrieben) at the latest every six
          // months: earlier plans of the chain ended the day the next one was agreed.
          const chain: {
            agreedOn: string | null;
            endedOn: string | null;
            reviewDate: string | null;
            /** Review dates that passed (their reminders were done). */
            pastReviews: string[];
          }[] = [];
          if (kind === 'kooperationsplan' && agreedOn) {
            let from = agreedOn;
            for (;;) {
              const nextAgreed = addDays(from, between(rng, 150, 180));
              if (nextAgreed > lastDay || chain.length >= 3) break;
              chain.push({ agreedOn: from, endedOn: nextAgreed, reviewDate: nextAgreed, pastReviews: [] });
              from = nextAgreed;
            }
            const review = minDate(
              addDays(from, between(rng, 120, 182)),
              addMonths(from, KOOPERATIONSPLAN_REVIEW.months),
            );
            chain.push({ agreedOn: from, endedOn: era.end, reviewDate: review, pastReviews: [] });
          } else if (kind === 'kooperationsplan') {
            chain.push({
              agreedOn: null,
              endedOn: era.end,
              reviewDate: minDate(
                addDays(createdOn, between(rng, 60, 150)),
                addMonths(createdOn, KOOPERATIONSPLAN_REVIEW.months),
              ),
              pastReviews: [],
            });
          } else {
            const months = kind === 'hilfeplan' ? 6 : pick(rng, [3, 6]);
            let reviewDate: string | null = null;
            const pastReviews: string[] = [];
            if (agreedOn && (kind === 'hilfeplan' || rng() < 0.8)) {
              let k = 1;
              // The review dates passed were held; the next one lies ahead (a few a little overdue).
              const horizon = era.end ?? addDays(yesterday, -between(rng, 0, 25));
              while (addMonths(agreedOn, months * k) < horizon) pastReviews.push(addMonths(agreedOn, months * k++));
              if (era.end) reviewDate = pastReviews.pop() ?? addMonths(agreedOn, months);
              else reviewDate = addMonths(agreedOn, months * k);
            }
            chain.push({ agreedOn, endedOn: era.end, reviewDate, pastReviews });
          }
          for (const [i, link] of chain.entries()) {
            const planId = randomUUID();
            const start = i === 0 ? createdOn : link.agreedOn!;
            const stamp = freeStamp(start);
            const ended = link.endedOn !== null;
            const status = ended ? 'ended' : link.agreedOn ? 'agreed' : 'draft';
            const updatedOn = link.endedOn ?? link.agreedOn ?? start;
            rows.plans.push({
              id: planId,
              caseId: c.id,
              kind,
              title: `${planKindLabels[kind].de}: ${c.scenario.planTopic}`,
              status,
              ownerAgencyId: agencyId(owner),
              agreedOn: link.agreedOn,
              reviewDate: link.reviewDate,
              endedOn: link.endedOn,
              version: 1 + (link.agreedOn ? 1 : 0) + (ended ? 1 : 0),
              createdAt: stamp,
              createdBy: creator.userId,
              updatedAt: updatedOn === start ? stamp : freeStamp(updatedOn),
              updatedBy: actorOf(ctx, c, owner, updatedOn).userId,
            });
            c.happenings.push({
              day: start,
              order: 6,
              storyline: false,
              stamp,
              kind: 'plan_created',
              actor: actorOf(ctx, c, owner, start),
              details: { planId, planKind: kind },
            });
            addPlanContent(ctx, c, rows, planId, kind, owner, start, link, ended, closeMove?.closureReason ?? null);
            // The review held at the end of an earlier link of the chain.
            if (ended && i < chain.length - 1 && link.reviewDate) {
              addTask({
                day: link.agreedOn!,
                title: reviewTaskTitle(kind),
                description: null,
                agency: owner,
                userId: owner === c.leadAgency ? leadOn(c, link.agreedOn!) : creator.userId,
                due: link.reviewDate,
                status: 'done',
                doneOn: link.reviewDate,
                source: PLAN_REVIEW_SOURCE,
                sourceId: planId,
                creator,
              });
            }
            for (const due of link.pastReviews) {
              addTask({
                day: addDays(due, -between(rng, 0, 10)),
                title: reviewTaskTitle(kind),
                description: null,
                agency: owner,
                userId: owner === c.leadAgency ? leadOn(c, due) : creator.userId,
                due,
                status: 'done',
                doneOn: due,
                source: PLAN_REVIEW_SOURCE,
                sourceId: planId,
                creator,
              });
            }
            // The reminder of the plan in force.
            if (!ended && link.reviewDate) {
              const day = link.agreedOn ?? start;
              addTask({
                day,
                title: reviewTaskTitle(kind),
                description: null,
                agency: owner,
                userId: owner === c.leadAgency ? leadOn(c, yesterday) : creator.userId,
                due: link.reviewDate,
                status: 'open',
                doneOn: null,
                source: PLAN_REVIEW_SOURCE,
                sourceId: planId,
                creator,
              });
            }
          }
        }
      }
    }

    // --- Manual tasks for agencies on the current team.
    const current = currentMembers(c);
    const themes: (Theme | 'general')[] = [...c.scenario.themes, 'general'];
    const taskCount = between(rng, 1, 4);
    for (let i = 0; i < taskCount; i++) {
      const template = pick(rng, TASKS[pick(rng, themes)]);
      const wantedAgency = template.agency === 'lead' ? c.leadAgency : template.agency;
      const agency = current.some((m) => m.agency === wantedAgency) ? wantedAgency : c.leadAgency;
      const joinedOn = current.find((m) => m.agency === agency)!.joinedOn;
      const closed = c.story.phase === 'closure';
      // Open cases have a few current tasks (some overdue); older tasks were mostly done.
      const recent = !closed && rng() < 0.45;
      const day = recent
        ? maxDate(maxDate(joinedOn, c.active[c.active.length - 1]![0]), addDays(yesterday, -between(rng, 0, 45)))
        : activeDay(rng, c, joinedOn);
      const due = addDays(day, between(rng, 3, 30));
      let status: 'open' | 'done' | 'cancelled';
      if (closed) status = rng() < 0.85 ? 'done' : 'cancelled';
      else if (recent) status = rng() < 0.2 ? 'done' : 'open';
      else status = due >= today ? 'open' : weighted(rng, { done: 0.9, cancelled: 0.04, open: 0.06 });
      const doneOn = status === 'open' ? null : minDate(addDays(day, between(rng, 1, 20)), openUntil(c, day));
      addTask({
        day,
        title: template.title,
        description: template.description,
        agency,
        userId: rng() < 0.55 ? actorOf(ctx, c, agency, day).userId : null,
        due,
        status,
        doneOn: doneOn && doneOn < day ? day : doneOn,
        source: 'manual',
        sourceId: null,
        creator: actorOf(ctx, c, pick(rng, [c.leadAgency, agency]), day),
      });
    }

    // --- Notes by colleagues of the agencies on the team that day: first the intake conversation,
    // then what each agency records about its own part.
    const firstDay = minDate(addDays(c.story.openedOn, between(rng, 0, 7)), c.active[0]![1]);
    addNote(
      c,
      rows,
      agencies,
      actorOf(ctx, c, c.leadAgency, firstDay),
      firstDay,
      FIRST_NOTE,
      'team',
      freeStamp(firstDay),
    );
    const noteCount = Math.min(5, Math.floor(daysBetween(c.story.openedOn, yesterday) / 90) + between(rng, 0, 2));
    for (let i = 0; i < noteCount; i++) {
      const day = activeDay(rng, c);
      const onTeam = membersOn(c, day);
      const author = rng() < 0.6 || onTeam.length === 1 ? c.leadAgency : pick(rng, onTeam).agency;
      const own = NOTE_THEMES[author as AgencyCode].filter((x) => x === 'general' || c.scenario.themes.includes(x));
      const template: NoteTemplate = pick(
        rng,
        NOTES[pick(rng, own.length > 1 ? own : NOTE_THEMES[author as AgencyCode])],
      );
      const confidentiality =
        author === 'gesundheitsamt'
          ? weighted(rng, { agency: 0.6, team: 0.3, author: 0.1 })
          : weighted(rng, { team: 0.75, agency: 0.17, author: 0.08 });
      const who = actorOf(ctx, c, author, day);
      addNote(c, rows, agencies, who, day, template, confidentiality, freeStamp(day));
    }

    // --- Appointments: past ones held or missed, upcoming ones planned.
    const closed = c.story.phase === 'closure';
    const appointmentCount = closed ? between(rng, 0, 2) : between(rng, 1, 3);
    for (let i = 0; i < appointmentCount; i++) {
      const upcoming = !closed && rng() < 0.45;
      const day = upcoming ? workingDay(addDays(today, between(rng, 1, 60))) : activeDay(rng, c);
      const onTeam = upcoming ? current : membersOn(c, day);
      const agency = rng() < 0.6 ? c.leadAgency : pick(rng, onTeam).agency;
      const [kind, title] = pick(rng, APPOINTMENT_TITLES[agency as AgencyCode]);
      const startsAt = at(
        workingDay(day) > yesterday && !upcoming ? day : workingDay(day),
        OFFICE_START_MIN + 15 + 30 * between(rng, 0, 14),
      );
      const created = minDate(addDays(day, -between(rng, 3, 21)), yesterday);
      // Scheduled while the case was open (a reopened case: after the reopening).
      const createdOn = maxDate(created, upcoming ? c.active[c.active.length - 1]![0] : openPeriod(c, day)[0]);
      const createdAt = minDateTime(freeStamp(createdOn), new Date(startsAt.getTime() - 60 * MINUTE_MS));
      const status = upcoming ? 'planned' : weighted(rng, { held: 0.75, missed: 0.15, cancelled: 0.1 });
      const interpreter =
        c.person.interpreterLanguage ??
        (c.person.motherTongue && c.person.motherTongue !== 'de' && rng() < 0.3 ? c.person.motherTongue : null);
      const who = actorOf(ctx, c, agency, createdOn);
      const id = randomUUID();
      rows.appointments.push({
        id,
        caseId: c.id,
        kind,
        title,
        startsAt,
        endsAt: new Date(startsAt.getTime() + pick(rng, [30, 45, 60, 90]) * MINUTE_MS),
        location: agencies.get(agency)!.address
          ? `${agencies.get(agency)!.address}, Raum ${between(rng, 1, 4)}.${String(between(rng, 1, 30)).padStart(2, '0')}`
          : null,
        agencyId: agencyId(agency),
        userId: rng() < 0.6 ? who.userId : null,
        interpreterLanguage: interpreter,
        status,
        version: status === 'planned' ? 1 : 2,
        createdAt,
        createdBy: who.userId,
        updatedAt: status === 'planned' ? createdAt : new Date(startsAt.getTime() + 2 * 60 * MINUTE_MS),
        updatedBy: who.userId,
      });
      c.happenings.push({
        day: createdOn,
        order: 8,
        storyline: false,
        stamp: createdAt,
        kind: 'appointment_scheduled',
        actor: who,
        details: { appointmentId: id },
      });
    }
  }

  addConferences(ctx, all, rows, freeStamp);

  // --- Timeline rows and the cases themselves, references numbered per year in opening order.
  all.sort((a, b) => (a.story.openedOn < b.story.openedOn ? -1 : a.story.openedOn > b.story.openedOn ? 1 : 0));
  const perYear = new Map<string, number>();
  for (const c of all) {
    const storyline = c.happenings
      .filter((h) => h.storyline)
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order));
    let last = 0;
    for (const h of storyline) {
      const base = at(h.day, OFFICE_START_MIN + between(rng, 0, 40)).getTime();
      h.stamp = new Date(Math.max(base, last + between(rng, 3, 25) * MINUTE_MS));
      last = h.stamp.getTime();
      h.onStamp?.(h.stamp);
    }
    const created = storyline[0]!.stamp!;
    for (const h of c.happenings) {
      // Nothing is recorded before the case existed.
      if (h !== storyline[0] && h.stamp! <= created)
        h.stamp = new Date(created.getTime() + between(rng, 5, 60) * MINUTE_MS);
      rows.events.push({
        caseId: c.id,
        kind: h.kind,
        occurredAt: h.stamp!,
        actorUserId: h.actor.userId,
        actorAgencyId: agencyId(h.actor.agency),
        fromPhase: h.fromPhase ?? null,
        toPhase: h.toPhase ?? null,
        note: h.note ?? null,
        details: resolveDetails(h.details, agencyId),
      });
    }
    const caseWrites = storyline.filter((h) => h.kind !== 'created' && h.kind !== 'assessment_completed');
    const lastWrite = caseWrites[caseWrites.length - 1] ?? storyline[0]!;
    const year = c.story.openedOn.slice(0, 4);
    const no = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, no);
    const closeMove = c.story.moves.find((m) => m.kind === 'close');
    const closeEvent = storyline.find((h) => h.kind === 'phase_changed' && h.toPhase === 'closure');
    const isClosed = c.story.phase === 'closure';
    const lead = c.leads[c.leads.length - 1]!.userId;
    const reference = `F-${year}-${String(no).padStart(5, '0')}`;
    rows.cases.push({
      id: c.id,
      reference,
      personId: c.person.id,
      householdId: c.householdId,
      title: c.title,
      phase: c.story.phase,
      leadUserId: lead,
      leadAgencyId: agencyId(c.leadAgency),
      closureReason: isClosed ? closeMove!.closureReason : null,
      closureOutcome: isClosed ? closeMove!.note : null,
      openedAt: created,
      closedAt: isClosed ? closeEvent!.stamp! : null,
      version: 1 + caseWrites.length,
      createdAt: created,
      createdBy: c.leads[0]!.userId,
      updatedAt: lastWrite.stamp!,
      updatedBy: lastWrite.actor.userId,
    });
    const memberStamp = (kind: string, memberId: string) =>
      storyline.find((h) => h.kind === kind && h.details.memberId === memberId)?.stamp;
    for (const m of c.members) {
      const joinedAt = m.role === 'lead' ? created : memberStamp('team_member_added', m.id)!;
      const basis = m.role === 'lead' ? null : memberBasis(c.leadAgency, m.agency);
      const consentId = basis?.kind === 'consent' ? randomUUID() : null;
      rows.members.push({
        id: m.id,
        caseId: c.id,
        agencyId: agencyId(m.agency),
        userId: m.userId,
        role: m.role,
        joinedAt,
        leftAt: m.leftOn ? memberStamp('team_member_ended', m.id)! : null,
        addedBy: c.leads[0]!.userId,
        consentId,
        legalBasis: basis?.kind === 'legal_basis' ? basis.legalBasis : null,
      });
      if (basis?.kind === 'consent') {
        // Consent recorded in person by the lead agency (the volunteer centre is no social agency).
        rows.consents.push({
          id: consentId!,
          personId: c.person.id,
          categories: [...basis.categories],
          recipientAgencyIds: [agencyId(m.agency)],
          purpose: `Begleitung durch das Ehrenamt im Fall ${reference}`,
          givenOn: m.joinedOn,
          expiresOn: addDays(m.joinedOn, 3 * 365),
          textVersion: 1,
          textLanguage: 'de',
          evidenceKind: 'in_person',
          evidenceNote: 'Im Beratungsgespräch erläutert und mündlich bestätigt; Vermerk in der Akte.',
          recordedByAgencyId: agencyId(c.leadAgency),
          recordedBy: leadOn(c, m.joinedOn),
          recordedAt: joinedAt,
        });
      } else if (basis) {
        // The transfer for the team work; it ends with the membership (purpose limitation).
        const oneYear = addDays(m.joinedOn, 365);
        rows.transfers.push({
          personId: c.person.id,
          caseId: c.id,
          fromAgencyId: agencyId(c.leadAgency),
          toAgencyId: agencyId(m.agency),
          categories: [...basis.categories],
          legalBasis: basis.legalBasis,
          purpose: `Mitarbeit im Fallteam ${reference}`,
          transferredAt: joinedAt,
          validUntil: m.leftOn && addDays(m.leftOn, -1) < oneYear ? addDays(m.leftOn, -1) : oneYear,
          recordedBy: leadOn(c, m.joinedOn),
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    await bulkInsert(tx, cases, rows.cases);
    await bulkInsert(tx, consents, rows.consents);
    await bulkInsert(tx, caseTeamMembers, rows.members);
    await bulkInsert(tx, dataTransfers, rows.transfers);
    await bulkInsert(tx, caseEvents, rows.events);
    await bulkInsert(tx, caseAssessments, rows.assessments);
    await bulkInsert(tx, casePlans, rows.plans);
    await bulkInsert(tx, casePlanGoals, rows.goals);
    await bulkInsert(tx, casePlanSteps, rows.steps);
    await bulkInsert(tx, caseTasks, rows.tasks);
    await bulkInsert(tx, caseNotes, rows.notes);
    await bulkInsert(tx, caseAppointments, rows.appointments);
    await bulkInsert(tx, caseConferences, rows.conferences);
    await bulkInsert(tx, caseConferenceParticipants, rows.participants);
    await bulkInsert(tx, caseConferenceDecisions, rows.decisions);
  });

  return {
    cases: rows.cases.length,
    teamMembers: rows.members.length,
    events: rows.events.length,
    assessments: rows.assessments.length,
    plans: rows.plans.length,
    goals: rows.goals.length,
    steps: rows.steps.length,
    tasks: rows.tasks.length,
    notes: rows.notes.length,
    appointments: rows.appointments.length,
    conferences: rows.conferences.length,
    milliseconds: Math.round(performance.now() - started),
  };
}

const minDateTime = (a: Date, b: Date) => (a < b ? a : b);

/** What each agency writes notes about. */
const NOTE_THEMES: Readonly<Record<AgencyCode, readonly (Theme | 'general')[]>> = {
  sozialamt: ['general', 'benefits', 'housing', 'children', 'language'],
  jobcenter: ['general', 'work', 'language', 'recognition', 'training'],
  abh: ['general', 'residence'],
  jugendamt: ['general', 'children', 'youth'],
  gesundheitsamt: ['health'],
  wohnungsamt: ['general', 'housing'],
  aa: ['general', 'training', 'work'],
  cbe: ['social', 'language'],
};

/** Details name agencies by code while the seed builds them; the timeline stores ids. */
function resolveDetails(details: Record<string, unknown>, agencyId: (code: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) {
    if (k === 'agency') out.agencyId = agencyId(v as string);
    else if (
      (k === 'leadAgencyId' || k === 'fromAgencyId' || k === 'toAgencyId' || k === 'visibleToAgencyId') &&
      typeof v === 'string'
    )
      out[k] = agencyId(v);
    else out[k] = v;
  }
  return out;
}

function addNote(
  c: DemoCase,
  rows: Rows,
  agencies: Map<string, Agency>,
  who: { userId: string; agency: string },
  day: string,
  template: NoteTemplate | { kind: 'conference'; subject: string; body: string },
  confidentiality: 'team' | 'agency' | 'author',
  stamp: Date,
): void {
  const id = randomUUID();
  const agencyId = agencies.get(who.agency)!.id;
  const occurredAt = new Date(stamp.getTime() - 30 * MINUTE_MS);
  rows.notes.push({
    id,
    caseId: c.id,
    kind: template.kind,
    occurredAt,
    subject: template.subject,
    body: template.body,
    confidentiality,
    authorUserId: who.userId,
    authorAgencyId: agencyId,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
  });
  c.happenings.push({
    day,
    order: 8,
    storyline: false,
    stamp,
    kind: 'note_added',
    actor: who,
    details: {
      noteId: id,
      noteKind: template.kind,
      ...(confidentiality === 'team' ? {} : { visibleToAgencyId: who.agency }),
      ...(confidentiality === 'author' ? { visibleToUserId: who.userId } : {}),
    },
  });
}

/** Goals in the person's words and as targets, and steps as a chain across the team's agencies. */
function addPlanContent(
  ctx: Context,
  c: DemoCase,
  rows: Rows,
  planId: string,
  kind: PlanKind,
  owner: string,
  start: string,
  link: { agreedOn: string | null; endedOn: string | null },
  ended: boolean,
  closureReason: ClosureReason | null,
): void {
  const { rng, yesterday } = ctx;
  const themes: Theme[] =
    kind === 'kooperationsplan'
      ? (['language', 'work', 'training', 'recognition'] as Theme[]).filter((t) => c.scenario.themes.includes(t))
      : kind === 'hilfeplan'
        ? c.scenario.themes.includes('youth')
          ? ['youth']
          : c.scenario.themes.includes('residence')
            ? ['children', 'residence']
            : ['children']
        : [...c.scenario.themes];
  if (themes.length === 0) themes.push('language', 'work');
  const goalCount = Math.min(themes.length, between(rng, 2, 3));
  const base = link.agreedOn ?? start;
  const onTeam = membersOn(c, start);
  const succeeded = closureReason === 'goals_achieved' || closureReason === 'handed_over';
  let position = 0;
  const onTeamOrOwner = (a: string) => a === 'lead' || a === owner || onTeam.some((m) => m.agency === a);
  for (let g = 0; g < Math.max(1, goalCount); g++) {
    // A goal whose services need agencies the team lacks is not planned here.
    const all = GOALS[themes[g % themes.length]!];
    const feasible = all.filter((x) => (x.requires ?? []).every(onTeamOrOwner));
    const template = pick(rng, feasible.length ? feasible : all);
    const goalId = randomUUID();
    const targetDate = addDays(base, between(rng, 120, 365));
    const goalStatus = ended
      ? succeeded
        ? weighted(rng, { achieved: 0.7, partly_achieved: 0.3 })
        : weighted(rng, { partly_achieved: 0.4, not_achieved: 0.35, dropped: 0.25 })
      : link.agreedOn && targetDate < yesterday
        ? weighted(rng, { achieved: 0.5, partly_achieved: 0.2, open: 0.3 })
        : 'open';
    rows.goals.push({
      id: goalId,
      planId,
      position: g,
      ownWords: template.ownWords.replace('{profession}', c.profession),
      target: template.target.replace('{date}', deDate(targetDate)),
      targetDate,
      status: goalStatus,
    });
    let due = base;
    // Steps of agencies not on the team are left out (the chain runs through the team's agencies).
    const steps = template.steps.filter((x) => onTeamOrOwner(x.agency));
    for (const step of steps.length ? steps : template.steps) {
      const wanted = step.agency === 'lead' ? owner : step.agency;
      const agency = onTeamOrOwner(wanted) ? wanted : owner;
      due = addDays(due, between(rng, 10, 40));
      const past = due <= (link.endedOn ?? yesterday);
      let status: 'planned' | 'in_progress' | 'done' | 'cancelled' | 'not_taken_up';
      if (!link.agreedOn && !ended) status = 'planned';
      else if (ended) status = past ? weighted(rng, { done: 0.75, not_taken_up: 0.15, cancelled: 0.1 }) : 'cancelled';
      else if (past) status = weighted(rng, { done: 0.7, in_progress: 0.18, not_taken_up: 0.12 });
      else status = rng() < 0.3 ? 'in_progress' : 'planned';
      const named = rng() < 0.4 ? actorOf(ctx, c, agency, start).userId : null;
      rows.steps.push({
        planId,
        goalId,
        position: position++,
        measure: step.measure,
        responsibleAgencyId: ctx.agencies.get(agency)!.id,
        responsibleUserId: named,
        resourceId: null,
        dueDate: due,
        status,
        result: status === 'done' ? step.result : status === 'not_taken_up' ? 'Angebot nicht wahrgenommen.' : null,
      });
    }
  }
}

/**
 * A handful of case conferences on cases with several agencies: one about the imminent
 * deportation of a family with children, with the Jugendamt's Kommunaler Sozialer Dienst; held
 * conferences have minutes and decisions that became tasks; one is still planned, one cancelled.
 */
function addConferences(ctx: Context, all: DemoCase[], rows: Rows, freeStamp: (day: string) => Date): void {
  const { rng, today, yesterday } = ctx;
  const agencyId = (code: string) => ctx.agencies.get(code)!.id;
  const open = (c: DemoCase) => c.story.phase === 'implementation' || c.story.phase === 'monitoring';
  const deportation = all.find(
    (c) => c.scenario.key === 'deportation_family' && open(c) && memberOf(c, 'jugendamt') && memberOf(c, 'abh'),
  );
  const others = all.filter(
    (c) =>
      c !== deportation &&
      (open(c) || c.story.phase === 'closure') &&
      currentMembers(c).length >= 3 &&
      phaseEntries(c).has('implementation'),
  );
  const chosen: { c: DemoCase; status: 'held' | 'planned' | 'cancelled' }[] = [];
  if (deportation) chosen.push({ c: deportation, status: 'held' });
  for (let i = 0; i < 7 && others.length > 0; i++) {
    const c = others.splice(Math.floor(rng() * others.length), 1)[0]!;
    chosen.push({ c, status: i === 5 && open(c) ? 'planned' : i === 6 ? 'cancelled' : 'held' });
  }

  for (const { c, status } of chosen) {
    const isDeportation = c === deportation;
    const implementationOn = phaseEntries(c).get('implementation')!;
    const held = status === 'held';
    let day =
      status === 'planned'
        ? workingDay(addDays(today, between(rng, 5, 30)))
        : isDeportation
          ? // The deportation is imminent: the conference took place in the last weeks.
            workingDay(maxDate(addDays(implementationOn, 1), addDays(yesterday, -between(rng, 8, 20))))
          : workingDay(minDate(activeDay(rng, c, addDays(implementationOn, 5)), addDays(yesterday, -3)));
    if (status !== 'planned' && day > yesterday) day = yesterday;
    const heldDay = minDate(addDays(day, between(rng, 0, 2)), yesterday);
    const organiser = c.leadAgency;
    const attendees = status === 'planned' ? currentMembers(c) : membersOn(c, day).filter((m) => m.leftOn === null);
    const createdOn = maxDate(c.story.openedOn, minDate(addDays(day, -between(rng, 7, 21)), yesterday));
    const createdBy = actorOf(ctx, c, organiser, createdOn);
    const id = randomUUID();
    const scheduledAt = at(day, OFFICE_START_MIN + 120 + 30 * between(rng, 0, 8));
    const name = c.person.familyName;
    const agenda = isDeportation
      ? [
          'Stand des Aufenthaltsverfahrens und angekündigte Rückführung (Ausländerbehörde)',
          'Kindeswohl, Schulbesuch und Betreuung der Kinder (Jugendamt – Kommunaler Sozialer Dienst)',
          'Gesundheitliche Situation der Familie',
          'Verfahrensberatung, Härtefallersuchen, Reisefähigkeit',
          'Absprachen: wer macht was bis wann',
        ]
      : [
          'Stand der vereinbarten Schritte',
          'Hindernisse und was sich seit dem letzten Gespräch geändert hat',
          'Aufgabenverteilung im Fallteam',
        ];
    const minutes = isDeportation
      ? `Die Ausländerbehörde berichtet, dass die Duldung der Familie ${name} nicht verlängert werden soll und eine Rückführung angekündigt ist. ` +
        'Der Kommunale Soziale Dienst schildert die Situation der Kinder: regelmäßiger Schulbesuch, gute Einbindung, große Angst seit dem Schreiben. ' +
        'Das Gesundheitsamt weist auf die psychische Belastung der Mutter hin. Vereinbart werden eine Prüfung aller Bleiberechtsoptionen, ' +
        'eine Stellungnahme zum Kindeswohl und eine Verfahrensberatung für die Familie. Die Ausländerbehörde sagt zu, vor jeder Maßnahme das Fallteam zu informieren.'
      : 'Die Beteiligten berichten über den Stand der Schritte. Fortschritte beim Spracherwerb und bei der Alltagsbewältigung. ' +
        'Offene Punkte werden verteilt; das nächste Gespräch findet nach Abschluss der vereinbarten Schritte statt.';
    rows.conferences.push({
      id,
      caseId: c.id,
      title: isDeportation
        ? `Fallkonferenz: drohende Abschiebung der Familie ${name}`
        : `Fallkonferenz ${c.person.givenNames} ${name}`,
      scheduledAt,
      location: `${ctx.agencies.get(organiser)!.address ?? 'Rathaus'}, Besprechungsraum`,
      status,
      agenda,
      minutes: held ? minutes : null,
      heldAt: held ? at(heldDay, OFFICE_START_MIN + 420) : null,
      organiserAgencyId: agencyId(organiser),
      version: held ? 3 : status === 'cancelled' ? 2 : 1,
      createdAt: freeStamp(createdOn),
      createdBy: createdBy.userId,
      updatedAt: held ? at(heldDay, OFFICE_START_MIN + 420) : freeStamp(createdOn),
      updatedBy: createdBy.userId,
    });
    c.happenings.push({
      day: createdOn,
      order: 7,
      storyline: false,
      stamp: freeStamp(createdOn),
      kind: 'conference_scheduled',
      actor: createdBy,
      details: { conferenceId: id },
    });
    for (const m of attendees) {
      rows.participants.push({
        conferenceId: id,
        agencyId: agencyId(m.agency),
        // The Jugendamt's demo caseworker works in the Kommunaler Sozialer Dienst.
        userId: actorOf(ctx, c, m.agency, day).userId,
        externalName: null,
        externalRole: null,
        attended: held ? rng() < 0.92 || m.agency === organiser : null,
      });
    }
    rows.participants.push({
      conferenceId: id,
      agencyId: null,
      userId: null,
      externalName: `${c.person.givenNames} ${c.person.familyName}`,
      externalRole: isDeportation
        ? `${c.person.candidate.sex === 'female' ? 'Mutter' : 'Vater'}, für die Familie`
        : 'Betroffene Person',
      attended: held ? true : null,
    });
    if (c.person.interpreterLanguage || isDeportation) {
      rows.participants.push({
        conferenceId: id,
        agencyId: null,
        userId: null,
        externalName: 'Sprachmittlung (Dolmetscherpool)',
        externalRole: 'Dolmetschen',
        attended: held ? true : null,
      });
    }
    if (status === 'cancelled') {
      c.happenings.push({
        day: minDate(addDays(createdOn, between(rng, 1, 5)), yesterday),
        order: 7,
        storyline: false,
        kind: 'conference_cancelled',
        actor: createdBy,
        details: { conferenceId: id },
        stamp: freeStamp(minDate(addDays(createdOn, between(rng, 1, 5)), yesterday)),
      });
      continue;
    }
    if (!held) continue;

    const decisions: { text: string; agency: string; due: string }[] = isDeportation
      ? [
          {
            text: 'Stellungnahme zum Kindeswohl erstellen und mit den Schulen der Kinder Kontakt aufnehmen',
            agency: 'jugendamt',
            due: addDays(heldDay, 14),
          },
          {
            text: 'Bleiberechtsoptionen (§ 25a, § 25b, § 104c AufenthG) prüfen und das Fallteam vor jeder Maßnahme informieren',
            agency: 'abh',
            due: addDays(heldDay, 21),
          },
          {
            text: 'Termin bei der Verfahrensberatung vermitteln und Kostenübernahme für die Sprachmittlung klären',
            agency: organiser,
            due: addDays(heldDay, 7),
          },
        ]
      : attendees.slice(0, 3).map((m) => ({
          text:
            m.agency === organiser
              ? 'Nächstes Gespräch mit der Person vorbereiten und den Plan fortschreiben'
              : `Stand der eigenen Schritte bis zum nächsten Gespräch klären (${ctx.agencies.get(m.agency)!.name})`,
          agency: m.agency,
          due: addDays(heldDay, between(rng, 7, 35)),
        }));
    const taskIds: string[] = [];
    const heldStamp = at(heldDay, OFFICE_START_MIN + 430);
    for (const [position, d] of decisions.entries()) {
      if (!currentMembers(c).some((m) => m.agency === d.agency)) continue;
      const decisionId = randomUUID();
      const taskId = randomUUID();
      // A decision not done by the closure of the case was dropped with it.
      const closedAfter = openUntil(c, heldDay) < yesterday;
      const done = closedAfter || (d.due < addDays(today, -21) ? rng() < 0.9 : d.due < today && rng() < 0.5);
      const assignee = actorOf(ctx, c, d.agency, heldDay).userId;
      const doneOn = done ? minDate(addDays(heldDay, between(rng, 2, 14)), openUntil(c, heldDay)) : null;
      const doneStamp = doneOn
        ? new Date(Math.max(freeStamp(doneOn).getTime(), heldStamp.getTime() + 60 * MINUTE_MS))
        : null;
      rows.decisions.push({
        id: decisionId,
        conferenceId: id,
        position,
        text: d.text,
        responsibleAgencyId: agencyId(d.agency),
        responsibleUserId: assignee,
        dueDate: d.due,
        taskId,
      });
      rows.tasks.push({
        id: taskId,
        caseId: c.id,
        title: d.text,
        description: null,
        assigneeAgencyId: agencyId(d.agency),
        assigneeUserId: assignee,
        dueDate: d.due,
        status: done ? 'done' : 'open',
        source: 'conference_decision',
        sourceId: decisionId,
        completedAt: doneStamp,
        completedBy: done ? assignee : null,
        version: done ? 2 : 1,
        createdAt: heldStamp,
        createdBy: createdBy.userId,
        createdByAgencyId: agencyId(createdBy.agency),
        updatedAt: doneStamp ?? heldStamp,
        updatedBy: done ? assignee : createdBy.userId,
      });
      taskIds.push(taskId);
      c.happenings.push({
        day: heldDay,
        order: 8,
        storyline: false,
        stamp: new Date(heldStamp.getTime() + position * MINUTE_MS),
        kind: 'task_created',
        actor: createdBy,
        details: { taskId, status: 'open', source: 'conference_decision', assigneeAgencyId: agencyId(d.agency) },
      });
      if (doneOn && doneStamp) {
        c.happenings.push({
          day: doneOn,
          order: 9,
          storyline: false,
          stamp: doneStamp,
          kind: 'task_completed',
          actor: { userId: assignee, agency: d.agency },
          details: { taskId, status: 'done', fields: ['status'] },
        });
      }
    }
    c.happenings.push({
      day: heldDay,
      order: 7,
      storyline: false,
      stamp: new Date(heldStamp.getTime() - MINUTE_MS),
      kind: 'conference_held',
      actor: createdBy,
      details: { conferenceId: id, decisions: taskIds.length, taskIds },
    });
    addNote(
      c,
      rows,
      ctx.agencies,
      createdBy,
      heldDay,
      {
        kind: 'conference',
        subject: isDeportation ? 'Fallkonferenz zur drohenden Abschiebung' : 'Fallkonferenz',
        body: 'Protokoll und Beschlüsse siehe Fallkonferenz. Aufgaben wurden an die beteiligten Stellen verteilt.',
      },
      'team',
      new Date(heldStamp.getTime() + 30 * MINUTE_MS),
    );
  }
}
