import type { PurgeCounts, PurgeRun, RetentionPolicy } from '../../../shared/contracts/retention';
import { recordClassDefinitions, type RecordClass } from '../../../shared/domain/data-protection/retention';
import type { PurgeRunRecord, RetentionPolicyRow } from './retention.repository';

export function presentRetentionPolicy(row: RetentionPolicyRow): RetentionPolicy {
  const d = recordClassDefinitions[row.recordClass as RecordClass];
  return {
    recordClass: d.recordClass,
    label: d.label,
    description: d.description,
    years: row.years,
    countsFrom: row.countsFrom,
    action: row.action as RetentionPolicy['action'],
    allowedActions: [...d.allowedActions],
    basis: row.basis,
    defaultYears: d.years,
    updatedAt: row.updatedBy ? row.updatedAt.toISOString() : null,
  };
}

const countKeys: (keyof PurgeCounts)[] = [
  'documentsDeleted',
  'casesAnonymised',
  'casesDeleted',
  'peopleAnonymised',
  'keptByLegalHold',
];

export function presentPurgeRun(r: PurgeRunRecord): PurgeRun {
  const counts = Object.fromEntries(countKeys.map((k) => [k, Number(r.run.counts[k] ?? 0)])) as PurgeCounts;
  return {
    id: r.run.id,
    startedAt: r.run.startedAt.toISOString(),
    finishedAt: r.run.finishedAt?.toISOString() ?? null,
    dryRun: r.run.dryRun,
    triggeredBy: r.user ? { id: r.user.id, displayName: r.user.displayName } : null,
    counts,
  };
}
