import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseListScopeSchema, casePhases, caseSortSchema, type CaseListQuery } from '../../../shared/contracts/cases';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { caseListQuery } from './cases-api';
import { personLabel, phaseLabel } from './case-format';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';

const PAGE_SIZE = 25;
const statuses = ['open', 'closed', 'all'] as const;

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** "Fälle": the cases my agency works on, with scope, filters and sorting kept in the address. */
export function CaseListPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const query: Partial<CaseListQuery> = {
    scope: pick(search.get('bereich'), caseListScopeSchema.options, 'mine'),
    status: pick(search.get('status'), statuses, 'open'),
    phase: search.get('phase') ? pick(search.get('phase'), casePhases, 'intake') : undefined,
    sort: pick(search.get('sortierung'), caseSortSchema.options, 'updatedAt'),
    dir: pick(search.get('richtung'), ['asc', 'desc'] as const, 'desc'),
    q: search.get('q') ?? undefined,
    page: Math.max(1, Number(search.get('seite')) || 1),
    pageSize: PAGE_SIZE,
  };
  const [text, setText] = useState(query.q ?? '');
  const result = useQuery(caseListQuery(query));

  // A changed filter starts at page 1 again.
  function update(next: Record<string, string | undefined>) {
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });
  }

  const data = result.data;
  return (
    <>
      <PageHeading title={t('cases.list.title')}>{t('cases.list.intro')}</PageHeading>
      {hasPermission(me, 'case.manage') ? (
        <p className="kern-body">
          <Link className="kern-link" to={paths.caseWorkload}>
            {t('cases.workload.title')}
          </Link>
        </p>
      ) : null}
      <form
        className="lotse-filter"
        aria-label={t('cases.list.filter')}
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: text.trim() || undefined });
        }}
      >
        <div className="lotse-filter__fields">
          <SelectField
            id="case-scope"
            label={t('cases.list.scope')}
            value={query.scope}
            options={caseListScopeSchema.options.map((s) => ({ value: s, label: t(`cases.list.scopes.${s}`) }))}
            onChange={(event) => update({ bereich: event.target.value })}
          />
          <SelectField
            id="case-status"
            label={t('cases.list.status')}
            value={query.status}
            options={statuses.map((s) => ({ value: s, label: t(`cases.list.statuses.${s}`) }))}
            onChange={(event) => update({ status: event.target.value })}
          />
          <SelectField
            id="case-phase"
            label={t('cases.list.phase')}
            value={query.phase ?? ''}
            options={[
              { value: '', label: t('common.all') },
              ...casePhases.map((p) => ({ value: p, label: phaseLabel(p) })),
            ]}
            onChange={(event) => update({ phase: event.target.value || undefined })}
          />
          <SelectField
            id="case-sort"
            label={t('cases.list.sort')}
            value={`${query.sort}:${query.dir}`}
            options={caseSortSchema.options.flatMap((s) =>
              (['desc', 'asc'] as const).map((d) => ({ value: `${s}:${d}`, label: t(`cases.list.sorts.${s}_${d}`) })),
            )}
            onChange={(event) => {
              const [sortierung, richtung] = event.target.value.split(':');
              update({ sortierung, richtung });
            }}
          />
          <TextField
            id="case-q"
            label={t('cases.list.q')}
            hint={t('cases.list.qHint')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div>
            <Button type="submit" variant="secondary" icon="search">
              {t('common.search')}
            </Button>
          </div>
        </div>
      </form>

      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('cases.list.emptyTitle')} headingLevel={2}>
          {t('cases.list.emptyText')}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('cases.list.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('cases.fields.reference')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('cases.fields.person')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('cases.fields.phase')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('cases.fields.lead')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('cases.fields.updatedAt')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((item) => (
                  <tr className="kern-table__row" key={item.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.case(item.id)}>
                        {item.reference}
                      </Link>
                      <br />
                      <span className="kern-body kern-body--small">{item.title}</span>
                    </td>
                    <td className="kern-table__cell">{personLabel(item.person)}</td>
                    <td className="kern-table__cell">{phaseLabel(item.phase)}</td>
                    <td className="kern-table__cell">
                      {item.lead.user.displayName}
                      <br />
                      <span className="kern-body kern-body--small">{item.lead.agency.name}</span>
                    </td>
                    <td className="kern-table__cell lotse-nowrap">{formatDateTime(item.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} onPageChange={(next) => update({ seite: String(next) })} />
        </>
      ) : null}
    </>
  );
}
