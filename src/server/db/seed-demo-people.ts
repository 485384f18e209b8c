/**
 * Demo people for the demo municipality: a few thousand synthetic people (no real persons) in
 * families and Bedarfsgemeinschaften, with languages, contact channels, addresses in Mülheim an
 * der Ruhr and residence documents of every type as a plausible timeline.
 *
 * Names, dates of birth and nationalities come from the matching engine's synthetic population
 * (`generatePopulation`); everything else is drawn from the same seeded PRNG, so one seed always
 * gives the same people. Dates of documents, moves and memberships are placed relative to the day
 * of seeding, so a demo set up on any day shows documents expiring within the warning window and
 * some already expired. Bulk inserts in one transaction: 3,000 people take a few seconds on PGlite.
 */
import { bulkInsert } from './bulk-insert';
import { randomUUID } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import { BLOCKING_KEYS_VERSION, recordBlockingKeys } from '../../shared/domain/people-matching/blocking-keys';
import {
  createSeededRandom,
  generatePopulation,
  respellAsOtherOffice,
  SYNTHETIC_COUNTRY_ALPHA2,
  type SyntheticPerson,
} from '../../shared/domain/people-matching/synthetic-people';
import { daysBetween, todayIn } from '../../shared/domain/calendar-date';
import { blockingKeysOf, dateOfBirthColumns } from '../modules/people/people-matching';
import { normaliseAddressKey } from '../modules/social-space/address-register';
import type { Db } from './client';
import {
  addDays,
  ARRIVAL_DAYS,
  ASYLBLG_PATHS,
  ASYLUM_PATHS,
  between,
  CITY,
  COVERAGE_PATHS,
  documentsFor,
  maxDate,
  minDate,
  PATHS_BY_COUNTRY,
  pick,
  weighted,
  type Country,
  type Random,
  type StatusPath,
} from './seed-demo-documents';
import {
  addresses,
  agencies,
  districts,
  householdMembers,
  households,
  people,
  personAddresses,
  personContacts,
  personIdentifiers,
  personLanguages,
  personNameVariants,
  residenceDocuments,
  users,
} from './schema';

export type SeedDemoPeopleOptions = {
  /** How many people (default 3,000). */
  count?: number;
  /** PRNG seed: the same seed gives the same people, households and documents. */
  seed?: number;
  /** The day of seeding; documents and memberships are dated relative to it. */
  now?: Date;
};

export type SeedDemoPeopleSummary = {
  people: number;
  households: number;
  householdMembers: number;
  residenceDocuments: number;
  addresses: number;
  identifiers: number;
  milliseconds: number;
};

export const DEFAULT_DEMO_PEOPLE = 3_000;
export const DEFAULT_DEMO_PEOPLE_SEED = 20_261_124;

/** Whether any person is registered (then the demo people are not seeded). */
export async function hasPeople(db: Db): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(people);
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * Names the end-to-end tests register and then expect to find exactly once, or to register
 * without a duplicate warning (tests/e2e/people.spec.ts, accessibility.spec.ts). A synthetic
 * person sharing a name pair with them (in any spelling: the matching engine's `n:` keys) is
 * never generated, so those assertions stay unambiguous with the demo people present.
 */
const E2E_RESERVED_NAMES = [
  { givenNames: 'Mohammed', familyName: 'Al-Hussein' },
  { givenNames: 'Olena', familyName: 'Kovalenko' },
] as const;
const reservedKeys = new Set(
  E2E_RESERVED_NAMES.flatMap((n) =>
    recordBlockingKeys({ givenNames: n.givenNames, familyName: n.familyName, dateOfBirth: null }).filter((k) =>
      k.startsWith('n:'),
    ),
  ),
);

/** Whether a spelling shares a name pair with one of the names the end-to-end tests register. */
function isReservedName(givenNames: string, familyName: string): boolean {
  return recordBlockingKeys({ givenNames, familyName, dateOfBirth: null }).some((k) => reservedKeys.has(k));
}

type AgencyCode = 'sozialamt' | 'jobcenter' | 'abh' | 'jugendamt' | 'gesundheitsamt' | 'wohnungsamt' | 'aa';

const ALPHA2: Readonly<Record<Country, string>> = SYNTHETIC_COUNTRY_ALPHA2;

/** Staatsangehörigkeitsschlüssel (Destatis) as used in BAMF file numbers ("1234567-475"). */
const BAMF_COUNTRY: Readonly<Record<Country, string>> = {
  SYR: '475',
  AFG: '423',
  IRQ: '438',
  IRN: '439',
  ERI: '224',
  SOM: '273',
  TUR: '163',
  UKR: '166',
  GIN: '261',
  NGA: '232',
  DEU: '000',
};

/** Mother tongues (ISO 639) by country with weights, and further languages with their probability. */
const LANGUAGES: Readonly<
  Record<Country, { mother: Partial<Record<string, number>>; others: readonly [string, number][] }>
> = {
  SYR: {
    mother: { ar: 0.8, ku: 0.2 },
    others: [
      ['ar', 0.9],
      ['en', 0.3],
      ['tr', 0.1],
    ],
  },
  AFG: {
    mother: { prs: 0.6, ps: 0.4 },
    others: [
      ['prs', 0.6],
      ['fa', 0.2],
      ['en', 0.2],
      ['ur', 0.1],
    ],
  },
  IRQ: {
    mother: { ar: 0.7, ku: 0.3 },
    others: [
      ['ar', 0.8],
      ['en', 0.25],
    ],
  },
  IRN: {
    mother: { fa: 0.9, az: 0.1 },
    others: [
      ['fa', 0.9],
      ['en', 0.5],
    ],
  },
  ERI: {
    mother: { ti: 0.85, tig: 0.15 },
    others: [
      ['ti', 0.8],
      ['ar', 0.2],
      ['am', 0.25],
      ['en', 0.2],
    ],
  },
  SOM: {
    mother: { so: 1 },
    others: [
      ['ar', 0.3],
      ['en', 0.3],
    ],
  },
  TUR: {
    mother: { tr: 0.75, ku: 0.25 },
    others: [
      ['tr', 0.95],
      ['en', 0.2],
    ],
  },
  UKR: {
    mother: { uk: 0.7, ru: 0.3 },
    others: [
      ['ru', 0.6],
      ['uk', 0.5],
      ['en', 0.35],
      ['pl', 0.05],
    ],
  },
  GIN: {
    mother: { ff: 0.4, man: 0.3, sus: 0.3 },
    others: [
      ['fr', 0.9],
      ['en', 0.1],
    ],
  },
  NGA: {
    mother: { yo: 0.35, ha: 0.3, ig: 0.25, en: 0.1 },
    others: [
      ['en', 0.95],
      ['pcm', 0.3],
    ],
  },
  DEU: {
    mother: { de: 1 },
    others: [
      ['en', 0.6],
      ['fr', 0.1],
    ],
  },
};

/**
 * Streets of Mülheim an der Ruhr by district (Stadtteil of the demo seed) with a postal code of
 * that part of town (45468–45481). The street names are real; house numbers are invented and the
 * postal code is the one of the district, not checked against the Deutsche Post register.
 */
// prettier-ignore
const STREETS: readonly { street: string; postalCode: string; district: string }[] = [
  ...['Schloßstraße', 'Leineweberstraße', 'Kaiserstraße', 'Friedrich-Ebert-Straße', 'Wallstraße', 'Bahnstraße', 'Delle',
    'Kohlenkamp', 'Löhberg', 'Teinerstraße', 'Dickswall', 'Viktoriastraße', 'Tourainer Ring', 'Von-Bock-Straße']
    .map((street) => ({ street, postalCode: '45468', district: 'Altstadt I' })),
  ...['Eppinghofer Straße', 'Heißener Straße', 'Bruchstraße', 'Hingbergstraße']
    .map((street) => ({ street, postalCode: '45468', district: 'Altstadt II' })),
  ...['Aktienstraße', 'Sandstraße'].map((street) => ({ street, postalCode: '45473', district: 'Eppinghofen' })),
  ...['Mellinghofer Straße', 'Oberheidstraße'].map((street) => ({ street, postalCode: '45475', district: 'Dümpten' })),
  ...['Oberhausener Straße', 'Kaiser-Wilhelm-Straße', 'Moritzstraße', 'Augustastraße', 'Friesenstraße', 'Neustadtstraße']
    .map((street) => ({ street, postalCode: '45476', district: 'Styrum' })),
  ...['Humboldtring', 'Gracht'].map((street) => ({ street, postalCode: '45472', district: 'Heißen' })),
  ...['Zeppelinstraße', 'Brunshofstraße'].map((street) => ({ street, postalCode: '45470', district: 'Raadt' })),
  { street: 'Mendener Straße', postalCode: '45470', district: 'Menden-Holthausen' },
  { street: 'Kettwiger Straße', postalCode: '45470', district: 'Holthausen' },
  ...['Duisburger Straße', 'Prinzeß-Luise-Straße', 'Mühlenberg']
    .map((street) => ({ street, postalCode: '45479', district: 'Broich' })),
  ...['Akazienallee', 'Blumendeller Straße'].map((street) => ({ street, postalCode: '45478', district: 'Speldorf' })),
  ...['Düsseldorfer Straße', 'Lehnerstraße', 'Klostermarkt', 'Otto-Pankok-Straße']
    .map((street) => ({ street, postalCode: '45481', district: 'Saarn' })),
  { street: 'Kölner Straße', postalCode: '45481', district: 'Selbeck' },
  { street: 'Mintarder Dorfstraße', postalCode: '45481', district: 'Mintard' },
];

/**
 * Accommodation (Unterkünfte): the former municipal first-reception centre in Saarn on Mintarder
 * Straße (domain.md §2.1) and two further addresses used as shared accommodation in the demo.
 */
const ACCOMMODATION = [
  { street: 'Mintarder Straße', houseNumber: '50', postalCode: '45481', district: 'Saarn' },
  { street: 'Oberhausener Straße', houseNumber: '126', postalCode: '45476', district: 'Styrum' },
  { street: 'Zeppelinstraße', houseNumber: '80', postalCode: '45470', district: 'Raadt' },
] as const;

type Member = {
  person: SyntheticPerson;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  birthYear: number;
  age: number;
  relationship: 'head' | 'spouse' | 'child';
  /** The birth family name of a spouse who took the partner's name. */
  formerFamilyName: string | null;
};

type Unit = {
  country: Country;
  members: Member[];
  path: StatusPath;
  agency: AgencyCode;
  arrival: string;
  household: 'household' | 'bedarfsgemeinschaft' | null;
};

/** A path the country's weights name, or one of the rarer ones open to anyone who came to seek protection. */
function pathAllowed(country: Country, path: StatusPath): boolean {
  if ((PATHS_BY_COUNTRY[country][path] ?? 0) > 0) return true;
  return country !== 'DEU' && country !== 'UKR' && (ASYLUM_PATHS.has(path) || path === 'eu_family' || path === 'work');
}

const firstToken = (names: string) => names.split(/\s+/)[0] ?? names;

function memberOf(p: SyntheticPerson, today: string, relationship: Member['relationship']): Member {
  const nowYear = Number(today.slice(0, 4));
  // The generator's dates are anchored in 2024; shift them so that ages stay realistic in any
  // year, and keep every birthday of this year in the past.
  const shift = (by: number) => p.dateOfBirth.replace(/\d{4}/, (y) => String(Number(y) + by));
  let dateOfBirth = shift(nowYear - 2024);
  if (birthDay(dateOfBirth) > today) dateOfBirth = shift(nowYear - 2025);
  const birthYear = Number(/\d{4}/.exec(dateOfBirth)![0]);
  return {
    person: p,
    givenNames: p.givenNames,
    familyName: p.familyName,
    dateOfBirth,
    birthYear,
    age: nowYear - birthYear,
    relationship,
    formerFamilyName: null,
  };
}

/** ISO date of a date of birth as registered (placeholders read as 1 July of the year). */
function birthDay(dateOfBirth: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (iso) return dateOfBirth;
  const year = /\d{4}/.exec(dateOfBirth)![0];
  return `${year}-07-01`;
}

/**
 * Builds households out of the synthetic population: families (head, spouse, children – children
 * take the father's family name, or his given name where the family name is patronymic), single
 * parents, single adults and unaccompanied minors, until `count` people are placed.
 */
function buildUnits(rng: Random, countWanted: number, seed: number, today: string): Unit[] {
  const pool = generatePopulation(countWanted * 3 + 60, seed).map((p) => memberOf(p, today, 'head'));
  const byCountry = new Map<Country, { adults: Member[]; minors: Member[] }>();
  for (const m of pool) {
    const entry = byCountry.get(m.person.nationality as Country) ?? { adults: [], minors: [] };
    (m.age >= 18 ? entry.adults : entry.minors).push(m);
    byCountry.set(m.person.nationality as Country, entry);
  }
  const used = new Set<Member>();
  const take = (list: Member[], accept: (m: Member) => boolean): Member | null => {
    const found = list.find((m) => !used.has(m) && accept(m));
    if (found) used.add(found);
    return found ?? null;
  };
  const coverage = [...COVERAGE_PATHS];
  const units: Unit[] = [];
  let placed = 0;
  for (const head of pool) {
    if (placed >= countWanted) break;
    if (used.has(head) || head.age < 14) continue;
    const country = head.person.nationality as Country;
    const group = byCountry.get(country)!;
    const members: Member[] = [];
    const type =
      head.age < 18
        ? 'unaccompanied'
        : head.age > 60
          ? weighted(rng, { couple: 0.6, single: 0.4 })
          : weighted(rng, { family: 0.5, single_parent: 0.1, single: 0.3, couple: 0.1 });
    if (type === 'unaccompanied' && (country === 'DEU' || rng() < 0.5)) continue;
    used.add(head);
    members.push({ ...head, relationship: 'head' });
    if (type === 'family' || type === 'couple') {
      const spouse = take(
        group.adults,
        (m) => m.person.sex !== head.person.sex && Math.abs(m.age - head.age) <= 12 && m.age >= 18,
      );
      if (spouse) members.push({ ...spouse, relationship: 'spouse' });
    }
    if (type === 'family' || type === 'single_parent') {
      const youngest = Math.min(...members.map((m) => m.age));
      const children = weighted(rng, { '1': 0.25, '2': 0.3, '3': 0.25, '4': 0.13, '5': 0.07 });
      for (let i = 0; i < Number(children); i++) {
        const child = take(group.minors, (m) => youngest - m.age >= 18);
        if (child) members.push({ ...child, relationship: 'child' });
      }
      if (rng() < 0.2) {
        const grown = take(group.adults, (m) => m.age <= 25 && youngest - m.age >= 18);
        if (grown) members.push({ ...grown, relationship: 'child' });
      }
    }
    // The head of a couple is the older partner here; the registers of the offices differ on this.
    const father = members.find((m) => m.relationship !== 'child' && m.person.sex === 'm');
    const parent = father ?? members[0]!;
    const patronymic = country === 'ERI' || country === 'SOM' || (country === 'AFG' && rng() < 0.4);
    for (const m of members) {
      if (m.relationship === 'child')
        m.familyName = patronymic && father ? firstToken(father.givenNames) : parent.familyName;
      if (
        m.relationship === 'spouse' &&
        father &&
        m !== father &&
        (country === 'UKR' || country === 'TUR' || country === 'DEU') &&
        rng() < 0.8
      ) {
        m.formerFamilyName = m.familyName;
        m.familyName = father.familyName;
      }
    }
    const reserved = members.some(
      (m) =>
        isReservedName(m.givenNames, m.familyName) ||
        (m.formerFamilyName !== null && isReservedName(m.givenNames, m.formerFamilyName)),
    );
    if (reserved) continue;
    // Never more than wanted: the last household loses its youngest children.
    while (placed + members.length > countWanted && members.length > 1) members.pop();

    const coverageIndex = coverage.findIndex((p) => pathAllowed(country, p));
    const path: StatusPath =
      coverageIndex >= 0 ? coverage.splice(coverageIndex, 1)[0]! : weighted(rng, PATHS_BY_COUNTRY[country]);
    const [lo, hi] = ARRIVAL_DAYS[path];
    let arrival = addDays(today, -between(rng, lo, hi));
    if (path === 'ukraine') arrival = maxDate(arrival, '2022-03-01');
    const agency: AgencyCode =
      type === 'unaccompanied'
        ? 'jugendamt'
        : ASYLBLG_PATHS.has(path)
          ? weighted(rng, {
              sozialamt: 0.82,
              abh: 0.08,
              wohnungsamt: 0.04,
              gesundheitsamt: 0.03,
              jugendamt: members.length > 2 ? 0.03 : 0,
            })
          : weighted(rng, {
              sozialamt: 0.52,
              jobcenter: 0.3,
              abh: 0.06,
              wohnungsamt: 0.04,
              gesundheitsamt: 0.02,
              aa: members.length === 1 ? 0.06 : 0,
              jugendamt: members.length > 2 ? 0.04 : 0,
            });
    const household =
      members.length > 1
        ? agency === 'jobcenter' && rng() < 0.9
          ? 'bedarfsgemeinschaft'
          : 'household'
        : agency === 'jobcenter' && rng() < 0.5
          ? 'bedarfsgemeinschaft'
          : null;
    units.push({ country, members, path, agency, arrival, household });
    placed += members.length;
  }
  if (placed < countWanted) throw new Error(`demo people: only ${placed} of ${countWanted} could be placed`);
  return units;
}

/** Reversible scrambling of a counter into `digits` digits, so that numbers do not look sequential. */
function scrambled(n: number, digits: number, salt: number): string {
  const mod = 10 ** digits;
  // 7,919 and 104,729 are primes (coprime to 10^k), so this is a permutation of 0 … 10^k − 1;
  // reduced after each factor to stay within exact double arithmetic.
  const v = (((((n + salt) % mod) * 7919) % mod) * 104729) % mod;
  return String(v).padStart(digits, '0');
}

const FICTION_PHONE_RANGES = ['+49 30 23125', '+49 69 90009', '+49 40 66969', '+49 221 4710', '+49 89 99998'];
const asciiMailPart = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** German per CEFR skill: more with the years in Germany and for children at school; none for Germans. */
function germanLevelsFor(rng: Random, country: Country, age: number, yearsHere: number): Record<string, string> {
  if (country === 'DEU' || age < 6) return {};
  const base = Math.min(5, Math.floor(Math.max(0, yearsHere) * 0.8 + rng() * 2 + (age < 18 ? 1.5 : 0)));
  if (base === 0 && rng() < 0.5) return {};
  const level = (offset: number) => CEFR[Math.max(0, Math.min(5, base + offset))]!;
  return {
    listening: level(0),
    speaking: level(rng() < 0.3 ? -1 : 0),
    reading: level(rng() < 0.5 ? 0 : -1),
    writing: level(-1),
  };
}

/** Mother tongue and further languages (German is kept as CEFR levels on the person, not here). */
function languagesFor(
  rng: Random,
  country: Country,
  age: number,
): { mother: string; rows: { language: string; motherTongue: boolean; level: string | null; position: number }[] } {
  const lang = LANGUAGES[country];
  const mother = weighted(rng, lang.mother);
  const rows: { language: string; motherTongue: boolean; level: string | null; position: number }[] = [];
  if (mother !== 'de') rows.push({ language: mother, motherTongue: true, level: null, position: 0 });
  if (age < 6) return { mother, rows };
  for (const [code, p] of lang.others) {
    if (code !== mother && rng() < p) {
      const level = pick(rng, ['fließend', 'gut', 'Grundkenntnisse', 'B1', 'B2']);
      rows.push({ language: code, motherTongue: false, level, position: rows.length });
    }
  }
  return { mother, rows };
}

/** Phone, messenger and e-mail (fictitious numbers and example.org), each with or without consent. */
function contactsFor(rng: Random, m: Member, adult: boolean, formed: string, today: string) {
  const rows: {
    kind: string;
    value: string;
    service: string | null;
    consentToUse: boolean;
    consentRecordedOn: string | null;
    note: string | null;
    position: number;
  }[] = [];
  const add = (kind: string, value: string, service: string | null, consentRate: number, note: string | null) => {
    const consent = rng() < consentRate;
    rows.push({
      kind,
      value,
      service,
      consentToUse: consent,
      consentRecordedOn: consent ? minDate(addDays(formed, between(rng, 0, 400)), today) : null,
      note,
      position: rows.length,
    });
  };
  const phone = `${pick(rng, FICTION_PHONE_RANGES)} ${String(between(rng, 0, 999)).padStart(3, '0')}`;
  if (rng() < 0.85) add('phone', phone, null, 0.75, rng() < 0.1 ? 'Nur vormittags erreichbar.' : null);
  if (rng() < 0.5) add('messenger', phone, weighted(rng, { whatsapp: 0.7, signal: 0.15, telegram: 0.15 }), 0.65, null);
  if (adult && rng() < 0.3) {
    const local = `${asciiMailPart(firstToken(m.givenNames))}.${asciiMailPart(m.familyName)}${between(rng, 1, 99)}`;
    add('email', `${local}@example.org`, null, 0.6, null);
  }
  return rows;
}

/** A counselling office's address some people give as their postal address. */
const POSTAL_ADDRESS = { street: 'Wallstraße', houseNumber: '7', postalCode: '45468', district: 'Altstadt I' };

/** A person's addresses over time: accommodation until the move, the household's home, an own flat after leaving. */
function addressesFor(
  rng: Random,
  a: {
    born: string;
    formed: string;
    moved: string | null;
    left: string | null;
    home: { id: string; accommodation: boolean; room: string };
    accommodationId: string;
    adult: boolean;
    flat: () => string;
    postal: () => string;
  },
) {
  const rows: {
    addressId: string;
    kind: string;
    addressSuffix: string | null;
    validFrom: string;
    validUntil: string | null;
    position: number;
  }[] = [];
  const add = (addressId: string, kind: string, suffix: string | null, from: string, until: string | null) =>
    rows.push({ addressId, kind, addressSuffix: suffix, validFrom: from, validUntil: until, position: rows.length });
  const since = maxDate(a.formed, a.born);
  if (a.moved && a.born < a.moved) add(a.accommodationId, 'accommodation', a.home.room, since, addDays(a.moved, -1));
  const homeFrom = maxDate(a.moved ?? a.formed, a.born);
  const homeUntil = a.left && a.left > homeFrom ? a.left : null;
  const suffix = a.home.accommodation
    ? a.home.room
    : rng() < 0.2
      ? pick(rng, ['1. OG links', '2. OG rechts', 'EG', '3. OG Mitte', 'Hinterhaus'])
      : null;
  add(a.home.id, a.home.accommodation ? 'accommodation' : 'residence', suffix, homeFrom, homeUntil);
  if (homeUntil) add(a.flat(), 'residence', null, addDays(homeUntil, 1), null);
  if (a.adult && rng() < 0.04) add(a.postal(), 'postal', 'c/o Beratungsstelle', since, null);
  return rows;
}

/** Seeds `count` synthetic people with their households, documents, addresses, languages and contacts. */
export async function seedDemoPeople(db: Db, options: SeedDemoPeopleOptions = {}): Promise<SeedDemoPeopleSummary> {
  const started = performance.now();
  const countWanted = options.count ?? DEFAULT_DEMO_PEOPLE;
  const seed = options.seed ?? DEFAULT_DEMO_PEOPLE_SEED;
  const now = options.now ?? new Date();
  const today = todayIn(now);
  const rng = createSeededRandom(seed ^ 0x5eed_d3);

  const agencyRows = await db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  const agencyId = new Map(agencyRows.map((a) => [a.code, a.id]));
  const userRows = await db.select({ id: users.id, username: users.username }).from(users);
  // The demo caseworker of each agency has the agency's code as username (seed-demo.ts).
  const userOf = new Map(userRows.map((u) => [u.username, u.id]));
  const districtRows = await db.select({ id: districts.id, name: districts.name }).from(districts);
  const districtId = new Map(districtRows.map((d) => [d.name, d.id]));
  for (const code of ['sozialamt', 'jobcenter', 'abh', 'jugendamt', 'gesundheitsamt', 'wohnungsamt', 'aa']) {
    if (!agencyId.has(code))
      throw new Error(`demo people need the demo agencies (missing ${code}); run seedDemo first`);
  }

  const units = buildUnits(rng, countWanted, seed, today);

  const addressRows = new Map<string, typeof addresses.$inferInsert & { id: string }>();
  const addressIdOf = (a: { street: string; houseNumber: string; postalCode: string; district: string }) => {
    const key = normaliseAddressKey({ ...a, city: CITY });
    let row = addressRows.get(key);
    if (!row) {
      row = {
        id: randomUUID(),
        street: a.street,
        houseNumber: a.houseNumber,
        postalCode: a.postalCode,
        city: CITY,
        districtId: districtId.get(a.district) ?? null,
        normalisedKey: key,
        createdAt: now,
      };
      addressRows.set(key, row);
    }
    return row.id;
  };
  const flat = () => {
    const s = pick(rng, STREETS);
    const number = String(between(rng, 1, 140)) + (rng() < 0.12 ? pick(rng, ['a', 'b', 'c']) : '');
    return addressIdOf({ ...s, houseNumber: number });
  };

  const personRows: (typeof people.$inferInsert)[] = [];
  const variantRows: (typeof personNameVariants.$inferInsert)[] = [];
  const identifierRows: (typeof personIdentifiers.$inferInsert)[] = [];
  const languageRows: (typeof personLanguages.$inferInsert)[] = [];
  const contactRows: (typeof personContacts.$inferInsert)[] = [];
  const personAddressRows: (typeof personAddresses.$inferInsert)[] = [];
  const householdRows: (typeof households.$inferInsert)[] = [];
  const memberRows: (typeof householdMembers.$inferInsert)[] = [];
  const documentRows: (typeof residenceDocuments.$inferInsert)[] = [];
  let personCounter = 0;

  for (const unit of units) {
    const agency = agencyId.get(unit.agency)!;
    const user = userOf.get(unit.agency) ?? null;
    const formed = minDate(addDays(unit.arrival, between(rng, 0, 60)), today);
    // Where the household lives: shared accommodation first for people who came to seek asylum,
    // then a flat of their own for most of them.
    const inAccommodation = ASYLBLG_PATHS.has(unit.path) ? rng() < 0.6 : unit.path === 'recognised' && rng() < 0.15;
    const accommodationId = addressIdOf(pick(rng, ACCOMMODATION));
    const room = `Zimmer ${between(rng, 1, 60)}`;
    const moved =
      inAccommodation || !ASYLUM_PATHS.has(unit.path)
        ? null
        : minDate(addDays(formed, between(rng, 90, 900)), addDays(today, -7));
    const homeId = inAccommodation ? accommodationId : flat();
    const householdId = unit.household ? randomUUID() : null;
    if (householdId) {
      householdRows.push({
        id: householdId,
        kind: unit.household!,
        name: unit.members.length > 1 ? `Familie ${unit.members[0]!.familyName}` : null,
        registeredByAgencyId: agency,
        createdAt: now,
        createdBy: user,
        updatedAt: now,
      });
    }
    const membership = (
      personId: string,
      relationship: Member['relationship'],
      validFrom: string,
      validUntil: string | null = null,
      endReason: string | null = null,
    ) =>
      memberRows.push({
        householdId: householdId!,
        personId,
        relationship,
        validFrom,
        validUntil,
        endReason,
        createdAt: now,
        createdBy: user,
      });
    // Changes over time in some households: a grown child moved out, a couple separated, the
    // head moved out and the partner became head.
    const change =
      unit.members.length > 1
        ? weighted(rng, { none: 0.82, moved_out: 0.08, separated: 0.05, new_head: 0.05 })
        : 'none';
    let headLeft: string | null = null;

    for (const [position, m] of unit.members.entries()) {
      const id = randomUUID();
      personCounter++;
      const nationality = ALPHA2[unit.country];
      const born = birthDay(m.dateOfBirth);
      const bornHere = born > unit.arrival;
      const adult = m.age >= 18;

      const variants: { kind: string; givenNames: string; familyName: string }[] = [];
      if (m.formerFamilyName) {
        variants.push({ kind: 'former_name', givenNames: m.givenNames, familyName: m.formerFamilyName });
      }
      if (rng() < 0.12) {
        const other = respellAsOtherOffice({ ...m.person, givenNames: m.givenNames, familyName: m.familyName }, rng, {
          withoutDateOfBirth: true,
        });
        const differs = other.givenNames !== m.givenNames || other.familyName !== m.familyName;
        if (differs && !isReservedName(other.givenNames, other.familyName)) {
          variants.push({ kind: 'transliteration', givenNames: other.givenNames, familyName: other.familyName });
        }
      }
      variants.forEach((v, i) => variantRows.push({ personId: id, ...v, script: null, position: i }));

      const languages = languagesFor(rng, unit.country, m.age);
      languageRows.push(...languages.rows.map((l) => ({ personId: id, ...l })));
      const german = germanLevelsFor(rng, unit.country, m.age, daysBetween(unit.arrival, today) / 365);
      const interpreterNeeded =
        adult && unit.country !== 'DEU' && (german.speaking === undefined || german.speaking === 'A1') && rng() < 0.7;
      const placeOfBirth = bornHere ? CITY : (m.person.placeOfBirth ?? null);
      personRows.push({
        id,
        givenNames: m.givenNames,
        familyName: m.familyName,
        nameOrder: 'given_family',
        sex: m.person.sex === 'f' ? 'female' : 'male',
        ...dateOfBirthColumns(m.dateOfBirth),
        placeOfBirth,
        countryOfBirth: bornHere ? 'DE' : nationality,
        nationalities: [nationality],
        registeredByAgencyId: agency,
        blockingKeys: blockingKeysOf({
          givenNames: m.givenNames,
          familyName: m.familyName,
          variants,
          dateOfBirth: m.dateOfBirth,
          placeOfBirth,
          nationalities: [nationality],
        }),
        blockingKeysVersion: BLOCKING_KEYS_VERSION,
        germanLevels: german,
        interpreterNeeded,
        interpreterLanguage: interpreterNeeded ? languages.mother : null,
        createdAt: now,
        updatedAt: now,
        createdBy: user,
        updatedBy: user,
      });

      const identifier = (kind: string, value: string) => identifierRows.push({ personId: id, kind, value });
      if (unit.country !== 'DEU' && rng() < 0.95) identifier('azr', `98${scrambled(personCounter, 10, seed % 9973)}`);
      if (ASYLUM_PATHS.has(unit.path) && !bornHere && rng() < 0.9) {
        identifier('bamf', `${scrambled(personCounter, 7, seed % 7919)}-${BAMF_COUNTRY[unit.country]}`);
      }
      if (unit.agency === 'jobcenter' && m.age >= 15) {
        identifier('jobcenter', `311${'DFHK'.charAt(personCounter % 4)}${scrambled(personCounter, 6, seed % 997)}`);
      }
      if (unit.agency === 'sozialamt') {
        identifier('sozialamt', `SA-50/${unit.arrival.slice(0, 4)}/${String(personCounter).padStart(5, '0')}`);
      }

      if (m.age >= 14)
        contactRows.push(...contactsFor(rng, m, adult, formed, today).map((c) => ({ personId: id, ...c })));

      // Membership, with the change drawn for this household.
      const memberFrom = maxDate(formed, born);
      let left: string | null = null;
      if (householdId) {
        const changeDay = minDate(addDays(memberFrom, between(rng, 120, 1200)), addDays(today, -between(rng, 5, 60)));
        const canChange = changeDay > memberFrom;
        const last = position === unit.members.length - 1;
        if (canChange && change === 'moved_out' && m.relationship === 'child' && adult && last) {
          left = changeDay;
          membership(id, 'child', memberFrom, changeDay, 'Auszug in eine eigene Wohnung');
        } else if (canChange && change === 'separated' && m.relationship === 'spouse') {
          left = changeDay;
          membership(id, 'spouse', memberFrom, changeDay, 'Trennung');
        } else if (canChange && change === 'new_head' && position === 0 && unit.members[1]?.relationship === 'spouse') {
          left = headLeft = changeDay;
          membership(id, 'head', memberFrom, changeDay, 'Auszug aus der gemeinsamen Wohnung');
        } else if (headLeft !== null && position === 1) {
          // The partner takes over as head of household from the next day: a new row, the old one ends.
          membership(id, 'spouse', memberFrom, headLeft, 'Wechsel des Haushaltsvorstands');
          membership(id, 'head', addDays(headLeft, 1));
        } else {
          membership(id, m.relationship, memberFrom);
        }
      }

      // Addresses: accommodation, then the household's flat; whoever left has a flat of their own.
      const placed = addressesFor(rng, {
        born,
        formed,
        moved,
        left: left !== null && left < today ? left : null,
        home: { id: homeId, accommodation: inAccommodation, room },
        accommodationId,
        adult,
        flat,
        postal: () => addressIdOf(POSTAL_ADDRESS),
      });
      personAddressRows.push(...placed.map((a) => ({ personId: id, ...a })));

      const personArrival = bornHere ? minDate(addDays(born, between(rng, 7, 40)), today) : unit.arrival;
      for (const d of documentsFor(rng, unit.path, personArrival, today, { adult, bornHere })) {
        documentRows.push({
          personId: id,
          ...d,
          createdAt: now,
          createdBy: user,
          updatedAt: now,
          updatedBy: user,
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    await bulkInsert(tx, addresses, [...addressRows.values()]);
    await bulkInsert(tx, people, personRows);
    await bulkInsert(tx, personNameVariants, variantRows);
    await bulkInsert(tx, personIdentifiers, identifierRows);
    await bulkInsert(tx, personLanguages, languageRows);
    await bulkInsert(tx, personContacts, contactRows);
    await bulkInsert(tx, personAddresses, personAddressRows);
    await bulkInsert(tx, households, householdRows);
    await bulkInsert(tx, householdMembers, memberRows);
    await bulkInsert(tx, residenceDocuments, documentRows);
  });
  // PGlite has no autovacuum: merge the blocking-key index's pending list now (every lookup scans
  // it) and give the planner statistics (without them, lookups with many keys fall back to a
  // sequential scan). Both measured in docs/people-matching.md § 12.
  await db.execute(sql`SELECT gin_clean_pending_list('people_blocking_keys_idx'::regclass)`);
  await db.execute(
    sql`ANALYZE people, person_name_variants, person_identifiers, person_addresses, addresses, household_members, residence_documents`,
  );

  return {
    people: personRows.length,
    households: householdRows.length,
    householdMembers: memberRows.length,
    residenceDocuments: documentRows.length,
    addresses: addressRows.size,
    identifiers: identifierRows.length,
    milliseconds: Math.round(performance.now() - started),
  };
}
