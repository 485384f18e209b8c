import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CONFERENCE_TITLE_MAX, type ConferenceStatus } from '../../../shared/contracts/case-conferences';
import type { Case } from '../../../shared/contracts/cases';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { Checkbox, Fieldset, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseConferencesApi, caseConferencesQuery, conferenceChanged } from './case-conferences-api';

const statusTone: Record<ConferenceStatus, string> = { planned: 'info', held: 'success', cancelled: 'warning' };

/** The status of a conference as a KERN badge. */
export function ConferenceStatusBadge({ status }: { status: ConferenceStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${statusTone[status]}`}>
      <span className="kern-label">{t(`caseConferences.statuses.${status}`)}</span>
    </span>
  );
}

/** 'YYYY-MM-DDTHH:mm' of a datetime-local input (the browser's zone) as an ISO instant; null when invalid. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant as the value of a datetime-local input in the browser's zone. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type ScheduleValues = { title: string; scheduledAt: string; location: string; agencyIds: string[] };
const SCHEDULE_FIELDS = ['title', 'scheduledAt', 'location', 'agencyIds'] as const;

function ScheduleForm({ value, onCancel }: { value: Case; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const summary = useFormSummary('conference-create');
  const team = value.team.filter((m) => m.current);
  const form = useForm<ScheduleValues>({
    shouldFocusError: false,
    defaultValues: { title: '', scheduledAt: '', location: '', agencyIds: team.map((m) => m.agency.id) },
  });
  const create = useMutation({
    mutationFn: (values: ScheduleValues) =>
      caseConferencesApi.create(value.id, {
        title: values.title.trim(),
        scheduledAt: localInputToIso(values.scheduledAt)!,
        location: values.location.trim() || null,
        // The own agency takes part by name (the colleague who schedules); the others as agencies.
        participants: values.agencyIds.map((agencyId) => ({
          kind: 'agency' as const,
          agencyId,
          userId: me && agencyId === me.agency.id ? me.user.id : null,
        })),
        agenda: [],
      }),
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((values) => {
    const problems: [keyof ScheduleValues, string][] = [];
    if (!values.title.trim()) problems.push(['title', t('validation.required')]);
    if (!values.scheduledAt) problems.push(['scheduledAt', t('validation.required')]);
    else if (!localInputToIso(values.scheduledAt)) problems.push(['scheduledAt', t('validation.date')]);
    if (problems.length) {
      for (const [field, message] of problems) form.setError(field, { type: 'rule', message });
      summary.showFieldErrors(ruleErrors(problems));
      return;
    }
    create.mutate(values, {
      onSuccess: (created) => {
        conferenceChanged(queryClient, created);
        void navigate(paths.caseConference(value.id, created.id), { state: { created: true } });
      },
      onError: (error) => summary.showServerError(error, form.setError, SCHEDULE_FIELDS),
    });
  });
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('caseConferences.create.title')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('title')}
        label={t('caseConferences.fields.title')}
        hint={t('caseConferences.hints.title')}
        maxLength={CONFERENCE_TITLE_MAX}
        autoComplete="off"
        error={errors.title?.message}
        registration={form.register('title')}
      />
      <TextField
        id={summary.id('scheduledAt')}
        type="datetime-local"
        label={t('caseConferences.fields.scheduledAt')}
        hint={t('caseConferences.hints.scheduledAt')}
        error={errors.scheduledAt?.message}
        registration={form.register('scheduledAt')}
      />
      <TextField
        id={summary.id('location')}
        label={t('caseConferences.fields.location')}
        optional
        autoComplete="off"
        error={errors.location?.message}
        registration={form.register('location')}
      />
      <Fieldset
        id={summary.id('agencyIds')}
        legend={t('caseConferences.create.teamAgencies')}
        hint={t('caseConferences.create.teamAgenciesHint')}
      >
        {team.map((m) => (
          <Checkbox
            key={m.id}
            id={`conference-create-agency-${m.agency.id}`}
            label={m.agency.name}
            value={m.agency.id}
            registration={form.register('agencyIds')}
          />
        ))}
      </Fieldset>
      <FormActions submitLabel={t('caseConferences.create.submit')} pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}

/** The case conferences of a case, the latest first; any team agency schedules one. */
export function CaseConferencesPanel({ value }: { value: Case }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [scheduling, setScheduling] = useState(false);
  const list = useQuery(caseConferencesQuery(value.id));
  const canSchedule = hasPermission(me, 'case.write') && value.phase !== 'closure';
  const items = list.data?.items ?? [];
  return (
    <SectionCard
      id="case-conferences"
      title={t('caseConferences.panel.title')}
      actions={
        canSchedule ? (
          <Button variant="secondary" icon="add" small onClick={() => setScheduling(true)}>
            {t('caseConferences.panel.schedule')}
          </Button>
        ) : null
      }
    >
      {list.isPending ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState title={t('caseConferences.panel.emptyTitle')}>{t('caseConferences.panel.emptyText')}</EmptyState>
      ) : null}
      {items.length ? (
        <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('caseConferences.panel.listLabel')}>
          {items.map((c) => (
            <li key={c.id}>
              <span className="kern-body">{formatDateTime(c.scheduledAt)}</span>{' '}
              <ConferenceStatusBadge status={c.status} />
              <br />
              <Link className="kern-link" to={paths.caseConference(value.id, c.id)}>
                {c.title}
              </Link>
              <br />
              <span className="kern-body kern-body--small">
                {[
                  c.location,
                  t('caseConferences.panel.organiser', { name: c.organiserAgency.name }),
                  t('caseConferences.panel.counts', { participants: c.participantCount, decisions: c.decisionCount }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ModalDialog
        isOpen={scheduling}
        onOpenChange={setScheduling}
        title={t('caseConferences.create.title')}
        wide
        dismissable={false}
      >
        <ScheduleForm value={value} onCancel={() => setScheduling(false)} />
      </ModalDialog>
    </SectionCard>
  );
}
