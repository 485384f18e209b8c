import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseEventKinds, type Case, type CaseTimelineEvent } from '../../../shared/contracts/cases';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { caseTimelineQuery } from './cases-api';
import { closureReasonLabel, phaseLabel } from './case-format';
import { SectionCard } from '../../components/ui/section-card';

const PAGE_SIZE = 20;

function EventText({ event }: { event: CaseTimelineEvent }) {
  const { t } = useTranslation();
  // Kinds written by other parts of the case (plans, tasks …) that this client does not know yet show their code.
  const title = t(`cases.timeline.kinds.${event.kind}`, { defaultValue: event.kind });
  const parts: string[] = [];
  if (event.fromPhase && event.toPhase) {
    parts.push(t('cases.timeline.phaseMove', { from: phaseLabel(event.fromPhase), to: phaseLabel(event.toPhase) }));
  }
  if (event.closureReason) parts.push(`${t('cases.phase.closureReason')}: ${closureReasonLabel(event.closureReason)}`);
  if (event.member) {
    parts.push(
      `${event.member.agency.name}${event.member.user ? ` – ${event.member.user.displayName}` : ''} (${t(`cases.team.roles.${event.member.role}`)})`,
    );
  }
  if (event.leadChange) {
    parts.push(
      t('cases.timeline.leadChange', {
        from: `${event.leadChange.from.user.displayName} (${event.leadChange.from.agency.name})`,
        to: `${event.leadChange.to.user.displayName} (${event.leadChange.to.agency.name})`,
      }),
    );
  }
  return (
    <>
      <p className="kern-body">
        <strong>{title}</strong>
        {parts.length ? ` – ${parts.join(' · ')}` : ''}
      </p>
      {event.note ? <p className="kern-body lotse-preserve-lines">{event.note}</p> : null}
      <p className="kern-body kern-body--small">
        {formatDateTime(event.occurredAt)}
        {event.actor ? ` · ${event.actor.displayName}` : ''}
        {event.agency ? ` · ${event.agency.name}` : ''}
      </p>
    </>
  );
}

/** Everything that happened on the case, newest first, filterable by kind and by the acting agency. */
export function CaseTimeline({ value }: { value: Case }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [page, setPage] = useState(1);
  const result = useQuery(
    caseTimelineQuery(value.id, {
      kind: kind || undefined,
      agencyId: agencyId || undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  // The agencies that ever were on the team are the ones that can have acted on the case.
  const agencies = [...new Map(value.team.map((m) => [m.agency.id, m.agency.name])).entries()];

  return (
    <SectionCard id="case-timeline" title={t('cases.timeline.title')}>
      <form className="lotse-filter" aria-label={t('cases.timeline.filter')} onSubmit={(e) => e.preventDefault()}>
        <div className="lotse-filter__fields">
          <SelectField
            id="case-timeline-kind"
            label={t('cases.timeline.kind')}
            value={kind}
            options={[
              { value: '', label: t('common.all') },
              ...caseEventKinds.map((k) => ({ value: k, label: t(`cases.timeline.kinds.${k}`) })),
            ]}
            onChange={(event) => {
              setKind(event.target.value);
              setPage(1);
            }}
          />
          <SelectField
            id="case-timeline-agency"
            label={t('cases.timeline.agency')}
            value={agencyId}
            options={[
              { value: '', label: t('common.all') },
              ...agencies.map(([id, name]) => ({ value: id, label: name })),
            ]}
            onChange={(event) => {
              setAgencyId(event.target.value);
              setPage(1);
            }}
          />
        </div>
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data && result.data.items.length === 0 ? <EmptyState title={t('cases.timeline.empty')} /> : null}
      {result.data && result.data.items.length > 0 ? (
        <>
          <ol
            className="lotse-stack"
            style={{ listStyle: 'none', padding: 0 }}
            aria-busy={result.isFetching || undefined}
          >
            {result.data.items.map((event) => (
              <li key={event.id}>
                <EventText event={event} />
              </li>
            ))}
          </ol>
          <Pagination page={result.data.page} onPageChange={setPage} />
        </>
      ) : null}
    </SectionCard>
  );
}
