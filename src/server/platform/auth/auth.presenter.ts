import type { Me } from '../../../shared/contracts/auth';
import type { AgencyKind, Role } from '../../../shared/contracts/common';
import { permissionsOf } from '../access/permissions';
import type { SessionInfo } from './sessions';
import type { findUserWithAgency } from './auth.repository';

type UserWithAgency = NonNullable<Awaited<ReturnType<typeof findUserWithAgency>>>;

export function presentMe(row: UserWithAgency, session: SessionInfo): Me {
  const roles = row.user.roles as Role[];
  return {
    user: {
      id: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      email: row.user.email,
      roles,
      totpEnrolled: row.user.totpEnrolledAt !== null,
      locale: row.user.locale === 'en' ? 'en' : 'de',
    },
    agency: { id: row.agency.id, name: row.agency.name, kind: row.agency.kind as AgencyKind },
    team: row.team ? { id: row.team.id, name: row.team.name } : null,
    session: {
      state: session.state,
      expiresAt: session.expiresAt.toISOString(),
      idleExpiresAt: session.idleExpiresAt.toISOString(),
      csrfToken: session.csrfToken,
    },
    permissions: session.state === 'complete' ? [...permissionsOf(roles)].sort() : [],
  };
}
