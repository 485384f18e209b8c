import { registerScope } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { personIdsVisibleTo } from '../../platform/access/person-access';
import { personIdsRegisteredBy } from './people.repository';

/**
 * The agency that keeps what an actor registers (people, households): the actor's own agency.
 * What an actor sees is decided in one place, `personVisibleTo` (platform/access/person-access.ts).
 */
export function personScopeAgency(actor: Actor): string {
  return actor.agencyId;
}

/**
 * Reading follows the decision function (registered, case team, consent, transfer, break-glass).
 * Changing the master data stays with the registering agency (within the actor's scope): each
 * agency is its own controller, and a case team member works on the case, not on another agency's
 * register entry.
 */
export function registerPeoplePolicies(): void {
  registerScope('person.read', async (db, actor, ids) => new Set(await personIdsVisibleTo(db, actor, ids, actor.at)));
  registerScope('person.write', async (db, actor, ids) => new Set(await personIdsRegisteredBy(db, ids, actor)));
}
