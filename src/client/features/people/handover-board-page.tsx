import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { handoverBoardFilters, type HandoverBoardFilter } from '../../../shared/contracts/legal-handovers';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { formatIsoDate, personName } from './people-format';
import { handoverBoardQuery } from './handover-api';
import { OverdueBadge, TransitionText } from './person-handover-section';

const PAGE_SIZE = 25;
/** German words in the address, so a filtered board can be shared as a link. */
const FILTER_WORDS: Record<HandoverBoardFilter, string> = { open: 'offen', overdue: 'ueberfaellig', done: 'erledigt' };

function readFilter(value: string | null): HandoverBoardFilter {
  return handoverBoardFilters.find((f) => FILTER_WORDS[f] === value) ?? 'open';
}

/** "Nobody falls through the gap": the handovers of a change of legal domain, overdue first. */
export function HandoverBoardPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const status = readFilter(search.get('stand'));
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const result = useQuery(handoverBoardQuery(status, page, PAGE_SIZE));
  const data = result.data;

  return (
    <>
      <PageHeading title={t('handover.board.title')}>
        {t('handover.board.intro')}{' '}
        <Link className="kern-link" to={paths.ruleVersions}>
          {t('ruleVersions.linkFromBoard')}
        </Link>
      </PageHeading>
      <form className="lotse-filter" aria-label={t('handover.board.filter')} onSubmit={(e) => e.preventDefault()}>
        <div className="lotse-filter__fields">
          <SelectField
            id="handover-status"
            label={t('handover.board.statusLabel')}
            value={status}
            options={handoverBoardFilters.map((f) => ({ value: f, label: t(`handover.board.filters.${f}`) }))}
            onChange={(event) =>
              setParams(
                { stand: FILTER_WORDS[event.target.value as HandoverBoardFilter], seite: null },
                { replace: true },
              )
            }
          />
        </div>
      </form>

      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('handover.board.emptyTitle')} headingLevel={2}>
          {t(`handover.board.emptyText.${status}`)}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('handover.board.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('handover.board.person')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('handover.board.transition')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('handover.fields.dueOn')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('handover.fields.effectiveOn')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('handover.fields.owner')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('handover.board.progress')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map(({ person, handover }) => (
                  <tr className="kern-table__row" key={handover.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`${paths.person(person.id)}#person-legal`}>
                        {personName(person)}
                      </Link>
                    </td>
                    <td className="kern-table__cell">
                      <TransitionText handover={handover} />
                      <br />
                      <span className="kern-body kern-body--small">
                        {t(`legal.agencies.${handover.fromAgencyKind}`)} →{' '}
                        {t(`legal.agencies.${handover.toAgencyKind}`)}
                      </span>
                    </td>
                    <td className="kern-table__cell lotse-nowrap">
                      {formatIsoDate(handover.dueOn)}
                      <OverdueBadge handover={handover} />
                    </td>
                    <td className="kern-table__cell lotse-nowrap">{formatIsoDate(handover.effectiveOn)}</td>
                    <td className="kern-table__cell">{handover.owner?.displayName ?? t('handover.fields.noOwner')}</td>
                    <td className="kern-table__cell">
                      {status === 'done'
                        ? t('handover.status.done')
                        : t('handover.board.progressValue', {
                            done: handover.checklist.filter((c) => c.done).length,
                            total: handover.checklist.length,
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} onPageChange={(next) => setParams({ seite: next > 1 ? next : null })} />
        </>
      ) : null}
    </>
  );
}
