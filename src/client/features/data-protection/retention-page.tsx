import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PurgeCounts, PurgeRun, RetentionPolicy } from '../../../shared/contracts/retention';
import { SuccessNotice, type Notice, Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { purgeRunsQuery, retentionApi, retentionPoliciesQuery } from './retention-api';

function PolicyRow({
  policy,
  canManage,
  onSaved,
}: {
  policy: RetentionPolicy;
  canManage: boolean;
  onSaved: (label: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const label = policy.label[lang];
  const [years, setYears] = useState(String(policy.years));
  const [action, setAction] = useState(policy.action);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => retentionApi.setPolicy(policy.recordClass, { years: Number(years), action }),
    onSuccess: (data) => {
      queryClient.setQueryData(retentionPoliciesQuery.queryKey, data);
      onSaved(label);
    },
  });
  const id = `retention-${policy.recordClass}`;
  const valid = /^\d{1,2}$/.test(years) && Number(years) <= 30;
  return (
    <tr className="kern-table__row">
      <th scope="row" className="kern-table__cell">
        <span className="kern-body--bold">{label}</span>
        <div className="kern-hint">{policy.description[lang]}</div>
      </th>
      <td className="kern-table__cell">
        {canManage ? (
          <TextField
            id={`${id}-years`}
            label={<span className="kern-sr-only">{t('privacy.retention.yearsFor', { label })}</span>}
            hint={t('privacy.retention.defaultYears', { count: policy.defaultYears })}
            error={error}
            inputMode="numeric"
            value={years}
            onChange={(e) => setYears(e.target.value)}
            width={2}
          />
        ) : (
          <>
            {policy.years}
            <div className="kern-hint">{t('privacy.retention.defaultYears', { count: policy.defaultYears })}</div>
          </>
        )}
      </td>
      <td className="kern-table__cell">
        {canManage && policy.allowedActions.length > 1 ? (
          <SelectField
            id={`${id}-action`}
            label={<span className="kern-sr-only">{t('privacy.retention.actionFor', { label })}</span>}
            value={action}
            onChange={(e) => setAction(e.target.value as RetentionPolicy['action'])}
            options={policy.allowedActions.map((a) => ({ value: a, label: t(`privacy.retention.actions.${a}`) }))}
          />
        ) : (
          t(`privacy.retention.actions.${policy.action}`)
        )}
      </td>
      <td className="kern-table__cell">{policy.basis}</td>
      {canManage ? (
        <td className="kern-table__cell">
          <Button
            variant="secondary"
            small
            disabled={save.isPending}
            aria-label={t('privacy.retention.saveFor', { label })}
            onClick={() => {
              if (!valid) {
                setError(t('privacy.retention.yearsError'));
                return;
              }
              setError(undefined);
              save.mutate();
            }}
          >
            {t('privacy.retention.save')}
          </Button>
          {save.error ? <Alert tone="danger" title={errorMessage(save.error, t)} /> : null}
        </td>
      ) : null}
    </tr>
  );
}

function countsText(t: TFunction, counts: PurgeCounts): string {
  return t('privacy.retention.countsText', { ...counts });
}

function RunsTable({ runs }: { runs: PurgeRun[] }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <EmptyState title={t('privacy.retention.noRuns')} headingLevel={3} />;
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small kern-table--striped lotse-table-full">
        <caption className="kern-sr-only">{t('privacy.retention.runsCaption')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('privacy.retention.startedAt')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('privacy.retention.kind')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('privacy.retention.triggeredBy')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('privacy.retention.counts')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {runs.map((r) => (
            <tr className="kern-table__row" key={r.id}>
              <td className="kern-table__cell lotse-nowrap">{formatDateTime(r.startedAt)}</td>
              <td className="kern-table__cell">
                {r.dryRun ? t('privacy.retention.dryRunKind') : t('privacy.retention.realRunKind')}
              </td>
              <td className="kern-table__cell">{r.triggeredBy?.displayName ?? t('privacy.retention.schedule')}</td>
              <td className="kern-table__cell">{countsText(t, r.counts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Retention periods (editable by the system administrator), purge runs, dry run and manual run. */
export function RetentionPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policies = useQuery(retentionPoliciesQuery);
  const runs = useQuery(purgeRunsQuery);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dryRun, setDryRun] = useState<PurgeRun | null>(null);
  const [confirming, setConfirming] = useState(false);
  const show = (text: string) => setNotice((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));
  const run = useMutation({
    mutationFn: (asDryRun: boolean) => retentionApi.run(asDryRun),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: purgeRunsQuery.queryKey });
      const text = countsText(t, result.counts);
      if (result.dryRun) {
        setDryRun(result);
        show(t('privacy.retention.dryRunDone', { text }));
      } else {
        setDryRun(null);
        setConfirming(false);
        show(t('privacy.retention.runDone', { text }));
      }
    },
  });
  const canManage = policies.data?.actions.manage ?? false;

  return (
    <>
      <PageHeading title={t('privacy.retention.title')}>{t('privacy.retention.intro')}</PageHeading>
      <SuccessNotice notice={notice} />
      <SectionCard id="retention-policies" title={t('privacy.retention.policiesTitle')}>
        {policies.isPending ? <Loading /> : null}
        {policies.error ? <QueryError error={policies.error} onRetry={() => void policies.refetch()} /> : null}
        {policies.data ? (
          <>
            {!canManage ? <p className="kern-body">{t('privacy.retention.readOnly')}</p> : null}
            <div className="kern-table-responsive">
              <table className="kern-table kern-table--small lotse-table-full">
                <caption className="kern-sr-only">{t('privacy.retention.policiesCaption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('privacy.retention.recordClass')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('privacy.retention.years')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('privacy.retention.action')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('privacy.retention.basis')}
                    </th>
                    {canManage ? (
                      <th scope="col" className="kern-table__header">
                        <span className="kern-sr-only">{t('privacy.retention.save')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {policies.data.items.map((p) => (
                    <PolicyRow
                      key={`${p.recordClass}:${p.years}:${p.action}`}
                      policy={p}
                      canManage={canManage}
                      onSaved={(label) => show(t('privacy.retention.saved', { label }))}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </SectionCard>

      <SectionCard id="retention-runs" title={t('privacy.retention.runsTitle')}>
        {canManage ? (
          <div className="lotse-stack">
            <div className="lotse-button-row">
              <Button
                variant="secondary"
                icon="search"
                disabled={run.isPending}
                onClick={() => run.mutate(true)}
                aria-describedby="retention-dry-run-hint"
              >
                {t('privacy.retention.dryRun')}
              </Button>
              <Button variant="primary" icon="delete" disabled={run.isPending} onClick={() => setConfirming(true)}>
                {t('privacy.retention.start')}
              </Button>
            </div>
            <p className="kern-hint" id="retention-dry-run-hint">
              {t('privacy.retention.dryRunHint')}
            </p>
            {run.error && !confirming ? <Alert tone="danger" title={errorMessage(run.error, t)} /> : null}
          </div>
        ) : null}
        {runs.isPending ? <Loading /> : null}
        {runs.error ? <QueryError error={runs.error} onRetry={() => void runs.refetch()} /> : null}
        {runs.data ? <RunsTable runs={runs.data.items} /> : null}
      </SectionCard>

      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('privacy.retention.confirmTitle')}
        confirmLabel={dryRun ? t('privacy.retention.confirm') : t('privacy.retention.dryRun')}
        onConfirm={() => run.mutate(!dryRun)}
        isPending={run.isPending}
        error={run.error ? errorMessage(run.error, t) : null}
      >
        {dryRun ? t('privacy.retention.confirmText', { ...dryRun.counts }) : t('privacy.retention.confirmNeedsDryRun')}
      </ConfirmDialog>
    </>
  );
}
