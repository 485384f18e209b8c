import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hsdsMetaSchema, hsdsPageQuerySchema, hsdsPageSchema, hsdsRecordSchema } from '../../../shared/contracts/hsds';
import { AppError } from '../../platform/errors/app-error';
import type { AppDeps } from '../../platform/http/app-deps';
import {
  hsdsMeta,
  publicOrganization,
  publicOrganizations,
  publicService,
  publicServiceAtLocation,
  publicServiceAtLocationPage,
  publicServices,
  publicTaxonomies,
  publicTaxonomyTerms,
} from './hsds-export';

const tags = ['hsds'];
/**
 * The open feed needs no login, so it is throttled per client address like the public legal
 * calculator (Open Referral UK allows throttling): 600 requests a minute, 10 a second on average.
 */
const publicFeedRateLimit = { rateLimit: { max: 600, timeWindow: '1 minute' } };
const idParams = z.object({ id: z.uuid() });

const found = <T>(value: T | null): T => {
  if (value === null) throw new AppError('NOT_FOUND');
  return value;
};

/**
 * The open HSDS 3 API of the resource directory (Human Services Data API): no login, CORS for
 * everyone. Only active and temporarily closed services; never the internal note, non-public
 * contacts or who verified an entry (see hsds-export.ts, audience "public").
 */
export function hsdsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.header('access-control-allow-origin', '*');
      reply.header('cross-origin-resource-policy', 'cross-origin');
    });
    app.get(
      '/api/v1/hsds/',
      {
        config: publicFeedRateLimit,
        schema: { tags, summary: 'HSDS API meta information (version, profile)', response: { 200: hsdsMetaSchema } },
      },
      async () => hsdsMeta(deps.config.publicUrl?.replace(/\/$/, '') ?? ''),
    );
    app.get(
      '/api/v1/hsds/services',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'Public services (paged as HSDS pages)',
          querystring: hsdsPageQuerySchema,
          response: { 200: hsdsPageSchema },
        },
      },
      async (req) => publicServices(deps.db, req.query),
    );
    app.get(
      '/api/v1/hsds/services/:id',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'One public service, fully nested',
          params: idParams,
          response: { 200: hsdsRecordSchema },
        },
      },
      async (req) => found(await publicService(deps.db, req.params.id)),
    );
    app.get(
      '/api/v1/hsds/organizations',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'Organizations offering public services',
          querystring: hsdsPageQuerySchema,
          response: { 200: hsdsPageSchema },
        },
      },
      async (req) => publicOrganizations(deps.db, req.query),
    );
    app.get(
      '/api/v1/hsds/organizations/:id',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'One organization with its public services and locations',
          params: idParams,
          response: { 200: hsdsRecordSchema },
        },
      },
      async (req) => found(await publicOrganization(deps.db, req.params.id)),
    );
    app.get(
      '/api/v1/hsds/taxonomies',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'The taxonomies (the local categories)',
          querystring: hsdsPageQuerySchema,
          response: { 200: hsdsPageSchema },
        },
      },
      async (req) => publicTaxonomies(hsdsPageQuerySchema.parse(req.query)),
    );
    app.get(
      '/api/v1/hsds/taxonomy_terms',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'The taxonomy terms',
          querystring: hsdsPageQuerySchema,
          response: { 200: hsdsPageSchema },
        },
      },
      async (req) => publicTaxonomyTerms(deps.db, req.query),
    );
    app.get(
      '/api/v1/hsds/service_at_locations',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'Public services at their locations',
          querystring: hsdsPageQuerySchema,
          response: { 200: hsdsPageSchema },
        },
      },
      async (req) => publicServiceAtLocationPage(deps.db, req.query),
    );
    app.get(
      '/api/v1/hsds/service_at_locations/:id',
      {
        config: publicFeedRateLimit,
        schema: {
          tags,
          summary: 'One public service at a location',
          params: idParams,
          response: { 200: hsdsRecordSchema },
        },
      },
      async (req) => found(await publicServiceAtLocation(deps.db, req.params.id)),
    );
  };
}
