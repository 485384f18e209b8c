import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { letterStatuses, type LetterStatus } from '../../../shared/contracts/letters';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox, SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { agencyLettersQuery } from './letter-delivery-api';

const PAGE_SIZE = 20;

const sorts = {
  neu: { sort: 'createdAt', dir: 'desc', label: 'sortCreated' },
  alt: { sort: 'createdAt', dir: 'asc', label: 'sortCreatedAsc' },
  versandt: { sort: 'sentAt', dir: 'desc', label: 'sortSent' },
  versandtAlt: { sort: 'sentAt', dir: 'asc', label: 'sortSentAsc' },
  status: { sort: 'status', dir: 'asc', label: 'sortStatus' },
} as const;
type SortKey = keyof typeof sorts;

/** "Schriftverkehr": the letters of the caller's agency, with filters for missing proof and returned mail. */
export function CorrespondenceOutboxPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const statusParam = search.get('status') ?? '';
  const status = (letterStatuses as readonly string[]).includes(statusParam)
    ? (statusParam as LetterStatus)
    : undefined;
  const proofMissing = search.get('ohneNachweis') === 'ja';
  const returned = search.get('ruecklaeufer') === 'ja';
  const sortParam = search.get('sortierung') ?? 'neu';
  const sortKey: SortKey = sortParam in sorts ? (sortParam as SortKey) : 'neu';
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const result = useQuery(
    agencyLettersQuery({
      page,
      pageSize: PAGE_SIZE,
      sort: sorts[sortKey].sort,
      dir: sorts[sortKey].dir,
      ...(status ? { status } : {}),
      ...(proofMissing ? { proofMissing: 'true' } : {}),
      ...(returned ? { returned: 'true' } : {}),
    }),
  );
  const update = (next: Record<string, string | null | undefined>) =>
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });
  const data = result.data;

  return (
    <>
      <PageHeading title={t('letterDelivery.outbox.title')}>{t('letterDelivery.outbox.intro')}</PageHeading>
      <form className="lotse-filter" aria-label={t('letterDelivery.outbox.title')} onSubmit={(e) => e.preventDefault()}>
        <div className="lotse-filter__fields">
          <SelectField
            id="letters-status"
            label={t('letterDelivery.outbox.filterStatus')}
            value={status ?? ''}
            options={[
              { value: '', label: t('letterDelivery.outbox.allStatuses') },
              ...letterStatuses.map((s) => ({ value: s, label: t(`letterDelivery.statuses.${s}`) })),
            ]}
            onChange={(e) => update({ status: e.target.value || null })}
          />
          <SelectField
            id="letters-sort"
            label={t('letterDelivery.outbox.sort')}
            value={sortKey}
            options={(Object.keys(sorts) as SortKey[]).map((k) => ({
              value: k,
              label: t(`letterDelivery.outbox.${sorts[k].label}`),
            }))}
            onChange={(e) => update({ sortierung: e.target.value === 'neu' ? null : e.target.value })}
          />
        </div>
        <Checkbox
          id="letters-proof-missing"
          label={t('letterDelivery.outbox.proofMissing')}
          checked={proofMissing}
          onChange={(e) => update({ ohneNachweis: e.target.checked ? 'ja' : null })}
        />
        <Checkbox
          id="letters-returned"
          label={t('letterDelivery.outbox.returned')}
          checked={returned}
          onChange={(e) => update({ ruecklaeufer: e.target.checked ? 'ja' : null })}
        />
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('letterDelivery.outbox.emptyTitle')} headingLevel={2}>
          {t('letterDelivery.outbox.emptyText')}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <p className="kern-body" role="status">
            {t('letterDelivery.outbox.count', { count: data.page.total })}
          </p>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('letterDelivery.outbox.tableCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  {(['subject', 'person', 'case', 'channel', 'status', 'sentAt'] as const).map((c) => (
                    <th scope="col" className="kern-table__header" key={c}>
                      {t(`letterDelivery.outbox.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((l) => (
                  <tr className="kern-table__row" key={l.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.letter(l.id)}>
                        {l.subject}
                      </Link>
                    </td>
                    <td className="kern-table__cell">{l.personName ?? '–'}</td>
                    <td className="kern-table__cell lotse-nowrap">{l.caseReference}</td>
                    <td className="kern-table__cell">{t(`letterDelivery.channels.${l.channel}`)}</td>
                    <td className="kern-table__cell">
                      <span
                        className={`kern-badge kern-badge--${
                          l.status === 'delivered'
                            ? 'success'
                            : l.status === 'returned' || l.status === 'undeliverable'
                              ? 'danger'
                              : l.status === 'sent'
                                ? 'warning'
                                : 'info'
                        }`}
                      >
                        <span className="kern-label">{t(`letterDelivery.statuses.${l.status}`)}</span>
                      </span>
                    </td>
                    <td className="kern-table__cell lotse-nowrap">{l.sentAt ? formatDateTime(l.sentAt) : '–'}</td>
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
