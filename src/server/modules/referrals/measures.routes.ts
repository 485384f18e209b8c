import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  measureCreateRequestSchema,
  measureListQuerySchema,
  measureListSchema,
  measureMatchesSchema,
  measureSchema,
  measureUpdateRequestSchema,
} from '../../../shared/contracts/measures';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { createMeasure, getMeasure, listMeasures, measureMatches, updateMeasure } from './measures.service';

const tags = ['measures'];

/** The measures catalogue and the check of a person against it. */
export function measureRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/measures',
      {
        schema: {
          tags,
          summary:
            'The measures catalogue: search (title, provider, location, description), filter by kind, receiving agency, active (default: active only) and free places; sorted by title, start, kind, provider or last change; paged.',
          querystring: measureListQuerySchema,
          response: { 200: measureListSchema },
        },
      },
      async (req) => listMeasures(deps.db, req.actor, req.query),
    );
    app.get(
      '/api/v1/measures/:id',
      {
        schema: {
          tags,
          summary: 'One measure with its eligibility criteria and places. ETag = version.',
          params: idParamsSchema,
          response: { 200: measureSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getMeasure(deps.db, req.actor, req.params.id);
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/measures',
      {
        schema: {
          tags,
          summary:
            'Add a measure received by the caller’s agency (team lead or agency administrator), with its eligibility criteria as data. ETag = version.',
          body: measureCreateRequestSchema,
          response: { 201: measureSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createMeasure(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/measures/:id',
      {
        schema: {
          tags,
          summary:
            'Change a measure of the caller’s own agency (403 for another agency’s), including deactivating it (active: false). If-Match required: 428 without, 412 when stale.',
          params: idParamsSchema,
          body: measureUpdateRequestSchema,
          response: { 200: measureSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateMeasure(
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
    app.get(
      '/api/v1/people/:id/measure-matches',
      {
        schema: {
          tags,
          summary:
            'Which measures fit the person? Every active measure checked against the receiving agency’s acceptance criteria and the measure’s eligibility on today’s facts (met, unknown, not met, with reasons). Needs the person visible and the category employment_profile (403 naming it when withheld). Audited.',
          params: idParamsSchema,
          response: { 200: measureMatchesSchema },
        },
      },
      async (req) => measureMatches(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
  };
}
