import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { agencyListSchema } from '../../../shared/contracts/agencies';
import { districtListSchema } from '../../../shared/contracts/districts';
import { funnelReportSchema, type FunnelQuery } from '../../../shared/contracts/funnel';
import { api } from '../../lib/api';

export const funnelQuery = (params: FunnelQuery) =>
  queryOptions({
    queryKey: ['reports', 'funnel', params],
    queryFn: ({ signal }) => api.get('/reports/funnel', funnelReportSchema, params, signal),
    placeholderData: keepPreviousData,
  });

/** The CSV with the same filters (a plain GET: the session cookie is sent, no CSRF needed). */
export function funnelCsvUrl(params: FunnelQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, String(value));
  const query = search.toString();
  return `/api/v1/reports/funnel.csv${query ? `?${query}` : ''}`;
}

/** The agencies for the receiving-agency filter (steering and team leads may read them). */
export const funnelAgenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
});

/** The districts for the district filter. */
export const funnelDistrictsQuery = queryOptions({
  queryKey: ['districts'],
  queryFn: () => api.get('/districts', districtListSchema),
});
