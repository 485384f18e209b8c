import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { MyTasksCard } from './my-tasks-card';
import { workspaceQuery, type Workspace } from './workspace-api';

function SignInTable({ signIns }: { signIns: Workspace['recentSignIns'] }) {
  const { t } = useTranslation();
  if (signIns.length === 0) return <p className="kern-body">{t('workspace.signInsEmpty')}</p>;
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small lotse-table-full">
        <caption className="kern-sr-only">{t('workspace.signInsTitle')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('workspace.signInTime')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('workspace.signInOutcome')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('workspace.signInIp')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {signIns.map((signIn, index) => (
            <tr className="kern-table__row" key={`${signIn.occurredAt}-${index}`}>
              <td className="kern-table__cell">{formatDateTime(signIn.occurredAt)}</td>
              <td className="kern-table__cell">
                <span className={`kern-badge kern-badge--${signIn.outcome === 'success' ? 'success' : 'danger'}`}>
                  <span className="kern-label">
                    {signIn.outcome === 'success' ? t('workspace.outcomeSuccess') : t('workspace.outcomeFailure')}
                  </span>
                </span>
              </td>
              <td className="kern-table__cell">{signIn.ip ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `cards`: further cards composed in src/client/app (e.g. notifications). */
export function WorkspacePage({ cards }: { cards?: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const workspace = useQuery(workspaceQuery);
  if (!me) return null;

  return (
    <>
      <PageHeading title={t('workspace.title')} documentTitle={t('workspace.title')}>
        {t('workspace.greeting', { name: me.user.displayName })}
      </PageHeading>

      <div className="lotse-grid">
        <MyTasksCard canReadCases={hasPermission(me, 'case.read')} />
        {cards}

        <section className="kern-card kern-card--hug" aria-labelledby="agency-title">
          <div className="kern-card__container">
            <header className="kern-card__header">
              <h2 className="kern-title kern-title--large" id="agency-title">
                {t('workspace.yourAgency')}
              </h2>
            </header>
            <div className="kern-card__body lotse-stack">
              <dl className="kern-description-list">
                <div className="kern-description-list-item">
                  <dt className="kern-description-list-item__key">{t('workspace.yourAgency')}</dt>
                  <dd className="kern-description-list-item__value">
                    {me.agency.name}
                    {me.agency.name.includes(t(`agencyKinds.${me.agency.kind}`))
                      ? null
                      : ` (${t(`agencyKinds.${me.agency.kind}`)})`}
                  </dd>
                </div>
                <div className="kern-description-list-item">
                  <dt className="kern-description-list-item__key">{t('workspace.yourRoles')}</dt>
                  <dd className="kern-description-list-item__value">
                    {me.user.roles.map((role) => t(`roles.${role}`)).join(', ')}
                  </dd>
                </div>
                <div className="kern-description-list-item">
                  <dt className="kern-description-list-item__key">{t('workspace.yourTeam')}</dt>
                  <dd className="kern-description-list-item__value">{me.team?.name ?? t('workspace.noTeam')}</dd>
                </div>
              </dl>
              {workspace.data ? <p className="kern-body">{workspace.data.agency.shortMandate}</p> : null}
              {hasPermission(me, 'agency.read') ? (
                <p className="kern-body">
                  <Link className="kern-link" to={paths.agency(me.agency.id)}>
                    {t('workspace.agencyLink', { name: me.agency.name })}
                  </Link>
                </p>
              ) : null}
            </div>
          </div>
        </section>

        <section className="kern-card kern-card--hug" aria-labelledby="signins-title">
          <div className="kern-card__container">
            <header className="kern-card__header">
              <h2 className="kern-title kern-title--large" id="signins-title">
                {t('workspace.signInsTitle')}
              </h2>
            </header>
            <div className="kern-card__body lotse-stack">
              <p className="kern-body kern-body--small">{t('workspace.signInsIntro')}</p>
              {workspace.isPending ? <Loading /> : null}
              {workspace.error ? <QueryError error={workspace.error} onRetry={() => void workspace.refetch()} /> : null}
              {workspace.data ? <SignInTable signIns={workspace.data.recentSignIns} /> : null}
            </div>
          </div>
        </section>
      </div>
    </>
  );
}
