import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CaseTask } from '../../../shared/contracts/case-tasks';
import type { Case } from '../../../shared/contracts/cases';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { caseTasksQuery, tasksChanged } from './case-tasks-api';
import { assigneeLabel, formatDay } from './task-format';
import { TaskForm } from './task-form';
import { TaskButtons, TaskNotice, useTaskStatusChange } from './task-status';

/** Due date, overdue mark and who is responsible: the line every task list shows. */
export function TaskFacts({ task }: { task: CaseTask }) {
  const { t } = useTranslation();
  return (
    <span className="kern-body kern-body--small">
      {task.dueDate ? t('caseTasks.dueOn', { date: formatDay(task.dueDate) }) : t('caseTasks.noDueDate')}
      {task.overdue ? (
        <>
          {' '}
          <span className="kern-badge kern-badge--danger">
            <span className="kern-label">{t('caseTasks.overdue')}</span>
          </span>
        </>
      ) : null}
      {' · '}
      {assigneeLabel(task.assignee)}
    </span>
  );
}

/** Where a task came from, linked to the conference for a decision. */
export function TaskSource({ task }: { task: CaseTask }) {
  const { t } = useTranslation();
  if (task.source.kind === 'manual') return null;
  const label = t(`caseTasks.sources.${task.source.kind}`);
  return (
    <span className="kern-body kern-body--small">
      {task.source.kind === 'conference_decision' && task.source.conferenceId ? (
        <Link className="kern-link" to={paths.caseConference(task.case.id, task.source.conferenceId)}>
          {label}
        </Link>
      ) : (
        label
      )}
    </span>
  );
}

function TaskItem({
  task,
  caseClosed,
  pending,
  highlighted,
  onStatus,
  onEdit,
  onCancel,
}: {
  task: CaseTask;
  caseClosed: boolean;
  pending: boolean;
  highlighted: boolean;
  onStatus: Parameters<typeof TaskButtons>[0]['onStatus'];
  onEdit: (task: CaseTask) => void;
  onCancel: (task: CaseTask) => void;
}) {
  const { t } = useTranslation();
  return (
    <li id={`task-${task.id}`} tabIndex={highlighted ? -1 : undefined} className="lotse-stack">
      <div>
        <strong className="kern-body">
          {task.status === 'open' ? task.title : <s>{task.title}</s>}
        </strong>
        {task.status !== 'open' ? (
          <span className="kern-body kern-body--small"> ({t(`caseTasks.statuses.${task.status}`)})</span>
        ) : null}
        <br />
        <TaskFacts task={task} />
        {task.source.kind !== 'manual' ? (
          <>
            <br />
            <TaskSource task={task} />
          </>
        ) : null}
        {task.description ? (
          <p className="kern-body kern-body--small lotse-preserve-lines">{task.description}</p>
        ) : null}
        {task.status === 'done' && task.completedAt ? (
          <>
            <br />
            <span className="kern-body kern-body--small">
              {task.completedBy
                ? t('caseTasks.completedBy', { date: formatDateTime(task.completedAt), name: task.completedBy.displayName })
                : t('caseTasks.completedOn', { date: formatDateTime(task.completedAt) })}
            </span>
          </>
        ) : null}
      </div>
      <TaskButtons
        task={task}
        caseClosed={caseClosed}
        pending={pending}
        onStatus={onStatus}
        onEdit={onEdit}
        onCancel={onCancel}
      />
    </li>
  );
}

/**
 * The tasks and deadlines of a case: open ones (overdue marked), done and cancelled ones on
 * request. Any agency of the team adds tasks; the assignee, the creating and the lead agency
 * complete, edit, cancel and reopen them.
 */
export function CaseTasksPanel({ value }: { value: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const { data: me } = useMe();
  // A link to one task (#task-…) opens the full list, since it may be done already.
  const linkedTask = location.hash.startsWith('#task-') ? location.hash.slice('#task-'.length) : null;
  const [showAll, setShowAll] = useState(linkedTask !== null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'edit'; task: CaseTask } | null>(null);
  const [cancelling, setCancelling] = useState<CaseTask | null>(null);
  const status = useTaskStatusChange();
  const list = useQuery(caseTasksQuery(value.id, showAll ? 'all' : 'open', page));
  const closed = value.phase === 'closure';
  const canCreate = hasPermission(me, 'case.write') && !closed;
  const items = list.data?.items ?? [];

  useEffect(() => {
    if (!linkedTask || !list.data) return;
    const element = document.getElementById(`task-${linkedTask}`);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    }
  }, [linkedTask, list.data]);

  return (
    <SectionCard
      id="case-tasks"
      title={t('caseTasks.panel.title')}
      actions={
        canCreate ? (
          <Button variant="secondary" icon="add" small onClick={() => setDialog({ mode: 'create' })}>
            {t('caseTasks.panel.create')}
          </Button>
        ) : null
      }
    >
      {closed ? <p className="kern-body kern-body--small">{t('caseTasks.panel.closedHint')}</p> : null}
      <TaskNotice notice={status.notice} pending={status.pending} onUndo={(task) => status.change(task, 'open')} />
      <Checkbox
        id="case-tasks-show-all"
        label={t('caseTasks.panel.showDone')}
        checked={showAll}
        onChange={(event) => {
          setShowAll(event.target.checked);
          setPage(1);
        }}
      />
      {list.isPending ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState title={showAll ? t('caseTasks.panel.emptyAllTitle') : t('caseTasks.panel.emptyTitle')}>
          {canCreate ? t('caseTasks.panel.emptyText') : undefined}
        </EmptyState>
      ) : null}
      {items.length ? (
        <ul
          className="lotse-stack"
          style={{ listStyle: 'none', padding: 0 }}
          aria-label={t('caseTasks.panel.listLabel')}
          aria-busy={list.isFetching || undefined}
        >
          {items.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              caseClosed={closed}
              pending={status.pending}
              highlighted={task.id === linkedTask}
              onStatus={status.change}
              onEdit={(edit) => setDialog({ mode: 'edit', task: edit })}
              onCancel={setCancelling}
            />
          ))}
        </ul>
      ) : null}
      {list.data && list.data.page.total > list.data.page.pageSize ? (
        <Pagination page={list.data.page} onPageChange={setPage} />
      ) : null}
      <ModalDialog
        isOpen={dialog !== null}
        onOpenChange={(open) => {
          if (!open) setDialog(null);
        }}
        title={dialog?.mode === 'edit' ? t('caseTasks.dialogs.editTitle') : t('caseTasks.dialogs.createTitle')}
        wide
        dismissable={false}
      >
        {dialog ? (
          <TaskForm
            value={value}
            task={dialog.mode === 'edit' ? dialog.task : undefined}
            onCancel={() => setDialog(null)}
            onStale={() => {
              setDialog(null);
              tasksChanged(queryClient, value.id);
              status.setNotice({ kind: 'stale', key: Date.now() });
            }}
            onDone={(saved) => {
              tasksChanged(queryClient, value.id);
              status.setNotice({
                kind: 'success',
                text:
                  dialog.mode === 'edit'
                    ? t('caseTasks.messages.saved', { title: saved.title })
                    : t('caseTasks.messages.created', { title: saved.title }),
                undo: null,
                key: Date.now(),
              });
              setDialog(null);
            }}
          />
        ) : null}
      </ModalDialog>
      <ConfirmDialog
        isOpen={cancelling !== null}
        onOpenChange={(open) => {
          if (!open) setCancelling(null);
        }}
        title={t('caseTasks.dialogs.cancelTitle')}
        confirmLabel={t('caseTasks.dialogs.cancelConfirm')}
        isPending={status.pending}
        onConfirm={() => {
          if (!cancelling) return;
          status.change(cancelling, 'cancelled');
          setCancelling(null);
        }}
      >
        {cancelling ? t('caseTasks.dialogs.cancelText', { title: cancelling.title }) : null}
      </ConfirmDialog>
    </SectionCard>
  );
}
