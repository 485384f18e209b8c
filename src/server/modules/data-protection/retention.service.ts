import type {
  PurgeRun,
  RetentionPolicy,
  RetentionPolicyList,
  RetentionPolicyUpdate,
} from '../../../shared/contracts/retention';
import {
  recordClassDefinitions,
  recordClasses,
  type RecordClass,
} from '../../../shared/domain/data-protection/retention';
import type { Db } from '../../db/client';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { presentPurgeRun, presentRetentionPolicy } from './retention.presenter';
import { runRetentionPurge } from './retention-purge';
import {
  findPurgeRun,
  insertMissingRetentionPolicies,
  listPurgeRuns,
  listRetentionPolicies,
  updateRetentionPolicy,
} from './retention.repository';

async function policies(db: Db): Promise<RetentionPolicy[]> {
  const rows = await listRetentionPolicies(db);
  const order = (c: string) => recordClasses.indexOf(c as RecordClass);
  return rows
    .filter((r) => order(r.recordClass) >= 0)
    .sort((a, b) => order(a.recordClass) - order(b.recordClass))
    .map(presentRetentionPolicy);
}

/** The retention periods per record class (configuration, no social data: not audited as a read). */
export async function getRetentionPolicies(db: Db, actor: Actor | null): Promise<RetentionPolicyList> {
  const a = await check(db, actor, 'retention.read');
  return { items: await policies(db), actions: { manage: hasPermission(a, 'retention.manage') } };
}

/** Changes the period and action of one class (system administrator); takes effect with the next run. */
export async function setRetentionPolicy(
  db: Db,
  actor: Actor | null,
  recordClass: RecordClass,
  input: RetentionPolicyUpdate,
  ctx: AuditContext,
): Promise<RetentionPolicyList> {
  const a = await check(db, actor, 'retention.manage');
  const definition = recordClassDefinitions[recordClass];
  if (!definition.allowedActions.includes(input.action)) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'action',
          message: fieldMessage(
            recordClass === 'person'
              ? 'Personen können nur anonymisiert werden: Fälle und das Protokoll verweisen auf sie.'
              : 'Dokumente können nur gelöscht werden.',
            recordClass === 'person'
              ? 'People can only be anonymised: cases and the audit log refer to them.'
              : 'Documents can only be deleted.',
          ),
        },
      ],
    });
  }
  await db.transaction(async (tx) => {
    await insertMissingRetentionPolicies(tx);
    const previous = (await listRetentionPolicies(tx)).find((r) => r.recordClass === recordClass);
    await updateRetentionPolicy(tx, recordClass, {
      years: input.years,
      action: input.action,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    await recordAudit(tx, ctx, {
      type: 'retention.policy_updated',
      subjectType: 'retention_policy',
      subjectId: recordClass,
      details: {
        recordClass,
        years: input.years,
        action: input.action,
        previousYears: previous?.years ?? null,
        previousAction: previous?.action ?? null,
      },
    });
  });
  return getRetentionPolicies(db, actor);
}

const RUN_LIST_LIMIT = 50;

/** The latest purge runs, dry runs included. */
export async function getPurgeRuns(db: Db, actor: Actor | null): Promise<{ items: PurgeRun[] }> {
  await check(db, actor, 'retention.read');
  return { items: (await listPurgeRuns(db, RUN_LIST_LIMIT)).map(presentPurgeRun) };
}

/** Runs the purge job now (system administrator); a dry run only counts what would happen. */
export async function startPurgeRun(
  db: Db,
  actor: Actor | null,
  input: { dryRun: boolean },
  ctx: AuditContext,
): Promise<PurgeRun> {
  const a = await check(db, actor, 'retention.manage');
  const { runId } = await runRetentionPurge(db, { dryRun: input.dryRun, triggeredBy: a.userId, ctx });
  const run = await findPurgeRun(db, runId);
  if (!run) throw new AppError('NOT_FOUND');
  return presentPurgeRun(run);
}
