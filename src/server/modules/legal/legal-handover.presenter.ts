import type { LegalHandover } from '../../../shared/contracts/legal-handovers';
import type { BenefitSystem, ResponsibleAgencyKind } from '../../../shared/contracts/legal';
import { isHandoverOverdue, type HandoverItemKey } from '../../../shared/domain/legal/handover-checklist';
import type { LegalHandoverRow } from './legal-handover.repository';

export type UserNames = Map<string, { id: string; displayName: string; agencyId: string }>;

/** The user ids a handover names (owner, who ticked items), to load their names in one query. */
export function userIdsOf(rows: readonly LegalHandoverRow[]): string[] {
  const ids: string[] = [];
  for (const r of rows) {
    if (r.ownerUserId) ids.push(r.ownerUserId);
    for (const item of r.checklist) if (item.doneBy) ids.push(item.doneBy);
  }
  return ids;
}

/** A handover field by field; the columns only hold values the domain module produced. */
export function presentHandover(row: LegalHandoverRow, names: UserNames, today: string): LegalHandover {
  const owner = row.ownerUserId ? names.get(row.ownerUserId) : undefined;
  return {
    id: row.id,
    personId: row.personId,
    fromBenefitSystem: row.fromBenefitSystem as BenefitSystem,
    toBenefitSystem: row.toBenefitSystem as BenefitSystem,
    fromAgencyKind: row.fromAgencyKind as ResponsibleAgencyKind,
    toAgencyKind: row.toAgencyKind as ResponsibleAgencyKind,
    effectiveOn: row.effectiveOn,
    dueOn: row.dueOn,
    overdue: isHandoverOverdue(row.status, row.dueOn, today),
    owner: owner ? { id: owner.id, displayName: owner.displayName, agencyId: owner.agencyId } : null,
    status: row.status as LegalHandover['status'],
    checklist: row.checklist.map((item) => {
      const by = item.doneBy ? names.get(item.doneBy) : undefined;
      return {
        key: item.key as HandoverItemKey,
        done: item.done,
        doneAt: item.doneAt,
        doneBy: by ? { id: by.id, displayName: by.displayName } : null,
      };
    }),
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    version: row.version,
  };
}
