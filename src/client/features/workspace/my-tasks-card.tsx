import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { taskInboxSchema } from '../../../shared/contracts/case-tasks';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { api } from '../../lib/api';
import { paths } from '../../lib/paths';

/** Only the counts of my inbox matter here: one item is the smallest page. */
const myTaskCountsQuery = {
  queryKey: ['tasks', 'inbox', 'workspace-counts'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get('/tasks', taskInboxSchema, { scope: 'mine', status: 'open', pageSize: 1 }, signal),
};

/** "Meine Aufgaben": how many tasks name me, how many of them are overdue, and the way to the inbox. */
export function MyTasksCard({ canReadCases }: { canReadCases: boolean }) {
  const { t } = useTranslation();
  const result = useQuery({ ...myTaskCountsQuery, enabled: canReadCases });
  const counts = result.data?.counts;
  return (
    <section className="kern-card kern-card--hug lotse-grid__wide" aria-labelledby="tasks-title">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-title kern-title--large" id="tasks-title">
            {t('workspace.tasksTitle')}
          </h2>
        </header>
        <div className="kern-card__body lotse-stack">
          {canReadCases && result.isPending ? <Loading /> : null}
          {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
          {!canReadCases || (counts && counts.open === 0) ? (
            <EmptyState title={t('workspace.tasksEmpty')}>{t('workspace.tasksEmptyText')}</EmptyState>
          ) : null}
          {counts && counts.open > 0 ? (
            <p className="kern-body">
              <strong>{t('caseTasks.workspace.summary', { open: counts.open, overdue: counts.overdue })}</strong>
            </p>
          ) : null}
          {canReadCases && counts ? (
            <p className="kern-body">
              <Link className="kern-link" to={paths.tasks}>
                {t('caseTasks.workspace.link')}
              </Link>
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
