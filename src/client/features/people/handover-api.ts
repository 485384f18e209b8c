import { queryOptions } from '@tanstack/react-query';
import { agencyCaseworkerListSchema } from '../../../shared/contracts/colleagues';
import {
  handoverBoardSchema,
  legalHandoverSchema,
  personHandoverListSchema,
  type HandoverBoardFilter,
  type HandoverUpdate,
} from '../../../shared/contracts/legal-handovers';
import { api, request } from '../../lib/api';

/**
 * A person's handovers. The key starts like the residence-document keys, so that recording or
 * changing a document (which may open a handover) refreshes this list too.
 */
export const personHandoversQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'residence-documents', personId, 'handovers'],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/handovers`, personHandoverListSchema, undefined, signal),
  });

export const handoverBoardQuery = (status: HandoverBoardFilter, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['legal-handovers', status, page, pageSize],
    queryFn: ({ signal }) => api.get('/legal-handovers', handoverBoardSchema, { status, page, pageSize }, signal),
  });

/** Colleagues of the own agency who can own a handover (caseworkers and team leads). */
export const ownerCandidatesQuery = (agencyId: string) =>
  queryOptions({
    queryKey: ['agencies', agencyId, 'caseworkers'],
    queryFn: ({ signal }) =>
      api.get(`/agencies/${encodeURIComponent(agencyId)}/caseworkers`, agencyCaseworkerListSchema, undefined, signal),
    staleTime: 5 * 60_000,
  });

export function updateHandover(id: string, version: number, body: HandoverUpdate) {
  return request('PATCH', `/legal-handovers/${encodeURIComponent(id)}`, {
    body,
    schema: legalHandoverSchema,
    headers: { 'If-Match': `"${version}"` },
  });
}
