import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  benefitReductionCheckRequestSchema,
  benefitReductionCreateRequestSchema,
  benefitReductionListSchema,
  benefitReductionSchema,
  guardResultSchema,
} from '../../../shared/contracts/benefit-reductions';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { startAppointmentReminderSchedule } from './appointment-reminders';
import { checkBenefitReduction, listBenefitReductions, recordBenefitReduction } from './benefit-reductions.service';

const tags = ['benefit reductions'];

/** The sanction guard and the decisions on reductions of benefits; starts the appointment-reminder schedule. */
export function benefitReductionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    startAppointmentReminderSchedule(app, deps);
    app.post(
      '/api/v1/cases/:id/benefit-reductions/check',
      {
        schema: {
          tags,
          summary:
            'The sanction guard for a planned reduction of benefits (missed appointment): whether it may be completed, each condition with its explanation, and second channels when blocked. Writes nothing (audited as a read). Needs the benefits category of the person.',
          params: idParamsSchema,
          body: benefitReductionCheckRequestSchema,
          response: { 200: guardResultSchema },
        },
      },
      async (req) => checkBenefitReduction(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/benefit-reductions',
      {
        schema: {
          tags,
          summary:
            'Record the decision on a reduction of benefits. The guard is evaluated again: completed when it allows it; otherwise blocked, which needs a second channel from the proposals (400 without) and creates a case task for it. Lead agency or a Jobcenter/Sozialamt on the team only (403); 409 when one is already completed for the appointment.',
          params: idParamsSchema,
          body: benefitReductionCreateRequestSchema,
          response: { 201: benefitReductionSchema },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await recordBenefitReduction(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
          ),
    );
    app.get(
      '/api/v1/cases/:id/benefit-reductions',
      {
        schema: {
          tags,
          summary:
            'The decisions on reductions of benefits of the case, newest first, with the guard’s findings as recorded.',
          params: idParamsSchema,
          response: { 200: benefitReductionListSchema },
        },
      },
      async (req) => listBenefitReductions(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
  };
}
