import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottle } from '../../db/schema';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * Failed attempts are counted per key ("u:<username>" for passwords, "t:<userId>" for second
 * factors) whether or not the account exists, so a lockout reveals nothing about existence.
 * The lock is temporary to keep an attacker from locking caseworkers out for good.
 */
export async function isLocked(db: Db, key: string, now: Date): Promise<boolean> {
  const rows = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
  const lockedUntil = rows[0]?.lockedUntil;
  return !!lockedUntil && lockedUntil.getTime() > now.getTime();
}

/** Counts one failure; returns true when this failure locks the key. */
export async function recordFailure(tx: Db, key: string, now: Date): Promise<boolean> {
  const rows = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
  const row = rows[0];
  const windowExpired = !row || now.getTime() - row.windowStartedAt.getTime() > FAILURE_WINDOW_MS;
  const failures = windowExpired ? 1 : row.failures + 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS) : null;
  const values = {
    failures: lockedUntil ? 0 : failures,
    windowStartedAt: windowExpired || lockedUntil ? now : row.windowStartedAt,
    lockedUntil,
  };
  await tx
    .insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values });
  return lockedUntil !== null;
}

export async function clearFailures(tx: Db, key: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
