import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  benefitReductionListSchema,
  benefitReductionSchema,
  guardResultSchema,
  type BenefitReductionCheckRequest,
  type benefitReductionCreateRequestSchema,
} from '../../../shared/contracts/benefit-reductions';
import { api } from '../../lib/api';

const base = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/benefit-reductions`;

export type BenefitReductionCreate = z.input<typeof benefitReductionCreateRequestSchema>;

export const benefitReductionsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'benefit-reductions', caseId],
    queryFn: ({ signal }) => api.get(base(caseId), benefitReductionListSchema, undefined, signal),
  });

export const benefitReductionsApi = {
  check: (caseId: string, input: BenefitReductionCheckRequest) =>
    api.post(`${base(caseId)}/check`, input, guardResultSchema),
  record: (caseId: string, input: BenefitReductionCreate) => api.post(base(caseId), input, benefitReductionSchema),
};

/** After a decision: the case (its reductions, tasks and timeline) and the task inbox. */
export function benefitReductionsChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['cases'] });
  void queryClient.invalidateQueries({ queryKey: ['tasks'] });
}
