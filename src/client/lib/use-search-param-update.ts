import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

type Patch = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Parameters set by `update` that the router has not committed yet, and the address they were based on. */
interface PendingParams {
  readonly params: URLSearchParams;
  readonly basedOn: string;
}

/**
 * List pages keep their filters, sort and page in the address so that a list can be bookmarked
 * and shared. The returned `update` sets the given parameters (empty, null, undefined or false
 * removes one) on the *latest* address, not on the one this render saw, so two quick changes
 * (a select and a checkbox) never undo each other.
 *
 * The router commits a navigation in a transition, i.e. a moment later. Until it does, the returned
 * parameters already show the update, so a controlled checkbox or select does not flip back to its
 * old value in between (a user clicking twice, or a test, would otherwise see the old state). The
 * pending value is dropped as soon as the router's address changes.
 */
export function useSearchParamUpdate() {
  const [search, setSearch] = useSearchParams();
  const [pending, setPending] = useState<PendingParams | null>(null);
  const current = search.toString();
  const visible = pending && pending.basedOn === current ? pending.params : search;
  const latest = useRef(visible);
  const committed = useRef(current);
  useLayoutEffect(() => {
    latest.current = visible;
    committed.current = current;
  });

  const update = useCallback(
    (patch: Patch, options: { replace?: boolean } = {}) => {
      const merged = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(patch)) {
        if (value === '' || value === null || value === undefined || value === false) merged.delete(key);
        else merged.set(key, String(value));
      }
      latest.current = merged;
      setPending({ params: merged, basedOn: committed.current });
      setSearch(merged, options);
    },
    [setSearch],
  );
  return [visible, update] as const;
}
