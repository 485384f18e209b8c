import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDeliveryRequest, LetterDeliveryState } from '../../../shared/contracts/letter-delivery';
import type { LetterChannel, LetterDetail, ProofKind, ReturnReason } from '../../../shared/contracts/letters';
import { returnReasons } from '../../../shared/contracts/letters';
import type { MailDelivery } from '../../../shared/contracts/addresses';
import { todayIn } from '../../../shared/domain/calendar-date';
import { suggestedFacts } from '../../../shared/domain/correspondence/channels';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { hasPermission, useMe } from '../../lib/session';
import { fieldOf, invalidateLetter, letterDeliveryApi, letterDeliveryQuery } from './letter-delivery-api';

type DeliveryMode = 'delivered' | 'returned' | 'read';

/** Field errors of a failed mutation, per field, and the summary linking to the inputs. */
function useFieldErrors(error: unknown, fieldId: (name: string) => string, t: ReturnType<typeof useTranslation>['t']) {
  const errors = isApiError(error) ? error.fieldErrors : [];
  const errorFor = (name: string) =>
    errors
      .filter((e) => fieldOf(e.path) === name)
      .map((e) => e.message)
      .join(' ') || undefined;
  const summary = error
    ? errors.length > 0
      ? errors.map((e) => ({ fieldId: fieldId(fieldOf(e.path)), message: e.message }))
      : [{ message: errorMessage(error, t) }]
    : [];
  return { errorFor, summary };
}

/**
 * Sending and delivery of one letter (issue 8): "Versenden" for a draft, then proof of delivery,
 * returned/undeliverable mail (with the address facts confirmed for the address register) and a
 * read receipt, and the letter's history. Placed on the letter page.
 */
export function LetterDeliveryPanel({ letter }: { letter: LetterDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const state = useQuery(letterDeliveryQuery(letter.id));
  const [sending, setSending] = useState(false);
  const [mode, setMode] = useState<DeliveryMode | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const s = state.data;
  const mayAct = Boolean(s?.canAct) && hasPermission(me, 'case.write');

  const done = (text: string) => {
    setNotice({ text, key: Date.now() });
    invalidateLetter(queryClient, letter.id);
  };

  const rows = [
    { key: 'status', term: t('letterDelivery.panel.status'), value: t(`letterDelivery.statuses.${letter.status}`) },
    { key: 'channel', term: t('letterDelivery.panel.channel'), value: t(`letterDelivery.channels.${letter.channel}`) },
    ...(letter.sentAt
      ? [{ key: 'sent', term: t('letterDelivery.statuses.sent'), value: formatDateTime(letter.sentAt) }]
      : []),
    ...(letter.deliveredAt
      ? [
          {
            key: 'delivered',
            term: t('letterDelivery.statuses.delivered'),
            value: `${formatDateTime(letter.deliveredAt)}${letter.proofKind ? ` – ${t(`letterDelivery.proofKinds.${letter.proofKind}`)}` : ''}`,
          },
        ]
      : []),
    ...(letter.returnedAt
      ? [
          {
            key: 'returned',
            term: t(`letterDelivery.statuses.${letter.status === 'undeliverable' ? 'undeliverable' : 'returned'}`),
            value: `${formatDateTime(letter.returnedAt)}${letter.returnReason ? ` – ${t(`letterDelivery.reasons.${letter.returnReason}`)}` : ''}`,
          },
        ]
      : []),
    ...(s?.mail
      ? [
          {
            key: 'mail',
            term: t('letterDelivery.channels.email'),
            value: isMailStatus(s.mail.status) ? t(`letterDelivery.mailStatuses.${s.mail.status}`) : s.mail.status,
          },
        ]
      : []),
  ];

  const electronic = letter.channel === 'email' || letter.channel === 'messenger';
  const actions = !mayAct ? null : letter.status === 'draft' ? (
    <Button variant="primary" icon="send" small onClick={() => setSending(true)}>
      {t('letterDelivery.panel.send')}
    </Button>
  ) : letter.status === 'sent' ? (
    <>
      <Button variant="secondary" small onClick={() => setMode('delivered')}>
        {t('letterDelivery.panel.prove')}
      </Button>
      <Button variant="secondary" small onClick={() => setMode('returned')}>
        {t('letterDelivery.panel.returned')}
      </Button>
      {electronic ? (
        <Button variant="secondary" small onClick={() => setMode('read')}>
          {t('letterDelivery.panel.read')}
        </Button>
      ) : null}
    </>
  ) : letter.status === 'delivered' ? (
    <Button variant="secondary" small onClick={() => setMode('read')}>
      {t('letterDelivery.panel.read')}
    </Button>
  ) : null;

  return (
    <SectionCard id="letter-delivery" title={t('letterDelivery.panel.title')} actions={actions}>
      <SuccessNotice notice={notice} />
      {state.isPending ? <Loading /> : null}
      {state.error ? <QueryError error={state.error} onRetry={() => void state.refetch()} /> : null}
      <DescriptionList items={rows} />
      {s && !s.canAct ? <Alert tone="info" title={t('letterDelivery.panel.noAct')} /> : null}
      <h3 className="kern-title">{t('letterDelivery.panel.history')}</h3>
      {letter.events.length === 0 ? (
        <p className="kern-body">{t('letterDelivery.panel.historyEmpty')}</p>
      ) : (
        <ol className="lotse-stack" aria-label={t('letterDelivery.panel.history')}>
          {letter.events.map((e) => (
            <li key={e.id} className="kern-body">
              <strong>{t(`letterDelivery.eventKinds.${e.kind}`)}</strong> – {formatDateTime(e.occurredAt)}
              {e.proofKind
                ? `, ${t('letterDelivery.panel.proof')}: ${t(`letterDelivery.proofKinds.${e.proofKind}`)}`
                : ''}
              {e.reason
                ? `, ${t('letterDelivery.panel.reason')}: ${isReason(e.reason) ? t(`letterDelivery.reasons.${e.reason}`) : e.reason}`
                : ''}
              {e.recordedByName ? ` (${t('letterDelivery.panel.by', { name: e.recordedByName })})` : ''}
              {e.note ? <div className="kern-body kern-body--small">{e.note}</div> : null}
            </li>
          ))}
        </ol>
      )}
      {s && sending ? (
        <SendDialog
          letter={letter}
          state={s}
          onClose={() => setSending(false)}
          onDone={() => {
            setSending(false);
            done(t('letterDelivery.panel.sentDone'));
          }}
        />
      ) : null}
      {s && mode ? (
        <DeliveryDialog
          letter={letter}
          state={s}
          mode={mode}
          onClose={() => setMode(null)}
          onDone={(m) => {
            setMode(null);
            done(
              t(
                m === 'delivered'
                  ? 'letterDelivery.panel.deliveryDone'
                  : m === 'read'
                    ? 'letterDelivery.panel.readDone'
                    : 'letterDelivery.panel.returnedDone',
              ),
            );
          }}
        />
      ) : null}
    </SectionCard>
  );
}

const isReason = (r: string): r is ReturnReason => (returnReasons as readonly string[]).includes(r);

const mailStatuses = ['queued', 'sent', 'failed', 'held', 'cancelled'] as const;
const isMailStatus = (m: string): m is (typeof mailStatuses)[number] => (mailStatuses as readonly string[]).includes(m);

function SendDialog({
  letter,
  state,
  onClose,
  onDone,
}: {
  letter: LetterDetail;
  state: LetterDeliveryState;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const firstAllowed =
    state.options.find((o) => o.channel === letter.channel && o.allowed) ?? state.options.find((o) => o.allowed);
  const [channel, setChannel] = useState<LetterChannel>(firstAllowed?.channel ?? 'hand_delivery');
  const consentsFor = state.consents.filter((c) => c.channel === channel);
  const [consentId, setConsentId] = useState<string>('');
  const chosenConsent = consentsFor.find((c) => c.id === consentId)?.id ?? consentsFor[0]?.id ?? null;
  const send = useMutation({
    mutationFn: () =>
      letterDeliveryApi.send(letter.id, state.version, {
        channel,
        ...(channel === 'email' || channel === 'messenger' ? { communicationConsentId: chosenConsent } : {}),
      }),
    onSuccess: onDone,
  });
  const { errorFor, summary } = useFieldErrors(send.error, fieldId, t);
  const address = state.address;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('letterDelivery.send.title')}
      wide
      dismissable={false}
    >
      <form onSubmit={onSubmit} noValidate className="lotse-stack">
        <ErrorSummary items={summary} focusKey={send.failureCount} />
        <p className="kern-body">{t('letterDelivery.send.intro')}</p>
        <Fieldset id={fieldId('channel')} legend={t('letterDelivery.send.channelLegend')} error={errorFor('channel')}>
          {state.options.map((o) => (
            <div className="kern-form-check" key={o.channel}>
              <input
                id={fieldId(`channel-${o.channel}`)}
                type="radio"
                className="kern-form-check__radio"
                name="channel"
                value={o.channel}
                checked={channel === o.channel}
                disabled={!o.allowed}
                aria-describedby={o.reason ? fieldId(`reason-${o.channel}`) : undefined}
                onChange={() => setChannel(o.channel)}
              />
              <label className="kern-label" htmlFor={fieldId(`channel-${o.channel}`)}>
                {t(`letterDelivery.channels.${o.channel}`)}
                {o.allowed ? '' : ` (${t('letterDelivery.send.notAllowed')})`}
              </label>
              {o.reason ? (
                <div className="kern-hint" id={fieldId(`reason-${o.channel}`)}>
                  {o.reason[lang]}
                </div>
              ) : null}
            </div>
          ))}
        </Fieldset>
        {channel === 'post' || channel === 'hand_delivery' ? (
          <div className="lotse-stack">
            <h3 className="kern-title">{t('letterDelivery.send.address')}</h3>
            {address ? (
              <p className="kern-body">
                {address.suffix ? (
                  <>
                    {address.suffix}
                    <br />
                  </>
                ) : null}
                {address.street} {address.houseNumber}
                <br />
                {address.postalCode} {address.city}
              </p>
            ) : (
              <p className="kern-body">{t('letterDelivery.send.noAddress')}</p>
            )}
            {address?.problem ? (
              <Alert
                tone="warning"
                title={t('letterDelivery.send.addressProblem', {
                  delivery: t(`letterDelivery.mailDelivery.${address.facts.mailDelivery}`),
                  mailbox: address.facts.mailboxPresent === false ? t('letterDelivery.send.noMailbox') : '',
                })}
              />
            ) : null}
            {channel === 'hand_delivery' ? <p className="kern-hint">{t('letterDelivery.send.handHint')}</p> : null}
          </div>
        ) : (
          <>
            {consentsFor.length > 1 ? (
              <SelectField
                id={fieldId('communicationConsentId')}
                label={t('letterDelivery.send.consent')}
                error={errorFor('communicationConsentId')}
                value={chosenConsent ?? ''}
                options={consentsFor.map((c) => ({
                  value: c.id,
                  label: c.service ? `${c.address} (${c.service})` : c.address,
                }))}
                onChange={(e) => setConsentId(e.target.value)}
              />
            ) : consentsFor[0] ? (
              <DescriptionList
                items={[
                  {
                    key: 'address',
                    term: t('letterDelivery.send.consent'),
                    value: consentsFor[0].service
                      ? `${consentsFor[0].address} (${consentsFor[0].service})`
                      : consentsFor[0].address,
                  },
                ]}
              />
            ) : null}
            <p className="kern-hint">
              {channel === 'messenger' ? t('letterDelivery.send.messengerHint') : t('letterDelivery.send.emailHint')}
            </p>
          </>
        )}
        <div className="lotse-button-row">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={send.isPending} aria-busy={send.isPending || undefined}>
            {send.isPending
              ? t('common.saving')
              : channel === 'messenger'
                ? t('letterDelivery.send.submitMessenger')
                : t('letterDelivery.send.submit')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

function DeliveryDialog({
  letter,
  state,
  mode,
  onClose,
  onDone,
}: {
  letter: LetterDetail;
  state: LetterDeliveryState;
  mode: DeliveryMode;
  onClose: () => void;
  onDone: (mode: DeliveryMode) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const today = todayIn(new Date());
  const paper = letter.channel === 'post' || letter.channel === 'hand_delivery';
  const proofs = state.proofKinds[letter.channel] ?? [];
  const [occurredOn, setOccurredOn] = useState(today);
  const [proofKind, setProofKind] = useState<ProofKind>(
    mode === 'read' ? 'read_receipt' : (proofs[0] ?? 'confirmation_in_person'),
  );
  const [kind, setKind] = useState<'returned' | 'undeliverable'>(paper ? 'returned' : 'undeliverable');
  const [reason, setReason] = useState<ReturnReason>('no_mailbox');
  const [note, setNote] = useState('');
  const facts = state.address?.facts;
  const [mailboxMissing, setMailboxMissing] = useState(facts?.mailboxPresent === false || reason === 'no_mailbox');
  const [mailDelivery, setMailDelivery] = useState<MailDelivery>(
    suggestedFacts('no_mailbox').mailDelivery ?? facts?.mailDelivery ?? 'unknown',
  );
  const [names, setNames] = useState(facts?.namesOnMailbox ?? '');
  const [accessNotes, setAccessNotes] = useState(facts?.accessNotes ?? '');
  const [confirming, setConfirming] = useState(false);
  const withFacts = mode === 'returned' && paper && Boolean(letter.addressId) && Boolean(facts);

  const onReason = (next: ReturnReason) => {
    setReason(next);
    const suggested = suggestedFacts(next);
    setMailboxMissing(suggested.mailboxPresent === false || facts?.mailboxPresent === false);
    setMailDelivery(suggested.mailDelivery ?? facts?.mailDelivery ?? 'unknown');
  };

  const body = (): LetterDeliveryRequest =>
    mode === 'returned'
      ? {
          kind,
          occurredOn,
          reason,
          note: note.trim() || null,
          ...(withFacts
            ? {
                addressFacts: {
                  mailboxPresent: mailboxMissing ? false : (facts?.mailboxPresent ?? null),
                  mailDelivery,
                  namesOnMailbox: names.trim() || null,
                  accessNotes: accessNotes.trim() || null,
                },
              }
            : {}),
        }
      : { kind: mode, occurredOn, proofKind, note: note.trim() || null };

  const save = useMutation({
    mutationFn: () => letterDeliveryApi.recordDelivery(letter.id, state.version, body()),
    onSuccess: () => onDone(mode),
    onSettled: () => setConfirming(false),
  });
  const { errorFor, summary } = useFieldErrors(save.error, fieldId, t);
  const title =
    mode === 'delivered'
      ? t('letterDelivery.delivery.titleDelivered')
      : mode === 'read'
        ? t('letterDelivery.delivery.titleRead')
        : t('letterDelivery.delivery.titleReturned');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'returned') setConfirming(true);
    else save.mutate();
  };
  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={title} wide dismissable={false}>
      <form onSubmit={onSubmit} noValidate className="lotse-stack">
        <ErrorSummary items={summary} focusKey={save.failureCount} />
        {mode === 'returned' ? (
          <Fieldset id={fieldId('kind')} legend={t('letterDelivery.delivery.kindLegend')} error={errorFor('kind')}>
            {(paper ? (['returned', 'undeliverable'] as const) : (['undeliverable'] as const)).map((k) => (
              <div className="kern-form-check" key={k}>
                <input
                  id={fieldId(`kind-${k}`)}
                  type="radio"
                  className="kern-form-check__radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
                <label className="kern-label" htmlFor={fieldId(`kind-${k}`)}>
                  {k === 'returned'
                    ? t('letterDelivery.delivery.kindReturned')
                    : t('letterDelivery.delivery.kindUndeliverable')}
                </label>
              </div>
            ))}
          </Fieldset>
        ) : null}
        <TextField
          id={fieldId('occurredOn')}
          type="date"
          label={t('letterDelivery.delivery.occurredOn')}
          hint={mode === 'delivered' ? t('letterDelivery.delivery.occurredOnHint') : undefined}
          error={errorFor('occurredOn')}
          value={occurredOn}
          max={today}
          onChange={(e) => setOccurredOn(e.target.value)}
        />
        {mode === 'returned' ? (
          <SelectField
            id={fieldId('reason')}
            label={t('letterDelivery.delivery.reason')}
            error={errorFor('reason')}
            value={reason}
            options={returnReasons.map((r) => ({ value: r, label: t(`letterDelivery.reasons.${r}`) }))}
            onChange={(e) => onReason(e.target.value as ReturnReason)}
          />
        ) : (
          <SelectField
            id={fieldId('proofKind')}
            label={t('letterDelivery.delivery.proofKind')}
            error={errorFor('proofKind')}
            value={proofKind}
            options={proofs.map((p) => ({ value: p, label: t(`letterDelivery.proofKinds.${p}`) }))}
            onChange={(e) => setProofKind(e.target.value as ProofKind)}
          />
        )}
        {withFacts ? (
          <Fieldset
            id={fieldId('addressFacts')}
            legend={t('letterDelivery.delivery.factsLegend')}
            hint={t('letterDelivery.delivery.factsHint')}
            error={errorFor('addressFacts')}
          >
            <Checkbox
              id={fieldId('mailboxMissing')}
              label={t('letterDelivery.delivery.mailboxMissing')}
              checked={mailboxMissing}
              onChange={(e) => setMailboxMissing(e.target.checked)}
            />
            <Checkbox
              id={fieldId('undeliverable')}
              label={t('letterDelivery.delivery.undeliverable')}
              checked={mailDelivery === 'undeliverable'}
              onChange={(e) => setMailDelivery(e.target.checked ? 'undeliverable' : 'unknown')}
            />
            <Checkbox
              id={fieldId('unreliable')}
              label={t('letterDelivery.delivery.unreliable')}
              checked={mailDelivery === 'unreliable'}
              onChange={(e) => setMailDelivery(e.target.checked ? 'unreliable' : 'unknown')}
            />
            <TextField
              id={fieldId('namesOnMailbox')}
              label={t('letterDelivery.delivery.namesOnMailbox')}
              optional
              maxLength={500}
              value={names}
              onChange={(e) => setNames(e.target.value)}
            />
            <TextAreaField
              id={fieldId('accessNotes')}
              label={t('letterDelivery.delivery.accessNotes')}
              optional
              rows={2}
              maxLength={2000}
              value={accessNotes}
              onChange={(e) => setAccessNotes(e.target.value)}
            />
          </Fieldset>
        ) : null}
        <TextAreaField
          id={fieldId('note')}
          label={t('letterDelivery.delivery.note')}
          optional
          error={errorFor('note')}
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="lotse-button-row">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
            {save.isPending ? t('common.saving') : t('letterDelivery.delivery.submit')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('letterDelivery.delivery.confirmTitle')}
        confirmLabel={t('letterDelivery.delivery.confirm')}
        isPending={save.isPending}
        onConfirm={() => save.mutate()}
      >
        {t('letterDelivery.delivery.confirmText')}
      </ConfirmDialog>
    </ModalDialog>
  );
}
