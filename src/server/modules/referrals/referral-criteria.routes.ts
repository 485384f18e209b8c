import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import { referralCriteriaSchema, referralCriteriaUpdateRequestSchema } from '../../../shared/contracts/referral-criteria';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { getReferralCriteria, putReferralCriteria } from './referral-criteria.service';

const tags = ['referral criteria'];

/** A receiving agency's acceptance criteria for referrals. */
export function referralCriteriaRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/agencies/:id/referral-criteria',
      {
        schema: {
          tags,
          summary:
            'The agency’s acceptance criteria for referrals, each with its German and English description (none stored: empty, version 0). ETag = version.',
          params: idParamsSchema,
          response: { 200: referralCriteriaSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getReferralCriteria(deps.db, req.actor, req.params.id);
        return reply.header('etag', etag).send(value);
      },
    );
    app.put(
      '/api/v1/agencies/:id/referral-criteria',
      {
        schema: {
          tags,
          summary:
            'Replace the agency’s acceptance criteria (team lead or administrator of that agency only: 403 for another agency). If-Match required (version 0 before the first write): 428 without, 412 when stale. Audited.',
          params: idParamsSchema,
          body: referralCriteriaUpdateRequestSchema,
          response: { 200: referralCriteriaSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await putReferralCriteria(
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
