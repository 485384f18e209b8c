import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelCellDto, FunnelQuery, FunnelReport, FunnelStepDto } from '../../../shared/contracts/funnel';
import { sexSchema } from '../../../shared/contracts/people';
import { isCalendarDate, todayIn } from '../../../shared/domain/calendar-date';
import {
  ageBands,
  lastFullQuarter,
  nationalityGroups,
  quarterOf,
  addMonths,
} from '../../../shared/domain/referrals/funnel';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatCalendarDay } from '../../lib/format';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { funnelAgenciesQuery, funnelCsvUrl, funnelDistrictsQuery, funnelQuery } from './funnel-api';

const QUARTERS_SHOWN = 12;

/** The last quarters, newest first, as 'from|to'. */
function recentQuarters(today: string): { from: string; to: string }[] {
  const current = quarterOf(today);
  return Array.from({ length: QUARTERS_SHOWN }, (_, i) => quarterOf(addMonths(current.from, -3 * i)));
}

function CountText({ cell }: { cell: Pick<FunnelCellDto, 'count' | 'suppressed'> }) {
  const { t } = useTranslation();
  if (cell.suppressed === 'small') return <span title={t('funnel.smallLabel')}>{t('funnel.small')}</span>;
  if (cell.suppressed === 'derivable') return <span title={t('funnel.hiddenLabel')}>{t('funnel.hidden')}</span>;
  return <>{(cell.count ?? 0).toLocaleString('de-DE')}</>;
}

function countLabel(cell: FunnelCellDto, t: TFunction): string {
  if (cell.suppressed === 'small') return t('funnel.smallLabel');
  if (cell.suppressed === 'derivable') return t('funnel.hidden');
  return String(cell.count ?? 0);
}

function percentText(value: number | null, t: TFunction): string {
  return value === null
    ? '–'
    : t('funnel.percent', {
        value: value.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      });
}

/** The funnel as horizontal bars; the table below is its accessible equivalent. */
function FunnelChart({ report }: { report: FunnelReport }) {
  const { t } = useTranslation();
  const cohort = report.steps[0]?.cell.count ?? null;
  const rowHeight = 34;
  const labelWidth = 330;
  const barArea = 380;
  const height = report.steps.length * rowHeight + 8;
  const summary = report.steps
    .map((s) => t('funnel.chartStep', { step: t(`funnel.steps.${s.key}`), value: countLabel(s.cell, t) }))
    .join('; ');
  return (
    <svg
      className="lotse-funnel-chart"
      role="img"
      aria-label={t('funnel.chartLabel', { steps: summary })}
      viewBox={`0 0 ${labelWidth + barArea + 110} ${height}`}
      width="100%"
      style={{ maxWidth: '52rem', display: 'block' }}
    >
      {report.steps.map((s, i) => {
        const y = 4 + i * rowHeight;
        // Suppressed counts get a fixed stub, never a length that would tell the number.
        const share = s.cell.count !== null && cohort ? s.cell.count / cohort : null;
        const width = share === null ? 6 : Math.max(s.cell.count ? 2 : 0, share * barArea);
        return (
          <g key={s.key} aria-hidden="true">
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 5} textAnchor="end" fontSize="14" fill="currentColor">
              {t(`funnel.steps.${s.key}`)}
            </text>
            <rect
              x={labelWidth}
              y={y + 4}
              width={width}
              height={rowHeight - 10}
              rx="2"
              fill={s.cell.suppressed ? 'none' : '#26358c'}
              stroke="#26358c"
              strokeDasharray={s.cell.suppressed ? '4 3' : undefined}
            />
            <text x={labelWidth + width + 8} y={y + rowHeight / 2 + 5} fontSize="14" fill="currentColor">
              {s.cell.suppressed === 'small'
                ? t('funnel.small')
                : s.cell.suppressed
                  ? t('funnel.hidden')
                  : String(s.cell.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ReasonList({ step }: { step: FunnelStepDto }) {
  const { t, i18n } = useTranslation();
  if (step.reasons.length === 0) return <>{t('funnel.noReasons')}</>;
  const en = i18n.language.startsWith('en');
  return (
    <ul className="lotse-funnel-reasons" style={{ margin: 0, paddingInlineStart: '1.2em' }}>
      {step.reasons.map((r) => (
        <li key={r.code}>
          {en ? r.label.en : r.label.de}: <CountText cell={r} />
        </li>
      ))}
    </ul>
  );
}

function FunnelTable({ report }: { report: FunnelReport }) {
  const { t } = useTranslation();
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped lotse-table-full" id="funnel-table">
        <caption className="kern-body">{t('funnel.tableCaption')}</caption>
        <thead>
          <tr className="kern-table__row">
            {(['step', 'count', 'ofCohort', 'ofPrevious', 'reasons'] as const).map((c) => (
              <th key={c} scope="col" className="kern-table__header">
                {t(`funnel.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {report.steps.map((s) => (
            <tr className="kern-table__row" key={s.key} data-step={s.key}>
              <th scope="row" className="kern-table__cell">
                {t(`funnel.steps.${s.key}`)}
              </th>
              <td className="kern-table__cell">
                <CountText cell={s.cell} />
              </td>
              <td className="kern-table__cell">{percentText(s.percentOfCohort, t)}</td>
              <td className="kern-table__cell">{s.key === 'profiled' ? '–' : percentText(s.percentOfPrevious, t)}</td>
              <td className="kern-table__cell">
                <ReasonList step={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Berichte → Trichter": the funnel of a cohort (issue 9) for team leads and steering. Cohort,
 * receiving agency and filters live in the address (bookmarkable); the chart has the table as
 * its accessible equivalent; the CSV carries the same suppressed numbers.
 */
export function FunnelPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const today = todayIn(new Date());
  const fallback = lastFullQuarter(today);
  const fromParam = search.get('von');
  const toParam = search.get('bis');
  const from = fromParam && isCalendarDate(fromParam) ? fromParam : fallback.from;
  const to = toParam && isCalendarDate(toParam) ? toParam : fallback.to;
  const agencyId = search.get('stelle') || undefined;
  const districtId = search.get('stadtteil') || undefined;
  const nationalityGroup = nationalityGroups.find((g) => g === search.get('staatsangehoerigkeit'));
  const sex = sexSchema.safeParse(search.get('geschlecht')).data;
  const ageBand = ageBands.find((b) => b === search.get('alter'));
  const params: FunnelQuery = {
    from,
    to,
    ...(agencyId ? { agencyId } : {}),
    ...(districtId ? { districtId } : {}),
    ...(nationalityGroup ? { nationalityGroup } : {}),
    ...(sex ? { sex } : {}),
    ...(ageBand ? { ageBand } : {}),
  };
  const quarters = recentQuarters(today);
  const quarterValue = quarters.some((q) => q.from === from && q.to === to) ? `${from}|${to}` : 'custom';
  const [custom, setCustom] = useState(quarterValue === 'custom');
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftTo, setDraftTo] = useState(to);
  const result = useQuery(funnelQuery(params));
  const agencies = useQuery(funnelAgenciesQuery);
  const districts = useQuery(funnelDistrictsQuery);
  const report = result.data;
  const all = { value: '', label: t('funnel.filter.all') };
  const customInvalid = !isCalendarDate(draftFrom) || !isCalendarDate(draftTo) || draftFrom > draftTo;

  return (
    <>
      <PageHeading title={t('funnel.title')}>{t('funnel.intro')}</PageHeading>
      <form
        className="lotse-filter"
        aria-label={t('funnel.filter.title')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!customInvalid) setParams({ von: draftFrom, bis: draftTo });
        }}
      >
        <div className="lotse-filter__fields">
          <SelectField
            id="funnel-quarter"
            label={t('funnel.filter.quarter')}
            value={custom ? 'custom' : quarterValue}
            options={[
              ...quarters.map((q) => ({
                value: `${q.from}|${q.to}`,
                label: t('funnel.filter.quarterOption', {
                  quarter: Math.floor(Number(q.from.slice(5, 7)) / 3) + 1,
                  year: q.from.slice(0, 4),
                }),
              })),
              { value: 'custom', label: t('funnel.filter.custom') },
            ]}
            onChange={(e) => {
              if (e.target.value === 'custom') {
                setCustom(true);
                return;
              }
              setCustom(false);
              const [qFrom, qTo] = e.target.value.split('|');
              setDraftFrom(qFrom!);
              setDraftTo(qTo!);
              setParams({ von: qFrom, bis: qTo });
            }}
          />
          {custom ? (
            <>
              <TextField
                id="funnel-from"
                type="date"
                label={t('funnel.filter.from')}
                value={draftFrom}
                onChange={(e) => setDraftFrom(e.target.value)}
              />
              <TextField
                id="funnel-to"
                type="date"
                label={t('funnel.filter.to')}
                value={draftTo}
                onChange={(e) => setDraftTo(e.target.value)}
              />
            </>
          ) : null}
          <SelectField
            id="funnel-agency"
            label={t('funnel.filter.agency')}
            hint={t('funnel.filter.agencyHint')}
            value={agencyId ?? ''}
            options={[
              { value: '', label: t('funnel.filter.agencyDefault') },
              ...(agencies.data?.items ?? [])
                .filter((a) => a.kind !== 'steering')
                .map((a) => ({ value: a.id, label: a.name })),
            ]}
            onChange={(e) => setParams({ stelle: e.target.value || null })}
          />
          <SelectField
            id="funnel-district"
            label={t('funnel.filter.district')}
            value={districtId ?? ''}
            options={[all, ...(districts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))]}
            onChange={(e) => setParams({ stadtteil: e.target.value || null })}
          />
          <SelectField
            id="funnel-nationality"
            label={t('funnel.filter.nationalityGroup')}
            value={nationalityGroup ?? ''}
            options={[all, ...nationalityGroups.map((g) => ({ value: g, label: t(`funnel.nationalityGroups.${g}`) }))]}
            onChange={(e) => setParams({ staatsangehoerigkeit: e.target.value || null })}
          />
          <SelectField
            id="funnel-sex"
            label={t('funnel.filter.sex')}
            value={sex ?? ''}
            options={[all, ...sexSchema.options.map((s) => ({ value: s, label: t(`people.sexes.${s}`) }))]}
            onChange={(e) => setParams({ geschlecht: e.target.value || null })}
          />
          <SelectField
            id="funnel-age"
            label={t('funnel.filter.ageBand')}
            value={ageBand ?? ''}
            options={[all, ...ageBands.map((b) => ({ value: b, label: t(`funnel.ageBands.${b}`) }))]}
            onChange={(e) => setParams({ alter: e.target.value || null })}
          />
        </div>
        <div className="lotse-button-row">
          {custom ? (
            <Button type="submit" variant="secondary" disabled={customInvalid}>
              {t('funnel.filter.apply')}
            </Button>
          ) : null}
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setCustom(false);
              setDraftFrom(fallback.from);
              setDraftTo(fallback.to);
              setParams({
                von: null,
                bis: null,
                stelle: null,
                stadtteil: null,
                staatsangehoerigkeit: null,
                geschlecht: null,
                alter: null,
              });
            }}
          >
            {t('funnel.filter.reset')}
          </Button>
        </div>
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {report ? (
        <SectionCard
          id="funnel-result"
          title={t('funnel.resultTitle')}
          actions={
            <a className="kern-btn kern-btn--secondary" href={funnelCsvUrl(params)} download>
              <span className="kern-icon kern-icon--download" aria-hidden="true" />
              <span className="kern-label">{t('funnel.csv')}</span>
            </a>
          }
        >
          <p className="kern-body" aria-live="polite">
            {t('funnel.summary', {
              from: formatCalendarDay(report.from),
              to: formatCalendarDay(report.to),
              agency: report.agency.name,
              asOf: formatCalendarDay(report.criteriaAsOf),
            })}
          </p>
          {report.steps[0]?.cell.count === 0 ? (
            <EmptyState title={t('funnel.emptyTitle')}>{t('funnel.emptyText')}</EmptyState>
          ) : (
            <div aria-busy={result.isFetching || undefined} className="lotse-stack">
              <FunnelChart report={report} />
              <FunnelTable report={report} />
              <p className="kern-body kern-body--small">{t('funnel.suppressionNote')}</p>
            </div>
          )}
          <h3 className="kern-title">{t('funnel.definitionsTitle')}</h3>
          <ul className="kern-body">
            {(['criteria', 'referred', 'furthest', 'work'] as const).map((k) => (
              <li key={k}>{t(`funnel.definitions.${k}`)}</li>
            ))}
          </ul>
        </SectionCard>
      ) : null}
    </>
  );
}
