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
  return (
    facts.mailDelivery === 'unreliable' || facts.mailDelivery === 'undeliverable' || facts.mailboxPresent === false
  );
}

// ---------------------------------------------------------------------------------------------
// The address register API (issue 7): list, detail with the check history, register, check.

/** The parts of a postal address as written on a form. */
export const addressPartsSchema = z
  .object({
    street: z.string().trim().min(1).max(200),
    houseNumber: z.string().trim().min(1).max(20),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/),
    city: z.string().trim().min(1).max(100).default('Mülheim an der Ruhr'),
  })
  .strict();
export type AddressParts = z.infer<typeof addressPartsSchema>;

export const addressSortSchema = z.enum(['street', 'postalCode', 'lastChecked']);

export const addressListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Street, house number or postal code (substring, case-insensitive). */
  q: z.string().trim().max(200).optional(),
  districtId: z.uuid().optional(),
  /** true: only addresses with a delivery problem (see hasDeliveryProblem). */
  problem: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  mailDelivery: mailDeliverySchema.optional(),
  /** Only addresses not checked since this day (never checked ones included). */
  uncheckedSince: z.iso.date().optional(),
  sort: addressSortSchema.default('street'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type AddressListQuery = z.input<typeof addressListQuerySchema>;

const refSchema = z.object({ id: z.uuid(), name: z.string() });
const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

/** One address of the register as lists show it. */
export const addressSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  city: z.string(),
  district: refSchema.nullable(),
  point: geoPointSchema.nullable(),
  facts: deliverabilityFactsSchema,
  /** hasDeliveryProblem(facts). */
  problem: z.boolean(),
  lastCheckedAt: z.iso.datetime().nullable(),
  lastCheckedSource: addressCheckSourceSchema.nullable(),
});
export type AddressSummary = z.infer<typeof addressSummarySchema>;

export const addressListSchema = z.object({
  items: z.array(addressSummarySchema),
  page: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }),
});
export type AddressList = z.infer<typeof addressListSchema>;

/** One check of the facts: who (a colleague and the agency), when, from which source, what was found. */
export const addressCheckSchema = z.object({
  id: z.uuid(),
  checkedAt: z.iso.datetime(),
  checkedBy: userRefSchema.nullable(),
  agency: refSchema.nullable(),
  source: addressCheckSourceSchema,
  /** The exploration (source exploration) or letter (correspondence) the check came from. */
  sourceId: z.uuid().nullable(),
  facts: deliverabilityFactsSchema,
  problem: z.boolean(),
  note: z.string().nullable(),
});
export type AddressCheck = z.infer<typeof addressCheckSchema>;

export const addressDetailSchema = addressSummarySchema.extend({
  lastCheckedBy: userRefSchema.nullable(),
  /** Newest first. */
  checks: z.array(addressCheckSchema),
});
export type AddressDetail = z.infer<typeof addressDetailSchema>;

/** Register an address (the existing row when its normalised key is known). */
export const addressCreateRequestSchema = addressPartsSchema
  .extend({ point: geoPointSchema.nullable().default(null) })
  .strict();
export type AddressCreateRequest = z.input<typeof addressCreateRequestSchema>;

/** Record a check from casework: the facts as found now, optionally the point, a note. */
export const addressCheckRequestSchema = z
  .object({
    facts: deliverabilityFactsSchema,
    /** Absent: the point stays; null: the point is removed. */
    point: geoPointSchema.nullable().optional(),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export type AddressCheckRequest = z.input<typeof addressCheckRequestSchema>;

/** The deliverability summary a person's address carries (the person page's warning). */
export const addressDeliverySummarySchema = z.object({
  mailDelivery: mailDeliverySchema,
  mailboxPresent: z.boolean().nullable(),
  sharedAccommodation: z.boolean().nullable(),
  lastCheckedAt: z.iso.datetime().nullable(),
  problem: z.boolean(),
});
export type AddressDeliverySummary = z.infer<typeof addressDeliverySummarySchema>;
