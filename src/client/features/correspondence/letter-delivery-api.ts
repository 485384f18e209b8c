import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  communicationConsentListSchema,
  communicationConsentSchema,
  communicationConsentWithdrawResultSchema,
  type CommunicationConsentCreateRequest,
} from '../../../shared/contracts/communication-consents';
import {
  letterDeliveryStateSchema,
  letterOutboxListSchema,
  type LetterDeliveryRequest,
  type LetterOutboxQuery,
  type LetterSendRequest,
} from '../../../shared/contracts/letter-delivery';
import { letterChannelSchema, letterStatusSchema } from '../../../shared/contracts/letters';
import { request } from '../../lib/api';

const letterPath = (id: string) => `/letters/${encodeURIComponent(id)}`;
const consentsPath = (personId: string) => `/people/${encodeURIComponent(personId)}/communication-consents`;

const sendResultSchema = z.object({
  id: z.uuid(),
  status: letterStatusSchema,
  channel: letterChannelSchema,
  version: z.number(),
});
const deliveryResultSchema = z.object({ id: z.uuid(), status: letterStatusSchema, version: z.number() });

export const letterDeliveryQuery = (letterId: string) =>
  queryOptions({
    queryKey: ['letter-delivery', letterId],
    queryFn: ({ signal }) =>
      request('GET', `${letterPath(letterId)}/delivery`, { schema: letterDeliveryStateSchema, signal }),
  });

export const agencyLettersQuery = (query: LetterOutboxQuery) =>
  queryOptions({
    queryKey: ['letters', 'agency', query],
    queryFn: ({ signal }) => request('GET', '/letters', { schema: letterOutboxListSchema, query, signal }),
    placeholderData: (previous) => previous,
  });

export const communicationConsentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['communication-consents', personId],
    queryFn: ({ signal }) => request('GET', consentsPath(personId), { schema: communicationConsentListSchema, signal }),
  });

export const letterDeliveryApi = {
  send: (letterId: string, version: number, body: LetterSendRequest) =>
    request('POST', `${letterPath(letterId)}/send`, {
      body,
      schema: sendResultSchema,
      headers: { 'If-Match': `"${version}"` },
    }),
  recordDelivery: (letterId: string, version: number, body: LetterDeliveryRequest) =>
    request('POST', `${letterPath(letterId)}/delivery`, {
      body,
      schema: deliveryResultSchema,
      headers: { 'If-Match': `"${version}"` },
    }),
  recordConsent: (personId: string, body: CommunicationConsentCreateRequest) =>
    request('POST', consentsPath(personId), { body, schema: communicationConsentSchema }),
  withdrawConsent: (personId: string, consentId: string) =>
    request('POST', `${consentsPath(personId)}/${encodeURIComponent(consentId)}/withdraw`, {
      schema: communicationConsentWithdrawResultSchema,
    }),
};

/** After sending or recording delivery: the panel, the letter (H1's page) and the lists. */
export function invalidateLetter(queryClient: QueryClient, letterId: string) {
  void queryClient.invalidateQueries({ queryKey: ['letter-delivery', letterId] });
  void queryClient.invalidateQueries({ queryKey: ['letters'] });
}

/** The field a server error belongs to: 'body.addressFacts.mailDelivery' → 'addressFacts'. */
export function fieldOf(path: string): string {
  return path.replace(/^body\./, '').split('.')[0] ?? '';
}
