import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../../shared/contracts/common';
import { notificationListQuerySchema, notificationListSchema } from '../../../shared/contracts/notifications';
import type { AppDeps } from '../../platform/http/app-deps';
import { getNotifications, readNotification } from './notifications.service';

const tags = ['workspace'];

/** In-app notifications of the signed-in user (registered by breakGlassRoutes, their only source so far). */
export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/notifications',
      {
        schema: {
          tags,
          summary: "The caller's notifications, unread first",
          querystring: notificationListQuerySchema,
          response: { 200: notificationListSchema },
        },
      },
      async (req) => getNotifications(deps.db, req.actor, req.query),
    );
    app.post(
      '/api/v1/notifications/:id/read',
      {
        schema: { tags, summary: 'Mark a notification read', params: idParamsSchema, response: { 200: okSchema } },
      },
      async (req) => readNotification(deps.db, req.actor, req.params.id, deps.now()),
    );
  };
}
