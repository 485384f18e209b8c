import type { ResidenceDocumentType } from '../../contracts/residence-documents';
import { isCalendarDate } from '../calendar-date';

/** The fields of a residence document the rules look at (after a PATCH: the merged document). */
export type ResidenceDocumentFields = {
  documentType: ResidenceDocumentType;
  legalBasis: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  wohnsitzauflage: boolean;
  wohnsitzauflageMunicipality: string | null;
  raeumlicheBeschraenkung: boolean;
  raeumlicheBeschraenkungArea: string | null;
};

/** A rule violation for one field, in both UI languages (the server's FieldError shape). */
export type DocumentProblem = { path: keyof ResidenceDocumentFields; message: { de: string; en: string } };

/** With the accusative article, for "Für … bitte …". */
const typeLabels: Record<ResidenceDocumentType, string> = {
  ankunftsnachweis: 'einen Ankunftsnachweis',
  aufenthaltsgestattung: 'eine Aufenthaltsgestattung',
  duldung: 'eine Duldung',
  duldung_ungeklaerte_identitaet: 'eine Duldung für Personen mit ungeklärter Identität',
  ausbildungsduldung: 'eine Ausbildungsduldung',
  beschaeftigungsduldung: 'eine Beschäftigungsduldung',
  aufenthaltserlaubnis: 'eine Aufenthaltserlaubnis',
  niederlassungserlaubnis: 'eine Niederlassungserlaubnis',
  daueraufenthalt_eu: 'eine Erlaubnis zum Daueraufenthalt-EU',
  fiktionsbescheinigung: 'eine Fiktionsbescheinigung',
  eu_freizuegigkeit: 'eine Bescheinigung der EU-Freizügigkeit',
};

/**
 * Documents that are always issued for a limited time: Ankunftsnachweis (§ 63a AsylG),
 * Aufenthaltsgestattung (§ 63 AsylG), every kind of Duldung (§ 60a–d AufenthG), the
 * Fiktionsbescheinigung (§ 81 Abs. 5 AufenthG) and the Aufenthaltserlaubnis (§ 7 AufenthG).
 * Niederlassungserlaubnis, Daueraufenthalt-EU and EU free movement are unlimited as a rule, but a
 * date (the card's expiry) may be recorded.
 */
export const typesRequiringValidUntil: ReadonlySet<ResidenceDocumentType> = new Set<ResidenceDocumentType>([
  'ankunftsnachweis',
  'aufenthaltsgestattung',
  'duldung',
  'duldung_ungeklaerte_identitaet',
  'ausbildungsduldung',
  'beschaeftigungsduldung',
  'fiktionsbescheinigung',
  'aufenthaltserlaubnis',
]);

/** An Aufenthaltserlaubnis is granted for a purpose (§ 7 Abs. 1 AufenthG): its norm tells which. */
export const typesRequiringLegalBasis: ReadonlySet<ResidenceDocumentType> = new Set<ResidenceDocumentType>([
  'aufenthaltserlaubnis',
]);

const msg = (de: string, en: string) => ({ de, en });

/**
 * Everything wrong with a residence document, field by field; empty when it may be stored.
 * Dates must be real calendar dates; validity must not end before it starts; a document is not
 * issued after its validity starts nor in the future; the conditions carry their place exactly
 * when they apply; type-specific required fields.
 *
 * @param today the current day in Europe/Berlin ('YYYY-MM-DD')
 */
export function residenceDocumentProblems(doc: ResidenceDocumentFields, today: string): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const dateFields = ['issuedOn', 'validFrom', 'validUntil'] as const;
  const invalid = new Set<string>();
  for (const field of dateFields) {
    const value = doc[field];
    if (value !== null && !isCalendarDate(value)) {
      invalid.add(field);
      problems.push({ path: field, message: msg('Kein gültiges Kalenderdatum.', 'Not a valid calendar date.') });
    }
  }
  const valid = (field: (typeof dateFields)[number]) => (invalid.has(field) ? null : doc[field]);
  const [issuedOn, validFrom, validUntil] = [valid('issuedOn'), valid('validFrom'), valid('validUntil')];

  if (validFrom !== null && validUntil !== null && validUntil < validFrom) {
    problems.push({
      path: 'validUntil',
      message: msg('Das Ende der Gültigkeit liegt vor ihrem Beginn.', 'The end of validity is before its start.'),
    });
  }
  if (issuedOn !== null && validFrom !== null && issuedOn > validFrom) {
    problems.push({
      path: 'issuedOn',
      message: msg(
        'Das Ausstellungsdatum liegt nach dem Beginn der Gültigkeit.',
        'The date of issue is after the start of validity.',
      ),
    });
  } else if (issuedOn !== null && issuedOn > today) {
    problems.push({
      path: 'issuedOn',
      message: msg('Das Ausstellungsdatum liegt in der Zukunft.', 'The date of issue is in the future.'),
    });
  }

  if (doc.wohnsitzauflage && doc.wohnsitzauflageMunicipality === null) {
    problems.push({
      path: 'wohnsitzauflageMunicipality',
      message: msg(
        'Bitte die Gemeinde angeben, auf die die Wohnsitzauflage lautet.',
        'Please give the municipality named in the residence obligation (Wohnsitzauflage).',
      ),
    });
  }
  if (!doc.wohnsitzauflage && doc.wohnsitzauflageMunicipality !== null) {
    problems.push({
      path: 'wohnsitzauflageMunicipality',
      message: msg(
        'Eine Gemeinde wird nur bei einer Wohnsitzauflage angegeben.',
        'A municipality is only given with a residence obligation (Wohnsitzauflage).',
      ),
    });
  }
  if (doc.raeumlicheBeschraenkung && doc.raeumlicheBeschraenkungArea === null) {
    problems.push({
      path: 'raeumlicheBeschraenkungArea',
      message: msg(
        'Bitte den Bereich angeben, auf den der Aufenthalt räumlich beschränkt ist.',
        'Please give the area the stay is restricted to (räumliche Beschränkung).',
      ),
    });
  }
  if (!doc.raeumlicheBeschraenkung && doc.raeumlicheBeschraenkungArea !== null) {
    problems.push({
      path: 'raeumlicheBeschraenkungArea',
      message: msg(
        'Ein Bereich wird nur bei einer räumlichen Beschränkung angegeben.',
        'An area is only given with a spatial restriction (räumliche Beschränkung).',
      ),
    });
  }

  if (typesRequiringLegalBasis.has(doc.documentType) && doc.legalBasis === null) {
    problems.push({
      path: 'legalBasis',
      message: msg(
        `Für ${typeLabels[doc.documentType]} bitte die Rechtsgrundlage angeben (z. B. „AufenthG § 25 Abs. 2“).`,
        'Please give the legal basis of this residence permit (e.g. "AufenthG § 25 Abs. 2").',
      ),
    });
  }
  if (typesRequiringValidUntil.has(doc.documentType) && doc.validUntil === null) {
    problems.push({
      path: 'validUntil',
      message: msg(
        `Für ${typeLabels[doc.documentType]} bitte angeben, bis wann das Dokument gilt.`,
        'This document type is always limited in time: please give the end of validity.',
      ),
    });
  }
  return problems;
}
