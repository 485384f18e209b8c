import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  notDuplicateParamsSchema,
  notDuplicateRequestSchema,
  personDuplicatesResponseSchema,
  personMergeListSchema,
  personMergeRequestSchema,
  personMergeResponseSchema,
} from '../../../shared/contracts/person-merge';
import { pickLocale } from '../../../shared/i18n/error-messages';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  listMerges,
  markNotDuplicate,
  mergePeople,
  personDuplicates,
  undoMerge,
  unmarkNotDuplicate,
} from './person-merge.service';

const tags = ['people'];

/** Possible duplicates of registered people, "not the same person", merge and its undo. */
export function personMergeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/people/:id/duplicates',
      {
        schema: {
          tags,
          summary: 'Possible duplicates of a registered person (without pairs marked "not the same person")',
          params: idParamsSchema,
          response: { 200: personDuplicatesResponseSchema },
        },
      },
      async (req) =>
        personDuplicates(
          deps.db,
          req.actor,
          req.params.id,
          pickLocale(req.headers['accept-language']),
          auditContext(req, deps.now()),
        ),
    );
    app.post(
      '/api/v1/people/:id/not-duplicate',
      {
        schema: {
          tags,
          summary: 'Record that two people are not the same person (idempotent)',
          params: idParamsSchema,
          body: notDuplicateRequestSchema,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await markNotDuplicate(
          deps.db,
          req.actor,
          req.params.id,
          req.body.otherPersonId,
          auditContext(req, deps.now()),
        );
        return reply.code(204).send(null);
      },
    );
    app.delete(
      '/api/v1/people/:id/not-duplicate/:otherId',
      {
        schema: {
          tags,
          summary: 'Withdraw "not the same person": the pair is proposed again',
          params: notDuplicateParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await unmarkNotDuplicate(deps.db, req.actor, req.params.id, req.params.otherId, auditContext(req, deps.now()));
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/api/v1/people/merge',
      {
        schema: {
          tags,
          summary: 'Merge two person records (reversible; both versions must be current, else 412)',
          body: personMergeRequestSchema,
          response: { 200: personMergeResponseSchema },
        },
      },
      async (req, reply) => {
        const { merge, person, etag } = await mergePeople(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.header('etag', etag).send({ merge, person });
      },
    );
    app.get(
      '/api/v1/people/:id/merges',
      {
        schema: {
          tags,
          summary: 'Merges the person took part in (as survivor or merged record), newest first',
          params: idParamsSchema,
          response: { 200: personMergeListSchema },
        },
      },
      async (req) => listMerges(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/people/merges/:id/undo',
      {
        schema: {
          tags,
          summary: 'Undo the newest merge of a survivor (409 when the survivor changed since)',
          params: idParamsSchema,
          response: { 200: personMergeResponseSchema },
        },
      },
      async (req, reply) => {
        const { merge, person, etag } = await undoMerge(
          deps.db,
          req.actor,
          req.params.id,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send({ merge, person });
      },
    );
  };
}
