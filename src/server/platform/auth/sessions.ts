import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, sessions, users } from '../../db/schema';
import type { SessionState } from '../../../shared/contracts/auth';
import type { AgencyKind, Role } from '../../../shared/contracts/common';
import type { Actor } from '../access/actor';
import { randomToken, sha256 } from './tokens';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 10 * 60 * 60 * 1000;
/** A session waiting for its second factor lives briefly. */
export const SESSION_PENDING_MS = 10 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionInfo = {
  tokenHash: string;
  state: SessionState;
  csrfToken: string;
  expiresAt: Date;
  idleExpiresAt: Date;
};

export async function createSession(
  tx: Db,
  input: { userId: string; state: SessionState; method: 'password' | 'oidc'; now: Date; ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionInfo }> {
  const token = randomToken();
  const tokenHash = sha256(token);
  const csrfToken = randomToken(24);
  const lifetime = input.state === 'complete' ? SESSION_ABSOLUTE_MS : SESSION_PENDING_MS;
  const expiresAt = new Date(input.now.getTime() + lifetime);
  await tx.insert(sessions).values({
    tokenHash,
    userId: input.userId,
    state: input.state,
    csrfToken,
    authMethod: input.method,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return {
    token,
    session: { tokenHash, state: input.state, csrfToken, expiresAt, idleExpiresAt: idleEnd(input.now, expiresAt) },
  };
}

function idleEnd(lastSeen: Date, expiresAt: Date): Date {
  return new Date(Math.min(lastSeen.getTime() + SESSION_IDLE_MS, expiresAt.getTime()));
}

/**
 * Resolves a session cookie to the actor. Expired (idle or absolute), revoked sessions and
 * inactive users yield null. Renews the idle window.
 */
export async function loadSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ actor: Actor; session: SessionInfo } | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = sha256(token);
  const rows = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        agencyId: users.agencyId,
        teamId: users.teamId,
        roles: users.roles,
        active: users.active,
      },
      agencyKind: agencies.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row || row.session.revokedAt || !row.user.active) return null;
  const t = now.getTime();
  if (t >= row.session.expiresAt.getTime()) return null;
  if (t - row.session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return null;
  let lastSeen = row.session.lastSeenAt;
  if (t - lastSeen.getTime() >= TOUCH_INTERVAL_MS) {
    lastSeen = now;
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const state = row.session.state as SessionState;
  return {
    actor: {
      userId: row.user.id,
      username: row.user.username,
      agencyId: row.user.agencyId,
      agencyKind: row.agencyKind as AgencyKind,
      teamId: row.user.teamId,
      roles: row.user.roles as Role[],
      sessionState: state,
      at: now,
    },
    session: {
      tokenHash,
      state,
      csrfToken: row.session.csrfToken,
      expiresAt: row.session.expiresAt,
      idleExpiresAt: idleEnd(lastSeen, row.session.expiresAt),
    },
  };
}

export async function revokeSession(tx: Db, tokenHash: string, reason: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Ends every open session of a user (password change, deactivation, role change). Returns how many. */
export async function revokeUserSessions(
  tx: Db,
  userId: string,
  reason: string,
  now: Date,
  exceptTokenHash?: string,
): Promise<number> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (exceptTokenHash) conditions.push(ne(sessions.tokenHash, exceptTokenHash));
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(...conditions))
    .returning({ tokenHash: sessions.tokenHash });
  return revoked.length;
}
