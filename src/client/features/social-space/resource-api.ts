import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  resourceDetailSchema,
  resourceImportResultSchema,
  resourceListSchema,
  taxonomyListSchema,
  type ResourceDetail,
  type ResourceInput,
  type ResourceListQuery,
} from '../../../shared/contracts/resources';
import { api, request } from '../../lib/api';

export const resourceListQuery = (params: ResourceListQuery) =>
  queryOptions({
    queryKey: ['resources', 'list', params],
    queryFn: ({ signal }) => api.get('/resources', resourceListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const resourceQuery = (id: string) =>
  queryOptions({
    queryKey: ['resources', 'detail', id],
    queryFn: ({ signal }) => api.get(`/resources/${encodeURIComponent(id)}`, resourceDetailSchema, undefined, signal),
  });

export const resourceTaxonomyQuery = queryOptions({
  queryKey: ['resource-taxonomy', 'terms'],
  queryFn: ({ signal }) => api.get('/resource-taxonomy', taxonomyListSchema, undefined, signal),
  staleTime: 10 * 60_000,
});

export const resourceEditPath = (id: string) => `/sozialraum/angebote/${id}/bearbeiten`;

export const resourceApi = {
  create: (input: ResourceInput) => api.post('/resources', input, resourceDetailSchema),
  update: (r: Pick<ResourceDetail, 'id' | 'version'>, input: ResourceInput) =>
    request('PATCH', `/resources/${encodeURIComponent(r.id)}`, {
      body: input,
      schema: resourceDetailSchema,
      headers: { 'If-Match': `"${r.version}"` },
    }),
  verify: (r: Pick<ResourceDetail, 'id' | 'version'>) =>
    request('POST', `/resources/${encodeURIComponent(r.id)}/verify`, {
      body: {},
      schema: resourceDetailSchema,
      headers: { 'If-Match': `"${r.version}"` },
    }),
  remove: (id: string) =>
    request('DELETE', `/resources/${encodeURIComponent(id)}`, { schema: z.object({ ok: z.literal(true) }) }),
  exportDocument: () => api.get('/resources/export', z.array(z.record(z.string(), z.unknown()))),
  importDocument: (doc: unknown[], dryRun: boolean) =>
    request('POST', '/resources/import', {
      body: doc,
      query: { dryRun: String(dryRun) },
      schema: resourceImportResultSchema,
    }),
};
