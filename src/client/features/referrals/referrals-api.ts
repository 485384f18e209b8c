import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { agencyListSchema } from '../../../shared/contracts/agencies';
import { measureListSchema } from '../../../shared/contracts/measures';
import {
  criteriaCheckSchema,
  referralListSchema,
  referralSchema,
  rejectionReasonListSchema,
  type Referral,
  type referralCreateRequestSchema,
  type ReferralListQuery,
  type ReferralSendRequest,
  type ReferralTransitionRequest,
} from '../../../shared/contracts/referrals';
import { api, request } from '../../lib/api';

export type ReferralCreate = z.input<typeof referralCreateRequestSchema>;

/** The same list and key as the agencies feature: the cache is shared. */
export const agenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
});

export const referralListQuery = (params: ReferralListQuery) =>
  queryOptions({
    queryKey: ['referrals', 'list', params],
    queryFn: ({ signal }) => api.get('/referrals', referralListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', 'detail', id],
    queryFn: ({ signal }) => api.get(`/referrals/${encodeURIComponent(id)}`, referralSchema, undefined, signal),
  });

export const referralCriteriaCheckQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', 'criteria-check', id],
    queryFn: ({ signal }) =>
      api.get(`/referrals/${encodeURIComponent(id)}/criteria-check`, criteriaCheckSchema, undefined, signal),
    retry: false,
  });

export const rejectionReasonsQuery = queryOptions({
  queryKey: ['referrals', 'rejection-reasons'],
  queryFn: ({ signal }) => api.get('/referral-rejection-reasons', rejectionReasonListSchema, undefined, signal),
  staleTime: 5 * 60_000,
});

/** The active measures whose referrals the agency receives (the measures catalogue). */
export const agencyMeasuresQuery = (agencyId: string) =>
  queryOptions({
    queryKey: ['measures', 'for-referral', agencyId],
    queryFn: ({ signal }) =>
      api.get('/measures', measureListSchema, { agencyId, active: 'true', pageSize: 200 }, signal),
    enabled: agencyId !== '',
    retry: false,
  });

export function referralsChanged(queryClient: QueryClient, referral?: Referral): void {
  void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
  if (referral) queryClient.setQueryData(referralQuery(referral.id).queryKey, referral);
}

const ifMatch = (r: Pick<Referral, 'version'>) => ({ 'If-Match': `"${r.version}"` });

export const referralsApi = {
  create: (personId: string, input: ReferralCreate) =>
    api.post(`/people/${encodeURIComponent(personId)}/referrals`, input, referralSchema),
  send: (r: Pick<Referral, 'id' | 'version'>, input: ReferralSendRequest) =>
    request('POST', `/referrals/${encodeURIComponent(r.id)}/send`, {
      body: input,
      schema: referralSchema,
      headers: ifMatch(r),
    }),
  transition: (r: Pick<Referral, 'id' | 'version'>, input: ReferralTransitionRequest) =>
    request('POST', `/referrals/${encodeURIComponent(r.id)}/transition`, {
      body: input,
      schema: referralSchema,
      headers: ifMatch(r),
    }),
};
