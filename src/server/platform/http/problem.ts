import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';
import { errorMessages, pickLocale, type ErrorCode } from '../../../shared/i18n/error-messages';
import { validationMessage } from '../../../shared/i18n/validation-messages';
import { AppError, type FieldError } from '../errors/app-error';

const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

function findCause(err: unknown, predicate: (e: Record<string, unknown>) => boolean): boolean {
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && predicate(current as Record<string, unknown>)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Maps any thrown value to a Lotse error code; never lets internals through. `request` gives the
 * parts of the request that failed validation, to tell a missing field from a wrong one.
 */
export function toAppError(err: unknown, locale: 'de' | 'en', request?: Partial<Record<string, unknown>>): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(err)) {
    // fastify-type-provider-zod 7 flattens each zod issue: code → keyword, path → instancePath,
    // the remaining fields → params; zod does not report the input. Rebuild the issue for the
    // shared message catalogue.
    const context = String(err.validationContext ?? '');
    const fieldErrors: FieldError[] = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      const input = valueAt(request?.[context], path);
      const issue = { ...v.params, input, code: v.keyword, path, message: v.message } as unknown as z.core.$ZodIssue;
      return {
        path: [context, ...path].filter(Boolean).join('.'),
        message: validationMessage(issue, locale),
      };
    });
    return new AppError('VALIDATION_FAILED', { fieldErrors });
  }
  if (err instanceof ZodError) {
    return new AppError('VALIDATION_FAILED', {
      fieldErrors: err.issues.map((i) => ({ path: i.path.join('.'), message: validationMessage(i, locale) })),
    });
  }
  if (isResponseSerializationError(err)) return new AppError('INTERNAL', { cause: err });
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    default:
      break;
  }
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED');
  if (findCause(err, (c) => c.code === '23505')) return new AppError('CONFLICT');
  // Text PostgreSQL cannot store (a NUL byte, in text or jsonb) came from the client: its request is
  // malformed, not the server broken.
  if (findCause(err, (c) => c.code === '22021' || c.code === '22P05')) return new AppError('MALFORMED_REQUEST');
  if (
    findCause(
      err,
      (c) => (typeof c.code === 'string' && (PG_UNAVAILABLE.has(c.code) || NET_UNAVAILABLE.has(c.code))) ||
        (typeof c.message === 'string' && /PGlite is closed/i.test(c.message)),
    )
  ) {
    return new AppError('DATABASE_UNAVAILABLE');
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code: ErrorCode = e.statusCode === 404 ? 'NOT_FOUND' : e.statusCode === 405 ? 'METHOD_NOT_ALLOWED' : 'MALFORMED_REQUEST';
    const mapped = new AppError(code, { cause: err });
    return mapped.status === e.statusCode ? mapped : Object.assign(mapped, { status: e.statusCode });
  }
  return new AppError('INTERNAL', { cause: err });
}

/** Sends RFC 9457 problem+json in the caller's language. */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = pickLocale(req.headers['accept-language']);
  const message = errorMessages[locale][error.code];
  if (error.options.retryAfterSeconds) reply.header('retry-after', String(error.options.retryAfterSeconds));
  const body: Record<string, unknown> = {
    type: `https://lotse.invalid/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: message.title,
    status: error.status,
    detail: message.detail,
    code: error.code,
    instance: req.url.split('?')[0],
  };
  if (error.options.fieldErrors?.length) {
    body.errors = error.options.fieldErrors.map((f) => ({
      path: f.path,
      message: typeof f.message === 'string' ? f.message : f.message[locale],
    }));
  }
  return reply
    .code(error.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = pickLocale(req.headers['accept-language']);
  let appError: AppError;
  try {
    appError = toAppError(err, locale, {
      body: req.body,
      querystring: req.query,
      params: req.params,
      headers: req.headers,
    });
  } catch (mappingError) {
    // A throwing handler would make Fastify answer with its default body, internal message included.
    appError = new AppError('INTERNAL', { cause: new AggregateError([err, mappingError], 'error mapping failed') });
  }
  if (appError.status >= 500) {
    req.log.error({ err: appError.options.cause ?? err, code: appError.code }, 'request failed');
  }
  return sendProblem(req, reply, appError);
}
