import type { FastifyError, FastifyInstance, FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AppError } from '../errors/app-error';
import { errorHandler } from './problem';

/**
 * Raw-body uploads (case documents, consent scans): the file itself is the request body with
 * `Content-Type: application/octet-stream`. Registers the parser with the plugin's size limit and
 * answers a body over the limit with the module's own German explanation (`tooLarge`) instead of
 * Fastify's generic "request too large". Call once per route plugin that takes uploads.
 */
export function acceptBinaryUploads(app: FastifyInstance, maxBytes: number, tooLarge: () => AppError): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((err, req, reply) =>
    errorHandler((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? tooLarge() : err, req, reply),
  );
}

/**
 * Route config that documents the raw file body in the OpenAPI document; Fastify validates no
 * body there (it is a Buffer, checked by the service).
 */
export function binaryBodyDocumentation(maxBytes: number) {
  return {
    swaggerTransform: (input: Parameters<typeof jsonSchemaTransform>[0]) => {
      const { schema, url } = jsonSchemaTransform(input);
      const documented = {
        ...schema,
        consumes: ['application/octet-stream'],
        body: { type: 'string', format: 'binary', maxLength: maxBytes },
      } as FastifySchema;
      return { schema: documented, url };
    },
  };
}
