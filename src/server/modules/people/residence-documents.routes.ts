import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app-deps';

// Scaffold: the routes are being written in this session; registered from people.routes.ts.
export function residenceDocumentRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
