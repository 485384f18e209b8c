import { isCalendarDate } from '../calendar-date';

/**
 * Retention classes of case documents (Aufbewahrungsklassen): how long a document is kept and
 * from which event the period counts. Every uploaded document carries one; the caseworker picks
 * it at upload, the UI shows its explanation.
 *
 * The data-protection issue's purge job will delete documents whose `retentionDueDate` has
 * passed. There is no purge job yet: today the classes are recorded and the due date is shown,
 * nothing is deleted automatically.
 *
 * The periods follow the usual practice of German social administrations; they are defaults a
 * municipality's records-management rules (Aktenordnung) may tighten, not legal advice:
 * - `case_file`: case records (e.g. SGB II files) are kept 10 years after the case is closed;
 * - `proof_short`: proofs that only back a single decision (pay slips, account statements,
 *   attendance certificates) are kept 2 years after closure;
 * - `identity_copy`: copies of identity documents may only be kept while they are needed
 *   (data minimisation, Art. 5 (1) (c) and (e) GDPR; § 20 (2) PAuswG for copies of ID cards):
 *   due at the closure of the case;
 * - `health`: medical documents are kept 10 years after closure, as § 630f (3) BGB requires of
 *   patient records after the end of treatment.
 */

export const retentionClassKeys = ['case_file', 'proof_short', 'identity_copy', 'health'] as const;
export type RetentionClassKey = (typeof retentionClassKeys)[number];

/** The event a retention period counts from. Only case closure today; `upload` is there for classes that count from receipt. */
export type RetentionEvent = 'case_closure' | 'upload';

type Text = { de: string; en: string };

export type RetentionClass = {
  key: RetentionClassKey;
  label: Text;
  /** One sentence for the upload dialog: what belongs in the class and when it is deleted. */
  explanation: Text;
  /** Whole years after the event (0: due on the day of the event). */
  years: number;
  countsFrom: RetentionEvent;
  /** The norm or rule the period rests on. */
  basis: string;
};

export const retentionClasses: Record<RetentionClassKey, RetentionClass> = {
  case_file: {
    key: 'case_file',
    label: { de: 'Fallakte (10 Jahre)', en: 'Case file (10 years)' },
    explanation: {
      de: 'Unterlagen, die den Fall und seine Entscheidungen belegen (z. B. Anträge, Bescheide, Hilfepläne). Sie werden 10 Jahre nach Abschluss des Falls gelöscht.',
      en: 'Records that document the case and its decisions (e.g. applications, notices, plans). They are deleted 10 years after the case is closed.',
    },
    years: 10,
    countsFrom: 'case_closure',
    basis: 'Aufbewahrungspraxis für Sozialleistungsakten (z. B. SGB II); Löschung danach nach § 84 SGB X',
  },
  proof_short: {
    key: 'proof_short',
    label: { de: 'Kurzfristiger Nachweis (2 Jahre)', en: 'Short-lived proof (2 years)' },
    explanation: {
      de: 'Nachweise, die nur eine einzelne Entscheidung stützen (z. B. Kontoauszüge, Teilnahmebescheinigungen). Sie werden 2 Jahre nach Abschluss des Falls gelöscht.',
      en: 'Proofs that back a single decision only (e.g. account statements, attendance certificates). They are deleted 2 years after the case is closed.',
    },
    years: 2,
    countsFrom: 'case_closure',
    basis: '§ 84 Abs. 2 SGB X (Löschung, wenn nicht mehr erforderlich)',
  },
  identity_copy: {
    key: 'identity_copy',
    label: { de: 'Ausweiskopie (bis Fallabschluss)', en: 'Copy of an ID (until closure)' },
    explanation: {
      de: 'Kopien von Ausweis- und Aufenthaltsdokumenten dürfen nur so lange gespeichert werden, wie sie gebraucht werden. Sie werden mit Abschluss des Falls gelöscht.',
      en: 'Copies of identity and residence documents may only be kept as long as they are needed. They are deleted when the case is closed.',
    },
    years: 0,
    countsFrom: 'case_closure',
    basis: 'Art. 5 Abs. 1 lit. c und e DSGVO, § 20 Abs. 2 PAuswG',
  },
  health: {
    key: 'health',
    label: { de: 'Gesundheitsunterlage (10 Jahre)', en: 'Health record (10 years)' },
    explanation: {
      de: 'Ärztliche Unterlagen und Gutachten. Sie werden wie Behandlungsunterlagen 10 Jahre nach Abschluss des Falls gelöscht.',
      en: 'Medical documents and reports. Like treatment records, they are deleted 10 years after the case is closed.',
    },
    years: 10,
    countsFrom: 'case_closure',
    basis: '§ 630f Abs. 3 BGB (entsprechend)',
  },
};

/** The class a document type suggests in the upload dialog (the caseworker may choose another). */
export function suggestedRetentionClass(docType: string): RetentionClassKey {
  if (docType === 'identity_document' || docType === 'residence_document') return 'identity_copy';
  if (docType === 'medical') return 'health';
  if (docType === 'certificate') return 'proof_short';
  return 'case_file';
}

/** 'YYYY-MM-DD' plus whole years; 29 February becomes 28 February in a common year. */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day from which a document of the class may (and should) be deleted, as 'YYYY-MM-DD', or
 * null while its period has not started (the case is still open for a class counting from
 * closure). A document is never due before it was uploaded: a document added after a
 * reopening counts from the later closure anyway, and the floor keeps an odd input harmless.
 *
 * @example retentionDueDate('case_file', { closedOn: '2026-03-31', uploadedOn: '2025-01-10' }) → '2036-03-31'
 * @example retentionDueDate('identity_copy', { closedOn: null, uploadedOn: '2025-01-10' }) → null
 * @throws RangeError for a date that is not a calendar date
 */
export function retentionDueDate(
  key: RetentionClassKey,
  dates: { closedOn: string | null; uploadedOn: string },
): string | null {
  const cls = retentionClasses[key];
  if (!isCalendarDate(dates.uploadedOn)) throw new RangeError(`not a calendar date: ${dates.uploadedOn}`);
  if (dates.closedOn !== null && !isCalendarDate(dates.closedOn)) {
    throw new RangeError(`not a calendar date: ${dates.closedOn}`);
  }
  const from = cls.countsFrom === 'upload' ? dates.uploadedOn : dates.closedOn;
  if (from === null) return null;
  const due = addYears(from, cls.years);
  return due < dates.uploadedOn ? dates.uploadedOn : due;
}
