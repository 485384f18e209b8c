import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  legalEvaluationRequestSchema,
  legalEvaluationResponseSchema,
  personLegalEvaluationSchema,
} from '../../../shared/contracts/legal';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { legalHandoverRoutes } from './legal-handover.routes';
import { legalRuleVersionRoutes } from './legal-rule-versions.routes';
import { evaluateFacts, evaluatePerson } from './legal.service';

const tags = ['legal'];
/**
 * A public route: a per-IP ceiling keeps it from being used as free computing power. An evaluation
 * takes well under a millisecond, so the ceiling is generous enough for a scenario suite run from
 * outside (20 requests a second on average).
 */
const calculatorRateLimit = { rateLimit: { max: 1200, timeWindow: '1 minute' } };

export function legalRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/legal/evaluate',
      {
        config: calculatorRateLimit,
        schema: {
          tags,
          summary: 'Legal-domain rules (Rechtskreis) on facts the caller supplies; no login, nothing stored',
          description:
            'Derives benefit system, responsible agency kind, labour-market access, integration course, Wohnsitzauflage and deadlines ' +
            'for a person at a date, with the rules that fired, their norms and plain explanations. Impossible or contradictory facts ' +
            'answer 400 with field errors; missing facts are named in `unknowns` and make the outputs they affect `provisional`. ' +
            'Unknown request keys are ignored and listed in `ignoredFields`. Advice only: the caseworker checks and confirms. ' +
            'Rules and sources: docs/legal-rules.md.',
          body: legalEvaluationRequestSchema,
          response: { 200: legalEvaluationResponseSchema },
        },
      },
      async (req) => evaluateFacts(req.body),
    );
    app.get(
      '/api/v1/people/:id/legal-evaluation',
      {
        schema: {
          tags,
          summary:
            "The legal-domain rules on a stored person's date of birth, nationality and current residence document, today",
          params: idParamsSchema,
          response: { 200: personLegalEvaluationSchema },
        },
      },
      async (req) => evaluatePerson(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    await app.register(legalHandoverRoutes(deps));
    await app.register(legalRuleVersionRoutes(deps));
  };
}
