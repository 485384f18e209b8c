/**
 * Residence documents of the demo people (seed-demo-people.ts): for each person a timeline that
 * follows one status path – an asylum procedure with Ankunftsnachweis and Aufenthaltsgestattung
 * ending in protection, settlement or a Duldung of one of its kinds; temporary protection for
 * people from Ukraine; family reunification, EU free movement or a skilled-worker permit – with
 * the legal bases, conditions and issuing authorities these documents carry. Dates are placed
 * relative to the seed day; the latest document of a series sometimes runs out within the
 * warning window or has already expired.
 */
import type { ResidenceDocumentType } from '../../shared/contracts/residence-documents';
import { daysBetween } from '../../shared/domain/calendar-date';
import type { SYNTHETIC_COUNTRIES } from '../../shared/domain/people-matching/synthetic-people';
import { normaliseLegalBasis } from '../../shared/domain/residence-documents/legal-basis';

export type Random = () => number;
/** ISO alpha-3 code of a country of the synthetic population. */
export type Country = (typeof SYNTHETIC_COUNTRIES)[number]['code'];

export const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const between = (rng: Random, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
/** A key drawn with probability proportional to its weight. */
export function weighted<T extends string>(rng: Random, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = rng() * entries.reduce((a, [, w]) => a + w, 0);
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1]![0];
}

const DAY_MS = 86_400_000;
/** 'YYYY-MM-DD' moved by whole days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);

export const CITY = 'Mülheim an der Ruhr';
const ABH = 'Ausländerbehörde Mülheim an der Ruhr';
const BAMF = 'Bundesamt für Migration und Flüchtlinge, Ankunftszentrum Bochum';
const LEA = 'Landeserstaufnahmeeinrichtung Bochum';

/**
 * How a person's residence status developed; each path yields a timeline of documents.
 * asylum_pending: Ankunftsnachweis → Aufenthaltsgestattung(en); recognised: … → Aufenthaltserlaubnis
 * § 25 Abs. 2 (renewed); extension_pending: … → expired or expiring permit → Fiktionsbescheinigung;
 * settled: … → Niederlassungserlaubnis § 26 Abs. 3; duldung / identity / training / employment:
 * … → Duldung (§ 60a) and its kinds (§ 60b, § 60c, § 60d); ukraine: Fiktionsbescheinigung →
 * § 24; long_term: family reunification decades ago → Niederlassungserlaubnis § 9 or
 * Daueraufenthalt-EU § 9a; eu_family: Aufenthaltskarte and Daueraufenthaltskarte (FreizügG/EU);
 * work: skilled-worker or training permit; german: no documents.
 */
export type StatusPath =
  | 'asylum_pending'
  | 'recognised'
  | 'extension_pending'
  | 'settled'
  | 'duldung'
  | 'identity'
  | 'training'
  | 'employment'
  | 'ukraine'
  | 'long_term'
  | 'eu_family'
  | 'work'
  | 'german';

export const PATHS_BY_COUNTRY: Readonly<Record<Country, Partial<Record<StatusPath, number>>>> = {
  SYR: {
    recognised: 0.45,
    extension_pending: 0.12,
    settled: 0.15,
    asylum_pending: 0.12,
    duldung: 0.06,
    identity: 0.02,
    employment: 0.03,
    work: 0.05,
  },
  AFG: {
    asylum_pending: 0.25,
    recognised: 0.27,
    duldung: 0.14,
    identity: 0.05,
    training: 0.07,
    employment: 0.05,
    settled: 0.1,
    extension_pending: 0.07,
  },
  IRQ: {
    recognised: 0.25,
    duldung: 0.25,
    identity: 0.1,
    asylum_pending: 0.15,
    employment: 0.1,
    training: 0.05,
    settled: 0.1,
  },
  IRN: { asylum_pending: 0.3, recognised: 0.35, duldung: 0.1, work: 0.1, settled: 0.15 },
  ERI: { recognised: 0.6, extension_pending: 0.15, asylum_pending: 0.15, settled: 0.1 },
  SOM: { recognised: 0.4, asylum_pending: 0.2, duldung: 0.2, identity: 0.1, settled: 0.1 },
  TUR: { asylum_pending: 0.35, duldung: 0.15, long_term: 0.3, work: 0.1, eu_family: 0.1 },
  UKR: { ukraine: 0.95, work: 0.05 },
  GIN: { asylum_pending: 0.3, duldung: 0.3, identity: 0.15, training: 0.15, eu_family: 0.1 },
  NGA: { asylum_pending: 0.25, duldung: 0.25, identity: 0.1, work: 0.15, eu_family: 0.1, training: 0.15 },
  DEU: { german: 1 },
};

/**
 * The first households take these paths (where the country allows), so that even a small seed
 * holds every document type; the rest follow the country weights.
 */
export const COVERAGE_PATHS: readonly StatusPath[] = [
  'asylum_pending',
  'recognised',
  'extension_pending',
  'settled',
  'duldung',
  'identity',
  'training',
  'employment',
  'ukraine',
  'long_term',
  'eu_family',
  'work',
];

export const ASYLUM_PATHS: ReadonlySet<StatusPath> = new Set([
  'asylum_pending',
  'recognised',
  'extension_pending',
  'settled',
  'duldung',
  'identity',
  'training',
  'employment',
]);
/** Paths whose people receive AsylbLG benefits (Sozialamt) rather than SGB II (Jobcenter). */
export const ASYLBLG_PATHS: ReadonlySet<StatusPath> = new Set([
  'asylum_pending',
  'duldung',
  'identity',
  'training',
  'employment',
]);

/** Days before the seed day the household arrived in Mülheim, per path. */
export const ARRIVAL_DAYS: Readonly<Record<StatusPath, [number, number]>> = {
  asylum_pending: [30, 540],
  recognised: [400, 2600],
  extension_pending: [500, 2600],
  settled: [2300, 3700],
  duldung: [600, 3000],
  identity: [700, 3200],
  training: [600, 2400],
  employment: [900, 3000],
  ukraine: [200, 1000],
  long_term: [5000, 12000],
  eu_family: [300, 3000],
  work: [100, 1500],
  german: [0, 0],
};

export type DocumentRow = {
  documentType: ResidenceDocumentType;
  legalBasis: string | null;
  documentNumber: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  employment: 'allowed' | 'with_permission' | 'not_allowed' | 'unknown';
  wohnsitzauflage: boolean;
  wohnsitzauflageMunicipality: string | null;
  raeumlicheBeschraenkung: boolean;
  raeumlicheBeschraenkungArea: string | null;
  issuingAuthority: string | null;
  notes: string | null;
};

const SERIAL_CHARS = 'CFGHJKLMNPRTVWXYZ0123456789';
const cardNumber = (rng: Random, first = 'Y') =>
  first + Array.from({ length: 8 }, () => SERIAL_CHARS.charAt(Math.floor(rng() * SERIAL_CHARS.length))).join('');

/** A document with the given fields; the legal basis in the module's canonical spelling. */
function doc(type: ResidenceDocumentType, fields: Partial<DocumentRow>): DocumentRow {
  return {
    documentType: type,
    legalBasis: null,
    documentNumber: null,
    issuedOn: null,
    validFrom: null,
    validUntil: null,
    employment: 'unknown',
    wohnsitzauflage: false,
    wohnsitzauflageMunicipality: null,
    raeumlicheBeschraenkung: false,
    raeumlicheBeschraenkungArea: null,
    issuingAuthority: ABH,
    notes: null,
    ...fields,
    ...(fields.legalBasis ? { legalBasis: normaliseLegalBasis(fields.legalBasis) } : {}),
  };
}

/**
 * A residence permit renewed until it covers `today` – or, in one of ten cases, left expired (the
 * person did not come back). Each card starts the day after the previous one ends.
 */
function permitChain(
  rng: Random,
  today: string,
  start: string,
  legalBasis: string,
  firstYears: number,
  renewalYears: number,
  extra: (validFrom: string) => Partial<DocumentRow>,
): DocumentRow[] {
  const out: DocumentRow[] = [];
  let from = start;
  let years = firstYears;
  for (;;) {
    const until = addDays(from, Math.round(years * 365.25) - 1);
    out.push(
      doc('aufenthaltserlaubnis', {
        legalBasis,
        documentNumber: cardNumber(rng),
        issuedOn: addDays(from, -between(rng, 0, 14)),
        validFrom: from,
        validUntil: until,
        employment: 'allowed',
        ...extra(from),
      }),
    );
    if (until >= today || rng() < 0.1) return out;
    from = addDays(until, 1);
    years = renewalYears;
  }
}

/** The latest document of a series of short ones (Gestattung, Duldung): some expiring, a few overdue. */
function currentShortValidity(rng: Random, today: string, months: number): { validFrom: string; validUntil: string } {
  const days = Math.round(months * 30.4);
  if (rng() < 0.1) {
    const validUntil = addDays(today, -between(rng, 1, 60));
    return { validFrom: addDays(validUntil, -days + 1), validUntil };
  }
  const validFrom = addDays(today, -between(rng, 0, days - 5));
  return { validFrom, validUntil: addDays(validFrom, days - 1) };
}

/**
 * Keeps the drawn dates consistent where two draws met badly (a validity ending before it starts,
 * an issue date after the start or in the future): the document rules of the module refuse those.
 */
function consistent(d: DocumentRow, today: string): DocumentRow {
  if (d.validFrom && d.validUntil && d.validUntil < d.validFrom) d.validUntil = addDays(d.validFrom, 90);
  if (d.issuedOn && d.validFrom && d.issuedOn > d.validFrom) d.issuedOn = d.validFrom;
  if (d.issuedOn && d.issuedOn > today) d.issuedOn = today;
  return d;
}

/**
 * The documents of one person on a path. `arrival` is the day the person came (for children born
 * here: shortly after birth, and then no Ankunftsnachweis). Dates never lie after `today`, except
 * the end of validity.
 */
export function documentsFor(
  rng: Random,
  path: StatusPath,
  arrival: string,
  today: string,
  person: { adult: boolean; bornHere: boolean },
): DocumentRow[] {
  return timeline(rng, path, arrival, today, person).map((x) => consistent(x, today));
}

function timeline(
  rng: Random,
  path: StatusPath,
  arrival: string,
  today: string,
  person: { adult: boolean; bornHere: boolean },
): DocumentRow[] {
  const docs: DocumentRow[] = [];
  const asylum = ASYLUM_PATHS.has(path);
  let gestattungFrom = addDays(arrival, between(rng, 7, 40));
  if (asylum && !person.bornHere) {
    docs.push(
      doc('ankunftsnachweis', {
        legalBasis: 'AsylG § 63a Abs. 1',
        issuedOn: arrival,
        validFrom: arrival,
        validUntil: addDays(arrival, 181),
        employment: 'not_allowed',
        raeumlicheBeschraenkung: true,
        raeumlicheBeschraenkungArea: 'Bezirk der Ausländerbehörde Bochum',
        issuingAuthority: LEA,
      }),
    );
  }
  if (person.bornHere) gestattungFrom = arrival;
  gestattungFrom = minDate(gestattungFrom, today);
  const gestattung = (validFrom: string, validUntil: string) =>
    doc('aufenthaltsgestattung', {
      legalBasis: 'AsylG § 55 Abs. 1',
      issuedOn: validFrom,
      validFrom,
      validUntil,
      // Work is barred in the first three months, then possible with the authority's permission (§ 61 AsylG).
      employment: daysBetween(arrival, validFrom) < 90 ? 'not_allowed' : 'with_permission',
      wohnsitzauflage: true,
      wohnsitzauflageMunicipality: CITY,
      raeumlicheBeschraenkung: daysBetween(arrival, validFrom) < 90,
      raeumlicheBeschraenkungArea: daysBetween(arrival, validFrom) < 90 ? `Bezirk der ${ABH}` : null,
      issuingAuthority: BAMF,
    });
  const decisionDay = (lo: number, hi: number) =>
    minDate(addDays(gestattungFrom, between(rng, lo, hi)), addDays(today, -between(rng, 30, 90)));

  if (path === 'asylum_pending') {
    const current = currentShortValidity(rng, today, 6);
    if (current.validFrom > gestattungFrom) docs.push(gestattung(gestattungFrom, addDays(gestattungFrom, 181)));
    docs.push(gestattung(maxDate(current.validFrom, gestattungFrom), current.validUntil));
    return docs;
  }
  if (asylum) docs.push(gestattung(gestattungFrom, addDays(gestattungFrom, 181)));

  if (path === 'recognised' || path === 'extension_pending' || path === 'settled') {
    const decided = maxDate(decisionDay(120, 700), addDays(gestattungFrom, 1));
    const permitStart = minDate(addDays(decided, between(rng, 14, 60)), today);
    const norm = person.bornHere ? 'AufenthG § 33' : rng() < 0.85 ? 'AufenthG § 25 Abs. 2' : 'AufenthG § 25 Abs. 1';
    // Refugees get three years, people with subsidiary protection one (then two); § 12a binds the
    // residence to the municipality for three years after recognition.
    const refugee = rng() < 0.6;
    const chain = permitChain(rng, today, permitStart, norm, refugee ? 3 : 1, refugee ? 3 : 2, (from) => ({
      wohnsitzauflage: daysBetween(permitStart, from) < 3 * 365,
      wohnsitzauflageMunicipality: daysBetween(permitStart, from) < 3 * 365 ? CITY : null,
    }));
    if (path === 'extension_pending') {
      // The last permit runs out around now; the application for renewal keeps it in force.
      const last = chain[chain.length - 1]!;
      const end = addDays(today, between(rng, -60, 20));
      last.validUntil = maxDate(end, addDays(last.validFrom!, 30));
      const fiktionFrom = minDate(addDays(last.validUntil, -between(rng, 0, 20)), today);
      docs.push(...chain);
      if (fiktionFrom > last.validFrom!) {
        docs.push(
          doc('fiktionsbescheinigung', {
            legalBasis: 'AufenthG § 81 Abs. 4',
            documentNumber: cardNumber(rng, 'F'),
            issuedOn: fiktionFrom,
            validFrom: fiktionFrom,
            validUntil: addDays(fiktionFrom, pick(rng, [89, 119, 181])),
            employment: 'allowed',
            notes: 'Verlängerung beantragt, Termin zur Vorsprache folgt.',
          }),
        );
      }
      return docs;
    }
    docs.push(...chain);
    if (path === 'settled') {
      const settledFrom = minDate(
        addDays(permitStart, 3 * 365 + between(rng, 0, 700)),
        addDays(today, -between(rng, 10, 60)),
      );
      if (settledFrom > permitStart) {
        docs.push(
          doc('niederlassungserlaubnis', {
            legalBasis: person.bornHere ? 'AufenthG § 35 Abs. 1' : 'AufenthG § 26 Abs. 3',
            documentNumber: cardNumber(rng),
            issuedOn: settledFrom,
            validFrom: settledFrom,
            employment: 'allowed',
          }),
        );
      }
    }
    return docs;
  }

  if (path === 'duldung' || path === 'identity' || path === 'training' || path === 'employment') {
    const rejected = maxDate(decisionDay(150, 600), addDays(gestattungFrom, 1));
    const duldung = (validFrom: string, validUntil: string) =>
      doc('duldung', {
        legalBasis: 'AufenthG § 60a Abs. 2 Satz 1',
        issuedOn: validFrom,
        validFrom,
        validUntil,
        employment: 'with_permission',
        wohnsitzauflage: true,
        wohnsitzauflageMunicipality: CITY,
        raeumlicheBeschraenkung: true,
        raeumlicheBeschraenkungArea: 'Land Nordrhein-Westfalen',
      });
    const firstDuldung = minDate(addDays(rejected, between(rng, 20, 120)), today);
    // Minors keep the plain Duldung of their family; the special kinds concern adults.
    const kind = person.adult ? path : 'duldung';
    const current = currentShortValidity(rng, today, kind === 'duldung' ? pick(rng, [3, 6]) : 6);
    if (kind === 'duldung') {
      if (current.validFrom > firstDuldung) docs.push(duldung(firstDuldung, addDays(firstDuldung, 90)));
      docs.push(duldung(maxDate(current.validFrom, firstDuldung), current.validUntil));
      return docs;
    }
    docs.push(duldung(firstDuldung, addDays(firstDuldung, 180)));
    const from = maxDate(addDays(firstDuldung, between(rng, 60, 400)), addDays(firstDuldung, 1));
    const since = minDate(from, addDays(today, -between(rng, 0, 60)));
    const start = since > firstDuldung ? since : addDays(firstDuldung, 1);
    if (kind === 'identity') {
      docs.push(
        doc('duldung_ungeklaerte_identitaet', {
          legalBasis: 'AufenthG § 60b Abs. 1',
          issuedOn: minDate(start, today),
          validFrom: start,
          validUntil: addDays(start, pick(rng, [90, 180]) - 1 + between(rng, 0, 60)),
          employment: 'not_allowed',
          wohnsitzauflage: true,
          wohnsitzauflageMunicipality: CITY,
          raeumlicheBeschraenkung: true,
          raeumlicheBeschraenkungArea: 'Land Nordrhein-Westfalen',
          notes: 'Passbeschaffung: Mitwirkung wird geprüft.',
        }),
      );
    } else if (kind === 'training') {
      docs.push(
        doc('ausbildungsduldung', {
          legalBasis: 'AufenthG § 60c Abs. 1',
          issuedOn: minDate(start, today),
          validFrom: start,
          validUntil: addDays(start, 3 * 365 - 1),
          employment: 'allowed',
          wohnsitzauflage: true,
          wohnsitzauflageMunicipality: CITY,
          notes: 'Berufsausbildung zur Fachkraft für Lagerlogistik.',
        }),
      );
    } else {
      docs.push(
        doc('beschaeftigungsduldung', {
          legalBasis: 'AufenthG § 60d Abs. 1',
          issuedOn: minDate(start, today),
          validFrom: start,
          validUntil: addDays(start, 30 * 30 + between(rng, 0, 20)),
          employment: 'allowed',
        }),
      );
    }
    return docs;
  }

  if (path === 'ukraine') {
    const fiktionFrom = minDate(addDays(arrival, between(rng, 3, 30)), today);
    if (!person.bornHere) {
      docs.push(
        doc('fiktionsbescheinigung', {
          legalBasis: 'AufenthG § 81 Abs. 3',
          documentNumber: cardNumber(rng, 'F'),
          issuedOn: fiktionFrom,
          validFrom: fiktionFrom,
          validUntil: addDays(fiktionFrom, 181),
          employment: 'allowed',
          notes: 'Antrag auf Aufenthaltserlaubnis nach § 24 AufenthG gestellt.',
        }),
      );
    }
    const permitFrom = minDate(addDays(fiktionFrom, between(rng, 40, 200)), today);
    // § 12a binds those who receive benefits to the municipality: about half of them here.
    const bound = rng() < 0.5;
    docs.push(
      doc('aufenthaltserlaubnis', {
        legalBasis: 'AufenthG § 24 Abs. 1',
        documentNumber: cardNumber(rng),
        issuedOn: permitFrom,
        validFrom: person.bornHere ? fiktionFrom : maxDate(permitFrom, addDays(fiktionFrom, 1)),
        // Temporary protection is extended in steps: some cards run out within the warning window.
        validUntil: addDays(today, between(rng, -20, 450)),
        employment: 'allowed',
        wohnsitzauflage: bound,
        wohnsitzauflageMunicipality: bound ? CITY : null,
      }),
    );
    return docs;
  }

  if (path === 'long_term' && !person.adult) {
    return permitChain(
      rng,
      today,
      minDate(arrival, today),
      person.bornHere ? 'AufenthG § 33' : 'AufenthG § 32 Abs. 1',
      3,
      2,
      () => ({}),
    );
  }
  if (path === 'long_term') {
    const reunion = arrival;
    docs.push(
      doc('aufenthaltserlaubnis', {
        legalBasis: person.bornHere
          ? 'AufenthG § 33'
          : pick(rng, ['AufenthG § 30 Abs. 1', 'AufenthG § 32 Abs. 1', 'AufenthG § 28 Abs. 1']),
        documentNumber: cardNumber(rng),
        issuedOn: reunion,
        validFrom: reunion,
        validUntil: addDays(reunion, 3 * 365 - 1),
        employment: 'allowed',
      }),
    );
    const settled = minDate(addDays(reunion, between(rng, 5, 9) * 365), addDays(today, -30));
    const longTermEu = rng() < 0.45;
    docs.push(
      doc(longTermEu ? 'daueraufenthalt_eu' : 'niederlassungserlaubnis', {
        legalBasis: longTermEu ? 'AufenthG § 9a' : 'AufenthG § 9',
        documentNumber: cardNumber(rng),
        issuedOn: settled,
        validFrom: maxDate(settled, addDays(reunion, 1)),
        employment: 'allowed',
      }),
    );
    return docs;
  }

  if (path === 'eu_family') {
    const from = minDate(addDays(arrival, between(rng, 30, 120)), today);
    const until = addDays(from, 5 * 365 - 1);
    docs.push(
      doc('eu_freizuegigkeit', {
        legalBasis: 'FreizügG/EU § 5 Abs. 1',
        documentNumber: cardNumber(rng),
        issuedOn: from,
        validFrom: from,
        validUntil: until,
        employment: 'allowed',
        notes: 'Aufenthaltskarte für Familienangehörige von Unionsbürgern.',
      }),
    );
    if (until < today) {
      const permanent = addDays(until, 1);
      docs.push(
        doc('eu_freizuegigkeit', {
          legalBasis: 'FreizügG/EU § 5 Abs. 5',
          documentNumber: cardNumber(rng),
          issuedOn: permanent,
          validFrom: permanent,
          employment: 'allowed',
          notes: 'Daueraufenthaltskarte.',
        }),
      );
    }
    return docs;
  }

  if (path === 'work') {
    const skilled = person.adult && rng() < 0.6;
    docs.push(
      ...permitChain(
        rng,
        today,
        minDate(arrival, today),
        person.bornHere
          ? 'AufenthG § 33'
          : person.adult
            ? skilled
              ? 'AufenthG § 18b Abs. 1'
              : 'AufenthG § 16a Abs. 1'
            : 'AufenthG § 32 Abs. 1',
        skilled ? 4 : 3,
        2,
        () => ({}),
      ),
    );
    return docs;
  }
  return docs;
}
