import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Referral, ReferralCriteriaCheck, ReferralTransitionRequest } from '../../../shared/contracts/referrals';
import type { TransitionTarget } from '../../../shared/domain/referrals/referral-machine';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatCalendarDay, formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useFormSummary } from '../../lib/use-form-summary';
import {
  referralCriteriaCheckQuery,
  referralQuery,
  referralsApi,
  referralsChanged,
  rejectionReasonsQuery,
} from './referrals-api';
import { inUiLanguage, ruleErrors } from './referral-format';
import { ReferralStatusBadge } from './referral-status';

const OUTCOME_SIGN = { met: '✓', not_met: '✗', unknown: '?' } as const;

/** The criteria check as a table: ✓ / ✗ / ? per criterion with its explanation. */
function CriteriaTable({ check, caption }: { check: ReferralCriteriaCheck; caption: string }) {
  const { t } = useTranslation();
  if (check.results.length === 0) return <p className="kern-body">{t('referrals.detail.checkEmpty')}</p>;
  return (
    <>
      <p className="kern-body">
        <strong>{t(`referrals.detail.overall.${check.outcome}`)}</strong>
      </p>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--striped lotse-table-full">
          <caption className="kern-body">{caption}</caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('referrals.detail.check')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('referrals.fields.status')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('referrals.detail.noteLabel')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {check.results.map((r, i) => (
              <tr className="kern-table__row" key={i}>
                <td className="kern-table__cell">
                  {inUiLanguage(r.label)}
                  <br />
                  <span className="kern-body kern-body--small">{t(`referrals.detail.sources.${r.source}`)}</span>
                </td>
                <td className="kern-table__cell lotse-nowrap">
                  <span aria-hidden="true">{OUTCOME_SIGN[r.outcome]} </span>
                  {t(`referrals.detail.outcomes.${r.outcome}`)}
                </td>
                <td className="kern-table__cell">{inUiLanguage(r.explanation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type TransitionValues = { reasonCode: string; note: string; date: string; followUpOn: string };
const TRANSITION_FIELDS = ['reasonCode', 'note', 'date', 'followUpOn'] as const;

/** The dialog of one transition with the fields it needs (rejection: reason and text; start: date; drop-out: note). */
function TransitionDialog({
  referral,
  to,
  onClose,
  onDone,
  onStale,
}: {
  referral: Referral;
  to: TransitionTarget;
  onClose: () => void;
  onDone: (r: Referral) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const summary = useFormSummary(`referral-${to}`);
  const reasons = useQuery({ ...rejectionReasonsQuery, enabled: to === 'rejected' });
  const form = useForm<TransitionValues>({
    shouldFocusError: false,
    defaultValues: { reasonCode: '', note: '', date: '', followUpOn: '' },
  });
  const move = useMutation({
    mutationFn: (input: ReferralTransitionRequest) => referralsApi.transition(referral, input),
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((values) => {
    const problems: [keyof TransitionValues, string][] = [];
    if (to === 'rejected' && !values.reasonCode) problems.push(['reasonCode', t('validation.required')]);
    if (to === 'started' && !values.date) problems.push(['date', t('validation.required')]);
    if (to === 'dropped_out' && !values.note.trim()) problems.push(['note', t('validation.required')]);
    if (problems.length) {
      for (const [field, message] of problems) form.setError(field, { type: 'rule', message });
      summary.showFieldErrors(ruleErrors(problems));
      return;
    }
    move.mutate(
      {
        to,
        ...(to === 'rejected' ? { reasonCode: values.reasonCode } : {}),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
        ...(values.date ? { date: values.date } : {}),
        ...(values.followUpOn ? { followUpOn: values.followUpOn } : {}),
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error, 412)) onStale();
          else summary.showServerError(error, form.setError, TRANSITION_FIELDS);
        },
      },
    );
  });
  const title = t(`referrals.detail.transitionTitles.${to}`);
  return (
    <ModalDialog isOpen onOpenChange={(open) => (open ? null : onClose())} title={title} wide dismissable={false}>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className="lotse-stack lotse-dialog-form"
        aria-label={title}
      >
        <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
        {to === 'revoked' ? <p className="kern-body">{t('referrals.detail.revokeText')}</p> : null}
        {to === 'rejected' ? (
          <SelectField
            id={summary.id('reasonCode')}
            label={t('referrals.detail.reason')}
            error={errors.reasonCode?.message}
            options={[
              { value: '', label: t('referrals.detail.chooseReason') },
              ...(reasons.data?.items ?? [])
                .filter((r) => r.active)
                .map((r) => ({ value: r.code, label: inUiLanguage({ de: r.labelDe, en: r.labelEn }) })),
            ]}
            registration={form.register('reasonCode')}
          />
        ) : null}
        {to === 'started' || to === 'completed' || to === 'dropped_out' ? (
          <TextField
            id={summary.id('date')}
            type="date"
            width={4}
            label={to === 'started' ? t('referrals.detail.startDate') : t('referrals.detail.endDate')}
            hint={to === 'started' ? undefined : t('referrals.detail.endDateHint')}
            optional={to !== 'started'}
            error={errors.date?.message}
            registration={form.register('date')}
          />
        ) : null}
        <TextAreaField
          id={summary.id('note')}
          label={to === 'dropped_out' ? t('referrals.detail.dropNote') : t('referrals.detail.noteLabel')}
          optional={to !== 'dropped_out'}
          rows={3}
          error={errors.note?.message}
          registration={form.register('note')}
        />
        {to === 'accepted' || to === 'started' ? (
          <TextField
            id={summary.id('followUpOn')}
            type="date"
            width={4}
            label={t('referrals.detail.newFollowUp')}
            optional
            error={errors.followUpOn?.message}
            registration={form.register('followUpOn')}
          />
        ) : null}
        <FormActions submitLabel={t('referrals.detail.confirm')} pending={move.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}

/** Sending a draft: the ground (consent or transfer in force), then — if criteria fail — a confirmation. */
function SendSection({
  referral,
  check,
  onSent,
  onStale,
}: {
  referral: Referral;
  check: ReferralCriteriaCheck | undefined;
  onSent: (r: Referral, despite: boolean) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const first = referral.groundOptions[0];
  const [ground, setGround] = useState(first ? `${first.kind}:${first.id}` : '');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (despite: boolean) => {
      const [kind, id] = ground.split(':') as ['consent' | 'transfer', string];
      return referralsApi.send(referral, {
        ground: kind === 'consent' ? { kind, consentId: id } : { kind, transferId: id },
        ...(despite ? { sendDespiteFailing: true } : {}),
      });
    },
  });
  const failing = (check?.results ?? []).filter((r) => r.outcome === 'not_met');
  function submit(despite: boolean) {
    setError(null);
    send.mutate(despite, {
      onSuccess: (r) => {
        setConfirming(false);
        onSent(r, despite);
      },
      onError: (e) => {
        if (isApiError(e, 412)) return onStale();
        // Criteria failing on the server (e.g. the profile changed since the check): ask again.
        if (isApiError(e, 409) && e.fieldErrors.some((f) => f.path === 'criteria') && !despite) {
          setConfirming(true);
          return;
        }
        setError(isApiError(e) && e.fieldErrors[0] ? e.fieldErrors[0].message : errorMessage(e, t));
      },
    });
  }
  if (referral.groundOptions.length === 0)
    return <Alert tone="warning" title={t('referrals.detail.noGround', { agency: referral.toAgency.name })} />;
  return (
    <div className="lotse-stack">
      <Fieldset
        id="referral-ground"
        legend={t('referrals.detail.groundLegend')}
        hint={t('referrals.detail.groundHint')}
      >
        {referral.groundOptions.map((g) => {
          const value = `${g.kind}:${g.id}`;
          const id = `referral-ground-${g.id}`;
          return (
            <div className="kern-form-check" key={value}>
              <input
                className="kern-form-check__radio"
                type="radio"
                name="referral-ground"
                id={id}
                value={value}
                checked={ground === value}
                onChange={() => setGround(value)}
              />
              <label className="kern-label" htmlFor={id}>
                {g.kind === 'consent'
                  ? t('referrals.detail.consentOption', {
                      from: formatCalendarDay(g.from),
                      until: formatCalendarDay(g.until),
                      purpose: g.purpose,
                    })
                  : t('referrals.detail.transferOption', {
                      from: formatCalendarDay(g.from),
                      until: formatCalendarDay(g.until),
                      basis: g.legalBasis ?? '',
                      purpose: g.purpose,
                    })}
              </label>
            </div>
          );
        })}
      </Fieldset>
      {error ? <Alert tone="danger" title={error} /> : null}
      <div className="lotse-button-row">
        {failing.length > 0 ? (
          <Button variant="primary" onClick={() => setConfirming(true)} disabled={send.isPending}>
            {t('referrals.detail.sendDespite')}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => submit(false)} disabled={send.isPending}>
            {send.isPending ? t('common.saving') : t('referrals.detail.send')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('referrals.detail.sendDespiteTitle')}
        confirmLabel={t('referrals.detail.sendDespite')}
        onConfirm={() => submit(true)}
        isPending={send.isPending}
        error={error}
      >
        {t('referrals.detail.sendDespiteText', {
          criteria: failing.map((r) => inUiLanguage(r.label)).join('; ') || '–',
        })}
      </ConfirmDialog>
    </div>
  );
}

/** "Vermittlung": details, the criteria check, sending on a ground, the transitions and the history. */
export function ReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const result = useQuery(referralQuery(id));
  const referral = result.data;
  const isDraftSender = !!referral && referral.actions.send;
  const live = useQuery({ ...referralCriteriaCheckQuery(id), enabled: isDraftSender });
  const [dialog, setDialog] = useState<TransitionTarget | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [stale, setStale] = useState(false);

  function changed(r: Referral, text: string) {
    referralsChanged(queryClient, r);
    setStale(false);
    setNotice({ text, key: Date.now() });
  }
  function reloadStale() {
    setDialog(null);
    setStale(true);
    void result.refetch();
  }

  if (result.isPending) return <Loading />;
  if (result.error || !referral)
    return <QueryError error={result.error ?? new Error('not found')} onRetry={() => void result.refetch()} />;

  const title = t('referrals.detail.documentTitle', { agency: referral.toAgency.name });
  return (
    <>
      <PageHeading title={title}>
        <ReferralStatusBadge status={referral.status} />
      </PageHeading>
      <p className="kern-body">
        <Link
          className="kern-link"
          to={`${paths.referrals}?ansicht=${referral.sides.includes('receiver') ? 'eingang' : 'ausgang'}`}
        >
          {t('referrals.detail.back')}
        </Link>
      </p>
      <SuccessNotice notice={notice} />
      {stale ? <Alert tone="warning" title={t('referrals.detail.stale')} /> : null}

      <SectionCard id="referral-details" title={t('referrals.detail.details')}>
        <DescriptionList
          items={[
            {
              key: 'person',
              term: t('referrals.fields.person'),
              value: referral.person ? (
                <Link className="kern-link" to={paths.person(referral.person.id)}>
                  {referral.person.name}
                </Link>
              ) : (
                t('referrals.personHidden')
              ),
            },
            { key: 'from', term: t('referrals.fields.from'), value: referral.fromAgency.name },
            { key: 'to', term: t('referrals.fields.to'), value: referral.toAgency.name },
            {
              key: 'measure',
              term: t('referrals.fields.measure'),
              value: referral.measure?.title ?? t('referrals.noMeasure'),
            },
            { key: 'purpose', term: t('referrals.fields.purpose'), value: referral.purpose },
            ...(referral.note ? [{ key: 'note', term: t('referrals.fields.note'), value: referral.note }] : []),
            {
              key: 'followUp',
              term: t('referrals.fields.followUpOn'),
              value: (
                <>
                  {referral.followUpOn ? formatCalendarDay(referral.followUpOn) : t('referrals.noFollowUp')}
                  {referral.overdue ? (
                    <>
                      {' '}
                      <span className="kern-badge kern-badge--danger">
                        <span className="kern-label">{t('referrals.overdueBadge')}</span>
                      </span>
                    </>
                  ) : null}
                </>
              ),
            },
            ...(referral.sentAt
              ? [{ key: 'sentAt', term: t('referrals.fields.sentAt'), value: formatDateTime(referral.sentAt) }]
              : []),
            ...(referral.rejectionReason
              ? [
                  {
                    key: 'rejection',
                    term: t('referrals.fields.rejection'),
                    value: [inUiLanguage(referral.rejectionReason.label), referral.rejectionNote]
                      .filter(Boolean)
                      .join(' – '),
                  },
                ]
              : []),
            ...(referral.startedOn
              ? [
                  {
                    key: 'started',
                    term: t('referrals.fields.startedOn'),
                    value: formatCalendarDay(referral.startedOn),
                  },
                ]
              : []),
            ...(referral.endedOn
              ? [{ key: 'ended', term: t('referrals.fields.endedOn'), value: formatCalendarDay(referral.endedOn) }]
              : []),
          ]}
        />
        {referral.sentDespiteFailing ? <Alert tone="warning" title={t('referrals.despiteBadge')} /> : null}
      </SectionCard>

      <SectionCard id="referral-check" title={t('referrals.detail.check')}>
        <p className="kern-body">{t('referrals.detail.checkIntro')}</p>
        {referral.criteriaCheck ? (
          <CriteriaTable
            check={referral.criteriaCheck}
            caption={t('referrals.detail.checkStored', { date: formatCalendarDay(referral.criteriaCheck.asOf) })}
          />
        ) : null}
        {isDraftSender && live.isPending ? <Loading /> : null}
        {isDraftSender && live.error ? (
          isApiError(live.error, 403) ? (
            <Alert tone="info" title={t('referrals.detail.checkUnavailable')} />
          ) : (
            <QueryError error={live.error} onRetry={() => void live.refetch()} />
          )
        ) : null}
        {isDraftSender && live.data ? (
          <CriteriaTable
            check={live.data}
            caption={t('referrals.detail.checkLive', { date: formatCalendarDay(live.data.asOf) })}
          />
        ) : null}
      </SectionCard>

      {referral.actions.send || referral.actions.transitions.length > 0 ? (
        <SectionCard id="referral-actions" title={t('referrals.detail.actions')}>
          {referral.actions.send ? (
            <SendSection
              referral={referral}
              check={live.data}
              onStale={reloadStale}
              onSent={(r, despite) =>
                changed(r, despite ? t('referrals.detail.sentDespite') : t('referrals.detail.sent'))
              }
            />
          ) : null}
          {referral.actions.transitions.length > 0 ? (
            <div className="lotse-button-row">
              {referral.actions.transitions.map((to) => (
                <Button
                  key={to}
                  variant={to === 'rejected' || to === 'revoked' || to === 'dropped_out' ? 'secondary' : 'primary'}
                  onClick={() => setDialog(to)}
                >
                  {t(`referrals.detail.transitions.${to}`)}
                </Button>
              ))}
            </div>
          ) : null}
        </SectionCard>
      ) : null}
      {dialog ? (
        <TransitionDialog
          referral={referral}
          to={dialog}
          onClose={() => setDialog(null)}
          onStale={reloadStale}
          onDone={(r) => {
            setDialog(null);
            changed(r, t('referrals.detail.moved', { status: t(`referrals.statuses.${r.status}`) }));
          }}
        />
      ) : null}

      <SectionCard id="referral-history" title={t('referrals.detail.history')}>
        <ol className="lotse-stack" style={{ paddingLeft: '1.25rem' }}>
          {referral.events.map((e) => (
            <li key={e.id} className="kern-body">
              <strong>
                {e.fromStatus
                  ? t('referrals.detail.historyEntry', {
                      from: t(`referrals.statuses.${e.fromStatus}`),
                      to: t(`referrals.statuses.${e.toStatus}`),
                    })
                  : `${t(`referrals.statuses.${e.toStatus}`)} ${t('referrals.detail.created')}`}
              </strong>{' '}
              · {formatDateTime(e.occurredAt)}
              {e.actor ? (
                <> · {t('referrals.detail.by', { name: e.actor.displayName, agency: e.agency?.name ?? '' })}</>
              ) : null}
              {e.note ? (
                <>
                  <br />
                  <span className="kern-body kern-body--small">{e.note}</span>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </SectionCard>
    </>
  );
}
