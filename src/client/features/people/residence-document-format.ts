import type { TFunction } from 'i18next';
import type { ResidenceDocument, ResidenceDocumentType } from '../../../shared/contracts/residence-documents';
import { formatIsoDate } from './people-format';

export type BadgeTone = 'info' | 'success' | 'warning' | 'danger';

/**
 * Norms that follow from the document type alone; the form offers them as the legal basis. An
 * Aufenthaltserlaubnis or Niederlassungserlaubnis can rest on many norms, so none is offered.
 */
export const LEGAL_BASIS_BY_TYPE: Partial<Record<ResidenceDocumentType, string>> = {
  ankunftsnachweis: 'AsylG § 63a',
  aufenthaltsgestattung: 'AsylG § 55',
  duldung: 'AufenthG § 60a',
  duldung_ungeklaerte_identitaet: 'AufenthG § 60b',
  ausbildungsduldung: 'AufenthG § 60c',
  beschaeftigungsduldung: 'AufenthG § 60d',
  daueraufenthalt_eu: 'AufenthG § 9a',
  fiktionsbescheinigung: 'AufenthG § 81 Abs. 5',
  eu_freizuegigkeit: 'FreizügG/EU § 2',
};

/** A document needs attention when it is the current one and expires within the window or has expired. */
export function needsAttention(document: Pick<ResidenceDocument, 'status'>): boolean {
  return document.status === 'expiring' || document.status === 'expired';
}

/** The badge of a document's status: "gültig", "läuft in 30 Tagen ab", "abgelaufen" … */
export function documentStatus(
  document: Pick<ResidenceDocument, 'status' | 'daysUntilExpiry'>,
  t: TFunction,
): { tone: BadgeTone; label: string } {
  const days = document.daysUntilExpiry ?? 0;
  switch (document.status) {
    case 'valid':
      return { tone: 'success', label: t('residenceDocuments.status.valid') };
    case 'expiring':
      return {
        tone: 'warning',
        label:
          days <= 0
            ? t('residenceDocuments.status.expiresToday')
            : t('residenceDocuments.status.expiring', { count: days }),
      };
    case 'expired':
      return { tone: 'danger', label: t('residenceDocuments.status.expired') };
    case 'not_yet_valid':
      return { tone: 'info', label: t('residenceDocuments.status.not_yet_valid') };
    case 'superseded':
      return { tone: 'info', label: t('residenceDocuments.status.superseded') };
  }
}

/** "30 Tage", "heute", "seit 4 Tagen abgelaufen": the distance to the expiry in words. */
export function daysText(daysUntilExpiry: number | null, t: TFunction): string {
  if (daysUntilExpiry === null) return t('residenceDocuments.noExpiry');
  if (daysUntilExpiry === 0) return t('residenceDocuments.days.today');
  if (daysUntilExpiry < 0) return t('residenceDocuments.days.overdue', { count: -daysUntilExpiry });
  return t('residenceDocuments.days.left', { count: daysUntilExpiry });
}

/** "01.04.2026 – 31.03.2027", "ab 01.04.2026", "bis 31.03.2027" or "ohne Angabe". */
export function validityText(document: Pick<ResidenceDocument, 'validFrom' | 'validUntil'>, t: TFunction): string {
  const from = formatIsoDate(document.validFrom);
  const until = formatIsoDate(document.validUntil);
  if (from && until) return `${from} – ${until}`;
  if (from) return t('residenceDocuments.validFromOnly', { date: from });
  if (until) return t('residenceDocuments.validUntilOnly', { date: until });
  return t('common.notSet');
}

/** Names one document in words a caseworker recognises: "Duldung (§ 60a AufenthG), gültig bis 31.03.2027". */
export function documentName(document: Pick<ResidenceDocument, 'documentType' | 'validUntil'>, t: TFunction): string {
  const type = t(`residenceDocuments.types.${document.documentType}`);
  return document.validUntil
    ? t('residenceDocuments.nameWithExpiry', { type, date: formatIsoDate(document.validUntil) })
    : type;
}
