import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  duplicateCheckRequestSchema,
  duplicateCheckResponseSchema,
  personCreateRequestSchema,
  personSchema,
  personSearchQuerySchema,
  personSearchResultSchema,
  personUpdateRequestSchema,
} from '../../../shared/contracts/people';
import { pickLocale } from '../../../shared/i18n/error-messages';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { householdRoutes } from './households.routes';
import { personMergeRoutes } from './person-merge.routes';
import { residenceDocumentRoutes } from './residence-documents.routes';
import { changePerson, checkDuplicates, createPerson, getPerson, searchPeople } from './people.service';
import { exportPerson, personAccessDetail } from './person-access.service';
import { personAccessDetailSchema } from '../../../shared/contracts/data-protection';
import { personExportSchema } from '../../../shared/contracts/person-export';

const tags = ['people'];

export function peopleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(householdRoutes(deps));
    await app.register(residenceDocumentRoutes(deps));
    await app.register(personMergeRoutes(deps));
    app.get(
      '/api/v1/people/:id/access',
      {
        schema: {
          tags,
          summary: 'What the caller sees of a person (data categories) and on which grounds',
          params: idParamsSchema,
          response: { 200: personAccessDetailSchema },
        },
      },
      async (req) => personAccessDetail(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/people/:id/export',
      {
        schema: {
          tags,
          summary: "The person's register entry as the caller may see it, as one JSON document",
          params: idParamsSchema,
          response: { 200: personExportSchema },
        },
      },
      async (req, reply) => {
        reply.header('content-disposition', `attachment; filename="person-${req.params.id}.json"`);
        return exportPerson(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
      },
    );
    app.get(
      '/api/v1/people',
      {
        schema: {
          tags,
          summary: 'Search people by name (any spelling or order) and date of birth',
          querystring: personSearchQuerySchema,
          response: { 200: personSearchResultSchema },
        },
      },
      async (req) => searchPeople(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/people/duplicate-check',
      {
        schema: {
          tags,
          summary: 'Possible duplicates of a person about to be registered',
          body: duplicateCheckRequestSchema,
          response: { 200: duplicateCheckResponseSchema },
        },
      },
      async (req) =>
        checkDuplicates(
          deps.db,
          req.actor,
          req.body,
          pickLocale(req.headers['accept-language']),
          auditContext(req, deps.now()),
        ),
    );
    app.post(
      '/api/v1/people',
      {
        schema: {
          tags,
          summary: 'Register a person (409 DUPLICATE_SUSPECTED until likely duplicates are reviewed)',
          body: personCreateRequestSchema,
          response: { 201: personSchema },
        },
      },
      async (req, reply) => {
        const { person, etag } = await createPerson(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.code(201).header('etag', etag).send(person);
      },
    );
    app.get(
      '/api/v1/people/:id',
      {
        schema: {
          tags,
          summary: 'One person (ETag = version)',
          params: idParamsSchema,
          response: { 200: personSchema },
        },
      },
      async (req, reply) => {
        const { person, etag } = await getPerson(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.header('etag', etag).send(person);
      },
    );
    app.patch(
      '/api/v1/people/:id',
      {
        schema: {
          tags,
          summary: 'Change a person (If-Match with the ETag required)',
          params: idParamsSchema,
          body: personUpdateRequestSchema,
          response: { 200: personSchema },
        },
      },
      async (req, reply) => {
        const { person, etag } = await changePerson(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(person);
      },
    );
  };
}
