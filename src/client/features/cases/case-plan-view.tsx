import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  PLAN_TEXT_MAX,
  stepStatuses,
  type Plan,
  type PlanStep,
  type StepStatus,
} from '../../../shared/contracts/case-plans';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { SectionCard } from '../../components/ui/section-card';
import { isApiError } from '../../lib/errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { formatPlanDate, goalStatusLabel, stepStatusLabel } from './case-plan-format';
import { casePlanChanged, casePlanQuery, casePlansApi } from './case-plans-api';
import { ResourceLinkName } from './case-plan-resource-picker';

type ProgressValues = { status: StepStatus; result: string };
const PROGRESS_FIELDS = ['status', 'result'] as const;

/** The responsible agency records how its step stands; a concurrent change reloads the plan first. */
function ProgressForm({
  plan,
  step,
  n,
  onDone,
}: {
  plan: Plan;
  step: PlanStep;
  n: number;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('case-plan-progress');
  const [stale, setStale] = useState(false);
  const form = useForm<ProgressValues>({
    shouldFocusError: false,
    defaultValues: { status: step.status, result: step.result ?? '' },
  });
  const record = useMutation({
    mutationFn: (values: ProgressValues) =>
      casePlansApi.recordProgress(plan, step.id, { status: values.status, result: values.result.trim() || null }),
  });
  const onSubmit = form.handleSubmit((values) => {
    setStale(false);
    record.mutate(values, {
      onSuccess: (saved) => {
        casePlanChanged(queryClient, saved);
        onDone(t('casePlans.page.progressSaved'));
      },
      onError: (error) => {
        if (isApiError(error, 412)) {
          // Load the newer plan; the next submit is based on it.
          setStale(true);
          void queryClient.fetchQuery({ ...casePlanQuery(plan.caseId, plan.id), staleTime: 0 });
          return;
        }
        summary.showServerError(error, form.setError, PROGRESS_FIELDS);
      },
    });
  });
  return (
    <form
      noValidate
      className="lotse-stack lotse-dialog-form"
      aria-label={t('casePlans.progress.title', { n })}
      onSubmit={(event) => void onSubmit(event)}
    >
      <p className="kern-body">
        <strong>{step.measure}</strong>
      </p>
      {stale ? <Alert tone="warning" role="alert" title={t('casePlans.progress.staleText')} /> : null}
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <SelectField
        id={summary.id('status')}
        label={t('casePlans.progress.status')}
        error={form.formState.errors.status?.message}
        options={stepStatuses.map((s) => ({ value: s, label: stepStatusLabel(s) }))}
        registration={form.register('status')}
      />
      <TextAreaField
        id={summary.id('result')}
        label={t('casePlans.progress.result')}
        hint={t('casePlans.progress.resultHint')}
        optional
        rows={3}
        maxLength={PLAN_TEXT_MAX}
        error={form.formState.errors.result?.message}
        registration={form.register('result')}
      />
      <FormActions
        submitLabel={t('casePlans.progress.submit')}
        pending={record.isPending}
        onCancel={() => onDone('')}
      />
    </form>
  );
}

/** Goals and steps as everyone on the team reads them; a step's responsible agency records its progress. */
export function PlanReadView({ plan, onMessage }: { plan: Plan; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<string | null>(null);
  const goalNo = new Map(plan.goals.map((g, i) => [g.id, i + 1]));
  const index = plan.steps.findIndex((s) => s.id === recording);
  // The dialog follows the plan in the cache, so after a reload it shows the newer step.
  const step = index >= 0 ? plan.steps[index] : undefined;

  return (
    <>
      <SectionCard id="case-plan-goals" title={t('casePlans.read.goals')}>
        {plan.goals.length === 0 ? <p className="kern-body">{t('casePlans.read.noGoals')}</p> : null}
        <ol className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
          {plan.goals.map((g, i) => (
            <li key={g.id} className="lotse-repeat-group" aria-labelledby={`case-plan-goal-${g.id}`}>
              <h3 className="kern-title" id={`case-plan-goal-${g.id}`}>
                {t('casePlans.read.goalHeading', { n: i + 1 })} · {goalStatusLabel(g.status)}
              </h3>
              <DescriptionList
                items={[
                  {
                    key: 'own',
                    term: t('casePlans.read.ownWords'),
                    value: <span className="lotse-preserve-lines">{g.ownWords}</span>,
                  },
                  {
                    key: 'target',
                    term: t('casePlans.read.target'),
                    value: <span className="lotse-preserve-lines">{g.target}</span>,
                  },
                  ...(g.targetDate
                    ? [{ key: 'date', term: t('casePlans.read.targetDate'), value: formatPlanDate(g.targetDate) }]
                    : []),
                ]}
              />
            </li>
          ))}
        </ol>
      </SectionCard>
      <SectionCard id="case-plan-steps" title={t('casePlans.read.steps')}>
        {plan.steps.length === 0 ? <p className="kern-body">{t('casePlans.read.noSteps')}</p> : null}
        <ol className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
          {plan.steps.map((s, i) => {
            const goal = s.goalId ? goalNo.get(s.goalId) : undefined;
            return (
              <li key={s.id} className="lotse-repeat-group" aria-labelledby={`case-plan-step-${s.id}`}>
                <h3 className="kern-title" id={`case-plan-step-${s.id}`}>
                  {t('casePlans.read.stepHeading', { n: i + 1 })} · {stepStatusLabel(s.status)}
                </h3>
                <p className="kern-body lotse-preserve-lines">{s.measure}</p>
                <DescriptionList
                  items={[
                    {
                      key: 'who',
                      term: t('casePlans.read.responsible'),
                      value: s.responsibleUser
                        ? `${s.responsibleAgency.name} – ${s.responsibleUser.displayName}`
                        : s.responsibleAgency.name,
                    },
                    ...(s.dueDate
                      ? [{ key: 'due', term: t('casePlans.read.dueDate'), value: formatPlanDate(s.dueDate) }]
                      : []),
                    ...(goal
                      ? [
                          {
                            key: 'goal',
                            term: t('casePlans.read.servesGoal'),
                            value: t('casePlans.read.goalHeading', { n: goal }),
                          },
                        ]
                      : []),
                    ...(s.result
                      ? [
                          {
                            key: 'result',
                            term: t('casePlans.read.result'),
                            value: <span className="lotse-preserve-lines">{s.result}</span>,
                          },
                        ]
                      : []),
                  ]}
                />
                {s.resource ? (
                  <p className="kern-body kern-body--small">
                    {t('casePlans.read.resourceLinked')}: <ResourceLinkName id={s.resource.id} />
                  </p>
                ) : null}
                {s.canRecordProgress ? (
                  <div>
                    <Button
                      variant="secondary"
                      small
                      icon="edit"
                      aria-label={t('casePlans.progress.recordFor', { n: i + 1 })}
                      onClick={() => setRecording(s.id)}
                    >
                      {t('casePlans.progress.record')}
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      </SectionCard>
      <ModalDialog
        isOpen={recording !== null}
        onOpenChange={(open) => {
          if (!open) setRecording(null);
        }}
        title={t('casePlans.progress.title', { n: index + 1 })}
        wide
        dismissable={false}
      >
        {step ? (
          <ProgressForm
            key={step.id}
            plan={plan}
            step={step}
            n={index + 1}
            onDone={(message) => {
              setRecording(null);
              if (message) onMessage(message);
            }}
          />
        ) : null}
      </ModalDialog>
    </>
  );
}
