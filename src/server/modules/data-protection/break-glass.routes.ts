import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  breakGlassGrantSchema,
  breakGlassListQuerySchema,
  breakGlassListSchema,
  breakGlassRequestSchema,
  breakGlassReviewQuerySchema,
  breakGlassReviewRequestSchema,
  breakGlassSearchRequestSchema,
  breakGlassSearchResultSchema,
} from '../../../shared/contracts/break-glass';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  endEmergencyAccess,
  listGrantsToReview,
  listOwnGrants,
  requestEmergencyAccess,
  reviewEmergencyAccess,
  searchForEmergency,
} from './break-glass.service';
import { notificationRoutes } from './notifications.routes';

const tags = ['data-protection'];

/** Emergency access (break-glass) and the notifications it sends (issue 5). */
export function breakGlassRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(notificationRoutes(deps));
    app.post(
      '/api/v1/break-glass/search',
      {
        schema: {
          tags,
          summary: 'Emergency search across all agencies (name, date of birth, registering agency only)',
          body: breakGlassSearchRequestSchema,
          response: { 200: breakGlassSearchResultSchema },
        },
      },
      async (req) => searchForEmergency(deps.db, req.actor, req.body, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/break-glass',
      {
        schema: {
          tags,
          summary: 'Emergency access to a person for 3 hours (reason required; notifies team lead and DPO)',
          body: breakGlassRequestSchema,
          response: { 201: breakGlassGrantSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await requestEmergencyAccess(deps.db, req.actor, req.body, auditContext(req, deps.now()))),
    );
    app.get(
      '/api/v1/break-glass',
      {
        schema: {
          tags,
          summary: "The caller's own emergency grants, active first",
          querystring: breakGlassListQuerySchema,
          response: { 200: breakGlassListSchema },
        },
      },
      async (req) => listOwnGrants(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/break-glass/:id/end',
      {
        schema: {
          tags,
          summary: 'End one of your own active emergency grants early',
          params: idParamsSchema,
          response: { 200: breakGlassGrantSchema },
        },
      },
      async (req) => endEmergencyAccess(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/break-glass/reviews',
      {
        schema: {
          tags,
          summary: 'Emergency grants to review (team lead: on people of the agency; DPO: all)',
          querystring: breakGlassReviewQuerySchema,
          response: { 200: breakGlassListSchema },
        },
      },
      async (req) => listGrantsToReview(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/break-glass/:id/review',
      {
        schema: {
          tags,
          summary: 'Review an emergency grant once (justified / not justified with a note)',
          params: idParamsSchema,
          body: breakGlassReviewRequestSchema,
          response: { 200: breakGlassGrantSchema },
        },
      },
      async (req) => reviewEmergencyAccess(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
    );
  };
}
