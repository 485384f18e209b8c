import { z } from 'zod';
import { agencyKindSchema, roleSchema } from './common';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/);

/** ASVS 6.2: at least 12 characters here, no composition rules, generous maximum. */
export const newPasswordSchema = z.string().min(12).max(128);

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const sessionStateSchema = z.enum(['complete', 'totp_pending', 'totp_enrolment_required']);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(roleSchema),
    totpEnrolled: z.boolean(),
    locale: z.enum(['de', 'en']),
    authSource: z.enum(['local', 'oidc']),
  }),
  agency: z.object({ id: z.uuid(), name: z.string(), kind: agencyKindSchema }),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  session: z.object({
    state: sessionStateSchema,
    expiresAt: z.iso.datetime(),
    idleExpiresAt: z.iso.datetime(),
    csrfToken: z.string(),
  }),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = z.object({
  state: sessionStateSchema,
  me: meSchema.nullable(),
  csrfToken: z.string(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const totpVerifyRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
  recoveryCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{8,32}$/)
    .optional(),
});

export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
});

export const totpConfirmRequestSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/) });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: newPasswordSchema,
});

export const localeRequestSchema = z.object({ locale: z.enum(['de', 'en']) });

export const oidcConfigSchema = z.object({ enabled: z.boolean(), label: z.string().nullable() });
