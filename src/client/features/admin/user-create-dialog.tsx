import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { userCreateRequestSchema, type User } from '../../../shared/contracts/users';
import { ErrorSummary } from '../../components/ui/error-summary';
import { TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { zodOptions } from '../../lib/form-errors';
import { blankToNull } from '../../lib/form-schemas';
import { useFormSummary } from '../../lib/use-form-summary';
import { AgencySelect, RoleCheckboxes, TeamSelect } from './user-form-parts';
import { agencyOptionsQuery, usersApi } from './users-api';
import { FormActions } from '../../components/ui/form-actions';

const shape = userCreateRequestSchema.shape;
const formSchema = z.object({
  username: shape.username,
  displayName: shape.displayName,
  email: blankToNull(shape.email),
  agencyId: shape.agencyId,
  teamId: blankToNull(shape.teamId),
  roles: shape.roles,
  initialPassword: shape.initialPassword,
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const FIELDS = ['username', 'displayName', 'email', 'agencyId', 'teamId', 'roles', 'initialPassword'] as const;

type UserCreateFormProps = { defaultAgencyId: string; onCreated: (user: User) => void; onCancel: () => void };

function UserCreateForm({ defaultAgencyId, onCreated, onCancel }: UserCreateFormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary('user-create');
  const form = useForm<FormInput, unknown, FormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(formSchema, zodOptions),
    defaultValues: {
      username: '',
      displayName: '',
      email: '',
      agencyId: defaultAgencyId,
      teamId: '',
      roles: ['caseworker'],
      initialPassword: '',
    },
  });
  const agencyId = useWatch({ control: form.control, name: 'agencyId' });
  const create = useMutation({ mutationFn: usersApi.create });
  const errors = form.formState.errors;

  useEffect(() => {
    // Teams belong to one agency; a team of the previous agency would be rejected.
    form.setValue('teamId', '');
  }, [agencyId, form]);

  const onSubmit = form.handleSubmit(
    (values) =>
      create.mutate(values, {
        onSuccess: onCreated,
        onError: (error) => summary.showServerError(error, form.setError, FIELDS),
      }),
    summary.showFieldErrors,
  );

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('users.createTitle')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('username')}
        label={t('users.username')}
        hint={t('validation.username')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.username?.message}
        registration={form.register('username')}
      />
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
      <AgencySelect
        id={summary.id('agencyId')}
        control={form.control}
        name="agencyId"
        error={errors.agencyId?.message}
      />
      <TeamSelect
        id={summary.id('teamId')}
        agencyId={agencyId}
        control={form.control}
        name="teamId"
        error={errors.teamId?.message}
      />
      <RoleCheckboxes id={summary.id('roles')} registration={form.register('roles')} error={errors.roles?.message} />
      <TextField
        id={summary.id('initialPassword')}
        label={t('users.initialPassword')}
        hint={t('users.initialPasswordHint')}
        type="password"
        autoComplete="new-password"
        error={errors.initialPassword?.message}
        registration={form.register('initialPassword')}
      />
      <FormActions submitLabel={t('users.create')} pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}

type UserCreateDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  defaultAgencyId: string;
  onCreated: (user: User) => void;
};

export function UserCreateDialog({ isOpen, onOpenChange, defaultAgencyId, onCreated }: UserCreateDialogProps) {
  const { t } = useTranslation();
  const agencies = useQuery({ ...agencyOptionsQuery, enabled: isOpen });
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={t('users.createTitle')} wide dismissable={false}>
      {agencies.isPending ? <Loading /> : null}
      {agencies.error ? <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} /> : null}
      {agencies.data ? (
        <UserCreateForm defaultAgencyId={defaultAgencyId} onCreated={onCreated} onCancel={() => onOpenChange(false)} />
      ) : null}
    </ModalDialog>
  );
}
