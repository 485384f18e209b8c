import type { CaseTask, TaskSourceKind, TaskStatus } from '../../../shared/contracts/case-tasks';
import type { Actor } from '../../platform/access/actor';
import type { TaskRecord } from './case-tasks.repository';

/** Open with a due date before today ('YYYY-MM-DD' strings compare in calendar order). */
export function isOverdue(task: { status: string; dueDate: string | null }, today: string): boolean {
  return task.status === 'open' && task.dueDate !== null && task.dueDate < today;
}

/**
 * Who may change a task: the agency it is assigned to, the agency that created it, and the lead
 * agency of the case. Everyone else on the team only reads it.
 */
export function mayChangeTask(
  actor: Pick<Actor, 'agencyId'>,
  task: { assigneeAgencyId: string; creatorAgencyId: string | null; leadAgencyId: string },
): boolean {
  return (
    actor.agencyId === task.assigneeAgencyId ||
    actor.agencyId === task.creatorAgencyId ||
    actor.agencyId === task.leadAgencyId
  );
}

/** Whitelists a task with its case, person and the names it refers to. */
export function presentTask(r: TaskRecord, actor: Pick<Actor, 'agencyId'>, today: string): CaseTask {
  const t = r.task;
  return {
    id: t.id,
    version: t.version,
    title: t.title,
    description: t.description,
    status: t.status as TaskStatus,
    dueDate: t.dueDate,
    overdue: isOverdue(t, today),
    assignee: {
      agency: { id: r.assigneeAgency.id, name: r.assigneeAgency.name },
      user: r.assigneeUser ? { id: r.assigneeUser.id, displayName: r.assigneeUser.displayName } : null,
    },
    source: { kind: t.source as TaskSourceKind, id: t.sourceId, conferenceId: r.conferenceId },
    case: { id: r.case.id, reference: r.case.reference, title: r.case.title, closed: r.case.phase === 'closure' },
    person: { id: r.person.id, displayName: `${r.person.givenNames} ${r.person.familyName}` },
    createdAt: t.createdAt.toISOString(),
    createdBy: r.createdBy ? { id: r.createdBy.id, displayName: r.createdBy.displayName } : null,
    createdByAgency: r.createdByAgency ? { id: r.createdByAgency.id, name: r.createdByAgency.name } : null,
    updatedAt: t.updatedAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
    completedBy: r.completedBy ? { id: r.completedBy.id, displayName: r.completedBy.displayName } : null,
    actions: {
      change: mayChangeTask(actor, {
        assigneeAgencyId: t.assigneeAgencyId,
        creatorAgencyId: r.createdByAgency?.id ?? null,
        leadAgencyId: r.case.leadAgencyId,
      }),
    },
  };
}
