import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Alert } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { useDocumentTitle } from '../components/ui/page-heading';

/** Last resort when rendering fails, e.g. a code chunk could not be loaded after an update. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('common.errorTitle'));
  console.error(error);
  return (
    <main id="main" className="kern-container lotse-boot">
      <h1 className="kern-heading-x-large">{t('common.errorTitle')}</h1>
      <Alert tone="danger" title={t('common.unexpectedError')} role="none">
        <div>
          <Button variant="secondary" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </Button>
        </div>
      </Alert>
    </main>
  );
}
