import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { totpConfirmRequestSchema } from '../../../shared/contracts/auth';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Checkbox, Fieldset, TextField } from '../../components/ui/form-field';
import { groupInFours } from '../../lib/format';
import { zodOptions } from '../../lib/form-errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { authApi } from './auth-api';

type TotpEnrolmentProps = {
  /** Called when the user has seen the recovery codes and wants to go on. */
  onFinished: () => void;
  headingLevel?: 2 | 3;
  /** Off when the page heading already says "set up a second factor". */
  showTitle?: boolean;
};

const acknowledgeSchema = z.object({ saved: z.boolean().refine((saved) => saved) });

/** Enrol → show the secret → confirm a code → show the recovery codes once → continue. */
export function TotpEnrolment({ onFinished, headingLevel = 2, showTitle = true }: TotpEnrolmentProps) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  // The two steps sit one level below the title, or take its level when there is no title.
  const Step = showTitle ? (headingLevel === 2 ? 'h3' : 'h4') : H;
  const titleClass = headingLevel === 2 ? 'kern-heading-medium' : 'kern-heading-small';
  const stepClass = showTitle ? 'kern-title' : titleClass;
  const start = useMutation({ mutationFn: authApi.startEnrolment });
  const confirm = useMutation({ mutationFn: authApi.confirmEnrolment });
  const startSummary = useFormSummary('totp-start');
  const confirmSummary = useFormSummary('totp-confirm');
  const ackSummary = useFormSummary('totp-ack');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const codeForm = useForm<z.input<typeof totpConfirmRequestSchema>, unknown, z.output<typeof totpConfirmRequestSchema>>({
    shouldFocusError: false,
    resolver: zodResolver(totpConfirmRequestSchema, zodOptions),
    defaultValues: { code: '' },
  });
  const ackForm = useForm<{ saved: boolean }>({
    shouldFocusError: false,
    resolver: zodResolver(acknowledgeSchema, {
      error: () => t('totp.savedConfirm'),
    }),
    defaultValues: { saved: false },
  });

  if (recoveryCodes) {
    return (
      <section aria-labelledby="totp-recovery-title" className="lotse-stack">
        <Alert tone="warning" title={<span id="totp-recovery-title">{t('totp.recoveryTitle')}</span>} role="none">
          <p className="kern-body">{t('totp.recoveryText')}</p>
        </Alert>
        <ul className="lotse-recovery-codes" aria-label={t('totp.recoveryListLabel')}>
          {recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <ErrorSummary items={ackSummary.items} focusKey={ackSummary.focusKey} />
        <form
          noValidate
          className="lotse-stack"
          onSubmit={(event) => void ackForm.handleSubmit(() => onFinished(), ackSummary.showFieldErrors)(event)}
        >
          <Fieldset legend={t('totp.savedLegend')} id={ackSummary.id('saved')} error={ackForm.formState.errors.saved?.message}>
            <Checkbox label={t('totp.savedConfirm')} registration={ackForm.register('saved')} />
          </Fieldset>
          <div>
            <Button type="submit" variant="primary" icon="arrow-forward">
              {t('totp.continue')}
            </Button>
          </div>
        </form>
      </section>
    );
  }

  if (!start.data) {
    return (
      <section className="lotse-stack" aria-label={t('totp.setupTitle')}>
        {showTitle ? <H className={titleClass}>{t('totp.setupTitle')}</H> : null}
        <p className="kern-body">{t('totp.setupIntro')}</p>
        <ErrorSummary items={startSummary.items} focusKey={startSummary.focusKey} />
        <div>
          <Button
            variant="primary"
            disabled={start.isPending}
            onClick={() => start.mutate(undefined, { onError: (error) => startSummary.showServerError(error) })}
          >
            {start.isPending ? t('totp.starting') : t('totp.start')}
          </Button>
        </div>
      </section>
    );
  }

  const enrolment = start.data;
  return (
    <section className="lotse-stack" aria-label={t('totp.setupTitle')}>
      {showTitle ? <H className={titleClass}>{t('totp.setupTitle')}</H> : null}
      <Step className={stepClass}>{t('totp.step1')}</Step>
      <p className="kern-body">{t('totp.step1Text')}</p>
      <p className="kern-body">
        <span className="kern-sr-only">{t('totp.secretLabel')}: </span>
        <code className="lotse-secret" data-testid="totp-secret" aria-label={t('totp.secretLabel')}>
          {groupInFours(enrolment.secret)}
        </code>
      </p>
      <details className="lotse-details">
        <summary className="kern-body">{t('totp.otpauthLabel')}</summary>
        <p className="kern-body lotse-break">
          <a className="kern-link" href={enrolment.otpauthUrl}>
            {enrolment.otpauthUrl}
          </a>
        </p>
      </details>
      <Step className={stepClass}>{t('totp.step2')}</Step>
      <ErrorSummary items={confirmSummary.items} focusKey={confirmSummary.focusKey} />
      <form
        noValidate
        className="lotse-stack"
        onSubmit={(event) => void codeForm.handleSubmit(
          (values) =>
            confirm.mutate(values.code, {
              onSuccess: (result) => {
                confirmSummary.clear();
                setRecoveryCodes(result.recoveryCodes);
              },
              onError: (error) => confirmSummary.showServerError(error, codeForm.setError, ['code']),
            }),
          confirmSummary.showFieldErrors,
        )(event)}
      >
        <TextField
          id={confirmSummary.id('code')}
          label={t('totp.code')}
          hint={t('totp.step2Text')}
          inputMode="numeric"
          autoComplete="one-time-code"
          width={4}
          error={codeForm.formState.errors.code?.message}
          registration={codeForm.register('code')}
        />
        <div>
          <Button type="submit" variant="primary" disabled={confirm.isPending}>
            {confirm.isPending ? t('totp.confirming') : t('totp.confirm')}
          </Button>
        </div>
      </form>
    </section>
  );
}
