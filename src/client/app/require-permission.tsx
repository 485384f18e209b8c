import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/ui/page-heading';
import { paths } from '../lib/paths';
import { hasPermission, useMe } from '../lib/session';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('errors.forbiddenTitle')} />
      <p className="kern-body">{t('errors.forbiddenText')}</p>
      <p className="kern-body">
        <Link className="kern-link" to={paths.workspace}>
          {t('errors.toStart')}
        </Link>
      </p>
    </>
  );
}

/** Hides a page the user may not use; the server still decides on every request. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me } = useMe();
  return hasPermission(me, permission) ? children : <ForbiddenPage />;
}
