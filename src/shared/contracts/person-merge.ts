import { z } from 'zod';
import { duplicateCheckResponseSchema, personSchema } from './people';

/** Possible duplicates of a registered person (pairs marked "not the same person" are left out). */
export const personDuplicatesResponseSchema = duplicateCheckResponseSchema;

export const notDuplicateRequestSchema = z.object({ otherPersonId: z.uuid() });
export const notDuplicateParamsSchema = z.object({ id: z.uuid(), otherId: z.uuid() });

/** Fields whose value the caseworker picks from one of the two records on the merge screen. */
export const mergeFieldNames = [
  'givenNames',
  'familyName',
  'nameOrder',
  'sex',
  'dateOfBirth',
  'placeOfBirth',
  'countryOfBirth',
  'germanLevels',
  'interpreter',
] as const;
export const mergeFieldSchema = z.enum(mergeFieldNames);
export type MergeField = z.infer<typeof mergeFieldSchema>;

/**
 * Merge `mergedId` into `survivorId`. For each field in `take` the merged record's value wins;
 * all other fields keep the survivor's. Nothing is lost: the merged record's names become name
 * variants; identifiers, languages, contacts, addresses, documents and memberships move over;
 * nationalities are united. Both versions must still be current (else 412).
 */
export const personMergeRequestSchema = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  survivorVersion: z.number().int(),
  mergedVersion: z.number().int(),
  take: z.array(mergeFieldSchema).max(mergeFieldNames.length).default([]),
  reason: z.string().trim().max(500).nullable().default(null),
});

export const personMergeSchema = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  reason: z.string().nullable(),
  mergedAt: z.iso.datetime(),
  mergedBy: z.string().nullable(),
  undoneAt: z.iso.datetime().nullable(),
  undoneBy: z.string().nullable(),
  /** Only the latest merge of a survivor that is not yet undone can be undone. */
  canUndo: z.boolean(),
});
export type PersonMerge = z.infer<typeof personMergeSchema>;

export const personMergeResponseSchema = z.object({ merge: personMergeSchema, person: personSchema });
export const personMergeListSchema = z.object({ items: z.array(personMergeSchema) });
