import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  personDuplicatesResponseSchema,
  personMergeListSchema,
  personMergeResponseSchema,
  type personMergeRequestSchema,
} from '../../../shared/contracts/person-merge';
import { api, request } from '../../lib/api';
import { errorMessage, isApiError } from '../../lib/errors';

export type PersonMergeRequest = z.input<typeof personMergeRequestSchema>;

const personPath = (id: string) => `/people/${encodeURIComponent(id)}`;

/** Possible duplicates of a registered person; pairs marked "not the same person" are not among them. */
export const personDuplicatesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'duplicates', personId],
    queryFn: ({ signal }) =>
      api.get(`${personPath(personId)}/duplicates`, personDuplicatesResponseSchema, undefined, signal),
  });

/** The merges a person took part in, newest first as the server lists them. */
export const personMergesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'merges', personId],
    queryFn: ({ signal }) => api.get(`${personPath(personId)}/merges`, personMergeListSchema, undefined, signal),
  });

export const personMergeApi = {
  notDuplicate: (personId: string, otherPersonId: string) =>
    request('POST', `${personPath(personId)}/not-duplicate`, { body: { otherPersonId } }),
  undoNotDuplicate: (personId: string, otherPersonId: string) =>
    request('DELETE', `${personPath(personId)}/not-duplicate/${encodeURIComponent(otherPersonId)}`),
  merge: (input: PersonMergeRequest) => api.post('/people/merge', input, personMergeResponseSchema),
  undo: (mergeId: string) => request('POST', `/people/merges/${encodeURIComponent(mergeId)}/undo`),
};

/**
 * A merge or its undo changes both records, every list they appear in and their duplicates: all of
 * the people cache is stale.
 */
export function invalidatePeople(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['people'] });
}

/**
 * The server explains a refused merge or undo in its field messages ("another person was merged
 * into this person later …"); the problem's generic detail is only the fallback.
 */
export function mergeErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.fieldErrors.length > 0) return error.fieldErrors.map((e) => e.message).join(' ');
  return errorMessage(error, t);
}
