import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../shared/contracts/consent';
import type { Person } from '../../../shared/contracts/people';
import { todayIn } from '../../../shared/domain/calendar-date';
import { dataCategoryLabels } from '../../../shared/domain/data-protection/data-categories';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { TextAreaField, TextField } from '../../components/ui/form-field';
import { formatDateTime } from '../../lib/format';
import { errorMessage, isApiError } from '../../lib/errors';
import { currentLanguage } from '../../lib/i18n';
import { hasPermission, useMe } from '../../lib/session';
import { consentApi, evidenceUrl, invalidateConsents, personConsentsQuery, uploadConsentScan } from './consent-api';
import { fieldOf, formatDay } from './consent-format';
import { ConsentRecordDialog } from './consent-record-dialog';

const statusTone: Record<Consent['status'], string> = {
  in_force: 'success',
  awaiting_evidence: 'warning',
  expired: 'info',
  withdrawn: 'danger',
  not_yet_valid: 'info',
};

/**
 * The person's consents (issue 5): overview with status, capture, the signed scan, withdrawal.
 * Who sees which consents and what of them is decided by the server (consent.presenter.ts).
 */
export function PersonConsentsPanel({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const mayWrite = canWrite && hasPermission(me, 'consent.write');
  const consents = useQuery({ ...personConsentsQuery(person.id), enabled: hasPermission(me, 'consent.read') });
  const [recording, setRecording] = useState(false);
  const [withdrawingId, setWithdrawingId] = useState<string | null>(null);
  const [uploadingId, setUploadingId] = useState<string | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  if (!hasPermission(me, 'consent.read')) return null;
  const items = consents.data?.items ?? [];
  const withdrawing = items.find((c) => c.id === withdrawingId) ?? null;
  const uploading = items.find((c) => c.id === uploadingId) ?? null;

  const refresh = () => {
    invalidateConsents(queryClient, person.id);
    // Who sees the person may have changed; the person page itself shows the caller's own access.
    void queryClient.invalidateQueries({ queryKey: ['people', 'detail', person.id] });
  };

  return (
    <SectionCard
      id="consents"
      title={t('consent.title')}
      actions={
        mayWrite && consents.data?.canRecord ? (
          <Button
            variant="secondary"
            icon="add"
            small
            onClick={() => {
              setMessage(null);
              setWarning(null);
              setRecording(true);
            }}
          >
            {t('consent.record')}
          </Button>
        ) : null
      }
    >
      <p className="kern-body">{t('consent.intro')}</p>
      <SuccessNotice notice={message} />
      {warning ? <Alert tone="warning" title={warning} /> : null}
      {consents.data?.view === 'naming_own_agency' ? <Alert tone="info" title={t('consent.onlyNaming')} /> : null}
      {consents.isPending ? <Loading /> : null}
      {consents.error ? <QueryError error={consents.error} onRetry={() => void consents.refetch()} /> : null}
      {consents.data && items.length === 0 ? (
        <EmptyState title={t('consent.emptyTitle')}>{t('consent.emptyText')}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul className="lotse-stack" aria-label={t('consent.listLabel')} style={{ listStyle: 'none', padding: 0 }}>
          {items.map((consent) => (
            <ConsentItem
              key={consent.id}
              consent={consent}
              onWithdraw={() => {
                setMessage(null);
                setWithdrawingId(consent.id);
              }}
              onUpload={() => {
                setMessage(null);
                setUploadingId(consent.id);
              }}
            />
          ))}
        </ul>
      ) : null}

      <ConsentRecordDialog
        isOpen={recording}
        onOpenChange={setRecording}
        person={person}
        onRecorded={(consent, scanError) => {
          setRecording(false);
          setMessage({
            text: consent.status === 'awaiting_evidence' ? t('consent.form.savedAwaiting') : t('consent.form.saved'),
            key: Date.now(),
          });
          setWarning(scanError ? t('consent.form.scanFailed', { message: scanError }) : null);
          refresh();
        }}
      />
      {withdrawing ? (
        <WithdrawDialog
          consent={withdrawing}
          onClose={() => setWithdrawingId(null)}
          onDone={() => {
            setWithdrawingId(null);
            setMessage({ text: t('consent.withdraw.done'), key: Date.now() });
            refresh();
          }}
        />
      ) : null}
      {uploading ? (
        <ScanDialog
          consent={uploading}
          onClose={() => setUploadingId(null)}
          onDone={() => {
            setUploadingId(null);
            setMessage({ text: t('consent.scan.done'), key: Date.now() });
            refresh();
          }}
        />
      ) : null}
    </SectionCard>
  );
}

function ConsentItem({
  consent,
  onWithdraw,
  onUpload,
}: {
  consent: Consent;
  onWithdraw: () => void;
  onUpload: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const headingId = useId();
  const recipients = consent.recipients.map((r) => r.name).join(', ');
  const others =
    consent.otherRecipientCount > 0
      ? ` ${t('consent.fields.otherRecipients', { count: consent.otherRecipientCount })}`
      : '';
  const evidence =
    consent.evidenceKind === 'in_person'
      ? [t('consent.evidence.in_person'), consent.evidenceNote].filter(Boolean).join(': ')
      : consent.hasEvidence
        ? t('consent.evidence.scanPresent')
        : t('consent.evidence.scanMissing');
  const recorded = consent.recordedBy
    ? t('consent.fields.recordedByValue', {
        user: consent.recordedBy.displayName,
        agency: consent.recordedByAgency.name,
        date: formatDateTime(consent.recordedAt),
      })
    : t('consent.fields.recordedValue', {
        agency: consent.recordedByAgency.name,
        date: formatDateTime(consent.recordedAt),
      });
  const rows = [
    {
      key: 'categories',
      term: t('consent.fields.categories'),
      value: consent.categories.map((c) => dataCategoryLabels[c][lang]).join(', '),
    },
    { key: 'recipients', term: t('consent.fields.recipients'), value: `${recipients}${others}` },
    { key: 'purpose', term: t('consent.fields.purpose'), value: consent.purpose },
    {
      key: 'validity',
      term: t('consent.fields.validity'),
      value: t('consent.fields.validityValue', { from: formatDay(consent.givenOn), to: formatDay(consent.expiresOn) }),
    },
    {
      key: 'text',
      term: t('consent.fields.text'),
      value: t('consent.fields.textValue', {
        version: consent.textVersion,
        language: t(`consent.languages.${consent.textLanguage}`),
      }),
    },
    { key: 'evidence', term: t('consent.fields.evidence'), value: evidence },
    { key: 'recorded', term: t('consent.fields.recorded'), value: recorded },
    ...(consent.withdrawnOn
      ? [
          {
            key: 'withdrawn',
            term: t('consent.fields.withdrawn'),
            value: [
              t('consent.fields.withdrawnValue', { date: formatDay(consent.withdrawnOn) }),
              consent.withdrawalNote,
            ]
              .filter(Boolean)
              .join(' – '),
          },
        ]
      : []),
  ];
  return (
    <li className="kern-card kern-card--hug" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <header className="kern-card__header lotse-section-card__header">
          <h3 className="kern-title" id={headingId}>
            {t('consent.itemTitle', { date: formatDay(consent.givenOn) })}{' '}
            <span className={`kern-badge kern-badge--${statusTone[consent.status]}`}>
              <span className="kern-label kern-label--small">{t(`consent.status.${consent.status}`)}</span>
            </span>
          </h3>
        </header>
        <div className="kern-card__body lotse-stack">
          <DescriptionList items={rows} />
          {consent.actions.withdraw || consent.actions.uploadEvidence || consent.actions.downloadEvidence ? (
            <div className="lotse-button-row">
              {consent.actions.uploadEvidence ? (
                <Button variant="secondary" small icon="add" onClick={onUpload}>
                  {t('consent.actions.uploadScan')}
                </Button>
              ) : null}
              {consent.actions.downloadEvidence ? (
                <a className="kern-link" href={evidenceUrl(consent.id)} download>
                  <span className="kern-icon kern-icon--download" aria-hidden="true" />
                  {t('consent.actions.downloadScan')}
                </a>
              ) : null}
              {consent.actions.withdraw ? (
                <Button variant="tertiary" small icon="close" onClick={onWithdraw}>
                  {t('consent.actions.withdraw')}
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function WithdrawDialog({ consent, onClose, onDone }: { consent: Consent; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const today = todayIn(new Date());
  const [note, setNote] = useState('');
  const [withdrawnOn, setWithdrawnOn] = useState(today);
  const withdraw = useMutation({
    mutationFn: () => consentApi.withdraw(consent.id, { note, withdrawnOn }),
    onSuccess: onDone,
  });
  const errors = isApiError(withdraw.error) ? withdraw.error.fieldErrors : [];
  const errorFor = (name: string) =>
    errors
      .filter((e) => fieldOf(e.path) === name)
      .map((e) => e.message)
      .join(' ') || undefined;
  const general =
    withdraw.error && !errorFor('note') && !errorFor('withdrawnOn') ? errorMessage(withdraw.error, t) : null;
  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('consent.withdraw.title')}
      confirmLabel={t('consent.withdraw.confirm')}
      onConfirm={() => withdraw.mutate()}
      isPending={withdraw.isPending}
      error={general}
    >
      <p>{t('consent.withdraw.text')}</p>
      <TextField
        id={`${id}-withdrawnOn`}
        type="date"
        label={t('consent.withdraw.withdrawnOn')}
        hint={t('consent.withdraw.withdrawnOnHint')}
        error={errorFor('withdrawnOn')}
        value={withdrawnOn}
        max={today}
        min={consent.givenOn}
        onChange={(e) => setWithdrawnOn(e.target.value)}
      />
      <TextAreaField
        id={`${id}-note`}
        label={t('consent.withdraw.note')}
        hint={t('consent.withdraw.noteHint')}
        error={errorFor('note')}
        rows={3}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </ConfirmDialog>
  );
}

function ScanDialog({ consent, onClose, onDone }: { consent: Consent; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const csrf = useMe().data?.session.csrfToken ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadConsentScan(consent.id, chosen, csrf),
    onSuccess: onDone,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file);
  };
  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={t('consent.scan.title')} dismissable={false}>
      <form onSubmit={onSubmit} noValidate className="lotse-stack">
        <TextField
          id={`${id}-file`}
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/tiff"
          label={t('consent.scan.file')}
          hint={t('consent.scan.hint')}
          error={
            missing && !file ? t('consent.scan.missingFile') : upload.error ? errorMessage(upload.error, t) : undefined
          }
          onChange={(e) => {
            upload.reset();
            setFile(e.target.files?.[0] ?? null);
          }}
        />
        <div className="lotse-button-row">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={upload.isPending} aria-busy={upload.isPending || undefined}>
            {upload.isPending ? t('consent.scan.uploading') : t('consent.scan.upload')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
