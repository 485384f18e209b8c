import { isCalendarDate } from '../calendar-date';
import { retentionClasses, retentionClassKeys, type RetentionClassKey } from '../cases/retention-classes';

/**
 * Record classes of the retention rules (Aufbewahrungsfristen, § 84 SGB X; reliability-security
 * T17): how long a record is kept after the event its period counts from, and what the purge job
 * then does with it. The values here are the defaults written into `retention_policies` once; a
 * system administrator may change years and action per class, the purge job reads the table.
 *
 * - The four document classes of `shared/domain/cases/retention-classes.ts` (case_file,
 *   proof_short, identity_copy, health): a due document is deleted (row and content).
 * - `case`: a closed case is anonymised 10 years after its closure (the usual keeping period of
 *   SGB II files). The case row stays with phase, dates and agencies for statistics; its texts,
 *   notes, documents, assessments, plans, tasks, appointments and conferences lose their content.
 *   `delete` removes the case with everything attached instead.
 * - `person`: a person with no open case is anonymised 10 years after their last activity — the
 *   latest of registration, last change of the register entry and closure of their last case.
 *   Names become "Gelöscht", the date of birth keeps its year only; identifiers, contacts,
 *   address links, name variants and place of birth are removed. The row stays, because closed
 *   cases, household memberships and the audit log refer to it. People cannot be deleted.
 *
 * A legal hold on a person or a case stops the purge of the person, their cases and documents.
 */

export const recordClasses = [...retentionClassKeys, 'case', 'person'] as const;
export type RecordClass = (typeof recordClasses)[number];

export const retentionActions = ['delete', 'anonymise'] as const;
export type RetentionAction = (typeof retentionActions)[number];

/** The event a period counts from. */
export type RetentionCountsFrom = 'case_closure' | 'upload' | 'last_activity';

type Text = { de: string; en: string };

export type RecordClassDefinition = {
  recordClass: RecordClass;
  label: Text;
  /** What the class holds and what happens when it is due. */
  description: Text;
  years: number;
  countsFrom: RetentionCountsFrom;
  action: RetentionAction;
  /** Actions the purge job can carry out for the class. */
  allowedActions: readonly RetentionAction[];
  basis: string;
};

export const MAX_RETENTION_YEARS = 30;

const documentClass = (key: RetentionClassKey): RecordClassDefinition => {
  const c = retentionClasses[key];
  return {
    recordClass: key,
    label: { de: `Dokument: ${c.label.de}`, en: `Document: ${c.label.en}` },
    description: c.explanation,
    years: c.years,
    countsFrom: c.countsFrom,
    action: 'delete',
    allowedActions: ['delete'],
    basis: c.basis,
  };
};

export const recordClassDefinitions: Record<RecordClass, RecordClassDefinition> = {
  case_file: documentClass('case_file'),
  proof_short: documentClass('proof_short'),
  identity_copy: documentClass('identity_copy'),
  health: documentClass('health'),
  case: {
    recordClass: 'case',
    label: { de: 'Abgeschlossener Fall', en: 'Closed case' },
    description: {
      de: 'Ein abgeschlossener Fall wird nach Ablauf der Frist anonymisiert: Vermerke, Dokumente, Einschätzungen, Pläne und Freitexte werden gelöscht; Phase, Daten und Stellen bleiben für die Statistik.',
      en: 'A closed case is anonymised when its period ends: notes, documents, assessments, plans and free texts are deleted; phase, dates and agencies remain for statistics.',
    },
    years: 10,
    countsFrom: 'case_closure',
    action: 'anonymise',
    allowedActions: ['anonymise', 'delete'],
    basis: '§ 84 Abs. 2 SGB X; Aufbewahrungspraxis für SGB-II-Akten (10 Jahre nach Abschluss)',
  },
  person: {
    recordClass: 'person',
    label: { de: 'Person ohne laufenden Fall', en: 'Person without an open case' },
    description: {
      de: 'Eine Person ohne offenen Fall wird nach Ablauf der Frist ab der letzten Aktivität (Registrierung, letzte Änderung, Abschluss des letzten Falls) anonymisiert: Namen werden „Gelöscht“, vom Geburtsdatum bleibt das Jahr; Kennungen, Kontakte, Adressen und Namensvarianten werden gelöscht.',
      en: 'A person without an open case is anonymised when the period since their last activity (registration, last change, closure of the last case) ends: names become "Gelöscht", only the year of birth remains; identifiers, contacts, addresses and name variants are deleted.',
    },
    years: 10,
    countsFrom: 'last_activity',
    action: 'anonymise',
    allowedActions: ['anonymise'],
    basis: '§ 84 Abs. 2 SGB X; Art. 5 Abs. 1 lit. e DSGVO (Speicherbegrenzung)',
  },
};

/** The text that replaces names and titles of anonymised records. */
export const ANONYMISED_TEXT = 'Gelöscht';

/** 'YYYY-MM-DD' plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day a record becomes due under a (possibly changed) policy: `years` after the event, never
 * before `floor` (a document is never due before it was uploaded). Null while the event has not
 * happened (an open case).
 *
 * @example retentionDueOn('2026-03-31', 10) → '2036-03-31'
 */
export function retentionDueOn(eventOn: string | null, years: number, floor?: string): string | null {
  if (eventOn === null) return null;
  const due = addYears(eventOn, years);
  return floor !== undefined && due < floor ? floor : due;
}

/** Whether a record with due day `dueOn` is due on `today` (both 'YYYY-MM-DD'). */
export function isDue(dueOn: string | null, today: string): boolean {
  return dueOn !== null && dueOn <= today;
}
