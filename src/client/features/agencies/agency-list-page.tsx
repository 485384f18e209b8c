import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { agencyListQuery } from './agencies-api';

export function AgencyListPage() {
  const { t } = useTranslation();
  const agencies = useQuery(agencyListQuery);

  return (
    <>
      <PageHeading title={t('agencies.listTitle')}>{t('agencies.listIntro')}</PageHeading>
      {agencies.isPending ? <Loading /> : null}
      {agencies.error ? <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} /> : null}
      {agencies.data && agencies.data.items.length === 0 ? (
        <EmptyState title={t('agencies.empty')} headingLevel={2} />
      ) : null}
      {agencies.data && agencies.data.items.length > 0 ? (
        <ul className="lotse-card-grid" aria-labelledby="page-title">
          {agencies.data.items.map((agency) => (
            <li key={agency.id}>
              <article className="kern-card kern-card--interactive">
                <div className="kern-card__container">
                  <header className="kern-card__header">
                    <p className="kern-preline">{t(`agencyKinds.${agency.kind}`)}</p>
                    <h2 className="kern-title">
                      <Link className="kern-link kern-link--stretched" to={paths.agency(agency.id)}>
                        {agency.name}
                      </Link>
                    </h2>
                  </header>
                  <div className="kern-card__body">
                    <p className="kern-body">{agency.shortMandate}</p>
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
