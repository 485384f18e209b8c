/**
 * The facts the legal-domain engine works on, their mapping from the API request, and the checks
 * that refuse impossible or contradictory facts before any rule runs.
 */
import type { AsylumOutcome, LegalDocumentKind, LegalEvaluationRequest } from '../../contracts/legal';
import { isCalendarDate } from '../calendar-date';
import { hasEuFreeMovement, isKnownCountryCode } from './countries';
import { EARLIEST_SUPPORTED_DATE } from './rule-catalogue';
import { classifyDocument } from './residence-status';
import { isMinorOn, retirementReached } from './person-age';

/** A date of birth known to the day (earliest = latest) or only within a range (year or month known). */
export type BirthRange = { earliest: string; latest: string };

export type LegalFacts = {
  asOf: string;
  person: {
    birth: BirthRange | null;
    /** ISO 3166-1 alpha-2, XX for unknown/stateless; null when not recorded. */
    nationality: string | null;
    erwerbsfaehig?: boolean;
    retirementAgeReached?: boolean;
    unaccompaniedMinor?: boolean;
  };
  residence: {
    document: LegalDocumentKind;
    legalBasis?: string;
    issuedOn?: string;
    validUntil?: string;
    firstIssuedOn?: string;
    employmentCondition?: 'allowed' | 'with_permission' | 'not_allowed';
    wohnsitzauflage?: boolean;
    wohnsitzauflageMunicipality?: string;
  };
  asylum?: {
    appliedOn?: string;
    decision?: { outcome: AsylumOutcome; decidedOn: string };
    safeCountryOfOrigin?: boolean;
  };
  entryDate?: string;
  employment?: { hoursPerWeek: number; since: string; socialInsurance: boolean };
  euWorkerStatus?: boolean;
  /**
   * Not part of the API: a day by which the person was certainly in Germany (e.g. the start of the
   * earliest recorded residence document). It bounds the start of the stay from above.
   */
  presentSince?: string;
};

/** A refused fact, with the request path it belongs to and a message in both UI languages. */
export type FactProblem = { path: string; message: { de: string; en: string } };

const given = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
const text = (value: string | null | undefined): string | undefined => {
  const v = given(value)?.trim();
  return v ? v : undefined;
};

/** The engine's facts from a validated request; null and empty values count as "not given". */
export function factsFromRequest(request: LegalEvaluationRequest): LegalFacts {
  const { person, residence, asylum, employment } = request;
  const condition = given(residence.employmentCondition);
  return {
    asOf: request.asOf,
    person: {
      birth: { earliest: person.dateOfBirth, latest: person.dateOfBirth },
      nationality: person.nationality,
      erwerbsfaehig: given(person.erwerbsfaehig),
      retirementAgeReached: given(person.retirementAgeReached),
      unaccompaniedMinor: given(person.unaccompaniedMinor),
    },
    residence: {
      document: residence.document,
      legalBasis: text(residence.legalBasis),
      issuedOn: given(residence.issuedOn),
      validUntil: given(residence.validUntil),
      firstIssuedOn: given(residence.firstIssuedOn),
      employmentCondition: condition === 'unknown' ? undefined : condition,
      wohnsitzauflage: given(residence.wohnsitzauflage),
      wohnsitzauflageMunicipality: text(residence.wohnsitzauflageMunicipality),
    },
    asylum: asylum
      ? {
          appliedOn: given(asylum.appliedOn),
          decision: asylum.decision
            ? { outcome: asylum.decision.outcome, decidedOn: asylum.decision.decidedOn }
            : undefined,
          safeCountryOfOrigin: given(asylum.safeCountryOfOrigin),
        }
      : undefined,
    entryDate: given(request.entryDate),
    employment: employment
      ? { hoursPerWeek: employment.hoursPerWeek, since: employment.since, socialInsurance: employment.socialInsurance }
      : undefined,
    euWorkerStatus: given(request.euWorkerStatus),
  };
}

const msg = (de: string, en: string) => ({ de, en });
const POSITIVE: ReadonlySet<AsylumOutcome> = new Set(['recognised_asylum', 'refugee_status', 'subsidiary_protection']);

/** True for a BAMF decision that grants protection and ends the AsylbLG (§ 1 Abs. 3 AsylbLG). */
export function isRecognition(outcome: AsylumOutcome): boolean {
  return POSITIVE.has(outcome);
}

/** Every dated fact with its request path, for the range check that runs first. */
function datedFacts(f: LegalFacts): { path: string; value: string }[] {
  const list: { path: string; value: string | undefined }[] = [
    { path: 'asOf', value: f.asOf },
    { path: 'person.dateOfBirth', value: f.person.birth?.earliest },
    { path: 'person.dateOfBirth', value: f.person.birth?.latest },
    { path: 'residence.issuedOn', value: f.residence.issuedOn },
    { path: 'residence.validUntil', value: f.residence.validUntil },
    { path: 'residence.firstIssuedOn', value: f.residence.firstIssuedOn },
    { path: 'asylum.appliedOn', value: f.asylum?.appliedOn },
    { path: 'asylum.decision.decidedOn', value: f.asylum?.decision?.decidedOn },
    { path: 'entryDate', value: f.entryDate },
    { path: 'employment.since', value: f.employment?.since },
    { path: 'presentSince', value: f.presentSince },
  ];
  return list.filter((d): d is { path: string; value: string } => d.value !== undefined);
}

/**
 * Everything impossible or contradictory in the facts, field by field; empty when the engine may
 * run. Missing facts are not problems (the result names them as unknown) — except the legal basis
 * of an Aufenthaltserlaubnis or Fiktionsbescheinigung, without which no rule can tell what the
 * title is.
 */
export function legalFactProblems(f: LegalFacts): FactProblem[] {
  const problems: FactProblem[] = [];
  const add = (path: string, de: string, en: string) => problems.push({ path, message: msg(de, en) });

  // Dates first: later checks compute with them.
  for (const d of datedFacts(f)) {
    if (!isCalendarDate(d.value) || d.value < '1900-01-01' || d.value > '2199-12-31') {
      if (!problems.some((p) => p.path === d.path)) {
        add(d.path, 'Kein gültiges Datum zwischen 1900 und 2199.', 'Not a valid date between 1900 and 2199.');
      }
    }
  }
  if (problems.length > 0) return problems;

  const { asOf, person, residence, asylum } = f;
  if (asOf < EARLIEST_SUPPORTED_DATE) {
    add(
      'asOf',
      'Das Regelwerk enthält Regeln ab dem 01.06.2022; für frühere Stichtage gibt es keine Einschätzung.',
      'The rule set covers dates from 2022-06-01; earlier dates cannot be evaluated.',
    );
  }
  const birthLatest = person.birth?.latest;
  const birthEarliest = person.birth?.earliest;
  if (birthEarliest && birthEarliest > asOf) {
    add('person.dateOfBirth', 'Das Geburtsdatum liegt nach dem Stichtag.', 'The date of birth is after asOf.');
  }
  if (person.nationality !== null && !isKnownCountryCode(person.nationality)) {
    add(
      'person.nationality',
      `„${person.nationality}“ ist kein Ländercode nach ISO 3166-1 (XK für Kosovo, XX für unbekannt oder staatenlos).`,
      `"${person.nationality}" is not an ISO 3166-1 country code (XK for Kosovo, XX for unknown or stateless).`,
    );
  }
  const notBeforeBirth = (path: string, value: string | undefined, de: string, en: string) => {
    if (value !== undefined && birthLatest !== undefined && value < birthLatest) add(path, de, en);
  };
  const notAfterAsOf = (path: string, value: string | undefined, de: string, en: string) => {
    if (value !== undefined && value > asOf) add(path, de, en);
  };

  notAfterAsOf('entryDate', f.entryDate, 'Die Einreise liegt nach dem Stichtag.', 'The entry is after asOf.');
  notBeforeBirth(
    'entryDate',
    f.entryDate,
    'Die Einreise liegt vor der Geburt.',
    'The entry is before the date of birth.',
  );
  notAfterAsOf(
    'asylum.appliedOn',
    asylum?.appliedOn,
    'Der Asylantrag liegt nach dem Stichtag.',
    'The asylum application is after asOf.',
  );
  notBeforeBirth(
    'asylum.appliedOn',
    asylum?.appliedOn,
    'Der Asylantrag liegt vor der Geburt.',
    'The asylum application is before the date of birth.',
  );
  if (asylum?.appliedOn && f.entryDate && asylum.appliedOn < f.entryDate) {
    add('asylum.appliedOn', 'Der Asylantrag liegt vor der Einreise.', 'The asylum application is before the entry.');
  }
  const decision = asylum?.decision;
  if (decision) {
    notAfterAsOf(
      'asylum.decision.decidedOn',
      decision.decidedOn,
      'Die Entscheidung des BAMF liegt nach dem Stichtag.',
      'The BAMF decision is after asOf.',
    );
    if (asylum?.appliedOn && decision.decidedOn < asylum.appliedOn) {
      add(
        'asylum.decision.decidedOn',
        'Die Entscheidung liegt vor dem Asylantrag.',
        'The decision is before the asylum application.',
      );
    }
    if (residence.document === 'ankunftsnachweis') {
      add(
        'asylum.decision',
        'Mit einer Entscheidung des BAMF gibt es keinen Ankunftsnachweis mehr: Bitte das aktuelle Dokument angeben.',
        'After a BAMF decision there is no proof of arrival any more: please give the current document.',
      );
    }
    const tolerated = ['duldung', 'duldung_ungeklaerte_identitaet', 'ausbildungsduldung', 'beschaeftigungsduldung'];
    if (isRecognition(decision.outcome) && (tolerated.includes(residence.document) || residence.document === 'none')) {
      add(
        'asylum.decision.outcome',
        'Anerkannte erhalten keine Duldung und sind nicht ausreisepflichtig: Dokument und Entscheidung widersprechen sich.',
        'Recognised people get no Duldung and are not obliged to leave: document and decision contradict each other.',
      );
    }
  }

  notAfterAsOf(
    'residence.issuedOn',
    residence.issuedOn,
    'Das Dokument wurde nach dem Stichtag ausgestellt.',
    'The document was issued after asOf.',
  );
  notBeforeBirth(
    'residence.issuedOn',
    residence.issuedOn,
    'Das Dokument wurde vor der Geburt ausgestellt.',
    'The document was issued before the date of birth.',
  );
  notAfterAsOf(
    'residence.firstIssuedOn',
    residence.firstIssuedOn,
    'Die erste Erteilung liegt nach dem Stichtag.',
    'The first issuance is after asOf.',
  );
  if (residence.firstIssuedOn && residence.issuedOn && residence.firstIssuedOn > residence.issuedOn) {
    add(
      'residence.firstIssuedOn',
      'Die erste Erteilung liegt nach der Ausstellung des aktuellen Dokuments.',
      'The first issuance is after the current document was issued.',
    );
  }
  if (residence.validUntil && residence.issuedOn && residence.validUntil < residence.issuedOn) {
    add(
      'residence.validUntil',
      'Das Ende der Gültigkeit liegt vor der Ausstellung.',
      'The end of validity is before the date of issue.',
    );
  }
  if (f.employment) {
    notAfterAsOf(
      'employment.since',
      f.employment.since,
      'Die Beschäftigung beginnt nach dem Stichtag.',
      'The employment starts after asOf.',
    );
    notBeforeBirth(
      'employment.since',
      f.employment.since,
      'Die Beschäftigung beginnt vor der Geburt.',
      'The employment starts before the date of birth.',
    );
  }

  if (person.birth && !problems.some((p) => p.path === 'person.dateOfBirth')) {
    if (person.unaccompaniedMinor === true && isMinorOn(person.birth, asOf) === 'no') {
      add(
        'person.unaccompaniedMinor',
        'Die Person ist am Stichtag volljährig und damit keine unbegleitete Minderjährige.',
        'The person is of age on asOf and therefore not an unaccompanied minor.',
      );
    }
    const reached = retirementReached(person.birth, asOf);
    if (person.retirementAgeReached === true && reached === 'no') {
      add(
        'person.retirementAgeReached',
        'Nach dem Geburtsdatum ist die Regelaltersgrenze am Stichtag noch nicht erreicht.',
        'By the date of birth the standard retirement age is not yet reached on asOf.',
      );
    }
    if (person.retirementAgeReached === false && reached === 'yes') {
      add(
        'person.retirementAgeReached',
        'Nach dem Geburtsdatum ist die Regelaltersgrenze am Stichtag schon erreicht.',
        'By the date of birth the standard retirement age is already reached on asOf.',
      );
    }
  }

  if (person.nationality === 'DE' && residence.document !== 'none') {
    add(
      'residence.document',
      'Deutsche Staatsangehörige haben kein Aufenthaltsdokument: Bitte „none“ angeben oder die Staatsangehörigkeit prüfen.',
      'German citizens hold no residence document: please give "none" or check the nationality.',
    );
  } else if (
    residence.document === 'none' &&
    person.nationality === null &&
    !problems.some((p) => p.path === 'residence.document')
  ) {
    add(
      'residence.document',
      'Ohne Aufenthaltsdokument und ohne Staatsangehörigkeit lässt sich kein Rechtskreis bestimmen.',
      'Without a residence document and without a nationality no legal domain can be determined.',
    );
  }

  const classified = classifyDocument(residence.document, residence.legalBasis);
  if (classified.problem) problems.push({ path: 'residence.legalBasis', message: classified.problem });
  return problems;
}

/** True when the nationality is one with EU free movement (EU, EEA, Switzerland; not Germany). */
export function isEuCitizen(f: LegalFacts): boolean {
  return f.person.nationality !== null && hasEuFreeMovement(f.person.nationality);
}
