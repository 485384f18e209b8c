import { useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  appointmentKinds,
  type Appointment,
  type AppointmentKind,
  type AppointmentUpdateRequest,
} from '../../../shared/contracts/case-records';
import type { Case } from '../../../shared/contracts/cases';
import { nextStatuses, type AppointmentStatus } from '../../../shared/domain/cases/appointment-rules';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseAppointmentsQuery, caseRecordsApi, caseRecordsChanged, type AppointmentCreate } from './case-records-api';
import {
  fromLocalInput,
  languageLabel,
  languageOptions,
  problemText,
  StaleNotice,
  toLocalInput,
  useNow,
} from './case-records-format';
import { agencyCaseworkersQuery } from './colleagues-api';

const PAGE_SIZE = 5;
const FIELDS = [
  'kind',
  'title',
  'startsAt',
  'endsAt',
  'location',
  'agencyId',
  'userId',
  'interpreterLanguage',
  'interpreterBooked',
  'interpreterName',
  'interpreterCostCentre',
] as const;

type FormValues = {
  kind: AppointmentKind;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  agencyId: string;
  userId: string;
  interpreterLanguage: string;
  /** 'yes' | 'no' (a select, so that the form compares strings). */
  interpreterBooked: string;
  interpreterName: string;
  interpreterCostCentre: string;
};

/** The next full hour from now, for a new appointment's start. */
function nextHour(): Date {
  const d = new Date();
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() + 1);
  return d;
}

function defaults(appointment: Appointment | null, agencyId: string): FormValues {
  if (appointment) {
    return {
      kind: appointment.kind,
      title: appointment.title,
      startsAt: toLocalInput(appointment.startsAt),
      endsAt: appointment.endsAt ? toLocalInput(appointment.endsAt) : '',
      location: appointment.location ?? '',
      agencyId: appointment.agency.id,
      userId: appointment.user?.id ?? '',
      interpreterLanguage: appointment.interpreterLanguage ?? '',
      interpreterBooked: appointment.interpreterBooked ? 'yes' : 'no',
      interpreterName: appointment.interpreterName ?? '',
      interpreterCostCentre: appointment.interpreterCostCentre ?? '',
    };
  }
  const start = nextHour();
  return {
    kind: 'consultation',
    title: '',
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(new Date(start.getTime() + 60 * 60_000)),
    location: '',
    agencyId,
    userId: '',
    interpreterLanguage: '',
    interpreterBooked: 'no',
    interpreterName: '',
    interpreterCostCentre: '',
  };
}

type FormProps = {
  value: Case;
  appointment: Appointment | null;
  defaultAgencyId: string;
  onSaved: (appointment: Appointment) => void;
  onCancel: () => void;
  onReload: () => void;
};

function AppointmentForm({ value, appointment, defaultAgencyId, onSaved, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary(appointment ? `case-appointment-${appointment.id}` : 'case-appointment-new');
  const [stale, setStale] = useState(false);
  const form = useForm<FormValues>({ shouldFocusError: false, defaultValues: defaults(appointment, defaultAgencyId) });
  const agencyId = useWatch({ control: form.control, name: 'agencyId' });
  const interpreterLanguage = useWatch({ control: form.control, name: 'interpreterLanguage' });
  // The colleagues route may not answer (yet): then the agency as a whole is responsible.
  const colleagues = useQuery({ ...agencyCaseworkersQuery(agencyId), retry: false });
  const teamAgencies = value.team.filter((m) => m.current).map((m) => m.agency);
  const errors = form.formState.errors;
  const save = useMutation({
    mutationFn: (input: AppointmentUpdateRequest) =>
      appointment
        ? caseRecordsApi.updateAppointment(appointment, input)
        : caseRecordsApi.createAppointment(value.id, input as AppointmentCreate),
  });

  const onSubmit = form.handleSubmit((values) => {
    const problems: [keyof FormValues, string][] = [];
    const startsAt = fromLocalInput(values.startsAt);
    const endsAt = values.endsAt ? fromLocalInput(values.endsAt) : null;
    if (values.title.trim() === '') problems.push(['title', t('validation.required')]);
    if (!startsAt) problems.push(['startsAt', values.startsAt ? t('validation.date') : t('validation.required')]);
    if (values.endsAt && !endsAt) problems.push(['endsAt', t('validation.date')]);
    if (startsAt && endsAt && endsAt <= startsAt)
      problems.push(['endsAt', t('caseRecords.appointments.endBeforeStart')]);
    if (problems.length || !startsAt) {
      for (const [field, message] of problems) form.setError(field, { type: 'rule', message });
      summary.showFieldErrors(ruleErrors(problems));
      return;
    }
    const input = {
      kind: values.kind,
      title: values.title.trim(),
      startsAt,
      endsAt,
      location: values.location.trim() === '' ? null : values.location.trim(),
      agencyId: values.agencyId,
      userId: values.userId || null,
      interpreterLanguage: values.interpreterLanguage || null,
      interpreterBooked: values.interpreterBooked === 'yes',
      interpreterName: values.interpreterName.trim() === '' ? null : values.interpreterName.trim(),
      interpreterCostCentre: values.interpreterCostCentre.trim() === '' ? null : values.interpreterCostCentre.trim(),
    };
    let body: typeof input | Partial<typeof input> = input;
    if (appointment) {
      // A change sends only what changed: an untouched start in the past stays as it was (the
      // form shows minutes; resending would move it and run into the "one day back" rule).
      const before = defaults(appointment, defaultAgencyId);
      const keys = Object.keys(before) as (keyof FormValues)[];
      body = Object.fromEntries(keys.filter((k) => values[k].trim() !== before[k].trim()).map((k) => [k, input[k]]));
      if (Object.keys(body).length === 0) {
        onCancel();
        return;
      }
    }
    save.mutate(body, {
      onSuccess: (saved) => {
        summary.clear();
        onSaved(saved);
      },
      onError: (error) => {
        if (isApiError(error, 412)) {
          summary.clear();
          setStale(true);
          return;
        }
        summary.showServerError(error, form.setError, FIELDS);
      },
    });
  }, summary.showFieldErrors);

  const agencyRegistration = form.register('agencyId', {
    onChange: () => form.setValue('userId', ''),
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={appointment ? t('caseRecords.appointments.editTitle') : t('caseRecords.appointments.addTitle')}
    >
      {stale ? <StaleNotice onReload={onReload} /> : null}
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <SelectField
        id={summary.id('kind')}
        label={t('caseRecords.appointments.fields.kind')}
        error={errors.kind?.message}
        options={appointmentKinds.map((k) => ({ value: k, label: t(`caseRecords.appointments.kinds.${k}`) }))}
        registration={form.register('kind')}
      />
      <TextField
        id={summary.id('title')}
        label={t('caseRecords.appointments.fields.title')}
        maxLength={200}
        autoComplete="off"
        error={errors.title?.message}
        registration={form.register('title')}
      />
      <TextField
        id={summary.id('startsAt')}
        label={t('caseRecords.appointments.fields.startsAt')}
        hint={t('caseRecords.appointments.fields.startsAtHint')}
        type="datetime-local"
        error={errors.startsAt?.message}
        registration={form.register('startsAt')}
      />
      <TextField
        id={summary.id('endsAt')}
        label={t('caseRecords.appointments.fields.endsAt')}
        type="datetime-local"
        optional
        error={errors.endsAt?.message}
        registration={form.register('endsAt')}
      />
      <TextField
        id={summary.id('location')}
        label={t('caseRecords.appointments.fields.location')}
        optional
        maxLength={200}
        autoComplete="off"
        error={errors.location?.message}
        registration={form.register('location')}
      />
      <SelectField
        id={summary.id('agencyId')}
        label={t('caseRecords.appointments.fields.agency')}
        hint={t('caseRecords.appointments.fields.agencyHint')}
        error={errors.agencyId?.message}
        options={teamAgencies.map((a) => ({ value: a.id, label: a.name }))}
        registration={agencyRegistration}
      />
      <SelectField
        id={summary.id('userId')}
        label={t('caseRecords.appointments.fields.user')}
        hint={
          colleagues.error
            ? t('caseRecords.appointments.fields.usersUnavailable')
            : t('caseRecords.appointments.fields.userHint')
        }
        optional
        error={errors.userId?.message}
        options={[
          { value: '', label: t('caseRecords.appointments.fields.anyone') },
          ...(colleagues.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName })),
          // A named colleague who is no longer in the list (e.g. deactivated) stays selectable as is.
          ...(appointment?.user &&
          appointment.agency.id === agencyId &&
          !(colleagues.data?.items ?? []).some((u) => u.id === appointment.user?.id)
            ? [{ value: appointment.user.id, label: appointment.user.displayName }]
            : []),
        ]}
        registration={form.register('userId')}
      />
      <SelectField
        id={summary.id('interpreterLanguage')}
        label={t('caseRecords.appointments.fields.interpreterLanguage')}
        hint={t('caseRecords.appointments.fields.interpreterHint')}
        optional
        error={errors.interpreterLanguage?.message}
        options={[
          { value: '', label: t('caseRecords.appointments.fields.noInterpreter') },
          ...languageOptions(),
          ...(appointment?.interpreterLanguage &&
          !languageOptions().some((o) => o.value === appointment.interpreterLanguage)
            ? [{ value: appointment.interpreterLanguage, label: languageLabel(appointment.interpreterLanguage) }]
            : []),
        ]}
        registration={form.register('interpreterLanguage')}
      />
      {interpreterLanguage ? (
        <>
          <SelectField
            id={summary.id('interpreterBooked')}
            label={t('sanctionGuard.interpreter.booked')}
            error={errors.interpreterBooked?.message}
            options={[
              { value: 'no', label: t('sanctionGuard.interpreter.bookedOptions.no') },
              { value: 'yes', label: t('sanctionGuard.interpreter.bookedOptions.yes') },
            ]}
            registration={form.register('interpreterBooked')}
          />
          <TextField
            id={summary.id('interpreterName')}
            label={t('sanctionGuard.interpreter.name')}
            optional
            maxLength={200}
            autoComplete="off"
            error={errors.interpreterName?.message}
            registration={form.register('interpreterName')}
          />
          <TextField
            id={summary.id('interpreterCostCentre')}
            label={t('sanctionGuard.interpreter.costCentre')}
            optional
            maxLength={100}
            autoComplete="off"
            error={errors.interpreterCostCentre?.message}
            registration={form.register('interpreterCostCentre')}
          />
        </>
      ) : null}
      <FormActions
        submitLabel={appointment ? t('common.save') : t('caseRecords.appointments.add')}
        pending={save.isPending}
        disabled={stale}
        onCancel={onCancel}
      />
    </form>
  );
}

const STATUS_TONE: Record<AppointmentStatus, string> = {
  planned: 'info',
  held: 'success',
  missed: 'warning',
  cancelled: 'danger',
};

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${STATUS_TONE[status]}`}>
      <span className="kern-label">{t(`caseRecords.appointments.statuses.${status}`)}</span>
    </span>
  );
}

/** When, what and with whom: the lines an appointment shows here and on "Meine Termine". */
export function AppointmentFacts({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const who = `${appointment.agency.name}${appointment.user ? ` – ${appointment.user.displayName}` : ''}`;
  return (
    <>
      <p className="kern-body kern-body--small">
        <strong>{t(`caseRecords.appointments.kinds.${appointment.kind}`)}</strong> ·{' '}
        {appointment.endsAt
          ? t('caseRecords.appointments.until', {
              start: formatDateTime(appointment.startsAt),
              end: formatDateTime(appointment.endsAt),
            })
          : formatDateTime(appointment.startsAt)}
        {appointment.location ? ` · ${appointment.location}` : ''}
      </p>
      <p className="kern-body kern-body--small">{t('caseRecords.appointments.with', { who })}</p>
      <p className="kern-body">
        <AppointmentStatusBadge status={appointment.status} />{' '}
        {appointment.interpreterLanguage ? (
          <span className="kern-badge kern-badge--info">
            <span className="kern-icon kern-icon--language" aria-hidden="true" />
            <span className="kern-label">
              {t('caseRecords.appointments.interpreter', { language: languageLabel(appointment.interpreterLanguage) })}
            </span>
          </span>
        ) : null}{' '}
        {appointment.interpreterLanguage && !appointment.interpreterBooked && appointment.status === 'planned' ? (
          <span className="kern-badge kern-badge--warning">
            <span className="kern-label">{t('sanctionGuard.interpreter.notBooked')}</span>
          </span>
        ) : null}
        {appointment.interpreterLanguage && appointment.interpreterBooked ? (
          <span className="kern-badge kern-badge--success">
            <span className="kern-label">
              {appointment.interpreterName
                ? t('sanctionGuard.interpreter.bookedBadge', { name: appointment.interpreterName })
                : t('sanctionGuard.interpreter.booked')}
            </span>
          </span>
        ) : null}
      </p>
      {appointment.interpreterCostCentre ? (
        <p className="kern-body kern-body--small">
          {t('sanctionGuard.interpreter.costCentreLine', { costCentre: appointment.interpreterCostCentre })}
        </p>
      ) : null}
    </>
  );
}

/**
 * What another feature adds to an appointment's buttons (composed in src/client/app, e.g. the
 * sanction guard's "Leistungsminderung prüfen" on a missed appointment).
 */
export type AppointmentAction = (props: {
  caseId: string;
  appointment: Appointment;
  onMessage: (message: { text: string; tone: 'success' | 'danger' }) => void;
}) => ReactNode;

type ItemProps = {
  appointment: Appointment;
  canWrite: boolean;
  pending: boolean;
  onEdit: () => void;
  onStatus: (status: AppointmentStatus) => void;
  action: ReactNode;
};

function AppointmentItem({ appointment, canWrite, pending, onEdit, onStatus, action }: ItemProps) {
  const { t } = useTranslation();
  const now = useNow();
  const titleId = `case-appointment-${appointment.id}-title`;
  const started = new Date(appointment.startsAt).getTime() <= now.getTime();
  const statuses = canWrite ? nextStatuses(appointment.status, new Date(appointment.startsAt), now) : [];
  return (
    <li className="lotse-repeat-group" aria-labelledby={titleId}>
      <h4 className="kern-heading-small" id={titleId}>
        {appointment.title}
      </h4>
      <AppointmentFacts appointment={appointment} />
      {canWrite && started && appointment.status === 'planned' ? (
        <p className="kern-body kern-body--small">{t('caseRecords.appointments.statusOpen')}</p>
      ) : null}
      {canWrite ? (
        <div className="lotse-button-row">
          {statuses.map((status) => (
            <Button
              key={status}
              variant="secondary"
              small
              disabled={pending}
              aria-label={t('caseRecords.appointments.setStatusFor', {
                status: t(`caseRecords.appointments.statusActions.${status}`),
                title: appointment.title,
              })}
              onClick={() => onStatus(status)}
            >
              {t(`caseRecords.appointments.statusActions.${status}`)}
            </Button>
          ))}
          {action}
          <Button
            variant="tertiary"
            icon="edit"
            small
            aria-label={t('caseRecords.appointments.editFor', { title: appointment.title })}
            onClick={onEdit}
          >
            {t('common.edit')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function AppointmentList({
  value,
  when,
  canWrite,
  onEdit,
  onMessage,
  appointmentAction,
}: {
  value: Case;
  when: 'upcoming' | 'past';
  canWrite: boolean;
  onEdit: (appointment: Appointment) => void;
  onMessage: (message: { text: string; tone: 'success' | 'danger' }) => void;
  appointmentAction: AppointmentAction | undefined;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const result = useQuery(caseAppointmentsQuery(value.id, when, page, PAGE_SIZE));
  const status = useMutation({
    mutationFn: (input: { appointment: Appointment; status: AppointmentStatus }) =>
      caseRecordsApi.updateAppointment(input.appointment, { status: input.status }),
    onSuccess: (saved) => {
      onMessage({
        text: t('caseRecords.appointments.statusSaved', {
          status: t(`caseRecords.appointments.statuses.${saved.status}`),
        }),
        tone: 'success',
      });
      caseRecordsChanged(queryClient, value.id, 'appointments');
    },
    onError: (error) => {
      onMessage({
        text: isApiError(error, 412) ? t('caseRecords.stale.title') : problemText(error, t),
        tone: 'danger',
      });
      if (isApiError(error, 412) || isApiError(error, 404)) caseRecordsChanged(queryClient, value.id, 'appointments');
    },
  });
  const headingId = `case-appointments-${when}`;
  const items = result.data?.items ?? [];
  return (
    <section className="lotse-stack" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId}>
        {t(`caseRecords.appointments.${when}`)}
      </h3>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data && items.length === 0 ? (
        <p className="kern-body kern-body--muted">
          {when === 'upcoming' ? t('caseRecords.appointments.emptyUpcoming') : t('caseRecords.appointments.emptyPast')}
        </p>
      ) : null}
      {result.data && items.length > 0 ? (
        <>
          <ol
            className="lotse-stack"
            style={{ listStyle: 'none', padding: 0 }}
            aria-label={t(`caseRecords.appointments.${when}Label`)}
            aria-busy={result.isFetching || undefined}
          >
            {items.map((appointment) => (
              <AppointmentItem
                key={appointment.id}
                appointment={appointment}
                canWrite={canWrite}
                pending={status.isPending}
                onEdit={() => onEdit(appointment)}
                onStatus={(s) => status.mutate({ appointment, status: s })}
                action={appointmentAction?.({ caseId: value.id, appointment, onMessage })}
              />
            ))}
          </ol>
          {result.data.page.total > PAGE_SIZE ? <Pagination page={result.data.page} onPageChange={setPage} /> : null}
        </>
      ) : null}
    </section>
  );
}

type Editing = { mode: 'new' } | { mode: 'edit'; appointment: Appointment } | null;

/**
 * The appointments of a case, upcoming and past: schedule one, change it, record whether it took
 * place. Closed cases show them read-only.
 */
export function CaseAppointmentsPanel({
  value,
  appointmentAction,
}: {
  value: Case;
  appointmentAction?: AppointmentAction | undefined;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'danger'; key: number } | null>(null);
  const closed = value.phase === 'closure';
  const canWrite = hasPermission(me, 'case.write') && !closed;
  const onTeam = value.team.some((m) => m.current && m.agency.id === me?.agency.id);
  const defaultAgencyId = onTeam && me ? me.agency.id : value.lead.agency.id;
  const show = (m: { text: string; tone: 'success' | 'danger' }) => setMessage({ ...m, key: Date.now() });

  const reload = async () => {
    if (editing?.mode !== 'edit') return;
    await queryClient.invalidateQueries({ queryKey: ['cases', 'appointments', value.id] });
    const lists = await Promise.all(
      (['upcoming', 'past'] as const).map((when) =>
        queryClient.fetchQuery({ ...caseAppointmentsQuery(value.id, when, 1, 100), staleTime: 0 }),
      ),
    );
    const current = lists.flatMap((l) => l.items).find((a) => a.id === editing.appointment.id);
    setEditing(current ? { mode: 'edit', appointment: current } : null);
  };

  return (
    <SectionCard
      id="case-appointments"
      title={t('caseRecords.appointments.title')}
      actions={
        canWrite ? (
          <Button
            variant="secondary"
            icon="add"
            small
            onClick={() => {
              setMessage(null);
              setEditing({ mode: 'new' });
            }}
          >
            {t('caseRecords.appointments.add')}
          </Button>
        ) : null
      }
    >
      <div role="status">
        {message && message.tone === 'success' ? (
          <Alert key={message.key} tone="success" title={message.text} role="none" />
        ) : null}
      </div>
      {message && message.tone === 'danger' ? (
        <Alert key={message.key} tone="danger" title={message.text} role="alert" />
      ) : null}
      {closed ? <p className="kern-body kern-body--small">{t('caseRecords.appointments.closedHint')}</p> : null}
      <AppointmentList
        value={value}
        when="upcoming"
        canWrite={canWrite}
        onEdit={(appointment) => {
          setMessage(null);
          setEditing({ mode: 'edit', appointment });
        }}
        onMessage={show}
        appointmentAction={canWrite ? appointmentAction : undefined}
      />
      <AppointmentList
        value={value}
        when="past"
        canWrite={canWrite}
        onEdit={(appointment) => {
          setMessage(null);
          setEditing({ mode: 'edit', appointment });
        }}
        onMessage={show}
        appointmentAction={canWrite ? appointmentAction : undefined}
      />
      <ModalDialog
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={
          editing?.mode === 'edit' ? t('caseRecords.appointments.editTitle') : t('caseRecords.appointments.addTitle')
        }
        wide
        dismissable={false}
      >
        <AppointmentForm
          key={editing?.mode === 'edit' ? `${editing.appointment.id}-${editing.appointment.version}` : 'new'}
          value={value}
          appointment={editing?.mode === 'edit' ? editing.appointment : null}
          defaultAgencyId={defaultAgencyId}
          onCancel={() => setEditing(null)}
          onReload={() => void reload()}
          onSaved={(saved) => {
            show({
              text:
                editing?.mode === 'edit' ? t('caseRecords.appointments.saved') : t('caseRecords.appointments.created'),
              tone: 'success',
            });
            setEditing(null);
            caseRecordsChanged(queryClient, saved.caseId, 'appointments');
          }}
        />
      </ModalDialog>
    </SectionCard>
  );
}
