import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  householdKindSchema,
  householdMemberEndRequestSchema,
  householdRelationshipSchema,
  type Household,
} from '../../../shared/contracts/households';
import { isoDateSchema } from '../../../shared/contracts/people';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { isApiError } from '../../lib/errors';
import { zodOptions } from '../../lib/form-errors';
import { blankToNull } from '../../lib/form-schemas';
import { useFormSummary } from '../../lib/use-form-summary';
import { householdName, relationshipOptions } from './household-format';
import { householdChanged, householdsApi } from './households-api';
import { personSearchQuery } from './people-api';
import { formatDateOfBirth, formatIsoDate, personName, todayIso } from './people-format';
import { useDebouncedValue } from './use-debounced-value';
import { FormActions } from '../../components/ui/form-actions';

type Member = Household['members'][number];

type DialogProps = {
  household: Household;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onDone: (message: string) => void;
  /** After a 412: fetch the household again. */
  onStale: () => void;
};

/** Saves, puts the answer into the cache and reports a conflict (412) instead of a field error. */
function useHouseholdMutation<T>(call: (values: T) => Promise<Household>, onDone: () => void, onStale: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      householdChanged(queryClient, updated);
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 412)) onStale();
    },
  });
}

const MIN_CHARS = 2;

const addFormSchema = z.object({
  personId: z.string().refine((value) => z.uuid().safeParse(value).success, {
    error: () => i18next.t('households.choosePersonRequired'),
  }),
  relationship: householdRelationshipSchema,
  validFrom: isoDateSchema,
});
type AddFormInput = z.input<typeof addFormSchema>;
type AddFormOutput = z.output<typeof addFormSchema>;
const ADD_FIELDS = ['personId', 'relationship', 'validFrom'] as const;

function AddMemberForm({
  household,
  onDone,
  onStale,
  onCancel,
}: Omit<DialogProps, 'isOpen' | 'onOpenChange'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const summary = useFormSummary('household-member-add');
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 250);
  const enabled = query.length >= MIN_CHARS;
  const results = useQuery({ ...personSearchQuery({ q: query, limit: 10 }), enabled });
  const form = useForm<AddFormInput, unknown, AddFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(addFormSchema, zodOptions),
    defaultValues: { personId: '', relationship: 'child', validFrom: todayIso() },
  });
  const personId = useWatch({ control: form.control, name: 'personId' });
  const currentIds = new Set(household.members.filter((m) => m.current).map((m) => m.person.id));
  const hits = enabled ? (results.data?.items ?? []) : [];
  const [chosenName, setChosenName] = useState('');
  const add = useHouseholdMutation(
    (values: AddFormOutput) => householdsApi.addMember(household.id, household.version, values),
    () => onDone(t('households.memberAdded', { name: chosenName })),
    onStale,
  );
  const errors = form.formState.errors;

  let status = '';
  if (!enabled) status = q.trim() ? t('people.minChars') : '';
  else if (results.data)
    status = hits.length ? t('people.hits', { count: results.data.page.total }) : t('people.noHits');

  const onSubmit = form.handleSubmit(
    (values) =>
      add.mutate(values, {
        onError: (error) => {
          if (!isApiError(error, 412)) summary.showServerError(error, form.setError, ADD_FIELDS);
        },
      }),
    summary.showFieldErrors,
  );

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('households.addMemberTitle')}
    >
      <p className="kern-body">{t('households.changeRelationshipHint')}</p>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id="household-member-search"
        label={t('households.searchPerson')}
        hint={t('people.searchHint')}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        // Enter in the search box searches; it must not send the form with a half-chosen person.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p className="kern-body" role="status" aria-live="polite">
        {status}
      </p>
      <Fieldset id={summary.id('personId')} legend={t('households.choosePerson')} error={errors.personId?.message}>
        {hits.length === 0 ? <p className="kern-body kern-body--muted">{t('households.noPersonChosen')}</p> : null}
        {hits.map(({ person }) => {
          const member = currentIds.has(person.id);
          const id = `household-member-${person.id}`;
          return (
            <div className="kern-form-check" key={person.id}>
              <input
                id={id}
                type="radio"
                className="kern-form-check__radio"
                value={person.id}
                disabled={member}
                {...form.register('personId', { onChange: () => setChosenName(personName(person)) })}
              />
              <label className="kern-label" htmlFor={id}>
                {personName(person)}, {t('people.dateOfBirth')}: {formatDateOfBirth(person.dateOfBirth, t)}
                {member ? ` (${t('households.alreadyMember')})` : ''}
              </label>
            </div>
          );
        })}
      </Fieldset>
      {personId && chosenName ? (
        <p className="kern-body" role="status">
          {t('households.chosen', { name: chosenName })}
        </p>
      ) : null}
      <SelectField
        id={summary.id('relationship')}
        label={t('households.relationship')}
        hint={t('households.relationshipHint')}
        error={errors.relationship?.message}
        options={relationshipOptions(t)}
        registration={form.register('relationship')}
      />
      <TextField
        id={summary.id('validFrom')}
        label={t('households.memberSince')}
        hint={t('households.memberSinceHint')}
        type="date"
        error={errors.validFrom?.message}
        registration={form.register('validFrom')}
      />
      <FormActions submitLabel={t('households.addMember')} pending={add.isPending} onCancel={onCancel} />
    </form>
  );
}

export function AddMemberDialog({ household, isOpen, onOpenChange, onDone, onStale }: DialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={t('households.addMemberTitle')}
      wide
      dismissable={false}
    >
      <AddMemberForm household={household} onDone={onDone} onStale={onStale} onCancel={() => onOpenChange(false)} />
    </ModalDialog>
  );
}

const endFormSchema = z.object({
  validUntil: isoDateSchema,
  reason: blankToNull(householdMemberEndRequestSchema.shape.reason.unwrap()),
});
type EndFormInput = z.input<typeof endFormSchema>;
type EndFormOutput = z.output<typeof endFormSchema>;

function EndMemberForm({
  household,
  member,
  onDone,
  onStale,
  onCancel,
}: Omit<DialogProps, 'isOpen' | 'onOpenChange'> & { member: Member; onCancel: () => void }) {
  const { t } = useTranslation();
  const summary = useFormSummary('household-member-end');
  const form = useForm<EndFormInput, unknown, EndFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(endFormSchema, zodOptions),
    defaultValues: { validUntil: todayIso(), reason: '' },
  });
  const name = personName(member.person);
  const end = useHouseholdMutation(
    (values: EndFormOutput) => householdsApi.endMember(household.id, household.version, member.id, values),
    () => onDone(t('households.memberEnded', { name })),
    onStale,
  );
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(
    (values) =>
      end.mutate(values, {
        onError: (error) => {
          if (!isApiError(error, 412)) summary.showServerError(error, form.setError, ['validUntil', 'reason']);
        },
      }),
    summary.showFieldErrors,
  );
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('households.endMemberTitle')}
    >
      <p className="kern-body">
        {t('households.endMemberText', {
          name,
          relationship: t(`households.relationships.${member.relationship}`),
          since: formatIsoDate(member.validFrom),
        })}
      </p>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('validUntil')}
        label={t('households.memberUntil')}
        hint={t('households.memberUntilHint')}
        type="date"
        error={errors.validUntil?.message}
        registration={form.register('validUntil')}
      />
      <TextAreaField
        id={summary.id('reason')}
        label={t('households.endReason')}
        hint={t('households.endReasonHint')}
        optional
        rows={2}
        error={errors.reason?.message}
        registration={form.register('reason')}
      />
      <div className="lotse-button-row">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={end.isPending}>
          {end.isPending ? t('common.saving') : t('households.endMember')}
        </Button>
      </div>
    </form>
  );
}

export function EndMemberDialog({ member, ...props }: DialogProps & { member: Member | null }) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={props.isOpen}
      onOpenChange={props.onOpenChange}
      title={t('households.endMemberTitle')}
      role="alertdialog"
      dismissable={false}
    >
      {member ? (
        <EndMemberForm
          household={props.household}
          member={member}
          onDone={props.onDone}
          onStale={props.onStale}
          onCancel={() => props.onOpenChange(false)}
        />
      ) : null}
    </ModalDialog>
  );
}

const editFormSchema = z.object({ kind: householdKindSchema, name: blankToNull(z.string().max(200).nullable()) });
type EditFormInput = z.input<typeof editFormSchema>;
type EditFormOutput = z.output<typeof editFormSchema>;

function EditHouseholdForm({
  household,
  onDone,
  onStale,
  onCancel,
}: Omit<DialogProps, 'isOpen' | 'onOpenChange'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const summary = useFormSummary('household-edit');
  const form = useForm<EditFormInput, unknown, EditFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(editFormSchema, zodOptions),
    defaultValues: { kind: household.kind, name: household.name ?? '' },
  });
  const save = useHouseholdMutation(
    (values: EditFormOutput) => householdsApi.update(household.id, household.version, values),
    () => onDone(t('households.saved')),
    onStale,
  );
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(
    (values) =>
      save.mutate(values, {
        onError: (error) => {
          if (!isApiError(error, 412)) summary.showServerError(error, form.setError, ['kind', 'name']);
        },
      }),
    summary.showFieldErrors,
  );
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('households.editTitle')}
    >
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
        optional
        autoComplete="off"
        error={errors.name?.message}
        registration={form.register('name')}
      />
      <FormActions submitLabel={t('common.save')} pending={save.isPending} onCancel={onCancel} />
    </form>
  );
}

export function EditHouseholdDialog({ household, isOpen, onOpenChange, onDone, onStale }: DialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={t('households.editTitle')} dismissable={false}>
      <p className="kern-body">{householdName(household, t)}</p>
      <EditHouseholdForm household={household} onDone={onDone} onStale={onStale} onCancel={() => onOpenChange(false)} />
    </ModalDialog>
  );
}
