import type { FunnelQuery, FunnelReport } from '../../../shared/contracts/funnel';
import { todayIn } from '../../../shared/domain/calendar-date';
import { checkCriteria } from '../../../shared/domain/referrals/criteria';
import {
  addMonths,
  ageBandOf,
  computeFunnel,
  lastFullQuarter,
  nationalityGroupOf,
  type FunnelPersonRow,
  type FunnelReferral,
  type FunnelReferralStatus,
  type FunnelStepKey,
} from '../../../shared/domain/referrals/funnel';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { knownAgeOn, criteriaFactsFor, criteriaFor } from '../referrals/criteria-facts';
import {
  cohortInDistrict,
  cohortMembers,
  cohortOutcomes,
  cohortReferrals,
  defaultReceivingAgency,
  districtExists,
  findAgency,
  rejectionReasonLabels,
} from './funnel.repository';

/**
 * The funnel report (issue 9) for team leads and steering (`funnel.read`): municipality-wide and
 * aggregated only — the response and the CSV carry counts, percentages and reason codes, never a
 * person, and counts of 1–4 (and cells they would give away) are suppressed by `computeFunnel`.
 * Every read is audited with its filters. Definitions: shared/domain/referrals/funnel.ts.
 */

const statusLabels: Record<string, { de: string; en: string }> = {
  not_met: { de: 'Kriterien nicht erfüllt', en: 'Criteria not met' },
  unknown: { de: 'Kriterien nicht prüfbar (Angaben fehlen)', en: 'Criteria not checkable (facts missing)' },
  not_referred: { de: 'Nicht vermittelt', en: 'Not referred' },
  revoked: { de: 'Vermittlung zurückgezogen', en: 'Referral revoked' },
  pending: { de: 'Noch offen', en: 'Still open' },
  dropped_out: { de: 'Abgebrochen', en: 'Dropped out' },
  not_in_work: { de: 'Nicht in Arbeit oder Ausbildung', en: 'Not in work or training' },
  not_due: { de: 'Noch offen (Stichtag nicht erreicht)', en: 'Still open (date not reached)' },
  'rejected:unspecified': { de: 'Abgelehnt ohne Grund', en: 'Rejected without reason' },
};

export const funnelStepLabels: Record<FunnelStepKey, { de: string; en: string }> = {
  profiled: { de: 'Profiliert (Kohorte)', en: 'Profiled (cohort)' },
  meets_criteria: { de: 'Erfüllt die Kriterien', en: 'Meets the criteria' },
  referred: { de: 'Vermittelt', en: 'Referred' },
  accepted: { de: 'Angenommen', en: 'Accepted' },
  started: { de: 'Maßnahme begonnen', en: 'Started a measure' },
  completed: { de: 'Abgeschlossen', en: 'Completed' },
  in_work_6m: { de: 'In Arbeit oder Ausbildung nach 6 Monaten', en: 'In work or training after 6 months' },
  in_work_12m: { de: 'In Arbeit oder Ausbildung nach 12 Monaten', en: 'In work or training after 12 months' },
};

const funnelStatuses: readonly FunnelReferralStatus[] = [
  'sent',
  'revoked',
  'rejected',
  'accepted',
  'started',
  'dropped_out',
  'completed',
];

function inWorkOn(outcomes: readonly { startedOn: string; endedOn: string | null }[], day: string): boolean {
  return outcomes.some((o) => o.startedOn <= day && (o.endedOn === null || o.endedOn >= day));
}

type Resolved = { from: string; to: string; agency: { id: string; name: string } };

async function resolveQuery(db: Db, query: FunnelQuery, today: string): Promise<Resolved> {
  const errors: FieldError[] = [];
  let { from, to } = query;
  if (from === undefined && to === undefined) ({ from, to } = lastFullQuarter(today));
  if (from === undefined)
    errors.push({ path: 'from', message: fieldMessage('Bitte ein Anfangsdatum angeben.', 'Give a start date.') });
  if (to === undefined)
    errors.push({ path: 'to', message: fieldMessage('Bitte ein Enddatum angeben.', 'Give an end date.') });
  if (from !== undefined && to !== undefined && from > to)
    errors.push({
      path: 'to',
      message: fieldMessage('Das Enddatum liegt vor dem Anfangsdatum.', 'The end date lies before the start date.'),
    });
  const agency = query.agencyId ? await findAgency(db, query.agencyId) : await defaultReceivingAgency(db);
  if (!agency)
    errors.push({
      path: 'agencyId',
      message: query.agencyId
        ? fieldMessage('Diese Stelle gibt es nicht.', 'No such agency.')
        : fieldMessage(
            'Es gibt keine Agentur für Arbeit; bitte eine Stelle wählen.',
            'There is no Agentur für Arbeit; choose an agency.',
          ),
    });
  if (query.districtId && !(await districtExists(db, query.districtId)))
    errors.push({ path: 'districtId', message: fieldMessage('Diesen Stadtteil gibt es nicht.', 'No such district.') });
  if (errors.length > 0 || !agency || from === undefined || to === undefined)
    throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
  return { from, to, agency };
}

/** The per-person rows of the (filtered) cohort; nothing of them leaves this module. */
async function cohortRows(db: Db, r: Resolved, query: FunnelQuery, today: string): Promise<FunnelPersonRow[]> {
  const [members, inDistrict] = await Promise.all([
    cohortMembers(db, r.from, r.to),
    query.districtId ? cohortInDistrict(db, r.from, r.to, query.districtId, today) : Promise.resolve(null),
  ]);
  const cohort = members.filter(
    (m) =>
      (!inDistrict || inDistrict.has(m.personId)) &&
      (!query.nationalityGroup || nationalityGroupOf(m.nationalities) === query.nationalityGroup) &&
      (!query.sex || m.sex === query.sex) &&
      (!query.ageBand || ageBandOf(knownAgeOn(m, m.profiledOn)) === query.ageBand),
  );
  if (cohort.length === 0) return [];
  const asOf = r.to < today ? r.to : today;
  const ids = cohort.map((m) => m.personId);
  const [facts, criteria, referralRows, outcomeRows] = await Promise.all([
    criteriaFactsFor(db, ids, asOf),
    criteriaFor(db, r.agency.id),
    cohortReferrals(db, r.from, r.to, r.agency.id),
    cohortOutcomes(db, r.from, r.to),
  ]);
  const referralsOf = new Map<string, FunnelReferral[]>();
  for (const ref of referralRows) {
    if (todayIn(ref.sentAt) < ref.profiledOn) continue;
    const status = funnelStatuses.find((s) => s === ref.status);
    if (!status) continue;
    const list = referralsOf.get(ref.personId) ?? [];
    list.push({ status, rejectionReasonCode: ref.rejectionReasonCode });
    referralsOf.set(ref.personId, list);
  }
  const outcomesOf = new Map<string, { startedOn: string; endedOn: string | null }[]>();
  for (const o of outcomeRows) outcomesOf.set(o.personId, [...(outcomesOf.get(o.personId) ?? []), o]);
  return cohort.map((m) => {
    const f = facts.get(m.personId);
    const outcomes = outcomesOf.get(m.personId) ?? [];
    const after = (months: number): boolean | null => {
      const day = addMonths(m.profiledOn, months);
      return day < today ? inWorkOn(outcomes, day) : null;
    };
    return {
      criteriaOutcome: f ? checkCriteria(criteria.agency, f).outcome : 'unknown',
      referrals: referralsOf.get(m.personId) ?? [],
      inWorkAfter6Months: after(6),
      inWorkAfter12Months: after(12),
    };
  });
}

/** The funnel without access check or audit: for the report routes and the demo-seed test. */
export async function buildFunnel(db: Db, query: FunnelQuery, now: Date): Promise<FunnelReport> {
  const today = todayIn(now);
  const resolved = await resolveQuery(db, query, today);
  const [rows, labels] = await Promise.all([cohortRows(db, resolved, query, today), rejectionReasonLabels(db)]);
  const label = (code: string) =>
    statusLabels[code] ??
    (code.startsWith('rejected:') ? labels.get(code.slice('rejected:'.length)) : undefined) ?? { de: code, en: code };
  return {
    from: resolved.from,
    to: resolved.to,
    criteriaAsOf: resolved.to < today ? resolved.to : today,
    agency: resolved.agency,
    filters: {
      districtId: query.districtId ?? null,
      nationalityGroup: query.nationalityGroup ?? null,
      sex: query.sex ?? null,
      ageBand: query.ageBand ?? null,
    },
    steps: computeFunnel(rows).map((s) => ({ ...s, reasons: s.reasons.map((r) => ({ ...r, label: label(r.code) })) })),
  };
}

/** GET /reports/funnel(.csv): funnel.read, audited as a report read with its filters. */
export async function getFunnel(
  db: Db,
  actor: Actor | null,
  query: FunnelQuery,
  format: 'json' | 'csv',
  ctx: AuditContext,
): Promise<FunnelReport> {
  await check(db, actor, 'funnel.read');
  return db.transaction(async (tx) => {
    const report = await buildFunnel(tx, query, ctx.now);
    await recordAudit(tx, ctx, {
      type: 'report.funnel_viewed',
      details: {
        format,
        from: report.from,
        to: report.to,
        agencyId: report.agency.id,
        districtId: report.filters.districtId,
        nationalityGroup: report.filters.nationalityGroup,
        sex: report.filters.sex,
        ageBand: report.filters.ageBand,
      },
    });
    return report;
  });
}

function csvField(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvCount(cell: { count: number | null; suppressed: 'small' | 'derivable' | null }): string {
  if (cell.suppressed === 'small') return '< 5';
  if (cell.suppressed === 'derivable') return 'verborgen';
  return String(cell.count);
}

const csvPercent = (p: number | null) => (p === null ? '' : p.toFixed(1).replace('.', ','));

/**
 * The same numbers as CSV for spreadsheets (German: semicolon, decimal comma, UTF-8 with BOM):
 * one line per step and one per reason under it. "< 5" = 1 to 4; "verborgen" = hidden because
 * neighbouring cells would give a small count away.
 */
export function funnelCsv(report: FunnelReport): string {
  const lines = [
    [
      'Kohorte von',
      'Kohorte bis',
      'Aufnehmende Stelle',
      'Schritt',
      'Grund',
      'Anzahl',
      'Anteil an der Kohorte (%)',
      'Anteil am vorherigen Schritt (%)',
    ],
  ];
  const head = [report.from, report.to, report.agency.name];
  for (const s of report.steps) {
    const step = funnelStepLabels[s.key].de;
    lines.push([...head, step, '', csvCount(s.cell), csvPercent(s.percentOfCohort), csvPercent(s.percentOfPrevious)]);
    for (const r of s.reasons) lines.push([...head, step, r.label.de, csvCount(r), '', '']);
  }
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}
