import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { planKinds, type PlanKind, type PlanSummary } from '../../../shared/contracts/case-plans';
import { planKindCategories } from '../../../shared/domain/data-protection/field-groups';
import type { Case } from '../../../shared/contracts/cases';
import {
  latestReviewDate,
  planContentProblems,
  planCreationProblems,
  type PlanProblem,
} from '../../../shared/domain/cases/plan-rules';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { inUiLanguage, ruleErrors } from './case-format';
import { formatPlanDate, planKindLabel, planStatusLabel, planToday } from './case-plan-format';
import { casePlanChanged, casePlansApi, casePlanListQuery } from './case-plans-api';

type CreateValues = { kind: PlanKind; title: string; reviewDate: string };
const CREATE_FIELDS = ['kind', 'title', 'reviewDate'] as const;

function CreatePlanForm({
  caseId,
  kinds,
  agencyName,
  onDone,
}: {
  caseId: string;
  kinds: PlanKind[];
  agencyName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const summary = useFormSummary('case-plan-create');
  const form = useForm<CreateValues>({
    shouldFocusError: false,
    defaultValues: { kind: kinds[0] ?? 'integration_plan', title: '', reviewDate: '' },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const today = planToday();
  const latest = latestReviewDate(kind, null, today);
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      casePlansApi.create(caseId, {
        kind: values.kind,
        title: values.title.trim(),
        reviewDate: values.reviewDate || null,
      }),
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    form.clearErrors();
    // The shared rules first, so the person sees the same explanation the server would give.
    const problems: [string, string][] = [];
    if (values.title.trim() === '') problems.push(['title', t('validation.required')]);
    for (const p of planContentProblems(
      {
        kind: values.kind,
        status: 'draft',
        agreedOn: null,
        reviewDate: values.reviewDate || null,
        endedOn: null,
        goals: [],
        steps: [],
      },
      { today, previous: null },
    )) {
      problems.push([p.path, inUiLanguage(p.message)]);
    }
    if (problems.length) {
      for (const [path, message] of problems) form.setError(path as keyof CreateValues, { type: 'rule', message });
      summary.showFieldErrors(ruleErrors(problems));
      return;
    }
    create.mutate(values, {
      onSuccess: (plan) => {
        casePlanChanged(queryClient, plan);
        onDone();
        void navigate(paths.casePlan(caseId, plan.id), { state: { created: true } });
      },
      onError: (error) => summary.showServerError(error, form.setError, CREATE_FIELDS),
    });
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('casePlans.createTitle')}
    >
      <p className="kern-body">{t('casePlans.createIntro', { agency: agencyName })}</p>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <SelectField
        id={summary.id('kind')}
        label={t('casePlans.kind')}
        error={errors.kind?.message}
        options={kinds.map((k) => ({ value: k, label: planKindLabel(k) }))}
        registration={form.register('kind')}
      />
      <TextField
        id={summary.id('title')}
        label={t('casePlans.title')}
        hint={t('casePlans.titleHint')}
        maxLength={200}
        error={errors.title?.message}
        registration={form.register('title')}
      />
      <TextField
        id={summary.id('reviewDate')}
        type="date"
        label={t('casePlans.reviewDate')}
        hint={
          latest ? t('casePlans.reviewDateHintKoop', { date: formatPlanDate(latest) }) : t('casePlans.reviewDateHint')
        }
        optional={latest === null}
        min={today}
        max={latest ?? undefined}
        error={errors.reviewDate?.message}
        registration={form.register('reviewDate')}
      />
      <FormActions submitLabel={t('casePlans.create')} pending={create.isPending} onCancel={onDone} />
    </form>
  );
}

function PlanItem({ caseId, plan }: { caseId: string; plan: PlanSummary }) {
  const { t } = useTranslation();
  return (
    <li className="lotse-repeat-group" aria-labelledby={`case-plan-${plan.id}`}>
      <div>
        <Link className="kern-link" id={`case-plan-${plan.id}`} to={paths.casePlan(caseId, plan.id)}>
          {planKindLabel(plan.kind)}: {plan.title}
        </Link>{' '}
        <span
          className={`kern-badge kern-badge--${plan.status === 'ended' ? 'info' : plan.status === 'agreed' ? 'success' : 'warning'}`}
        >
          <span className="kern-label">{planStatusLabel(plan.status)}</span>
        </span>
      </div>
      <p className="kern-body kern-body--small">
        {t('casePlans.owner')}: {plan.ownerAgency.name}
        {plan.agreedOn ? ` · ${t('casePlans.agreedOn')} ${formatPlanDate(plan.agreedOn)}` : ''}
        {plan.endedOn ? ` · ${t('casePlans.endedOn')} ${formatPlanDate(plan.endedOn)}` : ''}
        {plan.reviewDate && !plan.reviewOverdue && plan.status !== 'ended'
          ? ` · ${t('casePlans.reviewOn', { date: formatPlanDate(plan.reviewDate) })}`
          : ''}
        <br />
        {t('casePlans.counts', { count: plan.goalCount, steps: plan.stepCount, open: plan.openStepCount })}
      </p>
      {plan.reviewOverdue && plan.reviewDate ? (
        <p className="kern-body">
          <span className="kern-badge kern-badge--danger">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-label">
              {t('casePlans.reviewOverdue', { date: formatPlanDate(plan.reviewDate) })}
            </span>
          </span>
        </p>
      ) : null}
    </li>
  );
}

/** Why the caller's agency cannot create any plan now (the phase or closure explains it once). */
function blockedExplanation(blocked: [PlanKind, PlanProblem[]][]): string[] {
  const general = blocked.flatMap(([, ps]) => ps).find((p) => p.code === 'phase_too_early' || p.code === 'case_closed');
  if (general) return [inUiLanguage(general.message)];
  return blocked.map(([kind, ps]) => `${planKindLabel(kind)}: ${ps.map((p) => inUiLanguage(p.message)).join(' ')}`);
}

/** The plans of a case: kind, title, status, review date (with an overdue warning); creating one where the rules allow it. */
export function CasePlansPanel({ value }: { value: Case }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const list = useQuery(casePlanListQuery(value.id));
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  const writes = hasPermission(me, 'case.write') && !!me;
  const availability: [PlanKind, PlanProblem[]][] =
    me && list.data
      ? planKinds.map((kind) => [
          kind,
          planCreationProblems({ kind, casePhase: value.phase, ownerAgencyKind: me.agency.kind, plans: items }),
        ])
      : [];
  // Only kinds whose data category the agency sees for this person can be drawn up by it.
  const allowed = availability
    .filter(([k, ps]) => ps.length === 0 && value.access.categories.includes(planKindCategories[k]))
    .map(([k]) => k);
  const blocked = availability.filter(([, ps]) => ps.length > 0);

  return (
    <SectionCard
      id="case-plans"
      title={t('casePlans.sectionTitle')}
      actions={
        writes && allowed.length > 0 ? (
          <Button variant="secondary" icon="add" small onClick={() => setCreating(true)}>
            {t('casePlans.create')}
          </Button>
        ) : null
      }
    >
      {list.isPending ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState title={t('casePlans.noneTitle')}>{t('casePlans.noneText')}</EmptyState>
      ) : null}
      {items.length ? (
        <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('casePlans.listLabel')}>
          {items.map((plan) => (
            <PlanItem key={plan.id} caseId={value.id} plan={plan} />
          ))}
        </ul>
      ) : null}
      {writes && list.data && availability.length > 0 && allowed.length === 0 ? (
        <Alert tone="info" role="none" title={t('casePlans.notAllowedTitle')}>
          {blockedExplanation(blocked).map((text) => (
            <p key={text} className="kern-body">
              {text}
            </p>
          ))}
        </Alert>
      ) : null}
      {writes && allowed.length > 0 && blocked.length > 0 ? (
        <details className="lotse-details">
          <summary>{t('casePlans.otherKindsTitle')}</summary>
          {blockedExplanation(blocked).map((text) => (
            <p key={text} className="kern-body">
              {text}
            </p>
          ))}
        </details>
      ) : null}
      <ModalDialog
        isOpen={creating}
        onOpenChange={setCreating}
        title={t('casePlans.createTitle')}
        wide
        dismissable={false}
      >
        {creating && me ? (
          <CreatePlanForm
            caseId={value.id}
            kinds={allowed}
            agencyName={me.agency.name}
            onDone={() => setCreating(false)}
          />
        ) : null}
      </ModalDialog>
    </SectionCard>
  );
}
