import type { LegalHold } from '../../../shared/contracts/retention';
import type { LegalHoldRecord } from './legal-holds.repository';

export function presentLegalHold(r: LegalHoldRecord): LegalHold {
  const h = r.hold;
  return {
    id: h.id,
    subjectType: h.subjectType as LegalHold['subjectType'],
    subjectId: h.subjectId,
    subjectLabel: (h.subjectType === 'person' ? r.personName : r.caseReference) ?? '–',
    reason: h.reason,
    placedAt: h.placedAt.toISOString(),
    placedBy: r.placer ? { id: r.placer.id, displayName: r.placer.displayName } : null,
    releasedAt: h.releasedAt?.toISOString() ?? null,
    releasedBy: r.releaser ? { id: r.releaser.id, displayName: r.releaser.displayName } : null,
    releaseNote: h.releaseNote,
  };
}
