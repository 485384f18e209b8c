import { z } from 'zod';
import { handoverItemKeys } from '../domain/legal/handover-checklist';
import { pageInfoSchema, uuidSchema } from './common';
import { benefitSystems, responsibleAgencyKinds } from './legal';
import { personSummarySchema } from './people';

/** A Rechtskreiswechsel: the handover of a person from one benefit system (and agency) to another. */
export const handoverStatuses = ['open', 'done', 'cancelled'] as const;
export type HandoverStatus = (typeof handoverStatuses)[number];

export const handoverItemSchema = z.object({
  key: z.enum(handoverItemKeys),
  done: z.boolean(),
  doneAt: z.string().nullable().describe('ISO instant the item was ticked.'),
  doneBy: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
});

export const legalHandoverSchema = z.object({
  id: uuidSchema,
  personId: uuidSchema,
  fromBenefitSystem: z.enum(benefitSystems),
  toBenefitSystem: z.enum(benefitSystems),
  fromAgencyKind: z.enum(responsibleAgencyKinds),
  toAgencyKind: z.enum(responsibleAgencyKinds),
  effectiveOn: z.string().describe('YYYY-MM-DD: when the change takes effect (e.g. the last AsylbLG day).'),
  dueOn: z.string().describe('YYYY-MM-DD: by when the handover should be complete.'),
  overdue: z.boolean(),
  owner: z.object({ id: uuidSchema, displayName: z.string(), agencyId: uuidSchema }).nullable(),
  status: z.enum(handoverStatuses),
  checklist: z.array(handoverItemSchema),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type LegalHandover = z.infer<typeof legalHandoverSchema>;

export const personHandoverListSchema = z.object({ items: z.array(legalHandoverSchema) });

export const handoverParamsSchema = z.object({ handoverId: uuidSchema });

export const handoverUpdateSchema = z
  .object({
    checklist: z
      .array(z.object({ key: z.enum(handoverItemKeys), done: z.boolean() }))
      .max(handoverItemKeys.length)
      .optional()
      .describe('Items to tick or untick; items not named stay as they are.'),
    ownerUserId: uuidSchema.nullable().optional().describe('A caseworker or team lead of your agency, or null.'),
    status: z.enum(['done', 'cancelled']).optional().describe('done only when every item is ticked.'),
    cancelReason: z.string().trim().min(1).max(500).optional().describe('Required with status cancelled.'),
  })
  .strict();
export type HandoverUpdate = z.infer<typeof handoverUpdateSchema>;

export const handoverBoardFilters = ['open', 'overdue', 'done'] as const;
export type HandoverBoardFilter = (typeof handoverBoardFilters)[number];

export const handoverBoardQuerySchema = z.object({
  status: z.enum(handoverBoardFilters).default('open'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type HandoverBoardQuery = z.infer<typeof handoverBoardQuerySchema>;

export const handoverBoardSchema = z.object({
  items: z.array(z.object({ person: personSummarySchema, handover: legalHandoverSchema })),
  page: pageInfoSchema,
});
export type HandoverBoard = z.infer<typeof handoverBoardSchema>;
