/**
 * The referral funnel of a cohort (issue 9), pure: from one row per person of the cohort to the
 * steps with counts, percentages, the reasons people left at each step, and small-count
 * suppression. The server collects the rows (modules/reports/funnel.service.ts); nothing here
 * knows who the people are.
 *
 * Definitions (docs/profiles-referrals.md § funnel):
 * - cohort ("profiled"): the people whose competence profile has `profiled_on` in [from, to]
 *   (default: the last full quarter), narrowed by the filters (district of the current address,
 *   nationality group of the first nationality, sex, age band at profiling).
 * - meets criteria: `checkCriteria(criteria of the receiving agency, facts).outcome === 'met'` with
 *   the facts of `criteriaFactsFor` as of the cohort's end date (today when the end lies ahead).
 *   Left out: `not_met` and `unknown` (a fact nobody recorded).
 * - referred: a referral of the person to the receiving agency with `sent_at` set, sent on or
 *   after `profiled_on`. It is not nested in "meets criteria": a referral may be sent despite
 *   failing criteria. Left out: `not_referred`.
 * - accepted / started / completed: the furthest status any of those referrals reached, ranked
 *   sent < revoked < rejected < accepted < started < dropped_out < completed (dropped_out and
 *   completed both started). At "accepted" the rejected referrals count with their reason code
 *   (`rejected:<code>`), revoked ones as `revoked`, undecided ones as `pending`; at "started" the
 *   accepted ones not (yet) started are `pending`; at "completed" `dropped_out` and the running
 *   ones `pending`.
 * - in work or training after 6 / 12 months: an employment outcome (work or training) covering
 *   `profiled_on` + 6 / 12 months (started on or before that day, not ended before it), counted
 *   over the whole cohort; only once that day has passed — until then the person is `not_due`
 *   ("noch offen"). Left out: `not_in_work`.
 *
 * Every step's count plus its reasons add up to the step's base: the previous step for accepted,
 * started and completed; the cohort for the others. Percentages are of the cohort and of the
 * previous step (the one listed before, also where the steps are not nested).
 *
 * Suppression: a count of 1 to 4 is shown as "< 5" (`small`). Then, until nothing changes, in
 * every group (a step's count and its reasons, which add up to the base): if the base is shown
 * and exactly one cell is hidden, the smallest other non-zero reason is hidden too (the step's
 * count only when no such reason is left); if the base is hidden and no cell is, likewise one
 * cell is hidden (else the base would be their sum).
 * Those cells are `derivable` (shown as "verborgen", not "< 5": they may be larger). Percentages of a
 * hidden count or of a hidden base are not given.
 */

export const funnelStepKeys = [
  'profiled',
  'meets_criteria',
  'referred',
  'accepted',
  'started',
  'completed',
  'in_work_6m',
  'in_work_12m',
] as const;
export type FunnelStepKey = (typeof funnelStepKeys)[number];

/** Referral statuses the funnel ranks (draft never counts: it was not sent). */
export type FunnelReferralStatus =
  'sent' | 'revoked' | 'rejected' | 'accepted' | 'started' | 'dropped_out' | 'completed';

const statusRank: Record<FunnelReferralStatus, number> = {
  sent: 1,
  revoked: 2,
  rejected: 3,
  accepted: 4,
  started: 5,
  dropped_out: 6,
  completed: 7,
};

/** One sent referral of a person of the cohort to the receiving agency. */
export type FunnelReferral = { status: FunnelReferralStatus; rejectionReasonCode: string | null };

/** What the funnel needs of one person of the cohort. */
export type FunnelPersonRow = {
  criteriaOutcome: 'met' | 'not_met' | 'unknown';
  /** Sent referrals to the receiving agency, sent on or after profiled_on. */
  referrals: readonly FunnelReferral[];
  /** null: the day (profiled_on + 6 months) has not passed yet. */
  inWorkAfter6Months: boolean | null;
  inWorkAfter12Months: boolean | null;
};

export const SUPPRESS_BELOW = 5;

export type FunnelCell = {
  /** null when suppressed. */
  count: number | null;
  /** small: 1–4 ("< 5"); derivable: hidden because neighbours would give it away. */
  suppressed: 'small' | 'derivable' | null;
};

export type FunnelReasonCell = FunnelCell & { code: string };

export type FunnelStep = {
  key: FunnelStepKey;
  cell: FunnelCell;
  /** Percent of the cohort, one decimal; null when this count or the cohort is hidden (or 0). */
  percentOfCohort: number | null;
  /** Percent of the previous step, one decimal; null for the first step or when hidden / 0. */
  percentOfPrevious: number | null;
  /** Why the others of the base are not in this step; largest first, zero reasons left out. */
  reasons: FunnelReasonCell[];
};

/** The furthest status among a person's referrals; null when none was sent. */
export function furthestReferral(referrals: readonly FunnelReferral[]): FunnelReferral | null {
  let best: FunnelReferral | null = null;
  for (const r of referrals) if (!best || statusRank[r.status] > statusRank[best.status]) best = r;
  return best;
}

/** 'YYYY-MM-DD' plus whole months; the day is clamped to the month's end (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type RawStep = { key: FunnelStepKey; count: number; base: FunnelStepKey | null; reasons: Map<string, number> };

function bump(map: Map<string, number>, code: string): void {
  map.set(code, (map.get(code) ?? 0) + 1);
}

function rawSteps(rows: readonly FunnelPersonRow[]): RawStep[] {
  const step = (key: FunnelStepKey, base: FunnelStepKey | null): RawStep => ({
    key,
    count: 0,
    base,
    reasons: new Map(),
  });
  const profiled = step('profiled', null);
  const meets = step('meets_criteria', 'profiled');
  const referred = step('referred', 'profiled');
  const accepted = step('accepted', 'referred');
  const started = step('started', 'accepted');
  const completed = step('completed', 'started');
  const work6 = step('in_work_6m', 'profiled');
  const work12 = step('in_work_12m', 'profiled');
  for (const row of rows) {
    profiled.count += 1;
    if (row.criteriaOutcome === 'met') meets.count += 1;
    else bump(meets.reasons, row.criteriaOutcome);
    const furthest = furthestReferral(row.referrals);
    if (!furthest) bump(referred.reasons, 'not_referred');
    else {
      referred.count += 1;
      const rank = statusRank[furthest.status];
      if (rank >= statusRank.accepted) accepted.count += 1;
      else if (furthest.status === 'rejected')
        bump(accepted.reasons, `rejected:${furthest.rejectionReasonCode ?? 'unspecified'}`);
      else bump(accepted.reasons, furthest.status === 'revoked' ? 'revoked' : 'pending');
      if (rank >= statusRank.started) started.count += 1;
      else if (rank === statusRank.accepted) bump(started.reasons, 'pending');
      if (furthest.status === 'completed') completed.count += 1;
      else if (furthest.status === 'dropped_out') bump(completed.reasons, 'dropped_out');
      else if (furthest.status === 'started') bump(completed.reasons, 'pending');
    }
    for (const [value, target] of [
      [row.inWorkAfter6Months, work6],
      [row.inWorkAfter12Months, work12],
    ] as const) {
      if (value === null) bump(target.reasons, 'not_due');
      else if (value) target.count += 1;
      else bump(target.reasons, 'not_in_work');
    }
  }
  return [profiled, meets, referred, accepted, started, completed, work6, work12];
}

function percent(part: FunnelCell, whole: FunnelCell): number | null {
  if (part.count === null || whole.count === null || whole.count === 0) return null;
  return Math.round((part.count / whole.count) * 1000) / 10;
}

const primary = (n: number): FunnelCell =>
  n > 0 && n < SUPPRESS_BELOW ? { count: null, suppressed: 'small' } : { count: n, suppressed: null };

/** The funnel of a cohort: every step with its count, percentages and reasons, suppressed. */
export function computeFunnel(rows: readonly FunnelPersonRow[]): FunnelStep[] {
  const raw = rawSteps(rows);
  // Working cells keep the true count next to the shown state until suppression is settled.
  type Work = { n: number; hidden: 'small' | 'derivable' | null; code?: string };
  const work = (n: number): Work => ({ n, hidden: primary(n).suppressed });
  const counts = new Map<FunnelStepKey, Work>(raw.map((s) => [s.key, work(s.count)]));
  const reasons = new Map<FunnelStepKey, Work[]>(
    raw.map((s) => [
      s.key,
      [...s.reasons.entries()]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code, n]) => ({ ...work(n), code })),
    ]),
  );
  // The second cell to hide: the smallest shown reason, so that the step's own count stays
  // visible where it can; the step's count only when no reason is left to hide.
  const hideSmallestOther = (cells: Work[]): boolean => {
    const shownCells = (list: Work[]) =>
      list
        .filter((c) => c.hidden === null && c.n > 0)
        .sort((a, b) => a.n - b.n || (a.code ?? '').localeCompare(b.code ?? ''));
    const candidate = shownCells(cells.slice(1))[0] ?? shownCells(cells.slice(0, 1))[0];
    if (!candidate) return false;
    candidate.hidden = 'derivable';
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of raw) {
      if (s.base === null) continue;
      const base = counts.get(s.base)!;
      const cells = [counts.get(s.key)!, ...reasons.get(s.key)!];
      const hidden = cells.filter((c) => c.hidden !== null).length;
      if (base.hidden === null && hidden === 1 && hideSmallestOther(cells)) changed = true;
      if (base.hidden !== null && hidden === 0 && hideSmallestOther(cells)) changed = true;
    }
  }
  const shown = (w: Work): FunnelCell =>
    w.hidden ? { count: null, suppressed: w.hidden } : { count: w.n, suppressed: null };
  const cohort = shown(counts.get('profiled')!);
  return raw.map((s, i) => {
    const cell = shown(counts.get(s.key)!);
    const previous = i === 0 ? null : shown(counts.get(raw[i - 1]!.key)!);
    return {
      key: s.key,
      cell,
      percentOfCohort: percent(cell, cohort),
      percentOfPrevious: previous ? percent(cell, previous) : null,
      reasons: reasons.get(s.key)!.map((r) => ({ code: r.code!, ...shown(r) })),
    };
  });
}

/** Age bands at profiling. */
export const ageBands = ['under_25', '25_34', '35_44', '45_54', '55_plus'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBandOf(age: number | null): AgeBand | null {
  if (age === null) return null;
  if (age < 25) return 'under_25';
  if (age < 35) return '25_34';
  if (age < 45) return '35_44';
  if (age < 55) return '45_54';
  return '55_plus';
}

/**
 * Nationality groups: the five most common nationalities of the demo population (Syria,
 * Ukraine, Afghanistan, Iraq, Turkey), the EU/EEA and Switzerland (Germany included), and all
 * others (also stateless or unknown). The first recorded nationality decides.
 */
export const nationalityGroups = ['SY', 'UA', 'AF', 'IQ', 'TR', 'eu', 'other'] as const;
export type NationalityGroup = (typeof nationalityGroups)[number];

const EU_EEA_CH = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO CH'.split(' '),
);

export function nationalityGroupOf(nationalities: readonly string[]): NationalityGroup {
  const first = nationalities[0]?.toUpperCase();
  if (!first) return 'other';
  if ((['SY', 'UA', 'AF', 'IQ', 'TR'] as const).some((c) => c === first)) return first as NationalityGroup;
  return EU_EEA_CH.has(first) ? 'eu' : 'other';
}

/** The quarter [from, to] containing `date`, and the last full quarter before the one containing it. */
export function quarterOf(date: string): { from: string; to: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  const from = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, 3), -1) };
}

export function lastFullQuarter(today: string): { from: string; to: string } {
  return quarterOf(addDays(quarterOf(today).from, -1));
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
