import { z } from 'zod';
import { pageInfoSchema } from './common';
import { dataCategorySchema } from './data-protection';

/**
 * The transfer log (Übermittlungen on a legal basis, §§ 67d, 69 ff. SGB X; §§ 87, 88 AufenthG):
 * which norm, which categories of whose data, from which agency to which, when, until when.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const transferCreateRequestSchema = z
  .object({
    toAgencyId: z.uuid(),
    /** The categories transferred; `identity` is added by the server (the recipient must know whose data). */
    categories: z.array(dataCategorySchema).min(1).max(20),
    /** The norm, e.g. "§ 69 Abs. 1 Nr. 1 SGB X". */
    legalBasis: z.string().trim().min(5).max(300),
    purpose: z.string().trim().min(10).max(500),
    caseId: z.uuid().nullable().optional(),
    /** Last day the recipient may use the data ('YYYY-MM-DD', today … today + 1 year). */
    validUntil: isoDate,
  })
  .strict();
export type TransferCreateRequest = z.infer<typeof transferCreateRequestSchema>;

export const transferDirectionSchema = z.enum(['sent', 'received', 'other']);

export const transferSchema = z.object({
  id: z.uuid(),
  /**
   * The person: id and name when the caller may see the person now; for the data protection
   * officer the id only; otherwise nothing ("Person nicht sichtbar").
   */
  person: z.object({
    id: z.uuid().nullable(),
    givenNames: z.string().nullable(),
    familyName: z.string().nullable(),
  }),
  caseId: z.uuid().nullable(),
  /** Seen from the caller's agency; `other` for transfers between two other agencies (data protection officer). */
  direction: transferDirectionSchema,
  fromAgency: z.object({ id: z.uuid(), name: z.string() }),
  toAgency: z.object({ id: z.uuid(), name: z.string() }),
  categories: z.array(dataCategorySchema),
  legalBasis: z.string(),
  /** Free text that may describe the person's situation: withheld with the person. */
  purpose: z.string().nullable(),
  transferredAt: z.iso.datetime(),
  validUntil: z.string(),
  /** Whether the recipient may still use the data (valid until today or later). */
  inForce: z.boolean(),
  recordedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type Transfer = z.infer<typeof transferSchema>;

export const personTransfersSchema = z.object({ items: z.array(transferSchema) });

export const transferListQuerySchema = z.object({
  /** Ignored for the data protection officer, who sees every transfer of the municipality. */
  direction: z.enum(['all', 'sent', 'received']).default('all'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TransferListQuery = z.infer<typeof transferListQuerySchema>;

export const transferListSchema = z.object({
  items: z.array(transferSchema),
  page: pageInfoSchema,
  /** 'agency': the caller's agency's transfers; 'municipality': all (data protection officer, no names). */
  scope: z.enum(['agency', 'municipality']),
});
export type TransferList = z.infer<typeof transferListSchema>;
