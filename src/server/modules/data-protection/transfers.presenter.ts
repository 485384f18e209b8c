import type { Transfer } from '../../../shared/contracts/transfers';
import { dataCategories, type DataCategory } from '../../../shared/domain/data-protection/data-categories';
import type { TransferRecord } from './transfers.repository';

/**
 * How much of the person a log entry shows: `named` (the caller may see the person now), `id`
 * (the data protection officer controls transfers, not people) or `hidden` ("Person nicht sichtbar").
 */
export type PersonShown = 'named' | 'id' | 'hidden';

const knownCategories = (stored: readonly string[]): DataCategory[] => dataCategories.filter((c) => stored.includes(c));

export function presentTransfer(
  r: TransferRecord,
  viewerAgencyId: string,
  shown: PersonShown,
  today: string,
): Transfer {
  const t = r.transfer;
  return {
    id: t.id,
    person: {
      id: shown === 'hidden' ? null : t.personId,
      givenNames: shown === 'named' ? r.person.givenNames : null,
      familyName: shown === 'named' ? r.person.familyName : null,
    },
    caseId: shown === 'hidden' ? null : t.caseId,
    direction: t.fromAgencyId === viewerAgencyId ? 'sent' : t.toAgencyId === viewerAgencyId ? 'received' : 'other',
    fromAgency: { id: r.fromAgency.id, name: r.fromAgency.name },
    toAgency: { id: r.toAgency.id, name: r.toAgency.name },
    categories: knownCategories(t.categories),
    legalBasis: t.legalBasis,
    purpose: shown === 'hidden' ? null : t.purpose,
    transferredAt: t.transferredAt.toISOString(),
    validUntil: t.validUntil,
    inForce: t.validUntil >= today,
    recordedBy: r.recordedBy ? { id: r.recordedBy.id, displayName: r.recordedBy.displayName } : null,
  };
}
