import { z } from 'zod';
import { paginationQuerySchema, pageInfoSchema, roleSchema } from './common';
import { newPasswordSchema, usernameSchema } from './auth';

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  totpEnrolled: z.boolean(),
  authSource: z.enum(['local', 'oidc']),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

export const userSortSchema = z.enum(['username', 'displayName', 'agency', 'lastLoginAt']);

export const userListQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  agencyId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: userSortSchema.default('username'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

export const userListSchema = z.object({ items: z.array(userSchema), page: pageInfoSchema });

export const userCreateRequestSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(2).max(120),
  email: z.email().nullable().default(null),
  agencyId: z.uuid(),
  teamId: z.uuid().nullable().default(null),
  roles: z.array(roleSchema).min(1).max(6),
  initialPassword: newPasswordSchema,
});

export const userUpdateRequestSchema = z.object({
  displayName: z.string().trim().min(2).max(120).optional(),
  email: z.email().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  roles: z.array(roleSchema).min(1).max(6).optional(),
  active: z.boolean().optional(),
});

export const passwordResetRequestSchema = z.object({ newPassword: newPasswordSchema });
