import { registerScope } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import type { Role } from '../../../shared/contracts/common';
import { existingAgencyIds } from '../agencies/agencies.repository';
import { userIdsInScope } from './users.repository';

/** The agency an actor administers users of, or null for every agency (system administrator). */
export function userAdminScope(actor: Actor): string | null {
  return actor.roles.includes('system_admin') ? null : actor.agencyId;
}

/**
 * Roles whose reach goes beyond one agency: the system administrator's, the data protection
 * officer's (the whole audit log) and steering's (reports over all agencies).
 */
const MUNICIPALITY_WIDE_ROLES: readonly Role[] = ['system_admin', 'data_protection_officer', 'steering'];

/**
 * Roles an actor may hand out. An agency administrator's scope is their agency, so they hand out
 * only agency roles; otherwise they could make themselves or a colleague a data protection officer
 * and read every agency's audit trail. Municipality-wide roles come from a system administrator.
 */
export function assignableRoles(actor: Actor): readonly Role[] {
  const all: Role[] = ['caseworker', 'team_lead', 'agency_admin', 'data_protection_officer', 'steering', 'system_admin'];
  return actor.roles.includes('system_admin') ? all : all.filter((r) => !MUNICIPALITY_WIDE_ROLES.includes(r));
}

export function registerUserPolicies(): void {
  const usersInScope = async (db: Parameters<Parameters<typeof registerScope>[1]>[0], actor: Actor, ids: readonly string[]) =>
    new Set(await userIdsInScope(db, ids, userAdminScope(actor) ?? undefined));
  registerScope('user.read', usersInScope);
  registerScope('user.manage', usersInScope);
  registerScope('user.create', async (db, actor, agencyIds) => {
    const scope = userAdminScope(actor);
    const existing = await existingAgencyIds(db, agencyIds);
    return new Set(scope ? existing.filter((id) => id === scope) : existing);
  });
}
