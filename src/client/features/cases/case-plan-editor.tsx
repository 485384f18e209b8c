import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  goalStatuses,
  PLAN_GOALS_MAX,
  PLAN_STEPS_MAX,
  PLAN_TEXT_MAX,
  PLAN_TITLE_MAX,
  stepStatuses,
  type GoalStatus,
  type Plan,
  type PlanUpdateInput,
  type PlanStatus,
  type StepStatus,
} from '../../../shared/contracts/case-plans';
import type { Case } from '../../../shared/contracts/cases';
import { latestReviewDate, planContentProblems } from '../../../shared/domain/cases/plan-rules';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ErrorSummary } from '../../components/ui/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { errorMessage, isApiError } from '../../lib/errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { CasePlanResourcePicker } from './case-plan-resource-picker';
import { inUiLanguage, ruleErrors } from './case-format';
import { formatPlanDate, goalStatusLabel, planToday, stepStatusLabel } from './case-plan-format';
import { casePlanChanged, casePlanQuery, casePlansApi } from './case-plans-api';
import { agencyCaseworkersQuery } from './colleagues-api';

/** A goal row; `key` stays with the goal while rows move, so a step keeps pointing at it. */
type GoalForm = {
  key: string;
  planGoalId: string;
  ownWords: string;
  target: string;
  targetDate: string;
  status: GoalStatus;
};
type StepForm = {
  planStepId: string;
  measure: string;
  responsibleAgencyId: string;
  responsibleUserId: string;
  /** The key of the goal the step serves, or ''. */
  goal: string;
  dueDate: string;
  status: StepStatus;
  result: string;
  /** The linked entry of the resource directory ('' = none), chosen with CasePlanResourcePicker. */
  resourceId: string;
};
type EditorValues = { title: string; agreedOn: string; reviewDate: string; goals: GoalForm[]; steps: StepForm[] };
const FIELDS = ['title', 'status', 'agreedOn', 'reviewDate', 'endedOn', 'goals', 'steps'] as const;
const FORM_ID = 'case-plan';

let newKeys = 0;
const newKey = () => `new-${(newKeys += 1)}`;

function toForm(plan: Plan): EditorValues {
  return {
    title: plan.title,
    agreedOn: plan.agreedOn ?? '',
    reviewDate: plan.reviewDate ?? '',
    goals: plan.goals.map((g) => ({
      key: g.id,
      planGoalId: g.id,
      ownWords: g.ownWords,
      target: g.target,
      targetDate: g.targetDate ?? '',
      status: g.status,
    })),
    steps: plan.steps.map((s) => ({
      planStepId: s.id,
      measure: s.measure,
      responsibleAgencyId: s.responsibleAgency.id,
      responsibleUserId: s.responsibleUser?.id ?? '',
      goal: s.goalId ?? '',
      dueDate: s.dueDate ?? '',
      status: s.status,
      result: s.result ?? '',
      resourceId: s.resource?.id ?? '',
    })),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function toRequest(values: EditorValues, status: PlanStatus, endedOn: string | null) {
  const goalIndex = new Map(values.goals.map((g, i) => [g.key, i]));
  return {
    title: values.title.trim(),
    status,
    agreedOn: orNull(values.agreedOn),
    reviewDate: orNull(values.reviewDate),
    endedOn,
    goals: values.goals.map((g) => ({
      ...(g.planGoalId ? { id: g.planGoalId } : {}),
      ownWords: g.ownWords.trim(),
      target: g.target.trim(),
      targetDate: orNull(g.targetDate),
      status: g.status,
    })),
    steps: values.steps.map((s) => {
      const index = s.goal ? goalIndex.get(s.goal) : undefined;
      return {
        ...(s.planStepId ? { id: s.planStepId } : {}),
        measure: s.measure.trim(),
        responsibleAgencyId: s.responsibleAgencyId,
        responsibleUserId: s.responsibleUserId || null,
        goal: index === undefined ? null : { index },
        resource: s.resourceId ? { kind: 'resource' as const, id: s.resourceId } : null,
        dueDate: orNull(s.dueDate),
        status: s.status,
        result: orNull(s.result),
      };
    }),
  } satisfies PlanUpdateInput;
}

type Summary = ReturnType<typeof useFormSummary>;
type MoveButtonsProps = {
  list: 'goals' | 'steps';
  index: number;
  count: number;
  item: string;
  onMove: (from: number, to: number) => void;
};

/** Up and down buttons of a row: keyboard users reorder without drag and drop. */
function MoveButtons({ list, index, count, item, onMove }: MoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        id={`${FORM_ID}-${list}-${index}-up`}
        variant="tertiary"
        small
        icon="arrow-up"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        {t('casePlans.editor.moveUp', { item })}
      </Button>
      <Button
        id={`${FORM_ID}-${list}-${index}-down`}
        variant="tertiary"
        small
        icon="arrow-down"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        {t('casePlans.editor.moveDown', { item })}
      </Button>
    </>
  );
}

function StepFields({
  form,
  index,
  summary,
  agencies,
  goals,
  knownUsers,
}: {
  form: UseFormReturn<EditorValues>;
  index: number;
  summary: Summary;
  agencies: { id: string; name: string }[];
  goals: GoalForm[];
  knownUsers: Map<string, string>;
}) {
  const { t } = useTranslation();
  const agencyId = useWatch({ control: form.control, name: `steps.${index}.responsibleAgencyId` });
  const userId = useWatch({ control: form.control, name: `steps.${index}.responsibleUserId` });
  const resourceId = useWatch({ control: form.control, name: `steps.${index}.resourceId` });
  // The colleague list comes from the agencies module; without it the agency as a whole is responsible.
  const colleagues = useQuery(agencyCaseworkersQuery(agencyId));
  const errors = form.formState.errors.steps?.[index];
  const base = `steps.${index}` as const;

  const colleagueOptions = () => {
    if (agencyId === '') return [{ value: '', label: t('casePlans.editor.chooseAgencyFirst') }];
    const options = [{ value: '', label: t('casePlans.editor.noColleague') }];
    const listed = colleagues.data?.items ?? [];
    options.push(
      ...listed.map((c) => ({ value: c.id, label: c.team ? `${c.displayName} (${c.team})` : c.displayName })),
    );
    // Keep a colleague named before, even while the list cannot be loaded.
    if (userId && !listed.some((c) => c.id === userId))
      options.push({ value: userId, label: knownUsers.get(userId) ?? userId });
    return options;
  };

  return (
    <>
      <TextAreaField
        id={summary.id(`${base}.measure`)}
        label={t('casePlans.editor.measure')}
        hint={t('casePlans.editor.measureHint')}
        rows={2}
        maxLength={PLAN_TEXT_MAX}
        error={errors?.measure?.message}
        registration={form.register(`${base}.measure`)}
      />
      <SelectField
        id={summary.id(`${base}.responsibleAgencyId`)}
        label={t('casePlans.editor.responsibleAgency')}
        hint={t('casePlans.editor.responsibleAgencyHint')}
        error={errors?.responsibleAgencyId?.message}
        options={[
          { value: '', label: t('casePlans.editor.chooseAgency') },
          ...agencies.map((a) => ({ value: a.id, label: a.name })),
        ]}
        registration={form.register(`${base}.responsibleAgencyId`, {
          onChange: () => form.setValue(`${base}.responsibleUserId`, ''),
        })}
      />
      <SelectField
        id={summary.id(`${base}.responsibleUserId`)}
        label={t('casePlans.editor.responsibleUser')}
        hint={
          colleagues.isError ? t('casePlans.editor.colleaguesUnavailable') : t('casePlans.editor.responsibleUserHint')
        }
        optional
        disabled={agencyId === ''}
        error={errors?.responsibleUserId?.message}
        options={
          colleagues.isPending && agencyId !== ''
            ? [{ value: userId, label: t('casePlans.editor.loadingColleagues') }]
            : colleagueOptions()
        }
        registration={form.register(`${base}.responsibleUserId`)}
      />
      <SelectField
        id={summary.id(`${base}.goal`)}
        label={t('casePlans.editor.goal')}
        optional
        error={errors?.goal?.message}
        options={[
          { value: '', label: t('casePlans.editor.noGoal') },
          ...goals.map((g, i) => ({
            value: g.key,
            label: g.ownWords.trim()
              ? t('casePlans.editor.goalOption', {
                  n: i + 1,
                  text: g.ownWords.length > 60 ? `${g.ownWords.slice(0, 60)}…` : g.ownWords,
                })
              : t('casePlans.editor.goalOptionEmpty', { n: i + 1 }),
          })),
        ]}
        registration={form.register(`${base}.goal`)}
      />
      <TextField
        id={summary.id(`${base}.dueDate`)}
        type="date"
        label={t('casePlans.editor.dueDate')}
        optional
        error={errors?.dueDate?.message}
        registration={form.register(`${base}.dueDate`)}
      />
      <SelectField
        id={summary.id(`${base}.status`)}
        label={t('casePlans.editor.stepStatus')}
        error={errors?.status?.message}
        options={stepStatuses.map((s) => ({ value: s, label: stepStatusLabel(s) }))}
        registration={form.register(`${base}.status`)}
      />
      <TextAreaField
        id={summary.id(`${base}.result`)}
        label={t('casePlans.editor.result')}
        optional
        rows={2}
        maxLength={PLAN_TEXT_MAX}
        error={errors?.result?.message}
        registration={form.register(`${base}.result`)}
      />
      <CasePlanResourcePicker
        id={summary.id(`${base}.resource`)}
        value={resourceId}
        onChange={(id) => form.setValue(`${base}.resourceId`, id, { shouldDirty: true })}
        error={(errors as { resource?: { message?: string } } | undefined)?.resource?.message}
      />
    </>
  );
}

type PendingFocus = {
  list: 'goals' | 'steps';
  target: 'row' | 'add' | 'move';
  index: number;
  direction?: 'up' | 'down';
};

type PlanEditorProps = {
  plan: Plan;
  value: Case;
  onSaved: (message: string) => void;
};

/**
 * The owner agency's editor: title, dates, goals and steps (add, remove, reorder with buttons),
 * status moves (agree; end after a confirmation). The write names the version the form was loaded
 * from, so a colleague's newer change is never overwritten silently (412 → reload).
 */
export function PlanEditor({ plan, value, onSaved }: PlanEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary(FORM_ID);
  const form = useForm<EditorValues>({ shouldFocusError: false, defaultValues: toForm(plan) });
  const goals = useFieldArray({ control: form.control, name: 'goals', keyName: 'fieldKey' });
  const steps = useFieldArray({ control: form.control, name: 'steps', keyName: 'fieldKey' });
  const goalValues = useWatch({ control: form.control, name: 'goals' });
  const agreedOn = useWatch({ control: form.control, name: 'agreedOn' });
  // The version the form shows; a background refetch must not move it under the user's edits.
  const base = useRef(plan);
  const [stale, setStale] = useState(false);
  const [ending, setEnding] = useState(false);
  const [endedOn, setEndedOn] = useState(planToday());
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<PendingFocus | null>(null);

  const save = useMutation({
    mutationFn: (input: { values: EditorValues; status: PlanStatus; endedOn: string | null }) =>
      casePlansApi.update(base.current, toRequest(input.values, input.status, input.endedOn)),
  });

  // Focus follows adding, removing and moving rows, so keyboard users stay where they work.
  useEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    const count = target.list === 'goals' ? goals.fields.length : steps.fields.length;
    let element: HTMLElement | null = null;
    if (target.target === 'add' || count === 0) element = document.getElementById(`${FORM_ID}-${target.list}-add`);
    else if (target.target === 'row') {
      const first = target.list === 'goals' ? 'ownWords' : 'measure';
      element = document.getElementById(summary.id(`${target.list}.${Math.min(target.index, count - 1)}.${first}`));
    } else {
      const up = document.getElementById(`${FORM_ID}-${target.list}-${target.index}-up`) as HTMLButtonElement | null;
      const down = document.getElementById(
        `${FORM_ID}-${target.list}-${target.index}-down`,
      ) as HTMLButtonElement | null;
      element = target.direction === 'up' ? (up && !up.disabled ? up : down) : down && !down.disabled ? down : up;
    }
    element?.focus();
  });

  const teamAgencies = new Map(value.team.filter((m) => m.current).map((m) => [m.agency.id, m.agency.name]));
  // A step of an agency that has left the team since keeps showing its agency.
  for (const s of plan.steps)
    if (!teamAgencies.has(s.responsibleAgency.id)) teamAgencies.set(s.responsibleAgency.id, s.responsibleAgency.name);
  const agencies = [...teamAgencies.entries()].map(([id, name]) => ({ id, name }));
  const knownUsers = new Map(
    plan.steps.flatMap((s) =>
      s.responsibleUser ? [[s.responsibleUser.id, s.responsibleUser.displayName] as const] : [],
    ),
  );
  const today = planToday();
  const latest = latestReviewDate(plan.kind, agreedOn || null, today);
  const errors = form.formState.errors;
  const goalsError = errors.goals?.message ?? errors.goals?.root?.message;
  const stepsError = errors.steps?.message ?? errors.steps?.root?.message;

  function clientProblems(values: EditorValues, status: PlanStatus, end: string | null): [string, string][] {
    const problems: [string, string][] = [];
    const required = t('validation.required');
    if (!values.title.trim()) problems.push(['title', required]);
    values.goals.forEach((g, i) => {
      if (!g.ownWords.trim()) problems.push([`goals.${i}.ownWords`, required]);
      if (!g.target.trim()) problems.push([`goals.${i}.target`, required]);
    });
    values.steps.forEach((s, i) => {
      if (!s.measure.trim()) problems.push([`steps.${i}.measure`, required]);
      if (!s.responsibleAgencyId) problems.push([`steps.${i}.responsibleAgencyId`, required]);
    });
    const request = toRequest(values, status, end);
    const content = planContentProblems(
      { kind: plan.kind, ...request },
      {
        today,
        previous: {
          agreedOn: base.current.agreedOn,
          reviewDate: base.current.reviewDate,
          goalIds: new Set(base.current.goals.map((g) => g.id)),
          stepIds: new Set(base.current.steps.map((s) => s.id)),
        },
      },
    );
    for (const p of content) problems.push([p.path, inUiLanguage(p.message)]);
    return problems;
  }

  function submit(status: PlanStatus, end: string | null, message: string) {
    return form.handleSubmit((values) => {
      form.clearErrors();
      setEnding(false);
      const problems = clientProblems(values, status, end);
      if (problems.length) {
        for (const [path, text] of problems) form.setError(path as 'title', { type: 'rule', message: text });
        summary.showFieldErrors(ruleErrors(problems));
        return;
      }
      save.mutate(
        { values, status, endedOn: end },
        {
          onSuccess: (saved) => {
            summary.clear();
            setStale(false);
            base.current = saved;
            casePlanChanged(queryClient, saved);
            form.reset(toForm(saved));
            onSaved(message);
          },
          onError: (error) => {
            if (isApiError(error, 412)) {
              summary.clear();
              setStale(true);
              return;
            }
            summary.showServerError(error, form.setError, FIELDS);
          },
        },
      );
    });
  }

  const reload = () => {
    void queryClient.fetchQuery({ ...casePlanQuery(plan.caseId, plan.id), staleTime: 0 }).then((latestPlan) => {
      base.current = latestPlan;
      form.reset(toForm(latestPlan));
      setStale(false);
      summary.clear();
    });
  };

  const goalLabel = (n: number) => t('casePlans.editor.goalN', { n });
  const stepLabel = (n: number) => t('casePlans.editor.stepN', { n });

  return (
    <form
      noValidate
      className="lotse-stack"
      aria-label={t('casePlans.editor.formLabel')}
      onSubmit={(event) => void submit(plan.status, null, t('casePlans.page.saved'))(event)}
    >
      {stale ? (
        <Alert tone="danger" role="alert" title={t('casePlans.page.staleTitle')}>
          <p className="kern-body">{t('casePlans.page.staleText')}</p>
          <div>
            <Button variant="secondary" onClick={reload}>
              {t('casePlans.page.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('title')}
        label={t('casePlans.title')}
        maxLength={PLAN_TITLE_MAX}
        error={errors.title?.message}
        registration={form.register('title')}
      />
      <TextField
        id={summary.id('agreedOn')}
        type="date"
        label={t('casePlans.agreedOn')}
        hint={t('casePlans.editor.agreedOnHint')}
        optional={plan.status === 'draft'}
        max={today}
        error={errors.agreedOn?.message}
        registration={form.register('agreedOn')}
      />
      <TextField
        id={summary.id('reviewDate')}
        type="date"
        label={t('casePlans.reviewDate')}
        hint={
          latest ? t('casePlans.reviewDateHintKoop', { date: formatPlanDate(latest) }) : t('casePlans.reviewDateHint')
        }
        optional={latest === null}
        max={latest ?? undefined}
        error={errors.reviewDate?.message}
        registration={form.register('reviewDate')}
      />

      <fieldset
        id={summary.id('goals')}
        tabIndex={-1}
        className={`kern-fieldset ${goalsError ? 'kern-fieldset--error' : ''}`.trim()}
      >
        <legend className="kern-title">{t('casePlans.editor.goals')}</legend>
        <div className="kern-hint">{t('casePlans.editor.goalsHint')}</div>
        <div className="kern-fieldset__body lotse-stack">
          {goals.fields.length === 0 ? (
            <p className="kern-body kern-body--muted">{t('casePlans.editor.noGoals')}</p>
          ) : null}
          {goals.fields.map((field, index) => {
            const n = index + 1;
            const e = errors.goals?.[index];
            return (
              <div key={field.fieldKey} className="lotse-repeat-group" role="group" aria-label={goalLabel(n)}>
                <h3 className="kern-title">{goalLabel(n)}</h3>
                <TextAreaField
                  id={summary.id(`goals.${index}.ownWords`)}
                  label={t('casePlans.read.ownWords')}
                  hint={t('casePlans.editor.ownWordsHint')}
                  rows={2}
                  maxLength={PLAN_TEXT_MAX}
                  error={e?.ownWords?.message}
                  registration={form.register(`goals.${index}.ownWords`)}
                />
                <TextAreaField
                  id={summary.id(`goals.${index}.target`)}
                  label={t('casePlans.read.target')}
                  hint={t('casePlans.editor.targetHint')}
                  rows={2}
                  maxLength={PLAN_TEXT_MAX}
                  error={e?.target?.message}
                  registration={form.register(`goals.${index}.target`)}
                />
                <TextField
                  id={summary.id(`goals.${index}.targetDate`)}
                  type="date"
                  label={t('casePlans.read.targetDate')}
                  optional
                  error={e?.targetDate?.message}
                  registration={form.register(`goals.${index}.targetDate`)}
                />
                <SelectField
                  id={summary.id(`goals.${index}.status`)}
                  label={t('casePlans.editor.goalStatus')}
                  error={e?.status?.message}
                  options={goalStatuses.map((s) => ({ value: s, label: goalStatusLabel(s) }))}
                  registration={form.register(`goals.${index}.status`)}
                />
                <div className="lotse-button-row">
                  <MoveButtons
                    list="goals"
                    index={index}
                    count={goals.fields.length}
                    item={goalLabel(n)}
                    onMove={(from, to) => {
                      goals.move(from, to);
                      pending.current = {
                        list: 'goals',
                        target: 'move',
                        index: to,
                        direction: to < from ? 'up' : 'down',
                      };
                      setAnnouncement(t('casePlans.editor.moved', { item: goalLabel(n), n: to + 1 }));
                    }}
                  />
                  <Button
                    variant="tertiary"
                    small
                    icon="delete"
                    onClick={() => {
                      const key = form.getValues(`goals.${index}.key`);
                      // Steps that served the removed goal now serve the plan as a whole.
                      form.getValues('steps').forEach((s, i) => {
                        if (s.goal === key) form.setValue(`steps.${i}.goal`, '');
                      });
                      goals.remove(index);
                      pending.current = { list: 'goals', target: goals.fields.length > 1 ? 'row' : 'add', index };
                      setAnnouncement(t('casePlans.editor.removed', { item: goalLabel(n) }));
                    }}
                  >
                    {t('casePlans.editor.removeGoal', { n })}
                  </Button>
                </div>
              </div>
            );
          })}
          <div>
            <Button
              id={`${FORM_ID}-goals-add`}
              variant="secondary"
              icon="add"
              disabled={goals.fields.length >= PLAN_GOALS_MAX}
              onClick={() => {
                goals.append(
                  { key: newKey(), planGoalId: '', ownWords: '', target: '', targetDate: '', status: 'open' },
                  { shouldFocus: false },
                );
                pending.current = { list: 'goals', target: 'row', index: goals.fields.length };
                setAnnouncement(t('casePlans.editor.added', { item: goalLabel(goals.fields.length + 1) }));
              }}
            >
              {t('casePlans.editor.addGoal')}
            </Button>
          </div>
          {goalsError ? (
            <p className="kern-error" id={`${summary.id('goals')}-error`}>
              <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
              <span className="kern-body">{goalsError}</span>
            </p>
          ) : null}
        </div>
      </fieldset>

      <fieldset
        id={summary.id('steps')}
        tabIndex={-1}
        className={`kern-fieldset ${stepsError ? 'kern-fieldset--error' : ''}`.trim()}
      >
        <legend className="kern-title">{t('casePlans.editor.steps')}</legend>
        <div className="kern-hint">{t('casePlans.editor.stepsHint')}</div>
        <div className="kern-fieldset__body lotse-stack">
          {steps.fields.length === 0 ? (
            <p className="kern-body kern-body--muted">{t('casePlans.editor.noSteps')}</p>
          ) : null}
          {steps.fields.map((field, index) => {
            const n = index + 1;
            return (
              <div key={field.fieldKey} className="lotse-repeat-group" role="group" aria-label={stepLabel(n)}>
                <h3 className="kern-title">{stepLabel(n)}</h3>
                <StepFields
                  form={form}
                  index={index}
                  summary={summary}
                  agencies={agencies}
                  goals={goalValues}
                  knownUsers={knownUsers}
                />
                <div className="lotse-button-row">
                  <MoveButtons
                    list="steps"
                    index={index}
                    count={steps.fields.length}
                    item={stepLabel(n)}
                    onMove={(from, to) => {
                      steps.move(from, to);
                      pending.current = {
                        list: 'steps',
                        target: 'move',
                        index: to,
                        direction: to < from ? 'up' : 'down',
                      };
                      setAnnouncement(t('casePlans.editor.moved', { item: stepLabel(n), n: to + 1 }));
                    }}
                  />
                  <Button
                    variant="tertiary"
                    small
                    icon="delete"
                    onClick={() => {
                      steps.remove(index);
                      pending.current = { list: 'steps', target: steps.fields.length > 1 ? 'row' : 'add', index };
                      setAnnouncement(t('casePlans.editor.removed', { item: stepLabel(n) }));
                    }}
                  >
                    {t('casePlans.editor.removeStep', { n })}
                  </Button>
                </div>
              </div>
            );
          })}
          <div>
            <Button
              id={`${FORM_ID}-steps-add`}
              variant="secondary"
              icon="add"
              disabled={steps.fields.length >= PLAN_STEPS_MAX}
              onClick={() => {
                steps.append(
                  {
                    planStepId: '',
                    measure: '',
                    responsibleAgencyId: '',
                    responsibleUserId: '',
                    goal: '',
                    dueDate: '',
                    status: 'planned',
                    result: '',
                    resourceId: '',
                  },
                  { shouldFocus: false },
                );
                pending.current = { list: 'steps', target: 'row', index: steps.fields.length };
                setAnnouncement(t('casePlans.editor.added', { item: stepLabel(steps.fields.length + 1) }));
              }}
            >
              {t('casePlans.editor.addStep')}
            </Button>
          </div>
          {stepsError ? (
            <p className="kern-error">
              <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
              <span className="kern-body">{stepsError}</span>
            </p>
          ) : null}
        </div>
      </fieldset>
      <p className="kern-sr-only" role="status">
        {announcement}
      </p>

      <div className="lotse-button-row">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('casePlans.editor.save')}
        </Button>
        {plan.status === 'draft' ? (
          <Button
            variant="secondary"
            disabled={save.isPending}
            aria-describedby={`${FORM_ID}-agree-hint`}
            onClick={(event) => void submit('agreed', null, t('casePlans.page.agreed'))(event)}
          >
            {t('casePlans.editor.saveAgreed')}
          </Button>
        ) : null}
        <Button
          variant="tertiary"
          icon="close"
          disabled={save.isPending}
          onClick={() => {
            save.reset();
            setEndedOn(planToday());
            setEnding(true);
          }}
        >
          {t('casePlans.editor.end')}
        </Button>
      </div>
      {plan.status === 'draft' ? (
        <p className="kern-hint" id={`${FORM_ID}-agree-hint`}>
          {t('casePlans.editor.agreeHint')}
        </p>
      ) : null}
      <ConfirmDialog
        isOpen={ending}
        onOpenChange={setEnding}
        title={t('casePlans.editor.endTitle')}
        confirmLabel={t('casePlans.editor.end')}
        isPending={save.isPending}
        error={save.error && !isApiError(save.error, 412) ? errorMessage(save.error, t) : null}
        onConfirm={() => void submit('ended', endedOn || null, t('casePlans.page.ended'))()}
      >
        <p className="kern-body">{t('casePlans.editor.endText')}</p>
        <TextField
          id={`${FORM_ID}-endedOn`}
          type="date"
          label={t('casePlans.editor.endedOnLabel')}
          max={today}
          value={endedOn}
          onChange={(event) => setEndedOn(event.target.value)}
        />
      </ConfirmDialog>
    </form>
  );
}
