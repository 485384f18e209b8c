import { queryOptions } from '@tanstack/react-query';
import { agencyCaseworkerListSchema } from '../../../shared/contracts/colleagues';
import { api } from '../../lib/api';

/** Active caseworkers and team leads of an agency, for naming a colleague on a case (sorted by name). */
export const agencyCaseworkersQuery = (agencyId: string) =>
  queryOptions({
    queryKey: ['agencies', agencyId, 'caseworkers'],
    queryFn: ({ signal }) =>
      api.get(`/agencies/${encodeURIComponent(agencyId)}/caseworkers`, agencyCaseworkerListSchema, undefined, signal),
    enabled: agencyId !== '',
    staleTime: 5 * 60_000,
  });
