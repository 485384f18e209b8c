import { z } from 'zod';
import { geoPointSchema } from './addresses';
import { pageInfoSchema } from './common';
import { languageCodeSchema } from './people';

/**
 * The resource directory of the social space (Sozialraum), on the Open Referral HSDS 3 model: an
 * organisation (who) offers a service (what: the "resource" a case-plan step links to) at a
 * location (where, linked to the address register). Categories are codes of the local taxonomy
 * (resource_taxonomy_terms). `internalNote` and contacts with `public: false` are confidential:
 * they stay inside the authenticated API and never reach the public HSDS feed.
 */

/** HSDS service.status; 'temporarily closed' is spelled as HSDS spells it. */
export const resourceStatuses = ['active', 'temporarily closed', 'inactive', 'defunct'] as const;
export const resourceStatusSchema = z.enum(resourceStatuses);
export type ResourceStatus = z.infer<typeof resourceStatusSchema>;

/** Statuses the public HSDS feed shows. */
export const publicResourceStatuses: readonly ResourceStatus[] = ['active', 'temporarily closed'];

export const resourceCosts = ['free', 'reduced', 'paid'] as const;
export const resourceCostSchema = z.enum(resourceCosts);
export type ResourceCost = z.infer<typeof resourceCostSchema>;

/** Days of the week as HSDS/iCalendar BYDAY writes them. */
export const weekDays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const weekDaySchema = z.enum(weekDays);
export type WeekDay = z.infer<typeof weekDaySchema>;

export const RESOURCE_TEXT_MAX = 4000;
const nameSchema = z.string().trim().min(1).max(200);
const shortText = z.string().trim().max(500).nullable().default(null);
const longText = z.string().trim().max(RESOURCE_TEXT_MAX).nullable().default(null);
const emailSchema = z.email().max(200).nullable().default(null);
const urlSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .nullable()
  .default(null);
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A taxonomy term code: English snake_case (language_cafe). */
export const taxonomyCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,59}$/);

/** An existing organisation by id, or a new one by name (exactly one of them: checked by the service). */
export const resourceOrganizationInputSchema = z
  .object({
    id: z.uuid().optional(),
    name: nameSchema.optional(),
    website: urlSchema.optional(),
    email: emailSchema.optional(),
  })
  .strict();

export const resourceLocationInputSchema = z
  .object({
    name: shortText,
    street: z.string().trim().min(1).max(200),
    houseNumber: z.string().trim().min(1).max(20),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/),
    city: z.string().trim().min(1).max(100).default('Mülheim an der Ruhr'),
    point: geoPointSchema.nullable().default(null),
    accessibility: longText,
    transportation: longText,
  })
  .strict();
export type ResourceLocationInput = z.infer<typeof resourceLocationInputSchema>;

export const resourceScheduleInputSchema = z
  .object({
    byDay: z.array(weekDaySchema).min(1).max(7),
    opensAt: timeSchema,
    closesAt: timeSchema,
    description: shortText,
  })
  .strict();

export const resourceContactInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Role or title ("Pfarrer", "Leitung der Kita"). */
    role: z.string().trim().max(200).nullable().default(null),
    phone: z.string().trim().max(50).nullable().default(null),
    email: emailSchema,
    /** false: only for staff, never in the public HSDS feed. */
    public: z.boolean().default(false),
  })
  .strict();

export const resourceInputSchema = z
  .object({
    organization: resourceOrganizationInputSchema,
    name: nameSchema,
    description: longText,
    url: urlSchema,
    email: emailSchema,
    categories: z.array(taxonomyCodeSchema).min(1).max(10),
    status: resourceStatusSchema.default('active'),
    /** Short notice, e.g. why and until when it is temporarily closed. */
    alert: shortText,
    location: resourceLocationInputSchema.nullable().default(null),
    schedules: z.array(resourceScheduleInputSchema).max(21).default([]),
    languages: z.array(languageCodeSchema).max(30).default([]),
    cost: resourceCostSchema.nullable().default(null),
    costDescription: shortText,
    eligibility: longText,
    minimumAge: z.number().int().min(0).max(120).nullable().default(null),
    maximumAge: z.number().int().min(0).max(120).nullable().default(null),
    contacts: z.array(resourceContactInputSchema).max(20).default([]),
    /** Confidential: willingness to cooperate, whom to ask. Never public. */
    internalNote: longText,
  })
  .strict();
export type ResourceInput = z.input<typeof resourceInputSchema>;
export type ResourceInputParsed = z.output<typeof resourceInputSchema>;

export const resourceVerifyRequestSchema = z
  .object({ note: z.string().trim().max(500).nullable().default(null) })
  .strict()
  .default({ note: null });

// ---------------------------------------------------------------------------------------------
// Reading

export const resourceSortSchema = z.enum(['name', 'verifiedOn', 'updatedAt']);

export const resourceListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Name, description or organisation (substring, case-insensitive). */
  q: z.string().trim().max(200).optional(),
  category: taxonomyCodeSchema.optional(),
  districtId: z.uuid().optional(),
  status: resourceStatusSchema.optional(),
  language: languageCodeSchema.optional(),
  /** Only entries not verified since this day (never verified ones included). */
  verifiedBefore: z.iso.date().optional(),
  sort: resourceSortSchema.default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type ResourceListQuery = z.input<typeof resourceListQuerySchema>;

const refSchema = z.object({ id: z.uuid(), name: z.string() });

export const taxonomyTermSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
});
export type TaxonomyTerm = z.infer<typeof taxonomyTermSchema>;
export const taxonomyListSchema = z.object({ items: z.array(taxonomyTermSchema) });

export const resourceLocationSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  addressId: z.uuid().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  district: refSchema.nullable(),
  point: geoPointSchema.nullable(),
  accessibility: z.string().nullable(),
  transportation: z.string().nullable(),
});
export type ResourceLocation = z.infer<typeof resourceLocationSchema>;

export const resourceScheduleSchema = z.object({
  byDay: z.array(weekDaySchema),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  description: z.string().nullable(),
});

export const resourceContactSchema = z.object({
  name: z.string().nullable(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  public: z.boolean(),
});

/** One entry as lists show it. */
export const resourceSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organization: refSchema,
  status: resourceStatusSchema,
  alert: z.string().nullable(),
  categories: z.array(z.string()),
  languages: z.array(z.string()),
  district: refSchema.nullable(),
  verifiedOn: z.string().nullable(),
  /** Not verified for more than 12 months (or never). */
  verificationOverdue: z.boolean(),
  updatedAt: z.string(),
});
export type ResourceSummary = z.infer<typeof resourceSummarySchema>;

export const resourceListSchema = z.object({ items: z.array(resourceSummarySchema), pageInfo: pageInfoSchema });
export type ResourceList = z.infer<typeof resourceListSchema>;

/** The whole entry for staff, confidential fields included. */
export const resourceDetailSchema = resourceSummarySchema.extend({
  organization: refSchema.extend({ website: z.string().nullable(), email: z.string().nullable() }),
  description: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  location: resourceLocationSchema.nullable(),
  schedules: z.array(resourceScheduleSchema),
  cost: resourceCostSchema.nullable(),
  costDescription: z.string().nullable(),
  eligibility: z.string().nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  contacts: z.array(resourceContactSchema),
  internalNote: z.string().nullable(),
  verifiedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** Plans (draft or agreed) with a step linking this entry: a count, never names or cases. */
  openPlanCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type ResourceDetail = z.infer<typeof resourceDetailSchema>;

export const resourceCreatedSchema = z.object({ id: z.uuid() });

// ---------------------------------------------------------------------------------------------
// HSDS import

export const resourceImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export const resourceImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** Counts per kind: organizations, services, locations. */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Problems per item with a JSON pointer into the uploaded document (/0/services/2/name). */
  errors: z.array(z.object({ pointer: z.string(), message: z.string() })),
});
export type ResourceImportResult = z.infer<typeof resourceImportResultSchema>;
