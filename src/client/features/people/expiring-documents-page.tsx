import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox, SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { formatDateOfBirth, formatIsoDate, personName } from './people-format';
import { daysText } from './residence-document-format';
import { StatusBadge } from './residence-documents-panel';
import { expiringDocumentsQuery } from './residence-documents-api';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';

const WINDOWS = [30, 60, 90, 180] as const;
const DEFAULT_WINDOW = 90;
const PAGE_SIZE = 25;

function readWindow(value: string | null): number {
  const days = Number(value);
  return (WINDOWS as readonly number[]).includes(days) ? days : DEFAULT_WINDOW;
}

/** The agency's worklist: residence documents about to expire (and expired ones), soonest first. */
export function ExpiringDocumentsPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const withinDays = readWindow(search.get('tage'));
  const includeExpired = search.get('abgelaufene') !== 'nein';
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const result = useQuery(expiringDocumentsQuery({ withinDays, includeExpired, page, pageSize: PAGE_SIZE }));

  // A changed filter starts at page 1 again; the filter lives in the address so the list can be shared.
  function update(next: { tage?: number; abgelaufene?: boolean; seite?: number }) {
    setParams(
      {
        ...(next.tage !== undefined ? { tage: next.tage } : {}),
        ...(next.abgelaufene !== undefined ? { abgelaufene: next.abgelaufene ? 'ja' : 'nein' } : {}),
        seite: next.seite && next.seite > 1 ? next.seite : null,
      },
      { replace: next.seite === undefined },
    );
  }

  const data = result.data;
  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.people}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('people.backToSearch')}
        </Link>
      </p>
      <PageHeading title={t('residenceDocuments.worklist.title')}>{t('residenceDocuments.worklist.intro')}</PageHeading>

      <form
        className="lotse-filter"
        aria-label={t('residenceDocuments.worklist.filter')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="lotse-filter__fields">
          <SelectField
            id="expiring-within"
            label={t('residenceDocuments.worklist.window')}
            value={String(withinDays)}
            options={WINDOWS.map((days) => ({
              value: String(days),
              label: t('residenceDocuments.worklist.withinDays', { count: days }),
            }))}
            onChange={(event) => update({ tage: Number(event.target.value) })}
          />
          <Checkbox
            id="expiring-include-expired"
            label={t('residenceDocuments.worklist.includeExpired')}
            checked={includeExpired}
            onChange={(event) => update({ abgelaufene: event.target.checked })}
          />
        </div>
      </form>

      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('residenceDocuments.worklist.emptyTitle')} headingLevel={2}>
          {t('residenceDocuments.worklist.emptyText', { count: withinDays })}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('residenceDocuments.worklist.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('residenceDocuments.worklist.person')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('residenceDocuments.worklist.document')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('residenceDocuments.fields.validUntil')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('residenceDocuments.worklist.days')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('residenceDocuments.worklist.status')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map(({ person, document }) => (
                  <tr className="kern-table__row" key={document.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`${paths.person(person.id)}#residence-documents`}>
                        {personName(person)}
                      </Link>
                      <br />
                      <span className="kern-body kern-body--small">
                        {t('residenceDocuments.worklist.born', { date: formatDateOfBirth(person.dateOfBirth, t) })}
                      </span>
                    </td>
                    <td className="kern-table__cell">
                      {t(`residenceDocuments.types.${document.documentType}`)}
                      {document.legalBasis ? (
                        <>
                          <br />
                          <span className="kern-body kern-body--small">{document.legalBasis}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell lotse-nowrap">{formatIsoDate(document.validUntil)}</td>
                    <td className="kern-table__cell">{daysText(document.daysUntilExpiry, t)}</td>
                    <td className="kern-table__cell">
                      <StatusBadge document={document} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} onPageChange={(next) => update({ seite: next })} />
        </>
      ) : null}
    </>
  );
}
