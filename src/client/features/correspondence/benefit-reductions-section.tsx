import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BenefitReduction } from '../../../shared/contracts/benefit-reductions';
import type { Case } from '../../../shared/contracts/cases';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatDateTime } from '../../lib/format';
import { benefitReductionsQuery } from './benefit-reductions-api';
import { GuardFindings } from './sanction-guard-dialog';

/**
 * The decisions on reductions of benefits of the case (Leistungsminderungen): blocked ones with
 * the guard's findings and the second channel, completed ones. Only shown to those who may see the
 * person's benefits data (the server answers 403 otherwise, and the section stays away).
 */
export function BenefitReductionsSection({ value }: { value: Case }) {
  const { t } = useTranslation();
  const result = useQuery({ ...benefitReductionsQuery(value.id), retry: false });
  if (result.error && 'status' in result.error && (result.error.status === 403 || result.error.status === 404))
    return null;
  return (
    <SectionCard id="case-benefit-reductions" title={t('sanctionGuard.section.title')}>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data && result.data.items.length === 0 ? (
        <p className="kern-body kern-body--muted">{t('sanctionGuard.section.empty')}</p>
      ) : null}
      {result.data && result.data.items.length > 0 ? (
        <ol
          className="lotse-stack"
          style={{ listStyle: 'none', padding: 0 }}
          aria-label={t('sanctionGuard.section.label')}
        >
          {result.data.items.map((r) => (
            <ReductionItem key={r.id} reduction={r} />
          ))}
        </ol>
      ) : null}
    </SectionCard>
  );
}

function ReductionItem({ reduction: r }: { reduction: BenefitReduction }) {
  const { t } = useTranslation();
  const titleId = `benefit-reduction-${r.id}-title`;
  return (
    <li className="lotse-repeat-group" aria-labelledby={titleId}>
      <h3 className="kern-heading-small" id={titleId}>
        <span className={`kern-badge kern-badge--${r.status === 'blocked' ? 'warning' : 'info'}`}>
          <span className="kern-label">{t(`sanctionGuard.section.statuses.${r.status}`)}</span>
        </span>{' '}
        {r.appointment
          ? t('sanctionGuard.section.appointment', {
              title: r.appointment.title,
              when: formatDateTime(r.appointment.startsAt),
            })
          : t('sanctionGuard.section.title')}
      </h3>
      <p className="kern-body kern-body--small">
        {t('sanctionGuard.section.decided', {
          when: formatDateTime(r.decidedAt),
          who: r.decidedBy?.displayName ?? '–',
          agency: r.agency.name,
        })}
      </p>
      {r.description ? <p className="kern-body">{r.description}</p> : null}
      {r.secondChannel ? (
        <p className="kern-body">
          {t('sanctionGuard.section.secondChannel', { channel: t(`sanctionGuard.channels.${r.secondChannel}`) })}
        </p>
      ) : null}
      {r.taskId ? <p className="kern-body kern-body--small">{t('sanctionGuard.section.task')}</p> : null}
      {r.decisionNote ? <p className="kern-body">{r.decisionNote}</p> : null}
      {r.status === 'blocked' ? (
        <details>
          <summary className="kern-body">{t('sanctionGuard.findingsTitle')}</summary>
          <GuardFindings guard={r.guard} />
        </details>
      ) : null}
    </li>
  );
}
