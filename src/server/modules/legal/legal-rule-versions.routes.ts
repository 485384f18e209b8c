import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ruleVersionApplyResultSchema,
  ruleVersionApplySchema,
  ruleVersionImpactSchema,
  ruleVersionListSchema,
  ruleVersionParamsSchema,
} from '../../../shared/contracts/legal-rule-versions';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { applyRuleVersion, listRuleVersions, previewRuleVersion } from './legal-rule-versions.service';

const tags = ['legal'];

/** Rule versions (Regelversionen) of the legal-domain engine and their bulk re-evaluation. */
export function legalRuleVersionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/legal/rule-versions',
      {
        schema: {
          tags,
          summary: 'Versions of the legal-domain rule set: start date, status, summary, rules added/changed/ended',
          response: { 200: ruleVersionListSchema },
        },
      },
      async (req) => listRuleVersions(deps.db, req.actor, deps.now()),
    );
    app.post(
      '/api/v1/legal/rule-versions/:version/preview',
      {
        schema: {
          tags,
          summary:
            'Whom a rule version affects: counts of changed results and handovers that would open; writes nothing',
          params: ruleVersionParamsSchema,
          response: { 200: ruleVersionImpactSchema },
        },
      },
      async (req) => previewRuleVersion(deps.db, req.actor, req.params.version, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/legal/rule-versions/:version/apply',
      {
        schema: {
          tags,
          summary:
            'Re-evaluate everybody under the version in force; 409 when the changed count differs from the confirmed preview',
          params: ruleVersionParamsSchema,
          body: ruleVersionApplySchema,
          response: { 200: ruleVersionApplyResultSchema },
        },
      },
      async (req) => applyRuleVersion(deps.db, req.actor, req.params.version, req.body, auditContext(req, deps.now())),
    );
  };
}
