import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { employmentOutcomeKinds, type EmploymentOutcome, type EmploymentOutcomeKind } from '../../../shared/contracts/employment-outcomes';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatCalendarDay, formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../../lib/session';
import { deleteEmploymentOutcome, employmentOutcomesQuery, recordEmploymentOutcome } from './measures-api';

type Field = 'kind' | 'startedOn' | 'endedOn' | 'employer' | 'occupationCode' | 'socialInsurance';
const FORM_ID = 'employment-outcome-form';
const fid = (f: Field) => `${FORM_ID}-${f}`;

/** Work or training taken up by the person (category employment_profile), on the person page. */
export function EmploymentOutcomesSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const mayRead = hasPermission(me.data, 'profile.read');
  const mayWrite = hasPermission(me.data, 'profile.write');
  const result = useQuery({ ...employmentOutcomesQuery(personId), enabled: mayRead, retry: false });
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [toDelete, setToDelete] = useState<EmploymentOutcome | null>(null);
  const remove = useMutation({
    mutationFn: (o: EmploymentOutcome) => deleteEmploymentOutcome(personId, o.id),
    onSuccess: async () => {
      setToDelete(null);
      setNotice({ text: t('measures.outcomes.deleted'), key: Date.now() });
      await qc.invalidateQueries({ queryKey: employmentOutcomesQuery(personId).queryKey });
    },
  });
  // The category may be withheld from the agency (403): then the section is not shown at all.
  if (!mayRead || (result.error instanceof ApiError && result.error.status === 403)) return null;

  const label = (o: EmploymentOutcome) =>
    `${t(`measures.outcomes.kinds.${o.kind}`)} ${formatCalendarDay(o.startedOn)}${o.employer ? `, ${o.employer}` : ''}`;

  return (
    <SectionCard
      id="employment-outcomes"
      title={t('measures.outcomes.title')}
      actions={
        mayWrite && !adding ? (
          <Button variant="secondary" icon="add" onClick={() => setAdding(true)}>
            {t('measures.outcomes.add')}
          </Button>
        ) : null
      }
    >
      <p className="kern-body kern-body--small">{t('measures.outcomes.intro')}</p>
      <SuccessNotice notice={notice} />
      {adding ? (
        <OutcomeForm
          personId={personId}
          onDone={async (saved) => {
            setAdding(false);
            if (saved) {
              setNotice({ text: t('measures.outcomes.saved'), key: Date.now() });
              await qc.invalidateQueries({ queryKey: employmentOutcomesQuery(personId).queryKey });
            }
          }}
        />
      ) : null}
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data && result.data.items.length === 0 ? <p className="kern-body">{t('measures.outcomes.empty')}</p> : null}
      {result.data && result.data.items.length > 0 ? (
        <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
          {result.data.items.map((o) => (
            <li key={o.id} className="kern-card kern-card--hug">
              <div className="kern-card__container">
                <p className="kern-body kern-body--bold">
                  {t(`measures.outcomes.kinds.${o.kind}`)}: {formatCalendarDay(o.startedOn)}
                  {o.endedOn ? ` – ${formatCalendarDay(o.endedOn)}` : ''}
                </p>
                <p className="kern-body">
                  {[
                    o.employer,
                    o.occupationCode ? `KldB ${o.occupationCode}` : null,
                    o.socialInsurance === null
                      ? null
                      : `${t('measures.outcomes.fields.socialInsurance')}: ${o.socialInsurance ? t('measures.outcomes.fields.yes') : t('measures.outcomes.fields.no')}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p className="kern-body kern-body--small">
                  {t('measures.outcomes.recordedBy', { agency: o.recordedBy.agencyName, date: formatDateTime(o.recordedAt) })}
                </p>
                {mayWrite && o.mayDelete ? (
                  <Button variant="tertiary" small icon="delete" onClick={() => setToDelete(o)} aria-label={`${t('measures.outcomes.delete')}: ${label(o)}`}>
                    {t('measures.outcomes.delete')}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        isOpen={toDelete !== null}
        onOpenChange={(open) => {
          if (!open) setToDelete(null);
        }}
        title={t('measures.outcomes.deleteTitle')}
        confirmLabel={t('measures.outcomes.delete')}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        isPending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
      >
        <p className="kern-body">{toDelete ? t('measures.outcomes.deleteText', { label: label(toDelete) }) : null}</p>
      </ConfirmDialog>
    </SectionCard>
  );
}

function OutcomeForm({ personId, onDone }: { personId: string; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ kind: 'work' as EmploymentOutcomeKind, startedOn: '', endedOn: '', employer: '', occupationCode: '', socialInsurance: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const set = (f: Field) => (ev: { target: { value: string } }) => setV((old) => ({ ...old, [f]: ev.target.value }));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setAttempt((n) => n + 1);
    setGeneral(null);
    const e: Partial<Record<Field, string>> = {};
    if (!v.startedOn) e.startedOn = t('measures.outcomes.startRequired');
    if (v.startedOn && v.endedOn && v.endedOn < v.startedOn) e.endedOn = t('measures.endBeforeStart');
    if (v.occupationCode.trim() && !/^\d{1,5}$/.test(v.occupationCode.trim())) e.occupationCode = t('measures.outcomes.codeInvalid');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setPending(true);
    try {
      await recordEmploymentOutcome(personId, {
        kind: v.kind,
        startedOn: v.startedOn,
        endedOn: v.endedOn || null,
        employer: v.employer.trim() || null,
        occupationCode: v.occupationCode.trim() || null,
        socialInsurance: v.socialInsurance === '' ? null : v.socialInsurance === 'true',
      });
      await onDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const server: Partial<Record<Field, string>> = {};
        for (const fe of error.fieldErrors) if (fe.path in v) server[fe.path as Field] = fe.message;
        setErrors(server);
        if (Object.keys(server).length === 0) setGeneral(errorMessage(error, t));
      } else setGeneral(errorMessage(error, t));
    } finally {
      setPending(false);
    }
  }

  const summary: SummaryItem[] = [
    ...(general ? [{ message: general }] : []),
    ...(Object.entries(errors) as [Field, string][]).map(([f, message]) => ({ fieldId: fid(f), message })),
  ];
  return (
    <form id={FORM_ID} className="lotse-stack" noValidate onSubmit={(ev) => void submit(ev)} aria-label={t('measures.outcomes.add')}>
      <ErrorSummary items={summary} focusKey={attempt} />
      <SelectField
        id={fid('kind')}
        label={t('measures.outcomes.fields.kind')}
        value={v.kind}
        options={employmentOutcomeKinds.map((k) => ({ value: k, label: t(`measures.outcomes.kinds.${k}`) }))}
        onChange={set('kind')}
      />
      <div className="lotse-filter__fields">
        <TextField id={fid('startedOn')} type="date" label={t('measures.outcomes.fields.startedOn')} value={v.startedOn} error={errors.startedOn} onChange={set('startedOn')} required />
        <TextField id={fid('endedOn')} type="date" label={t('measures.outcomes.fields.endedOn')} value={v.endedOn} error={errors.endedOn} optional onChange={set('endedOn')} />
      </div>
      <TextField id={fid('employer')} label={t('measures.outcomes.fields.employer')} value={v.employer} error={errors.employer} optional onChange={set('employer')} />
      <TextField
        id={fid('occupationCode')}
        label={t('measures.outcomes.fields.occupationCode')}
        hint={t('measures.outcomes.fields.occupationHint')}
        inputMode="numeric"
        width={4}
        value={v.occupationCode}
        error={errors.occupationCode}
        optional
        onChange={set('occupationCode')}
      />
      <SelectField
        id={fid('socialInsurance')}
        label={t('measures.outcomes.fields.socialInsurance')}
        value={v.socialInsurance}
        options={[
          { value: '', label: t('measures.outcomes.fields.unknown') },
          { value: 'true', label: t('measures.outcomes.fields.yes') },
          { value: 'false', label: t('measures.outcomes.fields.no') },
        ]}
        onChange={set('socialInsurance')}
      />
      <FormActions submitLabel={t('common.save')} pending={pending} onCancel={() => void onDone(false)} />
    </form>
  );
}
