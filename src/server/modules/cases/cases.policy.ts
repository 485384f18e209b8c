import { hasPermission, registerScope } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { caseIdsLedByAgency, caseIdsVisibleTo } from './cases.repository';

/**
 * Record scope of cases:
 * - case.read / case.write: `caseVisibleTo` (case-scope.ts) at the request instant — the actor's
 *   agency is on the current team (a consent-based membership only while the consent is in force),
 *   narrowed by the caseworker scope. A case is invisible (404) to every other agency, to a former
 *   team agency after its membership ended, and to colleagues outside the scope;
 * - case.manage (team leads): cases led by the actor's agency.
 *
 * Within the team, steering the case — phase moves, reopening, title and household, team changes —
 * belongs to the lead agency (the Fallverantwortung); the other team agencies work on the case
 * (assessments, and later plans, tasks and notes) but get 403 for steering.
 */
export function registerCasePolicies(): void {
  const visible: Parameters<typeof registerScope>[1] = async (db, actor, ids) =>
    new Set(await caseIdsVisibleTo(db, actor, ids, actor.at));
  registerScope('case.read', visible);
  registerScope('case.write', visible);
  registerScope('case.manage', async (db, actor, ids) => new Set(await caseIdsLedByAgency(db, ids, actor.agencyId)));
}

/** Whether the actor's agency leads the case and the actor works on cases. */
export function steers(actor: Actor, leadAgencyId: string): boolean {
  return actor.agencyId === leadAgencyId && hasPermission(actor, 'case.write');
}

/** Whether the actor is a team lead of the agency that leads the case. */
export function mayReassign(actor: Actor, leadAgencyId: string): boolean {
  return actor.agencyId === leadAgencyId && hasPermission(actor, 'case.manage');
}

/** 403 for a team agency that is not the lead: it sees the case, so a 404 would be a lie. */
export function assertSteers(actor: Actor, leadAgencyId: string): void {
  if (!steers(actor, leadAgencyId)) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'id',
          message: fieldMessage(
            'Phase, Team und Stammdaten des Falls ändert nur die federführende Stelle.',
            'Only the lead agency changes the phase, team and details of the case.',
          ),
        },
      ],
    });
  }
}

export function assertMayReassign(actor: Actor, leadAgencyId: string): void {
  if (!mayReassign(actor, leadAgencyId)) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'id',
          message: fieldMessage(
            'Einen Fall neu zuweisen kann nur eine Teamleitung der federführenden Stelle.',
            'Only a team lead of the lead agency can reassign a case.',
          ),
        },
      ],
    });
  }
}
