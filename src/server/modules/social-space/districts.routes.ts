import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  districtDetailSchema,
  districtListSchema,
  districtStaffListSchema,
  districtStaffParamsSchema,
  districtUpdateRequestSchema,
  outlineImportQuerySchema,
  outlineImportRequestSchema,
  outlineImportResultSchema,
} from '../../../shared/contracts/districts';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  assignStaff,
  changeDistrict,
  getDistrict,
  getDistricts,
  getDistrictStaff,
  importOutlines,
  removeStaff,
} from './districts.service';

const tags = ['districts'];

export function districtRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/districts',
      {
        schema: {
          tags,
          summary:
            'Every district (Stadtteil) with population, exploration cadence and aggregated figures: assigned staff, ' +
            'clients with a current residence there (counts 1–4 suppressed), resources, last exploration. Never names.',
          response: { 200: districtListSchema },
        },
      },
      async (req) => ({ items: await getDistricts(deps.db, req.actor, deps.now()) }),
    );
    app.get(
      '/api/v1/districts/:id',
      {
        schema: {
          tags,
          summary: 'One district with its outline (GeoJSON) and the assigned staff; ETag = version',
          params: idParamsSchema,
          response: { 200: districtDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getDistrict(deps.db, req.actor, req.params.id, deps.now());
        return reply.header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/districts/:id',
      {
        schema: {
          tags,
          summary:
            'Change the exploration cadence (30–1095 days) or the population with its reference date (system administrator; If-Match)',
          params: idParamsSchema,
          body: districtUpdateRequestSchema,
          response: { 200: districtDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await changeDistrict(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/districts/:id/staff',
      {
        schema: {
          tags,
          summary: 'The staff assigned to a district',
          params: idParamsSchema,
          response: { 200: districtStaffListSchema },
        },
      },
      async (req) => ({ items: await getDistrictStaff(deps.db, req.actor, req.params.id) }),
    );
    app.put(
      '/api/v1/districts/:id/staff/:userId',
      {
        schema: {
          tags,
          summary:
            'Assign a colleague to a district (team leads and agency administrators: their own agency’s staff; system administrator: anyone). Idempotent.',
          params: districtStaffParamsSchema,
          response: { 200: districtStaffListSchema },
        },
      },
      async (req) => ({
        items: await assignStaff(deps.db, req.actor, req.params.id, req.params.userId, auditContext(req, deps.now())),
      }),
    );
    app.delete(
      '/api/v1/districts/:id/staff/:userId',
      {
        schema: {
          tags,
          summary: 'Remove a colleague from a district (same reach as assigning)',
          params: districtStaffParamsSchema,
          response: { 200: districtStaffListSchema },
        },
      },
      async (req) => ({
        items: await removeStaff(deps.db, req.actor, req.params.id, req.params.userId, auditContext(req, deps.now())),
      }),
    );
    app.post(
      '/api/v1/districts/outlines',
      {
        schema: {
          tags,
          summary:
            'Import district outlines from a GeoJSON FeatureCollection (properties.code or properties.name names the district; ' +
            'Polygon/MultiPolygon in WGS 84). All or nothing; ?dryRun=true checks without writing. System administrator.',
          querystring: outlineImportQuerySchema,
          body: outlineImportRequestSchema,
          response: { 200: outlineImportResultSchema },
        },
        bodyLimit: 10 * 1024 * 1024,
      },
      async (req) =>
        importOutlines(deps.db, req.actor, req.body, req.query.dryRun === 'true', auditContext(req, deps.now())),
    );
  };
}
