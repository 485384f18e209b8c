import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottle } from '../../db/schema';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type AttemptReservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failed attempts are counted per key ("u:<username>" for passwords, "t:<userId>" for second
 * factors) whether or not the account exists, so a lockout reveals nothing about existence.
 * The lock is temporary to keep an attacker from locking caseworkers out for good.
 *
 * An attempt is counted *before* the credential is checked, under a row lock: checking the lock
 * first and counting the failure afterwards let every guess sent in parallel pass the check, so the
 * limit did not hold. The reserved attempt stays counted unless `clearFailures` runs on success.
 */
export async function reserveAttempt(db: Db, key: string, now: Date): Promise<AttemptReservation> {
  return db.transaction(async (tx) => {
    // An upsert that touches the row both creates it and holds its lock until commit, in one
    // statement, so a concurrent `clearFailures` cannot delete it between "create" and "lock".
    const rows = await tx
      .insert(loginThrottle)
      .values({ key, failures: 0, windowStartedAt: now, lockedUntil: null })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { key: sql`excluded.key` } })
      .returning();
    const row = rows[0]!;
    if (row.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
      return { allowed: false, retryAfterSeconds: Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000) };
    }
    const windowExpired = now.getTime() - row.windowStartedAt.getTime() > FAILURE_WINDOW_MS;
    const failures = windowExpired || row.lockedUntil ? 1 : row.failures + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS) : null;
    await tx
      .update(loginThrottle)
      .set({
        failures: lockedUntil ? 0 : failures,
        windowStartedAt: failures === 1 || lockedUntil ? now : row.windowStartedAt,
        lockedUntil,
      })
      .where(eq(loginThrottle.key, key));
    return { allowed: true };
  });
}

export async function clearFailures(tx: Db, key: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
