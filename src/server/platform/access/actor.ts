import type { AgencyKind, Role } from '../../../shared/contracts/common';
import type { SessionState } from '../../../shared/contracts/auth';

/** The authenticated caller of a use case. Built by the session layer, never from request input. */
export type Actor = {
  userId: string;
  username: string;
  agencyId: string;
  agencyKind: AgencyKind;
  teamId: string | null;
  roles: Role[];
  sessionState: SessionState;
  /**
   * The instant of the request the actor acts in (the app clock). Consents, transfers and
   * break-glass grants are decided at this instant, so access ends with the very next request.
   */
  at: Date;
};
