import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { measureKindSchema, measureSorts, type Measure } from '../../../shared/contracts/measures';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox, SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { Button } from '../../components/ui/button';
import { formatCalendarDay } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { agenciesQuery } from './referrals-api';
import { measureListQuery, type MeasureListParams } from './measures-api';
import type { TFunction } from 'i18next';

const PAGE_SIZE = 25;

export function measurePeriod(m: Pick<Measure, 'startsOn' | 'endsOn'>, t: TFunction): string {
  if (!m.startsOn && !m.endsOn) return t('measures.ongoing');
  return t('measures.period', { from: m.startsOn ? formatCalendarDay(m.startsOn) : '…', until: m.endsOn ? formatCalendarDay(m.endsOn) : '…' });
}

export function measurePlaces(m: Pick<Measure, 'places' | 'freePlaces'>, t: TFunction): string {
  return m.places === null ? t('measures.placesOpen') : t('measures.placesFree', { free: m.freePlaces ?? 0, places: m.places });
}

/** "Maßnahmen": the catalogue with search, filters, sorting and paging kept in the address. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const kind = measureKindSchema.safeParse(search.get('art')).data;
  const agencyId = search.get('stelle') || undefined;
  const activeRaw = search.get('status');
  const active = activeRaw === 'false' || activeRaw === 'all' ? activeRaw : 'true';
  const hasPlaces = search.get('plaetze') === 'true' ? 'true' : undefined;
  const sort = measureSorts.find((s) => s === search.get('sortierung')) ?? 'title';
  const q = search.get('q') ?? '';
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const [term, setTerm] = useState(q);
  const params: MeasureListParams = {
    ...(q ? { q } : {}),
    ...(kind ? { kind } : {}),
    ...(agencyId ? { agencyId } : {}),
    active,
    ...(hasPlaces ? { hasPlaces } : {}),
    sort,
    dir: sort === 'updatedAt' ? 'desc' : 'asc',
    page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery(measureListQuery(params));
  const agencies = useQuery(agenciesQuery);

  function update(next: Record<string, string | undefined>) {
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });
  }

  const data = result.data;
  return (
    <>
      <PageHeading title={t('measures.title')}>{t('measures.intro')}</PageHeading>
      {hasPermission(me.data, 'measure.manage') ? (
        <p>
          <Link className="kern-btn kern-btn--primary" to={paths.measureNew}>
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('measures.newMeasure')}</span>
          </Link>{' '}
          <Link className="kern-link" to={paths.referralCriteria}>
            {t('measures.agencyCriteria.title')}
          </Link>
        </p>
      ) : null}
      <form
        className="lotse-filter"
        aria-label={t('measures.filter.title')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: term.trim() || undefined });
        }}
      >
        <div className="lotse-filter__fields">
          <TextField id="measure-q" label={t('measures.filter.q')} hint={t('measures.filter.qHint')} value={term} onChange={(e) => setTerm(e.target.value)} type="search" />
          <SelectField
            id="measure-kind"
            label={t('measures.filter.kind')}
            value={kind ?? ''}
            options={[{ value: '', label: t('measures.filter.all') }, ...measureKindSchema.options.map((k) => ({ value: k, label: t(`measures.kinds.${k}`) }))]}
            onChange={(e) => update({ art: e.target.value || undefined })}
          />
          <SelectField
            id="measure-agency"
            label={t('measures.filter.agency')}
            value={agencyId ?? ''}
            options={[
              { value: '', label: t('measures.filter.all') },
              ...(agencies.data?.items ?? []).filter((a) => a.kind !== 'steering').map((a) => ({ value: a.id, label: a.name })),
            ]}
            onChange={(e) => update({ stelle: e.target.value || undefined })}
          />
          <SelectField
            id="measure-active"
            label={t('measures.filter.active')}
            value={active}
            options={[
              { value: 'true', label: t('measures.filter.activeOnly') },
              { value: 'false', label: t('measures.filter.inactiveOnly') },
              { value: 'all', label: t('measures.filter.all') },
            ]}
            onChange={(e) => update({ status: e.target.value === 'true' ? undefined : e.target.value })}
          />
          <SelectField
            id="measure-sort"
            label={t('measures.filter.sort')}
            value={sort}
            options={measureSorts.map((s) => ({ value: s, label: t(`measures.filter.sorts.${s}`) }))}
            onChange={(e) => update({ sortierung: e.target.value === 'title' ? undefined : e.target.value })}
          />
        </div>
        <Checkbox
          id="measure-places"
          label={t('measures.filter.hasPlaces')}
          checked={hasPlaces === 'true'}
          onChange={(e) => update({ plaetze: e.target.checked ? 'true' : undefined })}
        />
        <div>
          <Button type="submit" variant="secondary" icon="search">
            {t('measures.filter.apply')}
          </Button>
        </div>
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('measures.emptyTitle')} headingLevel={2}>
          {t('measures.emptyText')}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('measures.count', { count: data.page.total })}</caption>
              <thead>
                <tr className="kern-table__row">
                  {(['title', 'kind', 'agency', 'dates', 'places'] as const).map((c) => (
                    <th key={c} scope="col" className="kern-table__header">
                      {t(`measures.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((m) => (
                  <tr className="kern-table__row" key={m.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.measure(m.id)}>
                        {m.title}
                      </Link>
                      <br />
                      <span className="kern-body kern-body--small">{m.provider}</span>
                      {!m.active ? (
                        <>
                          {' '}
                          <span className="kern-badge kern-badge--warning">
                            <span className="kern-label">{t('measures.inactive')}</span>
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell">{t(`measures.kinds.${m.kind}`)}</td>
                    <td className="kern-table__cell">{m.agency.name}</td>
                    <td className="kern-table__cell">{measurePeriod(m, t)}</td>
                    <td className="kern-table__cell">{measurePlaces(m, t)}</td>
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
