import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { agencyListSchema } from '../../../shared/contracts/agencies';
import type { Problem } from '../../../shared/contracts/common';
import {
  consentListSchema,
  consentSchema,
  consentTextListSchema,
  type Consent,
  type ConsentCreateRequest,
  type ConsentFormRequest,
  type ConsentWithdrawRequest,
} from '../../../shared/contracts/consent';
import { api, ApiError } from '../../lib/api';
import { currentLanguage } from '../../lib/i18n';

const consentsPath = (personId: string) => `/people/${encodeURIComponent(personId)}/consents`;
const consentPath = (consentId: string) => `/consents/${encodeURIComponent(consentId)}`;

export const personConsentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['consents', 'person', personId],
    queryFn: ({ signal }) => api.get(consentsPath(personId), consentListSchema, undefined, signal),
  });

export const consentTextsQuery = queryOptions({
  queryKey: ['consents', 'texts'],
  queryFn: ({ signal }) => api.get('/consent-texts', consentTextListSchema, undefined, signal),
  staleTime: 10 * 60_000,
});

/** The same list and key as the agencies feature: the cache is shared. */
export const agenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
});

/** After a change: the consents, and the person (a consent can change who sees what). */
export function invalidateConsents(queryClient: QueryClient, personId: string) {
  void queryClient.invalidateQueries({ queryKey: ['consents', 'person', personId] });
}

/** The download URL of a consent's signed scan (GET with the session cookie). */
export const evidenceUrl = (consentId: string) => `/api/v1${consentPath(consentId)}/evidence`;

async function problemOf(response: Response): Promise<ApiError> {
  let body: Partial<Problem> | null = null;
  try {
    body = (await response.json()) as Partial<Problem>;
  } catch {
    body = null;
  }
  return new ApiError(
    response.status,
    typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`,
    typeof body?.detail === 'string' && body.detail !== '' ? body.detail : null,
    Array.isArray(body?.errors) ? body.errors : [],
  );
}

async function send(method: 'POST' | 'PUT', path: string, csrfToken: string, body: BodyInit, contentType: string) {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: {
        Accept: 'application/pdf, application/json, application/problem+json',
        'Accept-Language': currentLanguage(),
        'Content-Type': contentType,
        'X-CSRF-Token': csrfToken,
      },
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', null);
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** The printed form for exactly this draft, as a PDF to save or print. */
export async function printConsentForm(personId: string, draft: ConsentFormRequest, csrfToken: string): Promise<Blob> {
  const response = await send(
    'POST',
    `/people/${encodeURIComponent(personId)}/consent-form`,
    csrfToken,
    JSON.stringify(draft),
    'application/json',
  );
  return response.blob();
}

/** Uploads the signed scan as the raw body (the server's transport for files). */
export async function uploadConsentScan(consentId: string, file: Blob, csrfToken: string): Promise<Consent> {
  const response = await send('PUT', `${consentPath(consentId)}/evidence`, csrfToken, file, 'application/octet-stream');
  const parsed = consentSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(response.status, 'INVALID_RESPONSE', null);
  return parsed.data;
}

export const consentApi = {
  record: (personId: string, input: ConsentCreateRequest) => api.post(consentsPath(personId), input, consentSchema),
  withdraw: (consentId: string, input: ConsentWithdrawRequest) =>
    api.post(`${consentPath(consentId)}/withdraw`, input, consentSchema),
};

/** Saves a blob under a file name (the browser's download). */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
