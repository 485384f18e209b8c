import type { Me } from '../../../shared/contracts/auth';
import type { AgencyKind, Role } from '../../../shared/contracts/common';
import { permissionsOf } from '../access/permissions';
import type { SessionInfo } from './sessions';
import type { findUserWithAgency } from './auth.repository';

type UserWithAgency = NonNullable<Awaited<ReturnType<typeof findUserWithAgency>>>;

/**
 * The signed-in user as the client sees it. Until the second factor is done, someone who only
 * knows the password learns no more than the name they typed and the step that comes next.
 */
export function presentMe(row: UserWithAgency, session: SessionInfo): Me {
  const complete = session.state === 'complete';
  const roles = row.user.roles as Role[];
  return {
    user: {
      id: row.user.id,
      username: row.user.username,
      displayName: complete ? row.user.displayName : row.user.username,
      email: complete ? row.user.email : null,
      roles: complete ? roles : [],
      totpEnrolled: row.user.totpEnrolledAt !== null,
      locale: row.user.locale === 'en' ? 'en' : 'de',
      authSource: row.user.oidcSubject ? 'oidc' : 'local',
    },
    agency: { id: row.agency.id, name: complete ? row.agency.name : '', kind: row.agency.kind as AgencyKind },
    team: complete && row.team ? { id: row.team.id, name: row.team.name } : null,
    session: {
      state: session.state,
      expiresAt: session.expiresAt.toISOString(),
      idleExpiresAt: session.idleExpiresAt.toISOString(),
      csrfToken: session.csrfToken,
    },
    permissions: session.state === 'complete' ? [...permissionsOf(roles)].sort() : [],
  };
}
