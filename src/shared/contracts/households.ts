import { z } from 'zod';
import { isoDateSchema, personSummarySchema } from './people';

export const householdKindSchema = z.enum(['household', 'bedarfsgemeinschaft']);
/** Relationship to the head of household; 'head' marks the head (exactly one current head). */
export const householdRelationshipSchema = z.enum(['head', 'spouse', 'partner', 'child', 'parent', 'sibling', 'other']);

export const householdMemberInputSchema = z.object({
  personId: z.uuid(),
  relationship: householdRelationshipSchema,
  validFrom: isoDateSchema,
});

export const householdCreateRequestSchema = z.object({
  kind: householdKindSchema,
  name: z.string().trim().max(200).nullable().default(null),
  members: z.array(householdMemberInputSchema).min(1).max(30),
});

export const householdUpdateRequestSchema = z
  .object({ kind: householdKindSchema, name: z.string().trim().max(200).nullable() })
  .partial()
  .strict();

/** Adds a person (or the same person with a new relationship, after ending the old row). */
export const householdMemberAddRequestSchema = householdMemberInputSchema;

/** Ends a membership: the row stays as history. */
export const householdMemberEndRequestSchema = z.object({
  validUntil: isoDateSchema,
  reason: z.string().trim().max(500).nullable().default(null),
});

export const householdMemberSchema = z.object({
  id: z.uuid(),
  person: personSummarySchema,
  relationship: householdRelationshipSchema,
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  endReason: z.string().nullable(),
  current: z.boolean(),
});

export const householdSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: householdKindSchema,
  name: z.string().nullable(),
  /** Current members first (head first), then past memberships, newest first. */
  members: z.array(householdMemberSchema),
  registeredBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Household = z.infer<typeof householdSchema>;

export const householdMemberParamsSchema = z.object({ id: z.uuid(), memberId: z.uuid() });
