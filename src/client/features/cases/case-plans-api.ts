import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  planListSchema,
  planSchema,
  type Plan,
  type PlanCreateInput,
  type PlanUpdateInput,
  type StepProgressRequest,
} from '../../../shared/contracts/case-plans';
import { api, request } from '../../lib/api';

const plansPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/plans`;
const planPath = (caseId: string, planId: string) => `${plansPath(caseId)}/${encodeURIComponent(planId)}`;
/** Every write to a plan names the version it was based on; a concurrent change answers 412. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const casePlanListQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'plans', caseId],
    queryFn: ({ signal }) => api.get(plansPath(caseId), planListSchema, undefined, signal),
  });

export const casePlanQuery = (caseId: string, planId: string) =>
  queryOptions({
    queryKey: ['cases', 'plan', caseId, planId],
    queryFn: ({ signal }) => api.get(planPath(caseId, planId), planSchema, undefined, signal),
  });

/** The printed plan (a plain link: the browser downloads it with the session cookie). */
export const casePlanPdfUrl = (caseId: string, planId: string) => `/api/v1${planPath(caseId, planId)}/pdf`;

/** Puts a plan answered by a write into the cache and refreshes what depends on it. */
export function casePlanChanged(queryClient: QueryClient, plan: Plan): void {
  queryClient.setQueryData(casePlanQuery(plan.caseId, plan.id).queryKey, plan);
  void queryClient.invalidateQueries({ queryKey: casePlanListQuery(plan.caseId).queryKey });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', plan.caseId] });
  // Review reminders live in the case's tasks.
  void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'tasks', plan.caseId] });
}

export const casePlansApi = {
  create: (caseId: string, input: PlanCreateInput) => api.post(plansPath(caseId), input, planSchema),
  update: (plan: Plan, input: PlanUpdateInput) =>
    request('PUT', planPath(plan.caseId, plan.id), { body: input, schema: planSchema, headers: ifMatch(plan.version) }),
  recordProgress: (plan: Plan, stepId: string, input: StepProgressRequest) =>
    request('POST', `${planPath(plan.caseId, plan.id)}/steps/${encodeURIComponent(stepId)}/progress`, {
      body: input,
      schema: planSchema,
      headers: ifMatch(plan.version),
    }),
};
