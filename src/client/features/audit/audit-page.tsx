import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../shared/contracts/audit';
import { auditEventLabel, auditEventLabels } from '../../../shared/contracts/privacy-reports';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTimeWithSeconds } from '../../lib/format';
import { hasPermission, useMe } from '../../lib/session';
import { auditAgenciesQuery, auditListQuery, type AuditListParams } from './audit-api';
import { AuditVerify } from './audit-verify';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';

const PAGE_SIZE = 25;
const FILTER_KEYS = ['type', 'outcome', 'from', 'to', 'subjectId', 'actorUserId', 'agencyId'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Record<FilterKey, string>;
const OUTCOMES = ['success', 'failure', 'denied'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrEmpty = (value: string | null) => (value && UUID.test(value) ? value : '');
const EMPTY_FILTERS: Filters = {
  type: '',
  outcome: '',
  from: '',
  to: '',
  subjectId: '',
  actorUserId: '',
  agencyId: '',
};
/** Event types the officer picks from, in the order of the label table. */
const EVENT_TYPES = Object.keys(auditEventLabels).sort();

function readFilters(search: URLSearchParams): Filters {
  return {
    type: search.get('type') ?? '',
    outcome: (OUTCOMES as readonly string[]).includes(search.get('outcome') ?? '') ? (search.get('outcome') ?? '') : '',
    from: ISO_DATE.test(search.get('from') ?? '') ? (search.get('from') ?? '') : '',
    to: ISO_DATE.test(search.get('to') ?? '') ? (search.get('to') ?? '') : '',
    subjectId: search.get('subjectId') ?? '',
    actorUserId: uuidOrEmpty(search.get('actorUserId')),
    agencyId: uuidOrEmpty(search.get('agencyId')),
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
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const agencies = useQuery(auditAgenciesQuery);
  const [values, setValues] = useState(initial);
  const [actorError, setActorError] = useState<string | undefined>();
  const set = (key: FilterKey) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const actorUserId = values.actorUserId.trim();
    if (actorUserId && !UUID.test(actorUserId)) {
      setActorError(t('privacy.holds.subjectIdError'));
      return;
    }
    setActorError(undefined);
    onApply({ ...values, type: values.type.trim(), subjectId: values.subjectId.trim(), actorUserId });
  }

  return (
    <form onSubmit={submit} className="lotse-filter" aria-labelledby="audit-filter-title">
      <h2 className="kern-heading-small" id="audit-filter-title">
        {t('audit.filterTitle')}
      </h2>
      <div className="lotse-filter__fields">
        <SelectField
          id="audit-filter-type"
          label={t('audit.type')}
          value={values.type}
          onChange={set('type')}
          options={[
            { value: '', label: t('privacy.audit.typeAll') },
            ...(values.type && !EVENT_TYPES.includes(values.type) ? [values.type] : [])
              .concat(EVENT_TYPES)
              .map((type) => ({
                value: type,
                label: `${auditEventLabel(type)[lang]} (${type})`,
              })),
          ]}
        />
        <SelectField
          id="audit-filter-agency"
          label={t('privacy.audit.agency')}
          value={values.agencyId}
          onChange={set('agencyId')}
          options={[
            { value: '', label: t('privacy.audit.agencyAll') },
            ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <TextField
          id="audit-filter-actor"
          label={t('privacy.audit.actorUserId')}
          error={actorError}
          value={values.actorUserId}
          onChange={set('actorUserId')}
          maxLength={36}
          spellCheck={false}
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
            setValues(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
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
      {hasPermission(me, 'privacy.report') ? (
        <p>
          <Link className="kern-link" to={paths.accessReports}>
            <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
            {t('privacy.audit.accessReportLink')}
          </Link>
        </p>
      ) : null}
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
