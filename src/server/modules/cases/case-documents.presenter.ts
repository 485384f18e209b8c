import type {
  CaseDocument,
  Confidentiality,
  DocumentMediaType,
  DocumentType,
} from '../../../shared/contracts/case-records';
import { todayIn } from '../../../shared/domain/calendar-date';
import { retentionDueDate, type RetentionClassKey } from '../../../shared/domain/cases/retention-classes';
import { hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import type { DocumentRecord } from './case-documents.repository';

/** What the presenter needs to know about the case: whether and when it was closed. */
export type CaseClosureState = { phase: string; closedAt: Date | null };

/** Whitelists a document's metadata; `delete` is for the uploader's agency while the case is open. */
export function presentDocument(r: DocumentRecord, actor: Actor, state: CaseClosureState): CaseDocument {
  const d = r.document;
  const closed = state.phase === 'closure' || state.closedAt !== null;
  return {
    id: d.id,
    caseId: d.caseId,
    docType: d.docType as DocumentType,
    title: d.title,
    fileName: d.fileName,
    mediaType: d.mediaType as DocumentMediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    retentionClass: d.retentionClass as RetentionClassKey,
    retentionDueOn: retentionDueDate(d.retentionClass as RetentionClassKey, {
      closedOn: state.closedAt ? todayIn(state.closedAt) : null,
      uploadedOn: todayIn(d.uploadedAt),
    }),
    confidentiality: d.confidentiality as Confidentiality,
    uploadedAt: d.uploadedAt.toISOString(),
    uploadedBy: { id: r.uploadedBy.id, displayName: r.uploadedBy.displayName },
    agency: { id: r.agency.id, name: r.agency.name },
    actions: {
      delete: !closed && d.uploadedAgencyId === actor.agencyId && hasPermission(actor, 'case.write'),
    },
  };
}
