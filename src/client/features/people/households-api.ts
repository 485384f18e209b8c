import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  householdSchema,
  type householdCreateRequestSchema,
  type householdMemberAddRequestSchema,
  type householdMemberEndRequestSchema,
  type householdUpdateRequestSchema,
} from '../../../shared/contracts/households';
import { api, request } from '../../lib/api';

export type HouseholdCreate = z.input<typeof householdCreateRequestSchema>;
export type HouseholdUpdate = z.input<typeof householdUpdateRequestSchema>;
export type HouseholdMemberAdd = z.input<typeof householdMemberAddRequestSchema>;
export type HouseholdMemberEnd = z.input<typeof householdMemberEndRequestSchema>;

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;
/** A household's ETag is its version; member changes send it too, so a concurrent change answers 412. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: ['households', 'detail', id],
    queryFn: ({ signal }) => api.get(householdPath(id), householdSchema, undefined, signal),
  });

/** Memberships show on the people's pages too. */
export function householdChanged(queryClient: QueryClient, household: z.output<typeof householdSchema>) {
  queryClient.setQueryData(householdQuery(household.id).queryKey, household);
  for (const member of household.members) {
    void queryClient.invalidateQueries({ queryKey: ['people', 'detail', member.person.id] });
  }
}

export const householdsApi = {
  create: (input: HouseholdCreate) => api.post('/households', input, householdSchema),
  update: (id: string, version: number, input: HouseholdUpdate) =>
    request('PATCH', householdPath(id), { body: input, schema: householdSchema, headers: ifMatch(version) }),
  addMember: (id: string, version: number, input: HouseholdMemberAdd) =>
    request('POST', `${householdPath(id)}/members`, {
      body: input,
      schema: householdSchema,
      headers: ifMatch(version),
    }),
  endMember: (id: string, version: number, memberId: string, input: HouseholdMemberEnd) =>
    request('POST', `${householdPath(id)}/members/${encodeURIComponent(memberId)}/end`, {
      body: input,
      schema: householdSchema,
      headers: ifMatch(version),
    }),
};
