import { registerScope } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { personIdsInAgency, personIdsVisibleToAgency } from './people.repository';

/**
 * The agency whose view of people an actor has: the actor's own agency. What that agency sees is
 * decided in one place, `personVisibleToAgency` (person-scope.ts): the people it registered and
 * the people on whose case team it currently is.
 */
export function personScopeAgency(actor: Actor): string {
  return actor.agencyId;
}

/**
 * Reading follows visibility (registered by the agency, or the agency is on a case team of the
 * person). Changing the master data stays with the registering agency: each agency is its own
 * controller, and a case team member works on the case, not on another agency's register entry.
 */
export function registerPeoplePolicies(): void {
  registerScope(
    'person.read',
    async (db, actor, ids) => new Set(await personIdsVisibleToAgency(db, ids, personScopeAgency(actor))),
  );
  registerScope(
    'person.write',
    async (db, actor, ids) => new Set(await personIdsInAgency(db, ids, personScopeAgency(actor))),
  );
}
