/**
 * Demo competence profiles, referrals and employment outcomes that reproduce the interview's
 * first cohort (issue 9): "of the first 100 profiles about 30 met the Agentur für Arbeit's
 * criteria, 15 were selected, 3 entered a measure".
 *
 * - First cohort: exactly 100 adults profiled in the quarter three quarters before the current
 *   one (Q1 2026 when seeded in Q4 2026), so that the 6-month outcomes are due. Exactly 30 of
 *   them meet the Agentur für Arbeit's acceptance criteria as the funnel computes them: the
 *   labour-market access is not invented but taken from `criteriaFactsFor` on the stored
 *   residence documents as of the cohort's end; the 30 with free access get German B1 or
 *   better, the others of the cohort A1/A2 (free access) or any level (no free access).
 *   15 of the 30 are referred to the Agentur für Arbeit for "Perspektiven für Flüchtlinge"
 *   (ground: the person's consent, recorded like the consent module does): 10 rejected with
 *   reasons, 5 accepted, 3 of them started, 2 completed and 1 dropped out; 6 people of the
 *   cohort are in work or training 6 months after profiling (2 after the measure).
 * - Second cohort: 40 people in the last full quarter (the funnel's default view), 14 meeting
 *   the criteria, 8 referred, progress only as far as the days up to today allow.
 *
 * Deterministic: people are taken in a fixed order (name, year of birth, id) from the demo
 * people registered by the Sozialamt or the Jobcenter, who then profile and refer them. Runs
 * after the people and the measures seed (uses the PerF measure of the Agentur für Arbeit when
 * present).
 */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { todayIn } from '../../shared/domain/calendar-date';
import { checkCriteria, type CefrLevel, type CriteriaFacts } from '../../shared/domain/referrals/criteria';
import { addMonths, lastFullQuarter, quarterOf } from '../../shared/domain/referrals/funnel';
import { criteriaFactsFor, criteriaFor } from '../modules/referrals/criteria-facts';
import { ensureReferralDefaults } from '../modules/referrals/referrals-defaults';
import type { Db } from './client';
import {
  agencies,
  competenceProfiles,
  consents,
  employmentOutcomes,
  measures,
  people,
  referralEvents,
  referrals,
  users,
} from './schema';

export async function hasProfiles(db: Db): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(competenceProfiles);
  return Number(rows[0]?.n ?? 0) > 0;
}

export type SeedDemoProfilesSummary = {
  cohorts: { from: string; to: string; profiled: number; meetCriteria: number; referred: number }[];
};

/** What happens to a referral: the path it takes and the rejection reason. */
type Path =
  { end: 'rejected'; reason: string } | { end: 'accepted' | 'started' | 'completed' | 'dropped_out' | 'sent' };

const rejectedFor = (reason: string): Path => ({ end: 'rejected', reason });

const FIRST_COHORT_PATHS: Path[] = [
  { end: 'completed' },
  { end: 'completed' },
  { end: 'dropped_out' },
  { end: 'accepted' },
  { end: 'accepted' },
  ...Array.from({ length: 5 }, () => rejectedFor('no_places')),
  ...Array.from({ length: 3 }, () => rejectedFor('profile_mismatch')),
  { end: 'rejected', reason: 'person_declines' },
  { end: 'rejected', reason: 'not_reachable' },
];

const SECOND_COHORT_PATHS: Path[] = [
  { end: 'started' },
  { end: 'started' },
  { end: 'accepted' },
  { end: 'accepted' },
  { end: 'rejected', reason: 'no_places' },
  { end: 'rejected', reason: 'no_places' },
  { end: 'sent' },
  { end: 'sent' },
];

const GOOD_GERMAN: CefrLevel[] = ['B1', 'B2', 'B1', 'C1', 'B1', 'B2'];
const LOW_GERMAN: CefrLevel[] = ['A1', 'A2', 'A2', 'A1'];
const ANY_GERMAN: (CefrLevel | null)[] = ['A1', 'A2', 'B1', null, 'A2', 'B2', 'A1', null];

const MOTHER_TONGUE: Record<string, string> = {
  SY: 'ar',
  IQ: 'ar',
  AF: 'fa',
  IR: 'fa',
  ER: 'ti',
  SO: 'so',
  TR: 'tr',
  UA: 'uk',
  GN: 'fr',
  NG: 'en',
  DE: 'de',
};

const OCCUPATIONS = [
  { title: 'Elektroniker/in', kldb: '26212', skill: 'Elektroinstallation' },
  { title: 'Kraftfahrzeugmechatroniker/in', kldb: '25212', skill: 'Fahrzeugdiagnose' },
  { title: 'Koch/Köchin', kldb: '29302', skill: 'Großküche' },
  { title: 'Friseur/in', kldb: '82312', skill: 'Kundenberatung' },
  { title: 'Lagerarbeiter/in', kldb: '51312', skill: 'Gabelstapler' },
  { title: 'Pflegehelfer/in', kldb: '81301', skill: 'Grundpflege' },
  { title: 'Maurer/in', kldb: '32112', skill: 'Mauerwerk' },
  { title: 'Verkäufer/in', kldb: '62102', skill: 'Kasse' },
];

const WISHES = [
  'Möchte in ihrem/seinem alten Beruf arbeiten und die Anerkennung beantragen.',
  'Möchte zuerst Deutsch lernen und dann eine Ausbildung machen.',
  'Sucht Arbeit in Teilzeit wegen der Kinderbetreuung.',
  'Möchte schnell Geld verdienen, gern im Lager oder in der Logistik.',
];

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

type Candidate = { id: string; agencyId: string; nationality: string | null; dobYear: number | null };

function profileValues(c: Candidate, i: number, german: CefrLevel | null, profiledOn: string) {
  const occupation = OCCUPATIONS[i % OCCUPATIONS.length]!;
  const hasTrade = i % 3 !== 2;
  const country = c.nationality ?? null;
  const schoolYears = 6 + (i % 7);
  const education = [
    {
      iscedLevel: schoolYears >= 12 ? 3 : schoolYears >= 9 ? 2 : 1,
      title: `${schoolYears} Jahre Schule`,
      institution: null,
      country,
      fromYear: null,
      toYear: null,
      completed: true,
      certificateAvailable: i % 4 === 0,
    },
    ...(i % 9 === 0
      ? [
          {
            iscedLevel: 6,
            title: 'Bachelor Bauingenieurwesen',
            institution: null,
            country,
            fromYear: null,
            toYear: null,
            completed: true,
            certificateAvailable: true,
          },
        ]
      : []),
  ];
  const levelsBySkill = german
    ? { reading: german, listening: german, writing: german, speaking: german }
    : { reading: null, listening: null, writing: null, speaking: null };
  return {
    personId: c.id,
    agencyId: c.agencyId,
    profiledOn,
    education,
    qualifications: hasTrade
      ? [{ title: occupation.title, kind: 'vocational', kldbCode: occupation.kldb, escoUri: null, country, year: null }]
      : [],
    recognitions:
      hasTrade && i % 5 === 0
        ? [
            {
              qualificationTitle: occupation.title,
              referenceOccupation: occupation.title,
              anabinInstitution: null,
              zabStatement: false,
              authority: 'IHK FOSA',
              appliedOn: profiledOn,
              decidedOn: null,
              outcome: 'pending',
              note: null,
            },
          ]
        : [],
    workExperience: [
      {
        occupation: occupation.title,
        kldbCode: occupation.kldb,
        years: 1 + (i % 8),
        country,
        fromYear: null,
        toYear: null,
        description: null,
      },
    ],
    skills: [occupation.skill],
    germanLevels: levelsBySkill,
    germanOverall: german,
    motherTongues: c.nationality && MOTHER_TONGUE[c.nationality] ? [MOTHER_TONGUE[c.nationality]!] : [],
    otherLanguages: [],
    drivingLicences: i % 4 === 1 ? ['B'] : [],
    wishes: WISHES[i % WISHES.length]!,
    constraints: {
      childcareNeeded: i % 6 === 3,
      childcareNote: null,
      hoursPerWeek: i % 6 === 3 ? 20 : null,
      mobilityNote: null,
      healthConstraint: null,
    },
    createdAt: at(profiledOn),
    updatedAt: at(profiledOn),
  };
}

type Staff = { userId: string; agencyId: string };

/** One cohort: pick, profile, refer. Returns the picked ids (not to be used again). */
async function seedCohort(
  db: Db,
  input: {
    from: string;
    to: string;
    size: number;
    meet: number;
    /** Of the others with free access: how many (at most) to take with low German. */
    freeLowGerman: number;
    paths: Path[];
    /** People of the cohort (not referred) who found work by themselves within 6 months. */
    ownWork: number;
    pool: Candidate[];
    used: Set<string>;
    today: string;
    aa: Staff;
    sender: Map<string, Staff>;
    measureId: string | null;
  },
): Promise<SeedDemoProfilesSummary['cohorts'][number]> {
  const { from, to, today } = input;
  const asOf = to < today ? to : today;
  const candidates = input.pool.filter((c) => !input.used.has(c.id));
  const facts = await criteriaFactsFor(
    db,
    candidates.map((c) => c.id),
    asOf,
  );
  const free = candidates.filter((c) => facts.get(c.id)?.labourMarketAccess === 'free');
  const notFree = candidates.filter((c) => facts.get(c.id)?.labourMarketAccess !== 'free');
  const meeting = free.slice(0, input.meet);
  const freeLow = free.slice(input.meet, input.meet + input.freeLowGerman);
  const rest = notFree.slice(0, input.size - meeting.length - freeLow.length);
  const chosen: { c: Candidate; german: CefrLevel | null }[] = [
    ...meeting.map((c, i) => ({ c, german: GOOD_GERMAN[i % GOOD_GERMAN.length]! })),
    ...freeLow.map((c, i) => ({ c, german: LOW_GERMAN[i % LOW_GERMAN.length]! })),
    ...rest.map((c, i) => ({ c, german: ANY_GERMAN[i % ANY_GERMAN.length]! })),
  ];
  // Spread the profiling days over the quarter, interleaving the groups.
  const span = Math.max(0, Math.round((at(to).getTime() - at(from).getTime()) / 86_400_000));
  const order = chosen.map((x, i) => ({ ...x, slot: (i * 37) % chosen.length }));
  const profiledOn = new Map<string, string>();
  const rows = order.map(({ c, german, slot }, i) => {
    const day = addDays(from, Math.floor((slot * span) / Math.max(1, chosen.length)));
    profiledOn.set(c.id, day);
    input.used.add(c.id);
    return profileValues(c, i, german, day);
  });
  if (rows.length > 0) await db.insert(competenceProfiles).values(rows);

  // The check the funnel makes, so that the referrals carry the same outcome.
  const after = await criteriaFactsFor(
    db,
    chosen.map((x) => x.c.id),
    asOf,
  );
  const { agency: criteria } = await criteriaFor(db, input.aa.agencyId);
  const meets = chosen.filter((x) => checkCriteria(criteria, after.get(x.c.id) as CriteriaFacts).outcome === 'met');

  let referred = 0;
  const outcomes: (typeof employmentOutcomes.$inferInsert)[] = [];
  for (const [k, path] of input.paths.entries()) {
    const person = meets[k];
    if (!person) break;
    const day0 = profiledOn.get(person.c.id)!;
    const sentOn = addDays(day0, 7 + (k % 10));
    if (sentOn >= today) continue;
    const from = input.sender.get(person.c.agencyId)!;
    const [consent] = await db
      .insert(consents)
      .values({
        personId: person.c.id,
        categories: ['employment_profile'],
        recipientAgencyIds: [input.aa.agencyId],
        purpose: 'Vermittlung in Arbeit und in Maßnahmen der Agentur für Arbeit',
        givenOn: sentOn,
        expiresOn: addMonths(sentOn, 24),
        textVersion: 1,
        textLanguage: 'de',
        evidenceKind: 'in_person',
        evidenceNote: 'Im Beratungsgespräch mit Sprachmittlung bestätigt.',
        recordedByAgencyId: from.agencyId,
        recordedBy: from.userId,
        recordedAt: at(sentOn, 9),
      })
      .returning({ id: consents.id });
    // The path: each step on its day, as far as the days up to yesterday allow.
    const plan: { to: string; on: string; by: Staff; reason?: string }[] = [{ to: 'sent', on: sentOn, by: from }];
    const decided = addDays(sentOn, 14);
    if (path.end === 'rejected') plan.push({ to: 'rejected', on: decided, by: input.aa, reason: path.reason });
    else if (path.end !== 'sent') {
      plan.push({ to: 'accepted', on: decided, by: input.aa });
      if (path.end !== 'accepted') plan.push({ to: 'started', on: addDays(decided, 21), by: input.aa });
      if (path.end === 'completed') plan.push({ to: 'completed', on: addDays(decided, 141), by: input.aa });
      if (path.end === 'dropped_out') plan.push({ to: 'dropped_out', on: addDays(decided, 61), by: input.aa });
    }
    const done = plan.filter((p) => p.on < today);
    const last = done[done.length - 1]!;
    const startedOn = done.find((p) => p.to === 'started')?.on ?? null;
    const ended = done.find((p) => p.to === 'completed' || p.to === 'dropped_out');
    const rejected = done.find((p) => p.to === 'rejected');
    const factsNow = after.get(person.c.id) as CriteriaFacts;
    const [referral] = await db
      .insert(referrals)
      .values({
        personId: person.c.id,
        fromAgencyId: from.agencyId,
        toAgencyId: input.aa.agencyId,
        measureId: input.measureId,
        status: last.to,
        purpose: 'Vermittlung in „Perspektiven für Flüchtlinge“ und in Arbeit',
        consentId: consent!.id,
        criteriaCheck: [{ asOf: sentOn, ...checkCriteria(criteria, factsNow) }],
        sentDespiteFailing: false,
        rejectionReasonCode: rejected?.reason ?? null,
        followUpOn: ended || rejected ? null : addDays(last.on, 28),
        sentAt: at(sentOn),
        decidedAt: done.length > 1 ? at(done[1]!.on, 11) : null,
        startedOn,
        endedOn: ended?.on ?? null,
        version: done.length + 1,
        createdAt: at(day0, 15),
        createdBy: from.userId,
        updatedAt: at(last.on, 11),
        updatedBy: last.by.userId,
      })
      .returning({ id: referrals.id });
    await db.insert(referralEvents).values([
      {
        referralId: referral!.id,
        fromStatus: null,
        toStatus: 'draft',
        occurredAt: at(day0, 15),
        actorId: from.userId,
        agencyId: from.agencyId,
      },
      ...done.map((p, i) => ({
        referralId: referral!.id,
        fromStatus: i === 0 ? 'draft' : done[i - 1]!.to,
        toStatus: p.to,
        occurredAt: at(p.on, i === 0 ? 10 : 11),
        actorId: p.by.userId,
        agencyId: p.by.agencyId,
        reasonCode: p.reason ?? null,
        note: p.to === 'dropped_out' ? 'Abbruch wegen Kinderbetreuung.' : null,
      })),
    ]);
    referred += 1;
    // After completing the measure: work within a week.
    if (ended?.to === 'completed' && addDays(ended.on, 5) < today)
      outcomes.push({
        personId: person.c.id,
        kind: 'work',
        startedOn: addDays(ended.on, 5),
        employer: 'Logistikzentrum Mülheim-Styrum GmbH',
        occupationCode: '51312',
        socialInsurance: true,
        recordedByAgencyId: input.aa.agencyId,
        recordedAt: at(addDays(ended.on, 7), 12),
        recordedBy: input.aa.userId,
      });
  }
  // Some not referred (free access, lower German) found work or training on their own.
  for (const [k, x] of freeLow.slice(0, input.ownWork).entries()) {
    const start = addDays(profiledOn.get(x.id)!, 60 + k * 15);
    if (start >= today) continue;
    outcomes.push({
      personId: x.id,
      kind: k === 0 ? 'training' : 'work',
      startedOn: start,
      employer:
        k === 0
          ? 'Pflegeschule am Evangelischen Krankenhaus'
          : ['Gebäudereinigung Ruhr GmbH', 'Gastronomie an der Ruhr', 'Bauunternehmen Broich'][k % 3]!,
      occupationCode: k === 0 ? '81301' : null,
      socialInsurance: k !== 3,
      recordedByAgencyId: x.agencyId,
      recordedAt: at(addDays(start, 3), 12),
      recordedBy: input.sender.get(x.agencyId)!.userId,
    });
  }
  // One job that ended before the 6-month day: not counted there.
  const shortJob = freeLow[input.ownWork];
  if (shortJob) {
    const start = addDays(profiledOn.get(shortJob.id)!, 30);
    if (start < today)
      outcomes.push({
        personId: shortJob.id,
        kind: 'work',
        startedOn: start,
        endedOn: addDays(start, 60) < today ? addDays(start, 60) : null,
        employer: 'Zeitarbeit Rhein-Ruhr',
        socialInsurance: true,
        recordedByAgencyId: shortJob.agencyId,
        recordedAt: at(addDays(start, 3), 12),
        recordedBy: input.sender.get(shortJob.agencyId)!.userId,
      });
  }
  if (outcomes.length > 0) await db.insert(employmentOutcomes).values(outcomes);
  return { from, to, profiled: chosen.length, meetCriteria: meets.length, referred };
}

export async function seedDemoProfiles(db: Db, { now }: { now: Date }): Promise<SeedDemoProfilesSummary> {
  await ensureReferralDefaults(db); // the Agentur für Arbeit came with the demo seed
  const today = todayIn(now);
  const current = quarterOf(today);
  const first = quarterOf(addMonths(current.from, -9));
  const second = lastFullQuarter(today);

  const agencyRows = await db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, ['aa', 'sozialamt', 'jobcenter']));
  const agencyId = new Map(agencyRows.map((a) => [a.code, a.id]));
  const userRows = await db
    .select({ id: users.id, username: users.username, agencyId: users.agencyId })
    .from(users)
    .where(inArray(users.username, ['aa', 'sozialamt', 'jobcenter']));
  const staff = new Map(userRows.map((u) => [u.username, { userId: u.id, agencyId: u.agencyId }]));
  const aa = staff.get('aa');
  if (
    !aa ||
    !agencyId.get('sozialamt') ||
    !agencyId.get('jobcenter') ||
    !staff.get('sozialamt') ||
    !staff.get('jobcenter')
  )
    throw new Error('demo profiles need the demo agencies and caseworkers; run seedDemo first');
  const sender = new Map([
    [agencyId.get('sozialamt')!, staff.get('sozialamt')!],
    [agencyId.get('jobcenter')!, staff.get('jobcenter')!],
  ]);

  // Adults of working age at the first cohort's start, registered by the Sozialamt or the Jobcenter.
  const firstYear = Number(first.from.slice(0, 4));
  const pool = (
    await db
      .select({
        id: people.id,
        agencyId: people.registeredByAgencyId,
        nationalities: people.nationalities,
        dobYear: people.dobYear,
        familyName: people.familyName,
        givenNames: people.givenNames,
      })
      .from(people)
      .where(and(isNull(people.mergedIntoId), inArray(people.registeredByAgencyId, [...sender.keys()])))
      .orderBy(asc(people.familyName), asc(people.givenNames), asc(people.dobYear), asc(people.id))
  )
    .filter((p) => p.dobYear !== null && firstYear - p.dobYear >= 19 && firstYear - p.dobYear <= 60)
    .slice(0, 900)
    .map((p) => ({ id: p.id, agencyId: p.agencyId, nationality: p.nationalities[0] ?? null, dobYear: p.dobYear }));

  const perf = await db
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.kind, 'perf'), eq(measures.agencyId, aa.agencyId)))
    .orderBy(asc(measures.title))
    .limit(1);
  const measureId = perf[0]?.id ?? null;
  const used = new Set<string>();
  const common = { pool, used, today, aa, sender, measureId };
  const cohorts = [
    await seedCohort(db, {
      ...common,
      ...first,
      size: 100,
      meet: 30,
      freeLowGerman: 20,
      paths: FIRST_COHORT_PATHS,
      ownWork: 4,
    }),
    await seedCohort(db, {
      ...common,
      ...second,
      size: 40,
      meet: 14,
      freeLowGerman: 8,
      paths: SECOND_COHORT_PATHS,
      ownWork: 0,
    }),
  ];
  return { cohorts };
}
