import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/ui/page-heading';
import { paths } from '../lib/paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('errors.notFoundTitle')} />
      <p className="kern-body">{t('errors.notFoundText')}</p>
      <p className="kern-body">
        <Link className="kern-link" to={paths.workspace}>
          {t('errors.toStart')}
        </Link>
      </p>
    </>
  );
}
