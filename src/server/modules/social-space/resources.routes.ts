import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../shared/contracts/common';
import { hsdsDocumentSchema } from '../../../shared/contracts/hsds';
import {
  resourceDetailSchema,
  resourceImportQuerySchema,
  resourceImportResultSchema,
  resourceInputSchema,
  resourceListQuerySchema,
  resourceListSchema,
  resourceVerifyRequestSchema,
  taxonomyListSchema,
} from '../../../shared/contracts/resources';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  createResource,
  exportDirectory,
  getResource,
  getResources,
  getTaxonomy,
  importDirectory,
  removeResource,
  updateResource,
  verifyResource,
} from './resources.service';

const tags = ['resources'];

export function resourceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/resource-taxonomy',
      {
        schema: {
          tags,
          summary: 'The local categories of the resource directory (HSDS taxonomy terms)',
          response: { 200: taxonomyListSchema },
        },
      },
      async (req) => ({ items: await getTaxonomy(deps.db, req.actor) }),
    );
    app.get(
      '/api/v1/resources',
      {
        schema: {
          tags,
          summary:
            'The resource directory: search (q over name, description, organisation), filters (category, districtId, status, language, verifiedBefore), sorting and paging',
          querystring: resourceListQuerySchema,
          response: { 200: resourceListSchema },
        },
      },
      async (req) => getResources(deps.db, req.actor, req.query, deps.now()),
    );
    app.get(
      '/api/v1/resources/export',
      {
        schema: {
          tags,
          summary:
            'The whole directory as Open Referral HSDS 3 JSON (organizations with nested services and locations), confidential fields as x_lotse_* extensions; a download, audited',
          response: { 200: z.array(z.record(z.string(), z.unknown())) },
        },
      },
      async (req, reply) => {
        const doc = await exportDirectory(deps.db, req.actor, auditContext(req, deps.now()));
        return reply
          .header('content-disposition', 'attachment; filename="lotse-ressourcen-hsds.json"')
          .header('cache-control', 'no-store')
          .send(doc);
      },
    );
    app.post(
      '/api/v1/resources/import',
      {
        schema: {
          tags,
          summary:
            'Import HSDS JSON as the export writes it: upsert by HSDS id, all or nothing; ?dryRun=true answers the counts and the errors per item (JSON pointer) without writing',
          querystring: resourceImportQuerySchema,
          body: hsdsDocumentSchema,
          response: { 200: resourceImportResultSchema },
        },
        bodyLimit: 20 * 1024 * 1024,
      },
      async (req) =>
        importDirectory(deps.db, req.actor, req.body, req.query.dryRun === 'true', auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/resources/:id',
      {
        schema: {
          tags,
          summary:
            'One entry with every field (internal note and non-public contacts included) and the number of open plans using it; ETag = version',
          params: idParamsSchema,
          response: { 200: resourceDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getResource(deps.db, req.actor, req.params.id, deps.now());
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/resources',
      {
        schema: {
          tags,
          summary:
            'Create an entry (organisation by id or a new one by name; the address goes to the address register)',
          body: resourceInputSchema,
          response: { 201: resourceDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createResource(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/resources/:id',
      {
        schema: {
          tags,
          summary: 'Replace the editable fields of an entry (the form sends all of them); If-Match required',
          params: idParamsSchema,
          body: resourceInputSchema,
          response: { 200: resourceDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateResource(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/resources/:id/verify',
      {
        schema: {
          tags,
          summary: 'Mark an entry verified today by the caller (If-Match optional)',
          params: idParamsSchema,
          body: resourceVerifyRequestSchema,
          response: { 200: resourceDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await verifyResource(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body.note,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.delete(
      '/api/v1/resources/:id',
      {
        schema: {
          tags,
          summary: 'Delete an entry; refused (409) while a plan step links it — set it to "defunct" instead',
          params: idParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (req) => {
        await removeResource(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return { ok: true as const };
      },
    );
  };
}
