import type { PersonMerge } from '../../../shared/contracts/person-merge';
import type { MergeRow } from './person-merge.repository';

/**
 * Whitelists a merge: never the snapshot (it holds both records' personal data) nor the moved
 * row ids. Staff appear by display name.
 */
export function presentMerge(m: MergeRow, names: ReadonlyMap<string, string>, canUndo: boolean): PersonMerge {
  return {
    id: m.id,
    survivorId: m.survivorId,
    mergedId: m.mergedId,
    reason: m.reason,
    mergedAt: m.mergedAt.toISOString(),
    mergedBy: m.mergedBy ? (names.get(m.mergedBy) ?? null) : null,
    undoneAt: m.undoneAt ? m.undoneAt.toISOString() : null,
    undoneBy: m.undoneBy ? (names.get(m.undoneBy) ?? null) : null,
    canUndo,
  };
}
