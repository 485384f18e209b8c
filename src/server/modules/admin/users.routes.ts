import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  passwordResetRequestSchema,
  userCreateRequestSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userUpdateRequestSchema,
} from '../../../shared/contracts/users';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { changeUser, createUser, getUser, resetPassword, resetSecondFactor, searchUsers } from './users.service';

const tags = ['users'];

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/users',
      { schema: { tags, summary: 'Staff accounts in the caller\'s scope', querystring: userListQuerySchema, response: { 200: userListSchema } } },
      async (req) => searchUsers(deps.db, req.actor, req.query),
    );
    app.post(
      '/api/v1/users',
      { schema: { tags, summary: 'Create a staff account', body: userCreateRequestSchema, response: { 201: userSchema } } },
      async (req, reply) => reply.code(201).send(await createUser(deps.db, req.actor, req.body, auditContext(req, deps.now()))),
    );
    app.get(
      '/api/v1/users/:id',
      { schema: { tags, summary: 'One staff account', params: idParamsSchema, response: { 200: userSchema } } },
      async (req) => getUser(deps.db, req.actor, req.params.id),
    );
    app.patch(
      '/api/v1/users/:id',
      {
        schema: { tags, summary: 'Change roles, team, status (role change and deactivation end sessions)', params: idParamsSchema, body: userUpdateRequestSchema, response: { 200: userSchema } },
      },
      async (req) => changeUser(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/users/:id/password-reset',
      { schema: { tags, summary: 'Set a new password (ends sessions)', params: idParamsSchema, body: passwordResetRequestSchema, response: { 204: z.null() } } },
      async (req, reply) => {
        await resetPassword(deps.db, req.actor, req.params.id, req.body.newPassword, auditContext(req, deps.now()));
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/api/v1/users/:id/totp-reset',
      { schema: { tags, summary: 'Remove the second factor (ends sessions)', params: idParamsSchema, response: { 204: z.null() } } },
      async (req, reply) => {
        await resetSecondFactor(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.code(204).send(null);
      },
    );
  };
}
