import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useWatch, type UseFormRegisterReturn } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AGENDA_ITEM_MAX,
  AGENDA_MAX,
  CONFERENCE_TITLE_MAX,
  DECISION_TEXT_MAX,
  DECISIONS_MAX,
  decisionTaskTitle,
  MINUTES_MAX,
  PARTICIPANTS_MAX,
  type Conference,
  type ConferenceSaveRequest,
} from '../../../shared/contracts/case-conferences';
import type { Case } from '../../../shared/contracts/cases';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { SectionCard } from '../../components/ui/section-card';
import { isApiError } from '../../lib/errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseConferencesApi, conferenceChanged } from './case-conferences-api';
import { isoToLocalInput, localInputToIso } from './case-conferences-panel';
import { teamAgenciesQuery } from './cases-api';
import { agencyCaseworkersQuery } from './colleagues-api';
import { formatDay, problemText } from './task-format';

type ParticipantValue = {
  kind: 'agency' | 'external';
  agencyId: string;
  userId: string;
  name: string;
  role: string;
  attended: boolean;
};
type DecisionValue = { text: string; responsibleAgencyId: string; responsibleUserId: string; dueDate: string };
type Values = {
  title: string;
  scheduledAt: string;
  location: string;
  participants: ParticipantValue[];
  agenda: { text: string }[];
  minutes: string;
  decisions: DecisionValue[];
};
const FIELDS = ['title', 'scheduledAt', 'location', 'participants', 'agenda', 'minutes', 'decisions'] as const;

function valuesOf(c: Conference): Values {
  return {
    title: c.title,
    scheduledAt: isoToLocalInput(c.scheduledAt),
    location: c.location ?? '',
    participants: c.participants.map((p) => ({
      kind: p.kind,
      agencyId: p.agency?.id ?? '',
      userId: p.user?.id ?? '',
      name: p.name ?? '',
      role: p.role ?? '',
      attended: p.attended === true,
    })),
    agenda: c.agenda.map((text) => ({ text })),
    minutes: c.minutes ?? '',
    decisions: c.decisions.map((d) => ({
      text: d.text,
      responsibleAgencyId: d.responsibleAgency.id,
      responsibleUserId: d.responsibleUser?.id ?? '',
      dueDate: d.dueDate ?? '',
    })),
  };
}

function requestOf(values: Values): ConferenceSaveRequest {
  return {
    title: values.title.trim(),
    scheduledAt: localInputToIso(values.scheduledAt) ?? values.scheduledAt,
    location: values.location.trim() || null,
    participants: values.participants.map((p) =>
      p.kind === 'agency'
        ? { kind: 'agency', agencyId: p.agencyId, userId: p.userId || null, attended: p.attended }
        : { kind: 'external', name: p.name.trim(), role: p.role.trim(), attended: p.attended },
    ),
    agenda: values.agenda.map((a) => a.text.trim()),
    minutes: values.minutes.trim() || null,
    decisions: values.decisions.map((d) => ({
      text: d.text.trim(),
      responsibleAgencyId: d.responsibleAgencyId,
      responsibleUserId: d.responsibleUserId || null,
      dueDate: d.dueDate || null,
    })),
  };
}

/** Client-side checks with the same limits as the contract, so most mistakes show at the field at once. */
function problemsOf(values: Values, t: TFunction): [string, string][] {
  const problems: [string, string][] = [];
  const required = t('validation.required');
  if (!values.title.trim()) problems.push(['title', required]);
  else if (values.title.trim().length > CONFERENCE_TITLE_MAX)
    problems.push(['title', t('validation.tooLong', { count: CONFERENCE_TITLE_MAX })]);
  if (!localInputToIso(values.scheduledAt)) problems.push(['scheduledAt', values.scheduledAt ? t('validation.date') : required]);
  values.participants.forEach((p, i) => {
    if (p.kind === 'agency' && !p.agencyId) problems.push([`participants.${i}.agencyId`, required]);
    if (p.kind === 'external' && !p.name.trim()) problems.push([`participants.${i}.name`, required]);
    if (p.kind === 'external' && !p.role.trim()) problems.push([`participants.${i}.role`, required]);
  });
  values.agenda.forEach((a, i) => {
    if (!a.text.trim()) problems.push([`agenda.${i}.text`, required]);
  });
  values.decisions.forEach((d, i) => {
    if (!d.text.trim()) problems.push([`decisions.${i}.text`, required]);
    if (!d.responsibleAgencyId) problems.push([`decisions.${i}.responsibleAgencyId`, required]);
  });
  return problems;
}

/** Colleagues of an agency for a select; the list may be unavailable, then only "no name" remains. */
function ColleagueSelect({
  id,
  agencyId,
  label,
  registration,
  current,
  emptyLabel,
}: {
  id: string;
  agencyId: string;
  label: string;
  registration: UseFormRegisterReturn;
  current: { id: string; displayName: string } | null;
  emptyLabel: string;
}) {
  const colleagues = useQuery(agencyCaseworkersQuery(agencyId));
  const options = new Map((colleagues.data?.items ?? []).map((c) => [c.id, c.displayName]));
  if (current && !options.has(current.id)) options.set(current.id, current.displayName);
  return (
    <SelectField
      id={id}
      label={label}
      optional
      disabled={!agencyId}
      options={[{ value: '', label: emptyLabel }, ...[...options].map(([value, name]) => ({ value, label: name }))]}
      registration={registration}
    />
  );
}

/** One row of a list the user edits: its label for assistive technology, the fields, the row's buttons. */
function Row({ label, children, buttons }: { label: string; children: ReactNode; buttons: ReactNode }) {
  return (
    <div className="lotse-repeat-group" role="group" aria-label={label}>
      {children}
      <div className="lotse-button-row">{buttons}</div>
    </div>
  );
}

type ConferenceEditorProps = {
  conference: Conference;
  value: Case;
  /** A save, finalise or cancel found a newer version (412). */
  onStale: () => void;
  onMessage: (text: string) => void;
};

/**
 * The planned conference as one form: date, participants with attendance, the ordered agenda,
 * minutes and decisions. "Protokoll abschließen" saves pending changes first and shows which
 * tasks the decisions will become.
 */
export function ConferenceEditor({ conference, value, onStale, onMessage }: ConferenceEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('conference');
  const form = useForm<Values>({ shouldFocusError: false, defaultValues: valuesOf(conference) });
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  const agenda = useFieldArray({ control: form.control, name: 'agenda' });
  const decisions = useFieldArray({ control: form.control, name: 'decisions' });
  const agencies = useQuery(teamAgenciesQuery);
  const [confirm, setConfirm] = useState<'finalise' | 'cancel' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<string | null>(null);
  const roleListId = useId();
  const team = new Set(value.team.filter((m) => m.current).map((m) => m.agency.id));
  // The agencies named in the conference are options from the start, so the selects show them
  // before (or without) the directory's list.
  const agencyOptions = [
    ...(agencies.data?.items ?? []).filter((a) => a.kind !== 'steering'),
    ...conference.participants.flatMap((p) => (p.agency ? [p.agency] : [])),
    ...conference.decisions.map((d) => d.responsibleAgency),
  ].filter((a, index, all) => all.findIndex((b) => b.id === a.id) === index);
  const agencyName = (id: string) =>
    agencyOptions.find((a) => a.id === id)?.name ??
    conference.participants.find((p) => p.agency?.id === id)?.agency?.name ??
    conference.decisions.find((d) => d.responsibleAgency.id === id)?.responsibleAgency.name ??
    '';
  const knownUser = (userId: string) =>
    conference.participants.find((p) => p.user?.id === userId)?.user ??
    conference.decisions.find((d) => d.responsibleUser?.id === userId)?.responsibleUser ??
    null;
  /** The name of a colleague chosen in this form (from the loaded colleague lists) or stored before. */
  const userName = (agencyId: string, userId: string) =>
    queryClient
      .getQueryData(agencyCaseworkersQuery(agencyId).queryKey)
      ?.items.find((c) => c.id === userId)?.displayName ?? knownUser(userId)?.displayName;

  // After a row moved or was removed, focus goes to the element named in `focusAfter`.
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    document.getElementById(target)?.focus();
  });

  const save = useMutation({ mutationFn: (values: Values) => caseConferencesApi.save(conference, requestOf(values)) });
  const finalise = useMutation({
    mutationFn: async (values: Values) => {
      const current = form.formState.isDirty ? await caseConferencesApi.save(conference, requestOf(values)) : conference;
      if (current !== conference) conferenceChanged(queryClient, current);
      return caseConferencesApi.finalise(current);
    },
  });
  const cancel = useMutation({ mutationFn: () => caseConferencesApi.cancel(conference) });

  const failed = (error: unknown) => {
    setConfirm(null);
    if (isApiError(error, 412)) onStale();
    else summary.showServerError(error, form.setError, FIELDS);
  };
  const checked = (values: Values): boolean => {
    const problems = problemsOf(values, t);
    if (problems.length === 0) return true;
    for (const [path, message] of problems) form.setError(path as keyof Values, { type: 'rule', message });
    summary.showFieldErrors(ruleErrors(problems));
    return false;
  };
  const onSubmit = form.handleSubmit((values) => {
    if (!checked(values)) return;
    save.mutate(values, {
      onSuccess: (saved) => {
        summary.clear();
        conferenceChanged(queryClient, saved);
        onMessage(t('caseConferences.page.saved'));
      },
      onError: failed,
    });
  });

  const errors = form.formState.errors;
  const watched = {
    participants: useWatch({ control: form.control, name: 'participants' }),
    decisions: useWatch({ control: form.control, name: 'decisions' }),
  };
  const id = summary.id;
  const pending = save.isPending || finalise.isPending || cancel.isPending;

  const moveAgenda = (from: number, to: number) => {
    agenda.move(from, to);
    focusAfter.current = id(`agenda.${to}.${to < from ? 'up' : 'down'}`);
    if ((to < from && to === 0) || (to > from && to === agenda.fields.length - 1))
      focusAfter.current = id(`agenda.${to}.text`);
    setAnnouncement(t('caseConferences.agenda.moved', { from: from + 1, to: to + 1 }));
  };
  const removeAt = (list: { remove: (i: number) => void; fields: unknown[] }, index: number, name: string, addId: string) => {
    list.remove(index);
    const left = list.fields.length - 1;
    focusAfter.current = left === 0 ? addId : id(`${name}.${Math.min(index, left - 1)}.remove`);
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="lotse-sections" aria-labelledby="page-title">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <p className="kern-sr-only" role="status">
        {announcement}
      </p>

      <SectionCard id="conference-section-details" title={t('caseConferences.page.details')}>
        <TextField
          id={id('title')}
          label={t('caseConferences.fields.title')}
          maxLength={CONFERENCE_TITLE_MAX}
          autoComplete="off"
          error={errors.title?.message}
          registration={form.register('title')}
        />
        <TextField
          id={id('scheduledAt')}
          type="datetime-local"
          label={t('caseConferences.fields.scheduledAt')}
          hint={t('caseConferences.hints.scheduledAt')}
          error={errors.scheduledAt?.message}
          registration={form.register('scheduledAt')}
        />
        <TextField
          id={id('location')}
          label={t('caseConferences.fields.location')}
          optional
          autoComplete="off"
          error={errors.location?.message}
          registration={form.register('location')}
        />
      </SectionCard>

      <SectionCard id="conference-section-participants" title={t('caseConferences.page.participants')}>
        <datalist id={roleListId}>
          {t('caseConferences.participants.roleSuggestions')
            .split(',')
            .map((r) => (
              <option key={r.trim()} value={r.trim()} />
            ))}
        </datalist>
        <div id={id('participants')} tabIndex={-1}>
          {errors.participants?.message ? (
            <p className="kern-error">
              <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
              <span className="kern-body">{errors.participants.message}</span>
            </p>
          ) : null}
        </div>
        {participants.fields.length === 0 ? (
          <p className="kern-body kern-body--muted">{t('caseConferences.participants.none')}</p>
        ) : null}
        {participants.fields.map((field, index) => {
          const n = index + 1;
          const p = watched.participants[index];
          const rowErrors = errors.participants?.[index];
          return (
            <Row
              key={field.id}
              label={t('caseConferences.participants.row', { n })}
              buttons={
                <Button
                  id={id(`participants.${index}.remove`)}
                  variant="tertiary"
                  icon="delete"
                  small
                  onClick={() => removeAt(participants, index, 'participants', id('participants-add-agency'))}
                >
                  {t('caseConferences.participants.remove', { n })}
                </Button>
              }
            >
              {field.kind === 'agency' ? (
                <>
                  <SelectField
                    id={id(`participants.${index}.agencyId`)}
                    label={t('caseConferences.participants.agency')}
                    error={rowErrors?.agencyId?.message}
                    options={[
                      { value: '', label: t('caseConferences.participants.chooseAgency') },
                      ...agencyOptions.map((a) => ({ value: a.id, label: a.name })),
                    ]}
                    registration={form.register(`participants.${index}.agencyId`, {
                      onChange: () => form.setValue(`participants.${index}.userId`, ''),
                    })}
                  />
                  {p?.agencyId && !team.has(p.agencyId) ? (
                    <p className="kern-body kern-body--small">{t('caseConferences.participants.notOnTeam')}</p>
                  ) : null}
                  <ColleagueSelect
                    id={id(`participants.${index}.userId`)}
                    agencyId={p?.agencyId ?? ''}
                    label={t('caseConferences.participants.colleague')}
                    emptyLabel={t('caseConferences.participants.wholeAgency')}
                    current={p?.userId ? knownUser(p.userId) : null}
                    registration={form.register(`participants.${index}.userId`)}
                  />
                </>
              ) : (
                <>
                  <TextField
                    id={id(`participants.${index}.name`)}
                    label={t('caseConferences.participants.name')}
                    autoComplete="off"
                    error={rowErrors?.name?.message}
                    registration={form.register(`participants.${index}.name`)}
                  />
                  <TextField
                    id={id(`participants.${index}.role`)}
                    label={t('caseConferences.participants.role')}
                    hint={t('caseConferences.participants.roleHint')}
                    list={roleListId}
                    autoComplete="off"
                    error={rowErrors?.role?.message}
                    registration={form.register(`participants.${index}.role`)}
                  />
                </>
              )}
              <Checkbox
                id={id(`participants.${index}.attended`)}
                label={t('caseConferences.participants.attended')}
                registration={form.register(`participants.${index}.attended`)}
              />
            </Row>
          );
        })}
        <div className="lotse-button-row">
          <Button
            id={id('participants-add-agency')}
            variant="secondary"
            icon="add"
            disabled={participants.fields.length >= PARTICIPANTS_MAX}
            onClick={() =>
              participants.append({ kind: 'agency', agencyId: '', userId: '', name: '', role: '', attended: false })
            }
          >
            {t('caseConferences.participants.addAgency')}
          </Button>
          <Button
            variant="secondary"
            icon="add"
            disabled={participants.fields.length >= PARTICIPANTS_MAX}
            onClick={() =>
              participants.append({ kind: 'external', agencyId: '', userId: '', name: '', role: '', attended: false })
            }
          >
            {t('caseConferences.participants.addExternal')}
          </Button>
        </div>
      </SectionCard>

      <SectionCard id="conference-section-agenda" title={t('caseConferences.page.agenda')}>
        {agenda.fields.length === 0 ? <p className="kern-body kern-body--muted">{t('caseConferences.agenda.none')}</p> : null}
        {agenda.fields.length ? (
          <ol className="lotse-stack" style={{ paddingLeft: '1.5rem' }}>
            {agenda.fields.map((field, index) => {
              const n = index + 1;
              return (
                <li key={field.id}>
                  <Row
                    label={t('caseConferences.agenda.item', { n })}
                    buttons={
                      <>
                        <Button
                          id={id(`agenda.${index}.up`)}
                          variant="tertiary"
                          icon="arrow-up"
                          small
                          disabled={index === 0}
                          onClick={() => moveAgenda(index, index - 1)}
                        >
                          {t('caseConferences.agenda.up', { n })}
                        </Button>
                        <Button
                          id={id(`agenda.${index}.down`)}
                          variant="tertiary"
                          icon="arrow-down"
                          small
                          disabled={index === agenda.fields.length - 1}
                          onClick={() => moveAgenda(index, index + 1)}
                        >
                          {t('caseConferences.agenda.down', { n })}
                        </Button>
                        <Button
                          id={id(`agenda.${index}.remove`)}
                          variant="tertiary"
                          icon="delete"
                          small
                          onClick={() => removeAt(agenda, index, 'agenda', id('agenda-add'))}
                        >
                          {t('caseConferences.agenda.remove', { n })}
                        </Button>
                      </>
                    }
                  >
                    <TextField
                      id={id(`agenda.${index}.text`)}
                      label={t('caseConferences.agenda.item', { n })}
                      maxLength={AGENDA_ITEM_MAX}
                      autoComplete="off"
                      error={errors.agenda?.[index]?.text?.message}
                      registration={form.register(`agenda.${index}.text`)}
                    />
                  </Row>
                </li>
              );
            })}
          </ol>
        ) : null}
        <div>
          <Button
            id={id('agenda-add')}
            variant="secondary"
            icon="add"
            disabled={agenda.fields.length >= AGENDA_MAX}
            onClick={() => agenda.append({ text: '' })}
          >
            {t('caseConferences.agenda.add')}
          </Button>
        </div>
      </SectionCard>

      <SectionCard id="conference-section-minutes" title={t('caseConferences.page.minutes')}>
        <TextAreaField
          id={id('minutes')}
          label={t('caseConferences.fields.minutes')}
          hint={t('caseConferences.hints.minutes')}
          maxLength={MINUTES_MAX}
          rows={10}
          error={errors.minutes?.message}
          registration={form.register('minutes')}
        />
      </SectionCard>

      <SectionCard id="conference-section-decisions" title={t('caseConferences.page.decisions')}>
        {decisions.fields.length === 0 ? (
          <p className="kern-body kern-body--muted">{t('caseConferences.decisions.none')}</p>
        ) : null}
        {decisions.fields.map((field, index) => {
          const n = index + 1;
          const d = watched.decisions[index];
          const rowErrors = errors.decisions?.[index];
          return (
            <Row
              key={field.id}
              label={t('caseConferences.decisions.item', { n })}
              buttons={
                <Button
                  id={id(`decisions.${index}.remove`)}
                  variant="tertiary"
                  icon="delete"
                  small
                  onClick={() => removeAt(decisions, index, 'decisions', id('decisions-add'))}
                >
                  {t('caseConferences.decisions.remove', { n })}
                </Button>
              }
            >
              <TextAreaField
                id={id(`decisions.${index}.text`)}
                label={t('caseConferences.decisions.text')}
                rows={3}
                maxLength={DECISION_TEXT_MAX}
                error={rowErrors?.text?.message}
                registration={form.register(`decisions.${index}.text`)}
              />
              <SelectField
                id={id(`decisions.${index}.responsibleAgencyId`)}
                label={t('caseConferences.decisions.agency')}
                error={rowErrors?.responsibleAgencyId?.message}
                options={[
                  { value: '', label: t('caseConferences.participants.chooseAgency') },
                  ...agencyOptions.map((a) => ({ value: a.id, label: a.name })),
                ]}
                registration={form.register(`decisions.${index}.responsibleAgencyId`, {
                  onChange: () => form.setValue(`decisions.${index}.responsibleUserId`, ''),
                })}
              />
              {d?.responsibleAgencyId && !team.has(d.responsibleAgencyId) ? (
                <Alert
                  tone="warning"
                  role="none"
                  title={t('caseConferences.decisions.notOnTeam', { name: agencyName(d.responsibleAgencyId) })}
                />
              ) : null}
              <ColleagueSelect
                id={id(`decisions.${index}.responsibleUserId`)}
                agencyId={d?.responsibleAgencyId ?? ''}
                label={t('caseConferences.decisions.user')}
                emptyLabel={t('caseConferences.participants.wholeAgency')}
                current={d?.responsibleUserId ? knownUser(d.responsibleUserId) : null}
                registration={form.register(`decisions.${index}.responsibleUserId`)}
              />
              <TextField
                id={id(`decisions.${index}.dueDate`)}
                type="date"
                label={t('caseConferences.decisions.dueDate')}
                optional
                error={rowErrors?.dueDate?.message}
                registration={form.register(`decisions.${index}.dueDate`)}
              />
            </Row>
          );
        })}
        <div>
          <Button
            id={id('decisions-add')}
            variant="secondary"
            icon="add"
            disabled={decisions.fields.length >= DECISIONS_MAX}
            onClick={() => decisions.append({ text: '', responsibleAgencyId: '', responsibleUserId: '', dueDate: '' })}
          >
            {t('caseConferences.decisions.add')}
          </Button>
        </div>
      </SectionCard>

      <div className="lotse-button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          {save.isPending ? t('common.saving') : t('caseConferences.page.save')}
        </Button>
        <Button
          variant="secondary"
          icon="check"
          disabled={pending}
          onClick={() => {
            if (checked(form.getValues())) setConfirm('finalise');
          }}
        >
          {t('caseConferences.page.finalise')}
        </Button>
        <Button variant="tertiary" icon="close" disabled={pending} onClick={() => setConfirm('cancel')}>
          {t('caseConferences.page.cancel')}
        </Button>
      </div>

      <ConfirmDialog
        isOpen={confirm === 'finalise'}
        onOpenChange={(open) => {
          if (!open) setConfirm(null);
        }}
        title={t('caseConferences.finalise.title')}
        confirmLabel={t('caseConferences.finalise.confirm')}
        isPending={finalise.isPending}
        onConfirm={() =>
          finalise.mutate(form.getValues(), {
            onSuccess: (held) => {
              setConfirm(null);
              conferenceChanged(queryClient, held);
              onMessage(t('caseConferences.finalise.done', { count: held.decisions.length }));
            },
            onError: failed,
          })
        }
      >
        {watched.decisions.length ? (
          <>
            <p className="kern-body">{t('caseConferences.finalise.intro')}</p>
            <ul className="kern-list">
              {watched.decisions.map((d, index) => {
                const user = d.responsibleUserId ? userName(d.responsibleAgencyId, d.responsibleUserId) : null;
                const assignee = [agencyName(d.responsibleAgencyId), user].filter(Boolean).join(' – ');
                return (
                  <li key={index}>
                    {t('caseConferences.finalise.task', { title: decisionTaskTitle(d.text).title, assignee })}
                    {d.dueDate ? `, ${t('caseConferences.finalise.due', { date: formatDay(d.dueDate) })}` : ''}
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p className="kern-body">{t('caseConferences.finalise.noTasks')}</p>
        )}
        {form.formState.isDirty ? <p className="kern-body">{t('caseConferences.finalise.unsaved')}</p> : null}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirm === 'cancel'}
        onOpenChange={(open) => {
          if (!open) setConfirm(null);
        }}
        title={t('caseConferences.cancel.title')}
        confirmLabel={t('caseConferences.cancel.confirm')}
        isPending={cancel.isPending}
        error={cancel.error && !isApiError(cancel.error, 412) ? problemText(cancel.error, t) : null}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: (cancelled) => {
              setConfirm(null);
              conferenceChanged(queryClient, cancelled);
              onMessage(t('caseConferences.cancel.done'));
            },
            onError: (error) => {
              if (isApiError(error, 412)) {
                setConfirm(null);
                onStale();
              }
            },
          })
        }
      >
        {t('caseConferences.cancel.text', { title: conference.title })}
      </ConfirmDialog>
    </form>
  );
}
