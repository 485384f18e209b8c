import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import { profilePutRequestSchema, profileResponseSchema } from '../../../shared/contracts/profiles';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { getProfile, putProfile } from './profiles.service';

const tags = ['profiles'];

/** The competence profile of a person (issue 9; category employment_profile). */
export function profileRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/people/:id/profile',
      {
        schema: {
          tags,
          summary:
            'The competence profile of the person, or profile: null when none exists yet. 404 when the person is not visible, 403 naming the category when employment_profile is withheld. ETag = version (when a profile exists).',
          params: idParamsSchema,
          response: { 200: profileResponseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getProfile(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        if (etag) reply.header('etag', etag);
        return reply.send(value);
      },
    );
    app.put(
      '/api/v1/people/:id/profile',
      {
        schema: {
          tags,
          summary:
            'Create (201) or replace (200) the competence profile. Replacing needs If-Match with the version (428 without, 412 when stale). profiledOn (funnel cohort) defaults to today on creation; germanOverall is the lowest of the four German skills. KldB codes must be Berufsgattungen of the reference data.',
          params: idParamsSchema,
          body: profilePutRequestSchema,
          response: { 200: profileResponseSchema, 201: profileResponseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag, created } = await putProfile(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply
          .code(created ? 201 : 200)
          .header('etag', etag)
          .send(value);
      },
    );
  };
}
