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

export const caseworkersQuery = (agencyId: string) =>
  queryOptions({
    queryKey: ['agencies', agencyId, 'caseworkers'],
    queryFn: () => api.get(`/agencies/${encodeURIComponent(agencyId)}/caseworkers`, agencyCaseworkerListSchema),
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
