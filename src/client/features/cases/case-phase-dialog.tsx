import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { closureReasons, type Case, type CasePhase, type ClosureReason } from '../../../shared/contracts/cases';
import { availableMoves, checkPhaseChange, checkReopen } from '../../../shared/domain/cases/phase-machine';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Fieldset, SelectField, TextAreaField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { isApiError } from '../../lib/errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { caseChanged, casesApi } from './cases-api';
import { closureReasonLabel, inUiLanguage, phaseLabel, ruleErrors } from './case-format';

type Values = { to: string; reason: string; closureReason: string; outcome: string };
const FIELDS = ['to', 'reason', 'closureReason', 'outcome'] as const;

type PhaseFormProps = { value: Case; onDone: (updated: Case) => void; onStale: () => void; onCancel: () => void };

function PhaseForm({ value, onDone, onStale, onCancel }: PhaseFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('case-phase');
  const moves = availableMoves(value.phase, value.conditions);
  const form = useForm<Values>({
    shouldFocusError: false,
    defaultValues: { to: moves[0]?.to ?? '', reason: '', closureReason: '', outcome: '' },
  });
  const to = useWatch({ control: form.control, name: 'to' }) as CasePhase;
  const move = moves.find((m) => m.to === to);
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const reason = values.reason.trim() || null;
      if (value.phase === 'closure') return casesApi.reopen(value, { to: values.to as never, reason: reason ?? '' });
      return values.to === 'closure'
        ? casesApi.changePhase(value, {
            to: 'closure',
            closureReason: (values.closureReason || null) as ClosureReason | null,
            outcome: values.outcome.trim() || null,
          })
        : casesApi.changePhase(value, { to: values.to as CasePhase, reason });
    },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    form.clearErrors();
    // The same input rules as the server's (shared phase machine); state rules are left to the server,
    // which explains a refusal in the user's language.
    const input = {
      to: values.to as CasePhase,
      reason: move?.requires.includes('reason') ? values.reason : null,
      closureReason: values.to === 'closure' ? ((values.closureReason || null) as ClosureReason | null) : null,
      outcome: values.to === 'closure' ? values.outcome : null,
    };
    const check =
      value.phase === 'closure'
        ? checkReopen(value.phase, input, { assessmentCompleted: true })
        : checkPhaseChange(value.phase, input, { assessmentCompleted: true });
    const inputProblems = check.ok ? [] : check.problems.filter((p) => p.kind === 'input');
    if (inputProblems.length) {
      for (const problem of inputProblems)
        form.setError(problem.path, { type: 'rule', message: inUiLanguage(problem.message) });
      summary.showFieldErrors(ruleErrors(inputProblems.map((p) => [p.path, inUiLanguage(p.message)])));
      return;
    }
    mutation.mutate(values, {
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
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('cases.phase.dialogTitle')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <Fieldset id={summary.id('to')} legend={t('cases.phase.to')} error={errors.to?.message}>
        {moves.map((m) => (
          <div className="kern-form-check" key={m.to}>
            <input
              className="kern-form-check__radio"
              type="radio"
              id={`case-phase-to-${m.to}`}
              value={m.to}
              aria-describedby={m.blockedBy ? `case-phase-blocked-${m.to}` : undefined}
              {...form.register('to')}
            />
            <label className="kern-label" htmlFor={`case-phase-to-${m.to}`}>
              {t(`cases.phase.moves.${m.kind}`, { phase: phaseLabel(m.to) })}
            </label>
            {m.blockedBy ? (
              <p className="kern-hint" id={`case-phase-blocked-${m.to}`} style={{ flexBasis: '100%' }}>
                {inUiLanguage(m.blockedBy.message)}
              </p>
            ) : null}
          </div>
        ))}
      </Fieldset>
      {move?.requires.includes('reason') ? (
        <TextAreaField
          id={summary.id('reason')}
          label={t('cases.phase.reason')}
          hint={move.kind === 'reopen' ? t('cases.phase.reopenReasonHint') : t('cases.phase.backReasonHint')}
          rows={3}
          error={errors.reason?.message}
          registration={form.register('reason')}
        />
      ) : null}
      {move?.kind === 'close' ? (
        <>
          <SelectField
            id={summary.id('closureReason')}
            label={t('cases.phase.closureReason')}
            error={errors.closureReason?.message}
            options={[
              { value: '', label: t('cases.phase.chooseReason') },
              ...closureReasons.map((r) => ({ value: r, label: closureReasonLabel(r) })),
            ]}
            registration={form.register('closureReason')}
          />
          <TextAreaField
            id={summary.id('outcome')}
            label={t('cases.phase.outcome')}
            hint={t('cases.phase.outcomeHint')}
            rows={4}
            error={errors.outcome?.message}
            registration={form.register('outcome')}
          />
        </>
      ) : null}
      <div className="lotse-button-row">
        <Button type="submit" variant="primary" disabled={mutation.isPending || !move}>
          {mutation.isPending
            ? t('common.saving')
            : value.phase === 'closure'
              ? t('cases.phase.reopenSubmit')
              : t('cases.phase.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

type CasePhaseDialogProps = { value: Case; onChanged: (updated: Case) => void; onStale: () => void };

/** "Phase ändern" (or "Fall wieder öffnen" when closed): only the moves the phase machine allows. */
export function CasePhaseDialog({ value, onChanged, onStale }: CasePhaseDialogProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const closed = value.phase === 'closure';
  return (
    <>
      <Button variant="primary" icon={closed ? 'autorenew' : 'arrow-forward'} onClick={() => setOpen(true)}>
        {closed ? t('cases.phase.reopen') : t('cases.phase.change')}
      </Button>
      <ModalDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={closed ? t('cases.phase.reopenTitle') : t('cases.phase.dialogTitle')}
        wide
        dismissable={false}
      >
        <PhaseForm
          key={value.version}
          value={value}
          onCancel={() => setOpen(false)}
          onDone={(updated) => {
            setOpen(false);
            onChanged(updated);
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
