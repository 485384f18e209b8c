import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListQuerySchema, auditListSchema, auditVerifyResultSchema } from '../../../shared/contracts/audit';
import type { AppDeps } from '../http/app-deps';
import { auditContext } from '../http/request-context';
import { browseAuditLog, verifyAuditLog } from './audit.service';

const tags = ['audit'];

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/audit/events',
      { schema: { tags, summary: 'Audit events (data protection officer)', querystring: auditListQuerySchema, response: { 200: auditListSchema } } },
      async (req) => browseAuditLog(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/audit/verify',
      { schema: { tags, summary: 'Verify the hash chain; names the first broken row', response: { 200: auditVerifyResultSchema } } },
      async (req) => verifyAuditLog(deps.db, req.actor, auditContext(req, deps.now())),
    );
  };
}
