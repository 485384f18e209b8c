import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { appointmentListSchema } from '../../../shared/contracts/case-records';
import { personCaseListSchema } from '../../../shared/contracts/cases';
import { personSchema } from '../../../shared/contracts/people';
import {
  letterDetailSchema,
  letterListSchema,
  letterTemplateListSchema,
  type LetterCreateRequest,
  type LetterListQuery,
  type LetterUpdateRequest,
} from '../../../shared/contracts/letters';
import { api, request } from '../../lib/api';

const letterPath = (id: string) => `/letters/${encodeURIComponent(id)}`;

export const letterTemplatesQuery = queryOptions({
  queryKey: ['letters', 'templates'],
  queryFn: ({ signal }) => api.get('/letter-templates', letterTemplateListSchema, undefined, signal),
  staleTime: 10 * 60_000,
});

export const letterQuery = (id: string) =>
  queryOptions({
    queryKey: ['letters', 'detail', id],
    queryFn: ({ signal }) => api.get(letterPath(id), letterDetailSchema, undefined, signal),
  });

export const personLettersQuery = (personId: string, query: Partial<LetterListQuery>) =>
  queryOptions({
    queryKey: ['letters', 'person', personId, query],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/letters`, letterListSchema, query, signal),
    placeholderData: keepPreviousData,
  });

/** The person's cases the agency works on (same key as the cases feature: the cache is shared). */
export const personCasesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['cases', 'person', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/cases`, personCaseListSchema, undefined, signal),
  });

/** The person (same key as the people feature: the cache is shared). */
export const letterPersonQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) => api.get(`/people/${encodeURIComponent(id)}`, personSchema, undefined, signal),
  });

export const displayName = (p: { givenNames: string; familyName: string; nameOrder: string }) =>
  p.nameOrder === 'family_given' ? `${p.familyName} ${p.givenNames}` : `${p.givenNames} ${p.familyName}`;

/** Upcoming and past appointments of a case (a hearing is about a missed one). */
export const letterAppointmentsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['letters', 'appointments', caseId],
    queryFn: async ({ signal }) => {
      const path = `/cases/${encodeURIComponent(caseId)}/appointments`;
      const [upcoming, past] = await Promise.all([
        api.get(path, appointmentListSchema, { when: 'upcoming', pageSize: 50 }, signal),
        api.get(path, appointmentListSchema, { when: 'past', pageSize: 50 }, signal),
      ]);
      return [...upcoming.items, ...past.items];
    },
  });

/** Where the browser loads the PDF and the preview image (GET with the session cookie). */
export const letterPdfUrl = (id: string) => `/api/v1${letterPath(id)}/pdf`;
export const letterPreviewUrl = (id: string, page: number, version: number) =>
  `/api/v1${letterPath(id)}/preview.svg?page=${page}&v=${version}`;

/** The number of pages of the preview (the X-Page-Count header). */
export async function letterPageCount(id: string, version: number, signal?: AbortSignal): Promise<number> {
  const res = await fetch(letterPreviewUrl(id, 1, version), { credentials: 'same-origin', signal: signal ?? null });
  if (!res.ok) return 1;
  return Number(res.headers.get('x-page-count')) || 1;
}

export const letterPageCountQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: ['letters', 'pages', id, version],
    queryFn: ({ signal }) => letterPageCount(id, version, signal),
  });

export const lettersApi = {
  create: (caseId: string, body: LetterCreateRequest) =>
    request('POST', `/cases/${encodeURIComponent(caseId)}/letters`, { body, schema: letterDetailSchema }),
  update: (id: string, version: number, body: LetterUpdateRequest) =>
    request('PATCH', letterPath(id), { body, schema: letterDetailSchema, headers: { 'If-Match': `"${version}"` } }),
  remove: (id: string) => request('DELETE', letterPath(id)),
};

export function invalidateLetters(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['letters'] });
}
