import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../shared/contracts/audit';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTimeWithSeconds } from '../../lib/format';
import { hasPermission, useMe } from '../../lib/session';
import { auditListQuery, type AuditListParams } from './audit-api';
import { AuditVerify } from './audit-verify';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';

const PAGE_SIZE = 25;
const FILTER_KEYS = ['type', 'outcome', 'from', 'to', 'subjectId'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Record<FilterKey, string>;
const OUTCOMES = ['success', 'failure', 'denied'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(search: URLSearchParams): Filters {
  return {
    type: search.get('type') ?? '',
    outcome: (OUTCOMES as readonly string[]).includes(search.get('outcome') ?? '') ? (search.get('outcome') ?? '') : '',
    from: ISO_DATE.test(search.get('from') ?? '') ? (search.get('from') ?? '') : '',
    to: ISO_DATE.test(search.get('to') ?? '') ? (search.get('to') ?? '') : '',
    subjectId: search.get('subjectId') ?? '',
  };
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function DetailsSummary({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span aria-hidden="true">–</span>;
  return (
    <span className="lotse-audit-details">
      {entries.map(([key, value]) => `${key}: ${formatValue(value)}`).join('; ')}
    </span>
  );
}

function OutcomeBadge({ outcome }: { outcome: AuditEventView['outcome'] }) {
  const { t } = useTranslation();
  const tone = outcome === 'success' ? 'success' : outcome === 'failure' ? 'danger' : 'warning';
  return (
    <span className={`kern-badge kern-badge--${tone}`}>
      <span className="kern-label">{t(`audit.outcomes.${outcome}`)}</span>
    </span>
  );
}

function FilterForm({ initial, onApply }: { initial: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (key: FilterKey) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...values, type: values.type.trim(), subjectId: values.subjectId.trim() });
  }

  return (
    <form onSubmit={submit} className="lotse-filter" aria-labelledby="audit-filter-title">
      <h2 className="kern-heading-small" id="audit-filter-title">
        {t('audit.filterTitle')}
      </h2>
      <div className="lotse-filter__fields">
        <TextField
          id="audit-filter-type"
          label={t('audit.type')}
          hint={t('audit.typeHint')}
          value={values.type}
          onChange={set('type')}
          maxLength={100}
        />
        <SelectField
          id="audit-filter-outcome"
          label={t('audit.outcome')}
          value={values.outcome}
          onChange={set('outcome')}
          options={[
            { value: '', label: t('audit.outcomeAll') },
            ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) })),
          ]}
        />
        <TextField
          id="audit-filter-from"
          label={t('audit.from')}
          type="date"
          value={values.from}
          onChange={set('from')}
        />
        <TextField id="audit-filter-to" label={t('audit.to')} type="date" value={values.to} onChange={set('to')} />
        <TextField
          id="audit-filter-subject"
          label={t('audit.subjectId')}
          value={values.subjectId}
          onChange={set('subjectId')}
          maxLength={100}
          spellCheck={false}
        />
      </div>
      <div className="lotse-button-row">
        <Button type="submit" variant="primary" icon="search">
          {t('audit.apply')}
        </Button>
        <Button
          variant="tertiary"
          onClick={() => {
            const empty = { type: '', outcome: '', from: '', to: '', subjectId: '' };
            setValues(empty);
            onApply(empty);
          }}
        >
          {t('common.reset')}
        </Button>
      </div>
    </form>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const filters = readFilters(search);
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);

  const params: AuditListParams = { page, pageSize: PAGE_SIZE };
  for (const key of FILTER_KEYS) if (filters[key]) (params as Record<string, string>)[key] = filters[key];
  const events = useQuery(auditListQuery(params));

  function apply(next: Partial<Filters> & { page?: string }) {
    setParams(next);
  }

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.intro')}</PageHeading>
      {hasPermission(me, 'audit.verify') ? <AuditVerify /> : null}

      <FilterForm key={search.toString()} initial={filters} onApply={(next) => apply({ ...next, page: '' })} />

      {events.isPending ? <Loading /> : null}
      {events.error ? <QueryError error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data && events.data.items.length === 0 ? <EmptyState title={t('audit.empty')} headingLevel={2} /> : null}
      {events.data && events.data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={events.isFetching || undefined}>
            <table className="kern-table kern-table--small kern-table--striped lotse-table-full">
              <caption className="kern-sr-only">{t('audit.tableCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    {t('audit.seq')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.occurredAt')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.type')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.outcome')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.actor')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.subject')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.details')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {events.data.items.map((event) => (
                  <tr className="kern-table__row" key={event.seq}>
                    <td className="kern-table__cell kern-table__cell--numeric">{event.seq}</td>
                    <td className="kern-table__cell lotse-nowrap">{formatDateTimeWithSeconds(event.occurredAt)}</td>
                    <td className="kern-table__cell">
                      <code>{event.type}</code>
                    </td>
                    <td className="kern-table__cell">
                      <OutcomeBadge outcome={event.outcome} />
                    </td>
                    <td className="kern-table__cell">{event.actor?.username ?? t('audit.system')}</td>
                    <td className="kern-table__cell lotse-break">
                      {event.subjectType || event.subjectId ? (
                        <>
                          {event.subjectType}
                          {event.subjectId ? (
                            <>
                              {' '}
                              <code>{event.subjectId}</code>
                            </>
                          ) : null}
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td className="kern-table__cell">
                      <DetailsSummary details={event.details} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={events.data.page} onPageChange={(next) => apply({ page: String(next) })} />
        </>
      ) : null}
    </>
  );
}
