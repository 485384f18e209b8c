/**
 * Host for bench/health-breakdown.ts: the health route in a ladder of servers, each adding one piece
 * of what src/server/app.ts puts in front of it, so the cost of each piece can be read off as the
 * difference of two rungs. The pieces' settings mirror app.ts (update them here if app.ts changes);
 * the last rungs are the real buildApp, with logging off, at "silent" and at "info".
 * Prints BENCH_READY {name: url, ...} on stderr when all listen.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookiePlugin from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { registerRouteGuard } from '../src/server/platform/access/route-guard';
import { healthRoutes } from '../src/server/platform/http/health.routes';
import { errorHandler } from '../src/server/platform/http/problem';
import { sessionCookie } from '../src/server/platform/http/request-context';
import { registerPolicies } from '../src/server/modules/policies';
import type { AppDeps } from '../src/server/platform/http/app-deps';
import { READY_MARKER } from './lib';

const rungs = [
  'fastify',
  '+zod-serializer',
  '+app-options',
  '+helmet',
  '+cookie',
  '+rate-limit',
  '+swagger',
  '+cache-control-hook',
  '+route-guard',
] as const;
type Rung = (typeof rungs)[number];

async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'production', LOTSE_SEED: 'none', LOG_LEVEL: 'silent', DATA_DIR: 'memory://' });
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  const deps: AppDeps = { config, database, db: database.db, now: () => new Date() };
  const cookie = sessionCookie(config.cookieSecure);
  registerPolicies();
  const body = JSON.stringify({ status: 'ok', database: 'pglite', version: config.version });

  const urls: Record<string, string> = {};
  const listen = async (name: string, app: FastifyInstance) => {
    urls[name] = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/health`;
  };

  const bare = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  urls['bare node:http'] = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/v1/health`;

  for (let level = 0; level < rungs.length; level++) {
    const has = (r: Rung) => rungs.indexOf(r) <= level;
    const app = Fastify(
      has('+app-options')
        ? {
            logger: false,
            exposeHeadRoutes: false,
            bodyLimit: 1024 * 1024,
            genReqId: () => randomUUID(),
            trustProxy: false,
            routerOptions: { maxParamLength: 200 },
          }
        : { logger: false },
    );
    if (has('+zod-serializer')) {
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      app.setErrorHandler(errorHandler);
    }
    if (has('+helmet')) {
      await app.register(helmet, {
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:', 'blob:'],
            fontSrc: ["'self'"],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            baseUri: ["'none'"],
            frameAncestors: ["'none'"],
            formAction: ["'self'"],
            upgradeInsecureRequests: config.cookieSecure ? [] : null,
          },
        },
        strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
        referrerPolicy: { policy: 'no-referrer' },
        crossOriginEmbedderPolicy: false,
      });
    }
    if (has('+cookie')) await app.register(cookiePlugin);
    if (has('+rate-limit')) await app.register(rateLimit, { global: false });
    if (has('+swagger')) {
      await app.register(swagger, {
        openapi: { openapi: '3.1.0', info: { title: 'bench', version: '0' } },
        transform: jsonSchemaTransform,
      });
    }
    if (has('+cache-control-hook')) {
      app.addHook('onSend', async (req, reply) => {
        if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
      });
    }
    if (has('+route-guard')) registerRouteGuard(app, deps, cookie);
    if (has('+zod-serializer')) {
      await app.register(healthRoutes(deps));
    } else {
      app.get('/api/v1/health', async () => ({ status: 'ok', database: 'pglite', version: config.version }));
    }
    await listen(rungs[level]!, app);
  }

  // What-if rungs: the full ladder with helmet's per-request work replaced by its headers computed
  // once (they do not vary per request without CSP nonces), then also with Fastify's own
  // fast-json-stringify serializer instead of zod's validate-then-stringify for the response.
  const probe = await (await fetch(urls['+helmet']!)).arrayBuffer().then(() => fetch(urls['+helmet']!));
  const securityHeaders = Object.fromEntries(
    [...probe.headers.entries()].filter(
      ([k]) => !['date', 'connection', 'keep-alive', 'content-length', 'content-type'].includes(k),
    ),
  );
  for (const fastJson of [false, true]) {
    const app = Fastify({
      logger: false,
      exposeHeadRoutes: false,
      bodyLimit: 1024 * 1024,
      genReqId: () => randomUUID(),
      trustProxy: false,
      routerOptions: { maxParamLength: 200 },
    });
    app.setValidatorCompiler(validatorCompiler);
    if (!fastJson) app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(errorHandler);
    app.addHook('onRequest', async (_req, reply) => {
      reply.headers(securityHeaders);
    });
    await app.register(cookiePlugin);
    await app.register(rateLimit, { global: false });
    app.addHook('onSend', async (req, reply) => {
      if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    });
    registerRouteGuard(app, deps, cookie);
    if (fastJson) {
      const schema = {
        type: 'object',
        properties: { status: { type: 'string' }, database: { type: 'string' }, version: { type: 'string' } },
        required: ['status', 'database', 'version'],
      } as const;
      app.get('/api/v1/health', { schema: { response: { 200: schema } } }, async () => {
        await Promise.resolve();
        return { status: 'ok', database: 'pglite', version: config.version };
      });
    } else {
      await app.register(healthRoutes(deps));
    }
    await listen(fastJson ? 'what-if: static headers + fast-json' : 'what-if: static security headers', app);
  }

  // The real thing, as bench/health.bench.ts measures it, and with the logger a server really runs with.
  await listen('buildApp (logger off)', await buildApp({ config, database, logger: false }));
  await listen('buildApp (LOG_LEVEL=silent)', await buildApp({ config, database }));
  await listen('buildApp (LOG_LEVEL=info)', await buildApp({ config: { ...config, logLevel: 'info' }, database }));

  process.stderr.write(`${READY_MARKER}${JSON.stringify(urls)}\n`);
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((err: unknown) => {
  console.error('breakdown host failed:', err);
  process.exit(1);
});
