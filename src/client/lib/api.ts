import type { z } from 'zod';
import type { Problem } from '../../shared/contracts/common';

const API_BASE = '/api/v1';

/** Error codes that a 401 can carry without meaning "your session is gone". */
const NON_SESSION_401_CODES = new Set(['INVALID_CREDENTIALS', 'INVALID_SECOND_FACTOR']);

export type FieldError = { path: string; message: string };

/** A failed API call: either an RFC 9457 problem from the server or a network/parse failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Human-readable message from the server, already in the UI language. */
  readonly detail: string | null;
  readonly fieldErrors: FieldError[];

  constructor(status: number, code: string, detail: string | null, fieldErrors: FieldError[] = []) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RequestOptions<S extends z.ZodType | undefined> = {
  body?: unknown;
  query?: object;
  /** Contract schema of the response body; omitted for 204 responses. */
  schema?: S;
  signal?: AbortSignal;
  /** Extra request headers, e.g. If-Match for optimistic locking. */
  headers?: Record<string, string>;
};

let csrfToken: string | null = null;
let languageProvider: () => string = () => 'de';
let unauthorizedHandler: ((error: ApiError) => void) | null = null;

/** The CSRF token arrives with the login response and with GET /auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setLanguageProvider(provider: () => string): void {
  languageProvider = provider;
}

/** Called on a 401 that means the session is missing or expired (not on wrong credentials). */
export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | null): void {
  unauthorizedHandler = handler;
}

function buildUrl(path: string, query?: RequestOptions<undefined>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}) as [string, unknown][]) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
    else if (typeof value === 'number' || typeof value === 'boolean') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function parseProblem(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> | null = null;
  try {
    problem = (await response.json()) as Partial<Problem>;
  } catch {
    problem = null;
  }
  return new ApiError(
    response.status,
    typeof problem?.code === 'string' ? problem.code : `HTTP_${response.status}`,
    typeof problem?.detail === 'string' && problem.detail !== '' ? problem.detail : null,
    Array.isArray(problem?.errors) ? problem.errors : [],
  );
}

export async function request<S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: string,
  options: RequestOptions<S> = {},
): Promise<S extends z.ZodType ? z.output<S> : void> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': languageProvider(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', null);
  }

  if (!response.ok) {
    const error = await parseProblem(response);
    if (error.status === 401 && !NON_SESSION_401_CODES.has(error.code) && path !== '/auth/login') {
      unauthorizedHandler?.(error);
    }
    throw error;
  }

  if (!options.schema || response.status === 204) {
    return undefined as S extends z.ZodType ? z.output<S> : void;
  }
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    // A contract mismatch is a bug on one side; make it visible to developers, not only as a message.
    console.error(`Response of ${method} ${path} does not match its contract`, parsed.error.issues);
    throw new ApiError(response.status, 'INVALID_RESPONSE', null);
  }
  return parsed.data as S extends z.ZodType ? z.output<S> : void;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: RequestOptions<S>['query'], signal?: AbortSignal) =>
    request('GET', path, { schema, query, signal }),
  post: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    request('POST', path, { body, schema }),
  put: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    request('PUT', path, { body, schema }),
  patch: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    request('PATCH', path, { body, schema }),
};
