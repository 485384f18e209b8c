import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/ui/loading';
import { QueryError } from '../components/ui/query-error';
import { paths } from '../lib/paths';
import { isSessionComplete, useMe } from '../lib/session';

export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();
  if (isPending) {
    return (
      <div className="kern-container lotse-boot">
        <Loading />
      </div>
    );
  }
  if (error) {
    return (
      <main id="main" className="kern-container lotse-boot">
        <QueryError error={error} onRetry={() => void refetch()} />
      </main>
    );
  }
  if (!isSessionComplete(me)) {
    return <Navigate to={paths.login} replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}
