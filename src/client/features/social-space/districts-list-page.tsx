import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DistrictSummary } from '../../../shared/contracts/districts';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { districtListQuery } from './districts-api';
import { formatCalendarDate, formatClients, formatNumber } from './districts-format';
import { SocialSpaceNav } from './social-space-nav';

type Column = 'name' | 'borough' | 'population' | 'clients' | 'staff' | 'cadence';

const sortValue = (d: DistrictSummary, c: Column): string | number => {
  switch (c) {
    case 'name':
      return d.name;
    case 'borough':
      return d.borough ?? '';
    case 'population':
      return d.population ?? -1;
    case 'clients':
      // A suppressed count (1–4) sorts between 0 and 5.
      return d.clients.suppressed ? 2.5 : (d.clients.count ?? -1);
    case 'staff':
      return d.staffCount;
    case 'cadence':
      return d.explorationCadenceDays;
  }
};

/** The districts (Stadtteile) as a sortable table. */
export function DistrictsListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const districts = useQuery(districtListQuery);
  const [sort, setSort] = useState<{ column: Column; dir: 'asc' | 'desc' }>({ column: 'name', dir: 'asc' });

  const rows = [...(districts.data?.items ?? [])].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'de');
    return sort.dir === 'asc' ? cmp : -cmp;
  });
  const onSort = (column: Column) =>
    setSort((s) => ({ column, dir: s.column === column && s.dir === 'asc' ? 'desc' : 'asc' }));

  const header = (column: Column, label: string) => {
    const active = sort.column === column;
    return (
      <th
        scope="col"
        className="kern-table__header"
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button type="button" className="lotse-sort-button" onClick={() => onSort(column)}>
          {label}
          {active ? (
            <span
              className={`kern-icon kern-icon--${sort.dir === 'asc' ? 'arrow-up' : 'arrow-down'} kern-icon--small`}
              aria-hidden="true"
            />
          ) : null}
        </button>
      </th>
    );
  };

  return (
    <>
      <SocialSpaceNav />
      <PageHeading title={t('districts.list.title')}>{t('districts.list.intro')}</PageHeading>
      {districts.isPending ? <Loading /> : null}
      {districts.error ? <QueryError error={districts.error} onRetry={() => void districts.refetch()} /> : null}
      {districts.data && rows.length === 0 ? <EmptyState title={t('districts.list.empty')} headingLevel={2} /> : null}
      {rows.length > 0 ? (
        <>
          <p className="kern-body kern-body--muted">{t('districts.clients.suppressedHint')}</p>
          <div className="kern-table-responsive">
            <table className="kern-table lotse-table-full">
              <caption className="kern-sr-only">{t('districts.list.caption')}</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  {header('name', t('districts.list.name'))}
                  {header('borough', t('districts.list.borough'))}
                  {header('population', t('districts.list.population'))}
                  {header('clients', t('districts.list.clients'))}
                  {header('staff', t('districts.list.staff'))}
                  {header('cadence', t('districts.list.cadence'))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {rows.map((d) => (
                  <tr className="kern-table__row" key={d.id}>
                    <th scope="row" className="kern-table__header">
                      <Link className="kern-link" to={paths.district(d.id)}>
                        {d.name}
                      </Link>
                    </th>
                    <td className="kern-table__cell">{d.borough ?? ''}</td>
                    <td className="kern-table__cell">
                      {d.population !== null ? (
                        <>
                          {formatNumber(d.population, lang)}
                          {d.populationAsOf ? (
                            <span className="kern-body--muted">
                              {' '}
                              (
                              {t('districts.list.populationAsOf', { date: formatCalendarDate(d.populationAsOf, lang) })}
                              )
                            </span>
                          ) : null}
                        </>
                      ) : (
                        t('districts.detail.unknown')
                      )}
                    </td>
                    <td className="kern-table__cell">{formatClients(d.clients, t, lang)}</td>
                    <td className="kern-table__cell">{d.staffCount}</td>
                    <td className="kern-table__cell">
                      {t('districts.list.cadenceDays', { count: d.explorationCadenceDays })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
