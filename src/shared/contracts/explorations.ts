import { z } from 'zod';
import { resourceInputSchema } from './resources';
import { addressPartsSchema, deliverabilityFactsSchema, geoPointSchema, mailDeliverySchema } from './addresses';

/**
 * Explorations (Sozialraumerkundungen): colleagues walk through a district and write down what they
 * found — the route, observations, the stakeholders they met (the baker, the priest, the caretaker),
 * resources they discovered or confirmed, addresses whose mailboxes they checked, and follow-ups
 * that become tasks of an agency. One POST records all of it in one transaction.
 *
 * Every district has a cadence (districts.explorationCadenceDays, default 365): a district whose
 * last exploration is longer ago than that — or that was never explored — is overdue.
 */

export const EXPLORATION_TEXT_MAX = 8000;

const shortText = z.string().trim().min(1).max(200);
const optionalShortText = z.string().trim().max(200).nullable().default(null);

export const explorationParticipantInputSchema = z
  .object({
    /** A colleague (user id; name and organisation come from the staff directory)… */
    userId: z.uuid().nullable().default(null),
    /** …or someone from outside by name and organisation. */
    name: z.string().trim().max(200).nullable().default(null),
    organisation: optionalShortText,
  })
  .strict();

export const explorationStakeholderInputSchema = z
  .object({
    name: shortText,
    role: optionalShortText,
    organisation: optionalShortText,
    /** A resource (service) of the directory this stakeholder stands for. */
    serviceId: z.uuid().nullable().default(null),
  })
  .strict();

export const explorationResourceUpdateInputSchema = z
  .object({ serviceId: z.uuid(), note: z.string().trim().max(2000).nullable().default(null) })
  .strict();

export const explorationAddressInputSchema = z
  .object({
    /** An address of the register, or the parts of one (registered when new). */
    addressId: z.uuid().nullable().default(null),
    address: addressPartsSchema.nullable().default(null),
    facts: deliverabilityFactsSchema,
    point: geoPointSchema.nullable().default(null),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();

export const explorationFollowUpInputSchema = z
  .object({
    title: shortText,
    description: z.string().trim().max(4000).nullable().default(null),
    /** Any agency. */
    assigneeAgencyId: z.uuid(),
    /** An active caseworker or team lead of that agency; null: the agency as a whole. */
    assigneeUserId: z.uuid().nullable().default(null),
    dueDate: z.iso.date().nullable().default(null),
  })
  .strict();

export const explorationCreateRequestSchema = z
  .object({
    exploredOn: z.iso.date(),
    districtId: z.uuid(),
    participants: z.array(explorationParticipantInputSchema).max(50).default([]),
    route: z.string().trim().max(EXPLORATION_TEXT_MAX).nullable().default(null),
    findings: z.string().trim().max(EXPLORATION_TEXT_MAX).nullable().default(null),
    stakeholders: z.array(explorationStakeholderInputSchema).max(100).default([]),
    /** New resources for the directory (the directory's own input). */
    resourcesDiscovered: z.array(resourceInputSchema).max(50).default([]),
    /** Existing resources seen and confirmed (verified on the exploration's day by the recorder). */
    resourcesUpdated: z.array(explorationResourceUpdateInputSchema).max(100).default([]),
    addresses: z.array(explorationAddressInputSchema).max(200).default([]),
    followUps: z.array(explorationFollowUpInputSchema).max(50).default([]),
  })
  .strict();
export type ExplorationCreateRequest = z.input<typeof explorationCreateRequestSchema>;
export type ExplorationCreateInput = z.output<typeof explorationCreateRequestSchema>;

/** PATCH: the protocol texts, participants and stakeholders (only the recording agency). */
export const explorationUpdateRequestSchema = z
  .object({
    route: z.string().trim().max(EXPLORATION_TEXT_MAX).nullable(),
    findings: z.string().trim().max(EXPLORATION_TEXT_MAX).nullable(),
    participants: z.array(explorationParticipantInputSchema).max(50),
    stakeholders: z.array(explorationStakeholderInputSchema).max(100),
  })
  .partial()
  .strict();
export type ExplorationUpdateRequest = z.input<typeof explorationUpdateRequestSchema>;

export const explorationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  districtId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ExplorationListQuery = z.input<typeof explorationListQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Responses

const refSchema = z.object({ id: z.uuid(), name: z.string() });
const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const explorationParticipantSchema = z.object({
  userId: z.uuid().nullable(),
  name: z.string(),
  organisation: z.string().nullable(),
});
export const explorationStakeholderSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
  service: refSchema.nullable(),
});

export const explorationSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  exploredOn: z.string(),
  district: refSchema,
  agency: refSchema,
  createdBy: userRefSchema,
  participantCount: z.number().int(),
  resourceCount: z.number().int(),
  addressCount: z.number().int(),
  openFollowUps: z.number().int(),
});
export type ExplorationSummary = z.infer<typeof explorationSummarySchema>;

export const explorationListSchema = z.object({
  items: z.array(explorationSummarySchema),
  page: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }),
});
export type ExplorationList = z.infer<typeof explorationListSchema>;

export const followUpStatusSchema = z.enum(['open', 'done']);
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>;

export const explorationFollowUpSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  status: followUpStatusSchema,
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  assignee: z.object({ agency: refSchema, user: userRefSchema.nullable() }),
  exploration: z.object({ id: z.uuid(), exploredOn: z.string(), district: refSchema }),
  completedAt: z.iso.datetime().nullable(),
  completedBy: userRefSchema.nullable(),
  /** The caller's agency is the assignee agency (may complete or reopen it). */
  mayChange: z.boolean(),
});
export type ExplorationFollowUp = z.infer<typeof explorationFollowUpSchema>;

export const explorationDetailSchema = explorationSummarySchema.extend({
  participants: z.array(explorationParticipantSchema),
  route: z.string().nullable(),
  findings: z.string().nullable(),
  stakeholders: z.array(explorationStakeholderSchema),
  resources: z.array(
    z.object({ service: refSchema, change: z.enum(['discovered', 'updated']), note: z.string().nullable() }),
  ),
  addresses: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      mailDelivery: mailDeliverySchema,
      mailboxPresent: z.boolean().nullable(),
      problem: z.boolean(),
    }),
  ),
  followUps: z.array(explorationFollowUpSchema),
  /** The caller's agency recorded it (may change the protocol). */
  mayChange: z.boolean(),
});
export type ExplorationDetail = z.infer<typeof explorationDetailSchema>;

export const explorationOverviewRowSchema = z.object({
  district: refSchema.extend({ code: z.string() }),
  lastExploredOn: z.string().nullable(),
  explorationsLast12Months: z.number().int(),
  cadenceDays: z.number().int(),
  /** lastExploredOn + cadence; null when never explored (due now). */
  nextDueOn: z.string().nullable(),
  /** Never explored, or the next due day lies before today. */
  overdue: z.boolean(),
  openFollowUps: z.number().int(),
});
export type ExplorationOverviewRow = z.infer<typeof explorationOverviewRowSchema>;
export const explorationOverviewSchema = z.object({ items: z.array(explorationOverviewRowSchema) });
export type ExplorationOverview = z.infer<typeof explorationOverviewSchema>;

export const followUpListQuerySchema = z.object({
  scope: z.enum(['mine', 'agency']).default('mine'),
  status: followUpStatusSchema.default('open'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FollowUpListQuery = z.input<typeof followUpListQuerySchema>;

export const followUpListSchema = z.object({
  items: z.array(explorationFollowUpSchema),
  page: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }),
});
export type FollowUpList = z.infer<typeof followUpListSchema>;

export const followUpUpdateRequestSchema = z.object({ status: followUpStatusSchema }).strict();
export type FollowUpUpdateRequest = z.infer<typeof followUpUpdateRequestSchema>;
