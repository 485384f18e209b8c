import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import type { Permission } from '../../platform/access/permissions';
import { AppError } from '../../platform/errors/app-error';
import { householdCategory } from '../../../shared/domain/data-protection/field-groups';
import { assertMatrixCategory } from '../../platform/access/person-access';
import { householdIdsInAgency, memberPersonIds } from './households.repository';
import { personScopeAgency } from './people.policy';

/**
 * The agency whose households an actor may open: its own. A household stays with the agency that
 * keeps it even when another agency sees one of its members through a case team — the case team
 * sees the person, not the person's household at another agency.
 */
export function householdScopeAgency(actor: Actor): string {
  return personScopeAgency(actor);
}

/**
 * The access check for a household, run first by every household use case. A household carries
 * no permission of its own: it is case content about people, so `person.read` / `person.write`
 * apply. It is visible to the agency that keeps it, and only while every person who is or was a
 * member is in the actor's scope — a household must not show members the actor may not see.
 * Anything else, or a household that does not exist, is NOT_FOUND (existence is never revealed).
 *
 * The scope registry of the access checker is keyed by permission (person.* resolve person ids),
 * so the household's own scope is checked here and the members go through `check` itself.
 */
export async function checkHousehold(
  db: Db,
  actor: Actor | null,
  permission: Extract<Permission, 'person.read' | 'person.write'>,
  householdId: string,
): Promise<Actor> {
  const a = await check(db, actor, permission);
  // Households are family data: an agency whose kind may not see the category keeps none.
  await assertMatrixCategory(db, a, householdCategory);
  const visible = await householdIdsInAgency(db, [householdId], householdScopeAgency(a));
  if (!visible.includes(householdId)) throw new AppError('NOT_FOUND');
  const members = await memberPersonIds(db, householdId);
  if (members.length > 0) await check(db, a, permission, members);
  return a;
}
