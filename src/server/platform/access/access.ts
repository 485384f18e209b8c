import type { Db } from '../../db/client';
import { AppError } from '../errors/app-error';
import type { Actor } from './actor';
import { permissionsOf, type Permission } from './permissions';

/**
 * Resolves which of the requested resource ids the actor may use with a permission.
 * Modules register one resolver per record-scoped permission in their `*.policy.ts`.
 */
export type ScopeResolver = (db: Db, actor: Actor, ids: readonly string[]) => Promise<Set<string>>;

const resolvers = new Map<Permission, ScopeResolver>();

export function registerScope(permission: Permission, resolver: ScopeResolver): void {
  if (resolvers.has(permission)) throw new Error(`scope for ${permission} registered twice`);
  resolvers.set(permission, resolver);
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.sessionState === 'complete' && permissionsOf(actor.roles).has(permission);
}

/**
 * The one access check, called first by every use case. Deny by default:
 * - no complete session → UNAUTHENTICATED;
 * - the roles lack the permission → FORBIDDEN;
 * - a resource id outside the actor's scope, or one that does not exist → NOT_FOUND, so that
 *   the answer never reveals whether a record the actor may not see exists.
 * A permission checked with ids but without a registered scope resolver denies.
 */
export async function check(
  db: Db,
  actor: Actor | null,
  permission: Permission,
  resourceIds: readonly string[] = [],
): Promise<Actor> {
  if (!actor || actor.sessionState !== 'complete') throw new AppError('UNAUTHENTICATED');
  if (!permissionsOf(actor.roles).has(permission)) throw new AppError('FORBIDDEN');
  if (resourceIds.length === 0) return actor;
  const resolver = resolvers.get(permission);
  if (!resolver) throw new AppError('NOT_FOUND');
  const allowed = await resolver(db, actor, resourceIds);
  for (const id of resourceIds) if (!allowed.has(id)) throw new AppError('NOT_FOUND');
  return actor;
}
