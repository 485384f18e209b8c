import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { auditListSchema, auditVerifyResultSchema, type auditListQuerySchema } from '../../../shared/contracts/audit';
import { agencyListSchema } from '../../../shared/contracts/agencies';
import { api } from '../../lib/api';

export type AuditListParams = Partial<z.input<typeof auditListQuerySchema>>;

export const auditListQuery = (params: AuditListParams) =>
  queryOptions({
    queryKey: ['audit', 'events', params],
    queryFn: ({ signal }) => api.get('/audit/events', auditListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

/** The agencies for the agency filter (same cache entry as the agency list). */
export const auditAgenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
});

export const auditApi = {
  verify: () => api.get('/audit/verify', auditVerifyResultSchema),
};
