import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceSchema } from '../../../shared/contracts/workspace';
import type { AppDeps } from '../../platform/http/app-deps';
import { getWorkspace } from './workspace.service';

export function workspaceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/workspace',
      { schema: { tags: ['workspace'], summary: 'Start page data of the signed-in user', response: { 200: workspaceSchema } } },
      async (req) => getWorkspace(deps.db, req.actor),
    );
  };
}
