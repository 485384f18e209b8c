import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  RuleVersionApplyResult,
  RuleVersionImpact,
  RuleVersionView,
} from '../../../shared/contracts/legal-rule-versions';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage, isApiError } from '../../lib/errors';
import { currentLanguage } from '../../lib/i18n';
import { hasPermission, useMe } from '../../lib/session';
import { formatIsoDate } from './people-format';
import { ruleVersionsApi, ruleVersionsQuery } from './rule-versions-api';

const STATUS_TONE = { in_force: 'success', announced: 'warning', superseded: 'info' } as const;
const COUNT_KEYS = [
  'total',
  'unchanged',
  'changed',
  'firstEvaluations',
  'notEvaluable',
  'handoversToOpen',
  'handoversToCancel',
] as const;

function RulesDisclosure({ version }: { version: RuleVersionView }) {
  const { t } = useTranslation();
  const rules = [...version.added, ...version.changed];
  return (
    <details className="lotse-details">
      <summary>
        {t('ruleVersions.ruleCounts', {
          added: version.added.length,
          changed: version.changed.length,
          ended: version.ended.length,
        })}
        <span className="kern-sr-only"> – {t('ruleVersions.showRules', { version: version.version })}</span>
      </summary>
      <table className="kern-table kern-table--small">
        <caption className="kern-sr-only">{t('ruleVersions.rulesCaption', { version: version.version })}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('ruleVersions.ruleId')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('ruleVersions.citation')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rules.map((r) => (
            <tr className="kern-table__row" key={r.id}>
              <td className="kern-table__cell">
                {currentLanguage() === 'en' ? r.title.en : r.title.de}
                <br />
                <code className="kern-body kern-body--small">{r.id}</code>
              </td>
              <td className="kern-table__cell">{r.citation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function TransitionTable<C extends string>({
  caption,
  rows,
  label,
}: {
  caption: string;
  rows: { from: C; to: C; count: number }[];
  label: (code: C) => string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <p className="kern-body">
        <span className="kern-body--bold">{caption}:</span> {t('ruleVersions.noTransitions')}
      </p>
    );
  }
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small lotse-table-full">
        <caption className="kern-body kern-body--bold">{caption}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('ruleVersions.from')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('ruleVersions.to')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('ruleVersions.count')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((r) => (
            <tr className="kern-table__row" key={`${r.from}>${r.to}`}>
              <td className="kern-table__cell">{label(r.from)}</td>
              <td className="kern-table__cell">{label(r.to)}</td>
              <td className="kern-table__cell">{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImpactSection({
  impact,
  announced,
  onApply,
}: {
  impact: RuleVersionImpact;
  announced: boolean;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="rule-version-preview"
      title={t('ruleVersions.impactTitle', { version: impact.version, date: formatIsoDate(impact.asOf) })}
    >
      <p className="kern-body">{t('ruleVersions.impactIntro')}</p>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--small lotse-table-full">
          <caption className="kern-sr-only">{t('ruleVersions.impactCaption')}</caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('ruleVersions.measure')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('ruleVersions.count')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {COUNT_KEYS.map((key) => (
              <tr className="kern-table__row" key={key}>
                <th scope="row" className="kern-table__cell">
                  {t(`ruleVersions.counts.${key}`)}
                </th>
                <td className="kern-table__cell" data-testid={`impact-${key}`}>
                  {impact[key]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TransitionTable
        caption={t('ruleVersions.benefitTransitions')}
        rows={impact.benefitTransitions}
        label={(code) => t(`legal.benefitSystems.${code}`)}
      />
      <TransitionTable
        caption={t('ruleVersions.agencyTransitions')}
        rows={impact.agencyTransitions}
        label={(code) => t(`legal.agencies.${code}`)}
      />
      {announced ? (
        <p className="kern-body">{t('ruleVersions.applyAnnounced', { date: formatIsoDate(impact.asOf) })}</p>
      ) : (
        <div className="lotse-button-row">
          <Button variant="primary" icon="autorenew" onClick={onApply}>
            {t('ruleVersions.apply')}
          </Button>
        </div>
      )}
    </SectionCard>
  );
}

/** The versions of the legal-domain rule set and, for administrators, the bulk re-evaluation with preview. */
export function RuleVersionsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canManage = hasPermission(me, 'legal_rules.manage');
  const queryClient = useQueryClient();
  const versions = useQuery(ruleVersionsQuery);
  const [impact, setImpact] = useState<RuleVersionImpact | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RuleVersionApplyResult | null>(null);
  const [stale, setStale] = useState<string | null>(null);

  const preview = useMutation({
    mutationFn: (version: string) => ruleVersionsApi.preview(version),
    onMutate: () => {
      setImpact(null);
      setResult(null);
      setStale(null);
    },
    onSuccess: (data) => setImpact(data),
  });
  const apply = useMutation({
    mutationFn: (i: RuleVersionImpact) => ruleVersionsApi.apply(i.version, i.changed),
    onSuccess: async (data) => {
      setConfirming(false);
      setImpact(null);
      setResult(data);
      await queryClient.invalidateQueries({ queryKey: ['legal-handovers'] });
    },
    onError: (error) => {
      if (isApiError(error, 409)) {
        setConfirming(false);
        setStale(error.fieldErrors[0]?.message ?? errorMessage(error, t));
      }
    },
  });
  const announced =
    impact !== null && versions.data?.items.find((v) => v.version === impact.version)?.status === 'announced';

  return (
    <>
      <PageHeading title={t('ruleVersions.title')}>{t('ruleVersions.intro')}</PageHeading>
      {versions.isPending ? <Loading /> : null}
      {versions.error ? <QueryError error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.data && versions.data.items.length === 0 ? (
        <EmptyState title={t('ruleVersions.empty')} headingLevel={2} />
      ) : null}
      {versions.data && versions.data.items.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped lotse-table-full">
            <caption className="kern-body">{t('ruleVersions.caption')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('ruleVersions.version')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('ruleVersions.validFrom')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('ruleVersions.status')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('ruleVersions.summary')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('ruleVersions.rules')}
                </th>
                {canManage ? (
                  <th scope="col" className="kern-table__header">
                    {t('ruleVersions.actions')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {versions.data.items.map((v) => (
                <tr className="kern-table__row" key={v.version}>
                  <th scope="row" className="kern-table__cell lotse-nowrap">
                    {v.version}
                  </th>
                  <td className="kern-table__cell lotse-nowrap">{formatIsoDate(v.validFrom)}</td>
                  <td className="kern-table__cell">
                    <span className={`kern-badge kern-badge--${STATUS_TONE[v.status]}`}>
                      <span className="kern-label">{t(`ruleVersions.statuses.${v.status}`)}</span>
                    </span>
                  </td>
                  <td className="kern-table__cell">{currentLanguage() === 'en' ? v.summary.en : v.summary.de}</td>
                  <td className="kern-table__cell">
                    <RulesDisclosure version={v} />
                  </td>
                  {canManage ? (
                    <td className="kern-table__cell">
                      {v.status !== 'superseded' ? (
                        <Button
                          variant="secondary"
                          small
                          icon="search"
                          disabled={preview.isPending}
                          aria-label={t('ruleVersions.previewOf', { version: v.version })}
                          onClick={() => preview.mutate(v.version)}
                        >
                          {t('ruleVersions.preview')}
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!canManage && versions.data ? <p className="kern-body">{t('ruleVersions.noManage')}</p> : null}

      <div role="status" className="lotse-stack">
        {preview.isPending ? <p className="kern-body">{t('ruleVersions.previewing')}</p> : null}
        {result ? (
          <Alert tone="success" title={t('ruleVersions.resultTitle')} role="none">
            {t('ruleVersions.resultText', {
              total: result.total,
              changed: result.changed,
              opened: result.handoversOpened,
              cancelled: result.handoversCancelled,
            })}
          </Alert>
        ) : null}
      </div>
      {preview.error ? <Alert tone="danger" title={errorMessage(preview.error, t)} /> : null}
      {stale && impact ? (
        <Alert tone="warning" title={t('ruleVersions.staleTitle')} role="alert">
          <p className="kern-body">{stale}</p>
          <Button variant="secondary" onClick={() => preview.mutate(impact.version)}>
            {t('ruleVersions.refresh')}
          </Button>
        </Alert>
      ) : null}
      {impact ? <ImpactSection impact={impact} announced={announced} onApply={() => setConfirming(true)} /> : null}

      {impact ? (
        <ConfirmDialog
          isOpen={confirming}
          onOpenChange={setConfirming}
          title={t('ruleVersions.confirmTitle')}
          confirmLabel={t('ruleVersions.confirm')}
          onConfirm={() => apply.mutate(impact)}
          isPending={apply.isPending}
          error={apply.error && !isApiError(apply.error, 409) ? errorMessage(apply.error, t) : null}
        >
          {t('ruleVersions.confirmText', {
            total: impact.total,
            version: impact.version,
            changed: impact.changed,
            open: impact.handoversToOpen,
            cancel: impact.handoversToCancel,
          })}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
