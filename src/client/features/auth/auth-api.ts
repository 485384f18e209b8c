import type { z } from 'zod';
import {
  loginResponseSchema,
  meSchema,
  oidcConfigSchema,
  recoveryCodesSchema,
  totpEnrolmentSchema,
} from '../../../shared/contracts/auth';
import { api } from '../../lib/api';

export type LoginInput = { username: string; password: string };

export const authApi = {
  login: (input: LoginInput) => api.post('/auth/login', input, loginResponseSchema),
  verifySecondFactor: (input: { code: string } | { recoveryCode: string }) =>
    api.post('/auth/totp/verify', input, meSchema),
  startEnrolment: () => api.post('/auth/totp/enrol', {}, totpEnrolmentSchema),
  confirmEnrolment: (code: string) => api.post('/auth/totp/confirm', { code }, recoveryCodesSchema),
  logout: () => api.post('/auth/logout'),
  changePassword: (input: { currentPassword: string; newPassword: string }) => api.post('/auth/password', input),
  oidcConfig: () => api.get('/auth/oidc', oidcConfigSchema),
};

export const oidcQuery = {
  queryKey: ['auth', 'oidc'] as const,
  queryFn: () => authApi.oidcConfig(),
  staleTime: 5 * 60_000,
};

export type OidcConfig = z.infer<typeof oidcConfigSchema>;
