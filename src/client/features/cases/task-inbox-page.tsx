import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  taskInboxSorts,
  taskStatusFilterSchema,
  type CaseTask,
  type TaskInboxQuery,
} from '../../../shared/contracts/case-tasks';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { TaskSource } from './case-tasks-panel';
import { taskInboxQuery } from './case-tasks-api';
import { assigneeLabel, formatDay } from './task-format';
import { TaskButtons, TaskNotice, useTaskStatusChange } from './task-status';

const PAGE_SIZE = 25;
const views = ['mine', 'team', 'overdue'] as const;
type View = (typeof views)[number];
/** The views in the address, in German like the paths. */
const viewParam: Record<View, string> = { mine: 'meine', team: 'team', overdue: 'ueberfaellig' };
const statusParam = { open: 'offen', done: 'erledigt', cancelled: 'entfallen', all: 'alle' } as const;

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** "Aufgaben": my tasks, my agency's tasks, the overdue ones — filters, sort and page kept in the address. */
export function TaskInboxPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const view = views.find((v) => viewParam[v] === search.get('ansicht')) ?? 'mine';
  const statusKey =
    (Object.keys(statusParam) as (keyof typeof statusParam)[]).find((s) => statusParam[s] === search.get('status')) ??
    'open';
  const sort = pick(search.get('sortierung'), taskInboxSorts, 'dueDate');
  const dir = pick(search.get('richtung'), ['asc', 'desc'] as const, sort === 'createdAt' ? 'desc' : 'asc');
  const page = Math.max(1, Number(search.get('seite')) || 1);
  const query: TaskInboxQuery = {
    scope: view === 'mine' ? 'mine' : 'team',
    status: view === 'overdue' ? 'open' : statusKey,
    ...(view === 'overdue' ? { overdue: 'true' } : {}),
    sort,
    dir,
    page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery(taskInboxQuery(query));
  const status = useTaskStatusChange();
  const [cancelling, setCancelling] = useState<CaseTask | null>(null);

  // A changed filter starts at page 1 again.
  function update(next: Record<string, string | undefined>) {
    setParams({ ...next, ...('seite' in next ? {} : { seite: null }) }, { replace: !('seite' in next) });
  }

  const data = result.data;
  return (
    <>
      <PageHeading title={t('caseTasks.inbox.title')}>{t('caseTasks.inbox.intro')}</PageHeading>
      <nav aria-label={t('caseTasks.inbox.viewLabel')}>
        <ul className="lotse-button-row" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {views.map((v) => (
            <li key={v}>
              <Link
                to={`?ansicht=${viewParam[v]}`}
                className={`kern-btn ${v === view ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
                aria-current={v === view ? 'page' : undefined}
              >
                <span className="kern-label">{t(`caseTasks.inbox.views.${v}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="kern-body">{t(`caseTasks.inbox.viewIntros.${view}`)}</p>
      <form className="lotse-filter" aria-label={t('caseTasks.inbox.filter')} onSubmit={(e) => e.preventDefault()}>
        <div className="lotse-filter__fields">
          {view !== 'overdue' ? (
            <SelectField
              id="task-status"
              label={t('caseTasks.inbox.status')}
              value={statusKey}
              options={taskStatusFilterSchema.options.map((s) => ({
                value: s,
                label: t(`caseTasks.inbox.statuses.${s}`),
              }))}
              onChange={(event) =>
                update({ status: statusParam[event.target.value as keyof typeof statusParam] ?? undefined })
              }
            />
          ) : null}
          <SelectField
            id="task-sort"
            label={t('caseTasks.inbox.sort')}
            value={`${sort}:${dir}`}
            options={(
              [
                ['dueDate', 'asc'],
                ['dueDate', 'desc'],
                ['createdAt', 'desc'],
                ['createdAt', 'asc'],
                ['caseReference', 'asc'],
                ['caseReference', 'desc'],
              ] as const
            ).map(([s, d]) => ({ value: `${s}:${d}`, label: t(`caseTasks.inbox.sorts.${s}_${d}`) }))}
            onChange={(event) => {
              const [sortierung, richtung] = event.target.value.split(':');
              update({ sortierung, richtung });
            }}
          />
        </div>
      </form>
      {data ? (
        <p className="kern-body">
          <strong>{t('caseTasks.inbox.summary', { open: data.counts.open, overdue: data.counts.overdue })}</strong>
        </p>
      ) : null}
      <TaskNotice notice={status.notice} pending={status.pending} onUndo={(task) => status.change(task, 'open')} />
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('caseTasks.inbox.emptyTitle')} headingLevel={2}>
          {t(`caseTasks.inbox.emptyTexts.${view}`)}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={result.isFetching || undefined}>
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-body">
                {t('caseTasks.inbox.caption')}: {t(`caseTasks.inbox.views.${view}`)}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('caseTasks.fields.title')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('caseTasks.fields.case')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('caseTasks.fields.assignee')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('caseTasks.fields.dueDate')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('caseTasks.inbox.action')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((task) => (
                  <tr className="kern-table__row" key={task.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`${paths.case(task.case.id)}#task-${task.id}`}>
                        {task.title}
                      </Link>
                      {task.status !== 'open' ? (
                        <span className="kern-body kern-body--small"> ({t(`caseTasks.statuses.${task.status}`)})</span>
                      ) : null}
                      {task.source.kind !== 'manual' ? (
                        <>
                          <br />
                          <TaskSource task={task} />
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={paths.case(task.case.id)}>
                        {task.case.reference}
                      </Link>
                      <br />
                      <span className="kern-body kern-body--small">
                        {task.case.title} · {task.person.displayName}
                      </span>
                    </td>
                    <td className="kern-table__cell">{assigneeLabel(task.assignee)}</td>
                    <td className="kern-table__cell lotse-nowrap">
                      {task.dueDate ? formatDay(task.dueDate) : t('caseTasks.noDueDate')}
                      {task.overdue ? (
                        <>
                          <br />
                          <span className="kern-badge kern-badge--danger">
                            <span className="kern-label">{t('caseTasks.overdue')}</span>
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td className="kern-table__cell">
                      <TaskButtons
                        task={task}
                        caseClosed={task.case.closed}
                        pending={status.pending}
                        onStatus={status.change}
                        onCancel={setCancelling}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} onPageChange={(next) => update({ seite: String(next) })} />
        </>
      ) : null}
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
    </>
  );
}
