import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  duplicateCheckResponseSchema,
  personSchema,
  personSearchResultSchema,
  type duplicateCheckRequestSchema,
  type personCreateRequestSchema,
  type personUpdateRequestSchema,
} from '../../../shared/contracts/people';
import { api, request } from '../../lib/api';

export type PersonSearchParams = { q: string; dateOfBirth?: string | undefined; limit?: number };
export type DuplicateCheckParams = z.input<typeof duplicateCheckRequestSchema>;
export type PersonCreate = z.input<typeof personCreateRequestSchema>;
export type PersonUpdate = z.output<typeof personUpdateRequestSchema>;

export const personSearchQuery = (params: PersonSearchParams) =>
  queryOptions({
    queryKey: ['people', 'search', params],
    queryFn: ({ signal }) => api.get('/people', personSearchResultSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const personDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) => api.get(`/people/${encodeURIComponent(id)}`, personSchema, undefined, signal),
  });

export const duplicateCheckQuery = (params: DuplicateCheckParams, enabled: boolean) =>
  queryOptions({
    queryKey: ['people', 'duplicate-check', params],
    queryFn: ({ signal }) =>
      request('POST', '/people/duplicate-check', { body: params, schema: duplicateCheckResponseSchema, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const peopleApi = {
  create: (input: PersonCreate) => api.post('/people', input, personSchema),
  /** The ETag of a person is its version in quotes; If-Match makes a concurrent change fail with 412. */
  update: (id: string, version: number, input: PersonUpdate) =>
    request('PATCH', `/people/${encodeURIComponent(id)}`, {
      body: input,
      schema: personSchema,
      headers: { 'If-Match': `"${version}"` },
    }),
};
