import { z } from 'zod';
import { consentChannels, consentEvidenceKinds } from '../domain/correspondence/channels';

/**
 * The person's consent to be written to by e-mail or messenger (issue 8). Post and hand delivery
 * need none. A consent is in force from `givenOn` until withdrawn; withdrawal takes effect on the
 * next request: letters can no longer be sent by that channel and queued e-mail is cancelled.
 * Category `contact` of the person.
 */

export const consentChannelSchema = z.enum(consentChannels);
export type ConsentChannelValue = z.infer<typeof consentChannelSchema>;
export const communicationEvidenceKindSchema = z.enum(consentEvidenceKinds);

export const COMM_ADDRESS_MAX = 254;
export const COMM_NOTE_MAX = 500;

/** A phone number (+49 170 1234567) or a messenger handle (@name, name.01). */
export const phoneOrHandlePattern = /^(\+?[0-9][0-9 ()/-]{5,30}|@?[A-Za-z0-9][A-Za-z0-9._-]{2,63})$/;

/** Whether the address fits the channel (the service answers with a message per channel). */
export function channelAddressValid(channel: ConsentChannelValue, address: string): boolean {
  return channel === 'email' ? z.email().safeParse(address).success : phoneOrHandlePattern.test(address);
}

export const communicationConsentCreateRequestSchema = z
  .object({
    channel: consentChannelSchema,
    address: z.string().trim().min(3).max(COMM_ADDRESS_MAX),
    /** Messenger: which service (Signal, Threema, WhatsApp …). */
    service: z.string().trim().max(60).nullable().optional(),
    givenOn: z.iso.date(),
    evidenceKind: communicationEvidenceKindSchema,
    evidenceNote: z.string().trim().max(COMM_NOTE_MAX).nullable().optional(),
  })
  .strict();
export type CommunicationConsentCreateRequest = z.infer<typeof communicationConsentCreateRequestSchema>;

export const communicationConsentParamsSchema = z.object({ id: z.uuid(), consentId: z.uuid() });

export const communicationConsentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  channel: consentChannelSchema,
  address: z.string(),
  service: z.string().nullable(),
  givenOn: z.iso.date(),
  evidenceKind: communicationEvidenceKindSchema,
  evidenceNote: z.string().nullable(),
  recordedByAgencyName: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.iso.datetime({ offset: true }),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
  /** In force now (given, not withdrawn). */
  inForce: z.boolean(),
  version: z.number().int(),
});
export type CommunicationConsent = z.infer<typeof communicationConsentSchema>;

export const communicationConsentListSchema = z.object({ items: z.array(communicationConsentSchema) });
export type CommunicationConsentList = z.infer<typeof communicationConsentListSchema>;

export const communicationConsentWithdrawResultSchema = z.object({
  consent: communicationConsentSchema,
  /** Queued e-mails of that consent that were cancelled. */
  mailCancelled: z.number().int(),
});
export type CommunicationConsentWithdrawResult = z.infer<typeof communicationConsentWithdrawResultSchema>;
