import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

type Patch = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * List pages keep their filters, sort and page in the address so that a list can be bookmarked
 * and shared. The returned `update` sets the given parameters (empty, null, undefined or false
 * removes one) on the *current* address, not on the one this render saw, so two quick changes
 * (a select and a checkbox) never undo each other.
 */
export function useSearchParamUpdate() {
  const [search, setSearch] = useSearchParams();
  const update = useCallback(
    (patch: Patch, options: { replace?: boolean } = {}) => {
      setSearch((current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === '' || value === null || value === undefined || value === false) merged.delete(key);
          else merged.set(key, String(value));
        }
        return merged;
      }, options);
    },
    [setSearch],
  );
  return [search, update] as const;
}
