import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverUpdate, LegalHandover } from '../../../shared/contracts/legal-handovers';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { Checkbox, Fieldset, SelectField, TextAreaField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { hasPermission, useMe } from '../../lib/session';
import { formatIsoDate } from './people-format';
import { ownerCandidatesQuery, personHandoversQuery, updateHandover } from './handover-api';

/** The server's field messages when there are any (they say what to fix), else the general message. */
export function handoverErrorText(error: unknown, t: Parameters<typeof errorMessage>[1]): string {
  if (error instanceof ApiError && error.fieldErrors.length > 0)
    return error.fieldErrors.map((e) => e.message).join(' ');
  return errorMessage(error, t);
}

export function TransitionText({ handover }: { handover: LegalHandover }) {
  const { t } = useTranslation();
  return (
    <>
      {t('handover.transition', {
        from: t(`legal.benefitSystems.${handover.fromBenefitSystem}`),
        to: t(`legal.benefitSystems.${handover.toBenefitSystem}`),
      })}
    </>
  );
}

export function OverdueBadge({ handover }: { handover: LegalHandover }) {
  const { t } = useTranslation();
  if (!handover.overdue) return null;
  return (
    <>
      {' '}
      <span className="kern-badge kern-badge--danger">
        <span className="kern-label">{t('handover.overdue')}</span>
      </span>
    </>
  );
}

function OpenHandover({ handover, canWrite }: { handover: LegalHandover; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const mayChooseOwner = canWrite && hasPermission(me, 'case.write') && !!me;
  const candidates = useQuery({ ...ownerCandidatesQuery(me?.agency.id ?? ''), enabled: mayChooseOwner });
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: (body: HandoverUpdate) => updateHandover(handover.id, handover.version, body),
    onSuccess: async () => {
      setCancelOpen(false);
      await queryClient.invalidateQueries({
        queryKey: ['people', 'residence-documents', handover.personId, 'handovers'],
      });
      await queryClient.invalidateQueries({ queryKey: ['legal-handovers'] });
    },
  });
  const allDone = handover.checklist.every((c) => c.done);
  const idBase = `handover-${handover.id}`;

  return (
    <div className="lotse-handover">
      <h4 className="kern-heading-small">
        <TransitionText handover={handover} />
        <OverdueBadge handover={handover} />
      </h4>
      <DescriptionList
        items={[
          {
            key: 'agencies',
            term: t('handover.fields.agencies'),
            value: `${t(`legal.agencies.${handover.fromAgencyKind}`)} → ${t(`legal.agencies.${handover.toAgencyKind}`)}`,
          },
          { key: 'effective', term: t('handover.fields.effectiveOn'), value: formatIsoDate(handover.effectiveOn) },
          { key: 'due', term: t('handover.fields.dueOn'), value: formatIsoDate(handover.dueOn) },
          {
            key: 'owner',
            term: t('handover.fields.owner'),
            value: handover.owner?.displayName ?? t('handover.fields.noOwner'),
          },
        ]}
      />
      {mayChooseOwner && candidates.data ? (
        <SelectField
          id={`${idBase}-owner`}
          label={t('handover.ownerLabel')}
          value={handover.owner?.id ?? ''}
          disabled={mutation.isPending}
          options={[
            { value: '', label: t('handover.ownerNone') },
            ...candidates.data.items.map((c) => ({
              value: c.id,
              label: c.team ? `${c.displayName} (${c.team})` : c.displayName,
            })),
          ]}
          onChange={(event) => mutation.mutate({ ownerUserId: event.target.value === '' ? null : event.target.value })}
        />
      ) : null}
      <Fieldset legend={t('handover.fields.checklist')} id={`${idBase}-checklist`}>
        {handover.checklist.map((item) => (
          <div key={item.key}>
            <Checkbox
              id={`${idBase}-${item.key}`}
              label={t(`handover.items.${item.key}`)}
              checked={item.done}
              disabled={!canWrite || mutation.isPending}
              onChange={(event) => mutation.mutate({ checklist: [{ key: item.key, done: event.target.checked }] })}
            />
            {item.done && item.doneBy && item.doneAt ? (
              <p className="kern-body kern-body--small lotse-handover__done">
                {t('handover.fields.doneBy', {
                  name: item.doneBy.displayName,
                  date: formatIsoDate(item.doneAt.slice(0, 10)),
                })}
              </p>
            ) : null}
          </div>
        ))}
      </Fieldset>
      {mutation.error && !cancelOpen ? <Alert tone="danger" title={handoverErrorText(mutation.error, t)} /> : null}
      {canWrite ? (
        <div className="lotse-button-row">
          <Button
            onClick={() => mutation.mutate({ status: 'done' })}
            disabled={!allDone || mutation.isPending}
            aria-describedby={allDone ? undefined : `${idBase}-complete-hint`}
          >
            {t('handover.complete')}
          </Button>{' '}
          <Button variant="secondary" onClick={() => setCancelOpen(true)} disabled={mutation.isPending}>
            {t('handover.cancel')}
          </Button>
          {allDone ? null : (
            <p className="kern-hint" id={`${idBase}-complete-hint`}>
              {t('handover.completeHint')}
            </p>
          )}
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={cancelOpen}
        onOpenChange={(open) => {
          setCancelOpen(open);
          if (!open) mutation.reset();
        }}
        title={t('handover.cancelTitle')}
        confirmLabel={t('handover.cancelConfirm')}
        isPending={mutation.isPending}
        error={mutation.error ? handoverErrorText(mutation.error, t) : null}
        onConfirm={() => {
          if (reason.trim() === '') {
            setReasonError(t('handover.cancelReasonMissing'));
            return;
          }
          setReasonError(undefined);
          mutation.mutate({ status: 'cancelled', cancelReason: reason.trim() });
        }}
      >
        <p>{t('handover.cancelText')}</p>
        <TextAreaField
          id={`${idBase}-reason`}
          label={t('handover.cancelReason')}
          value={reason}
          maxLength={500}
          error={reasonError}
          onChange={(event) => setReason(event.target.value)}
        />
      </ConfirmDialog>
    </div>
  );
}

/**
 * The "Rechtskreiswechsel" part of the Rechtskreis panel: the open handover with its checklist,
 * owner and dates, and the earlier ones in one line each.
 */
export function PersonHandoverSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const canWrite = hasPermission(me, 'person.write');
  const query = useQuery(personHandoversQuery(personId));
  const items = query.data?.items ?? [];
  const open = items.filter((h) => h.status === 'open');
  const closed = items.filter((h) => h.status !== 'open');

  return (
    <section aria-labelledby="person-handover-title">
      <h3 className="kern-heading-small" id="person-handover-title">
        {t('handover.section.title')}
      </h3>
      <p className="kern-body">{t('handover.section.intro')}</p>
      {query.isPending ? <Loading /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && open.length === 0 ? <p className="kern-body">{t('handover.section.none')}</p> : null}
      {open.map((h) => (
        <OpenHandover key={h.id} handover={h} canWrite={canWrite} />
      ))}
      {closed.length > 0 ? (
        <>
          <h4 className="kern-heading-small">{t('handover.section.closedTitle')}</h4>
          <ul className="kern-list">
            {closed.map((h) => (
              <li key={h.id}>
                {t('handover.section.closedItem', {
                  from: t(`legal.benefitSystems.${h.fromBenefitSystem}`),
                  to: t(`legal.benefitSystems.${h.toBenefitSystem}`),
                  status: t(`handover.status.${h.status}`),
                  date: formatIsoDate(h.closedAt?.slice(0, 10)),
                })}
                {h.cancelReason ? ` – ${h.cancelReason}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
