import type { PurgeCounts } from '../../../shared/contracts/retention';
import { todayIn } from '../../../shared/domain/calendar-date';
import { retentionClassKeys } from '../../../shared/domain/cases/retention-classes';
import { isDue, retentionDueOn, type RecordClass } from '../../../shared/domain/data-protection/retention';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { mergedInto } from './privacy-reports.repository';
import {
  activeHolds,
  anonymiseCase,
  anonymisePerson,
  caseCandidates,
  caseIdsOfPeople,
  deleteCase,
  deleteDocument,
  documentCandidates,
  finishPurgeRun,
  insertPurgeRun,
  listRetentionPolicies,
  personCandidates,
} from './retention.repository';

/**
 * The purge job (Löschlauf, § 84 SGB X): finds what is due at `now` under the current policies,
 * skips whatever a legal hold covers, and deletes or anonymises each item in its own transaction
 * together with its `retention.purged` audit entry — an item is either gone and recorded, or
 * untouched. Audit rows are never changed, so the hash chain verifies after a run.
 *
 * Due is decided per record in the Europe/Berlin calendar: documents by their class (from case
 * closure or upload, never before the upload day), closed cases from their closure, people from
 * their last activity (registration, last change, last case closure) once no case is open.
 * A hold on a person covers their cases and documents; a hold on a case covers its documents and
 * its person.
 */

export type PurgeItem = {
  recordClass: RecordClass;
  action: 'delete' | 'anonymise';
  /** The record deleted or anonymised. */
  id: string;
  /** Where the audit entry is filed: the case for documents and cases, the person for people. */
  subjectType: 'case' | 'person';
  subjectId: string;
  held: boolean;
};

const emptyCounts = (): PurgeCounts => ({
  documentsDeleted: 0,
  casesAnonymised: 0,
  casesDeleted: 0,
  peopleAnonymised: 0,
  keptByLegalHold: 0,
});

/** Instant after which no event can make a record due today under `years` (a generous superset bound). */
function cutoffFor(today: string, years: number): Date {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + 2);
  return d;
}

/** Everything due at `now`, held items included (marked). */
export async function findDueItems(db: Db, now: Date): Promise<PurgeItem[]> {
  const today = todayIn(now);
  const policies = new Map((await listRetentionPolicies(db)).map((p) => [p.recordClass, p]));
  const holds = await activeHolds(db);
  const items: PurgeItem[] = [];

  for (const cls of retentionClassKeys) {
    const policy = policies.get(cls);
    if (!policy) continue;
    const rows = await documentCandidates(db, cls, policy.countsFrom, cutoffFor(today, policy.years));
    for (const r of rows) {
      const uploadedOn = todayIn(r.uploadedAt);
      const eventOn = policy.countsFrom === 'upload' ? uploadedOn : r.closedAt ? todayIn(r.closedAt) : null;
      if (!isDue(retentionDueOn(eventOn, policy.years, uploadedOn), today)) continue;
      items.push({
        recordClass: cls,
        action: 'delete',
        id: r.id,
        subjectType: 'case',
        subjectId: r.caseId,
        held: holds.cases.has(r.caseId) || holds.people.has(r.personId),
      });
    }
  }

  const casePolicy = policies.get('case');
  if (casePolicy) {
    const rows = await caseCandidates(db, cutoffFor(today, casePolicy.years));
    for (const r of rows) {
      if (!isDue(retentionDueOn(r.closedAt ? todayIn(r.closedAt) : null, casePolicy.years), today)) continue;
      items.push({
        recordClass: 'case',
        action: casePolicy.action === 'delete' ? 'delete' : 'anonymise',
        id: r.id,
        subjectType: 'case',
        subjectId: r.id,
        held: holds.cases.has(r.id) || holds.people.has(r.personId),
      });
    }
  }

  const personPolicy = policies.get('person');
  if (personPolicy) {
    const rows = await personCandidates(db, cutoffFor(today, personPolicy.years));
    const casesByPerson = new Map<string, string[]>();
    for (const c of await caseIdsOfPeople(
      db,
      rows.map((r) => r.id),
    )) {
      casesByPerson.set(c.personId, [...(casesByPerson.get(c.personId) ?? []), c.id]);
    }
    for (const r of rows) {
      const lastActivity = [r.createdAt, r.updatedAt, r.lastClosed]
        .filter((d): d is Date => d !== null)
        .reduce((a, b) => (a > b ? a : b));
      if (!isDue(retentionDueOn(todayIn(lastActivity), personPolicy.years), today)) continue;
      items.push({
        recordClass: 'person',
        action: 'anonymise',
        id: r.id,
        subjectType: 'person',
        subjectId: r.id,
        held: holds.people.has(r.id) || (casesByPerson.get(r.id) ?? []).some((c) => holds.cases.has(c)),
      });
    }
  }
  return items;
}

async function purgeItem(tx: Db, item: PurgeItem, runId: string, ctx: AuditContext): Promise<void> {
  if (item.recordClass === 'person') {
    await anonymisePerson(tx, [item.id, ...(await mergedInto(tx, item.id))], ctx.now);
  } else if (item.recordClass === 'case') {
    if (item.action === 'delete') await deleteCase(tx, item.id);
    else await anonymiseCase(tx, item.id, ctx.now);
  } else {
    await deleteDocument(tx, item.id);
  }
  await recordAudit(tx, ctx, {
    type: 'retention.purged',
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    details: { runId, recordClass: item.recordClass, subjectId: item.id, action: item.action },
  });
}

function count(counts: PurgeCounts, item: PurgeItem): void {
  if (item.held) counts.keptByLegalHold += 1;
  else if (item.recordClass === 'person') counts.peopleAnonymised += 1;
  else if (item.recordClass === 'case') {
    if (item.action === 'delete') counts.casesDeleted += 1;
    else counts.casesAnonymised += 1;
  } else counts.documentsDeleted += 1;
}

let running = false;

/**
 * One run: records it in purge_runs, purges (or, in a dry run, only counts) and closes the run with
 * its counts and a `retention.run` audit entry. One run at a time per process; a second one is
 * refused with 409.
 */
export async function runRetentionPurge(
  db: Db,
  options: { dryRun: boolean; triggeredBy: string | null; ctx: AuditContext },
): Promise<{ runId: string; counts: PurgeCounts }> {
  if (running) {
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: 'dryRun',
          message: fieldMessage('Es läuft bereits ein Löschlauf.', 'A purge run is already in progress.'),
        },
      ],
    });
  }
  running = true;
  try {
    const { ctx, dryRun } = options;
    const runId = await insertPurgeRun(db, { startedAt: ctx.now, dryRun, triggeredBy: options.triggeredBy });
    const counts = emptyCounts();
    for (const item of await findDueItems(db, ctx.now)) {
      if (!item.held && !dryRun) await db.transaction((tx) => purgeItem(tx, item, runId, ctx));
      count(counts, item);
    }
    await db.transaction(async (tx) => {
      await finishPurgeRun(tx, runId, ctx.now, counts);
      await recordAudit(tx, ctx, {
        type: 'retention.run',
        subjectType: 'purge_run',
        subjectId: runId,
        details: { runId, dryRun, counts },
      });
    });
    return { runId, counts };
  } finally {
    running = false;
  }
}
