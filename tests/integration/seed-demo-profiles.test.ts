import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceProfiles, referrals } from '../../src/server/db/schema';
import { seedDemoMeasures } from '../../src/server/db/seed-demo-measures';
import { seedDemoPeople } from '../../src/server/db/seed-demo-people';
import { hasProfiles, seedDemoProfiles, type SeedDemoProfilesSummary } from '../../src/server/db/seed-demo-profiles';
import { buildFunnel } from '../../src/server/modules/reports/funnel.service';
import type { FunnelReport } from '../../src/shared/contracts/funnel';
import { createTestApp, engine, type TestApp } from '../support/test-app';

// Seeded in Q4 2026: the first cohort is Q1 2026, the second the last full quarter (Q3 2026).
const NOW = new Date('2026-11-24T10:00:00Z');

describe(`demo profiles: the interview's first cohort (${engine})`, () => {
  let t: TestApp;
  let summary: SeedDemoProfilesSummary;
  const counts = (r: FunnelReport) =>
    Object.fromEntries(r.steps.map((s) => [s.key, s.cell.count ?? s.cell.suppressed]));

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoPeople(t.database.db, { now: NOW });
    await seedDemoMeasures(t.database.db, { now: NOW });
    expect(await hasProfiles(t.database.db)).toBe(false);
    summary = await seedDemoProfiles(t.database.db, { now: NOW });
  });
  afterAll(async () => t.close());

  it('reproduces 100 profiled → about 30 meeting the criteria → 15 referred → 3 started, through the funnel', async () => {
    expect(summary.cohorts[0]).toMatchObject({ from: '2026-01-01', to: '2026-03-31', profiled: 100, referred: 15 });
    const r = await buildFunnel(t.database.db, { from: '2026-01-01', to: '2026-03-31' }, NOW);
    const c = counts(r);
    expect(c.profiled).toBe(100);
    expect(c.meets_criteria).toBeGreaterThanOrEqual(28);
    expect(c.meets_criteria).toBeLessThanOrEqual(32);
    expect(c.referred).toBe(15);
    expect(c.accepted).toBe(5);
    // 3 started, 2 completed: counts under 5 are shown as "< 5" only.
    expect(c.started).toBe('small');
    expect(c.completed).toBe('small');
    expect(c.in_work_6m).toBe(6);
    expect(c.in_work_12m).toBe(0);
    expect(r.steps.find((s) => s.key === 'in_work_12m')!.reasons.map((x) => x.code)).toEqual(['not_due']);
    // The rejection reasons are there; the 5 without a place is shown, the small ones suppressed.
    const accepted = r.steps.find((s) => s.key === 'accepted')!;
    expect(accepted.reasons.find((x) => x.code === 'rejected:no_places')?.count).toBe(5);
    expect(accepted.reasons.filter((x) => x.count === null).length).toBeGreaterThanOrEqual(2);
    // And the true numbers behind the suppressed cells, straight from the tables.
    const started = await t.database.db.select({ n: count() }).from(referrals).where(isNotNull(referrals.startedOn));
    expect(Number(started[0]!.n)).toBe(3 + 2); // first cohort 3, second cohort 2
  });

  it('has a second, smaller cohort in the last full quarter, the default view', async () => {
    const r = await buildFunnel(t.database.db, {}, NOW);
    expect(r).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(counts(r)).toMatchObject({ profiled: 40, meets_criteria: 14, referred: 8 });
  });

  it('is deterministic and seeds only once', async () => {
    const other = await createTestApp();
    try {
      await seedDemoPeople(other.database.db, { now: NOW });
      await seedDemoMeasures(other.database.db, { now: NOW });
      expect(await seedDemoProfiles(other.database.db, { now: NOW })).toEqual(summary);
      const a = await buildFunnel(other.database.db, { from: '2026-01-01', to: '2026-03-31' }, NOW);
      const b = await buildFunnel(t.database.db, { from: '2026-01-01', to: '2026-03-31' }, NOW);
      expect(a.steps).toEqual(b.steps);
    } finally {
      await other.close();
    }
    const rows = await t.database.db
      .select({ n: count() })
      .from(competenceProfiles)
      .where(eq(competenceProfiles.profiledOn, competenceProfiles.profiledOn));
    expect(Number(rows[0]!.n)).toBe(140);
    expect(await hasProfiles(t.database.db)).toBe(true);
  });
});
