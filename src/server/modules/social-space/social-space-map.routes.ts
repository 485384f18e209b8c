import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { socialSpaceMapQuerySchema, socialSpaceMapSchema } from '../../../shared/contracts/social-space-map';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { getSocialSpaceMap } from './social-space-map.service';

export function socialSpaceMapRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/social-space/map',
      {
        schema: {
          tags: ['districts'],
          summary:
            'The social-space map: district outlines with aggregated figures, located resources (filter: categories = comma-separated ' +
            'taxonomy codes, includeClosed), and addresses with a delivery problem only for roles with address.read. No person markers.',
          querystring: socialSpaceMapQuerySchema,
          response: { 200: socialSpaceMapSchema },
        },
      },
      async (req) =>
        getSocialSpaceMap(
          deps.db,
          req.actor,
          {
            categories: (req.query.categories ?? '')
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean),
            includeClosed: req.query.includeClosed === 'true',
          },
          deps.config,
          auditContext(req, deps.now()),
        ),
    );
  };
}
