import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  agencyDetailSchema,
  agencyListSchema,
  type agencyUpdateRequestSchema,
} from '../../../shared/contracts/agencies';
import { api } from '../../lib/api';

export type AgencyUpdate = z.output<typeof agencyUpdateRequestSchema>;

export const agencyListQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
});

export const agencyDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['agencies', id],
    queryFn: () => api.get(`/agencies/${encodeURIComponent(id)}`, agencyDetailSchema),
  });

export const agenciesApi = {
  update: (id: string, update: AgencyUpdate) =>
    api.patch(`/agencies/${encodeURIComponent(id)}`, update, agencyDetailSchema),
  createTeam: (id: string, name: string) =>
    api.post(`/agencies/${encodeURIComponent(id)}/teams`, { name }, agencyDetailSchema),
};
