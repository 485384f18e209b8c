import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BreakGlassGrant } from '../../../shared/contracts/break-glass';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { displayName } from './transfer-format';

export function GrantStatusBadge({ grant }: { grant: BreakGlassGrant }) {
  const { t } = useTranslation();
  const tone = grant.status === 'active' ? 'warning' : 'info';
  return (
    <span className={`kern-badge kern-badge--${tone}`}>
      <span className="kern-label">{t(`transfers.breakGlass.status.${grant.status}`)}</span>
    </span>
  );
}

export function GrantReview({ grant }: { grant: BreakGlassGrant }) {
  const { t } = useTranslation();
  if (!grant.review) return <>{t('transfers.breakGlass.openReview')}</>;
  const tone = grant.review.outcome === 'justified' ? 'success' : 'danger';
  return (
    <>
      <span className={`kern-badge kern-badge--${tone}`}>
        <span className="kern-label">{t(`transfers.breakGlass.outcome.${grant.review.outcome}`)}</span>
      </span>{' '}
      {formatDateTime(grant.review.reviewedAt)}
      {grant.review.reviewedBy
        ? ` ${t('transfers.breakGlass.reviews.by', { name: grant.review.reviewedBy.displayName })}`
        : ''}
      {grant.review.note ? (
        <>
          <br />
          {grant.review.note}
        </>
      ) : null}
    </>
  );
}

function PersonLabel({ grant }: { grant: BreakGlassGrant }) {
  const { t } = useTranslation();
  const { id, givenNames, familyName } = grant.person;
  if (givenNames !== null && familyName !== null) {
    return (
      <Link className="kern-link" to={paths.person(id)}>
        {displayName({ givenNames, familyName })}
      </Link>
    );
  }
  return <span className="lotse-break">{t('transfers.breakGlass.personNotVisible', { id })}</span>;
}

type Props = {
  caption: string;
  items: BreakGlassGrant[];
  /** Show who used the access (review list) rather than only the own grants. */
  showUser?: boolean;
  action?: (grant: BreakGlassGrant) => ReactNode;
};

/** Grants as a table: person, (user), reason, period, status, review, an action per row. */
export function BreakGlassGrantsTable({ caption, items, showUser, action }: Props) {
  const { t } = useTranslation();
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small kern-table--striped lotse-table-full">
        <caption className="kern-sr-only">{caption}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.columns.person')}
            </th>
            {showUser ? (
              <th scope="col" className="kern-table__header">
                {t('transfers.breakGlass.columns.user')}
              </th>
            ) : null}
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.columns.reason')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.columns.period')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.columns.status')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.columns.review')}
            </th>
            {action ? (
              <th scope="col" className="kern-table__header">
                <span className="kern-sr-only">{t('transfers.breakGlass.columns.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {items.map((grant) => (
            <tr className="kern-table__row" key={grant.id}>
              <td className="kern-table__cell">
                <PersonLabel grant={grant} />
              </td>
              {showUser ? (
                <td className="kern-table__cell">
                  {grant.user.displayName}
                  <br />
                  {grant.agency.name}
                </td>
              ) : null}
              <td className="kern-table__cell lotse-break">{grant.reason}</td>
              <td className="kern-table__cell">
                {t('transfers.breakGlass.period', {
                  from: formatDateTime(grant.grantedAt),
                  to: formatDateTime(grant.expiresAt),
                })}
                {grant.endedAt ? (
                  <>
                    <br />
                    {t('transfers.breakGlass.endedAt', { time: formatDateTime(grant.endedAt) })}
                  </>
                ) : null}
              </td>
              <td className="kern-table__cell">
                <GrantStatusBadge grant={grant} />
              </td>
              <td className="kern-table__cell">
                <GrantReview grant={grant} />
              </td>
              {action ? <td className="kern-table__cell">{action(grant)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
