import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  purgeRunListSchema,
  purgeRunRequestSchema,
  purgeRunSchema,
  recordClassParamsSchema,
  retentionPolicyListSchema,
  retentionPolicyUpdateSchema,
} from '../../../shared/contracts/retention';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { legalHoldRoutes } from './legal-holds.routes';
import { startRetentionSchedule } from './retention-schedule';
import { getPurgeRuns, getRetentionPolicies, setRetentionPolicy, startPurgeRun } from './retention.service';

const tags = ['data protection'];

/** Retention periods, purge runs and (as a sub-plugin) legal holds. */
export function retentionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/retention/policies',
      { schema: { tags, summary: 'Retention period per record class', response: { 200: retentionPolicyListSchema } } },
      async (req) => getRetentionPolicies(deps.db, req.actor),
    );
    app.put(
      '/api/v1/retention/policies/:recordClass',
      {
        schema: {
          tags,
          summary: 'Change the period (0–30 years) and action of a record class (system administrator)',
          params: recordClassParamsSchema,
          body: retentionPolicyUpdateSchema,
          response: { 200: retentionPolicyListSchema },
        },
      },
      async (req) =>
        setRetentionPolicy(deps.db, req.actor, req.params.recordClass, req.body, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/retention/runs',
      { schema: { tags, summary: 'The latest purge runs', response: { 200: purgeRunListSchema } } },
      async (req) => getPurgeRuns(deps.db, req.actor),
    );
    app.post(
      '/api/v1/retention/runs',
      {
        schema: {
          tags,
          summary: 'Run the purge job now; a dry run counts what would be deleted or anonymised and changes nothing',
          body: purgeRunRequestSchema,
          response: { 200: purgeRunSchema },
        },
      },
      async (req) => startPurgeRun(deps.db, req.actor, req.body, auditContext(req, deps.now())),
    );
    await app.register(legalHoldRoutes(deps));
    // The daily purge (LOTSE_PURGE_INTERVAL_HOURS); its timers stop with app.close().
    startRetentionSchedule(app, deps);
  };
}
