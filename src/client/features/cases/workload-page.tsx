import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { casePhases, type CaseWorkload } from '../../../shared/contracts/cases';
import { Alert } from '../../components/ui/alert';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { caseWorkloadQuery } from './cases-api';
import { CaseReassignForm } from './case-reassign-dialog';
import { phaseLabel } from './case-format';

/** Reassignment by file reference: the team lead names the case and the new lead case manager. */
function ReassignForm({ workload }: { workload: CaseWorkload }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="lotse-stack" aria-labelledby="reassign-title">
      <h2 className="kern-heading-medium" id="reassign-title">
        {t('cases.workload.reassignTitle')}
      </h2>
      <div role="status">{done ? <Alert tone="success" title={done} role="none" /> : null}</div>
      <CaseReassignForm
        formId="case-reassign"
        candidates={workload.caseworkers
          .filter((c) => c.user.active)
          .map((c) => ({ id: c.user.id, label: c.user.displayName }))}
        onDone={(updated) =>
          setDone(t('cases.workload.reassigned', { reference: updated.reference, name: updated.lead.user.displayName }))
        }
      />
    </section>
  );
}

/** Team leads: open cases, overdue and open tasks per caseworker, cases per phase; reassign a case. */
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
                  <th scope="col" className="kern-table__header">
                    {t('caseTasks.workload.overdueTasks')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('caseTasks.workload.openTasks')}
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
                    <td className="kern-table__cell">
                      {c.overdueTasks > 0 ? (
                        <span className="kern-badge kern-badge--danger">
                          <span className="kern-label">{c.overdueTasks}</span>
                        </span>
                      ) : (
                        c.overdueTasks
                      )}
                    </td>
                    <td className="kern-table__cell">{c.openTasks}</td>
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
          <p className="kern-body">
            {t('caseTasks.workload.unassigned', {
              open: data.unassignedTasks.open,
              overdue: data.unassignedTasks.overdue,
            })}{' '}
            <Link className="kern-link" to={`${paths.tasks}?ansicht=team`}>
              {t('caseTasks.workload.toInbox')}
            </Link>
          </p>
          <ReassignForm workload={data} />
        </div>
      ) : null}
    </>
  );
}
