import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { agencyListSchema } from '../../../shared/contracts/agencies';
import {
  assessmentComparisonSchema,
  assessmentListSchema,
  assessmentSchema,
  type AssessmentSaveRequest,
} from '../../../shared/contracts/assessments';
import {
  caseListSchema,
  caseSchema,
  caseTimelineSchema,
  caseWorkloadSchema,
  personCaseListSchema,
  type Case,
  type caseCreateRequestSchema,
  type CaseListQuery,
  type CasePhaseChangeRequest,
  type CaseReassignRequest,
  type CaseReopenRequest,
  type CaseTeamMemberAddRequest,
  type CaseTimelineQuery,
} from '../../../shared/contracts/cases';
import { consentListSchema } from '../../../shared/contracts/consent';
import { personSchema } from '../../../shared/contracts/people';
import { api, request } from '../../lib/api';

export type CaseCreate = z.input<typeof caseCreateRequestSchema>;
export type CaseListParams = Partial<CaseListQuery>;

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
/** Every write to a case sends the version it was based on; a concurrent change answers 412. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const caseListQuery = (params: CaseListParams) =>
  queryOptions({
    queryKey: ['cases', 'list', params],
    queryFn: ({ signal }) => api.get('/cases', caseListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const caseDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => api.get(casePath(id), caseSchema, undefined, signal),
  });

export const caseTimelineQuery = (id: string, params: Partial<CaseTimelineQuery>) =>
  queryOptions({
    queryKey: ['cases', 'timeline', id, params],
    queryFn: ({ signal }) => api.get(`${casePath(id)}/timeline`, caseTimelineSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const caseWorkloadQuery = (scope: 'team' | 'agency' | undefined) =>
  queryOptions({
    queryKey: ['cases', 'workload', scope ?? 'default'],
    queryFn: ({ signal }) => api.get('/cases/workload', caseWorkloadSchema, scope ? { scope } : undefined, signal),
  });

export const assessmentListQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'assessments', caseId],
    queryFn: ({ signal }) => api.get(`${casePath(caseId)}/assessments`, assessmentListSchema, undefined, signal),
  });

export const assessmentQuery = (caseId: string, versionNo: number) =>
  queryOptions({
    queryKey: ['cases', 'assessment', caseId, versionNo],
    queryFn: ({ signal }) =>
      api.get(`${casePath(caseId)}/assessments/${versionNo}`, assessmentSchema, undefined, signal),
  });

export const assessmentCompareQuery = (caseId: string, from: number, to: number) =>
  queryOptions({
    queryKey: ['cases', 'assessment-compare', caseId, from, to],
    queryFn: ({ signal }) =>
      api.get(`${casePath(caseId)}/assessments/compare`, assessmentComparisonSchema, { from, to }, signal),
  });

/** Agencies that can join a case team (read by every signed-in user). */
/**
 * The person's consents (consent module), for the basis of a new team member; the same key as
 * the consent feature, so the cache is shared.
 */
export const personConsentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['consents', 'person', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/consents`, consentListSchema, undefined, signal),
  });

export const teamAgenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
  staleTime: 5 * 60_000,
});

/** The person a new case is opened for (the create page preselects them). */
export const casePersonQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) => api.get(`/people/${encodeURIComponent(id)}`, personSchema, undefined, signal),
  });

export const personCasesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['cases', 'person', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/cases`, personCaseListSchema, undefined, signal),
  });

/** Puts a case answered by a write into the cache and refreshes what depends on it. */
export function caseChanged(queryClient: QueryClient, value: Case): void {
  queryClient.setQueryData(caseDetailQuery(value.id).queryKey, value);
  void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', value.id] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'person', value.person.id] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'workload'] });
}

export const casesApi = {
  list: (params: CaseListParams) => api.get('/cases', caseListSchema, params),
  create: (input: CaseCreate) => api.post('/cases', input, caseSchema),
  changePhase: (c: Case, input: CasePhaseChangeRequest) =>
    request('POST', `${casePath(c.id)}/phase`, { body: input, schema: caseSchema, headers: ifMatch(c.version) }),
  reopen: (c: Case, input: CaseReopenRequest) =>
    request('POST', `${casePath(c.id)}/reopen`, { body: input, schema: caseSchema, headers: ifMatch(c.version) }),
  addTeamMember: (c: Case, input: CaseTeamMemberAddRequest) =>
    request('POST', `${casePath(c.id)}/team`, { body: input, schema: caseSchema, headers: ifMatch(c.version) }),
  endTeamMember: (c: Case, memberId: string, reason: string | null) =>
    request('POST', `${casePath(c.id)}/team/${encodeURIComponent(memberId)}/end`, {
      body: { reason },
      schema: caseSchema,
      headers: ifMatch(c.version),
    }),
  reassign: (caseId: string, input: CaseReassignRequest) => api.post(`${casePath(caseId)}/reassign`, input, caseSchema),
  startAssessment: (caseId: string, basis: 'latest' | 'empty') =>
    api.post(`${casePath(caseId)}/assessments`, { basis }, assessmentSchema),
  saveAssessment: (caseId: string, versionNo: number, revision: number, input: AssessmentSaveRequest) =>
    request('PUT', `${casePath(caseId)}/assessments/${versionNo}`, {
      body: input,
      schema: assessmentSchema,
      headers: ifMatch(revision),
    }),
  completeAssessment: (caseId: string, versionNo: number, revision: number) =>
    request('POST', `${casePath(caseId)}/assessments/${versionNo}/complete`, {
      schema: assessmentSchema,
      headers: ifMatch(revision),
    }),
};
