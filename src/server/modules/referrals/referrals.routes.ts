import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  criteriaCheckSchema,
  referralCreateRequestSchema,
  referralListQuerySchema,
  referralListSchema,
  referralSchema,
  referralSendRequestSchema,
  referralTransitionRequestSchema,
  referralUpdateRequestSchema,
} from '../../../shared/contracts/referrals';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  checkReferralCriteria,
  createReferral,
  getReferral,
  listReferrals,
  sendReferral,
  transitionReferral,
  updateReferral,
} from './referrals.service';

const tags = ['referrals'];

/** Referrals between agencies and to measures: inbox, outbox, drafts, sending, transitions. */
export function referralRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/referrals',
      {
        schema: {
          tags,
          summary:
            'The inbox (referrals to the caller’s agency, never drafts) or outbox (from it, within the caseworker scope); filter by status and overdue follow-up; sorted; paged.',
          querystring: referralListQuerySchema,
          response: { 200: referralListSchema },
        },
      },
      async (req) => listReferrals(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/people/:id/referrals',
      {
        schema: {
          tags,
          summary:
            'A draft referral of the person to another agency (optionally to one of its measures, for a case, with a follow-up date). Needs the category employment_profile. ETag = version.',
          params: idParamsSchema,
          body: referralCreateRequestSchema,
          response: { 201: referralSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createReferral(
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
      '/api/v1/referrals/:id',
      {
        schema: {
          tags,
          summary:
            'One referral with its history, the stored criteria check, the caller’s possible actions and — for the sender of a draft — the grounds in force for sending.',
          params: idParamsSchema,
          response: { 200: referralSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getReferral(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/referrals/:id',
      {
        schema: {
          tags,
          summary: 'The sender edits a draft (If-Match required: 428 without, 412 when stale; 409 once sent).',
          params: idParamsSchema,
          body: referralUpdateRequestSchema,
          response: { 200: referralSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateReferral(
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
      '/api/v1/referrals/:id/criteria-check',
      {
        schema: {
          tags,
          summary:
            'The person’s facts checked now against the receiving agency’s acceptance criteria and the measure’s eligibility: met, not met or unknown per criterion, with the explanation.',
          params: idParamsSchema,
          response: { 200: criteriaCheckSchema },
        },
      },
      async (req) => checkReferralCriteria(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/referrals/:id/send',
      {
        schema: {
          tags,
          summary:
            'Send a draft on a ground in force (the person’s consent naming the receiving agency and employment_profile, or a transfer to it): 409 without one; 409 listing failing criteria unless sendDespiteFailing (recorded). If-Match required.',
          params: idParamsSchema,
          body: referralSendRequestSchema,
          response: { 200: referralSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await sendReferral(
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
    app.post(
      '/api/v1/referrals/:id/transition',
      {
        schema: {
          tags,
          summary:
            'Move the referral: the receiver accepts, rejects (reason code), records the start (date), completion or drop-out (note); the sender revokes before the start. 409 for a move that does not exist from the status, 403 for the other side’s move. If-Match required.',
          params: idParamsSchema,
          body: referralTransitionRequestSchema,
          response: { 200: referralSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await transitionReferral(
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
