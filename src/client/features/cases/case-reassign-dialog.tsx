import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseSchema, type Case } from '../../../shared/contracts/cases';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { request } from '../../lib/api';
import { errorMessage, isApiError } from '../../lib/errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseChanged, casesApi } from './cases-api';
import { agencyCaseworkersQuery } from './colleagues-api';

/** A colleague who can take over the lead. */
export type ReassignCandidate = { id: string; label: string };

type Values = { reference: string; leadUserId: string; reason: string };

type CaseReassignFormProps = {
  /** Distinguishes the form's field ids (two forms can be on one page). */
  formId: string;
  candidates: ReassignCandidate[];
  /**
   * The case, when the page shows it: the form then has no reference field and sends the case's
   * version (a concurrent change answers 412). Without it the team lead names the case by its
   * file reference.
   */
  value?: Case;
  onDone: (updated: Case) => void;
  /** A concurrent change to the case (only with `value`). */
  onStale?: () => void;
  /** Shows a cancel button (in a dialog). */
  onCancel?: () => void;
};

/**
 * Hands a case to another lead case manager, with a reason (team leads of the lead agency). Used on
 * the workload page (by file reference) and on the case page (the case at hand).
 */
export function CaseReassignForm({ formId, candidates, value, onDone, onStale, onCancel }: CaseReassignFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary(formId);
  const fields = value ? (['leadUserId', 'reason'] as const) : (['reference', 'leadUserId', 'reason'] as const);
  const form = useForm<Values>({
    shouldFocusError: false,
    defaultValues: { reference: '', leadUserId: '', reason: '' },
  });
  const reassign = useMutation({
    mutationFn: async (values: Values) => {
      const input = { leadUserId: values.leadUserId, reason: values.reason.trim() };
      if (value) {
        return request('POST', `/cases/${encodeURIComponent(value.id)}/reassign`, {
          body: input,
          schema: caseSchema,
          headers: { 'If-Match': `"${value.version}"` },
        });
      }
      // The reference finds the case among those the agency works on.
      const reference = values.reference.trim();
      const found = await casesApi.list({ scope: 'agency', q: reference, status: 'all', pageSize: 10 });
      const match = found.items.find((c) => c.reference === reference);
      if (!match) throw new Error('not-found');
      return casesApi.reassign(match.id, input);
    },
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((values) => {
    const missing = fields.filter((f) => values[f].trim() === '');
    if (missing.length) {
      for (const f of missing) form.setError(f, { type: 'required', message: t('validation.required') });
      summary.showFieldErrors(ruleErrors(missing.map((f) => [f, t('validation.required')])));
      return;
    }
    reassign.mutate(values, {
      onSuccess: (updated) => {
        caseChanged(queryClient, updated);
        summary.clear();
        form.reset();
        onDone(updated);
      },
      onError: (error) => {
        if (error instanceof Error && error.message === 'not-found') {
          form.setError('reference', { type: 'server', message: t('cases.workload.referenceNotFound') });
          summary.showFieldErrors(ruleErrors([['reference', t('cases.workload.referenceNotFound')]]));
          return;
        }
        if (value && onStale && isApiError(error, 412)) {
          onStale();
          return;
        }
        summary.showServerError(error, form.setError, fields);
      },
    });
  });
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className={onCancel ? 'lotse-stack lotse-dialog-form' : 'lotse-stack lotse-form-narrow'}
      aria-label={t('cases.workload.reassignTitle')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      {value ? null : (
        <TextField
          id={summary.id('reference')}
          label={t('cases.fields.reference')}
          hint={t('cases.workload.referenceHint')}
          autoComplete="off"
          error={errors.reference?.message}
          registration={form.register('reference')}
        />
      )}
      <SelectField
        id={summary.id('leadUserId')}
        label={t('cases.workload.newLead')}
        error={errors.leadUserId?.message}
        options={[
          { value: '', label: t('cases.workload.chooseLead') },
          ...candidates.map((c) => ({ value: c.id, label: c.label })),
        ]}
        registration={form.register('leadUserId')}
      />
      <TextAreaField
        id={summary.id('reason')}
        label={t('cases.workload.reason')}
        rows={3}
        error={errors.reason?.message}
        registration={form.register('reason')}
      />
      {onCancel ? (
        <FormActions submitLabel={t('cases.workload.reassign')} pending={reassign.isPending} onCancel={onCancel} />
      ) : (
        <div>
          <Button type="submit" variant="primary" disabled={reassign.isPending}>
            {reassign.isPending ? t('common.saving') : t('cases.workload.reassign')}
          </Button>
        </div>
      )}
    </form>
  );
}

/**
 * The colleagues who can take over a case: active caseworkers and team leads of every agency on the
 * current team, the lead agency first, without the current lead.
 */
function useCandidates(value: Case): { candidates: ReassignCandidate[]; pending: boolean; error: unknown } {
  const { t } = useTranslation();
  const agencies = value.team.filter((m) => m.current).map((m) => m.agency);
  const results = useQueries({ queries: agencies.map((a) => agencyCaseworkersQuery(a.id)) });
  const candidates = agencies.flatMap((agency, i) =>
    (results[i]?.data?.items ?? [])
      .filter((c) => c.id !== value.lead.user.id)
      .map((c) => ({
        id: c.id,
        label: t('caseHeader.reassign.candidate', { name: c.displayName, agency: agency.name }),
      })),
  );
  return {
    candidates,
    pending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

type CaseReassignDialogProps = { value: Case; onReassigned: (updated: Case) => void; onStale: () => void };

/** "Neu zuweisen" on the case page, for team leads of the lead agency. */
export function CaseReassignDialog({ value, onReassigned, onStale }: CaseReassignDialogProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" icon="person" onClick={() => setOpen(true)}>
        {t('caseHeader.reassign.open')}
      </Button>
      <ModalDialog isOpen={open} onOpenChange={setOpen} title={t('caseHeader.reassign.title')} wide dismissable={false}>
        {open ? (
          <ReassignDialogBody
            value={value}
            onCancel={() => setOpen(false)}
            onDone={(updated) => {
              setOpen(false);
              onReassigned(updated);
            }}
            onStale={() => {
              setOpen(false);
              onStale();
            }}
          />
        ) : null}
      </ModalDialog>
    </>
  );
}

function ReassignDialogBody({
  value,
  onDone,
  onStale,
  onCancel,
}: {
  value: Case;
  onDone: (updated: Case) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { candidates, pending, error } = useCandidates(value);
  return (
    <div className="lotse-stack">
      <p className="kern-body">
        {t('caseHeader.reassign.currentLead', { name: value.lead.user.displayName, agency: value.lead.agency.name })}
      </p>
      <p className="kern-body">{t('caseHeader.reassign.intro')}</p>
      {error ? <p className="kern-body">{errorMessage(error, t)}</p> : null}
      {pending ? (
        <p className="kern-body" role="status">
          {t('caseHeader.reassign.loading')}
        </p>
      ) : (
        <CaseReassignForm
          key={value.version}
          formId="case-page-reassign"
          value={value}
          candidates={candidates}
          onDone={onDone}
          onStale={onStale}
          onCancel={onCancel}
        />
      )}
    </div>
  );
}
