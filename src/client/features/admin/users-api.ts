import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { agencyDetailSchema, agencyListSchema } from '../../../shared/contracts/agencies';
import {
  userListSchema,
  userSchema,
  type userCreateRequestSchema,
  type userListQuerySchema,
  type userUpdateRequestSchema,
} from '../../../shared/contracts/users';
import { api } from '../../lib/api';

export type UserListParams = Partial<z.input<typeof userListQuerySchema>>;
export type UserCreate = z.output<typeof userCreateRequestSchema>;
export type UserUpdate = z.output<typeof userUpdateRequestSchema>;

export const userListQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api.get('/users', userListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const userDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['users', 'detail', id],
    queryFn: () => api.get(`/users/${encodeURIComponent(id)}`, userSchema),
  });

/** Agencies and their teams, for the agency filter and the team choice (admin needs its own reads). */
export const agencyOptionsQuery = queryOptions({
  queryKey: ['admin', 'agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
  staleTime: 5 * 60_000,
});

export const agencyTeamsQuery = (agencyId: string) =>
  queryOptions({
    queryKey: ['admin', 'agencies', agencyId, 'teams'],
    queryFn: async () => (await api.get(`/agencies/${encodeURIComponent(agencyId)}`, agencyDetailSchema)).teams,
    enabled: agencyId !== '',
  });

export const usersApi = {
  create: (input: UserCreate) => api.post('/users', input, userSchema),
  update: (id: string, input: UserUpdate) => api.patch(`/users/${encodeURIComponent(id)}`, input, userSchema),
  resetPassword: (id: string, newPassword: string) =>
    api.post(`/users/${encodeURIComponent(id)}/password-reset`, { newPassword }),
  resetSecondFactor: (id: string) => api.post(`/users/${encodeURIComponent(id)}/totp-reset`, {}),
};
