import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  personTransfersSchema,
  transferListSchema,
  transferSchema,
  type TransferCreateRequest,
  type TransferListQuery,
} from '../../../shared/contracts/transfers';
import { agencyListSchema } from '../../../shared/contracts/agencies';
import { personCaseListSchema } from '../../../shared/contracts/cases';
import { api } from '../../lib/api';

const personPath = (personId: string) => `/people/${encodeURIComponent(personId)}/transfers`;

export const personTransfersQuery = (personId: string) =>
  queryOptions({
    queryKey: ['transfers', 'person', personId],
    queryFn: ({ signal }) => api.get(personPath(personId), personTransfersSchema, undefined, signal),
  });

export type TransferLogParams = Partial<TransferListQuery>;

export const transferLogQuery = (params: TransferLogParams) =>
  queryOptions({
    queryKey: ['transfers', 'log', params],
    queryFn: ({ signal }) => api.get('/transfers', transferListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export function invalidateTransfers(queryClient: QueryClient, personId: string) {
  void queryClient.invalidateQueries({ queryKey: ['transfers'] });
  void queryClient.invalidateQueries({ queryKey: ['people', 'detail', personId] });
}

export const transfersApi = {
  record: (personId: string, input: TransferCreateRequest) => api.post(personPath(personId), input, transferSchema),
};

/** The agencies a transfer may go to (same key as the agencies feature, so the cache is shared). */
export const recipientAgenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => api.get('/agencies', agencyListSchema),
});

/** The person's cases the caller sees, to name the case a transfer belongs to. */
export const transferCasesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['cases', 'person', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/cases`, personCaseListSchema, undefined, signal),
  });
