import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  explorationCreateRequestSchema,
  explorationDetailSchema,
  explorationFollowUpSchema,
  explorationListQuerySchema,
  explorationListSchema,
  explorationOverviewSchema,
  explorationUpdateRequestSchema,
  followUpListQuerySchema,
  followUpListSchema,
  followUpUpdateRequestSchema,
} from '../../../shared/contracts/explorations';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  createExploration,
  explorationOverview,
  getExploration,
  listExplorationFollowUps,
  listExplorationProtocols,
  updateExploration,
  updateFollowUp,
} from './explorations.service';

const tags = ['explorations'];

/** Explorations (Sozialraumerkundungen), the overview of when each district is due, and their follow-ups. */
export function explorationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/explorations/overview',
      {
        schema: {
          tags,
          summary:
            'Per district: last exploration, explorations in the last 12 months, cadence, next due day, overdue (never explored counts as overdue), open follow-ups.',
          response: { 200: explorationOverviewSchema },
        },
      },
      async (req) => explorationOverview(deps.db, req.actor, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/explorations',
      {
        schema: {
          tags,
          summary: 'Exploration protocols, newest first; filter by district, agency, from/to; paged.',
          querystring: explorationListQuerySchema,
          response: { 200: explorationListSchema },
        },
      },
      async (req) => listExplorationProtocols(deps.db, req.actor, req.query),
    );
    app.get(
      '/api/v1/explorations/:id',
      {
        schema: {
          tags,
          summary:
            'One protocol with participants, route, findings, stakeholders, resources, addresses checked and follow-ups. Audited. ETag = version.',
          params: idParamsSchema,
          response: { 200: explorationDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getExploration(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/explorations',
      {
        schema: {
          tags,
          summary:
            'Record an exploration in one transaction: date (not in the future), district, participants, route, findings, stakeholders, resources discovered (added to the directory) or confirmed, addresses checked (deliverability facts, source exploration), follow-ups for any agency. A bad item answers 400 with its path and nothing is written.',
          body: explorationCreateRequestSchema,
          response: { 201: explorationDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createExploration(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/explorations/:id',
      {
        schema: {
          tags,
          summary:
            'Change the protocol texts, participants and stakeholders (If-Match required: 428 without, 412 when stale). Only the recording agency (403 otherwise).',
          params: idParamsSchema,
          body: explorationUpdateRequestSchema,
          response: { 200: explorationDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateExploration(
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
      '/api/v1/exploration-follow-ups',
      {
        schema: {
          tags,
          summary:
            'Follow-ups of explorations: scope mine (named) or agency (assigned to my agency), status open or done; soonest due first; paged.',
          querystring: followUpListQuerySchema,
          response: { 200: followUpListSchema },
        },
      },
      async (req) => listExplorationFollowUps(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.patch(
      '/api/v1/exploration-follow-ups/:id',
      {
        schema: {
          tags,
          summary:
            'Complete or reopen a follow-up (If-Match required: 428 without, 412 when stale). Only the assignee agency (403 otherwise).',
          params: idParamsSchema,
          body: followUpUpdateRequestSchema,
          response: { 200: explorationFollowUpSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateFollowUp(
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
  };
}
