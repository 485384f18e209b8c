import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  personTransfersSchema,
  transferCreateRequestSchema,
  transferListQuerySchema,
  transferListSchema,
  transferSchema,
} from '../../../shared/contracts/transfers';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { getPersonTransfers, getTransferLog, recordTransfer } from './transfers.service';

const tags = ['data-protection'];

/** The transfer log: transfers on a legal basis, per person and per agency (issue 5). */
export function transferRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/people/:id/transfers',
      {
        schema: {
          tags,
          summary: 'Record a transfer of data about a person to another agency on a legal basis',
          params: idParamsSchema,
          body: transferCreateRequestSchema,
          response: { 201: transferSchema },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await recordTransfer(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now()))),
    );
    app.get(
      '/api/v1/people/:id/transfers',
      {
        schema: {
          tags,
          summary: "Transfers of a person from or to the caller's agency",
          params: idParamsSchema,
          response: { 200: personTransfersSchema },
        },
      },
      async (req) => getPersonTransfers(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/transfers',
      {
        schema: {
          tags,
          summary: "The agency's transfer log (the data protection officer: the municipality's, without names)",
          querystring: transferListQuerySchema,
          response: { 200: transferListSchema },
        },
      },
      async (req) => getTransferLog(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
  };
}
