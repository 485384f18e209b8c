import type { RejectionReasonList, RejectionReasonPut } from '../../../shared/contracts/referrals';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { rejectionReasons, upsertRejectionReason, type RejectionReasonRow } from './referrals.repository';

/**
 * The list of reasons a receiving agency gives when it rejects a referral. It is installation-wide
 * (one list for all agencies); team leads and agency admins maintain it (referral.manage).
 */

const present = (rows: readonly RejectionReasonRow[]): RejectionReasonList => ({
  items: rows.map((r) => ({ code: r.code, labelDe: r.labelDe, labelEn: r.labelEn, active: r.active })),
});

/** The reasons in their order; inactive ones too (decided referrals still name them). */
export async function listRejectionReasons(db: Db, actor: Actor | null): Promise<RejectionReasonList> {
  await check(db, actor, 'referral.read');
  return present(await rejectionReasons(db));
}

/**
 * Replaces the list: the given reasons in the given order; a stored reason left out is set
 * inactive (never deleted: decided referrals keep their reason). At least one must stay active.
 */
export async function putRejectionReasons(
  db: Db,
  actor: Actor | null,
  input: RejectionReasonPut,
  ctx: AuditContext,
): Promise<RejectionReasonList> {
  await check(db, actor, 'referral.manage');
  const codes = input.items.map((i) => i.code);
  const errors = input.items.flatMap((item, index) =>
    codes.indexOf(item.code) !== index
      ? [
          {
            path: `items.${index}.code`,
            message: fieldMessage('Dieser Code kommt doppelt vor.', 'This code appears twice.'),
          },
        ]
      : [],
  );
  if (!input.items.some((i) => i.active))
    errors.push({
      path: 'items',
      message: fieldMessage(
        'Mindestens ein Ablehnungsgrund muss aktiv bleiben.',
        'At least one reason must stay active.',
      ),
    });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
  await db.transaction(async (tx) => {
    const stored = await rejectionReasons(tx);
    const left = stored.filter((r) => !codes.includes(r.code));
    const rows: RejectionReasonRow[] = [
      ...input.items.map((item, position) => ({ ...item, position })),
      ...left.map((r, i) => ({ ...r, active: false, position: input.items.length + i })),
    ];
    for (const row of rows) await upsertRejectionReason(tx, row);
    await recordAudit(tx, ctx, {
      type: 'referral_rejection_reasons.updated',
      details: {
        codes,
        deactivated: [
          ...input.items.filter((i) => !i.active).map((i) => i.code),
          ...left.filter((r) => r.active).map((r) => r.code),
        ],
      },
    });
  });
  return present(await rejectionReasons(db));
}
