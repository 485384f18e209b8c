import { useState } from 'react';
import { isWithheld, WithheldNotice } from '../../components/data-protection/withheld';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { householdKindSchema, householdRelationshipSchema } from '../../../shared/contracts/households';
import { isoDateSchema, type Person } from '../../../shared/contracts/people';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { SelectField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { ApiError } from '../../lib/api';
import { zodOptions } from '../../lib/form-errors';
import { blankToNull } from '../../lib/form-schemas';
import { paths } from '../../lib/paths';
import { useFormSummary } from '../../lib/use-form-summary';
import { householdName, relationshipOptions } from './household-format';
import { householdChanged, householdsApi } from './households-api';
import { formatIsoDate, todayIso } from './people-format';
import { SectionCard } from '../../components/ui/section-card';
import { FormActions } from '../../components/ui/form-actions';

const createFormSchema = z.object({
  kind: householdKindSchema,
  name: blankToNull(z.string().max(200).nullable()),
  relationship: householdRelationshipSchema,
  validFrom: isoDateSchema,
});
type CreateFormInput = z.input<typeof createFormSchema>;
type CreateFormOutput = z.output<typeof createFormSchema>;
const CREATE_FIELDS = ['kind', 'name', 'relationship', 'validFrom'] as const;

/** The request has one member (this person); its field errors ("members.0.relationship") belong to the form's own fields. */
function withMemberPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fieldErrors = error.fieldErrors.map((e) => ({
    ...e,
    path: e.path.replace(/^(body[./])?members[./]0[./]/, ''),
  }));
  return new ApiError(error.status, error.code, error.detail, fieldErrors);
}

function HouseholdCreateForm({ person, onCancel }: { person: Person; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const summary = useFormSummary('household-create');
  const form = useForm<CreateFormInput, unknown, CreateFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(createFormSchema, zodOptions),
    defaultValues: {
      kind: 'household',
      name: `${t('households.familyPrefix')} ${person.familyName}`,
      relationship: 'head',
      validFrom: todayIso(),
    },
  });
  const create = useMutation({
    mutationFn: (values: CreateFormOutput) =>
      householdsApi.create({
        kind: values.kind,
        name: values.name,
        members: [{ personId: person.id, relationship: values.relationship, validFrom: values.validFrom }],
      }),
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(
    (values) =>
      create.mutate(values, {
        onSuccess: (household) => {
          householdChanged(queryClient, household);
          void navigate(paths.household(household.id), { state: { created: true } });
        },
        onError: (error) => summary.showServerError(withMemberPaths(error), form.setError, CREATE_FIELDS),
      }),
    summary.showFieldErrors,
  );

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('households.createTitle')}
    >
      <p className="kern-body">{t('households.createIntro')}</p>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <SelectField
        id={summary.id('kind')}
        label={t('households.kind')}
        hint={t('households.kindHint')}
        error={errors.kind?.message}
        options={householdKindSchema.options.map((value) => ({ value, label: t(`households.kinds.${value}`) }))}
        registration={form.register('kind')}
      />
      <TextField
        id={summary.id('name')}
        label={t('households.name')}
        hint={t('households.nameHint')}
        optional
        autoComplete="off"
        error={errors.name?.message}
        registration={form.register('name')}
      />
      <SelectField
        id={summary.id('relationship')}
        label={t('households.personRelationship', { name: `${person.givenNames} ${person.familyName}` })}
        hint={t('households.relationshipHint')}
        error={errors.relationship?.message}
        options={relationshipOptions(t)}
        registration={form.register('relationship')}
      />
      <TextField
        id={summary.id('validFrom')}
        label={t('households.memberSince')}
        type="date"
        error={errors.validFrom?.message}
        registration={form.register('validFrom')}
      />
      <FormActions submitLabel={t('households.create')} pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}

function MembershipList({ memberships }: { memberships: Person['households'] }) {
  const { t } = useTranslation();
  return (
    <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
      {memberships.map((membership) => (
        <li key={`${membership.householdId}-${membership.relationship}-${membership.validFrom}`}>
          <p className="kern-body">
            <Link className="kern-link" to={paths.household(membership.householdId)}>
              {householdName(membership, t)}
            </Link>
          </p>
          <p className="kern-body kern-body--small">
            {t('households.relationshipLabel')}: {t(`households.relationships.${membership.relationship}`)} ·{' '}
            {membership.validUntil
              ? `${formatIsoDate(membership.validFrom)} – ${formatIsoDate(membership.validUntil)}`
              : t('people.since', { date: formatIsoDate(membership.validFrom) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The person's household memberships (current, past folded away) and "Haushalt anlegen". */
export function HouseholdPanel({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const current = person.households.filter((membership) => membership.current);
  const past = person.households.filter((membership) => !membership.current);
  return (
    <SectionCard
      id="person-households"
      title={t('households.sectionTitle')}
      actions={
        canWrite && !isWithheld(person, 'family') ? (
          <Button variant="secondary" icon="add" small onClick={() => setCreating(true)}>
            {t('households.create')}
          </Button>
        ) : null
      }
    >
      {isWithheld(person, 'family') ? (
        <WithheldNotice category="family" />
      ) : current.length ? (
        <MembershipList memberships={current} />
      ) : (
        <EmptyState title={t('households.noCurrent')} />
      )}
      {past.length ? (
        <details className="lotse-details">
          <summary>{t('households.pastMemberships', { count: past.length })}</summary>
          <MembershipList memberships={past} />
        </details>
      ) : null}
      <ModalDialog
        isOpen={creating}
        onOpenChange={setCreating}
        title={t('households.createTitle')}
        wide
        dismissable={false}
      >
        <HouseholdCreateForm person={person} onCancel={() => setCreating(false)} />
      </ModalDialog>
    </SectionCard>
  );
}
