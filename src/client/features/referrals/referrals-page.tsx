import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referralStatusSchema, type ReferralListQuery } from '../../../shared/contracts/referrals';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatCalendarDay, formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { referralListQuery } from './referrals-api';
import { ReferralStatusBadge } from './referral-status';

const PAGE_SIZE = 25;
const boxes = ['inbox', 'outbox'] as const;
type Box = (typeof boxes)[number];
/** The boxes in the address, in German like the paths. */
const boxParam: Record<Box, string> = { inbox: 'eingang', outbox: 'ausgang' };
const sorts = [
  ['updatedAt', 'desc'],
  ['updatedAt', 'asc'],
  ['followUpOn', 'asc'],
  ['followUpOn', 'desc'],
  ['createdAt', 'desc'],
  ['createdAt', 'asc'],
  ['status', 'asc'],
  ['status', 'desc'],
] as const;

/** "Vermittlungen": the agency's inbox and outbox — status, overdue filter, sort and page kept in the address. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const box = boxes.find((b) => boxParam[b] === search.get('ansicht')) ?? 'inbox';
  const status = referralStatusSchema.safeParse(search.get('status')).data;
  const overdueRaw = search.get('ueberfaellig');
  const overdue = overdueRaw === 'true' || overdueRaw === 'false' ? overdueRaw : undefined;
  const sortKey = sorts.find(([s, d]) => `${s}:${d}` === search.get('sortierung')) ?? sorts[0];
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const query: ReferralListQuery = {
    box,
    ...(status ? { status } : {}),
    ...(overdue ? { overdue } : {}),
    sort: sortKey[0],
    dir: sortKey[1],
    page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery(referralListQuery(query));

  // A changed filter starts at page 1 again.
  function update(next: Record<string, string | undefined>) {
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });
  }

  const data = result.data;
  return (
    <>
      <PageHeading title={t('referrals.title')}>{t('referrals.intro')}</PageHeading>
      <nav aria-label={t('referrals.boxLabel')}>
        <ul className="lotse-button-row" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {boxes.map((b) => (
            <li key={b}>
              <Link
                to={`?ansicht=${boxParam[b]}`}
                className={`kern-btn ${b === box ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
                aria-current={b === box ? 'page' : undefined}
              >
                <span className="kern-label">{t(`referrals.boxes.${b}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="kern-body">{t(`referrals.boxIntros.${box}`)}</p>
      <form className="lotse-filter" aria-label={t('referrals.filter')} onSubmit={(e) => e.preventDefault()}>
        <div className="lotse-filter__fields">
          <SelectField
            id="referral-status"
            label={t('referrals.status')}
            value={status ?? ''}
            options={[
              { value: '', label: t('referrals.allStatuses') },
              ...referralStatusSchema.options
                .filter((s) => box === 'outbox' || s !== 'draft')
                .map((s) => ({ value: s, label: t(`referrals.statuses.${s}`) })),
            ]}
            onChange={(event) => update({ status: event.target.value || undefined })}
          />
          <SelectField
            id="referral-overdue"
            label={t('referrals.overdue')}
            value={overdue ?? ''}
            options={[
              { value: '', label: t('referrals.overdueOptions.all') },
              { value: 'true', label: t('referrals.overdueOptions.true') },
              { value: 'false', label: t('referrals.overdueOptions.false') },
            ]}
            onChange={(event) => update({ ueberfaellig: event.target.value || undefined })}
          />
          <SelectField
            id="referral-sort"
            label={t('referrals.sort')}
            value={`${sortKey[0]}:${sortKey[1]}`}
            options={sorts.map(([s, d]) => ({ value: `${s}:${d}`, label: t(`referrals.sorts.${s}_${d}`) }))}
            onChange={(event) => update({ sortierung: event.target.value })}
          />
        </div>
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('referrals.emptyTitle')} headingLevel={2}>
          {t(`referrals.emptyTexts.${box}`)}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('referrals.caption', { box: t(`referrals.boxes.${box}`) })}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('referrals.fields.person')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {box === 'inbox' ? t('referrals.fields.from') : t('referrals.fields.to')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('referrals.fields.status')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('referrals.fields.followUpOn')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('referrals.fields.sentAt')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((item) => (
                  <tr className="kern-table__row" key={item.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.referral(item.id)}>
                        {item.person?.name ?? t('referrals.personHidden')}
                      </Link>
                      <br />
                      <span className="kern-body kern-body--small">{item.purpose}</span>
                    </td>
                    <td className="kern-table__cell">
                      {box === 'inbox' ? item.fromAgency.name : item.toAgency.name}
                      {item.measure ? (
                        <>
                          <br />
                          <span className="kern-body kern-body--small">{item.measure.title}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell">
                      <ReferralStatusBadge status={item.status} />
                      {item.sentDespiteFailing ? (
                        <>
                          <br />
                          <span className="kern-body kern-body--small">{t('referrals.despiteBadge')}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell lotse-nowrap">
                      {item.followUpOn ? formatCalendarDay(item.followUpOn) : t('referrals.noFollowUp')}
                      {item.overdue ? (
                        <>
                          <br />
                          <span className="kern-badge kern-badge--danger">
                            <span className="kern-label">{t('referrals.overdueBadge')}</span>
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell lotse-nowrap">{item.sentAt ? formatDateTime(item.sentAt) : '–'}</td>
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
