import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { agencyCaseworkerListSchema } from '../../../shared/contracts/colleagues';
import {
  districtDetailSchema,
  districtListSchema,
  districtStaffListSchema,
  type DistrictUpdateRequest,
} from '../../../shared/contracts/districts';
import { socialSpaceMapSchema } from '../../../shared/contracts/social-space-map';
import { userListSchema } from '../../../shared/contracts/users';
import { api, request } from '../../lib/api';

export const districtListQuery = queryOptions({
  queryKey: ['districts'],
  queryFn: () => api.get('/districts', districtListSchema),
});

export const districtDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['districts', id],
    queryFn: () => api.get(`/districts/${encodeURIComponent(id)}`, districtDetailSchema),
  });

export const socialSpaceMapQuery = (filter: { categories: string[]; includeClosed: boolean }) =>
  queryOptions({
    queryKey: ['social-space-map', filter.categories.join(','), filter.includeClosed],
    // The map gathers what many screens change (resources, explorations, address checks): always
    // fetch it afresh when a screen opens instead of showing a cached picture.
    staleTime: 0,
    queryFn: () =>
      api.get('/social-space/map', socialSpaceMapSchema, {
        ...(filter.categories.length > 0 ? { categories: filter.categories.join(',') } : {}),
        ...(filter.includeClosed ? { includeClosed: 'true' } : {}),
      }),
  });

/**
 * The district outlines for a `PointPicker`, so it can say in which district a point lies (from
 * the map answer, which carries the outlines; empty while loading).
 */
export function useDistrictOutlines() {
  const map = useQuery(socialSpaceMapQuery({ categories: [], includeClosed: false }));
  return (map.data?.districts.features ?? []).map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    geometry: f.geometry,
  }));
}

/** The category names of the resource directory, when that module answers; the map works without. */
const taxonomySchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().optional() }).loose()),
});
export const taxonomyNamesQuery = queryOptions({
  queryKey: ['resource-taxonomy', 'names'],
  queryFn: () => api.get('/resource-taxonomy', taxonomySchema),
  retry: false,
});

/** Where a manager's list of assignable staff comes from (see `assignableStaffQuery`). */
export type StaffSource = 'colleagues' | 'users';

/**
 * Staff a manager may assign to a district. Team leads use the colleague directory of their agency
 * (case work); administrators use the staff list — an agency administrator's is their agency, the
 * system administrator's everybody (the first 200 by name, each with its agency). Only caseworkers
 * and team leads can be assigned.
 */
export const assignableStaffQuery = (source: StaffSource, agencyId: string) =>
  queryOptions({
    queryKey: ['districts', 'assignable', source, agencyId],
    queryFn: async (): Promise<{ id: string; name: string; label: string }[]> => {
      if (source === 'colleagues') {
        const list = await api.get(`/agencies/${encodeURIComponent(agencyId)}/caseworkers`, agencyCaseworkerListSchema);
        return list.items.map((c) => ({
          id: c.id,
          name: c.displayName,
          label: c.team ? `${c.displayName} (${c.team})` : c.displayName,
        }));
      }
      const list = await api.get('/users', userListSchema, { active: 'true', pageSize: '200', sort: 'displayName' });
      return list.items
        .filter((u) => u.roles.includes('caseworker') || u.roles.includes('team_lead'))
        .map((u) => ({ id: u.id, name: u.displayName, label: `${u.displayName} (${u.agency.name})` }));
    },
  });

export const districtsApi = {
  update: (id: string, version: number, update: DistrictUpdateRequest) =>
    request('PATCH', `/districts/${encodeURIComponent(id)}`, {
      body: update,
      schema: districtDetailSchema,
      headers: { 'If-Match': `"${version}"` },
    }),
  assign: (id: string, userId: string) =>
    request('PUT', `/districts/${encodeURIComponent(id)}/staff/${encodeURIComponent(userId)}`, {
      schema: districtStaffListSchema,
    }),
  remove: (id: string, userId: string) =>
    request('DELETE', `/districts/${encodeURIComponent(id)}/staff/${encodeURIComponent(userId)}`, {
      schema: districtStaffListSchema,
    }),
};
