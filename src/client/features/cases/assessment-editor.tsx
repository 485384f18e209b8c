import { lifeDomainCategories, potentialAnalysisCategory } from '../../../shared/domain/data-protection/field-groups';
import { WithheldNotice } from '../../components/data-protection/withheld';
import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Assessment, AssessmentSaveRequest } from '../../../shared/contracts/assessments';
import { completionRuleExplanation } from '../../../shared/domain/assessment/assessment-completion';
import {
  assessmentSectionLabels,
  assessmentSections,
  assessmentViewLabels,
  assessmentViews,
  lifeDomainKeys,
  lifeDomainLabels,
  POTENTIAL_ANALYSIS_MAX,
  urgencyLabels,
  urgencyLevels,
  VIEW_TEXT_MAX,
  type LifeDomainKey,
  type UrgencyLevel,
} from '../../../shared/domain/assessment/life-domains';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Checkbox, SelectField, TextAreaField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useFormSummary } from '../../lib/use-form-summary';
import { inUiLanguage } from './case-format';
import { assessmentQuery, caseDetailQuery, casesApi } from './cases-api';

type ViewsForm = { personView: string; caseworkerView: string };
type DomainForm = { strengths: ViewsForm; needs: ViewsForm; notAssessed: boolean; urgency: '' | UrgencyLevel };
type FormValues = { domains: Record<LifeDomainKey, DomainForm>; potentialAnalysis: string };
const FIELDS = ['domains', 'potentialAnalysis'] as const;

function toForm(a: Assessment): FormValues {
  const domains = Object.fromEntries(
    lifeDomainKeys.map((k) => {
      const d = a.domains[k];
      return [
        k,
        {
          strengths: { personView: d.strengths.personView ?? '', caseworkerView: d.strengths.caseworkerView ?? '' },
          needs: { personView: d.needs.personView ?? '', caseworkerView: d.needs.caseworkerView ?? '' },
          notAssessed: d.notAssessed,
          urgency: d.urgency ?? '',
        },
      ];
    }),
  ) as Record<LifeDomainKey, DomainForm>;
  return { domains, potentialAnalysis: a.potentialAnalysis ?? '' };
}

const text = (s: string) => (s.trim() === '' ? null : s);

function toRequest(values: FormValues): AssessmentSaveRequest {
  const domains = Object.fromEntries(
    lifeDomainKeys.map((k) => {
      const d = values.domains[k];
      return [
        k,
        {
          strengths: { personView: text(d.strengths.personView), caseworkerView: text(d.strengths.caseworkerView) },
          needs: { personView: text(d.needs.personView), caseworkerView: text(d.needs.caseworkerView) },
          notAssessed: d.notAssessed,
          urgency: d.urgency === '' ? null : d.urgency,
        },
      ];
    }),
  ) as AssessmentSaveRequest['domains'];
  return { domains, potentialAnalysis: text(values.potentialAnalysis) };
}

type Summary = ReturnType<typeof useFormSummary>;

function DomainFields({
  domain,
  form,
  summary,
  withheld,
}: {
  domain: LifeDomainKey;
  form: UseFormReturn<FormValues>;
  summary: Summary;
  withheld: boolean;
}) {
  const { t } = useTranslation();
  const errors = form.formState.errors.domains?.[domain];
  const base = `domains.${domain}` as const;
  if (withheld) {
    // Not released to this agency: the server keeps what it holds and sent nothing of it.
    return (
      <fieldset className="kern-fieldset" id={summary.id(base)} tabIndex={-1}>
        <legend className="kern-title">{inUiLanguage(lifeDomainLabels[domain])}</legend>
        <WithheldNotice category={lifeDomainCategories[domain]} />
      </fieldset>
    );
  }
  return (
    <fieldset className="kern-fieldset" id={summary.id(base)} tabIndex={-1}>
      <legend className="kern-title">{inUiLanguage(lifeDomainLabels[domain])}</legend>
      <div className="kern-fieldset__body lotse-stack">
        <Checkbox
          id={summary.id(`${base}.notAssessed`)}
          label={t('cases.assessment.notAssessedLabel')}
          invalid={!!errors?.notAssessed}
          aria-describedby={errors?.notAssessed ? `${summary.id(`${base}.notAssessed`)}-error` : undefined}
          registration={form.register(`${base}.notAssessed`)}
        />
        {errors?.notAssessed?.message ? (
          <p className="kern-error" id={`${summary.id(`${base}.notAssessed`)}-error`}>
            <span className="kern-body">{errors.notAssessed.message}</span>
          </p>
        ) : null}
        {assessmentSections.map((section) => (
          <div key={section} className="lotse-stack">
            <h3 className="kern-body" style={{ fontWeight: 700 }}>
              {inUiLanguage(assessmentSectionLabels[section])}
            </h3>
            {assessmentViews.map((view) => (
              <TextAreaField
                key={view}
                id={summary.id(`${base}.${section}.${view}`)}
                label={`${inUiLanguage(assessmentSectionLabels[section])}: ${inUiLanguage(assessmentViewLabels[view])}`}
                // The completion rule asks for the caseworker's view of strengths unless the domain is "not assessed".
                optional={!(section === 'strengths' && view === 'caseworkerView')}
                rows={3}
                maxLength={VIEW_TEXT_MAX}
                error={errors?.[section]?.[view]?.message}
                registration={form.register(`${base}.${section}.${view}`)}
              />
            ))}
          </div>
        ))}
        <SelectField
          id={summary.id(`${base}.urgency`)}
          label={t('cases.assessment.urgency')}
          hint={t('cases.assessment.urgencyHint')}
          optional
          error={errors?.urgency?.message}
          options={[
            { value: '', label: t('cases.assessment.noUrgency') },
            ...urgencyLevels.map((u) => ({ value: u, label: inUiLanguage(urgencyLabels[u]) })),
          ]}
          registration={form.register(`${base}.urgency`)}
        />
      </div>
    </fieldset>
  );
}

function AssessmentForm({ caseId, assessment }: { caseId: string; assessment: Assessment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('assessment');
  const [saved, setSaved] = useState<{ text: string; key: number } | null>(null);
  const [stale, setStale] = useState(false);
  const form = useForm<FormValues>({ shouldFocusError: false, defaultValues: toForm(assessment) });
  const key = assessmentQuery(caseId, assessment.versionNo).queryKey;

  const save = useMutation({
    mutationFn: async ({ values, complete }: { values: FormValues; complete: boolean }) => {
      let current = assessment;
      if (form.formState.isDirty || !complete) {
        current = await casesApi.saveAssessment(caseId, assessment.versionNo, assessment.revision, toRequest(values));
        queryClient.setQueryData(key, current);
      }
      if (!complete) return current;
      return casesApi.completeAssessment(caseId, current.versionNo, current.revision);
    },
  });

  function submit(complete: boolean) {
    return form.handleSubmit((values) => {
      form.clearErrors();
      save.mutate(
        { values, complete },
        {
          onSuccess: (result) => {
            summary.clear();
            queryClient.setQueryData(key, result);
            void queryClient.invalidateQueries({ queryKey: ['cases', 'assessments', caseId] });
            void queryClient.invalidateQueries({ queryKey: caseDetailQuery(caseId).queryKey });
            void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
            form.reset(toForm(result));
            setSaved({
              text: complete ? t('cases.assessment.completed') : t('cases.assessment.saved'),
              key: Date.now(),
            });
          },
          onError: (error) => {
            setSaved(null);
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

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(false)(event)}
      className="lotse-stack"
      aria-labelledby="page-title"
    >
      <div role="status">{saved ? <Alert key={saved.key} tone="success" title={saved.text} role="none" /> : null}</div>
      {stale ? (
        <Alert tone="danger" role="alert" title={t('cases.assessment.staleTitle')}>
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setStale(false);
                void queryClient
                  .fetchQuery({ ...assessmentQuery(caseId, assessment.versionNo), staleTime: 0 })
                  .then((latest) => form.reset(toForm(latest)));
              }}
            >
              {t('cases.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <details className="lotse-details">
        <summary>{t('cases.assessment.ruleTitle')}</summary>
        <p className="kern-body">{inUiLanguage(completionRuleExplanation)}</p>
      </details>
      {lifeDomainKeys.map((domain) => (
        <DomainFields
          key={domain}
          domain={domain}
          form={form}
          summary={summary}
          withheld={assessment.domains[domain].withheld}
        />
      ))}
      {assessment.potentialAnalysisWithheld ? (
        <section className="lotse-stack" aria-labelledby="assessment-pa-withheld">
          <h2 className="kern-heading-small" id="assessment-pa-withheld">
            {t('cases.assessment.potentialAnalysis')}
          </h2>
          <WithheldNotice category={potentialAnalysisCategory} />
        </section>
      ) : (
        <TextAreaField
          id={summary.id('potentialAnalysis')}
          label={t('cases.assessment.potentialAnalysis')}
          hint={t('cases.assessment.potentialAnalysisHint')}
          rows={5}
          maxLength={POTENTIAL_ANALYSIS_MAX}
          error={form.formState.errors.potentialAnalysis?.message}
          registration={form.register('potentialAnalysis')}
        />
      )}
      <div className="lotse-button-row">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('cases.assessment.save')}
        </Button>
        <Button variant="primary" disabled={save.isPending} onClick={(event) => void submit(true)(event)}>
          {t('cases.assessment.complete')}
        </Button>
      </div>
    </form>
  );
}

function AssessmentReadOnly({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const none = t('cases.assessment.empty');
  return (
    <div className="lotse-stack" style={{ alignItems: 'stretch' }}>
      {lifeDomainKeys.map((k) => {
        const d = assessment.domains[k];
        return (
          <section key={k} className="lotse-stack" aria-labelledby={`assessment-ro-${k}`}>
            <h2 className="kern-heading-small" id={`assessment-ro-${k}`}>
              {inUiLanguage(lifeDomainLabels[k])}
            </h2>
            {d.withheld ? (
              <WithheldNotice category={lifeDomainCategories[k]} />
            ) : d.notAssessed ? (
              <p className="kern-body">{t('cases.assessment.notAssessed')}</p>
            ) : (
              <DescriptionList
                items={[
                  ...assessmentSections.flatMap((s) =>
                    assessmentViews.map((v) => ({
                      key: `${s}.${v}`,
                      term: `${inUiLanguage(assessmentSectionLabels[s])}: ${inUiLanguage(assessmentViewLabels[v])}`,
                      value: <span className="lotse-preserve-lines">{d[s][v] ?? none}</span>,
                    })),
                  ),
                  {
                    key: 'urgency',
                    term: t('cases.assessment.urgency'),
                    value: d.urgency ? inUiLanguage(urgencyLabels[d.urgency]) : none,
                  },
                ]}
              />
            )}
          </section>
        );
      })}
      <section className="lotse-stack" aria-labelledby="assessment-ro-pa">
        <h2 className="kern-heading-small" id="assessment-ro-pa">
          {t('cases.assessment.potentialAnalysis')}
        </h2>
        {assessment.potentialAnalysisWithheld ? (
          <WithheldNotice category={potentialAnalysisCategory} />
        ) : (
          <p className="kern-body lotse-preserve-lines">{assessment.potentialAnalysis ?? none}</p>
        )}
      </section>
    </div>
  );
}

/** One version of the assessment: the editor while it is a draft, read-only once completed. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '', versionNo = '' } = useParams();
  const no = Number(versionNo);
  const caseQuery = useQuery(caseDetailQuery(id));
  const result = useQuery({ ...assessmentQuery(id, no), enabled: Number.isInteger(no) && no > 0 });
  const title = t('cases.assessment.pageTitle', { no });
  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.case(id)}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('cases.backToCase', { reference: caseQuery.data?.reference ?? '' })}
        </Link>
      </p>
      <PageHeading
        title={title}
        preline={caseQuery.data ? `${caseQuery.data.reference} – ${caseQuery.data.title}` : undefined}
      />
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data ? (
        <>
          <p className="kern-body">
            {t(`cases.assessment.statuses.${result.data.status}`)}
            {result.data.completedAt
              ? ` ${t('cases.assessment.completedOn', { date: formatDateTime(result.data.completedAt) })}${
                  result.data.completedBy ? ` · ${result.data.completedBy.displayName}` : ''
                }`
              : ` · ${t('cases.assessment.updatedOn', { date: formatDateTime(result.data.updatedAt) })}`}
          </p>
          {result.data.status === 'draft' && caseQuery.data?.actions.steer ? (
            <AssessmentForm caseId={id} assessment={result.data} />
          ) : (
            <AssessmentReadOnly assessment={result.data} />
          )}
        </>
      ) : null}
    </>
  );
}
