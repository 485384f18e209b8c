import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '../../../shared/contracts/health';
import type { AppDeps } from './app-deps';

/** A successful ping is trusted this long, so load balancers polling health do not load the database. */
const PING_TTL_MS = 1000;

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    let lastOk = 0;
    let inflight: Promise<boolean> | null = null;
    const databaseUp = async (): Promise<boolean> => {
      if (Date.now() - lastOk < PING_TTL_MS) return true;
      inflight ??= deps.database
        .ping()
        .then(() => {
          lastOk = Date.now();
          return true;
        })
        .catch(() => false)
        .finally(() => {
          inflight = null;
        });
      return inflight;
    };
    const database = deps.database.kind;
    const version = deps.config.version;

    app.get(
      '/api/v1/health',
      {
        schema: {
          tags: ['platform'],
          summary: 'Liveness and database reachability',
          response: { 200: healthSchema, 503: healthSchema },
        },
        // The answer is built right here from three known fields; plain JSON.stringify spares the
        // per-request schema pass on the route load balancers poll most.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (_req, reply) => {
        const up = await databaseUp();
        return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database, version });
      },
    );
  };
}
