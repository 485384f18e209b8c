import { registerScope } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { personIdsInAgency } from './people.repository';

/**
 * The agency whose people an actor may see. Until the data-protection rules for sharing between
 * agencies are decided, a person is visible only to the agency that registered them.
 */
export function personScopeAgency(actor: Actor): string {
  return actor.agencyId;
}

export function registerPeoplePolicies(): void {
  const peopleInScope: Parameters<typeof registerScope>[1] = async (db, actor, ids) =>
    new Set(await personIdsInAgency(db, ids, personScopeAgency(actor)));
  registerScope('person.read', peopleInScope);
  registerScope('person.write', peopleInScope);
}
