import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app-deps';

// Scaffold: the assessment routes are being written in this session; registered from cases.routes.ts.
export function assessmentRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
