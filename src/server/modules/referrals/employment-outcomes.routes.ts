import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  employmentOutcomeCreateRequestSchema,
  employmentOutcomeListSchema,
  employmentOutcomeParamsSchema,
  employmentOutcomeSchema,
} from '../../../shared/contracts/employment-outcomes';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { listOutcomes, recordOutcome, removeOutcome } from './employment-outcomes.service';

const tags = ['employment outcomes'];

/** Work or training a person took up (category employment_profile). */
export function employmentOutcomeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/people/:id/employment-outcomes',
      {
        schema: {
          tags,
          summary: 'The person’s work and training taken up, latest start first. Needs the category employment_profile. Audited.',
          params: idParamsSchema,
          response: { 200: employmentOutcomeListSchema },
        },
      },
      async (req) => listOutcomes(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/people/:id/employment-outcomes',
      {
        schema: {
          tags,
          summary:
            'Record work or training taken up: start, optional end, employer, KldB 2010 code and social insurance. Audited.',
          params: idParamsSchema,
          body: employmentOutcomeCreateRequestSchema,
          response: { 201: employmentOutcomeSchema },
        },
      },
      async (req, reply) => {
        const value = await recordOutcome(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now()));
        return reply.code(201).send(value);
      },
    );
    app.delete(
      '/api/v1/people/:id/employment-outcomes/:outcomeId',
      {
        schema: {
          tags,
          summary: 'Delete an entry (only the agency that recorded it: 403 otherwise). Audited.',
          params: employmentOutcomeParamsSchema,
        },
      },
      async (req, reply) => {
        await removeOutcome(deps.db, req.actor, req.params.id, req.params.outcomeId, auditContext(req, deps.now()));
        return reply.code(204).send();
      },
    );
  };
}
