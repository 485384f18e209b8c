import { queryOptions } from '@tanstack/react-query';
import {
  legalHoldListSchema,
  legalHoldSchema,
  purgeRunListSchema,
  purgeRunSchema,
  retentionPolicyListSchema,
  type LegalHoldCreate,
  type RetentionPolicyUpdate,
} from '../../../shared/contracts/retention';
import { api } from '../../lib/api';

export const retentionPoliciesQuery = queryOptions({
  queryKey: ['retention', 'policies'],
  queryFn: ({ signal }) => api.get('/retention/policies', retentionPolicyListSchema, undefined, signal),
});

export const purgeRunsQuery = queryOptions({
  queryKey: ['retention', 'runs'],
  queryFn: ({ signal }) => api.get('/retention/runs', purgeRunListSchema, undefined, signal),
});

export const legalHoldsQuery = (status: 'active' | 'released' | 'all') =>
  queryOptions({
    queryKey: ['legal-holds', status],
    queryFn: ({ signal }) => api.get('/legal-holds', legalHoldListSchema, { status }, signal),
  });

export const retentionApi = {
  setPolicy: (recordClass: string, body: RetentionPolicyUpdate) =>
    api.put(`/retention/policies/${recordClass}`, body, retentionPolicyListSchema),
  run: (dryRun: boolean) => api.post('/retention/runs', { dryRun }, purgeRunSchema),
  placeHold: (body: LegalHoldCreate) => api.post('/legal-holds', body, legalHoldSchema),
  releaseHold: (id: string, note: string) => api.post(`/legal-holds/${id}/release`, { note }, legalHoldSchema),
};
