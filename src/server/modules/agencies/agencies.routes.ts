import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agencyDetailSchema,
  agencyListSchema,
  agencyUpdateRequestSchema,
  teamCreateRequestSchema,
} from '../../../shared/contracts/agencies';
import { agencyCaseworkerListSchema } from '../../../shared/contracts/colleagues';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { addTeam, changeAgency, getAgencies, getAgency, getAgencyCaseworkers } from './agencies.service';

const tags = ['agencies'];

export function agencyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/agencies',
      { schema: { tags, summary: 'All agencies with their short mandate', response: { 200: agencyListSchema } } },
      async (req) => ({ items: await getAgencies(deps.db, req.actor) }),
    );
    app.get(
      '/api/v1/agencies/:id',
      { schema: { tags, summary: 'One agency: mandate, legal bases, contact, teams', params: idParamsSchema, response: { 200: agencyDetailSchema } } },
      async (req) => getAgency(deps.db, req.actor, req.params.id),
    );
    app.get(
      '/api/v1/agencies/:id/caseworkers',
      {
        schema: {
          tags,
          summary: 'Active caseworkers and team leads of an agency, to name a colleague on a case',
          params: idParamsSchema,
          response: { 200: agencyCaseworkerListSchema },
        },
      },
      async (req) => ({ items: await getAgencyCaseworkers(deps.db, req.actor, req.params.id) }),
    );
    app.patch(
      '/api/v1/agencies/:id',
      {
        schema: { tags, summary: 'Change an agency (administrators)', params: idParamsSchema, body: agencyUpdateRequestSchema, response: { 200: agencyDetailSchema } },
      },
      async (req) => changeAgency(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/agencies/:id/teams',
      {
        schema: { tags, summary: 'Add a team to an agency', params: idParamsSchema, body: teamCreateRequestSchema, response: { 201: agencyDetailSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await addTeam(deps.db, req.actor, req.params.id, req.body.name, auditContext(req, deps.now()))),
    );
  };
}
