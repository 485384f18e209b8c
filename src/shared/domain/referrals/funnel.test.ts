import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageBandOf,
  computeFunnel,
  furthestReferral,
  lastFullQuarter,
  nationalityGroupOf,
  quarterOf,
  type FunnelPersonRow,
  type FunnelReferral,
  type FunnelStep,
} from './funnel';

const person = (over: Partial<FunnelPersonRow> = {}): FunnelPersonRow => ({
  criteriaOutcome: 'not_met',
  referrals: [],
  inWorkAfter6Months: false,
  inWorkAfter12Months: null,
  ...over,
});
const ref = (status: FunnelReferral['status'], rejectionReasonCode: string | null = null): FunnelReferral => ({
  status,
  rejectionReasonCode,
});
const times = (n: number, row: FunnelPersonRow): FunnelPersonRow[] => Array.from({ length: n }, () => row);
const step = (steps: FunnelStep[], key: FunnelStep['key']) => steps.find((s) => s.key === key)!;
const reason = (s: FunnelStep, code: string) => s.reasons.find((r) => r.code === code);

describe('computeFunnel', () => {
  it('counts each step by the furthest status and gives the reasons people left', () => {
    const rows = [
      ...times(10, person({ criteriaOutcome: 'met', referrals: [ref('rejected', 'no_places')] })),
      ...times(10, person({ criteriaOutcome: 'met', referrals: [ref('rejected', 'no_places'), ref('completed')] })),
      ...times(5, person({ criteriaOutcome: 'met', referrals: [ref('dropped_out')] })),
      ...times(5, person({ criteriaOutcome: 'unknown', referrals: [ref('accepted')], inWorkAfter6Months: true })),
      ...times(20, person({ criteriaOutcome: 'not_met' })),
    ];
    const steps = computeFunnel(rows);
    expect(steps.map((s) => [s.key, s.cell.count])).toEqual([
      ['profiled', 50],
      ['meets_criteria', 25],
      ['referred', 30],
      ['accepted', 20],
      ['started', 15],
      ['completed', 10],
      ['in_work_6m', 5],
      ['in_work_12m', 0],
    ]);
    expect(step(steps, 'meets_criteria').reasons).toEqual([
      { code: 'not_met', count: 20, suppressed: null },
      { code: 'unknown', count: 5, suppressed: null },
    ]);
    expect(reason(step(steps, 'accepted'), 'rejected:no_places')?.count).toBe(10);
    expect(reason(step(steps, 'started'), 'pending')?.count).toBe(5);
    expect(reason(step(steps, 'completed'), 'dropped_out')?.count).toBe(5);
    expect(reason(step(steps, 'in_work_12m'), 'not_due')?.count).toBe(50);
    expect(step(steps, 'referred').percentOfCohort).toBe(60);
    expect(step(steps, 'accepted').percentOfPrevious).toBe(66.7);
    expect(step(steps, 'profiled').percentOfPrevious).toBeNull();
  });

  it('shows counts of 1 to 4 as small, never the number, and no percentage of them', () => {
    const rows = [
      ...times(20, person({ criteriaOutcome: 'met', referrals: [ref('accepted')] })),
      ...times(3, person({ criteriaOutcome: 'met', referrals: [ref('started')] })),
      ...times(7, person()),
    ];
    const started = step(computeFunnel(rows), 'started');
    expect(started.cell).toEqual({ count: null, suppressed: 'small' });
    expect(started.percentOfCohort).toBeNull();
    expect(started.percentOfPrevious).toBeNull();
    // 20 accepted but not started: the only other cell of the group, hidden as well (23 − 20 = 3).
    expect(reason(started, 'pending')).toEqual({ code: 'pending', count: null, suppressed: 'derivable' });
  });

  it('hides the next smallest reason when exactly one reason of a step is under 5', () => {
    const rows = [
      ...times(10, person({ referrals: [ref('accepted')] })),
      ...times(2, person({ referrals: [ref('rejected', 'german_insufficient')] })),
      ...times(6, person({ referrals: [ref('rejected', 'no_places')] })),
      ...times(9, person({ referrals: [ref('rejected', 'profile_mismatch')] })),
    ];
    const accepted = step(computeFunnel(rows), 'accepted');
    expect(accepted.cell).toEqual({ count: 10, suppressed: null });
    expect(reason(accepted, 'rejected:german_insufficient')).toMatchObject({ count: null, suppressed: 'small' });
    expect(reason(accepted, 'rejected:no_places')).toMatchObject({ count: null, suppressed: 'derivable' });
    expect(reason(accepted, 'rejected:profile_mismatch')).toMatchObject({ count: 9, suppressed: null });
    // Without the second hidden cell, 27 − 10 − 9 − 6 would give the 2 away; now only their sum (8) is known.
  });

  it("hides another reason rather than the step's own count", () => {
    const rows = [
      ...times(14, person({ criteriaOutcome: 'met' })),
      ...times(22, person({ criteriaOutcome: 'not_met' })),
      ...times(4, person({ criteriaOutcome: 'unknown' })),
    ];
    const meets = step(computeFunnel(rows), 'meets_criteria');
    expect(meets.cell).toEqual({ count: 14, suppressed: null });
    expect(meets.percentOfCohort).toBe(35);
    expect(meets.reasons).toEqual([
      { code: 'not_met', count: null, suppressed: 'derivable' },
      { code: 'unknown', count: null, suppressed: 'small' },
    ]);
  });

  it('leaves a step alone when two cells are already small', () => {
    const rows = [
      ...times(10, person({ referrals: [ref('accepted')] })),
      ...times(2, person({ referrals: [ref('rejected', 'german_insufficient')] })),
      ...times(3, person({ referrals: [ref('rejected', 'no_places')] })),
      ...times(9, person({ referrals: [ref('rejected', 'profile_mismatch')] })),
    ];
    const accepted = step(computeFunnel(rows), 'accepted');
    expect(accepted.reasons.map((r) => [r.code, r.count, r.suppressed])).toEqual([
      ['rejected:profile_mismatch', 9, null],
      ['rejected:no_places', null, 'small'],
      ['rejected:german_insufficient', null, 'small'],
    ]);
    expect(accepted.cell.count).toBe(10);
  });

  it('hides a cell of the next step when its base was hidden and all its cells are shown', () => {
    // referred 30: accepted 27, rejected 3 → accepted hidden as derivable; started 12 + pending 15 would give 27.
    const rows = [
      ...times(12, person({ referrals: [ref('started')] })),
      ...times(15, person({ referrals: [ref('accepted')] })),
      ...times(3, person({ referrals: [ref('rejected', 'no_places')] })),
    ];
    const steps = computeFunnel(rows);
    expect(step(steps, 'accepted').cell.suppressed).toBe('derivable');
    const started = step(steps, 'started');
    expect([started.cell, ...started.reasons].filter((c) => c.suppressed !== null)).toHaveLength(1);
    expect(started.percentOfPrevious).toBeNull();
  });

  it('keeps zeros and an empty cohort visible', () => {
    const steps = computeFunnel([]);
    expect(steps.every((s) => s.cell.count === 0 && s.reasons.length === 0)).toBe(true);
    expect(steps.every((s) => s.percentOfCohort === null)).toBe(true);
  });
});

describe('funnel helpers', () => {
  it('ranks a completed referral above a rejected one', () => {
    expect(furthestReferral([ref('rejected', 'x'), ref('completed'), ref('sent')])?.status).toBe('completed');
    expect(furthestReferral([ref('revoked'), ref('sent')])?.status).toBe('revoked');
    expect(furthestReferral([])).toBeNull();
  });
  it('adds months with the day clamped to the month end', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 12)).toBe('2027-11-30');
  });
  it('bands ages at profiling', () => {
    expect([17, 24, 25, 34, 35, 44, 45, 54, 55, null].map(ageBandOf)).toEqual([
      'under_25',
      'under_25',
      '25_34',
      '25_34',
      '35_44',
      '35_44',
      '45_54',
      '45_54',
      '55_plus',
      null,
    ]);
  });
  it('groups by the first nationality', () => {
    expect(nationalityGroupOf(['SY', 'DE'])).toBe('SY');
    expect(nationalityGroupOf(['pl'])).toBe('eu');
    expect(nationalityGroupOf(['DE'])).toBe('eu');
    expect(nationalityGroupOf(['ER'])).toBe('other');
    expect(nationalityGroupOf([])).toBe('other');
  });
  it('finds quarters', () => {
    expect(quarterOf('2026-02-10')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(lastFullQuarter('2026-11-24')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastFullQuarter('2026-01-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
});
