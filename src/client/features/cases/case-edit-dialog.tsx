import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseSchema, type Case, type CaseUpdateRequest } from '../../../shared/contracts/cases';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { request } from '../../lib/api';
import { isApiError } from '../../lib/errors';
import { zodOptions } from '../../lib/form-errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { caseChanged, casePersonQuery } from './cases-api';

const formSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** '' = the person alone; otherwise the id of a household. */
  householdId: z.string(),
});
type FormValues = z.infer<typeof formSchema>;
const FIELDS = ['title', 'householdId'] as const;

/** PATCH of the case's title and household, based on the version the page shows. */
function updateCase(value: Case, input: CaseUpdateRequest) {
  return request('PATCH', `/cases/${encodeURIComponent(value.id)}`, {
    body: input,
    schema: caseSchema,
    headers: { 'If-Match': `"${value.version}"` },
  });
}

type EditFormProps = {
  value: Case;
  onDone: (updated: Case | null) => void;
  onStale: () => void;
  onCancel: () => void;
};

function EditForm({ value, onDone, onStale, onCancel }: EditFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('case-edit');
  // The household choices are the person's current households, as when the case was opened.
  const person = useQuery(casePersonQuery(value.person.id));
  const form = useForm<FormValues>({
    shouldFocusError: false,
    resolver: zodResolver(formSchema, zodOptions),
    defaultValues: { title: value.title, householdId: value.household?.id ?? '' },
  });
  const save = useMutation({ mutationFn: (input: CaseUpdateRequest) => updateCase(value, input) });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    const input: CaseUpdateRequest = {};
    if (values.title.trim() !== value.title) input.title = values.title.trim();
    const householdId = values.householdId || null;
    if (householdId !== (value.household?.id ?? null)) input.householdId = householdId;
    if (Object.keys(input).length === 0) {
      onDone(null);
      return;
    }
    save.mutate(input, {
      onSuccess: (updated) => {
        caseChanged(queryClient, updated);
        onDone(updated);
      },
      onError: (error) => {
        if (isApiError(error, 412)) {
          onStale();
          return;
        }
        summary.showServerError(error, form.setError, FIELDS);
      },
    });
  }, summary.showFieldErrors);

  if (person.isPending) return <Loading />;
  if (person.error) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  const households = person.data.households.filter(
    (h, i, all) => h.current && all.findIndex((o) => o.current && o.householdId === h.householdId) === i,
  );
  const householdName = (name: string | null, kind: 'household' | 'bedarfsgemeinschaft') =>
    name ?? t(`cases.householdKinds.${kind}`);
  // A household the person has left stays selectable while the case still refers to it.
  const former =
    value.household && !households.some((h) => h.householdId === value.household!.id) ? value.household : null;
  const showHousehold = households.length > 0 || former !== null;

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('caseHeader.edit.title')}
    >
      <p className="kern-body">{t('caseHeader.edit.intro')}</p>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('title')}
        label={t('cases.fields.title')}
        hint={t('cases.create.titleHint')}
        autoComplete="off"
        error={errors.title?.message}
        registration={form.register('title')}
      />
      {showHousehold ? (
        <SelectField
          id={summary.id('householdId')}
          label={t('cases.create.scope')}
          hint={t('cases.create.scopeHint')}
          error={errors.householdId?.message}
          options={[
            { value: '', label: t('cases.create.personOnly') },
            ...households.map((h) => ({
              value: h.householdId,
              label: t('cases.create.wholeHousehold', { name: householdName(h.name, h.kind) }),
            })),
            ...(former
              ? [
                  {
                    value: former.id,
                    label: t('caseHeader.edit.formerHousehold', { name: householdName(former.name, former.kind) }),
                  },
                ]
              : []),
          ]}
          registration={form.register('householdId')}
        />
      ) : null}
      <FormActions submitLabel={t('caseHeader.edit.submit')} pending={save.isPending} onCancel={onCancel} />
    </form>
  );
}

type CaseEditDialogProps = {
  value: Case;
  /** The saved case, or null when nothing was changed. */
  onSaved: (updated: Case | null) => void;
  onStale: () => void;
};

/** "Bearbeiten": title and household of the case (the lead agency steers them). */
export function CaseEditDialog({ value, onSaved, onStale }: CaseEditDialogProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" icon="edit" onClick={() => setOpen(true)}>
        {t('caseHeader.edit.open')}
      </Button>
      <ModalDialog isOpen={open} onOpenChange={setOpen} title={t('caseHeader.edit.title')} wide dismissable={false}>
        <EditForm
          key={value.version}
          value={value}
          onCancel={() => setOpen(false)}
          onDone={(updated) => {
            setOpen(false);
            onSaved(updated);
          }}
          onStale={() => {
            setOpen(false);
            onStale();
          }}
        />
      </ModalDialog>
    </>
  );
}
