import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { dataProtectionDe } from '../../../shared/i18n/ui-de-data-protection';
import { PageHeading } from '../../components/ui/page-heading';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';

type HubLink = { key: keyof typeof dataProtectionDe.hub.links; to: string; permission: string };

/** Each screen of the data-protection module, listed for whoever may open it. */
const links: HubLink[] = [
  { key: 'categoryMatrix', to: paths.categoryMatrix, permission: 'agency.read' },
  { key: 'transfers', to: paths.transfers, permission: 'transfer.read' },
  { key: 'breakGlass', to: paths.breakGlass, permission: 'break_glass.request' },
  { key: 'breakGlassReviews', to: paths.breakGlassReviews, permission: 'break_glass.review' },
  { key: 'accessReports', to: paths.accessReports, permission: 'privacy.report' },
  { key: 'retention', to: paths.retention, permission: 'retention.read' },
  { key: 'legalHolds', to: paths.legalHolds, permission: 'legal_hold.manage' },
  { key: 'audit', to: paths.audit, permission: 'audit.read' },
];

export function DataProtectionPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const visible = links.filter((link) => hasPermission(me, link.permission));
  return (
    <>
      <PageHeading title={t('dataProtection.hub.title')}>{t('dataProtection.hub.intro')}</PageHeading>
      <ul className="lotse-card-grid" aria-labelledby="page-title">
        {visible.map((link) => (
          <li key={link.key}>
            <article className="kern-card kern-card--interactive">
              <div className="kern-card__container">
                <header className="kern-card__header">
                  <h2 className="kern-title">
                    <Link className="kern-link kern-link--stretched" to={link.to}>
                      {t(`dataProtection.hub.links.${link.key}.title`)}
                    </Link>
                  </h2>
                </header>
                <div className="kern-card__body">
                  <p className="kern-body">{t(`dataProtection.hub.links.${link.key}.text`)}</p>
                </div>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
