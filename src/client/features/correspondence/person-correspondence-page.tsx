import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { letterStatuses, type LetterStatus } from '../../../shared/contracts/letters';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { CommunicationConsentsSection } from './communication-consents-section';
import { languageLabel, statusBadgeClass, statusLabel, templateLabel } from './letter-labels';
import { displayName, letterPersonQuery, personLettersQuery } from './letters-api';

const PAGE_SIZE = 20;

/** "Schriftverkehr" of a person: the letters the user may see, newest first, with delivery status. */
export function PersonCorrespondencePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const statusParam = search.get('status') ?? '';
  const status = (letterStatuses as readonly string[]).includes(statusParam)
    ? (statusParam as LetterStatus)
    : undefined;
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const person = useQuery(letterPersonQuery(id));
  const result = useQuery(personLettersQuery(id, { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) }));
  const name = person.data ? displayName(person.data) : '';
  const data = result.data;

  return (
    <>
      <PageHeading
        title={t('letters.correspondence.title')}
        preline={name || undefined}
        documentTitle={name ? t('letters.correspondence.documentTitle', { name }) : t('letters.correspondence.title')}
      >
        {t('letters.correspondence.intro')}
      </PageHeading>
      <p className="lotse-button-row">
        <Link className="kern-link" to={paths.person(id)}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('letters.correspondence.backToPerson')}
        </Link>
        {hasPermission(me, 'case.write') ? (
          <Link className="kern-btn kern-btn--primary" to={paths.letterNew(id)}>
            <span className="kern-label">{t('letters.correspondence.compose')}</span>
          </Link>
        ) : null}
      </p>
      <form
        className="lotse-filter"
        aria-label={t('letters.correspondence.statusFilter')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t('letters.correspondence.statusFilter')}
          value={status ?? ''}
          onChange={(e) => setParams({ status: e.target.value || null, seite: null }, { replace: true })}
          options={[
            { value: '', label: t('letters.correspondence.allStatuses') },
            ...letterStatuses.map((s) => ({ value: s, label: statusLabel(t, s) })),
          ]}
        />
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('letters.correspondence.empty')} headingLevel={2}>
          {t('letters.correspondence.emptyText')}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('letters.correspondence.title')}</caption>
              <thead>
                <tr className="kern-table__row">
                  {(['subject', 'template', 'language', 'case', 'agency', 'status', 'created'] as const).map((c) => (
                    <th scope="col" className="kern-table__header" key={c}>
                      {t(`letters.correspondence.columns.${c}`)}
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
                    <td className="kern-table__cell">{templateLabel(t, l.template)}</td>
                    <td className="kern-table__cell">{languageLabel(t, l.language)}</td>
                    <td className="kern-table__cell lotse-nowrap">{l.caseReference}</td>
                    <td className="kern-table__cell">{l.agencyName}</td>
                    <td className="kern-table__cell">
                      <span className={statusBadgeClass(l.status)}>
                        <span className="kern-label">{statusLabel(t, l.status)}</span>
                      </span>
                    </td>
                    <td className="kern-table__cell lotse-nowrap">{formatDateTime(l.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} onPageChange={(next) => setParams({ seite: String(next) })} />
        </>
      ) : null}
      <CommunicationConsentsSection personId={id} />
    </>
  );
}
