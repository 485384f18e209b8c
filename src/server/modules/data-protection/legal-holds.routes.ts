import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  legalHoldCreateSchema,
  legalHoldListQuerySchema,
  legalHoldListSchema,
  legalHoldReleaseSchema,
  legalHoldSchema,
} from '../../../shared/contracts/retention';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { getLegalHolds, placeLegalHold, releaseHold } from './legal-holds.service';

const tags = ['data protection'];

/** Legal holds: registered by retentionRoutes (app.ts registers that plugin). */
export function legalHoldRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/legal-holds',
      {
        schema: {
          tags,
          summary: 'Legal holds (team lead: on people and cases the agency sees; data protection officer: all)',
          querystring: legalHoldListQuerySchema,
          response: { 200: legalHoldListSchema },
        },
      },
      async (req) => getLegalHolds(deps.db, req.actor, req.query.status, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/legal-holds',
      {
        schema: {
          tags,
          summary: 'Place a legal hold on a person or a case: the purge job skips it',
          body: legalHoldCreateSchema,
          response: { 201: legalHoldSchema },
        },
      },
      async (req, reply) => {
        const hold = await placeLegalHold(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.code(201).send(hold);
      },
    );
    app.post(
      '/api/v1/legal-holds/:id/release',
      {
        schema: {
          tags,
          summary: 'Release a legal hold',
          params: idParamsSchema,
          body: legalHoldReleaseSchema,
          response: { 200: legalHoldSchema },
        },
      },
      async (req) => releaseHold(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
    );
  };
}
