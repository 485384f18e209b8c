import { z } from 'zod';
import { pageInfoSchema } from './common';

/** In-app notifications; the text names colleagues and agencies, never social data. */
export const notificationKindSchema = z.enum(['break_glass_used']);

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  text: z.object({ de: z.string(), en: z.string() }),
  /** Where the notification leads in the client. */
  target: z.enum(['break_glass_reviews']).nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
  page: pageInfoSchema,
});
export type NotificationList = z.infer<typeof notificationListSchema>;
