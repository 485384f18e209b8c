import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  letterDeliveryRequestSchema,
  letterDeliveryStateSchema,
  letterOutboxListSchema,
  letterOutboxQuerySchema,
  letterSendRequestSchema,
} from '../../../shared/contracts/letter-delivery';
import { letterChannelSchema, letterStatusSchema } from '../../../shared/contracts/letters';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { renderLetterForSending } from './letter-delivery.render';
import { startMailDelivery } from './mailer';
import { getDeliveryState, listAgencyLetters, recordDelivery, sendLetter } from './letter-delivery.service';

const tags = ['correspondence'];

const sendResultSchema = z.object({
  id: z.uuid(),
  status: letterStatusSchema,
  channel: letterChannelSchema,
  version: z.number().int(),
});
const deliveryResultSchema = z.object({ id: z.uuid(), status: letterStatusSchema, version: z.number().int() });

/** Sending letters, proof of delivery, returned mail, and the agency's list of letters (issue 8). */
export function letterDeliveryRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    startMailDelivery(app, deps);

    app.get(
      '/api/v1/letters',
      {
        schema: {
          tags,
          summary:
            'The letters of the caller’s agency whose case the caller sees (“Schriftverkehr”): filter by status, sent without proof of delivery, returned/undeliverable; sorted, paged. Audited.',
          querystring: letterOutboxQuerySchema,
          response: { 200: letterOutboxListSchema },
        },
      },
      async (req) => listAgencyLetters(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/letters/:id/delivery',
      {
        schema: {
          tags,
          summary:
            'The delivery panel of a letter: the channels allowed now (with reasons and a proposal for the others), the person’s current address with its facts, the channel consents in force, the proof kinds per channel, the e-mail’s outbox status. Audited.',
          params: idParamsSchema,
          response: { 200: letterDeliveryStateSchema },
        },
      },
      async (req) => getDeliveryState(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/letters/:id/send',
      {
        schema: {
          tags,
          summary:
            'Send a draft (sending agency, If-Match): post (to an address not flagged undeliverable), hand delivery, e-mail (queued with the PDF attached) or messenger (the caseworker sends through the agency’s messenger and confirms) — e-mail and messenger only with a consent in force. Fixes the PDF. ETag = version.',
          params: idParamsSchema,
          body: letterSendRequestSchema,
          response: { 200: sendResultSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await sendLetter(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          renderLetterForSending,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/letters/:id/delivery',
      {
        schema: {
          tags,
          summary:
            'Record delivery (If-Match): delivered with a proof fitting the channel, returned/undeliverable with a reason (updates the address register with the confirmed facts), or a later read receipt. Nothing leaves delivered except read (409).',
          params: idParamsSchema,
          body: letterDeliveryRequestSchema,
          response: { 200: deliveryResultSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await recordDelivery(
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
