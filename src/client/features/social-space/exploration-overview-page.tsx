import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExplorationOverviewRow } from '../../../shared/contracts/explorations';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { explorationListQuery, explorationOverviewQuery } from './exploration-api';
import { formatDay } from './exploration-format';
import { SocialSpaceNav } from './social-space-nav';

const PAGE_SIZE = 20;
const sorts = ['nextDue', 'name', 'lastExplored'] as const;
type Sort = (typeof sorts)[number];

/** Overdue first (never explored before all), then the soonest due; ties by name. */
function compare(sort: Sort) {
  return (a: ExplorationOverviewRow, b: ExplorationOverviewRow): number => {
    const byName = a.district.name.localeCompare(b.district.name, 'de');
    if (sort === 'name') return byName;
    if (sort === 'lastExplored') {
      const x = a.lastExploredOn ?? '';
      const y = b.lastExploredOn ?? '';
      return x === y ? byName : x < y ? -1 : 1;
    }
    const x = a.nextDueOn ?? '';
    const y = b.nextDueOn ?? '';
    return x === y ? byName : x < y ? -1 : 1;
  };
}

const isDay = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

/** "Erkundungen": the state of each district (last explored, next due, overdue) and the protocols. */
export function ExplorationOverviewPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const sort = (sorts as readonly string[]).includes(search.get('sortierung') ?? '')
    ? (search.get('sortierung') as Sort)
    : 'nextDue';
  const districtId = search.get('stadtteil') ?? '';
  const from = isDay(search.get('von'));
  const to = isDay(search.get('bis'));
  const page = Math.max(1, Number(search.get('seite')) || 1);

  const overview = useQuery(explorationOverviewQuery());
  const list = useQuery(
    explorationListQuery({
      page,
      pageSize: PAGE_SIZE,
      ...(districtId ? { districtId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    }),
  );
  const rows = [...(overview.data?.items ?? [])].sort(compare(sort));
  const update = (next: Record<string, string | undefined>) =>
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });

  return (
    <>
      <SocialSpaceNav />
      <PageHeading title={t('explorations.overview.title')}>{t('explorations.overview.intro')}</PageHeading>
      {hasPermission(me, 'exploration.write') ? (
        <p>
          <Link className="kern-btn kern-btn--primary" to={paths.explorationNew}>
            <span className="kern-label">{t('explorations.overview.newExploration')}</span>
          </Link>
        </p>
      ) : null}
      <SectionCard id="districts" title={t('explorations.overview.districtsTitle')}>
        <SelectField
          id="overview-sort"
          label={t('explorations.overview.sortLabel')}
          value={sort}
          options={sorts.map((s) => ({ value: s, label: t(`explorations.overview.sorts.${s}`) }))}
          onChange={(e) =>
            setParams({ sortierung: e.target.value === 'nextDue' ? null : e.target.value }, { replace: true })
          }
        />
        {overview.isPending ? <Loading /> : null}
        {overview.error ? <QueryError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
        {rows.length > 0 ? (
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('explorations.overview.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  {(['district', 'lastExplored', 'last12', 'cadence', 'nextDue', 'status', 'followUps'] as const).map(
                    (c) => (
                      <th
                        scope="col"
                        className="kern-table__header"
                        key={c}
                        aria-sort={
                          (c === 'district' && sort === 'name') ||
                          (c === 'nextDue' && sort === 'nextDue') ||
                          (c === 'lastExplored' && sort === 'lastExplored')
                            ? 'ascending'
                            : undefined
                        }
                      >
                        {t(`explorations.overview.columns.${c}`)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {rows.map((r) => (
                  <tr className="kern-table__row" key={r.district.id} data-testid={`district-row-${r.district.name}`}>
                    <th scope="row" className="kern-table__cell">
                      <Link className="kern-link" to={paths.district(r.district.id)}>
                        {r.district.name}
                      </Link>
                    </th>
                    <td className="kern-table__cell lotse-nowrap">
                      {r.lastExploredOn ? formatDay(r.lastExploredOn) : t('explorations.overview.never')}
                    </td>
                    <td className="kern-table__cell">{r.explorationsLast12Months}</td>
                    <td className="kern-table__cell lotse-nowrap">
                      {t('explorations.overview.cadenceDays', { count: r.cadenceDays })}
                    </td>
                    <td className="kern-table__cell lotse-nowrap">
                      {r.nextDueOn ? formatDay(r.nextDueOn) : t('explorations.overview.dueNow')}
                    </td>
                    <td className="kern-table__cell">
                      {r.overdue ? (
                        <span className="kern-badge kern-badge--danger">
                          <span className="kern-label">{t('explorations.overview.overdue')}</span>
                        </span>
                      ) : (
                        <span className="kern-badge kern-badge--success">
                          <span className="kern-label">{t('explorations.overview.onTrack')}</span>
                        </span>
                      )}
                    </td>
                    <td className="kern-table__cell">{r.openFollowUps}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </SectionCard>

      <SectionCard id="protocols" title={t('explorations.list.title')}>
        <form className="lotse-filter" aria-label={t('explorations.list.filter')} onSubmit={(e) => e.preventDefault()}>
          <div className="lotse-filter__fields">
            <SelectField
              id="protocols-district"
              label={t('explorations.list.district')}
              value={districtId}
              options={[
                { value: '', label: t('explorations.list.allDistricts') },
                ...[...(overview.data?.items ?? [])]
                  .sort((a, b) => a.district.name.localeCompare(b.district.name, 'de'))
                  .map((r) => ({ value: r.district.id, label: r.district.name })),
              ]}
              onChange={(e) => update({ stadtteil: e.target.value || undefined })}
            />
            <TextField
              id="protocols-from"
              type="date"
              label={t('explorations.list.from')}
              value={from ?? ''}
              onChange={(e) => update({ von: e.target.value || undefined })}
            />
            <TextField
              id="protocols-to"
              type="date"
              label={t('explorations.list.to')}
              value={to ?? ''}
              onChange={(e) => update({ bis: e.target.value || undefined })}
            />
          </div>
        </form>
        {list.isPending ? <Loading /> : null}
        {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.items.length === 0 ? (
          <EmptyState title={t('explorations.list.empty')}>{t('explorations.list.emptyText')}</EmptyState>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="kern-table-responsive" aria-busy={list.isFetching || undefined}>
              <table className="kern-table kern-table--striped lotse-table-full">
                <caption className="kern-body">{t('explorations.list.caption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    {(['date', 'district', 'agency', 'counts'] as const).map((c) => (
                      <th scope="col" className="kern-table__header" key={c}>
                        {t(`explorations.list.columns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {list.data.items.map((e) => (
                    <tr className="kern-table__row" key={e.id}>
                      <td className="kern-table__cell lotse-nowrap">
                        <Link className="kern-link" to={paths.exploration(e.id)}>
                          {formatDay(e.exploredOn)}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{e.district.name}</td>
                      <td className="kern-table__cell">
                        {e.createdBy.displayName}
                        <br />
                        <span className="kern-body kern-body--small">{e.agency.name}</span>
                      </td>
                      <td className="kern-table__cell">
                        {t('explorations.list.counts', {
                          participants: e.participantCount,
                          resources: e.resourceCount,
                          addresses: e.addressCount,
                          followUps: e.openFollowUps,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={list.data.page} onPageChange={(next) => update({ seite: String(next) })} />
          </>
        ) : null}
      </SectionCard>
    </>
  );
}
