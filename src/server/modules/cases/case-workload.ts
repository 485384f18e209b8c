import type { z } from 'zod';
import {
  casePhases,
  type CasePhase,
  type CaseWorkload,
  type caseWorkloadQuerySchema,
} from '../../../shared/contracts/cases';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { todayIn } from '../../../shared/domain/calendar-date';
import { workloadTaskCounts } from './case-tasks.repository';
import { agencyRefs, teamRef, workloadCounts, workloadStaff } from './cases.repository';

type PhaseCounts = Record<CasePhase, number>;
const zeroCounts = (): PhaseCounts => Object.fromEntries(casePhases.map((p) => [p, 0])) as PhaseCounts;
const openOf = (c: PhaseCounts) => casePhases.reduce((n, p) => (p === 'closure' ? n : n + c[p]), 0);

/**
 * The team lead's view of the workload: cases led by the own team (default, when the team lead
 * has a team) or by the whole agency, per phase and per lead case manager; per colleague also
 * the open tasks named to them and how many are overdue, and the agency's tasks that name no
 * colleague.
 */
export async function caseWorkload(
  db: Db,
  actor: Actor | null,
  query: z.infer<typeof caseWorkloadQuerySchema>,
  ctx: AuditContext,
): Promise<CaseWorkload> {
  const a = await check(db, actor, 'case.manage');
  const scope = query.scope ?? (a.teamId ? 'team' : 'agency');
  if (scope === 'team' && !a.teamId) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'scope',
          message: fieldMessage(
            'Sie gehören keinem Team an; bitte wählen Sie die Sicht auf die ganze Stelle.',
            'You belong to no team; please choose the view of the whole agency.',
          ),
        },
      ],
    });
  }
  const teamId = scope === 'team' ? a.teamId : null;
  const counts = await workloadCounts(db, { agencyId: a.agencyId, teamId, actor: a, now: ctx.now });
  const tasks = await workloadTaskCounts(
    db,
    { agencyId: a.agencyId, teamId, actor: a, now: ctx.now },
    todayIn(ctx.now),
  );
  const tasksOf = new Map(tasks.perUser.map((t) => [t.userId, t]));
  // Whoever leads cases or holds open tasks of the scope shows, even when no longer active.
  const leads = [...new Set([...counts.map((c) => c.leadUserId), ...tasks.perUser.map((t) => t.userId)])];
  const staff = await workloadStaff(db, { agencyId: a.agencyId, teamId }, leads);

  const byPhase = zeroCounts();
  const perUser = new Map<string, PhaseCounts>(staff.map((u) => [u.id, zeroCounts()]));
  for (const c of counts) {
    byPhase[c.phase] += c.n;
    const mine = perUser.get(c.leadUserId) ?? zeroCounts();
    mine[c.phase] += c.n;
    perUser.set(c.leadUserId, mine);
  }
  const agency = (await agencyRefs(db, [a.agencyId])).get(a.agencyId);
  const team = teamId ? ((await teamRef(db, teamId)) ?? null) : null;
  if (!agency) throw new AppError('NOT_FOUND');

  const result: CaseWorkload = {
    scope,
    agency,
    team,
    openCases: openOf(byPhase),
    byPhase,
    caseworkers: staff
      .map((u) => {
        const c = perUser.get(u.id) ?? zeroCounts();
        const t = tasksOf.get(u.id);
        return {
          user: { id: u.id, displayName: u.displayName, active: u.active },
          openCases: openOf(c),
          byPhase: c,
          openTasks: t?.open ?? 0,
          overdueTasks: t?.overdue ?? 0,
        };
      })
      // The busiest first: that is where a team lead looks for cases to reassign.
      .sort((x, y) => y.openCases - x.openCases || x.user.displayName.localeCompare(y.user.displayName, 'de')),
    unassignedTasks: tasks.unassigned,
  };
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { type: 'case.workload_viewed', subjectType: 'case', details: { scope } });
  });
  return result;
}
