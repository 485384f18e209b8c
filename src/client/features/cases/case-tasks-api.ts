import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  caseTaskListSchema,
  caseTaskSchema,
  taskInboxSchema,
  type CaseTask,
  type taskCreateRequestSchema,
  type TaskInboxQuery,
  type TaskStatusFilter,
  type TaskUpdateRequest,
} from '../../../shared/contracts/case-tasks';
import { api, request } from '../../lib/api';

export type TaskCreate = z.input<typeof taskCreateRequestSchema>;

const tasksPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/tasks`;

/** Enough for the open tasks of one case; the panel pages beyond that. */
export const CASE_TASKS_PAGE_SIZE = 50;

export const caseTasksQuery = (caseId: string, status: TaskStatusFilter, page = 1) =>
  queryOptions({
    queryKey: ['cases', 'tasks', caseId, status, page],
    queryFn: ({ signal }) =>
      api.get(tasksPath(caseId), caseTaskListSchema, { status, page, pageSize: CASE_TASKS_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

export const taskInboxQuery = (params: TaskInboxQuery) =>
  queryOptions({
    queryKey: ['tasks', 'inbox', params],
    queryFn: ({ signal }) => api.get('/tasks', taskInboxSchema, params, signal),
    placeholderData: keepPreviousData,
  });

/** After a task changed: every list that shows it, the case's timeline and the workload. */
export function tasksChanged(queryClient: QueryClient, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: ['cases', 'tasks', caseId] });
  void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'workload'] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'conference', caseId] });
}

export const caseTasksApi = {
  create: (caseId: string, input: TaskCreate) => api.post(tasksPath(caseId), input, caseTaskSchema),
  /** Sends the version the change was based on; a concurrent change answers 412. */
  update: (task: Pick<CaseTask, 'id' | 'version' | 'case'>, input: TaskUpdateRequest) =>
    request('PATCH', `${tasksPath(task.case.id)}/${encodeURIComponent(task.id)}`, {
      body: input,
      schema: caseTaskSchema,
      headers: { 'If-Match': `"${task.version}"` },
    }),
};
