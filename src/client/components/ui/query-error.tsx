import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { Alert } from './alert';
import { Button } from './button';

type QueryErrorProps = { error: unknown; onRetry?: () => void };

export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert tone="danger" title={t('common.loadError')}>
      <p className="kern-body">{errorMessage(error, t)}</p>
      {onRetry ? (
        <div>
          <Button variant="secondary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      ) : null}
    </Alert>
  );
}
