import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lifeDomainLabels, urgencyLabels, type UrgencyLevel } from '../../../shared/domain/assessment/life-domains';
import {
  assessmentSectionLabels,
  assessmentViewLabels,
  type AssessmentSection,
  type AssessmentView,
} from '../../../shared/domain/assessment/life-domains';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { assessmentCompareQuery } from './cases-api';
import { inUiLanguage } from './case-format';

function fieldLabel(field: string): string {
  const [section, view] = field.split('.') as [AssessmentSection, AssessmentView];
  return `${inUiLanguage(assessmentSectionLabels[section])} – ${inUiLanguage(assessmentViewLabels[view])}`;
}

const urgencyText = (u: UrgencyLevel | null, none: string) => (u ? inUiLanguage(urgencyLabels[u]) : none);

/**
 * Two versions side by side. A changed row carries the written mark "geändert" (and the kind of
 * change) in its own column, so that the difference is not told by colour alone.
 */
export function AssessmentCompare({ caseId, from, to }: { caseId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const result = useQuery(assessmentCompareQuery(caseId, from, to));
  if (result.isPending) return <Loading />;
  if (result.error) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  const data = result.data;
  const empty = t('cases.assessment.empty');
  const rows: { key: string; domain: string; field: string; before: string; after: string; change: string }[] = [];
  for (const domain of data.domains) {
    if (!domain.changed) continue;
    const name = inUiLanguage(lifeDomainLabels[domain.key]);
    for (const text of domain.texts) {
      rows.push({
        key: `${domain.key}-${text.field}`,
        domain: name,
        field: fieldLabel(text.field),
        before: text.before ?? empty,
        after: text.after ?? empty,
        change: t(`cases.assessment.changes.${text.change}`),
      });
    }
    if (domain.notAssessed) {
      rows.push({
        key: `${domain.key}-notAssessed`,
        domain: name,
        field: t('cases.assessment.notAssessed'),
        before: domain.notAssessed.before ? t('common.yes') : t('common.no'),
        after: domain.notAssessed.after ? t('common.yes') : t('common.no'),
        change: t('cases.assessment.changes.changed'),
      });
    }
    if (domain.urgency) {
      rows.push({
        key: `${domain.key}-urgency`,
        domain: name,
        field: t('cases.assessment.urgency'),
        before: urgencyText(domain.urgency.before, empty),
        after: urgencyText(domain.urgency.after, empty),
        change: t(`cases.assessment.changes.${domain.urgency.change}`),
      });
    }
  }
  if (data.potentialAnalysis) {
    rows.push({
      key: 'potentialAnalysis',
      domain: t('cases.assessment.potentialAnalysis'),
      field: t('cases.assessment.potentialAnalysis'),
      before: data.potentialAnalysis.before ?? empty,
      after: data.potentialAnalysis.after ?? empty,
      change: t(`cases.assessment.changes.${data.potentialAnalysis.change}`),
    });
  }
  const versionFrom = t('cases.assessment.version', { no: data.from.versionNo });
  const versionTo = t('cases.assessment.version', { no: data.to.versionNo });
  return (
    <div className="lotse-stack" style={{ alignItems: 'stretch' }}>
      <h3 className="kern-title">{t('cases.assessment.compareHeading', { from: versionFrom, to: versionTo })}</h3>
      <p className="kern-body">
        {data.changedDomains.length
          ? t('cases.assessment.changedDomains', {
              count: data.changedDomains.length,
              list: data.changedDomains.map((k) => inUiLanguage(lifeDomainLabels[k])).join(', '),
            })
          : t('cases.assessment.noChanges')}
      </p>
      {rows.length ? (
        <div className="kern-table-responsive">
          <table className="kern-table lotse-table-full">
            <caption className="kern-body">{t('cases.assessment.compareCaption')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('cases.assessment.domain')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('cases.assessment.field')}
                </th>
                <th scope="col" className="kern-table__header">
                  {versionFrom}
                </th>
                <th scope="col" className="kern-table__header">
                  {versionTo}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('cases.assessment.change')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {rows.map((row) => (
                <tr className="kern-table__row" key={row.key}>
                  <th scope="row" className="kern-table__cell">
                    {row.domain}
                  </th>
                  <td className="kern-table__cell">{row.field}</td>
                  <td className="kern-table__cell lotse-preserve-lines">{row.before}</td>
                  <td className="kern-table__cell lotse-preserve-lines">
                    <strong>{row.after}</strong>
                  </td>
                  <td className="kern-table__cell">
                    <span aria-hidden="true">✎ </span>
                    {row.change}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
