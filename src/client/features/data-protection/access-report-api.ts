import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { accessReportSchema, privacyPeopleListSchema } from '../../../shared/contracts/privacy-reports';
import { api } from '../../lib/api';

export const privacyPeopleQuery = (q: string, page: number) =>
  queryOptions({
    queryKey: ['privacy', 'people', q, page],
    queryFn: ({ signal }) => api.get('/privacy/people', privacyPeopleListSchema, { q, page }, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export type ReportPeriod = { from: string; to: string };

const periodQuery = (period: ReportPeriod) => {
  const query: Record<string, string> = {};
  if (period.from) query.from = period.from;
  if (period.to) query.to = period.to;
  return query;
};

export const accessReportQuery = (personId: string, period: ReportPeriod) =>
  queryOptions({
    queryKey: ['privacy', 'access-report', personId, period],
    queryFn: ({ signal }) =>
      api.get(`/privacy/people/${personId}/access-report`, accessReportSchema, periodQuery(period), signal),
    // Every fetch is an audited report: never refetch behind the officer's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export function accessReportUrl(personId: string, period: ReportPeriod, format: 'json' | 'pdf'): string {
  const query = new URLSearchParams(periodQuery(period)).toString();
  return `/api/v1/privacy/people/${personId}/access-report${format === 'pdf' ? '/pdf' : ''}${query ? `?${query}` : ''}`;
}
