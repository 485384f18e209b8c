import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { purgeRuns } from '../../db/schema';
import type { AppDeps } from '../../platform/http/app-deps';
import { runRetentionPurge } from './retention-purge';

/** How often the schedule looks whether a run is due. */
const CHECK_EVERY_MS = 15 * 60 * 1000;

/**
 * Runs the purge job every `LOTSE_PURGE_INTERVAL_HOURS` (default 24; 0 turns it off, and tests have
 * it off unless they set the variable). A run is due one interval after the last real run (dry runs
 * do not count), or one interval after start when there was none — so restarts neither skip nor
 * repeat runs, and a freshly started demo is not purged minutes after start. The run is the
 * system's: no actor, `triggered_by` null. The timer stops when the app closes; a run in progress
 * is awaited.
 */
export function startRetentionSchedule(app: FastifyInstance, deps: AppDeps): void {
  const hours = deps.config.purgeIntervalHours;
  if (hours <= 0) return;
  const intervalMs = hours * 3600 * 1000;
  const startedAt = deps.now();
  let stopped = false;
  let current: Promise<unknown> | null = null;

  const lastRealRun = async (): Promise<Date | null> => {
    const rows = await deps.db
      .select({ startedAt: purgeRuns.startedAt })
      .from(purgeRuns)
      .where(eq(purgeRuns.dryRun, false))
      .orderBy(desc(purgeRuns.startedAt))
      .limit(1);
    return rows[0]?.startedAt ?? null;
  };

  const tick = () => {
    if (stopped || current) return;
    current = (async () => {
      const now = deps.now();
      const last = (await lastRealRun()) ?? startedAt;
      if (now.getTime() - last.getTime() < intervalMs) return;
      const result = await runRetentionPurge(deps.db, {
        dryRun: false,
        triggeredBy: null,
        ctx: { actor: null, ip: null, requestId: null, now },
      });
      app.log.info({ runId: result.runId, counts: result.counts }, 'retention purge run finished');
    })()
      .catch((err: unknown) => app.log.error({ err }, 'retention purge run failed'))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, Math.min(CHECK_EVERY_MS, intervalMs));
  timer.unref();
  app.addHook('onClose', async () => {
    stopped = true;
    clearInterval(timer);
    if (current) await current;
  });
}
