import type { ErrorCode } from '../../../shared/i18n/error-messages';

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_SECOND_FACTOR: 401,
  SECOND_FACTOR_REQUIRED: 401,
  LOGIN_LOCKED: 429,
  ACCOUNT_NOT_PROVISIONED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  DUPLICATE_SUSPECTED: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  OIDC_NOT_CONFIGURED: 404,
  OIDC_FAILED: 400,
  AUDIT_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** A message for one field; services give both languages, the error handler picks one. */
export type FieldError = { path: string; message: string | { de: string; en: string } };

/**
 * The one error class of the server. Services throw it; the error handler turns it into
 * RFC 9457 problem+json with a message in the caller's language.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: { fieldErrors?: FieldError[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.status = statusByCode[code];
  }
}

/** A field message in both UI languages; the error handler picks the caller's. */
export const fieldMessage = (de: string, en: string) => ({ de, en });
