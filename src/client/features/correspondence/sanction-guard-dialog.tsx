import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GuardResultDto } from '../../../shared/contracts/benefit-reductions';
import type { Appointment } from '../../../shared/contracts/case-records';
import type { SecondChannel } from '../../../shared/domain/correspondence/sanction-guard';
import { Alert } from '../../components/ui/alert';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { Fieldset, TextAreaField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { benefitReductionsApi, benefitReductionsChanged } from './benefit-reductions-api';

const inUiLanguage = (text: { de: string; en: string }) => (currentLanguage() === 'en' ? text.en : text.de);

/** "Leistungsminderung prüfen" beside a missed appointment, with its dialog. */
export function SanctionGuardButton({
  caseId,
  appointment,
  onMessage,
}: {
  caseId: string;
  appointment: Appointment;
  onMessage: (message: { text: string; tone: 'success' | 'danger' }) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (appointment.status !== 'missed') return null;
  return (
    <>
      <Button
        variant="secondary"
        small
        aria-label={t('sanctionGuard.openFor', { title: appointment.title })}
        onClick={() => setOpen(true)}
      >
        {t('sanctionGuard.open')}
      </Button>
      <SanctionGuardDialog
        caseId={caseId}
        appointment={appointment}
        isOpen={open}
        onOpenChange={setOpen}
        onRecorded={(text) => onMessage({ text, tone: 'success' })}
      />
    </>
  );
}

/** The guard's findings: ✓ / ✗ with the condition and its explanation. */
export function GuardFindings({ guard }: { guard: GuardResultDto }) {
  const { t } = useTranslation();
  return (
    <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('sanctionGuard.findingsTitle')}>
      {guard.findings.map((f) => (
        <li key={f.code} className="kern-body">
          <span className={`kern-badge kern-badge--${f.met ? 'success' : 'danger'}`}>
            <span className="kern-label">
              <span aria-hidden="true">{f.met ? '✓' : '✗'} </span>
              {f.met ? t('sanctionGuard.met') : t('sanctionGuard.notMet')}
            </span>
          </span>{' '}
          <strong>{t(`sanctionGuard.codes.${f.code}`)}</strong>
          {': '}
          {inUiLanguage(f.explanation)}
        </li>
      ))}
    </ul>
  );
}

type Props = {
  caseId: string;
  appointment: Appointment;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onRecorded: (message: string) => void;
};

/**
 * "Leistungsminderung prüfen" for a missed appointment: the server's guard result, then either
 * recording the reduction (allowed) or — blocked — choosing a second channel and recording the
 * decision. The server evaluates the guard again when recording.
 */
export function SanctionGuardDialog({ caseId, appointment, isOpen, onOpenChange, onRecorded }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={t('sanctionGuard.dialogTitle')}
      wide
      dismissable={false}
    >
      {isOpen ? (
        <GuardBody
          caseId={caseId}
          appointment={appointment}
          onDone={() => onOpenChange(false)}
          onRecorded={onRecorded}
        />
      ) : null}
    </ModalDialog>
  );
}

function GuardBody({
  caseId,
  appointment,
  onDone,
  onRecorded,
}: {
  caseId: string;
  appointment: Appointment;
  onDone: () => void;
  onRecorded: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<SecondChannel | ''>('');
  const [note, setNote] = useState('');
  const [description, setDescription] = useState('');
  const [channelError, setChannelError] = useState<string | undefined>();
  const [focusKey, setFocusKey] = useState(0);
  const guard = useQuery({
    queryKey: ['cases', 'benefit-reductions', caseId, 'check', appointment.id],
    queryFn: () => benefitReductionsApi.check(caseId, { reason: 'missed_appointment', appointmentId: appointment.id }),
    gcTime: 0,
    staleTime: 0,
  });
  const record = useMutation({
    mutationFn: () =>
      benefitReductionsApi.record(caseId, {
        reason: 'missed_appointment',
        appointmentId: appointment.id,
        description: description.trim() || null,
        secondChannel: channel || null,
        decisionNote: note.trim() || null,
      }),
    onSuccess: () => {
      benefitReductionsChanged(queryClient);
      onRecorded(t('sanctionGuard.saved'));
      onDone();
    },
    onError: (error) => {
      const field = error instanceof ApiError ? error.fieldErrors.find((f) => f.path === 'secondChannel') : undefined;
      if (field) {
        setChannelError(field.message);
        setFocusKey((k) => k + 1);
      }
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (guard.data && !guard.data.allowed && channel === '') {
      setChannelError(t('sanctionGuard.chooseChannel'));
      setFocusKey((k) => k + 1);
      return;
    }
    setChannelError(undefined);
    record.mutate();
  };

  if (guard.isPending) return <Loading />;
  if (guard.error) return <QueryError error={guard.error} onRetry={() => void guard.refetch()} />;
  const g = guard.data;
  const otherError =
    record.error &&
    !(record.error instanceof ApiError && record.error.fieldErrors.some((f) => f.path === 'secondChannel'))
      ? record.error
      : null;
  return (
    <form
      noValidate
      onSubmit={submit}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('sanctionGuard.dialogTitle')}
    >
      <p className="kern-body">{t('sanctionGuard.intro')}</p>
      <p className="kern-body">
        <strong>
          {t('sanctionGuard.appointment', { title: appointment.title, when: formatDateTime(appointment.startsAt) })}
        </strong>
      </p>
      <h3 className="kern-heading-small">{t('sanctionGuard.findingsTitle')}</h3>
      <GuardFindings guard={g} />
      {g.allowed ? (
        <Alert tone="success" title={t('sanctionGuard.allowedTitle')} role="none">
          <p className="kern-body">{t('sanctionGuard.allowedText')}</p>
        </Alert>
      ) : (
        <Alert tone="warning" title={t('sanctionGuard.blockedTitle')} role="none">
          <p className="kern-body">{t('sanctionGuard.blockedText')}</p>
        </Alert>
      )}
      <ErrorSummary
        items={channelError ? [{ fieldId: 'sanction-guard-channel', message: channelError }] : []}
        focusKey={focusKey}
      />
      {otherError ? <QueryError error={otherError} /> : null}
      {g.allowed ? (
        <TextAreaField
          id="sanction-guard-description"
          label={t('sanctionGuard.description')}
          optional
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      ) : (
        <Fieldset id="sanction-guard-channel" legend={t('sanctionGuard.secondChannel')} error={channelError}>
          {g.proposals.map((p) => (
            <div className="kern-form-check" key={p.channel}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`sanction-guard-channel-${p.channel}`}
                name="secondChannel"
                value={p.channel}
                checked={channel === p.channel}
                aria-describedby={`sanction-guard-channel-${p.channel}-hint`}
                onChange={() => setChannel(p.channel)}
              />
              <label className="kern-label" htmlFor={`sanction-guard-channel-${p.channel}`}>
                {t(`sanctionGuard.channels.${p.channel}`)}
              </label>
              <div className="kern-hint" id={`sanction-guard-channel-${p.channel}-hint`}>
                {inUiLanguage(p.explanation)}
              </div>
            </div>
          ))}
        </Fieldset>
      )}
      <TextAreaField
        id="sanction-guard-note"
        label={t('sanctionGuard.note')}
        optional
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <FormActions
        submitLabel={g.allowed ? t('sanctionGuard.recordCompleted') : t('sanctionGuard.recordBlocked')}
        pending={record.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
