import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  addressDetailSchema,
  addressListSchema,
  type AddressCheckRequest,
  type AddressDetail,
  type AddressListQuery,
} from '../../../shared/contracts/addresses';
import { api, request } from '../../lib/api';

export const addressListQuery = (params: AddressListQuery) =>
  queryOptions({
    queryKey: ['addresses', 'list', params],
    queryFn: ({ signal }) => api.get('/addresses', addressListSchema, params, signal),
    placeholderData: keepPreviousData,
  });

export const addressQuery = (id: string) =>
  queryOptions({
    queryKey: ['addresses', 'detail', id],
    queryFn: ({ signal }) => api.get(`/addresses/${encodeURIComponent(id)}`, addressDetailSchema, undefined, signal),
  });

export const addressApi = {
  /** Sends the version the check was based on; a concurrent change answers 412. */
  check: (address: Pick<AddressDetail, 'id' | 'version'>, input: AddressCheckRequest) =>
    request('PATCH', `/addresses/${encodeURIComponent(address.id)}`, {
      body: input,
      schema: addressDetailSchema,
      headers: { 'If-Match': `"${address.version}"` },
    }),
};
