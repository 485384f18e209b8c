import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app-deps';

/** Placeholder: the routes of this file are being built (issue 5). */
export function breakGlassRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
