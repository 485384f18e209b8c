import { eq } from 'drizzle-orm';
import type { ReferralCriteria, ReferralCriteriaUpdateRequest } from '../../../shared/contracts/referral-criteria';
import type { Db } from '../../db/client';
import { agencies, referralCriteria } from '../../db/schema';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { describedCriteria, storedCriteria } from './measures.presenter';

/**
 * Each receiving agency's acceptance criteria (Aufnahmekriterien) as data. Read by everybody who
 * works with the catalogue or with referrals (`measure.read`: caseworkers, team leads, agency
 * administrators — who keep the list — and steering); changed with `referral.manage` by the
 * agency itself only. An agency without a stored list has none, version 0.
 *
 * The list is configuration, not social data: only changes are audited.
 */

const mayEditCriteria = (actor: Actor, agencyId: string) =>
  hasPermission(actor, 'referral.manage') && actor.agencyId === agencyId;

async function loaded(db: Db, actor: Actor, agencyId: string): Promise<Versioned<ReferralCriteria>> {
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .limit(1);
  if (!agency) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(referralCriteria).where(eq(referralCriteria.agencyId, agencyId)).limit(1);
  const version = row?.version ?? 0;
  return {
    value: {
      agency,
      criteria: describedCriteria(storedCriteria(row?.criteria)),
      version,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      mayEdit: mayEditCriteria(actor, agencyId),
    },
    etag: etagOf(version),
  };
}

export async function getReferralCriteria(
  db: Db,
  actor: Actor | null,
  agencyId: string,
): Promise<Versioned<ReferralCriteria>> {
  const a = await check(db, actor, 'measure.read');
  return loaded(db, a, agencyId);
}

export async function putReferralCriteria(
  db: Db,
  actor: Actor | null,
  agencyId: string,
  ifMatch: string | undefined,
  input: ReferralCriteriaUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<ReferralCriteria>> {
  const a = await check(db, actor, 'referral.manage');
  const version = ifMatchVersion(ifMatch, true);
  await db.transaction(async (tx) => {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).limit(1);
    if (!agency) throw new AppError('NOT_FOUND');
    if (!mayEditCriteria(a, agencyId))
      throw new AppError('FORBIDDEN', {
        fieldErrors: [
          {
            path: 'agencyId',
            message: fieldMessage(
              'Die Aufnahmekriterien einer Stelle ändert nur die Stelle selbst (Teamleitung oder Administration).',
              'Only the agency itself (its team lead or administrator) changes its acceptance criteria.',
            ),
          },
        ],
      });
    const [current] = await tx
      .select()
      .from(referralCriteria)
      .where(eq(referralCriteria.agencyId, agencyId))
      .limit(1)
      .for('update');
    const currentVersion = current?.version ?? 0;
    const stale = () =>
      new AppError('PRECONDITION_FAILED', {
        fieldErrors: [
          {
            path: 'version',
            message: fieldMessage(
              `Die Aufnahmekriterien wurden inzwischen geändert (jetzt Version ${currentVersion}). Bitte laden Sie sie neu und prüfen Sie Ihre Änderung.`,
              `The acceptance criteria were changed in the meantime (now version ${currentVersion}). Please reload them and check your change.`,
            ),
          },
        ],
      });
    if (currentVersion !== version) throw stale();
    const next = currentVersion + 1;
    // The insert races with a concurrent first write: the primary key makes the loser fail; the
    // conditional update below makes a concurrent later write fail as stale.
    const written = current
      ? await tx
          .update(referralCriteria)
          .set({ criteria: input.criteria, version: next, updatedAt: ctx.now, updatedBy: a.userId })
          .where(eq(referralCriteria.agencyId, agencyId))
          .returning({ version: referralCriteria.version })
      : await tx
          .insert(referralCriteria)
          .values({ agencyId, criteria: input.criteria, version: next, updatedAt: ctx.now, updatedBy: a.userId })
          .onConflictDoNothing()
          .returning({ version: referralCriteria.version });
    if (written.length === 0) throw stale();
    await recordAudit(tx, ctx, {
      type: 'referral_criteria.updated',
      subjectType: 'agency',
      subjectId: agencyId,
      details: { kinds: input.criteria.map((c) => c.kind), version: next },
    });
  });
  return loaded(db, a, agencyId);
}
