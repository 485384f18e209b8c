import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { casePhases, type CaseWorkload } from '../../../shared/contracts/cases';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { useFormSummary } from '../../lib/use-form-summary';
import { caseChanged, casesApi, caseWorkloadQuery } from './cases-api';
import { phaseLabel, ruleErrors } from './case-format';

type ReassignValues = { reference: string; leadUserId: string; reason: string };
const REASSIGN_FIELDS = ['reference', 'leadUserId', 'reason'] as const;

/** Reassignment by file reference: the team lead names the case and the new lead case manager. */
function ReassignForm({ workload }: { workload: CaseWorkload }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('case-reassign');
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<ReassignValues>({
    shouldFocusError: false,
    defaultValues: { reference: '', leadUserId: '', reason: '' },
  });
  const reassign = useMutation({
    mutationFn: async (values: ReassignValues) => {
      // The reference finds the case among those the agency works on.
      const found = await casesApi.list({ scope: 'agency', q: values.reference.trim(), status: 'all', pageSize: 10 });
      const match = found.items.find((c) => c.reference === values.reference.trim());
      if (!match) throw new Error('not-found');
      return casesApi.reassign(match.id, { leadUserId: values.leadUserId, reason: values.reason.trim() });
    },
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((values) => {
    const missing = REASSIGN_FIELDS.filter((f) => values[f].trim() === '');
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
        setDone(t('cases.workload.reassigned', { reference: updated.reference, name: updated.lead.user.displayName }));
      },
      onError: (error) => {
        setDone(null);
        if (error instanceof Error && error.message === 'not-found') {
          form.setError('reference', { type: 'server', message: t('cases.workload.referenceNotFound') });
          summary.showFieldErrors(ruleErrors([['reference', t('cases.workload.referenceNotFound')]]));
          return;
        }
        summary.showServerError(error, form.setError, REASSIGN_FIELDS);
      },
    });
  });
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-form-narrow"
      aria-labelledby="reassign-title"
    >
      <h2 className="kern-heading-medium" id="reassign-title">
        {t('cases.workload.reassignTitle')}
      </h2>
      <div role="status">{done ? <Alert tone="success" title={done} role="none" /> : null}</div>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('reference')}
        label={t('cases.fields.reference')}
        hint={t('cases.workload.referenceHint')}
        autoComplete="off"
        error={errors.reference?.message}
        registration={form.register('reference')}
      />
      <SelectField
        id={summary.id('leadUserId')}
        label={t('cases.workload.newLead')}
        error={errors.leadUserId?.message}
        options={[
          { value: '', label: t('cases.workload.chooseLead') },
          ...workload.caseworkers
            .filter((c) => c.user.active)
            .map((c) => ({ value: c.user.id, label: c.user.displayName })),
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
      <div>
        <Button type="submit" variant="primary" disabled={reassign.isPending}>
          {reassign.isPending ? t('common.saving') : t('cases.workload.reassign')}
        </Button>
      </div>
    </form>
  );
}

/** Team leads: open cases per caseworker and cases per phase; reassign a case. */
export function WorkloadPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'team' | 'agency' | undefined>(undefined);
  const result = useQuery(caseWorkloadQuery(scope));
  const data = result.data;
  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.cases}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('cases.backToList')}
        </Link>
      </p>
      <PageHeading title={t('cases.workload.title')}>{t('cases.workload.intro')}</PageHeading>
      <form className="lotse-filter" aria-label={t('cases.workload.filter')} onSubmit={(e) => e.preventDefault()}>
        <div className="lotse-filter__fields">
          <SelectField
            id="workload-scope"
            label={t('cases.workload.scope')}
            value={scope ?? data?.scope ?? 'team'}
            options={(['team', 'agency'] as const).map((s) => ({ value: s, label: t(`cases.workload.scopes.${s}`) }))}
            onChange={(event) => setScope(event.target.value as 'team' | 'agency')}
          />
        </div>
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data ? (
        <div className="lotse-sections">
          <p className="kern-body">
            {t('cases.workload.summary', {
              count: data.openCases,
              scope: data.team ? `${data.team.name} (${data.agency.name})` : data.agency.name,
            })}
          </p>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('cases.workload.byPhaseCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  {casePhases.map((p) => (
                    <th key={p} scope="col" className="kern-table__header">
                      {phaseLabel(p)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                <tr className="kern-table__row">
                  {casePhases.map((p) => (
                    <td key={p} className="kern-table__cell">
                      {data.byPhase[p]}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">{t('cases.workload.perCaseworkerCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('cases.workload.caseworker')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('cases.workload.openCases')}
                  </th>
                  {casePhases.map((p) => (
                    <th key={p} scope="col" className="kern-table__header">
                      {phaseLabel(p)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.caseworkers.map((c) => (
                  <tr className="kern-table__row" key={c.user.id}>
                    <th scope="row" className="kern-table__cell">
                      {c.user.displayName}
                      {c.user.active ? '' : ` (${t('cases.workload.inactive')})`}
                    </th>
                    <td className="kern-table__cell">{c.openCases}</td>
                    {casePhases.map((p) => (
                      <td key={p} className="kern-table__cell">
                        {c.byPhase[p]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ReassignForm workload={data} />
        </div>
      ) : null}
    </>
  );
}
