import { z } from 'zod';
import { deliveryEventKinds } from '../domain/correspondence/channels';
import { deliverabilityFactsSchema, mailDeliverySchema } from './addresses';
import { consentChannelSchema } from './communication-consents';
import { pageInfoSchema, paginationQuerySchema } from './common';
import {
  letterChannelSchema,
  letterStatusSchema,
  letterSummarySchema,
  proofKindSchema,
  returnReasonSchema,
} from './letters';

/**
 * Sending a letter and its delivery (issue 8, part 2; docs/correspondence.md): the channel (post,
 * hand delivery, e-mail, messenger — the electronic ones only while the person's consent is in
 * force), the proof of delivery, returned and undeliverable mail (which also updates the address
 * register's facts), and the agency's list of letters ("Schriftverkehr").
 */

export const NOTE_MAX = 1000;

export const letterSendRequestSchema = z
  .object({
    channel: letterChannelSchema,
    /** Post and hand delivery: the register address (default: the person's current address). */
    addressId: z.uuid().nullable().optional(),
    /** E-mail and messenger: the consent to use (default: the only one in force for the channel). */
    communicationConsentId: z.uuid().nullable().optional(),
  })
  .strict();
export type LetterSendRequest = z.infer<typeof letterSendRequestSchema>;

/** The facts of the address the caseworker confirms when mail comes back (only the ones given change). */
export const returnedAddressFactsSchema = z
  .object({
    mailboxPresent: z.boolean().nullable(),
    namesOnMailbox: z.string().trim().max(500).nullable(),
    mailDelivery: mailDeliverySchema,
    accessNotes: z.string().trim().max(2000).nullable(),
  })
  .partial()
  .strict();
export type ReturnedAddressFacts = z.infer<typeof returnedAddressFactsSchema>;

export const deliveryEventKindSchema = z.enum(deliveryEventKinds);

export const letterDeliveryRequestSchema = z
  .object({
    kind: deliveryEventKindSchema,
    /** The day it happened (e.g. the date on the Postzustellungsurkunde); not in the future. */
    occurredOn: z.iso.date(),
    proofKind: proofKindSchema.nullable().optional(),
    reason: returnReasonSchema.nullable().optional(),
    note: z.string().trim().max(NOTE_MAX).nullable().optional(),
    addressFacts: returnedAddressFactsSchema.optional(),
  })
  .strict();
export type LetterDeliveryRequest = z.infer<typeof letterDeliveryRequestSchema>;

const explanationSchema = z.object({ de: z.string(), en: z.string() });

export const channelOptionSchema = z.object({
  channel: letterChannelSchema,
  allowed: z.boolean(),
  reason: explanationSchema.nullable(),
  proposal: letterChannelSchema.nullable(),
  consentIds: z.array(z.uuid()),
});
export type ChannelOptionView = z.infer<typeof channelOptionSchema>;

/** The person's current postal address with its facts (the register row). */
export const deliveryAddressSchema = z.object({
  id: z.uuid(),
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  city: z.string(),
  suffix: z.string().nullable(),
  facts: deliverabilityFactsSchema,
  problem: z.boolean(),
});
export type DeliveryAddress = z.infer<typeof deliveryAddressSchema>;

/** What the delivery panel needs: the channels now, the address, the consents in force, proofs per channel. */
export const letterDeliveryStateSchema = z.object({
  letterId: z.uuid(),
  status: letterStatusSchema,
  channel: letterChannelSchema,
  version: z.number().int(),
  /** The caller's agency sent (or may send) the letter: it may send and record delivery. */
  canAct: z.boolean(),
  options: z.array(channelOptionSchema),
  /** The person's current postal address (null: none); for a sent letter, the address used. */
  address: deliveryAddressSchema.nullable(),
  consents: z.array(
    z.object({ id: z.uuid(), channel: consentChannelSchema, address: z.string(), service: z.string().nullable() }),
  ),
  proofKinds: z.record(letterChannelSchema, z.array(proofKindSchema)),
  /** The e-mail of the letter in the outbox: queued | sent | failed | held | cancelled. */
  mail: z.object({ status: z.string(), attempts: z.number().int(), lastError: z.string().nullable() }).nullable(),
});
export type LetterDeliveryState = z.infer<typeof letterDeliveryStateSchema>;

export const letterOutboxSortSchema = z.enum(['createdAt', 'sentAt', 'status']);
export const letterOutboxQuerySchema = paginationQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: letterStatusSchema.optional(),
  /** Sent but without proof of delivery (status sent). */
  proofMissing: z.enum(['true', 'false']).optional(),
  /** Returned or undeliverable. */
  returned: z.enum(['true', 'false']).optional(),
  sort: letterOutboxSortSchema.default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type LetterOutboxQuery = z.input<typeof letterOutboxQuerySchema>;

export const letterOutboxItemSchema = letterSummarySchema.extend({
  /** The person's name when the caller may see the person; null otherwise. */
  personName: z.string().nullable(),
});
export type LetterOutboxItem = z.infer<typeof letterOutboxItemSchema>;

export const letterOutboxListSchema = z.object({ items: z.array(letterOutboxItemSchema), page: pageInfoSchema });
export type LetterOutboxList = z.infer<typeof letterOutboxListSchema>;
