import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { PlanEditor } from './case-plan-editor';
import { formatPlanDate, planKindLabel, planLegalBasis, planStatusLabel } from './case-plan-format';
import { PlanReadView } from './case-plan-view';
import { casePlanPdfUrl, casePlanQuery } from './case-plans-api';
import { caseDetailQuery } from './cases-api';

/**
 * One plan of a case: status, dates and the printed plan for everyone on the team; the goals and
 * steps editor for the owner agency, the read view (with progress of one's own steps) for the rest.
 */
export function CasePlanPage() {
  const { t } = useTranslation();
  const { id = '', planId = '' } = useParams();
  const location = useLocation();
  const caseResult = useQuery(caseDetailQuery(id));
  const planResult = useQuery(casePlanQuery(id, planId));
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<Notice | null>(justCreated ? { text: t('casePlans.created'), key: 0 } : null);

  if (caseResult.isPending || planResult.isPending) return <Loading />;
  if (caseResult.error) return <QueryError error={caseResult.error} onRetry={() => void caseResult.refetch()} />;
  if (planResult.error) return <QueryError error={planResult.error} onRetry={() => void planResult.refetch()} />;
  const value = caseResult.data;
  const plan = planResult.data;
  const kind = planKindLabel(plan.kind);
  const show = (text: string) => setMessage({ text, key: Date.now() });
  const readOnlyReason =
    value.phase === 'closure'
      ? t('casePlans.page.readOnlyClosed')
      : plan.status === 'ended'
        ? t('casePlans.page.readOnlyEnded')
        : !plan.actions.edit
          ? t('casePlans.page.readOnlyOwner', { agency: plan.ownerAgency.name })
          : null;

  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.case(value.id)}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('casePlans.page.backToCase', { reference: value.reference })}
        </Link>
      </p>
      <PageHeading
        title={`${kind}: ${plan.title}`}
        preline={`${value.reference} – ${value.title}`}
        documentTitle={t('casePlans.page.documentTitle', { kind, reference: value.reference })}
      />
      <SuccessNotice notice={message} />
      <div className="lotse-sections">
        <section className="lotse-stack" aria-labelledby="case-plan-status-title">
          <h2 className="kern-heading-medium" id="case-plan-status-title">
            {t('casePlans.status')}:{' '}
            <span
              className={`kern-badge kern-badge--${plan.status === 'agreed' ? 'success' : plan.status === 'ended' ? 'info' : 'warning'}`}
            >
              <span className="kern-label">{planStatusLabel(plan.status)}</span>
            </span>
          </h2>
          {plan.reviewOverdue && plan.reviewDate ? (
            <Alert
              tone="warning"
              role="none"
              title={t('casePlans.reviewOverdue', { date: formatPlanDate(plan.reviewDate) })}
            />
          ) : null}
          <DescriptionList
            columns
            items={[
              { key: 'legal', term: t('casePlans.page.legalBasis'), value: planLegalBasis(plan.kind) },
              { key: 'owner', term: t('casePlans.owner'), value: plan.ownerAgency.name },
              {
                key: 'agreed',
                term: t('casePlans.agreedOn'),
                value: formatPlanDate(plan.agreedOn) || t('casePlans.noDate'),
              },
              {
                key: 'review',
                term: t('casePlans.reviewDate'),
                value: formatPlanDate(plan.reviewDate) || t('casePlans.noDate'),
              },
              ...(plan.endedOn
                ? [{ key: 'ended', term: t('casePlans.endedOn'), value: formatPlanDate(plan.endedOn) }]
                : []),
              {
                key: 'changed',
                term: t('casePlans.page.lastChange'),
                value: plan.updatedBy
                  ? t('casePlans.page.lastChangeBy', {
                      date: formatDateTime(plan.updatedAt),
                      name: plan.updatedBy.displayName,
                    })
                  : formatDateTime(plan.updatedAt),
              },
            ]}
          />
          <div>
            <a
              className="kern-btn kern-btn--secondary"
              href={casePlanPdfUrl(value.id, plan.id)}
              download
              aria-describedby="case-plan-pdf-hint"
            >
              <span className="kern-icon kern-icon--download" aria-hidden="true" />
              <span className="kern-label">{t('casePlans.page.pdf')}</span>
            </a>
            <p className="kern-hint" id="case-plan-pdf-hint">
              {t('casePlans.page.pdfHint')}
            </p>
          </div>
        </section>
        {plan.actions.edit ? (
          <PlanEditor key={plan.id} plan={plan} value={value} onSaved={show} />
        ) : (
          <>
            {readOnlyReason ? <Alert tone="info" role="none" title={readOnlyReason} /> : null}
            <PlanReadView plan={plan} onMessage={show} />
          </>
        )}
      </div>
    </>
  );
}
