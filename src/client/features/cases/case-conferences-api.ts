import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  conferenceListSchema,
  conferenceSchema,
  type Conference,
  type ConferenceCreateRequest,
  type ConferenceSaveRequest,
} from '../../../shared/contracts/case-conferences';
import { api, request } from '../../lib/api';

const conferencesPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/conferences`;
const conferencePath = (c: Pick<Conference, 'caseId' | 'id'>) => `${conferencesPath(c.caseId)}/${encodeURIComponent(c.id)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const caseConferencesQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'conferences', caseId],
    queryFn: ({ signal }) => api.get(conferencesPath(caseId), conferenceListSchema, undefined, signal),
  });

export const caseConferenceQuery = (caseId: string, conferenceId: string) =>
  queryOptions({
    queryKey: ['cases', 'conference', caseId, conferenceId],
    queryFn: ({ signal }) =>
      api.get(`${conferencesPath(caseId)}/${encodeURIComponent(conferenceId)}`, conferenceSchema, undefined, signal),
  });

/** Puts a conference answered by a write into the cache and refreshes what depends on it. */
export function conferenceChanged(queryClient: QueryClient, value: Conference): void {
  queryClient.setQueryData(caseConferenceQuery(value.caseId, value.id).queryKey, value);
  void queryClient.invalidateQueries({ queryKey: ['cases', 'conferences', value.caseId] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', value.caseId] });
  if (value.status === 'held') {
    void queryClient.invalidateQueries({ queryKey: ['cases', 'tasks', value.caseId] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'workload'] });
  }
}

export const caseConferencesApi = {
  create: (caseId: string, input: ConferenceCreateRequest) => api.post(conferencesPath(caseId), input, conferenceSchema),
  save: (c: Conference, input: ConferenceSaveRequest) =>
    request('PUT', conferencePath(c), { body: input, schema: conferenceSchema, headers: ifMatch(c.version) }),
  finalise: (c: Pick<Conference, 'caseId' | 'id' | 'version'>) =>
    request('POST', `${conferencePath(c)}/finalise`, { schema: conferenceSchema, headers: ifMatch(c.version) }),
  cancel: (c: Conference) =>
    request('POST', `${conferencePath(c)}/cancel`, { schema: conferenceSchema, headers: ifMatch(c.version) }),
};
