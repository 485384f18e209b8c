import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resourceStatuses, type ResourceListQuery } from '../../../shared/contracts/resources';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { districtListQuery } from './districts-api';
import { resourceListQuery, resourceTaxonomyQuery } from './resource-api';
import { ResourceStatusBadge, useCategoryName, VerificationText } from './resource-format';
import { SocialSpaceNav } from './social-space-nav';

const PAGE_SIZE = 25;
const sorts = {
  name: { sort: 'name', dir: 'asc' },
  'name-desc': { sort: 'name', dir: 'desc' },
  verified: { sort: 'verifiedOn', dir: 'asc' },
  updated: { sort: 'updatedAt', dir: 'desc' },
} as const;
type SortKey = keyof typeof sorts;

/** "Angebote": the resource directory with search, filters, sorting and paging. */
export function ResourceListPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const q = search.get('suche') ?? '';
  const category = search.get('kategorie') ?? '';
  const districtId = search.get('stadtteil') ?? '';
  const status = search.get('status') ?? '';
  const sortKey = (search.get('sortierung') ?? 'name') as SortKey;
  const sort = sorts[sortKey] ?? sorts.name;
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const terms = useQuery(resourceTaxonomyQuery);
  const districts = useQuery(districtListQuery);
  const categoryName = useCategoryName(terms.data?.items);
  const query: ResourceListQuery = {
    page,
    pageSize: PAGE_SIZE,
    sort: sort.sort,
    dir: sort.dir,
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(category ? { category } : {}),
    ...(districtId ? { districtId } : {}),
    ...(status ? { status: status as ResourceListQuery['status'] } : {}),
  };
  const result = useQuery(resourceListQuery(query));
  const update = (next: Record<string, string | null | undefined>) =>
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });
  const data = result.data;
  return (
    <>
      <SocialSpaceNav />
      <PageHeading title={t('resources.list.title')}>{t('resources.list.intro')}</PageHeading>
      <div className="lotse-toolbar">
        {hasPermission(me, 'resource.write') ? (
          <Link className="kern-btn kern-btn--primary" to={paths.resourceNew}>
            <span className="kern-label">{t('resources.list.create')}</span>
          </Link>
        ) : null}
        <Link className="kern-btn kern-btn--secondary" to={paths.resourceImport}>
          <span className="kern-label">{t('resources.list.exchange')}</span>
        </Link>
      </div>
      <form className="lotse-filter" aria-label={t('resources.list.filter')} onSubmit={(e) => e.preventDefault()}>
        <div className="lotse-filter__fields">
          <TextField
            id="resources-search"
            type="search"
            label={t('resources.list.search')}
            value={q}
            onChange={(e) => update({ suche: e.target.value || null })}
          />
          <SelectField
            id="resources-category"
            label={t('resources.list.category')}
            value={category}
            options={[
              { value: '', label: t('resources.list.allCategories') },
              ...(terms.data?.items ?? []).map((term) => ({ value: term.code, label: categoryName(term.code) })),
            ]}
            onChange={(e) => update({ kategorie: e.target.value || null })}
          />
          <SelectField
            id="resources-district"
            label={t('resources.list.district')}
            value={districtId}
            options={[
              { value: '', label: t('resources.list.allDistricts') },
              ...[...(districts.data?.items ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name, 'de'))
                .map((d) => ({ value: d.id, label: d.name })),
            ]}
            onChange={(e) => update({ stadtteil: e.target.value || null })}
          />
          <SelectField
            id="resources-status"
            label={t('resources.list.status')}
            value={status}
            options={[
              { value: '', label: t('resources.list.allStatuses') },
              ...resourceStatuses.map((s) => ({ value: s, label: t(`resources.status.${s}`) })),
            ]}
            onChange={(e) => update({ status: e.target.value || null })}
          />
          <SelectField
            id="resources-sort"
            label={t('resources.list.sort')}
            value={sortKey in sorts ? sortKey : 'name'}
            options={[
              { value: 'name', label: t('resources.list.sortName') },
              { value: 'name-desc', label: t('resources.list.sortNameDesc') },
              { value: 'verified', label: t('resources.list.sortVerified') },
              { value: 'updated', label: t('resources.list.sortUpdated') },
            ]}
            onChange={(e) => update({ sortierung: e.target.value === 'name' ? null : e.target.value })}
          />
        </div>
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('resources.list.empty')} headingLevel={2}>
          {t('resources.list.emptyText')}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('resources.list.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  {(['name', 'categories', 'district', 'status', 'verified'] as const).map((c) => (
                    <th scope="col" className="kern-table__header" key={c}>
                      {t(`resources.list.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((r) => (
                  <tr className="kern-table__row" key={r.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.resource(r.id)}>
                        {r.name}
                      </Link>
                      <br />
                      <span className="kern-body kern-body--small">{r.organization.name}</span>
                    </td>
                    <td className="kern-table__cell">{r.categories.map(categoryName).join(', ')}</td>
                    <td className="kern-table__cell">{r.district?.name ?? t('resources.list.noDistrict')}</td>
                    <td className="kern-table__cell">
                      <ResourceStatusBadge status={r.status} />
                    </td>
                    <td className="kern-table__cell">
                      <VerificationText r={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.pageInfo} onPageChange={(next) => update({ seite: String(next) })} />
        </>
      ) : null}
    </>
  );
}
