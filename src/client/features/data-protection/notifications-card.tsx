import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { notificationsApi, notificationsQuery } from './notifications-api';

/** "Benachrichtigungen" on Mein Arbeitsplatz: unread first; each leads to where it can be acted on. */
export function NotificationsCard() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const result = useQuery(notificationsQuery(page));
  const markRead = useMutation({
    mutationFn: notificationsApi.markRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const language = i18n.language.startsWith('en') ? 'en' : 'de';
  const canReview = hasPermission(me, 'break_glass.review');
  const data = result.data;

  return (
    <section className="kern-card kern-card--hug lotse-grid__wide" aria-labelledby="notifications-title">
      <div className="kern-card__container">
        <header className="kern-card__header lotse-section-card__header">
          <h2 className="kern-title kern-title--large" id="notifications-title">
            {t('transfers.notifications.title')}
          </h2>
          {data && data.unreadCount > 0 ? (
            <span className="kern-badge kern-badge--warning">
              <span className="kern-label">{t('transfers.notifications.unread', { count: data.unreadCount })}</span>
            </span>
          ) : null}
        </header>
        <div className="kern-card__body lotse-stack">
          {result.isPending ? <Loading /> : null}
          {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
          {data && data.items.length === 0 ? (
            <EmptyState title={t('transfers.notifications.empty')}>{t('transfers.notifications.emptyText')}</EmptyState>
          ) : null}
          {data && data.items.length > 0 ? (
            <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
              {data.items.map((n) => (
                <li key={n.id} className="lotse-repeat-group">
                  <p className="kern-body">
                    {n.readAt === null ? (
                      <>
                        <span className="kern-badge kern-badge--info">
                          <span className="kern-label">{t('transfers.notifications.new')}</span>
                        </span>{' '}
                      </>
                    ) : null}
                    {n.text[language]}
                  </p>
                  <p className="kern-body kern-body--muted">{formatDateTime(n.createdAt)}</p>
                  <div className="lotse-button-row">
                    {n.target === 'break_glass_reviews' && canReview ? (
                      <Link className="kern-link" to={paths.breakGlassReviews}>
                        {t('transfers.notifications.toReviews')}
                      </Link>
                    ) : null}
                    {n.readAt === null ? (
                      <Button
                        variant="tertiary"
                        small
                        disabled={markRead.isPending}
                        onClick={() => markRead.mutate(n.id)}
                      >
                        {t('transfers.notifications.markRead')}
                      </Button>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          {data && data.page.total > data.page.pageSize ? <Pagination page={data.page} onPageChange={setPage} /> : null}
        </div>
      </div>
    </section>
  );
}
