import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExplorationFollowUp, FollowUpStatus } from '../../../shared/contracts/explorations';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { errorMessage } from '../../lib/errors';
import { paths } from '../../lib/paths';
import { explorationApi, explorationsChanged } from './exploration-api';
import { formatDay } from './exploration-format';

/** Complete or reopen a follow-up; the notice names what happened. */
export function useFollowUpStatus() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const mutation = useMutation({
    mutationFn: ({ f, status }: { f: ExplorationFollowUp; status: FollowUpStatus }) =>
      explorationApi.setFollowUpStatus(f, status),
    onSuccess: (f) => {
      explorationsChanged(queryClient);
      setNotice({
        text: t(f.status === 'done' ? 'explorations.followUps.completed' : 'explorations.followUps.reopened', {
          title: f.title,
        }),
        key: Date.now(),
      });
    },
  });
  return { notice, mutation };
}

/** A table of follow-ups with complete / reopen buttons (where the caller's agency is the assignee). */
export function FollowUpTable({
  items,
  showExploration = true,
}: {
  items: ExplorationFollowUp[];
  showExploration?: boolean;
}) {
  const { t } = useTranslation();
  const { notice, mutation } = useFollowUpStatus();
  return (
    <>
      <SuccessNotice notice={notice} />
      {mutation.error ? <Alert tone="danger" title={errorMessage(mutation.error, t)} /> : null}
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--striped lotse-table-full">
          <caption className="kern-body">{t('explorations.followUps.caption')}</caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('explorations.followUps.columns.title')}
              </th>
              {showExploration ? (
                <th scope="col" className="kern-table__header">
                  {t('explorations.followUps.columns.exploration')}
                </th>
              ) : null}
              <th scope="col" className="kern-table__header">
                {t('explorations.followUps.columns.assignee')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('explorations.followUps.columns.due')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('explorations.followUps.columns.action')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {items.map((f) => (
              <tr className="kern-table__row" key={f.id}>
                <td className="kern-table__cell">
                  {f.title}
                  {f.status === 'done' ? (
                    <span className="kern-body kern-body--small"> ({t('explorations.followUps.statuses.done')})</span>
                  ) : null}
                  {f.description ? (
                    <>
                      <br />
                      <span className="kern-body kern-body--small">{f.description}</span>
                    </>
                  ) : null}
                </td>
                {showExploration ? (
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={paths.exploration(f.exploration.id)}>
                      {f.exploration.district.name}, {formatDay(f.exploration.exploredOn)}
                    </Link>
                  </td>
                ) : null}
                <td className="kern-table__cell">
                  {f.assignee.agency.name}
                  {f.assignee.user ? (
                    <>
                      <br />
                      <span className="kern-body kern-body--small">{f.assignee.user.displayName}</span>
                    </>
                  ) : null}
                </td>
                <td className="kern-table__cell lotse-nowrap">
                  {f.dueDate ? formatDay(f.dueDate) : t('explorations.followUps.noDue')}
                  {f.overdue ? (
                    <>
                      <br />
                      <span className="kern-badge kern-badge--danger">
                        <span className="kern-label">{t('explorations.followUps.overdue')}</span>
                      </span>
                    </>
                  ) : null}
                </td>
                <td className="kern-table__cell">
                  {f.mayChange ? (
                    <Button
                      variant="secondary"
                      small
                      disabled={mutation.isPending}
                      aria-label={t(
                        f.status === 'open'
                          ? 'explorations.followUps.completeLabel'
                          : 'explorations.followUps.reopenLabel',
                        { title: f.title },
                      )}
                      onClick={() => mutation.mutate({ f, status: f.status === 'open' ? 'done' : 'open' })}
                    >
                      {t(f.status === 'open' ? 'explorations.followUps.complete' : 'explorations.followUps.reopen')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
