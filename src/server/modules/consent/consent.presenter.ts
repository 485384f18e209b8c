import type { Consent, ConsentLanguage, ConsentText } from '../../../shared/contracts/consent';
import { rtlConsentLanguages } from '../../../shared/contracts/consent';
import { todayIn } from '../../../shared/domain/calendar-date';
import { consentStatus, type ConsentEvidenceKind } from '../../../shared/domain/data-protection/consent-status';
import { orderedCategories } from '../../platform/access/person-access';
import type { DataCategory } from '../../../shared/domain/data-protection/data-categories';
import type { consentTexts } from '../../db/schema';
import type { ConsentRecord } from './consent.repository';

/**
 * How the caller stands to a person's consents:
 * - `working`: its agency works with the person (ground `registered` or `case_team`): it sees every
 *   consent with all recipients, notes and the scan;
 * - otherwise (the person is visible through a consent, a transfer or break-glass) it sees only the
 *   consents naming its agency or recorded by it, and of their recipients only itself: the others
 *   would tell it which other agencies the person deals with (a health office, a youth welfare
 *   office), which is itself social data the consent did not release to it.
 */
export type ConsentViewer = { agencyId: string; working: boolean; canWrite: boolean };

/** Whether the viewer may see the consent at all. */
export function consentVisibleTo(record: ConsentRecord, viewer: ConsentViewer): boolean {
  const c = record.consent;
  return viewer.working || c.recordedByAgencyId === viewer.agencyId || c.recipientAgencyIds.includes(viewer.agencyId);
}

/** Whether the viewer sees the consent's details (all recipients, notes, the scan). */
function fullView(record: ConsentRecord, viewer: ConsentViewer): boolean {
  return viewer.working || record.consent.recordedByAgencyId === viewer.agencyId;
}

export function statusOf(record: ConsentRecord, today: string) {
  const c = record.consent;
  return consentStatus(
    {
      givenOn: c.givenOn,
      expiresOn: c.expiresOn,
      withdrawn: c.withdrawnAt !== null,
      evidenceKind: c.evidenceKind as ConsentEvidenceKind,
      hasEvidence: record.evidence !== null,
    },
    today,
  );
}

export function presentConsent(
  record: ConsentRecord,
  viewer: ConsentViewer,
  agencyNames: ReadonlyMap<string, string>,
  now: Date,
): Consent {
  const c = record.consent;
  const full = fullView(record, viewer);
  const status = statusOf(record, todayIn(now));
  const shownRecipients = full ? c.recipientAgencyIds : c.recipientAgencyIds.filter((id) => id === viewer.agencyId);
  const ownRecord = c.recordedByAgencyId === viewer.agencyId;
  return {
    id: c.id,
    personId: c.personId,
    status,
    categories: orderedCategories(c.categories as DataCategory[]),
    recipients: shownRecipients
      .map((id) => ({ id, name: agencyNames.get(id) ?? '' }))
      .sort((x, y) => x.name.localeCompare(y.name, 'de')),
    otherRecipientCount: c.recipientAgencyIds.length - shownRecipients.length,
    purpose: c.purpose,
    givenOn: c.givenOn,
    expiresOn: c.expiresOn,
    textVersion: c.textVersion,
    textLanguage: c.textLanguage as ConsentLanguage,
    evidenceKind: c.evidenceKind as ConsentEvidenceKind,
    evidenceNote: full ? c.evidenceNote : null,
    hasEvidence: record.evidence !== null,
    evidence:
      full && record.evidence
        ? {
            mediaType: record.evidence.mediaType,
            sizeBytes: record.evidence.sizeBytes,
            uploadedAt: record.evidence.uploadedAt.toISOString(),
          }
        : null,
    recordedByAgency: record.recordedByAgency,
    recordedBy: full ? record.recordedBy : null,
    recordedAt: c.recordedAt.toISOString(),
    withdrawnAt: c.withdrawnAt ? c.withdrawnAt.toISOString() : null,
    withdrawnOn: c.withdrawnAt ? todayIn(c.withdrawnAt) : null,
    withdrawalNote: full ? c.withdrawalNote : null,
    actions: {
      withdraw: viewer.canWrite && c.withdrawnAt === null && (viewer.working || ownRecord),
      uploadEvidence: viewer.canWrite && ownRecord && status === 'awaiting_evidence',
      downloadEvidence: full && record.evidence !== null,
    },
  };
}

export function presentText(row: typeof consentTexts.$inferSelect): ConsentText {
  const language = row.language as ConsentLanguage;
  return {
    version: row.version,
    language,
    direction: rtlConsentLanguages.includes(language) ? 'rtl' : 'ltr',
    title: row.title,
    body: row.body,
  };
}
