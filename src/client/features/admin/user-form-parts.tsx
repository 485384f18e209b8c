import { useQuery } from '@tanstack/react-query';
import { useController, type Control, type FieldValues, type Path, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../shared/contracts/common';
import { Checkbox, Fieldset, SelectField } from '../../components/ui/form-field';
import { agencyOptionsQuery, agencyTeamsQuery } from './users-api';

type RoleCheckboxesProps = { id: string; registration: UseFormRegisterReturn; error?: string | undefined };

export function RoleCheckboxes({ id, registration, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('users.roles')} id={id} error={error}>
      {roles.map((role) => (
        <Checkbox key={role} id={`${id}-${role}`} value={role} label={t(`roles.${role}`)} invalid={!!error} registration={registration} />
      ))}
    </Fieldset>
  );
}

type ControlledSelectProps<T extends FieldValues> = {
  id: string;
  // The form's transformed output type does not matter for a single select.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<T, any, any>;
  name: Path<T>;
  error?: string | undefined;
};

/**
 * The options of these selects arrive after the form's default value; a controlled select keeps the
 * shown choice and the form value in step once they do.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function useSelectBinding<T extends FieldValues>(control: Control<T, any, any>, name: Path<T>) {
  const { field } = useController({ control, name });
  return {
    name: field.name,
    ref: field.ref,
    value: (field.value as string | null | undefined) ?? '',
    onChange: field.onChange,
    onBlur: field.onBlur,
  };
}

export function TeamSelect<T extends FieldValues>({ id, agencyId, control, name, error }: ControlledSelectProps<T> & { agencyId: string }) {
  const { t } = useTranslation();
  const teams = useQuery(agencyTeamsQuery(agencyId));
  const binding = useSelectBinding(control, name);
  const options = [
    { value: '', label: t('users.noTeam') },
    ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];
  return (
    <SelectField
      id={id}
      label={t('users.team')}
      optional
      options={options}
      error={error}
      aria-busy={teams.isFetching || undefined}
      {...binding}
    />
  );
}

export function AgencySelect<T extends FieldValues>({ id, control, name, error }: ControlledSelectProps<T>) {
  const { t } = useTranslation();
  const agencies = useQuery(agencyOptionsQuery);
  const binding = useSelectBinding(control, name);
  const options = (agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }));
  return <SelectField id={id} label={t('users.agency')} options={options} error={error} {...binding} />;
}
