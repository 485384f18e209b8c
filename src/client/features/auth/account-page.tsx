import i18next from 'i18next';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { changePasswordRequestSchema } from '../../../shared/contracts/auth';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary } from '../../components/ui/error-summary';
import { TextField } from '../../components/ui/form-field';
import { PageHeading } from '../../components/ui/page-heading';
import { zodOptions } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import { clearSession, meQueryKey, setSessionNotice, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { authApi } from './auth-api';
import { TotpEnrolment } from './totp-enrolment';

const passwordFormSchema = changePasswordRequestSchema
  .extend({ newPasswordRepeat: z.string() })
  .refine((values) => values.newPassword === values.newPasswordRepeat, {
    path: ['newPasswordRepeat'],
    // A function, so that the message is looked up in the language in use when the check fails.
    error: () => i18next.t('validation.passwordsDiffer'),
  });

type PasswordForm = z.input<typeof passwordFormSchema>;

function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const summary = useFormSummary('password');
  const change = useMutation({ mutationFn: authApi.changePassword });
  const form = useForm<PasswordForm>({
    shouldFocusError: false,
    resolver: zodResolver(passwordFormSchema, zodOptions),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(({ currentPassword, newPassword }) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          // The server has ended every session, this one included.
          clearSession(queryClient);
          setSessionNotice('passwordChanged');
          void navigate(paths.login, { replace: true });
        },
        onError: (error) => {
          form.resetField('currentPassword');
          summary.showServerError(error, form.setError, ['currentPassword', 'newPassword']);
        },
      },
    );
  }, summary.showFieldErrors);

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="lotse-stack lotse-form-narrow" aria-labelledby="password-title">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('currentPassword')}
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        registration={form.register('currentPassword')}
      />
      <TextField
        id={summary.id('newPassword')}
        label={t('account.newPassword')}
        hint={t('account.newPasswordHint')}
        type="password"
        autoComplete="new-password"
        error={errors.newPassword?.message}
        registration={form.register('newPassword')}
      />
      <TextField
        id={summary.id('newPasswordRepeat')}
        label={t('account.newPasswordRepeat')}
        type="password"
        autoComplete="new-password"
        error={errors.newPasswordRepeat?.message}
        registration={form.register('newPasswordRepeat')}
      />
      <div>
        <Button type="submit" variant="primary" disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('account.changePassword')}
        </Button>
      </div>
    </form>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  if (!me) return null;

  return (
    <>
      <PageHeading title={t('account.title')} />
      <div className="lotse-sections">
        <section aria-labelledby="profile-title" className="lotse-section">
          <h2 className="kern-heading-medium" id="profile-title">
            {t('account.profileTitle')}
          </h2>
          <DescriptionList
            items={[
              { key: 'name', term: t('users.displayName'), value: me.user.displayName },
              { key: 'username', term: t('users.username'), value: me.user.username },
              { key: 'email', term: t('users.email'), value: me.user.email ?? t('common.notSet') },
              { key: 'agency', term: t('users.agency'), value: me.agency.name },
              { key: 'team', term: t('users.team'), value: me.team?.name ?? t('users.noTeam') },
              { key: 'roles', term: t('users.roles'), value: me.user.roles.map((role) => t(`roles.${role}`)).join(', ') },
            ]}
          />
        </section>

        <section aria-labelledby="password-title" className="lotse-section">
          <h2 className="kern-heading-medium" id="password-title">
            {t('account.passwordTitle')}
          </h2>
          {me.user.authSource === 'oidc' ? (
            <p className="kern-body">{t('account.oidcPasswordNotice')}</p>
          ) : (
            <>
              <p className="kern-body">{t('account.passwordIntro')}</p>
              <ChangePasswordForm />
            </>
          )}
        </section>

        <section aria-labelledby="second-factor-title" className="lotse-section">
          <h2 className="kern-heading-medium" id="second-factor-title">
            {t('account.secondFactorTitle')}
          </h2>
          {me.user.totpEnrolled ? (
            <Alert tone="success" title={t('account.secondFactorEnrolled')} role="none" />
          ) : (
            <>
              <p className="kern-body">{t('account.secondFactorMissing')}</p>
              <TotpEnrolment
                headingLevel={3}
                onFinished={() => void queryClient.invalidateQueries({ queryKey: meQueryKey })}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}
