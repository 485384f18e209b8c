import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rejectionReasonListSchema, rejectionReasonPutSchema } from '../../../shared/contracts/referrals';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { listRejectionReasons, putRejectionReasons } from './rejection-reasons.service';

const tags = ['referrals'];

/** The installation-wide list of reasons for rejecting a referral. */
export function rejectionReasonRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/referral-rejection-reasons',
      {
        schema: {
          tags,
          summary: 'The reasons for rejecting a referral, in order; inactive ones are no longer offered.',
          response: { 200: rejectionReasonListSchema },
        },
      },
      async (req) => listRejectionReasons(deps.db, req.actor),
    );
    app.put(
      '/api/v1/referral-rejection-reasons',
      {
        schema: {
          tags,
          summary:
            'Replace the list (team leads, agency admins; installation-wide). Reasons left out become inactive, never deleted.',
          body: rejectionReasonPutSchema,
          response: { 200: rejectionReasonListSchema },
        },
      },
      async (req) => putRejectionReasons(deps.db, req.actor, req.body, auditContext(req, deps.now())),
    );
  };
}
