import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  householdCreateRequestSchema,
  householdMemberAddRequestSchema,
  householdMemberEndRequestSchema,
  householdMemberParamsSchema,
  householdSchema,
  householdUpdateRequestSchema,
} from '../../../shared/contracts/households';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  addHouseholdMember,
  changeHousehold,
  createHousehold,
  endHouseholdMember,
  getHousehold,
} from './households.service';

const tags = ['households'];

export function householdRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/households',
      {
        schema: {
          tags,
          summary:
            'Register a household or Bedarfsgemeinschaft with exactly one head; a person belongs to at most one of each kind at a time',
          body: householdCreateRequestSchema,
          response: { 201: householdSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createHousehold(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/households/:id',
      {
        schema: {
          tags,
          summary: 'One household with current members (head first) and past memberships (ETag = version)',
          params: idParamsSchema,
          response: { 200: householdSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getHousehold(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/households/:id',
      {
        schema: {
          tags,
          summary: 'Change kind or name of a household (If-Match with the ETag required)',
          params: idParamsSchema,
          body: householdUpdateRequestSchema,
          response: { 200: householdSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await changeHousehold(
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
    app.post(
      '/api/v1/households/:id/members',
      {
        schema: {
          tags,
          summary:
            'Add a member from validFrom (not in the future). To change a relationship, end the membership and add the person again from the same or the next day. If-Match optional.',
          params: idParamsSchema,
          body: householdMemberAddRequestSchema,
          response: { 201: householdSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await addHouseholdMember(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/households/:id/members/:memberId/end',
      {
        schema: {
          tags,
          summary:
            'End a membership on validUntil (its last day); the row stays as history. The head can leave only after a new head was added, or as the last member. If-Match optional.',
          params: householdMemberParamsSchema,
          body: householdMemberEndRequestSchema,
          response: { 200: householdSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await endHouseholdMember(
          deps.db,
          req.actor,
          req.params.id,
          req.params.memberId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
  };
}
