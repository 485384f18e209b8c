import type { Me, SessionState } from '../../../shared/contracts/auth';
import { rolesRequiringTotp, type Role } from '../../../shared/contracts/common';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { recordAudit, type AuditContext } from '../audit/audit-log';
import { AppError } from '../errors/app-error';
import {
  claimTotpStep,
  consumeRecoveryCode,
  findUserById,
  findUserByUsername,
  findUserWithAgency,
  replaceRecoveryCodes,
  updateUser,
  type UserRow,
} from './auth.repository';
import { presentMe } from './auth.presenter';
import { clearFailures, reserveAttempt } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { createSession, revokeSession, revokeUserSessions, type SessionInfo } from './sessions';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp';

export type RequestMeta = { ctx: AuditContext; userAgent: string | null };
export type NewSession = { token: string; session: SessionInfo };

const asActor = (user: UserRow) => ({
  userId: user.id,
  username: user.username,
  agencyId: user.agencyId,
  roles: user.roles,
});

/** The state a fresh sign-in starts in: second factor if enrolled; enrolment if the roles demand one. */
export function initialSessionState(user: Pick<UserRow, 'totpEnrolledAt' | 'roles'>): SessionState {
  if (user.totpEnrolledAt) return 'totp_pending';
  if ((user.roles as Role[]).some((r) => rolesRequiringTotp.includes(r))) return 'totp_enrolment_required';
  return 'complete';
}

export async function loadMe(db: Db, userId: string, session: SessionInfo): Promise<Me> {
  const row = await findUserWithAgency(db, userId);
  if (!row) throw new AppError('UNAUTHENTICATED');
  return presentMe(row, session);
}

/**
 * Password sign-in. Unknown user, wrong password and inactive account all answer the same
 * INVALID_CREDENTIALS after the same work; failures are counted and audited before answering.
 */
export async function login(
  db: Db,
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<NewSession & { me: Me | null }> {
  const username = input.username.trim().toLowerCase().slice(0, 64);
  const key = `u:${username}`;
  const now = meta.ctx.now;
  const attempt = await reserveAttempt(db, key, now);
  if (!attempt.allowed) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, meta.ctx, {
        type: 'auth.login.failed',
        outcome: 'denied',
        details: { username, reason: 'locked' },
      });
    });
    throw new AppError('LOGIN_LOCKED', { retryAfterSeconds: attempt.retryAfterSeconds });
  }
  const user = await findUserByUsername(db, username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || !user.active) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, meta.ctx, {
        type: 'auth.login.failed',
        outcome: 'failure',
        subjectType: user ? 'user' : undefined,
        subjectId: user?.id,
        details: { username, reason: user && passwordOk ? 'inactive' : 'invalid_credentials' },
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const state = initialSessionState(user);
  const created = await db.transaction(async (tx) => {
    await clearFailures(tx, key);
    const s = await createSession(tx, {
      userId: user.id,
      state,
      method: 'password',
      now,
      ip: meta.ctx.ip,
      userAgent: meta.userAgent,
    });
    if (state === 'complete') await updateUser(tx, user.id, { lastLoginAt: now });
    await recordAudit(tx, { ...meta.ctx, actor: asActor(user) }, {
      type: 'auth.login.succeeded',
      subjectType: 'user',
      subjectId: user.id,
      details: { method: 'password', sessionState: state },
    });
    return s;
  });
  const me = state === 'complete' ? await loadMe(db, user.id, created.session) : null;
  return { ...created, me };
}

/** Completes a pending sign-in with a TOTP code or a recovery code; the session token is rotated. */
export async function verifySecondFactor(
  db: Db,
  actor: Actor,
  session: SessionInfo,
  input: { code?: string; recoveryCode?: string },
  meta: RequestMeta,
): Promise<NewSession & { me: Me }> {
  if (!input.code === !input.recoveryCode) throw new AppError('VALIDATION_FAILED');
  const now = meta.ctx.now;
  const key = `t:${actor.userId}`;
  const user = await findUserById(db, actor.userId);
  if (!user?.totpSecret) throw new AppError('UNAUTHENTICATED');
  const method = input.code ? 'totp' : 'recovery_code';
  const attempt = await reserveAttempt(db, key, now);
  if (!attempt.allowed) {
    await db.transaction(async (tx) => {
      await revokeSession(tx, session.tokenHash, 'second_factor_locked', now);
      await recordAudit(tx, meta.ctx, {
        type: 'auth.second_factor.failed',
        outcome: 'denied',
        subjectType: 'user',
        subjectId: user.id,
        details: { method },
      });
    });
    throw new AppError('LOGIN_LOCKED', { retryAfterSeconds: attempt.retryAfterSeconds });
  }
  const step = input.code ? await verifyTotp(user.totpSecret, input.code, user.totpLastStep, now) : null;
  const result = await db.transaction(async (tx) => {
    const ok = input.code
      ? step !== null && (await claimTotpStep(tx, user.id, step))
      : await consumeRecoveryCode(tx, user.id, hashRecoveryCode(input.recoveryCode ?? ''), now);
    if (!ok) return null;
    await clearFailures(tx, key);
    await revokeSession(tx, session.tokenHash, 'second_factor_completed', now);
    const s = await createSession(tx, {
      userId: user.id,
      state: 'complete',
      method: 'password',
      now,
      ip: meta.ctx.ip,
      userAgent: meta.userAgent,
    });
    await updateUser(tx, user.id, { lastLoginAt: now });
    await recordAudit(tx, meta.ctx, {
      type: 'auth.second_factor.verified',
      subjectType: 'user',
      subjectId: user.id,
      details: { method },
    });
    return s;
  });
  if (!result) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, meta.ctx, {
        type: 'auth.second_factor.failed',
        outcome: 'failure',
        subjectType: 'user',
        subjectId: user.id,
        details: { method },
      });
    });
    throw new AppError('INVALID_SECOND_FACTOR');
  }
  return { ...result, me: await loadMe(db, user.id, result.session) };
}

/** Proposes a new TOTP secret; it takes effect only when confirmed with a valid code. */
export async function startTotpEnrolment(db: Db, actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.totpEnrolledAt) throw new AppError('CONFLICT');
  const secret = newTotpSecret();
  await updateUser(db, user.id, { totpPendingSecret: secret });
  return { secret, otpauthUrl: totpUri(secret, user.username) };
}

/**
 * Confirms enrolment with the first code and hands out recovery codes (shown once, stored hashed).
 * A session that was waiting for enrolment becomes complete under a new token.
 */
export async function confirmTotpEnrolment(
  db: Db,
  actor: Actor,
  session: SessionInfo,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[]; rotated: NewSession | null }> {
  const now = meta.ctx.now;
  const user = await findUserById(db, actor.userId);
  if (!user?.totpPendingSecret || user.totpEnrolledAt) throw new AppError('CONFLICT');
  const step = await verifyTotp(user.totpPendingSecret, code, null, now);
  if (step === null) throw new AppError('INVALID_SECOND_FACTOR');
  const codes = newRecoveryCodes();
  const rotated = await db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpEnrolledAt: now,
      totpLastStep: step,
      updatedAt: now,
    });
    await replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode), now);
    let next: NewSession | null = null;
    if (session.state === 'totp_enrolment_required') {
      await revokeSession(tx, session.tokenHash, 'second_factor_enrolled', now);
      next = await createSession(tx, {
        userId: user.id,
        state: 'complete',
        method: 'password',
        now,
        ip: meta.ctx.ip,
        userAgent: meta.userAgent,
      });
      await updateUser(tx, user.id, { lastLoginAt: now });
    }
    await recordAudit(tx, meta.ctx, {
      type: 'auth.totp.enrolled',
      subjectType: 'user',
      subjectId: user.id,
      details: { recoveryCodes: codes.length },
    });
    return next;
  });
  return { recoveryCodes: codes, rotated };
}

export async function logout(db: Db, session: SessionInfo, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, session.tokenHash, 'logout', meta.ctx.now);
    await recordAudit(tx, meta.ctx, {
      type: 'auth.logout',
      subjectType: 'user',
      subjectId: meta.ctx.actor?.userId,
      details: {},
    });
  });
}

/** Changing the password ends every session of the user, this one included. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const now = meta.ctx.now;
  // A stolen session must not become a way to guess the password: the same lockout applies.
  const key = `p:${actor.userId}`;
  const attempt = await reserveAttempt(db, key, now);
  if (!attempt.allowed) throw new AppError('LOGIN_LOCKED', { retryAfterSeconds: attempt.retryAfterSeconds });
  const user = await findUserById(db, actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await clearFailures(tx, key);
    await updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, updatedAt: now });
    const sessionsRevoked = await revokeUserSessions(tx, user.id, 'password_changed', now);
    await recordAudit(tx, meta.ctx, {
      type: 'auth.password.changed',
      subjectType: 'user',
      subjectId: user.id,
      details: { sessionsRevoked },
    });
  });
}

export async function setLocale(db: Db, actor: Actor, locale: 'de' | 'en'): Promise<void> {
  await updateUser(db, actor.userId, { locale });
}
