import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  handoverBoardQuerySchema,
  handoverBoardSchema,
  handoverParamsSchema,
  handoverUpdateSchema,
  legalHandoverSchema,
  personHandoverListSchema,
} from '../../../shared/contracts/legal-handovers';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { handoverBoardOf, listPersonHandovers, updateHandover } from './legal-handover.service';

const tags = ['legal'];

/** Rechtskreiswechsel: the handovers a change of legal domain opens, and the board of open ones. */
export function legalHandoverRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/people/:id/handovers',
      {
        schema: {
          tags,
          summary: 'Handovers (Rechtskreiswechsel) of a person, newest first',
          params: idParamsSchema,
          response: { 200: personHandoverListSchema },
        },
      },
      async (req) => listPersonHandovers(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.patch(
      '/api/v1/legal-handovers/:handoverId',
      {
        schema: {
          tags,
          summary:
            'Tick checklist items, name an owner, complete or cancel a handover (If-Match with its version required)',
          params: handoverParamsSchema,
          body: handoverUpdateSchema,
          response: { 200: legalHandoverSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateHandover(
          deps.db,
          req.actor,
          req.params.handoverId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/legal-handovers',
      {
        schema: {
          tags,
          summary: 'The handover board: open, overdue or done handovers of people you may see, overdue first',
          querystring: handoverBoardQuerySchema,
          response: { 200: handoverBoardSchema },
        },
      },
      async (req) => handoverBoardOf(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
  };
}
