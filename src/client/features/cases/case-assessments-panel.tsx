import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Case } from '../../../shared/contracts/cases';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { AssessmentCompare } from './assessment-compare';
import { assessmentListQuery, casesApi } from './cases-api';
import { SectionCard } from '../../components/ui/section-card';

/** The versions of the resource-oriented assessment: open, start the next one, compare two. */
export function CaseAssessmentsPanel({ value }: { value: Case }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery(assessmentListQuery(value.id));
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const start = useMutation({ mutationFn: () => casesApi.startAssessment(value.id, 'latest') });
  const items = list.data?.items ?? [];
  const hasDraft = items.some((v) => v.status === 'draft');
  const canStart = value.actions.steer && value.phase !== 'closure' && !hasDraft;

  return (
    <SectionCard
      id="case-assessments"
      title={t('cases.assessment.sectionTitle')}
      actions={
        <>
          {canStart ? (
            <Button
              variant="secondary"
              icon="add"
              small
              disabled={start.isPending}
              onClick={() =>
                start.mutate(undefined, {
                  onSuccess: (created) => {
                    void queryClient.invalidateQueries({ queryKey: ['cases', 'assessments', value.id] });
                    void navigate(paths.caseAssessment(value.id, created.versionNo));
                  },
                })
              }
            >
              {items.length ? t('cases.assessment.startNext') : t('cases.assessment.start')}
            </Button>
          ) : null}
        </>
      }
    >
      {start.error ? <Alert tone="danger" title={errorMessage(start.error, t)} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState title={t('cases.assessment.noneTitle')}>{t('cases.assessment.noneText')}</EmptyState>
      ) : null}
      {items.length ? (
        <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
          {items.map((v) => (
            <li key={v.id}>
              <Link className="kern-link" to={paths.caseAssessment(value.id, v.versionNo)}>
                {t('cases.assessment.version', { no: v.versionNo })}
              </Link>{' '}
              <span className="kern-body">
                – {t(`cases.assessment.statuses.${v.status}`)}
                {v.completedAt
                  ? ` ${t('cases.assessment.completedOn', { date: formatDateTime(v.completedAt) })}`
                  : ` · ${t('cases.assessment.updatedOn', { date: formatDateTime(v.updatedAt) })}`}
              </span>
              <br />
              <span className="kern-body kern-body--small">
                {t('cases.assessment.counts', { assessed: v.assessedDomains, notAssessed: v.notAssessedDomains })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length >= 2 ? (
        <form
          className="lotse-filter"
          aria-label={t('cases.assessment.compareTitle')}
          onSubmit={(event) => {
            event.preventDefault();
            const a = Number(from || items[1]?.versionNo);
            const b = Number(to || items[0]?.versionNo);
            if (a && b) setCompare({ from: a, to: b });
          }}
        >
          <div className="lotse-filter__fields">
            <SelectField
              id="assessment-compare-from"
              label={t('cases.assessment.compareFrom')}
              value={from || String(items[1]?.versionNo ?? '')}
              options={items.map((v) => ({
                value: String(v.versionNo),
                label: t('cases.assessment.version', { no: v.versionNo }),
              }))}
              onChange={(event) => setFrom(event.target.value)}
            />
            <SelectField
              id="assessment-compare-to"
              label={t('cases.assessment.compareTo')}
              value={to || String(items[0]?.versionNo ?? '')}
              options={items.map((v) => ({
                value: String(v.versionNo),
                label: t('cases.assessment.version', { no: v.versionNo }),
              }))}
              onChange={(event) => setTo(event.target.value)}
            />
            <div>
              <Button type="submit" variant="secondary">
                {t('cases.assessment.compare')}
              </Button>
            </div>
          </div>
        </form>
      ) : null}
      {compare ? <AssessmentCompare caseId={value.id} from={compare.from} to={compare.to} /> : null}
    </SectionCard>
  );
}
