import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  breakGlassGrantSchema,
  breakGlassListSchema,
  breakGlassSearchResultSchema,
  type BreakGlassRequest,
  type BreakGlassReviewRequest,
  type BreakGlassSearchRequest,
} from '../../../shared/contracts/break-glass';
import { api } from '../../lib/api';

export const ownGrantsQuery = (page = 1) =>
  queryOptions({
    queryKey: ['break-glass', 'own', page],
    queryFn: ({ signal }) => api.get('/break-glass', breakGlassListSchema, { page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });

export const reviewGrantsQuery = (status: 'open' | 'reviewed', page: number) =>
  queryOptions({
    queryKey: ['break-glass', 'reviews', status, page],
    queryFn: ({ signal }) =>
      api.get('/break-glass/reviews', breakGlassListSchema, { status, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });

/** After a grant starts or ends, what the caller may see of people changes everywhere. */
export function invalidateAccess(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['break-glass'] });
  void queryClient.invalidateQueries({ queryKey: ['people'] });
}

export const breakGlassApi = {
  search: (input: BreakGlassSearchRequest) => api.post('/break-glass/search', input, breakGlassSearchResultSchema),
  request: (input: BreakGlassRequest) => api.post('/break-glass', input, breakGlassGrantSchema),
  end: (id: string) => api.post(`/break-glass/${encodeURIComponent(id)}/end`, undefined, breakGlassGrantSchema),
  review: (id: string, input: BreakGlassReviewRequest) =>
    api.post(`/break-glass/${encodeURIComponent(id)}/review`, input, breakGlassGrantSchema),
};
