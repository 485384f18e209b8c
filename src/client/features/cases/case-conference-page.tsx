import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Conference } from '../../../shared/contracts/case-conferences';
import type { Case } from '../../../shared/contracts/cases';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { caseConferenceQuery } from './case-conferences-api';
import { ConferenceStatusBadge } from './case-conferences-panel';
import { caseDetailQuery } from './cases-api';
import { ConferenceEditor } from './conference-editor';
import { assigneeLabel, formatDay } from './task-format';

function attendanceText(attended: boolean | null, status: Conference['status'], t: TFunction): string {
  if (attended === true) return t('caseConferences.participants.attendance.yes');
  // Once the minutes are final, who is not marked did not attend.
  if (attended === false || status === 'held') return t('caseConferences.participants.attendance.no');
  return t('caseConferences.participants.attendance.unknown');
}

/** A held, cancelled or (for the caller) unchangeable conference. Decisions link to their tasks. */
function ConferenceReadView({ conference, value }: { conference: Conference; value: Case }) {
  const { t } = useTranslation();
  return (
    <div className="lotse-sections">
      <SectionCard id="conference-section-participants" title={t('caseConferences.page.participants')}>
        {conference.participants.length === 0 ? (
          <p className="kern-body kern-body--muted">{t('caseConferences.participants.none')}</p>
        ) : (
          <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
            {conference.participants.map((p) => (
              <li key={p.id}>
                <span className="kern-body">
                  <strong>
                    {p.kind === 'agency'
                      ? [p.agency?.name, p.user?.displayName].filter(Boolean).join(' – ')
                      : `${p.name} (${p.role})`}
                  </strong>{' '}
                  · {attendanceText(p.attended, conference.status, t)}
                </span>
                {p.kind === 'agency' && !p.onCaseTeam ? (
                  <>
                    <br />
                    <span className="kern-body kern-body--small">{t('caseConferences.participants.notOnTeam')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
      <SectionCard id="conference-section-agenda" title={t('caseConferences.page.agenda')}>
        {conference.agenda.length === 0 ? (
          <p className="kern-body kern-body--muted">{t('caseConferences.agenda.none')}</p>
        ) : (
          <ol style={{ paddingLeft: '1.5rem', margin: 0 }}>
            {conference.agenda.map((item, index) => (
              <li key={index} className="kern-body">
                {item}
              </li>
            ))}
          </ol>
        )}
      </SectionCard>
      <SectionCard id="conference-section-minutes" title={t('caseConferences.page.minutes')}>
        {conference.minutes ? (
          <p className="kern-body lotse-preserve-lines">{conference.minutes}</p>
        ) : (
          <p className="kern-body kern-body--muted">{t('caseConferences.page.noMinutes')}</p>
        )}
      </SectionCard>
      <SectionCard id="conference-section-decisions" title={t('caseConferences.page.decisions')}>
        {conference.decisions.length === 0 ? (
          <p className="kern-body kern-body--muted">{t('caseConferences.decisions.none')}</p>
        ) : (
          <ol className="lotse-stack" style={{ paddingLeft: '1.5rem' }}>
            {conference.decisions.map((d) => (
              <li key={d.id}>
                <p className="kern-body lotse-preserve-lines">{d.text}</p>
                <span className="kern-body kern-body--small">
                  {t('caseConferences.decisions.responsible', {
                    assignee: assigneeLabel({ agency: d.responsibleAgency, user: d.responsibleUser }),
                  })}
                  {d.dueDate ? ` · ${t('caseConferences.decisions.due', { date: formatDay(d.dueDate) })}` : ''}
                </span>
                {d.task ? (
                  <>
                    <br />
                    <Link className="kern-link" to={`${paths.case(value.id)}#task-${d.task.id}`}>
                      {t('caseConferences.decisions.toTask', { status: t(`caseTasks.statuses.${d.task.status}`) })}
                    </Link>
                  </>
                ) : !d.responsibleOnCaseTeam && conference.status === 'planned' ? (
                  <>
                    <br />
                    <span className="kern-body kern-body--small">
                      {t('caseConferences.decisions.notOnTeam', { name: d.responsibleAgency.name })}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </SectionCard>
    </div>
  );
}

/** One case conference: the editor while it is planned (for organiser and lead agency), else the record. */
export function CaseConferencePage() {
  const { t } = useTranslation();
  const { id = '', conferenceId = '' } = useParams();
  const location = useLocation();
  const caseResult = useQuery(caseDetailQuery(id));
  const result = useQuery(caseConferenceQuery(id, conferenceId));
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<Notice | null>(
    created ? { text: t('caseConferences.page.created'), key: 0 } : null,
  );
  const [stale, setStale] = useState(false);

  if (result.isPending || caseResult.isPending) return <Loading />;
  if (result.error) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  if (caseResult.error) return <QueryError error={caseResult.error} onRetry={() => void caseResult.refetch()} />;
  const conference = result.data;
  const value = caseResult.data;
  const closed = value.phase === 'closure';

  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={`${paths.case(value.id)}#case-conferences`}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('caseConferences.page.backToCase', { reference: value.reference })}
        </Link>
      </p>
      <PageHeading
        title={conference.title}
        preline={t('caseConferences.page.preline', { reference: value.reference })}
        documentTitle={t('caseConferences.page.documentTitle', { title: conference.title })}
      />
      <SuccessNotice notice={message} />
      {stale ? (
        <Alert tone="danger" role="alert" title={t('caseConferences.page.stale')}>
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setStale(false);
                void result.refetch();
              }}
            >
              {t('caseConferences.page.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <DescriptionList
        columns
        items={[
          {
            key: 'status',
            term: t('caseConferences.fields.status'),
            value: <ConferenceStatusBadge status={conference.status} />,
          },
          {
            key: 'scheduledAt',
            term: t('caseConferences.fields.scheduledAt'),
            value: formatDateTime(conference.scheduledAt),
          },
          ...(conference.location
            ? [{ key: 'location', term: t('caseConferences.fields.location'), value: conference.location }]
            : []),
          { key: 'organiser', term: t('caseConferences.fields.organiser'), value: conference.organiserAgency.name },
          ...(conference.heldAt
            ? [{ key: 'heldAt', term: t('caseConferences.fields.heldAt'), value: formatDateTime(conference.heldAt) }]
            : []),
        ]}
      />
      {conference.status === 'held' && conference.heldAt ? (
        <p className="kern-body">
          {t('caseConferences.page.readOnlyHeld', { date: formatDateTime(conference.heldAt) })}
        </p>
      ) : null}
      {conference.status === 'cancelled' ? (
        <p className="kern-body">{t('caseConferences.page.readOnlyCancelled')}</p>
      ) : null}
      {conference.status === 'planned' && !conference.actions.change ? (
        <p className="kern-body">
          {closed
            ? t('caseConferences.page.readOnlyClosed')
            : t('caseConferences.page.readOnlyNoRight', { name: conference.organiserAgency.name })}
        </p>
      ) : null}
      {conference.actions.change ? (
        <ConferenceEditor
          key={conference.version}
          conference={conference}
          value={value}
          onStale={() => {
            setMessage(null);
            setStale(true);
          }}
          onMessage={(text) => {
            setStale(false);
            setMessage({ text, key: Date.now() });
          }}
        />
      ) : (
        <ConferenceReadView conference={conference} value={value} />
      )}
    </>
  );
}
