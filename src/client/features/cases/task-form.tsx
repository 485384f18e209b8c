import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TASK_TITLE_MAX, type CaseTask } from '../../../shared/contracts/case-tasks';
import type { Case } from '../../../shared/contracts/cases';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { isApiError } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseTasksApi } from './case-tasks-api';
import { agencyCaseworkersQuery } from './colleagues-api';

type Values = {
  title: string;
  description: string;
  assigneeAgencyId: string;
  assigneeUserId: string;
  dueDate: string;
};
const FIELDS = ['title', 'description', 'assigneeAgencyId', 'assigneeUserId', 'dueDate'] as const;

type TaskFormProps = {
  value: Case;
  /** The task to edit; without it, a new task is added. */
  task?: CaseTask;
  onDone: (task: CaseTask) => void;
  onCancel: () => void;
  /** Someone else changed the task in between (412). */
  onStale: () => void;
};

/** Adds or edits a task: title, description, the responsible agency of the team and colleague, due date. */
export function TaskForm({ value, task, onDone, onCancel, onStale }: TaskFormProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const summary = useFormSummary(task ? `task-edit-${task.id}` : 'task-create');
  const team = value.team.filter((m) => m.current);
  const ownOnTeam = !!me && team.some((m) => m.agency.id === me.agency.id);
  const form = useForm<Values>({
    shouldFocusError: false,
    defaultValues: task
      ? {
          title: task.title,
          description: task.description ?? '',
          assigneeAgencyId: task.assignee.agency.id,
          assigneeUserId: task.assignee.user?.id ?? '',
          dueDate: task.dueDate ?? '',
        }
      : {
          title: '',
          description: '',
          assigneeAgencyId: ownOnTeam ? me.agency.id : '',
          assigneeUserId: ownOnTeam ? me.user.id : '',
          dueDate: '',
        },
  });
  const agencyId = useWatch({ control: form.control, name: 'assigneeAgencyId' });
  const colleagues = useQuery(agencyCaseworkersQuery(agencyId));
  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = {
        title: values.title.trim(),
        description: values.description.trim() || null,
        assigneeAgencyId: values.assigneeAgencyId,
        assigneeUserId: values.assigneeUserId || null,
        dueDate: values.dueDate || null,
      };
      return task ? caseTasksApi.update(task, input) : caseTasksApi.create(value.id, input);
    },
  });

  // The list may be unavailable (or not include a former colleague): keep the current choice selectable.
  const colleagueOptions = new Map<string, string>();
  for (const c of colleagues.data?.items ?? []) colleagueOptions.set(c.id, c.displayName);
  if (task?.assignee.user && task.assignee.agency.id === agencyId && !colleagueOptions.has(task.assignee.user.id)) {
    colleagueOptions.set(task.assignee.user.id, task.assignee.user.displayName);
  }
  if (!task && me && agencyId === me.agency.id && !colleagueOptions.has(me.user.id)) {
    colleagueOptions.set(me.user.id, me.user.displayName);
  }

  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((values) => {
    const problems: [keyof Values, string][] = [];
    if (!values.title.trim()) problems.push(['title', t('validation.required')]);
    else if (values.title.trim().length > TASK_TITLE_MAX)
      problems.push(['title', t('validation.tooLong', { count: TASK_TITLE_MAX })]);
    if (!values.assigneeAgencyId) problems.push(['assigneeAgencyId', t('validation.required')]);
    if (problems.length) {
      for (const [field, message] of problems) form.setError(field, { type: 'rule', message });
      summary.showFieldErrors(ruleErrors(problems));
      return;
    }
    save.mutate(values, {
      onSuccess: (saved) => onDone(saved),
      onError: (error) => {
        if (isApiError(error, 412)) onStale();
        else summary.showServerError(error, form.setError, FIELDS);
      },
    });
  });

  const agencyField = form.register('assigneeAgencyId');
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={task ? t('caseTasks.dialogs.editTitle') : t('caseTasks.dialogs.createTitle')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('title')}
        label={t('caseTasks.fields.title')}
        hint={t('caseTasks.hints.title')}
        maxLength={TASK_TITLE_MAX}
        autoComplete="off"
        error={errors.title?.message}
        registration={form.register('title')}
      />
      <TextAreaField
        id={summary.id('description')}
        label={t('caseTasks.fields.description')}
        optional
        rows={3}
        error={errors.description?.message}
        registration={form.register('description')}
      />
      <SelectField
        id={summary.id('assigneeAgencyId')}
        label={t('caseTasks.fields.agency')}
        hint={t('caseTasks.hints.agency')}
        error={errors.assigneeAgencyId?.message}
        options={[
          { value: '', label: t('caseTasks.chooseAgency') },
          ...team.map((m) => ({ value: m.agency.id, label: m.agency.name })),
          // An agency that has left the team stays selectable as the current choice.
          ...(task && !team.some((m) => m.agency.id === task.assignee.agency.id)
            ? [{ value: task.assignee.agency.id, label: task.assignee.agency.name }]
            : []),
        ]}
        registration={{
          ...agencyField,
          onChange: async (event) => {
            await agencyField.onChange(event);
            form.setValue('assigneeUserId', '');
          },
        }}
      />
      <SelectField
        id={summary.id('assigneeUserId')}
        label={t('caseTasks.fields.user')}
        hint={colleagues.error ? t('caseTasks.colleaguesUnavailable') : t('caseTasks.hints.user')}
        optional
        disabled={!agencyId}
        error={errors.assigneeUserId?.message}
        options={[
          { value: '', label: t('caseTasks.wholeAgency') },
          ...[...colleagueOptions].map(([id, name]) => ({ value: id, label: name })),
        ]}
        registration={form.register('assigneeUserId')}
      />
      <TextField
        id={summary.id('dueDate')}
        type="date"
        label={t('caseTasks.fields.dueDate')}
        optional
        error={errors.dueDate?.message}
        registration={form.register('dueDate')}
      />
      <FormActions
        submitLabel={task ? t('caseTasks.dialogs.submitEdit') : t('caseTasks.dialogs.submitCreate')}
        pending={save.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
