import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { passwordResetRequestSchema, userUpdateRequestSchema, type User } from '../../../shared/contracts/users';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary } from '../../components/ui/error-summary';
import { TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { zodOptions } from '../../lib/form-errors';
import { blankToNull } from '../../lib/form-schemas';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { RoleCheckboxes, TeamSelect } from './user-form-parts';
import { UserStatusBadge } from './user-status-badge';
import { userDetailQuery, usersApi, type UserUpdate } from './users-api';

const shape = userUpdateRequestSchema.shape;
const editSchema = z.object({
  displayName: shape.displayName.unwrap(),
  email: blankToNull(shape.email),
  teamId: blankToNull(shape.teamId),
  roles: shape.roles.unwrap(),
});
type EditInput = z.input<typeof editSchema>;
type EditOutput = z.output<typeof editSchema>;

function UserEditForm({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const { t } = useTranslation();
  const summary = useFormSummary('user-edit');
  const form = useForm<EditInput, unknown, EditOutput>({
    shouldFocusError: false,
    resolver: zodResolver(editSchema, zodOptions),
    defaultValues: {
      displayName: user.displayName,
      email: user.email ?? '',
      teamId: user.team?.id ?? '',
      roles: user.roles,
    },
  });
  const save = useMutation({ mutationFn: (values: UserUpdate) => usersApi.update(user.id, values) });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(
    (values) =>
      save.mutate(values, {
        onSuccess: (updated) => {
          summary.clear();
          onSaved(updated);
        },
        onError: (error) => summary.showServerError(error, form.setError, ['displayName', 'email', 'teamId', 'roles']),
      }),
    summary.showFieldErrors,
  );

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="lotse-stack lotse-form-narrow" aria-labelledby="user-edit-title">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('displayName')}
        label={t('users.displayName')}
        autoComplete="off"
        error={errors.displayName?.message}
        registration={form.register('displayName')}
      />
      <TextField
        id={summary.id('email')}
        label={t('users.email')}
        optional
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        registration={form.register('email')}
      />
      <TeamSelect
        id={summary.id('teamId')}
        agencyId={user.agency.id}
        control={form.control}
        name="teamId"
        error={errors.teamId?.message}
      />
      <RoleCheckboxes id={summary.id('roles')} registration={form.register('roles')} error={errors.roles?.message} />
      <div>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}

type Action = 'deactivate' | 'passwordReset' | 'totpReset';

function PasswordResetForm({ onValid }: { onValid: (password: string) => void }) {
  const { t } = useTranslation();
  const summary = useFormSummary('password-reset');
  const form = useForm<z.input<typeof passwordResetRequestSchema>>({
    shouldFocusError: false,
    resolver: zodResolver(passwordResetRequestSchema, zodOptions),
    defaultValues: { newPassword: '' },
  });
  return (
    <form
      noValidate
      className="lotse-stack lotse-form-narrow"
      aria-labelledby="password-reset-title"
      onSubmit={(event) => void form.handleSubmit((values) => {
        summary.clear();
        onValid(values.newPassword);
        form.reset();
      }, summary.showFieldErrors)(event)}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('newPassword')}
        label={t('users.newPassword')}
        hint={t('users.initialPasswordHint')}
        type="password"
        autoComplete="new-password"
        error={form.formState.errors.newPassword?.message}
        registration={form.register('newPassword')}
      />
      <div>
        <Button type="submit" variant="secondary">
          {t('users.passwordReset')}
        </Button>
      </div>
    </form>
  );
}

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const user = useQuery(userDetailQuery(id));
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [pendingPassword, setPendingPassword] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const canManage = hasPermission(me, 'user.manage');

  useEffect(() => {
    // The button that triggered the action may be gone now; keep focus on the outcome instead.
    if (message) messageRef.current?.focus();
  }, [message]);

  function announce(text: string) {
    setMessage((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));
  }

  function stored(updated: User, text: string) {
    queryClient.setQueryData(userDetailQuery(id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    announce(text);
  }

  const action = useMutation({
    mutationFn: async (kind: Action): Promise<{ text: string; updated?: User }> => {
      if (kind === 'deactivate') {
        return { text: t('users.deactivated'), updated: await usersApi.update(id, { active: false }) };
      }
      if (kind === 'passwordReset') {
        await usersApi.resetPassword(id, pendingPassword ?? '');
        return { text: t('users.passwordResetDone') };
      }
      await usersApi.resetSecondFactor(id);
      return { text: t('users.totpResetDone') };
    },
    onSuccess: (result, kind) => {
      // Close the dialog first, so that its focus trap has let go when the message takes focus.
      setConfirming(null);
      setPendingPassword(null);
      if (result.updated) stored(result.updated, result.text);
      else announce(result.text);
      if (kind === 'totpReset') void queryClient.invalidateQueries({ queryKey: userDetailQuery(id).queryKey });
    },
  });

  const activate = useMutation({
    mutationFn: () => usersApi.update(id, { active: true }),
    onSuccess: (updated) => stored(updated, t('users.activated')),
  });

  function openConfirm(kind: Action) {
    action.reset();
    setMessage(null);
    setConfirming(kind);
  }

  if (user.isPending) return <Loading />;
  if (user.error) {
    if (isApiError(user.error, 404)) {
      return (
        <>
          <PageHeading title={t('errors.notFoundTitle')} />
          <p className="kern-body">{t('errors.notFoundText')}</p>
          <p className="kern-body">
            <Link className="kern-link" to={paths.users}>
              {t('users.backToList')}
            </Link>
          </p>
        </>
      );
    }
    return <QueryError error={user.error} onRetry={() => void user.refetch()} />;
  }
  const data = user.data;
  const isSelf = me?.user.id === data.id;

  return (
    <>
      <p className="kern-body lotse-back-link">
        <Link className="kern-link" to={paths.users}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('users.backToList')}
        </Link>
      </p>
      <PageHeading title={data.displayName} preline={data.username} documentTitle={t('users.detailTitle', { name: data.displayName })}>
        <UserStatusBadge active={data.active} />
      </PageHeading>

      {message ? <Alert key={message.key} ref={messageRef} tabIndex={-1} tone="success" title={message.text} /> : null}

      <div className="lotse-detail-layout">
        <div className="lotse-detail-layout__main lotse-stack">
          <section className="lotse-section" aria-labelledby="user-data-title">
            <h2 className="kern-heading-medium" id="user-data-title">
              {t('users.accountDataTitle')}
            </h2>
            <DescriptionList
              items={[
                { key: 'username', term: t('users.username'), value: data.username },
                { key: 'email', term: t('users.email'), value: data.email ?? t('common.notSet') },
                { key: 'agency', term: t('users.agency'), value: data.agency.name },
                { key: 'team', term: t('users.team'), value: data.team?.name ?? t('users.noTeam') },
                { key: 'roles', term: t('users.roles'), value: data.roles.map((role) => t(`roles.${role}`)).join(', ') },
                {
                  key: 'totp',
                  term: t('users.secondFactor'),
                  value: data.totpEnrolled ? t('users.secondFactorEnrolled') : t('users.secondFactorMissing'),
                },
                {
                  key: 'source',
                  term: t('users.authSource'),
                  value: data.authSource === 'oidc' ? t('users.authSourceOidc') : t('users.authSourceLocal'),
                },
                {
                  key: 'lastLogin',
                  term: t('users.lastLoginAt'),
                  value: data.lastLoginAt ? formatDateTime(data.lastLoginAt) : t('common.never'),
                },
                { key: 'created', term: t('users.createdAt'), value: formatDateTime(data.createdAt) },
              ]}
            />
          </section>

          {canManage ? (
            <section className="lotse-section" aria-labelledby="user-edit-title">
              <h2 className="kern-heading-medium" id="user-edit-title">
                {t('users.editTitle')}
              </h2>
              <UserEditForm key={`${data.id}-${data.roles.join()}-${data.team?.id ?? ''}`} user={data} onSaved={(updated) => stored(updated, t('users.saved'))} />
            </section>
          ) : (
            <Alert tone="info" title={t('users.readOnlyNotice')} role="none" />
          )}
        </div>

        {canManage ? (
          <div className="lotse-detail-layout__aside lotse-stack">
            <section className="kern-card kern-card--hug" aria-labelledby="access-title">
              <div className="kern-card__container">
                <header className="kern-card__header">
                  <h2 className="kern-title kern-title--large" id="access-title">
                    {t('users.statusTitle')}
                  </h2>
                </header>
                <div className="kern-card__body lotse-stack">
                  <p className="kern-body">{data.active ? t('users.isActive') : t('users.isInactive')}</p>
                  {activate.error ? <Alert tone="danger" title={errorMessage(activate.error, t)} /> : null}
                  <div>
                    {data.active ? (
                      <Button variant="secondary" icon="close" disabled={isSelf} onClick={() => openConfirm('deactivate')}>
                        {t('users.deactivate')}
                      </Button>
                    ) : (
                      <Button variant="secondary" icon="check" disabled={activate.isPending} onClick={() => activate.mutate()}>
                        {t('users.activate')}
                      </Button>
                    )}
                  </div>
                </div>
              </div>
            </section>

            {data.authSource === 'local' ? (
              <section className="kern-card kern-card--hug" aria-labelledby="password-reset-title">
                <div className="kern-card__container">
                  <header className="kern-card__header">
                    <h2 className="kern-title kern-title--large" id="password-reset-title">
                      {t('users.passwordResetTitle')}
                    </h2>
                  </header>
                  <div className="kern-card__body lotse-stack">
                    <p className="kern-body">{t('users.passwordResetIntro')}</p>
                    <PasswordResetForm
                      onValid={(password) => {
                        setPendingPassword(password);
                        openConfirm('passwordReset');
                      }}
                    />
                  </div>
                </div>
              </section>
            ) : null}

            <section className="kern-card kern-card--hug" aria-labelledby="totp-reset-title">
              <div className="kern-card__container">
                <header className="kern-card__header">
                  <h2 className="kern-title kern-title--large" id="totp-reset-title">
                    {t('users.totpResetTitle')}
                  </h2>
                </header>
                <div className="kern-card__body lotse-stack">
                  {data.totpEnrolled ? (
                    <>
                      <p className="kern-body">{t('users.totpResetIntro')}</p>
                      <div>
                        <Button variant="secondary" onClick={() => openConfirm('totpReset')}>
                          {t('users.totpReset')}
                        </Button>
                      </div>
                    </>
                  ) : (
                    <p className="kern-body">{t('users.totpNotEnrolled')}</p>
                  )}
                </div>
              </div>
            </section>
          </div>
        ) : null}
      </div>

      <ConfirmDialog
        isOpen={confirming === 'deactivate'}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t('users.deactivateConfirmTitle')}
        confirmLabel={t('users.deactivateConfirmAction')}
        onConfirm={() => action.mutate('deactivate')}
        isPending={action.isPending}
        error={action.error ? errorMessage(action.error, t) : null}
      >
        {t('users.deactivateConfirmText')}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirming === 'passwordReset'}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t('users.passwordResetConfirmTitle')}
        confirmLabel={t('users.passwordReset')}
        onConfirm={() => action.mutate('passwordReset')}
        isPending={action.isPending}
        error={action.error ? errorMessage(action.error, t) : null}
      >
        {t('users.passwordResetConfirmText', { username: data.username })}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirming === 'totpReset'}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t('users.totpResetConfirmTitle')}
        confirmLabel={t('users.totpReset')}
        onConfirm={() => action.mutate('totpReset')}
        isPending={action.isPending}
        error={action.error ? errorMessage(action.error, t) : null}
      >
        {t('users.totpResetConfirmText', { username: data.username })}
      </ConfirmDialog>
    </>
  );
}
