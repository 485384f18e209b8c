import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseTask, TaskStatus } from '../../../shared/contracts/case-tasks';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { isApiError } from '../../lib/errors';
import { caseTasksApi, tasksChanged } from './case-tasks-api';
import { problemText } from './task-format';

/** What the last status change did: a message, and the task to undo it with (after completing). */
export type TaskNoticeState =
  | { kind: 'success'; text: string; undo: CaseTask | null; key: number; focus?: boolean }
  | { kind: 'stale'; key: number }
  | { kind: 'error'; text: string; key: number }
  | null;

/**
 * Completes, reopens or cancels a task and says what happened. A 412 reloads the lists and tells
 * the user that someone else changed the task; any other refusal shows the server's reason.
 */
export function useTaskStatusChange() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<TaskNoticeState>(null);
  const mutation = useMutation({
    mutationFn: ({ task, status }: { task: CaseTask; status: TaskStatus }) => caseTasksApi.update(task, { status }),
  });
  const change = (task: CaseTask, status: TaskStatus) => {
    mutation.mutate(
      { task, status },
      {
        onSuccess: (saved) => {
          tasksChanged(queryClient, saved.case.id);
          const text =
            status === 'done'
              ? t('caseTasks.messages.completed', { title: saved.title })
              : status === 'open'
                ? t('caseTasks.messages.reopened', { title: saved.title })
                : t('caseTasks.messages.cancelled', { title: saved.title });
          // The button that was pressed is gone or changed: focus follows to the notice.
          setNotice({ kind: 'success', text, undo: status === 'done' ? saved : null, key: Date.now(), focus: true });
        },
        onError: (error) => {
          tasksChanged(queryClient, task.case.id);
          setNotice(
            isApiError(error, 412)
              ? { kind: 'stale', key: Date.now() }
              : { kind: 'error', text: problemText(error, t), key: Date.now() },
          );
        },
      },
    );
  };
  return { change, notice, setNotice, pending: mutation.isPending };
}

/**
 * The outcome of a status change. After completing a task, focus moves to "Rückgängig": the task
 * may have left the list, and keyboard users keep their place and can undo at once. After any
 * other status change focus moves to the message (the pressed button is gone).
 */
export function TaskNotice({
  notice,
  onUndo,
  pending,
}: {
  notice: TaskNoticeState;
  onUndo: (task: CaseTask) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const undoRef = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const noticeKey = notice?.key;
  const canUndo = notice?.kind === 'success' && notice.undo !== null;
  const focusNotice = notice?.kind === 'success' && notice.focus === true;
  useEffect(() => {
    if (canUndo) undoRef.current?.focus();
    else if (focusNotice) alertRef.current?.focus();
  }, [noticeKey, canUndo, focusNotice]);
  return (
    <div role="status">
      {notice?.kind === 'success' ? (
        <Alert key={notice.key} ref={alertRef} tabIndex={-1} tone="success" title={notice.text} role="none">
          {notice.undo ? (
            <div>
              <button
                ref={undoRef}
                type="button"
                className="kern-btn kern-btn--secondary kern-btn--x-small"
                disabled={pending}
                onClick={() => onUndo(notice.undo!)}
              >
                <span className="kern-label">{t('caseTasks.actions.undo')}</span>
              </button>
            </div>
          ) : null}
        </Alert>
      ) : null}
      {notice?.kind === 'stale' ? (
        <Alert key={notice.key} tone="warning" title={t('caseTasks.messages.stale')} role="none" />
      ) : null}
      {notice?.kind === 'error' ? <Alert key={notice.key} tone="danger" title={notice.text} role="none" /> : null}
    </div>
  );
}

/** The buttons of one task: complete or reopen, edit, cancel — as far as the caller may and the case allows. */
export function TaskButtons({
  task,
  caseClosed,
  pending,
  onStatus,
  onEdit,
  onCancel,
}: {
  task: CaseTask;
  caseClosed: boolean;
  pending: boolean;
  onStatus: (task: CaseTask, status: TaskStatus) => void;
  onEdit?: (task: CaseTask) => void;
  onCancel: (task: CaseTask) => void;
}) {
  const { t } = useTranslation();
  if (!task.actions.change) return null;
  return (
    <div className="lotse-button-row">
      {task.status === 'open' ? (
        <Button
          variant="secondary"
          small
          icon="check"
          disabled={pending}
          aria-label={t('caseTasks.actions.completeFor', { title: task.title })}
          onClick={() => onStatus(task, 'done')}
        >
          {t('caseTasks.actions.complete')}
        </Button>
      ) : null}
      {task.status === 'done' && !caseClosed ? (
        <Button
          variant="tertiary"
          small
          disabled={pending}
          aria-label={t('caseTasks.actions.reopenFor', { title: task.title })}
          onClick={() => onStatus(task, 'open')}
        >
          {t('caseTasks.actions.reopen')}
        </Button>
      ) : null}
      {task.status === 'open' && !caseClosed && onEdit ? (
        <Button
          variant="tertiary"
          small
          icon="edit"
          aria-label={t('caseTasks.actions.editFor', { title: task.title })}
          onClick={() => onEdit(task)}
        >
          {t('caseTasks.actions.edit')}
        </Button>
      ) : null}
      {task.status === 'open' ? (
        <Button
          variant="tertiary"
          small
          icon="close"
          disabled={pending}
          aria-label={t('caseTasks.actions.cancelFor', { title: task.title })}
          onClick={() => onCancel(task)}
        >
          {t('caseTasks.actions.cancel')}
        </Button>
      ) : null}
    </div>
  );
}
