import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunicationConsent, ConsentChannelValue } from '../../../shared/contracts/communication-consents';
import {
  consentChannels,
  consentEvidenceKinds,
  type ConsentEvidenceKind,
} from '../../../shared/domain/correspondence/channels';
import { todayIn } from '../../../shared/domain/calendar-date';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatCalendarDay, formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../../lib/session';
import { communicationConsentsQuery, fieldOf, letterDeliveryApi } from './letter-delivery-api';

/**
 * The person's consents to be written to by e-mail or messenger (issue 8): list, record,
 * withdraw (with confirmation; queued e-mail is cancelled). Placed on the person's correspondence page.
 */
export function CommunicationConsentsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const canRead = hasPermission(me, 'consent.read');
  const canWrite = hasPermission(me, 'consent.write');
  const consents = useQuery({ ...communicationConsentsQuery(personId), enabled: canRead });
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<CommunicationConsent | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['communication-consents', personId] });
    void queryClient.invalidateQueries({ queryKey: ['letter-delivery'] });
  };
  const withdraw = useMutation({
    mutationFn: (c: CommunicationConsent) => letterDeliveryApi.withdrawConsent(personId, c.id),
    onSuccess: (result) => {
      setWithdrawing(null);
      setNotice({
        text:
          result.mailCancelled > 0
            ? t('letterDelivery.consents.withdrawDoneMail', { count: result.mailCancelled })
            : t('letterDelivery.consents.withdrawDone'),
        key: Date.now(),
      });
      refresh();
    },
  });
  if (!canRead) return null;
  const items = consents.data?.items ?? [];

  return (
    <SectionCard
      id="communication-consents"
      title={t('letterDelivery.consents.title')}
      actions={
        canWrite ? (
          <Button
            variant="secondary"
            icon="add"
            small
            onClick={() => {
              setNotice(null);
              setRecording(true);
            }}
          >
            {t('letterDelivery.consents.record')}
          </Button>
        ) : null
      }
    >
      <p className="kern-body">{t('letterDelivery.consents.intro')}</p>
      <SuccessNotice notice={notice} />
      {consents.isPending ? <Loading /> : null}
      {consents.error ? <QueryError error={consents.error} onRetry={() => void consents.refetch()} /> : null}
      {consents.data && items.length === 0 ? (
        <EmptyState title={t('letterDelivery.consents.emptyTitle')}>
          {t('letterDelivery.consents.emptyText')}
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul
          className="lotse-stack"
          aria-label={t('letterDelivery.consents.listLabel')}
          style={{ listStyle: 'none', padding: 0 }}
        >
          {items.map((c) => (
            <li key={c.id} className="kern-body">
              <strong>{t(`letterDelivery.channels.${c.channel}`)}</strong>: {c.address}
              {c.service ? ` (${c.service})` : ''}{' '}
              <span className={`kern-badge kern-badge--${c.inForce ? 'success' : 'danger'}`}>
                <span className="kern-label">
                  {c.inForce
                    ? t('letterDelivery.consents.inForce')
                    : t('letterDelivery.consents.withdrawn', { date: formatDateTime(c.withdrawnAt) })}
                </span>
              </span>
              <div className="kern-body kern-body--small">
                {t('letterDelivery.consents.givenOn', { date: formatCalendarDay(c.givenOn) })} –{' '}
                {t(`letterDelivery.consents.evidenceKinds.${c.evidenceKind}`)}
                {c.evidenceNote ? `: ${c.evidenceNote}` : ''} –{' '}
                {t('letterDelivery.consents.recordedBy', {
                  name: c.recordedByName ?? '–',
                  agency: c.recordedByAgencyName,
                })}
              </div>
              {canWrite && c.inForce ? (
                <Button
                  variant="tertiary"
                  small
                  onClick={() => {
                    setNotice(null);
                    withdraw.reset();
                    setWithdrawing(c);
                  }}
                  aria-label={`${t('letterDelivery.consents.withdraw')}: ${t(`letterDelivery.channels.${c.channel}`)} ${c.address}`}
                >
                  {t('letterDelivery.consents.withdraw')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {recording ? (
        <RecordDialog
          personId={personId}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            setNotice({ text: t('letterDelivery.consents.saved'), key: Date.now() });
            refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={withdrawing !== null}
        onOpenChange={(open) => !open && setWithdrawing(null)}
        title={t('letterDelivery.consents.withdrawTitle')}
        confirmLabel={t('letterDelivery.consents.withdraw')}
        isPending={withdraw.isPending}
        error={withdraw.error ? errorMessage(withdraw.error, t) : null}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing)}
      >
        {withdrawing
          ? t('letterDelivery.consents.withdrawText', {
              channel: t(`letterDelivery.channels.${withdrawing.channel}`),
              address: withdrawing.address,
            })
          : null}
      </ConfirmDialog>
    </SectionCard>
  );
}

function RecordDialog({ personId, onClose, onDone }: { personId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const today = todayIn(new Date());
  const [channel, setChannel] = useState<ConsentChannelValue>('email');
  const [address, setAddress] = useState('');
  const [service, setService] = useState('');
  const [givenOn, setGivenOn] = useState(today);
  const [evidenceKind, setEvidenceKind] = useState<ConsentEvidenceKind>('in_person');
  const [evidenceNote, setEvidenceNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      letterDeliveryApi.recordConsent(personId, {
        channel,
        address: address.trim(),
        service: channel === 'messenger' ? service.trim() || null : null,
        givenOn,
        evidenceKind,
        evidenceNote: evidenceNote.trim() || null,
      }),
    onSuccess: onDone,
  });
  const errors = isApiError(save.error) ? save.error.fieldErrors : [];
  const errorFor = (name: string) =>
    errors
      .filter((e) => fieldOf(e.path) === name)
      .map((e) => e.message)
      .join(' ') || undefined;
  const summary = save.error
    ? errors.length > 0
      ? errors.map((e) => ({ fieldId: fieldId(fieldOf(e.path)), message: e.message }))
      : [{ message: errorMessage(save.error, t) }]
    : [];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('letterDelivery.consents.form.title')}
      wide
      dismissable={false}
    >
      <form onSubmit={onSubmit} noValidate className="lotse-stack">
        <ErrorSummary items={summary} focusKey={save.failureCount} />
        <SelectField
          id={fieldId('channel')}
          label={t('letterDelivery.consents.form.channel')}
          error={errorFor('channel')}
          value={channel}
          options={consentChannels.map((c) => ({ value: c, label: t(`letterDelivery.channels.${c}`) }))}
          onChange={(e) => setChannel(e.target.value as ConsentChannelValue)}
        />
        <TextField
          id={fieldId('address')}
          type={channel === 'email' ? 'email' : 'text'}
          autoComplete="off"
          label={
            channel === 'email'
              ? t('letterDelivery.consents.form.emailAddress')
              : t('letterDelivery.consents.form.messengerAddress')
          }
          error={errorFor('address')}
          maxLength={254}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
        {channel === 'messenger' ? (
          <TextField
            id={fieldId('service')}
            label={t('letterDelivery.consents.form.service')}
            hint={t('letterDelivery.consents.form.serviceHint')}
            optional
            error={errorFor('service')}
            maxLength={60}
            value={service}
            onChange={(e) => setService(e.target.value)}
          />
        ) : null}
        <TextField
          id={fieldId('givenOn')}
          type="date"
          label={t('letterDelivery.consents.form.givenOn')}
          error={errorFor('givenOn')}
          max={today}
          value={givenOn}
          onChange={(e) => setGivenOn(e.target.value)}
        />
        <SelectField
          id={fieldId('evidenceKind')}
          label={t('letterDelivery.consents.form.evidenceKind')}
          error={errorFor('evidenceKind')}
          value={evidenceKind}
          options={consentEvidenceKinds.map((k) => ({
            value: k,
            label: t(`letterDelivery.consents.evidenceKinds.${k}`),
          }))}
          onChange={(e) => setEvidenceKind(e.target.value as ConsentEvidenceKind)}
        />
        <TextAreaField
          id={fieldId('evidenceNote')}
          label={t('letterDelivery.consents.form.evidenceNote')}
          hint={t('letterDelivery.consents.form.evidenceNoteHint')}
          optional={evidenceKind !== 'in_person'}
          error={errorFor('evidenceNote')}
          rows={2}
          maxLength={500}
          value={evidenceNote}
          onChange={(e) => setEvidenceNote(e.target.value)}
        />
        <div className="lotse-button-row">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
            {save.isPending ? t('common.saving') : t('letterDelivery.consents.form.submit')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
