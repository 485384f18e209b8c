import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  communicationConsentCreateRequestSchema,
  communicationConsentListSchema,
  communicationConsentParamsSchema,
  communicationConsentSchema,
  communicationConsentWithdrawResultSchema,
} from '../../../shared/contracts/communication-consents';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  listCommunicationConsents,
  recordCommunicationConsent,
  withdrawCommunicationConsent,
} from './communication-consents.service';

const tags = ['correspondence'];

/** The person's consent to be written to by e-mail or messenger (issue 8). */
export function communicationConsentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/people/:id/communication-consents',
      {
        schema: {
          tags,
          summary:
            'The person’s consents to e-mail and messenger, in force first. Needs the person and its category contact. Audited.',
          params: idParamsSchema,
          response: { 200: communicationConsentListSchema },
        },
      },
      async (req) => listCommunicationConsents(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/people/:id/communication-consents',
      {
        schema: {
          tags,
          summary:
            'Record a consent to a channel: e-mail (a valid address) or messenger (number or handle, service), the day given (not in the future) and the evidence (in person needs a note).',
          params: idParamsSchema,
          body: communicationConsentCreateRequestSchema,
          response: { 201: communicationConsentSchema },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await recordCommunicationConsent(
              deps.db,
              req.actor,
              req.params.id,
              req.body,
              auditContext(req, deps.now()),
            ),
          ),
    );
    app.post(
      '/api/v1/people/:id/communication-consents/:consentId/withdraw',
      {
        schema: {
          tags,
          summary:
            'Withdraw a consent to a channel: takes effect at once (letters can no longer go by it; its queued e-mail is cancelled). 409 when already withdrawn.',
          params: communicationConsentParamsSchema,
          response: { 200: communicationConsentWithdrawResultSchema },
        },
      },
      async (req) =>
        withdrawCommunicationConsent(
          deps.db,
          req.actor,
          req.params.id,
          req.params.consentId,
          auditContext(req, deps.now()),
        ),
    );
  };
}
