import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  expiringDocumentsResultSchema,
  residenceDocumentListSchema,
  residenceDocumentSchema,
  type residenceDocumentInputSchema,
  type residenceDocumentUpdateSchema,
} from '../../../shared/contracts/residence-documents';
import { api, request } from '../../lib/api';

export type ResidenceDocumentInput = z.input<typeof residenceDocumentInputSchema>;
export type ResidenceDocumentUpdate = z.input<typeof residenceDocumentUpdateSchema>;
export type ExpiringDocumentsParams = { withinDays: number; includeExpired: boolean; page: number; pageSize: number };

const documentsPath = (personId: string) => `/people/${encodeURIComponent(personId)}/residence-documents`;
const documentPath = (personId: string, documentId: string) =>
  `${documentsPath(personId)}/${encodeURIComponent(documentId)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const residenceDocumentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'residence-documents', personId],
    queryFn: ({ signal }) => api.get(documentsPath(personId), residenceDocumentListSchema, undefined, signal),
  });

export const expiringDocumentsQuery = (params: ExpiringDocumentsParams) =>
  queryOptions({
    queryKey: ['people', 'expiring-documents', params],
    queryFn: ({ signal }) => api.get('/residence-documents/expiring', expiringDocumentsResultSchema, params, signal),
    placeholderData: keepPreviousData,
  });

/** After a change: the person's timeline and the agency's worklist both show documents. */
export function invalidateResidenceDocuments(queryClient: QueryClient, personId: string) {
  void queryClient.invalidateQueries({ queryKey: ['people', 'residence-documents', personId] });
  void queryClient.invalidateQueries({ queryKey: ['people', 'expiring-documents'] });
}

export const residenceDocumentsApi = {
  create: (personId: string, input: ResidenceDocumentInput) =>
    api.post(documentsPath(personId), input, residenceDocumentSchema),
  /** A document's ETag is its version; a stale If-Match answers 412. */
  update: (personId: string, documentId: string, version: number, input: ResidenceDocumentUpdate) =>
    request('PATCH', documentPath(personId, documentId), {
      body: input,
      schema: residenceDocumentSchema,
      headers: ifMatch(version),
    }),
  remove: (personId: string, documentId: string, version: number) =>
    request('DELETE', documentPath(personId, documentId), { headers: ifMatch(version) }),
};
