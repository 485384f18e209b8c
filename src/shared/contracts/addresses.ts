import { z } from 'zod';

/**
 * Deliverability of mail at an address (Zustellbarkeit): what the correspondence module reads
 * before it relies on a letter, and what explorations, casework and returned letters update.
 */
export const mailDeliveryValues = ['reliable', 'unreliable', 'undeliverable', 'unknown'] as const;
export const mailDeliverySchema = z.enum(mailDeliveryValues);
export type MailDelivery = z.infer<typeof mailDeliverySchema>;

/** Where a check of the facts came from. */
export const addressCheckSources = ['exploration', 'casework', 'correspondence', 'import'] as const;
export const addressCheckSourceSchema = z.enum(addressCheckSources);
export type AddressCheckSource = z.infer<typeof addressCheckSourceSchema>;

/** A WGS 84 point (the house on the map). */
export const geoPointSchema = z
  .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
  .strict();
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** The deliverability facts of an address; null = not known. */
export const deliverabilityFactsSchema = z
  .object({
    mailboxPresent: z.boolean().nullable(),
    namesOnMailbox: z.string().trim().max(500).nullable(),
    sharedAccommodation: z.boolean().nullable(),
    mailDelivery: mailDeliverySchema,
    accessNotes: z.string().trim().max(2000).nullable(),
  })
  .strict();
export type DeliverabilityFacts = z.infer<typeof deliverabilityFactsSchema>;

/**
 * A problem with delivery: mail is not reliably delivered, or there is no mailbox. Such
 * addresses are marked on the map and block a benefit sanction that relies on a letter.
 */
export function hasDeliveryProblem(facts: Pick<DeliverabilityFacts, 'mailDelivery' | 'mailboxPresent'>): boolean {
  return facts.mailDelivery === 'unreliable' || facts.mailDelivery === 'undeliverable' || facts.mailboxPresent === false;
}
