import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  employmentOutcomeListSchema,
  employmentOutcomeSchema,
  type employmentOutcomeCreateRequestSchema,
} from '../../../shared/contracts/employment-outcomes';
import {
  measureListSchema,
  measureMatchesSchema,
  measureSchema,
  type measureCreateRequestSchema,
  type MeasureListQuery,
  type MeasureUpdateRequest,
} from '../../../shared/contracts/measures';
import { districtListSchema } from '../../../shared/contracts/districts';
import { referralCriteriaSchema } from '../../../shared/contracts/referral-criteria';
import type { Criterion } from '../../../shared/domain/referrals/criteria';
import { api, request } from '../../lib/api';

export type MeasureCreate = z.input<typeof measureCreateRequestSchema>;
export type EmploymentOutcomeCreate = z.input<typeof employmentOutcomeCreateRequestSchema>;
export type MeasureListParams = Partial<Omit<MeasureListQuery, 'hasPlaces'>> & { hasPlaces?: 'true' | 'false' };

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const measureListQuery = (params: MeasureListParams) =>
  queryOptions({
    queryKey: ['measures', 'list', params],
    queryFn: ({ signal }) => api.get('/measures', measureListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const measureQuery = (id: string) =>
  queryOptions({
    queryKey: ['measures', 'detail', id],
    queryFn: ({ signal }) => api.get(`/measures/${encodeURIComponent(id)}`, measureSchema, undefined, signal),
  });

export const measureMatchesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['measures', 'matches', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/measure-matches`, measureMatchesSchema, undefined, signal),
  });

export const createMeasure = (body: MeasureCreate) => api.post('/measures', body, measureSchema);

export const updateMeasure = (id: string, version: number, body: MeasureUpdateRequest) =>
  request('PATCH', `/measures/${encodeURIComponent(id)}`, { body, schema: measureSchema, headers: ifMatch(version) });

export const referralCriteriaQuery = (agencyId: string) =>
  queryOptions({
    queryKey: ['referral-criteria', agencyId],
    queryFn: ({ signal }) =>
      api.get(`/agencies/${encodeURIComponent(agencyId)}/referral-criteria`, referralCriteriaSchema, undefined, signal),
  });

export const saveReferralCriteria = (agencyId: string, version: number, criteria: Criterion[]) =>
  request('PUT', `/agencies/${encodeURIComponent(agencyId)}/referral-criteria`, {
    body: { criteria },
    schema: referralCriteriaSchema,
    headers: ifMatch(version),
  });

export const employmentOutcomesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['employment-outcomes', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/employment-outcomes`, employmentOutcomeListSchema, undefined, signal),
  });

export const recordEmploymentOutcome = (personId: string, body: EmploymentOutcomeCreate) =>
  api.post(`/people/${encodeURIComponent(personId)}/employment-outcomes`, body, employmentOutcomeSchema);

export const deleteEmploymentOutcome = (personId: string, outcomeId: string) =>
  request('DELETE', `/people/${encodeURIComponent(personId)}/employment-outcomes/${encodeURIComponent(outcomeId)}`);

export const invalidateMeasures = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ['measures'] });

/** The same list and key as the social-space feature: the cache is shared. */
export const districtsQuery = queryOptions({
  queryKey: ['districts'],
  queryFn: () => api.get('/districts', districtListSchema),
});
