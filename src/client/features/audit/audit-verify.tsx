import { useEffect, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { errorMessage } from '../../lib/errors';
import { auditApi } from './audit-api';

/** Runs the hash-chain verification on demand and reports the outcome. */
export function AuditVerify() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: auditApi.verify });
  const resultRef = useRef<HTMLDivElement>(null);
  const result = verify.data;

  useEffect(() => {
    if (verify.isSuccess || verify.isError) resultRef.current?.focus();
  }, [verify.isSuccess, verify.isError, verify.submittedAt]);

  return (
    <section className="kern-card kern-card--hug" aria-labelledby="audit-verify-title">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-title kern-title--large" id="audit-verify-title">
            {t('audit.verifyTitle')}
          </h2>
        </header>
        <div className="kern-card__body lotse-stack">
          <p className="kern-body">{t('audit.verifyIntro')}</p>
          <div>
            <Button variant="primary" icon="check" disabled={verify.isPending} onClick={() => verify.mutate()}>
              {verify.isPending ? t('audit.verifying') : t('audit.verify')}
            </Button>
          </div>
          {verify.error ? (
            <Alert ref={resultRef} tabIndex={-1} tone="danger" title={errorMessage(verify.error, t)} />
          ) : null}
          {result?.ok ? (
            <Alert
              ref={resultRef}
              tabIndex={-1}
              tone="success"
              title={t('audit.verifyOk', { count: result.checked })}
              role="alert"
            >
              {result.headSeq !== null && result.headHash ? (
                <p className="kern-body lotse-break">
                  {t('audit.verifyHead', { seq: result.headSeq })}{' '}
                  <code data-testid="audit-head-hash">{result.headHash}</code>
                </p>
              ) : null}
            </Alert>
          ) : null}
          {result && !result.ok ? (
            <Alert
              ref={resultRef}
              tabIndex={-1}
              tone="danger"
              title={t('audit.verifyBroken', { seq: result.firstBroken?.seq ?? '?' })}
            >
              {result.firstBroken ? (
                <p className="kern-body">{t(`audit.verifyReason.${result.firstBroken.reason}`)}</p>
              ) : null}
            </Alert>
          ) : null}
        </div>
      </div>
    </section>
  );
}
