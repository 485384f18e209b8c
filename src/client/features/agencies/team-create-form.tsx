import { useForm } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { teamCreateRequestSchema, type AgencyDetail } from '../../../shared/contracts/agencies';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { TextField } from '../../components/ui/form-field';
import { zodOptions } from '../../lib/form-errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { agenciesApi } from './agencies-api';

type TeamCreateFormProps = { agencyId: string; onCreated: (agency: AgencyDetail, teamName: string) => void };

export function TeamCreateForm({ agencyId, onCreated }: TeamCreateFormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary('team-create');
  const form = useForm<z.input<typeof teamCreateRequestSchema>, unknown, z.output<typeof teamCreateRequestSchema>>({
    shouldFocusError: false,
    resolver: zodResolver(teamCreateRequestSchema, zodOptions),
    defaultValues: { name: '' },
  });
  const create = useMutation({ mutationFn: (name: string) => agenciesApi.createTeam(agencyId, name) });

  const onSubmit = form.handleSubmit(
    ({ name }) =>
      create.mutate(name, {
        onSuccess: (agency) => {
          summary.clear();
          form.reset();
          onCreated(agency, name);
        },
        onError: (error) => summary.showServerError(error, form.setError, ['name']),
      }),
    summary.showFieldErrors,
  );

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="lotse-stack" aria-labelledby="team-create-title">
      <h3 className="kern-heading-small" id="team-create-title">
        {t('agencies.teamCreateTitle')}
      </h3>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('name')}
        label={t('agencies.teamName')}
        error={form.formState.errors.name?.message}
        registration={form.register('name')}
      />
      <div>
        <Button type="submit" variant="secondary" icon="add" disabled={create.isPending}>
          {t('agencies.teamCreate')}
        </Button>
      </div>
    </form>
  );
}
