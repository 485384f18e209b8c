import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AddressSummary } from '../../../shared/contracts/addresses';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox, SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { addressListQuery } from './address-api';
import { explorationOverviewQuery } from './exploration-api';
import { formatInstantDay } from './exploration-format';
import { SocialSpaceNav } from './social-space-nav';

const PAGE_SIZE = 25;

export function MailboxText({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  return (
    <>
      {value === true
        ? t('explorations.addresses.mailboxYes')
        : value === false
          ? t('explorations.addresses.mailboxNo')
          : t('explorations.addresses.unknown')}
    </>
  );
}

export function DeliveryCell({ a }: { a: Pick<AddressSummary, 'facts' | 'problem'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`socialSpace.mailDelivery.${a.facts.mailDelivery}`)}
      {a.problem ? (
        <>
          <br />
          <span className="kern-badge kern-badge--danger">
            <span className="kern-label">{t('explorations.addresses.problem')}</span>
          </span>
        </>
      ) : null}
    </>
  );
}

/** "Anschriften": the address register with its deliverability facts. */
export function AddressListPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const q = search.get('suche') ?? '';
  const districtId = search.get('stadtteil') ?? '';
  const problem = search.get('probleme') === 'ja';
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const districts = useQuery(explorationOverviewQuery());
  const result = useQuery(
    addressListQuery({
      page,
      pageSize: PAGE_SIZE,
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(districtId ? { districtId } : {}),
      ...(problem ? { problem: 'true' } : {}),
    }),
  );
  const update = (next: Record<string, string | null | undefined>) =>
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });
  const data = result.data;
  return (
    <>
      <SocialSpaceNav />
      <PageHeading title={t('explorations.addresses.title')}>{t('explorations.addresses.intro')}</PageHeading>
      <form
        className="lotse-filter"
        aria-label={t('explorations.addresses.filter')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="lotse-filter__fields">
          <TextField
            id="addresses-search"
            type="search"
            label={t('explorations.addresses.search')}
            value={q}
            onChange={(e) => update({ suche: e.target.value || null })}
          />
          <SelectField
            id="addresses-district"
            label={t('explorations.addresses.district')}
            value={districtId}
            options={[
              { value: '', label: t('explorations.addresses.allDistricts') },
              ...[...(districts.data?.items ?? [])]
                .sort((a, b) => a.district.name.localeCompare(b.district.name, 'de'))
                .map((r) => ({ value: r.district.id, label: r.district.name })),
            ]}
            onChange={(e) => update({ stadtteil: e.target.value || null })}
          />
        </div>
        <Checkbox
          id="addresses-problem"
          label={t('explorations.addresses.onlyProblems')}
          checked={problem}
          onChange={(e) => update({ probleme: e.target.checked ? 'ja' : null })}
        />
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('explorations.addresses.empty')} headingLevel={2}>
          {t('explorations.addresses.emptyText')}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('explorations.addresses.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  {(['address', 'district', 'delivery', 'mailbox', 'checked'] as const).map((c) => (
                    <th scope="col" className="kern-table__header" key={c}>
                      {t(`explorations.addresses.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((a) => (
                  <tr className="kern-table__row" key={a.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.address(a.id)}>
                        {a.street} {a.houseNumber}
                      </Link>
                      <br />
                      <span className="kern-body kern-body--small">
                        {a.postalCode} {a.city}
                      </span>
                    </td>
                    <td className="kern-table__cell">{a.district?.name ?? t('explorations.addresses.noDistrict')}</td>
                    <td className="kern-table__cell">
                      <DeliveryCell a={a} />
                    </td>
                    <td className="kern-table__cell">
                      <MailboxText value={a.facts.mailboxPresent} />
                    </td>
                    <td className="kern-table__cell lotse-nowrap">
                      {a.lastCheckedAt
                        ? t('explorations.addresses.checkedVia', {
                            date: formatInstantDay(a.lastCheckedAt),
                            source: a.lastCheckedSource ? t(`socialSpace.checkSource.${a.lastCheckedSource}`) : '',
                          })
                        : t('explorations.addresses.never')}
                    </td>
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
