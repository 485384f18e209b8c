import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  appointmentListSchema,
  appointmentSchema,
  caseDocumentSchema,
  caseDocumentListSchema,
  myAppointmentListSchema,
  noteListSchema,
  noteSchema,
  type Appointment,
  type appointmentCreateRequestSchema,
  type AppointmentUpdateRequest,
  type CaseDocument,
  type DocumentListQuery,
  type documentUploadQuerySchema,
  type MyAppointmentsQuery,
  type Note,
  type noteCreateRequestSchema,
  type NoteListQuery,
  type NoteUpdateRequest,
} from '../../../shared/contracts/case-records';
import { api, ApiError, request } from '../../lib/api';
import { currentLanguage } from '../../lib/i18n';

export type NoteCreate = z.input<typeof noteCreateRequestSchema>;
export type AppointmentCreate = z.input<typeof appointmentCreateRequestSchema>;
export type DocumentUploadMeta = z.input<typeof documentUploadQuerySchema>;

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
/** Notes and appointments are versioned: a change names the version it was based on. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const caseNotesQuery = (caseId: string, params: Partial<NoteListQuery>) =>
  queryOptions({
    queryKey: ['cases', 'notes', caseId, params],
    queryFn: ({ signal }) => api.get(`${casePath(caseId)}/notes`, noteListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const caseDocumentsQuery = (caseId: string, params: Partial<DocumentListQuery>) =>
  queryOptions({
    queryKey: ['cases', 'documents', caseId, params],
    queryFn: ({ signal }) => api.get(`${casePath(caseId)}/documents`, caseDocumentListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const caseAppointmentsQuery = (caseId: string, when: 'upcoming' | 'past', page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['cases', 'appointments', caseId, { when, page, pageSize }],
    queryFn: ({ signal }) =>
      api.get(`${casePath(caseId)}/appointments`, appointmentListSchema, { when, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

export const myAppointmentsQuery = (params: Partial<MyAppointmentsQuery>) =>
  queryOptions({
    queryKey: ['appointments', 'mine', params],
    queryFn: ({ signal }) => api.get('/appointments', myAppointmentListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

/** The download address of a document (a plain link: the browser sends the session cookie). */
export const documentContentUrl = (caseId: string, documentId: string) =>
  `/api/v1${casePath(caseId)}/documents/${encodeURIComponent(documentId)}/content`;

/** Refreshes a record list of the case and the timeline, which shows the change. */
export function caseRecordsChanged(
  queryClient: QueryClient,
  caseId: string,
  area: 'notes' | 'documents' | 'appointments',
): void {
  void queryClient.invalidateQueries({ queryKey: ['cases', area, caseId] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
  if (area === 'appointments') void queryClient.invalidateQueries({ queryKey: ['appointments'] });
}

function problemOf(xhr: XMLHttpRequest): ApiError {
  type Body = { code?: unknown; detail?: unknown; errors?: unknown };
  let body: Body | null;
  try {
    body = JSON.parse(xhr.responseText) as Body | null;
  } catch {
    body = null;
  }
  return new ApiError(
    xhr.status,
    typeof body?.code === 'string' ? body.code : `HTTP_${xhr.status}`,
    typeof body?.detail === 'string' && body.detail !== '' ? body.detail : null,
    Array.isArray(body?.errors) ? (body.errors as { path: string; message: string }[]) : [],
  );
}

/**
 * Uploads a file as the raw request body with its metadata in the query string (the server's
 * transport, see case-documents.routes.ts). XMLHttpRequest rather than fetch: only it reports
 * upload progress. The CSRF token comes from the signed-in session (`me.session.csrfToken`).
 */
export function uploadDocument(
  caseId: string,
  meta: DocumentUploadMeta,
  file: Blob,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<CaseDocument> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(meta)) if (typeof value === 'string' && value !== '') query.set(key, value);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${casePath(caseId)}/documents?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', null));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(problemOf(xhr));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = undefined;
      }
      const parsed = caseDocumentSchema.safeParse(json);
      if (!parsed.success) {
        console.error('Response of the document upload does not match its contract', parsed.error.issues);
        reject(new ApiError(xhr.status, 'INVALID_RESPONSE', null));
        return;
      }
      resolve(parsed.data);
    };
    xhr.send(file);
  });
}

export const caseRecordsApi = {
  createNote: (caseId: string, input: NoteCreate) => api.post(`${casePath(caseId)}/notes`, input, noteSchema),
  updateNote: (note: Note, input: NoteUpdateRequest) =>
    request('PATCH', `${casePath(note.caseId)}/notes/${encodeURIComponent(note.id)}`, {
      body: input,
      schema: noteSchema,
      headers: ifMatch(note.version),
    }),
  removeDocument: (document: CaseDocument) =>
    request('DELETE', `${casePath(document.caseId)}/documents/${encodeURIComponent(document.id)}`),
  createAppointment: (caseId: string, input: AppointmentCreate) =>
    api.post(`${casePath(caseId)}/appointments`, input, appointmentSchema),
  updateAppointment: (appointment: Appointment, input: AppointmentUpdateRequest) =>
    request('PATCH', `${casePath(appointment.caseId)}/appointments/${encodeURIComponent(appointment.id)}`, {
      body: input,
      schema: appointmentSchema,
      headers: ifMatch(appointment.version),
    }),
};
