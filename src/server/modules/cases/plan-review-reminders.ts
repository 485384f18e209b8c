import { and, eq, sql } from 'drizzle-orm';
import type { PlanKind, PlanStatus } from '../../../shared/contracts/case-plans';
import { planKindLabels } from '../../../shared/domain/cases/plan-rules';
import type { Db } from '../../db/client';
import { caseTasks } from '../../db/schema';

/**
 * Review reminders of plans (Wiedervorlage zur Überprüfung/Fortschreibung): a plan with a review
 * date that has not ended has exactly one open task in the case's tasks, with source
 * `plan_review` and the plan's id, due on the review date, for the owner agency — named for the
 * case's lead case manager when the owner agency leads the case, else for the colleague who
 * created the plan. The task moves with the review date and is cancelled when the plan ends or
 * loses its review date. The task inbox shows these tasks like any other.
 *
 * Runs in the caller's transaction, after the plan was written.
 */

export const PLAN_REVIEW_SOURCE = 'plan_review';

/** What happened to the reminder; the plan's audit row records it. */
export type ReviewReminderChange = 'created' | 'moved' | 'cancelled' | 'unchanged' | 'none';

export type ReviewReminderPlan = {
  id: string;
  caseId: string;
  kind: PlanKind;
  status: PlanStatus;
  reviewDate: string | null;
  ownerAgencyId: string;
  createdBy: string | null;
};

/** The stored (German) title of a review task, e.g. "Überprüfung: Kooperationsplan". */
export function reviewTaskTitle(kind: PlanKind): string {
  return `Überprüfung: ${planKindLabels[kind].de}`;
}

/**
 * Brings the plan's review task in line with the plan. `caseLead` is the case's lead agency and
 * lead user; `actorUserId` and `now` stamp the change.
 */
export async function syncPlanReviewTask(
  tx: Db,
  plan: ReviewReminderPlan,
  caseLead: { leadAgencyId: string; leadUserId: string },
  actorUserId: string,
  now: Date,
): Promise<ReviewReminderChange> {
  const tasks = await tx
    .select({ id: caseTasks.id, status: caseTasks.status, dueDate: caseTasks.dueDate })
    .from(caseTasks)
    .where(and(eq(caseTasks.source, PLAN_REVIEW_SOURCE), eq(caseTasks.sourceId, plan.id)));
  const open = tasks.filter((t) => t.status === 'open');
  const wanted = plan.status !== 'ended' && plan.reviewDate !== null;

  const cancel = async (ids: readonly string[]) => {
    for (const id of ids) {
      await tx
        .update(caseTasks)
        .set({ status: 'cancelled', updatedAt: now, updatedBy: actorUserId, version: sql`${caseTasks.version} + 1` })
        .where(and(eq(caseTasks.id, id), eq(caseTasks.status, 'open')));
    }
  };

  if (!wanted) {
    if (open.length === 0) return 'none';
    await cancel(open.map((t) => t.id));
    return 'cancelled';
  }

  const reviewDate = plan.reviewDate!;
  const [keep, ...extra] = open;
  // Exactly one open task: any further one (there should be none) is cancelled.
  await cancel(extra.map((t) => t.id));
  if (keep) {
    if (keep.dueDate === reviewDate) return 'unchanged';
    await tx
      .update(caseTasks)
      .set({ dueDate: reviewDate, updatedAt: now, updatedBy: actorUserId, version: sql`${caseTasks.version} + 1` })
      .where(eq(caseTasks.id, keep.id));
    return 'moved';
  }
  // The review on this date was done already (its task completed): nothing to remind of.
  if (tasks.some((t) => t.status === 'done' && t.dueDate === reviewDate)) return 'unchanged';
  await tx.insert(caseTasks).values({
    caseId: plan.caseId,
    title: reviewTaskTitle(plan.kind),
    description: null,
    assigneeAgencyId: plan.ownerAgencyId,
    assigneeUserId: caseLead.leadAgencyId === plan.ownerAgencyId ? caseLead.leadUserId : plan.createdBy,
    dueDate: reviewDate,
    status: 'open',
    source: PLAN_REVIEW_SOURCE,
    sourceId: plan.id,
    createdAt: now,
    createdBy: actorUserId,
    // The reminder is the owner agency's, whoever saved the plan.
    createdByAgencyId: plan.ownerAgencyId,
    updatedAt: now,
    updatedBy: actorUserId,
  });
  return 'created';
}
