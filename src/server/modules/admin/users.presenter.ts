import type { User } from '../../../shared/contracts/users';
import type { Role } from '../../../shared/contracts/common';
import type { UserListRow } from './users.repository';

/** Whitelists what an administrator sees of a staff account: never hashes or secrets. */
export function presentUser(row: UserListRow): User {
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    email: row.user.email,
    agency: { id: row.agency.id, name: row.agency.name },
    team: row.team ? { id: row.team.id, name: row.team.name } : null,
    roles: row.user.roles as Role[],
    active: row.user.active,
    totpEnrolled: row.user.totpEnrolledAt !== null,
    authSource: row.user.oidcSubject ? 'oidc' : 'local',
    lastLoginAt: row.user.lastLoginAt?.toISOString() ?? null,
    createdAt: row.user.createdAt.toISOString(),
  };
}
