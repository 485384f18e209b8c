import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  planCreateRequestSchema,
  planListSchema,
  planParamsSchema,
  planSchema,
  planStepParamsSchema,
  planUpdateRequestSchema,
  stepProgressRequestSchema,
} from '../../../shared/contracts/case-plans';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { createPlan, exportPlanPdf, getPlan, listPlans, recordStepProgress, updatePlan } from './case-plans.service';

const tags = ['case plans'];

/** Plans of a case (integration plan, Kooperationsplan, Hilfeplan) with goals, steps and the printed plan. */
export function casePlanRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/cases/:id/plans',
      {
        schema: {
          tags,
          summary:
            'The plans of the case: kind, title, status, owner agency, review date (and whether it is overdue), goal and step counts, version',
          params: idParamsSchema,
          response: { 200: planListSchema },
        },
      },
      async (req) => listPlans(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/plans',
      {
        schema: {
          tags,
          summary:
            'Create a plan as a draft, owned by the caller’s agency (from the phase planning on; a Kooperationsplan only by the Jobcenter, ' +
            'with a review date at most six months ahead; a Hilfeplan only by the Jugendamt; one plan in force per kind). ETag = version.',
          params: idParamsSchema,
          body: planCreateRequestSchema,
          response: { 201: planSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createPlan(
          deps.db,
          req.actor,
          req.params.id,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/cases/:id/plans/:planId',
      {
        schema: {
          tags,
          summary: 'The plan with its goals and steps (ETag = version)',
          params: planParamsSchema,
          response: { 200: planSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getPlan(
          deps.db,
          req.actor,
          req.params.id,
          req.params.planId,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.put(
      '/api/v1/cases/:id/plans/:planId',
      {
        schema: {
          tags,
          summary:
            'Replace the plan (owner agency; If-Match with its version): title, status (draft → agreed → ended), dates, goals and steps. ' +
            'Goals and steps sent with an id are kept, new ones get ids, missing ones are removed; a step names its goal by the goal’s ' +
            'index in this request or its id. An ended plan and a closed case are read-only (409).',
          params: planParamsSchema,
          body: planUpdateRequestSchema,
          response: { 200: planSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updatePlan(
          deps.db,
          req.actor,
          req.params.id,
          req.params.planId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/cases/:id/plans/:planId/steps/:stepId/progress',
      {
        schema: {
          tags,
          summary:
            'Record a step’s status and result (the step’s responsible agency or the plan’s owner, on an agreed plan; If-Match with the ' +
            'plan’s version, which it bumps)',
          params: planStepParamsSchema,
          body: stepProgressRequestSchema,
          response: { 200: planSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await recordStepProgress(
          deps.db,
          req.actor,
          req.params.id,
          req.params.planId,
          req.params.stepId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/cases/:id/plans/:planId/pdf',
      {
        schema: {
          tags,
          summary:
            'The plan as a PDF for the person (German; an audited read), as an attachment named after the kind and the case reference',
          params: planParamsSchema,
          produces: ['application/pdf'],
          response: { 200: z.any().describe('application/pdf') },
        },
      },
      async (req, reply) => {
        const { pdf, filename } = await exportPlanPdf(
          deps.db,
          req.actor,
          req.params.id,
          req.params.planId,
          auditContext(req, deps.now()),
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };
}
