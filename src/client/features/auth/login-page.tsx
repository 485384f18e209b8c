import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { loginRequestSchema, totpVerifyRequestSchema, type SessionState } from '../../../shared/contracts/auth';
import { errorCodes, errorMessages, type ErrorCode } from '../../../shared/i18n/error-messages';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { setCsrfToken } from '../../lib/api';
import { isApiError } from '../../lib/errors';
import { zodOptions } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import {
  clearSession,
  isSessionComplete,
  meQueryKey,
  setSessionNotice,
  storeSession,
  useMe,
  useSessionNotice,
  type SessionNotice,
} from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { authApi, oidcQuery } from './auth-api';
import { TotpEnrolment } from './totp-enrolment';

const NOTICE_KEYS = {
  expired: 'session.expired',
  loggedOut: 'session.loggedOut',
  passwordChanged: 'session.passwordChanged',
} as const satisfies Record<SessionNotice, string>;

function SessionNoticeBanner() {
  const { t } = useTranslation();
  const notice = useSessionNotice();
  const [shown] = useState(notice);
  useEffect(() => {
    // Show the notice once; a reload of the login page should not repeat it.
    if (notice) setSessionNotice(null);
  }, [notice]);
  if (!shown) return null;
  return <Alert tone={shown === 'expired' ? 'warning' : 'info'} title={t(NOTICE_KEYS[shown])} role="status" />;
}

/** The identity provider's callback returns here with ?fehler=<code> when the sign-in failed. */
function OidcErrorBanner() {
  const { i18n } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('fehler');
  if (!code || !(errorCodes as readonly string[]).includes(code)) return null;
  const message = errorMessages[i18n.language === 'en' ? 'en' : 'de'][code as ErrorCode];
  return (
    <Alert tone="danger" title={message.title} role="alert">
      <p className="kern-body">{message.detail}</p>
    </Alert>
  );
}

function OidcLogin() {
  const { t } = useTranslation();
  const { data } = useQuery(oidcQuery);
  if (!data?.enabled) return null;
  return (
    <div className="lotse-stack">
      <p className="kern-body lotse-divider-text">{t('login.or')}</p>
      <div>
        <a className="kern-btn kern-btn--secondary" href="/api/v1/auth/oidc/start">
          <span className="kern-label">{t('login.oidc', { label: data.label ?? 'OIDC' })}</span>
        </a>
      </div>
    </div>
  );
}

type PasswordStepProps = { onPending: (state: SessionState) => void };

function PasswordStep({ onPending }: PasswordStepProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('login');
  const form = useForm<z.input<typeof loginRequestSchema>, unknown, z.output<typeof loginRequestSchema>>({
    shouldFocusError: false,
    resolver: zodResolver(loginRequestSchema, zodOptions),
    defaultValues: { username: '', password: '' },
  });
  const login = useMutation({ mutationFn: authApi.login });

  const onSubmit = form.handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: (result) => {
        summary.clear();
        setCsrfToken(result.csrfToken);
        if (result.state === 'complete' && result.me) {
          storeSession(queryClient, result.me, result.csrfToken);
        } else {
          onPending(result.state);
        }
      },
      onError: (error) => {
        form.resetField('password');
        summary.showServerError(error, form.setError, ['username', 'password']);
      },
    });
  }, summary.showFieldErrors);

  return (
    <>
      <PageHeading title={t('login.title')} />
      <p className="kern-body">{t('login.intro')}</p>
      <SessionNoticeBanner />
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="lotse-stack lotse-form-narrow" aria-labelledby="page-title">
        <TextField
          id={summary.id('username')}
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={form.formState.errors.username?.message}
          registration={form.register('username')}
        />
        <TextField
          id={summary.id('password')}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          registration={form.register('password')}
        />
        <div>
          <Button type="submit" variant="primary" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </div>
      </form>
      <OidcErrorBanner />
      <OidcLogin />
    </>
  );
}

const codeSchema = z.object({ code: totpVerifyRequestSchema.shape.code.unwrap() });
const recoverySchema = z.object({ recoveryCode: totpVerifyRequestSchema.shape.recoveryCode.unwrap() });

function SecondFactorStep({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [useRecovery, setUseRecovery] = useState(false);
  const summary = useFormSummary('totp');
  const verify = useMutation({ mutationFn: authApi.verifySecondFactor });
  const codeForm = useForm<{ code: string }>({ shouldFocusError: false, resolver: zodResolver(codeSchema, zodOptions), defaultValues: { code: '' } });
  const recoveryForm = useForm<{ recoveryCode: string }>({
    shouldFocusError: false,
    resolver: zodResolver(recoverySchema, zodOptions),
    defaultValues: { recoveryCode: '' },
  });

  function submit(input: { code: string } | { recoveryCode: string }, reset: () => void) {
    verify.mutate(input, {
      onSuccess: (me) => storeSession(queryClient, me),
      onError: (error) => {
        if (isApiError(error, 401) && error.code === 'UNAUTHENTICATED') {
          // The half-finished sign-in timed out: start again from the password.
          setSessionNotice('expired');
          onCancel();
          return;
        }
        reset();
        summary.showServerError(error);
      },
    });
  }

  return (
    <>
      <PageHeading title={t('login.totpTitle')} />
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      {useRecovery ? (
        <form
          key="recovery"
          noValidate
          className="lotse-stack lotse-form-narrow"
          aria-labelledby="page-title"
          onSubmit={(event) => void recoveryForm.handleSubmit(
            (values) => submit(values, () => recoveryForm.resetField('recoveryCode')),
            summary.showFieldErrors,
          )(event)}
        >
          <TextField
            id={summary.id('recoveryCode')}
            label={t('login.recoveryCode')}
            hint={t('login.recoveryCodeHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={recoveryForm.formState.errors.recoveryCode?.message}
            registration={recoveryForm.register('recoveryCode')}
          />
          <div>
            <Button type="submit" variant="primary" disabled={verify.isPending}>
              {t('login.totpSubmit')}
            </Button>
          </div>
        </form>
      ) : (
        <form
          key="code"
          noValidate
          className="lotse-stack lotse-form-narrow"
          aria-labelledby="page-title"
          onSubmit={(event) => void codeForm.handleSubmit(
            (values) => submit(values, () => codeForm.resetField('code')),
            summary.showFieldErrors,
          )(event)}
        >
          <p className="kern-body">{t('login.totpIntro')}</p>
          <TextField
            id={summary.id('code')}
            label={t('login.totpCode')}
            hint={t('login.totpCodeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            width={4}
            error={codeForm.formState.errors.code?.message}
            registration={codeForm.register('code')}
          />
          <div>
            <Button type="submit" variant="primary" disabled={verify.isPending}>
              {t('login.totpSubmit')}
            </Button>
          </div>
        </form>
      )}
      <ul className="lotse-link-list">
        <li>
          <button
            type="button"
            className="lotse-link-button kern-link"
            onClick={() => {
              summary.clear();
              setUseRecovery((value) => !value);
            }}
          >
            {useRecovery ? t('login.useTotpCode') : t('login.useRecoveryCode')}
          </button>
        </li>
        <li>
          <button type="button" className="lotse-link-button kern-link" onClick={onCancel}>
            {t('login.cancelAndRestart')}
          </button>
        </li>
      </ul>
    </>
  );
}

function EnrolmentStep({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeading title={t('login.enrolmentRequiredTitle')} />
      <Alert tone="info" title={t('login.enrolmentRequiredIntro')} role="none" />
      <TotpEnrolment
        headingLevel={2}
        showTitle={false}
        onFinished={() => void queryClient.invalidateQueries({ queryKey: meQueryKey })}
      />
      <p className="kern-body">
        <button type="button" className="lotse-link-button kern-link" onClick={onCancel}>
          {t('login.cancelAndRestart')}
        </button>
      </p>
    </>
  );
}

export function LoginPage() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: me, isPending } = useMe();
  // A partially signed-in session survives a reload: /auth/me then reports its state.
  const [pendingState, setPendingState] = useState<SessionState | null>(null);
  const state = pendingState ?? (me && me.session.state !== 'complete' ? me.session.state : null);

  if (isPending) return <Loading />;
  if (isSessionComplete(me)) {
    const from = (location.state as { from?: unknown } | null)?.from;
    const target = typeof from === 'string' && from.startsWith('/') && !from.startsWith(paths.login) ? from : paths.workspace;
    return <Navigate to={target} replace />;
  }

  async function cancel() {
    await authApi.logout().catch(() => undefined);
    clearSession(queryClient);
    setPendingState(null);
  }

  if (state === 'totp_pending') return <SecondFactorStep onCancel={() => void cancel()} />;
  if (state === 'totp_enrolment_required') return <EnrolmentStep onCancel={() => void cancel()} />;
  return <PasswordStep onPending={setPendingState} />;
}
