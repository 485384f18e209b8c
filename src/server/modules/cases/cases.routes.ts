import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app-deps';
import { assessmentRoutes } from './assessments.routes';

// Scaffold: the case routes are being written in this session.
export function caseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(assessmentRoutes(deps));
  };
}
