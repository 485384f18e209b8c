import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { agencyListSchema } from '../../../shared/contracts/agencies';
import { agencyCaseworkerListSchema } from '../../../shared/contracts/colleagues';
import {
  explorationDetailSchema,
  explorationFollowUpSchema,
  explorationListSchema,
  explorationOverviewSchema,
  followUpListSchema,
  type ExplorationCreateRequest,
  type ExplorationFollowUp,
  type ExplorationListQuery,
  type FollowUpListQuery,
  type FollowUpStatus,
} from '../../../shared/contracts/explorations';
import { api, request } from '../../lib/api';

export const explorationOverviewQuery = () =>
  queryOptions({
    queryKey: ['explorations', 'overview'],
    queryFn: ({ signal }) => api.get('/explorations/overview', explorationOverviewSchema, undefined, signal),
  });

export const explorationListQuery = (params: ExplorationListQuery) =>
  queryOptions({
    queryKey: ['explorations', 'list', params],
    queryFn: ({ signal }) => api.get('/explorations', explorationListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const explorationQuery = (id: string) =>
  queryOptions({
    queryKey: ['explorations', 'detail', id],
    queryFn: ({ signal }) =>
      api.get(`/explorations/${encodeURIComponent(id)}`, explorationDetailSchema, undefined, signal),
  });

export const followUpsQuery = (params: FollowUpListQuery) =>
  queryOptions({
    queryKey: ['explorations', 'follow-ups', params],
    queryFn: ({ signal }) => api.get('/exploration-follow-ups', followUpListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

/** All agencies (follow-ups may go to any of them). */
export const agenciesQuery = () =>
  queryOptions({
    queryKey: ['agencies', 'list'],
    queryFn: ({ signal }) => api.get('/agencies', agencyListSchema, undefined, signal),
    staleTime: 5 * 60_000,
  });

/** Active caseworkers and team leads of an agency. */
export const caseworkersQuery = (agencyId: string) =>
  queryOptions({
    queryKey: ['agencies', agencyId, 'caseworkers'],
    queryFn: ({ signal }) =>
      api.get(`/agencies/${encodeURIComponent(agencyId)}/caseworkers`, agencyCaseworkerListSchema, undefined, signal),
    enabled: agencyId !== '',
    staleTime: 5 * 60_000,
  });

export function explorationsChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['explorations'] });
  void queryClient.invalidateQueries({ queryKey: ['addresses'] });
  void queryClient.invalidateQueries({ queryKey: ['districts'] });
  void queryClient.invalidateQueries({ queryKey: ['resources'] });
}

export const explorationApi = {
  create: (input: ExplorationCreateRequest) => api.post('/explorations', input, explorationDetailSchema),
  setFollowUpStatus: (f: Pick<ExplorationFollowUp, 'id' | 'version'>, status: FollowUpStatus) =>
    request('PATCH', `/exploration-follow-ups/${encodeURIComponent(f.id)}`, {
      body: { status },
      schema: explorationFollowUpSchema,
      headers: { 'If-Match': `"${f.version}"` },
    }),
};
