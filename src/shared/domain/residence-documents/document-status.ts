import { daysBetween } from '../calendar-date';

/**
 * Where a residence document stands on a given day. Only the dates matter here; the document type
 * decides which dates are required (document-rules.ts), not how they are read.
 */
export type DocumentStatus = 'valid' | 'expiring' | 'expired' | 'not_yet_valid' | 'superseded';

/** The dates of a document, 'YYYY-MM-DD' (calendar dates, already validated). */
export type DatedDocument = {
  id: string;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
};

export type StatusResult = { status: DocumentStatus; daysUntilExpiry: number | null };

/**
 * When a document starts to count: its validFrom, or the day it was issued when no validFrom was
 * recorded (older paper documents often show only the issue date).
 */
export function documentStart(doc: DatedDocument): string | null {
  return doc.validFrom ?? doc.issuedOn;
}

/**
 * A document is superseded when another document of the same person starts later: the person
 * moved on to a newer title (or a Fiktionsbescheinigung), so the old expiry must no longer warn.
 * A document without any start date cannot be placed in time and is never superseded; documents
 * starting on the same day do not supersede each other.
 */
export function isSuperseded(doc: DatedDocument, others: readonly DatedDocument[]): boolean {
  const start = documentStart(doc);
  if (start === null) return false;
  return others.some((o) => {
    if (o.id === doc.id) return false;
    const otherStart = documentStart(o);
    return otherStart !== null && otherStart > start;
  });
}

/**
 * The status of one document on `today` (Europe/Berlin, see calendar-date.ts), given the person's
 * other documents. `validUntil` is the last day of validity: on that day the document is still
 * valid (expiring, 0 days left); the day after it is expired. `expiring` means validUntil lies
 * within `warningDays` from today.
 *
 * @example documentStatus({ id: 'a', issuedOn: null, validFrom: '2026-01-01', validUntil: '2026-03-31' },
 *   [], '2026-03-01', 90) → { status: 'expiring', daysUntilExpiry: 30 }
 */
export function documentStatus(
  doc: DatedDocument,
  others: readonly DatedDocument[],
  today: string,
  warningDays: number,
): StatusResult {
  const daysUntilExpiry = doc.validUntil === null ? null : daysBetween(today, doc.validUntil);
  if (isSuperseded(doc, others)) return { status: 'superseded', daysUntilExpiry };
  if (doc.validFrom !== null && doc.validFrom > today) return { status: 'not_yet_valid', daysUntilExpiry };
  if (daysUntilExpiry === null) return { status: 'valid', daysUntilExpiry };
  if (daysUntilExpiry < 0) return { status: 'expired', daysUntilExpiry };
  if (daysUntilExpiry <= warningDays) return { status: 'expiring', daysUntilExpiry };
  return { status: 'valid', daysUntilExpiry };
}

const desc = (a: string | null, b: string | null, nullsFirst: boolean): number => {
  if (a === b) return 0;
  if (a === null) return nullsFirst ? -1 : 1;
  if (b === null) return nullsFirst ? 1 : -1;
  return a < b ? 1 : -1;
};

/**
 * Timeline order, newest validity first: by start (validFrom, else issuedOn) descending, undated
 * documents last; on the same start the longer validity first (no expiry = open-ended); then by id
 * so that the order is stable.
 */
export function compareTimeline(a: DatedDocument, b: DatedDocument): number {
  return (
    desc(documentStart(a), documentStart(b), false) ||
    desc(a.validUntil, b.validUntil, true) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A person's documents in timeline order, each with its status on `today`. */
export function documentTimeline<T extends DatedDocument>(
  docs: readonly T[],
  today: string,
  warningDays: number,
): (StatusResult & { document: T })[] {
  return [...docs]
    .sort(compareTimeline)
    .map((document) => ({ document, ...documentStatus(document, docs, today, warningDays) }));
}
