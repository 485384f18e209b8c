import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  caseTaskListQuerySchema,
  caseTaskListSchema,
  caseTaskSchema,
  taskCreateRequestSchema,
  taskInboxQuerySchema,
  taskInboxSchema,
  taskParamsSchema,
  taskUpdateRequestSchema,
} from '../../../shared/contracts/case-tasks';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { createTask, listCaseTasks, listTaskInbox, updateTask } from './case-tasks.service';

const tags = ['case tasks'];

/** Tasks and deadlines: per case, and the inboxes across cases. */
export function caseTaskRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/tasks',
      {
        schema: {
          tags,
          summary:
            'The task inbox across cases whose current team includes the caller’s agency: scope mine (assigned to me by name) or team (assigned to my agency); filter by status, overdue (open and due before today, Europe/Berlin) and dueBefore; sorted by due date (none last), creation or case reference; paged, with the open/overdue counts of the scope.',
          querystring: taskInboxQuerySchema,
          response: { 200: taskInboxSchema },
        },
      },
      async (req) => listTaskInbox(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/cases/:id/tasks',
      {
        schema: {
          tags,
          summary: 'The tasks of a case (default: open ones), open first, soonest due first; paged.',
          params: idParamsSchema,
          querystring: caseTaskListQuerySchema,
          response: { 200: caseTaskListSchema },
        },
      },
      async (req) => listCaseTasks(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/tasks',
      {
        schema: {
          tags,
          summary:
            'Add a task for an agency of the current case team, optionally for a named active caseworker of it, with an optional due date (not on a closed case: 409). ETag = version.',
          params: idParamsSchema,
          body: taskCreateRequestSchema,
          response: { 201: caseTaskSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createTask(
          deps.db,
          req.actor,
          req.params.id,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/cases/:id/tasks/:taskId',
      {
        schema: {
          tags,
          summary:
            'Change a task (If-Match required: 428 without, 412 when stale): title, description, assignee, due date, status (open → done | cancelled, done → open). Only the assigned agency, the creating agency or the lead agency (403 otherwise). On a closed case only completing or cancelling is possible (409).',
          params: taskParamsSchema,
          body: taskUpdateRequestSchema,
          response: { 200: caseTaskSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateTask(
          deps.db,
          req.actor,
          req.params.id,
          req.params.taskId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
  };
}
