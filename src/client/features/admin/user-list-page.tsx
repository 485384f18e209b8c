import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../shared/contracts/users';
import { Alert } from '../../components/ui/alert';
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
import { UserCreateDialog } from './user-create-dialog';
import { UserStatusBadge } from './user-status-badge';
import { agencyOptionsQuery, userListQuery, type UserListParams } from './users-api';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';

type SortKey = 'username' | 'displayName' | 'agency' | 'lastLoginAt';
const SORT_KEYS: readonly SortKey[] = ['username', 'displayName', 'agency', 'lastLoginAt'];
const PAGE_SIZE = 20;

function readParams(search: URLSearchParams) {
  const sort = search.get('sort');
  const dir = search.get('dir');
  const active = search.get('active');
  const page = Number(search.get('page') ?? '1');
  return {
    q: search.get('q') ?? '',
    agencyId: search.get('agencyId') ?? '',
    active: active === 'true' || active === 'false' ? active : '',
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : 'username',
    dir: dir === 'desc' ? ('desc' as const) : ('asc' as const),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function FilterForm({
  initial,
  onApply,
}: {
  initial: ReturnType<typeof readParams>;
  onApply: (values: { q: string; agencyId: string; active: string }) => void;
}) {
  const { t } = useTranslation();
  const agencies = useQuery(agencyOptionsQuery);
  const [q, setQ] = useState(initial.q);
  const [agencyId, setAgencyId] = useState(initial.agencyId);
  const [active, setActive] = useState(initial.active);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ q: q.trim(), agencyId, active });
  }

  function reset() {
    setQ('');
    setAgencyId('');
    setActive('');
    onApply({ q: '', agencyId: '', active: '' });
  }

  return (
    <form role="search" onSubmit={submit} className="lotse-filter" aria-labelledby="user-filter-title">
      <h2 className="kern-heading-small" id="user-filter-title">
        {t('users.filterTitle')}
      </h2>
      <div className="lotse-filter__fields">
        <TextField
          id="user-filter-q"
          label={t('users.search')}
          hint={t('users.searchHint')}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <SelectField
          id="user-filter-agency"
          label={t('users.agency')}
          value={agencyId}
          onChange={(event) => setAgencyId(event.target.value)}
          options={[
            { value: '', label: t('users.allAgencies') },
            ...(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
          ]}
        />
        <SelectField
          id="user-filter-active"
          label={t('users.status')}
          value={active}
          onChange={(event) => setActive(event.target.value)}
          options={[
            { value: '', label: t('users.statusAll') },
            { value: 'true', label: t('users.statusActive') },
            { value: 'false', label: t('users.statusInactive') },
          ]}
        />
      </div>
      <div className="lotse-button-row">
        <Button type="submit" variant="primary" icon="search">
          {t('common.search')}
        </Button>
        <Button variant="tertiary" onClick={reset}>
          {t('common.reset')}
        </Button>
      </div>
    </form>
  );
}

type SortHeaderProps = {
  column: SortKey;
  label: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  onSort: (column: SortKey) => void;
};

function SortHeader({ column, label, sort, dir, onSort }: SortHeaderProps) {
  const active = sort === column;
  const ariaSort = active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const icon = active ? (dir === 'asc' ? 'arrow-up' : 'arrow-down') : null;
  return (
    <th scope="col" className="kern-table__header" aria-sort={ariaSort}>
      <button type="button" className="lotse-sort-button" onClick={() => onSort(column)}>
        {label}
        {icon ? <span className={`kern-icon kern-icon--${icon} kern-icon--small`} aria-hidden="true" /> : null}
      </button>
    </th>
  );
}

export function UserListPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [search, setParams] = useSearchParamUpdate();
  const params = readParams(search);
  const [createOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<User | null>(null);

  const query: UserListParams = {
    q: params.q || undefined,
    agencyId: params.agencyId || undefined,
    active: params.active === 'true' || params.active === 'false' ? params.active : undefined,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
    pageSize: PAGE_SIZE,
  };
  const users = useQuery(userListQuery(query));
  const filtered = !!(params.q || params.agencyId || params.active);

  function update(next: Partial<Record<'q' | 'agencyId' | 'active' | 'sort' | 'dir' | 'page', string>>) {
    setParams(next);
  }

  function onSort(column: SortKey) {
    const dir = params.sort === column && params.dir === 'asc' ? 'desc' : 'asc';
    update({ sort: column, dir, page: '' });
  }

  return (
    <>
      <PageHeading title={t('users.listTitle')}>{t('users.listIntro')}</PageHeading>

      {hasPermission(me, 'user.create') ? (
        <div className="lotse-toolbar">
          <Button variant="primary" icon="add" onClick={() => setCreateOpen(true)}>
            {t('users.create')}
          </Button>
        </div>
      ) : null}

      <div role="status">
        {created ? (
          <Alert tone="success" title={t('users.created', { username: created.username })} role="none">
            <p className="kern-body">
              <Link className="kern-link" to={paths.user(created.id)}>
                {created.displayName} ({created.username})
              </Link>
            </p>
          </Alert>
        ) : null}
      </div>

      <FilterForm
        key={search.toString()}
        initial={params}
        onApply={(values) => {
          setCreated(null);
          update({ ...values, page: '' });
        }}
      />

      {users.isPending ? <Loading /> : null}
      {users.error ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data && users.data.items.length === 0 ? (
        <EmptyState title={t('users.empty')} headingLevel={2}>
          {filtered ? t('users.emptyFiltered') : null}
        </EmptyState>
      ) : null}
      {users.data && users.data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={users.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-sr-only">{t('users.tableCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <SortHeader
                    column="username"
                    label={t('users.username')}
                    sort={params.sort}
                    dir={params.dir}
                    onSort={onSort}
                  />
                  <SortHeader
                    column="displayName"
                    label={t('users.displayName')}
                    sort={params.sort}
                    dir={params.dir}
                    onSort={onSort}
                  />
                  <SortHeader
                    column="agency"
                    label={t('users.agency')}
                    sort={params.sort}
                    dir={params.dir}
                    onSort={onSort}
                  />
                  <th scope="col" className="kern-table__header">
                    {t('users.roles')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('users.status')}
                  </th>
                  <SortHeader
                    column="lastLoginAt"
                    label={t('users.lastLoginAt')}
                    sort={params.sort}
                    dir={params.dir}
                    onSort={onSort}
                  />
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {users.data.items.map((user) => (
                  <tr className="kern-table__row" key={user.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.user(user.id)}>
                        {user.username}
                      </Link>
                    </td>
                    <td className="kern-table__cell">{user.displayName}</td>
                    <td className="kern-table__cell">{user.agency.name}</td>
                    <td className="kern-table__cell">{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                    <td className="kern-table__cell">
                      <UserStatusBadge active={user.active} />
                    </td>
                    <td className="kern-table__cell">
                      {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.never')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={users.data.page} onPageChange={(page) => update({ page: String(page) })} />
        </>
      ) : null}

      {me ? (
        <UserCreateDialog
          isOpen={createOpen}
          onOpenChange={setCreateOpen}
          defaultAgencyId={me.agency.id}
          onCreated={(user) => {
            setCreateOpen(false);
            setCreated(user);
            void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
          }}
        />
      ) : null}
    </>
  );
}
