import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { syncLocaleAfterSignIn } from '../lib/locale';
import { isSessionComplete, useMe } from '../lib/session';
import { RouteFocus } from './route-focus';

export function RootLayout() {
  const { data: me } = useMe();
  const signedInUserId = isSessionComplete(me) ? me.user.id : null;

  useEffect(() => {
    if (signedInUserId && isSessionComplete(me)) void syncLocaleAfterSignIn(me);
    // Only when a (different) user has completed sign-in, not on every refetch of /auth/me.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedInUserId]);

  return (
    <>
      <RouteFocus />
      <Outlet />
    </>
  );
}
