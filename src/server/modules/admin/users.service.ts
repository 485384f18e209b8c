import type { z } from 'zod';
import type { Role } from '../../../shared/contracts/common';
import type {
  User,
  userCreateRequestSchema,
  userListQuerySchema,
  userUpdateRequestSchema,
} from '../../../shared/contracts/users';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { hashPassword } from '../../platform/auth/password';
import { revokeUserSessions } from '../../platform/auth/sessions';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { updateUser } from '../../platform/auth/auth.repository';
import { presentUser } from './users.presenter';
import { assignableRoles, userAdminScope } from './users.policy';
import { findUserRow, insertUser, listUsers, teamBelongsTo, usernameTaken } from './users.repository';


function assertRolesAssignable(actor: Actor, roles: readonly Role[]): void {
  const allowed = assignableRoles(actor);
  const forbidden = roles.filter((r) => !allowed.includes(r));
  if (forbidden.length > 0) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [{ path: 'roles', message: fieldMessage('Diese Rolle dürfen Sie nicht vergeben.', 'You may not assign this role.') }],
    });
  }
}

export async function searchUsers(
  db: Db,
  actor: Actor | null,
  query: z.infer<typeof userListQuerySchema>,
): Promise<{ items: User[]; page: { page: number; pageSize: number; total: number } }> {
  const a = await check(db, actor, 'user.read');
  const { rows, total } = await listUsers(db, {
    q: query.q || undefined,
    agencyId: query.agencyId,
    active: query.active === undefined ? undefined : query.active === 'true',
    scopeAgencyId: userAdminScope(a) ?? undefined,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(presentUser), page: { page: query.page, pageSize: query.pageSize, total } };
}

export async function getUser(db: Db, actor: Actor | null, id: string): Promise<User> {
  await check(db, actor, 'user.read', [id]);
  const row = await findUserRow(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentUser(row);
}

export async function createUser(
  db: Db,
  actor: Actor | null,
  input: z.infer<typeof userCreateRequestSchema>,
  ctx: AuditContext,
): Promise<User> {
  const a = await check(db, actor, 'user.create', [input.agencyId]);
  assertRolesAssignable(a, input.roles);
  const errors: FieldError[] = [];
  if (await usernameTaken(db, input.username)) {
    errors.push({ path: 'username', message: fieldMessage('Dieser Benutzername ist bereits vergeben.', 'This username is taken.') });
  }
  if (input.teamId && !(await teamBelongsTo(db, input.teamId, input.agencyId))) {
    errors.push({ path: 'teamId', message: fieldMessage('Das Team gehört nicht zu dieser Behörde.', 'The team does not belong to this agency.') });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
  const passwordHash = await hashPassword(input.initialPassword);
  const id = await db.transaction(async (tx) => {
    const userId = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      agencyId: input.agencyId,
      teamId: input.teamId,
      roles: [...new Set(input.roles)],
      passwordHash,
      passwordChangedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      type: 'user.created',
      subjectType: 'user',
      subjectId: userId,
      details: { username: input.username, agencyId: input.agencyId, roles: [...new Set(input.roles)] },
    });
    return userId;
  });
  return getUser(db, a, id);
}

/**
 * An administrator manages only accounts whose roles they could have handed out: an agency
 * administrator who could reset the password of a system administrator or a data protection
 * officer in their agency could take over that account and its reach.
 */
async function loadManageable(db: Db, actor: Actor | null, id: string) {
  const a = await check(db, actor, 'user.manage', [id]);
  const row = await findUserRow(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const allowed = assignableRoles(a);
  if (row.user.roles.some((r) => !allowed.includes(r as Role))) throw new AppError('FORBIDDEN');
  return { a, row };
}

export async function changeUser(
  db: Db,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof userUpdateRequestSchema>,
  ctx: AuditContext,
): Promise<User> {
  const { a, row } = await loadManageable(db, actor, id);
  const fields = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  if (fields.length === 0) throw new AppError('VALIDATION_FAILED');
  if (input.roles) assertRolesAssignable(a, input.roles);
  if (id === a.userId && (input.active === false || (input.roles && !input.roles.some((r) => a.roles.includes(r) && ['system_admin', 'agency_admin'].includes(r))))) {
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: input.active === false ? 'active' : 'roles',
          message: fieldMessage(
            'Sie können Ihr eigenes Konto nicht deaktivieren oder sich die Administrationsrolle nehmen.',
            'You cannot deactivate your own account or remove your own administrator role.',
          ),
        },
      ],
    });
  }
  if (input.teamId && !(await teamBelongsTo(db, input.teamId, row.user.agencyId))) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [{ path: 'teamId', message: fieldMessage('Das Team gehört nicht zu dieser Behörde.', 'The team does not belong to this agency.') }],
    });
  }
  const roles = input.roles ? [...new Set(input.roles)] : undefined;
  const rolesChanged = roles !== undefined && [...roles].sort().join(',') !== [...row.user.roles].sort().join(',');
  const deactivated = input.active === false && row.user.active;
  await db.transaction(async (tx) => {
    await updateUser(tx, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
      ...(roles !== undefined ? { roles } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: ctx.now,
    });
    const sessionsRevoked =
      rolesChanged || deactivated
        ? await revokeUserSessions(tx, id, deactivated ? 'deactivated' : 'roles_changed', ctx.now)
        : 0;
    await recordAudit(tx, ctx, {
      type: 'user.updated',
      subjectType: 'user',
      subjectId: id,
      details: { fields, roles, active: input.active, sessionsRevoked },
    });
  });
  return getUser(db, a, id);
}

export async function resetPassword(
  db: Db,
  actor: Actor | null,
  id: string,
  newPassword: string,
  ctx: AuditContext,
): Promise<void> {
  await loadManageable(db, actor, id);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await updateUser(tx, id, { passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now });
    const sessionsRevoked = await revokeUserSessions(tx, id, 'password_reset', ctx.now);
    await recordAudit(tx, ctx, { type: 'user.password_reset', subjectType: 'user', subjectId: id, details: { sessionsRevoked } });
  });
}

/** Removes a lost second factor; a user whose roles require one must enrol again at next sign-in. */
export async function resetSecondFactor(db: Db, actor: Actor | null, id: string, ctx: AuditContext): Promise<void> {
  await loadManageable(db, actor, id);
  await db.transaction(async (tx) => {
    await updateUser(tx, id, {
      totpSecret: null,
      totpPendingSecret: null,
      totpEnrolledAt: null,
      totpLastStep: null,
      updatedAt: ctx.now,
    });
    const sessionsRevoked = await revokeUserSessions(tx, id, 'second_factor_reset', ctx.now);
    await recordAudit(tx, ctx, { type: 'user.totp_reset', subjectType: 'user', subjectId: id, details: { sessionsRevoked } });
  });
}
