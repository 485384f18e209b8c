import { funnelRoutes } from './modules/reports/funnel.routes';
import { consentRoutes } from './modules/consent/consent.routes';
import { breakGlassRoutes } from './modules/data-protection/break-glass.routes';
import { categoryMatrixRoutes } from './modules/data-protection/category-matrix.routes';
import { privacyReportRoutes } from './modules/data-protection/privacy-reports.routes';
import { retentionRoutes } from './modules/data-protection/retention.routes';
import { transferRoutes } from './modules/data-protection/transfers.routes';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookiePlugin from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import staticPlugin from '@fastify/static';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { registerRouteGuard } from './platform/access/route-guard';
import { AppError } from './platform/errors/app-error';
import type { AppDeps } from './platform/http/app-deps';
import { healthRoutes } from './platform/http/health.routes';
import { errorHandler, sendProblem } from './platform/http/problem';
import { sessionCookie } from './platform/http/request-context';
import { securityHeaders } from './platform/http/security-headers';
import { authRoutes } from './platform/auth/auth.routes';
import { auditRoutes } from './platform/audit/audit.routes';
import { agencyRoutes } from './modules/agencies/agencies.routes';
import { userRoutes } from './modules/admin/users.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { caseRoutes } from './modules/cases/cases.routes';
import { legalRoutes } from './modules/legal/legal.routes';
import { workspaceRoutes } from './modules/workspace/workspace.routes';
import { districtRoutes } from './modules/social-space/districts.routes';
import { socialSpaceMapRoutes } from './modules/social-space/social-space-map.routes';
import { addressRoutes } from './modules/social-space/addresses.routes';
import { explorationRoutes } from './modules/social-space/explorations.routes';
import { resourceRoutes } from './modules/social-space/resources.routes';
import { hsdsRoutes } from './modules/social-space/hsds.routes';
import { registerPolicies } from './modules/policies';
import { letterRoutes } from './modules/correspondence/letters.routes';
import { letterDeliveryRoutes } from './modules/correspondence/letter-delivery.routes';
import { communicationConsentRoutes } from './modules/correspondence/communication-consents.routes';
import { benefitReductionRoutes } from './modules/correspondence/benefit-reductions.routes';
import { referralRoutes } from './modules/referrals/referrals.routes';
import { rejectionReasonRoutes } from './modules/referrals/rejection-reasons.routes';
import { measureRoutes } from './modules/referrals/measures.routes';
import { referralCriteriaRoutes } from './modules/referrals/referral-criteria.routes';
import { employmentOutcomeRoutes } from './modules/referrals/employment-outcomes.routes';
import { profileRoutes } from './modules/profiles/profiles.routes';
import { referenceDataRoutes } from './modules/profiles/reference-data.routes';

export type BuildAppOptions = {
  config: Config;
  database: Database;
  /** Injectable clock for tests of timeouts. */
  now?: () => Date;
  logger?: boolean;
  /** Directory of the built client; the SPA is served from here when it exists. */
  clientDir?: string;
};

export const defaultClientDir = path.resolve(import.meta.dirname, '../../dist/client');

/** Builds the HTTP application without listening; tests drive it with app.inject(). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const deps: AppDeps = { config, database, db: database.db, now: options.now ?? (() => new Date()) };
  const cookie = sessionCookie(config.cookieSecure);

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, redact: ['req.headers.cookie'] },
    exposeHeadRoutes: false,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
    // Malformed URLs are rejected by the router before any hook; they get problem+json too.
    frameworkErrors: (err, req, reply) => {
      errorHandler(err, req, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only. Fastify parses text/plain by default, and text/plain is what a
  // cross-site form may send without a CORS preflight; without a parser it is answered with 415.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, new AppError('NOT_FOUND')));

  await app.register(cookiePlugin);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotse API',
        version: config.version,
        description: 'Integrated, cross-agency case management (Hilfen aus einer Hand).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: cookie.name } } },
    },
    transform: jsonSchemaTransform,
  });

  const headers = securityHeaders({ secure: config.cookieSecure, mapTileUrl: config.mapTileUrl });
  // onSend runs for every reply, errors and 404s included. Social data must never sit in a
  // browser or proxy cache, hence no-store on the whole API.
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.headers(headers);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  // Request lines are debug output; errors are logged by the error handler, data access by the audit log.
  app.addHook('onResponse', (req, reply, done) => {
    if (req.log.level === 'debug' || req.log.level === 'trace') {
      req.log.debug({ method: req.method, url: req.url, status: reply.statusCode, ms: reply.elapsedTime }, 'request');
    }
    done();
  });

  registerPolicies();
  registerRouteGuard(app, deps, cookie);

  await app.register(healthRoutes(deps));
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(authRoutes(deps, cookie));
  await app.register(workspaceRoutes(deps));
  await app.register(agencyRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(peopleRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(legalRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(categoryMatrixRoutes(deps));
  await app.register(consentRoutes(deps));
  await app.register(transferRoutes(deps));
  await app.register(breakGlassRoutes(deps));
  await app.register(privacyReportRoutes(deps));
  await app.register(retentionRoutes(deps));
  await app.register(districtRoutes(deps));
  await app.register(socialSpaceMapRoutes(deps));
  await app.register(addressRoutes(deps));
  await app.register(explorationRoutes(deps));
  await app.register(resourceRoutes(deps));
  await app.register(hsdsRoutes(deps));
  await app.register(letterRoutes(deps));
  await app.register(letterDeliveryRoutes(deps));
  await app.register(communicationConsentRoutes(deps));
  await app.register(benefitReductionRoutes(deps));
  await app.register(referralRoutes(deps));
  await app.register(rejectionReasonRoutes(deps));
  await app.register(measureRoutes(deps));
  await app.register(referralCriteriaRoutes(deps));
  await app.register(employmentOutcomeRoutes(deps));
  await app.register(profileRoutes(deps));
  await app.register(referenceDataRoutes(deps));
  await app.register(funnelRoutes(deps));

  const clientDir = options.clientDir ?? defaultClientDir;
  const clientBuilt = fs.existsSync(path.join(clientDir, 'index.html'));
  if (clientBuilt) await app.register(staticPlugin, { root: clientDir, serve: false });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const wanted = req.url.split('?')[0] ?? '/';
    if (wanted.startsWith('/api/')) throw new AppError('NOT_FOUND');
    if (!clientBuilt) {
      return reply.code(503).type('text/plain; charset=utf-8').send('Client not built: run `npm run build:client`.');
    }
    const relative = decodeURIComponent(wanted).replace(/^\/+/, '');
    if (relative && path.extname(relative) && !relative.includes('..')) {
      const file = path.join(clientDir, relative);
      if (file.startsWith(clientDir) && fs.existsSync(file)) {
        const immutable = relative.startsWith('assets/');
        return reply.sendFile(relative, {
          cacheControl: true,
          immutable,
          maxAge: immutable ? 31536000000 : 0,
        });
      }
      throw new AppError('NOT_FOUND');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
