import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  expiringDocumentsQuerySchema,
  expiringDocumentsResultSchema,
  residenceDocumentInputSchema,
  residenceDocumentListSchema,
  residenceDocumentParamsSchema,
  residenceDocumentSchema,
  residenceDocumentUpdateSchema,
} from '../../../shared/contracts/residence-documents';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  changeResidenceDocument,
  createResidenceDocument,
  deleteResidenceDocument,
  listExpiringDocuments,
  listResidenceDocuments,
} from './residence-documents.service';

const tags = ['residence documents'];

export function residenceDocumentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/people/:id/residence-documents',
      {
        schema: {
          tags,
          summary: "A person's residence documents as a timeline, newest validity first, each with its status",
          params: idParamsSchema,
          response: { 200: residenceDocumentListSchema },
        },
      },
      async (req) => listResidenceDocuments(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/people/:id/residence-documents',
      {
        schema: {
          tags,
          summary: 'Record a residence document (the legal basis is stored in its canonical spelling)',
          params: idParamsSchema,
          body: residenceDocumentInputSchema,
          response: { 201: residenceDocumentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createResidenceDocument(
          deps.db,
          req.actor,
          req.params.id,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/people/:id/residence-documents/:documentId',
      {
        schema: {
          tags,
          summary: 'Change a residence document (If-Match with its version required)',
          params: residenceDocumentParamsSchema,
          body: residenceDocumentUpdateSchema,
          response: { 200: residenceDocumentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await changeResidenceDocument(
          deps.db,
          req.actor,
          req.params.id,
          req.params.documentId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.delete(
      '/api/v1/people/:id/residence-documents/:documentId',
      {
        schema: {
          tags,
          summary: 'Remove an erroneous entry (corrections only; expired documents stay in the timeline)',
          params: residenceDocumentParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteResidenceDocument(
          deps.db,
          req.actor,
          req.params.id,
          req.params.documentId,
          req.headers['if-match'],
          auditContext(req, deps.now()),
        );
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/api/v1/residence-documents/expiring',
      {
        schema: {
          tags,
          summary:
            "The agency's documents expiring within `withinDays` (and expired ones unless excluded), soonest first",
          querystring: expiringDocumentsQuerySchema,
          response: { 200: expiringDocumentsResultSchema },
        },
      },
      async (req) => listExpiringDocuments(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
  };
}
