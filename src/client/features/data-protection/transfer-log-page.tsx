import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Transfer } from '../../../shared/contracts/transfers';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { displayName } from './transfer-format';
import { TransferStatusBadge, transferCategories, transferValidity } from './transfer-format';
import { transferLogQuery, type TransferLogParams } from './transfers-api';

const PAGE_SIZE = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DIRECTIONS = ['all', 'sent', 'received'] as const;
type Direction = (typeof DIRECTIONS)[number];
type Filters = { direction: Direction; from: string; to: string };

function readFilters(search: URLSearchParams): Filters {
  const direction = search.get('direction') ?? 'all';
  return {
    direction: (DIRECTIONS as readonly string[]).includes(direction) ? (direction as Direction) : 'all',
    from: ISO_DATE.test(search.get('from') ?? '') ? (search.get('from') ?? '') : '',
    to: ISO_DATE.test(search.get('to') ?? '') ? (search.get('to') ?? '') : '',
  };
}

function FilterForm({
  initial,
  showDirection,
  onApply,
}: {
  initial: Filters;
  showDirection: boolean;
  onApply: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form onSubmit={submit} className="lotse-filter" aria-labelledby="transfer-filter-title">
      <h2 className="kern-heading-small" id="transfer-filter-title">
        {t('transfers.log.filterTitle')}
      </h2>
      <div className="lotse-filter__fields">
        {showDirection ? (
          <SelectField
            id="transfer-filter-direction"
            label={t('transfers.log.direction')}
            value={values.direction}
            onChange={(e) => setValues((v) => ({ ...v, direction: e.target.value as Direction }))}
            options={[
              { value: 'all', label: t('transfers.log.directionAll') },
              { value: 'sent', label: t('transfers.log.directionSent') },
              { value: 'received', label: t('transfers.log.directionReceived') },
            ]}
          />
        ) : null}
        <TextField
          id="transfer-filter-from"
          label={t('transfers.log.fromDate')}
          type="date"
          value={values.from}
          onChange={(e) => setValues((v) => ({ ...v, from: e.target.value }))}
        />
        <TextField
          id="transfer-filter-to"
          label={t('transfers.log.toDate')}
          type="date"
          value={values.to}
          onChange={(e) => setValues((v) => ({ ...v, to: e.target.value }))}
        />
      </div>
      <div className="lotse-button-row">
        <Button type="submit" variant="primary" icon="search">
          {t('transfers.log.apply')}
        </Button>
        <Button
          variant="tertiary"
          onClick={() => {
            const empty: Filters = { direction: 'all', from: '', to: '' };
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

function PersonCell({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation();
  const { id, givenNames, familyName } = transfer.person;
  if (id && givenNames !== null && familyName !== null) {
    return (
      <Link className="kern-link" to={paths.person(id)}>
        {displayName({ givenNames, familyName })}
      </Link>
    );
  }
  if (id) return <code className="lotse-break">{id}</code>;
  return <em>{t('transfers.personHidden')}</em>;
}

/** The transfer log: the agency's sent and received transfers; the data protection officer's view of all. */
export function TransferLogPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const filters = readFilters(search);
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const params: TransferLogParams = { page, pageSize: PAGE_SIZE, direction: filters.direction };
  if (filters.from) params.from = filters.from;
  if (filters.to) params.to = filters.to;
  const log = useQuery(transferLogQuery(params));
  const municipality = log.data?.scope === 'municipality';

  return (
    <>
      <PageHeading title={t('transfers.log.title')}>
        {municipality ? t('transfers.log.introMunicipality') : t('transfers.log.intro')}
      </PageHeading>
      <FilterForm
        key={search.toString()}
        initial={filters}
        showDirection={!municipality}
        onApply={(next) =>
          setParams({
            direction: next.direction === 'all' ? '' : next.direction,
            from: next.from,
            to: next.to,
            page: '',
          })
        }
      />
      {log.isPending ? <Loading /> : null}
      {log.error ? <QueryError error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data && log.data.items.length === 0 ? (
        <EmptyState title={t('transfers.log.empty')} headingLevel={2}>
          {t('transfers.log.emptyText')}
        </EmptyState>
      ) : null}
      {log.data && log.data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={log.isFetching || undefined}>
            <table className="kern-table kern-table--small kern-table--striped lotse-table-full">
              <caption className="kern-sr-only">{t('transfers.log.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('transfers.transferredAt')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('transfers.log.person')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('transfers.log.agencies')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('transfers.log.categories')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('transfers.log.basis')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('transfers.log.validity')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {log.data.items.map((transfer) => (
                  <tr className="kern-table__row" key={transfer.id}>
                    <td className="kern-table__cell lotse-nowrap">{formatDateTime(transfer.transferredAt)}</td>
                    <td className="kern-table__cell">
                      <PersonCell transfer={transfer} />
                    </td>
                    <td className="kern-table__cell">
                      {transfer.direction === 'other' ? null : (
                        <>
                          <span className="kern-badge kern-badge--info">
                            <span className="kern-label">{t(`transfers.direction.${transfer.direction}`)}</span>
                          </span>{' '}
                        </>
                      )}
                      {t('transfers.from')}: {transfer.fromAgency.name}
                      <br />
                      {t('transfers.to')}: {transfer.toAgency.name}
                    </td>
                    <td className="kern-table__cell">{transferCategories(transfer)}</td>
                    <td className="kern-table__cell lotse-break">
                      {transfer.legalBasis}
                      {transfer.purpose ? (
                        <>
                          <br />
                          <span className="kern-body--muted">{transfer.purpose}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell lotse-nowrap">
                      {transferValidity(transfer)} <TransferStatusBadge transfer={transfer} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={log.data.page} onPageChange={(next) => setParams({ page: next })} />
        </>
      ) : null}
    </>
  );
}
