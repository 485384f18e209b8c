import { useSyncExternalStore } from 'react';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { meSchema, type Me } from '../../shared/contracts/auth';
import { api, setCsrfToken } from './api';
import { isApiError } from './errors';

export const meQueryKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get('/auth/me', meSchema);
    setCsrfToken(me.session.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: fetchMe,
  staleTime: 60_000,
  retry: false,
});

/** The signed-in user, `null` when there is no session, `undefined` while loading. */
export function useMe() {
  return useQuery(meQuery);
}

export function isSessionComplete(me: Me | null | undefined): me is Me {
  return !!me && me.session.state === 'complete';
}

export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

/** Stores a freshly obtained session (login, second factor, enrolment) in the query cache. */
export function storeSession(queryClient: QueryClient, me: Me | null, csrfToken?: string): void {
  setCsrfToken(csrfToken ?? me?.session.csrfToken ?? null);
  queryClient.setQueryData(meQueryKey, me);
}

/** Forgets everything cached for the previous user. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

/** Why the login page is shown: a one-time notice that the login page displays and then clears. */
export type SessionNotice = 'expired' | 'loggedOut' | 'passwordChanged';

let notice: SessionNotice | null = null;
const listeners = new Set<() => void>();

export function setSessionNotice(next: SessionNotice | null): void {
  notice = next;
  for (const listener of listeners) listener();
}

export function useSessionNotice(): SessionNotice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notice,
  );
}
