import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptBinaryUploads, binaryBodyDocumentation } from '../../platform/http/binary-upload';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  caseDocumentListSchema,
  caseDocumentSchema,
  DOCUMENT_MAX_BYTES,
  documentListQuerySchema,
  documentParamsSchema,
  documentUploadQuerySchema,
} from '../../../shared/contracts/case-records';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { contentDisposition } from './case-documents.content';
import {
  downloadDocument,
  fileTooLarge,
  listDocuments,
  removeDocument,
  uploadDocument,
} from './case-documents.service';

const tags = ['case documents'];

/**
 * Documents of a case.
 *
 * Upload transport: the raw file as the request body (`Content-Type: application/octet-stream`)
 * with the metadata in the query string, not multipart/form-data. The metadata stays a zod
 * schema like every other request (validated, in the OpenAPI document), no extra dependency
 * parses multipart, and the body limit (10 MiB) and parser apply to this plugin's routes only —
 * Fastify encapsulates both, so the rest of the API still takes JSON up to 1 MiB. The declared
 * type of the file is not trusted anyway: the server recognises PDF, PNG, JPEG, TIFF and UTF-8
 * text by their first bytes.
 */
export function caseDocumentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // A file over the limit is refused by Fastify before the route runs; it gets the German
    // explanation of the limit instead of the generic "request too large".
    acceptBinaryUploads(app, DOCUMENT_MAX_BYTES, fileTooLarge);

    app.get(
      '/api/v1/cases/:id/documents',
      {
        schema: {
          tags,
          summary:
            'The documents the caller may see (confidentiality team, own agency, own uploads), newest first; filter by type; paged. Metadata only, with the retention due date once the case is closed.',
          params: idParamsSchema,
          querystring: documentListQuerySchema,
          response: { 200: caseDocumentListSchema },
        },
      },
      async (req) => listDocuments(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/documents',
      {
        bodyLimit: DOCUMENT_MAX_BYTES,
        config: binaryBodyDocumentation(DOCUMENT_MAX_BYTES),
        schema: {
          tags,
          summary: 'Upload a document to an open case (raw file body, metadata in the query string)',
          description:
            'Send the file itself as the request body with `Content-Type: application/octet-stream` (at most 10 MiB; larger: 413) and the metadata in the query string: docType, title, retentionClass, confidentiality (team | agency | author, default team) and fileName. The server recognises the type by the first bytes — PDF, PNG, JPEG, TIFF or UTF-8 text; anything else is 400 — and stores SHA-256, size, type and a sanitised file name. 409 on a closed case.',
          params: idParamsSchema,
          querystring: documentUploadQuerySchema,
          response: { 201: caseDocumentSchema },
        },
      },
      async (req, reply) => {
        const value = await uploadDocument(
          deps.db,
          req.actor,
          req.params.id,
          req.query,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).send(value);
      },
    );
    app.get(
      '/api/v1/cases/:id/documents/:documentId/content',
      {
        schema: {
          tags,
          summary: 'Download a document (audited)',
          description:
            'The stored bytes with the stored Content-Type, `Content-Disposition: attachment` (filename and filename* in UTF-8) and `X-Content-Type-Options: nosniff`. A document the caller may not see is 404.',
          params: documentParamsSchema,
          produces: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'text/plain'],
        },
      },
      async (req, reply) => {
        const file = await downloadDocument(
          deps.db,
          req.actor,
          req.params.id,
          req.params.documentId,
          auditContext(req, deps.now()),
        );
        return reply
          .header('content-type', file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', String(file.content.length))
          .send(file.content);
      },
    );
    app.delete(
      '/api/v1/cases/:id/documents/:documentId',
      {
        schema: {
          tags,
          summary:
            'Remove a document (the uploader’s agency only: 403 for other team agencies; 409 on a closed case). Audited, and on the timeline.',
          params: documentParamsSchema,
        },
      },
      async (req, reply) => {
        await removeDocument(deps.db, req.actor, req.params.id, req.params.documentId, auditContext(req, deps.now()));
        return reply.code(204).send();
      },
    );
  };
}
