import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LegalHold, LegalHoldSubjectType } from '../../../shared/contracts/retention';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { legalHoldsQuery, retentionApi } from './retention-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ['active', 'released', 'all'] as const;
type Status = (typeof STATUSES)[number];

function PlaceHoldForm({ onPlaced }: { onPlaced: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [subjectType, setSubjectType] = useState<LegalHoldSubjectType>('person');
  const [subjectId, setSubjectId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ subjectId?: string; reason?: string }>({});
  const place = useMutation({
    mutationFn: () => retentionApi.placeHold({ subjectType, subjectId: subjectId.trim(), reason: reason.trim() }),
    onSuccess: async () => {
      setSubjectId('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['legal-holds'] });
      onPlaced();
    },
    onError: (error) => {
      if (isApiError(error, 404) || isApiError(error, 409)) setErrors({ subjectId: errorMessage(error, t) });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!UUID.test(subjectId.trim())) next.subjectId = t('privacy.holds.subjectIdError');
    const r = reason.trim();
    if (r.length < 10 || r.length > 500) next.reason = t('privacy.holds.reasonError');
    setErrors(next);
    if (Object.keys(next).length === 0) place.mutate();
  }

  return (
    <form onSubmit={submit} className="lotse-stack" noValidate>
      <SelectField
        id="hold-subject-type"
        label={t('privacy.holds.subjectType')}
        value={subjectType}
        onChange={(e) => setSubjectType(e.target.value as LegalHoldSubjectType)}
        options={[
          { value: 'person', label: t('privacy.holds.subjectTypes.person') },
          { value: 'case', label: t('privacy.holds.subjectTypes.case') },
        ]}
      />
      <TextField
        id="hold-subject-id"
        label={t('privacy.holds.subjectId')}
        hint={t('privacy.holds.subjectIdHint')}
        error={errors.subjectId}
        value={subjectId}
        onChange={(e) => setSubjectId(e.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      <TextAreaField
        id="hold-reason"
        label={t('privacy.holds.reason')}
        hint={t('privacy.holds.reasonHint')}
        error={errors.reason}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        rows={3}
      />
      {place.error && !errors.subjectId ? <Alert tone="danger" title={errorMessage(place.error, t)} /> : null}
      <div className="lotse-button-row">
        <Button type="submit" variant="primary" icon="check" disabled={place.isPending}>
          {t('privacy.holds.place')}
        </Button>
      </div>
    </form>
  );
}

/** Legal holds: list, place, release (team leads for what their agency sees, the DSB for all). */
export function LegalHoldsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setParams] = useSearchParamUpdate();
  const status: Status = (STATUSES as readonly string[]).includes(search.get('status') ?? '')
    ? (search.get('status') as Status)
    : 'active';
  const holds = useQuery(legalHoldsQuery(status));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [releasing, setReleasing] = useState<LegalHold | null>(null);
  const [releaseNote, setReleaseNote] = useState('');
  const [releaseNoteError, setReleaseNoteError] = useState<string | undefined>();
  const release = useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => retentionApi.releaseHold(id, note),
    onSuccess: async () => {
      setReleasing(null);
      setReleaseNote('');
      await queryClient.invalidateQueries({ queryKey: ['legal-holds'] });
      setNotice((previous) => ({ text: t('privacy.holds.released'), key: (previous?.key ?? 0) + 1 }));
    },
  });
  const subjectText = (h: LegalHold) => `${t(`privacy.holds.subjectTypes.${h.subjectType}`)}: ${h.subjectLabel}`;

  return (
    <>
      <PageHeading title={t('privacy.holds.title')}>{t('privacy.holds.intro')}</PageHeading>
      <SuccessNotice notice={notice} />
      <SectionCard id="hold-place" title={t('privacy.holds.placeTitle')}>
        <PlaceHoldForm
          onPlaced={() => setNotice((previous) => ({ text: t('privacy.holds.placed'), key: (previous?.key ?? 0) + 1 }))}
        />
      </SectionCard>
      <SectionCard id="hold-list" title={t('privacy.holds.listTitle')}>
        <SelectField
          id="hold-status"
          label={t('privacy.holds.status')}
          value={status}
          onChange={(e) => setParams({ status: e.target.value === 'active' ? '' : e.target.value })}
          options={STATUSES.map((s) => ({ value: s, label: t(`privacy.holds.statuses.${s}`) }))}
        />
        {holds.isPending ? <Loading /> : null}
        {holds.error ? <QueryError error={holds.error} onRetry={() => void holds.refetch()} /> : null}
        {holds.data && holds.data.items.length === 0 ? (
          <EmptyState title={t('privacy.holds.empty')} headingLevel={3} />
        ) : null}
        {holds.data && holds.data.items.length > 0 ? (
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small kern-table--striped lotse-table-full">
              <caption className="kern-sr-only">{t('privacy.holds.caption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('privacy.holds.subject')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.holds.reason')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.holds.placedAt')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.holds.releasedAt')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    <span className="kern-sr-only">{t('privacy.holds.release')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {holds.data.items.map((h) => (
                  <tr className="kern-table__row" key={h.id}>
                    <td className="kern-table__cell">{subjectText(h)}</td>
                    <td className="kern-table__cell">{h.reason}</td>
                    <td className="kern-table__cell">
                      {formatDateTime(h.placedAt)}
                      {h.placedBy ? ` ${t('privacy.holds.placedBy')} ${h.placedBy.displayName}` : ''}
                    </td>
                    <td className="kern-table__cell">
                      {h.releasedAt
                        ? `${formatDateTime(h.releasedAt)}${h.releasedBy ? ` ${t('privacy.holds.placedBy')} ${h.releasedBy.displayName}` : ''}`
                        : '–'}
                      {h.releaseNote ? <p className="kern-body kern-body--small">{h.releaseNote}</p> : null}
                    </td>
                    <td className="kern-table__cell">
                      {h.releasedAt ? null : (
                        <Button
                          variant="secondary"
                          small
                          onClick={() => setReleasing(h)}
                          aria-label={t('privacy.holds.releaseFor', { label: subjectText(h) })}
                        >
                          {t('privacy.holds.release')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </SectionCard>
      <ConfirmDialog
        isOpen={releasing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setReleasing(null);
            setReleaseNoteError(undefined);
          }
        }}
        title={t('privacy.holds.releaseTitle')}
        confirmLabel={t('privacy.holds.release')}
        onConfirm={() => {
          if (!releasing) return;
          if (releaseNote.trim().length < 10) {
            setReleaseNoteError(t('privacy.holds.releaseNoteTooShort'));
            document.getElementById('hold-release-note')?.focus();
            return;
          }
          setReleaseNoteError(undefined);
          release.mutate({ id: releasing.id, note: releaseNote.trim() });
        }}
        isPending={release.isPending}
        error={release.error ? errorMessage(release.error, t) : null}
      >
        <p className="kern-body">
          {releasing ? t('privacy.holds.releaseText', { label: subjectText(releasing) }) : null}
        </p>
        <TextAreaField
          id="hold-release-note"
          label={t('privacy.holds.releaseNote')}
          hint={t('privacy.holds.releaseNoteHint')}
          error={releaseNoteError}
          value={releaseNote}
          onChange={(e) => setReleaseNote(e.target.value)}
          maxLength={500}
          rows={3}
        />
      </ConfirmDialog>
    </>
  );
}
