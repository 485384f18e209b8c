import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import type { Case } from '../../../shared/contracts/cases';
import { CaseAppointmentsPanel, type AppointmentAction } from './case-appointments-panel';
import { CaseAssessmentsPanel } from './case-assessments-panel';
import { CaseConferencesPanel } from './case-conferences-panel';
import { CaseDocumentsPanel } from './case-documents-panel';
import { CaseNotesPanel } from './case-notes-panel';
import { CasePlansPanel } from './case-plans-panel';
import { CaseTasksPanel } from './case-tasks-panel';
import { closureReasonLabel, personLabel, phaseLabel } from './case-format';
import { CaseEditDialog } from './case-edit-dialog';
import { CasePhaseDialog } from './case-phase-dialog';
import { CasePhaseStepper } from './case-phase-stepper';
import { CaseReassignDialog } from './case-reassign-dialog';
import { CaseTeamPanel } from './case-team-panel';
import { CaseTimeline } from './case-timeline';
import { caseDetailQuery } from './cases-api';

/**
 * One case: header (edit title and household, reassign) with the phase stepper, phase change, team,
 * assessment, the parts of the case work and the timeline.
 */
/** What other features add to the case page (composed in src/client/app; features do not import each other). */
export type CasePageSlots = {
  /** Sections below the conferences (e.g. the benefit reductions). */
  sections?: (value: Case) => ReactNode;
  /** A button beside an appointment's own (e.g. "Leistungsminderung prüfen"). */
  appointmentAction?: AppointmentAction;
};

export function CaseDetailPage({ slots = {} }: { slots?: CasePageSlots }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { data: me } = useMe();
  const result = useQuery(caseDetailQuery(id));
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<Notice | null>(justCreated ? { text: t('cases.created'), key: 0 } : null);
  const [stale, setStale] = useState(false);

  if (result.isPending) return <Loading />;
  if (result.error) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  const value = result.data;
  const canWrite = hasPermission(me, 'case.write') && value.actions.steer;
  const onStale = () => {
    setMessage(null);
    setStale(true);
  };
  const canEdit = canWrite && value.phase !== 'closure';
  const canReassign = hasPermission(me, 'case.manage') && value.actions.reassign;

  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.cases}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('cases.backToList')}
        </Link>
      </p>
      <PageHeading
        title={`${value.reference} – ${value.title}`}
        preline={t('cases.list.title')}
        documentTitle={t('cases.detailTitle', { reference: value.reference })}
      />
      {canEdit || canReassign ? (
        <div className="lotse-button-row">
          {canEdit ? (
            <CaseEditDialog
              value={value}
              onStale={onStale}
              onSaved={(updated) => {
                setStale(false);
                setMessage({
                  text: updated ? t('caseHeader.edit.saved') : t('caseHeader.edit.unchanged'),
                  key: Date.now(),
                });
              }}
            />
          ) : null}
          {canReassign ? (
            <CaseReassignDialog
              value={value}
              onStale={onStale}
              onReassigned={(updated) => {
                setStale(false);
                setMessage({
                  text: t('caseHeader.reassign.done', { name: updated.lead.user.displayName }),
                  key: Date.now(),
                });
              }}
            />
          ) : null}
        </div>
      ) : null}
      {canEdit ? (
        <p>
          <Link className="kern-link" to={paths.letterNew(value.person.id, value.id)}>
            <span className="kern-icon kern-icon--mail" aria-hidden="true" />
            {t('letters.compose.title')}
          </Link>
        </p>
      ) : null}
      <SuccessNotice notice={message} />
      {stale ? (
        <Alert tone="danger" role="alert" title={t('cases.staleTitle')}>
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setStale(false);
                void result.refetch();
              }}
            >
              {t('cases.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}

      <div className="lotse-sections">
        <section className="lotse-stack" aria-labelledby="case-phase-title">
          <h2 className="kern-heading-medium" id="case-phase-title">
            {t('cases.phase.title')}
          </h2>
          <CasePhaseStepper phase={value.phase} />
          {canWrite ? (
            <div>
              <CasePhaseDialog
                value={value}
                onStale={onStale}
                onChanged={(updated) => {
                  setStale(false);
                  setMessage({
                    text:
                      updated.phase === 'closure'
                        ? t('cases.phase.closed')
                        : t('cases.phase.changed', { phase: phaseLabel(updated.phase) }),
                    key: Date.now(),
                  });
                }}
              />
            </div>
          ) : null}
        </section>
        <DescriptionList
          columns
          items={[
            {
              key: 'person',
              term: t('cases.fields.person'),
              value: (
                <Link className="kern-link" to={paths.person(value.person.id)}>
                  {personLabel(value.person)}
                </Link>
              ),
            },
            ...(value.household
              ? [
                  {
                    key: 'household',
                    term: t('cases.fields.household'),
                    value: (
                      <Link className="kern-link" to={paths.household(value.household.id)}>
                        {value.household.name ?? t(`cases.householdKinds.${value.household.kind}`)}
                      </Link>
                    ),
                  },
                ]
              : []),
            {
              key: 'lead',
              term: t('cases.fields.lead'),
              value: `${value.lead.user.displayName} (${value.lead.agency.name})`,
            },
            { key: 'openedAt', term: t('cases.fields.openedAt'), value: formatDateTime(value.openedAt) },
            ...(value.closure
              ? [
                  {
                    key: 'closure',
                    term: t('cases.fields.closure'),
                    value: `${closureReasonLabel(value.closure.reason)} · ${formatDateTime(value.closure.closedAt)}`,
                  },
                  { key: 'outcome', term: t('cases.phase.outcome'), value: value.closure.outcome },
                ]
              : []),
          ]}
        />
        <div className="lotse-grid">
          <CaseTeamPanel value={value} onStale={onStale} />
          <CaseAssessmentsPanel value={value} />
        </div>
        <CasePlansPanel value={value} />
        <div className="lotse-grid">
          <CaseTasksPanel value={value} />
          <CaseAppointmentsPanel value={value} appointmentAction={slots.appointmentAction} />
        </div>
        <CaseConferencesPanel value={value} />
        {slots.sections?.(value)}
        <div className="lotse-grid">
          <CaseNotesPanel value={value} />
          <CaseDocumentsPanel value={value} />
        </div>
        <CaseTimeline value={value} />
      </div>
    </>
  );
}
