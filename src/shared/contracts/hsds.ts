import { z } from 'zod';

/**
 * Open Referral HSDS 3 as Lotse writes and reads it: the export (and the import) is a JSON array
 * of organizations with nested `services` (each with attributes → taxonomy terms, schedules,
 * languages, contacts, cost options and `service_at_locations` with the nested location) and the
 * organization's `locations`. Fields Lotse has no value for are left out (HSDS has no null).
 *
 * Lotse extensions, only in the authenticated full export: `x_lotse_internal_note` and
 * `x_lotse_cost` on a service, `x_lotse_public` on a contact. The public API never carries them.
 */

export const HSDS_VERSION = '3.1';
export const HSDS_PROFILE = 'https://openreferral.github.io/specification/';

const idSchema = z.uuid();
const str = z.string();

export const hsdsTaxonomyTermSchema = z.looseObject({
  id: idSchema,
  code: str.optional(),
  name: str,
  description: str.optional(),
  taxonomy_id: idSchema.optional(),
});

export const hsdsAttributeSchema = z.looseObject({
  id: idSchema,
  taxonomy_term_id: idSchema.optional(),
  taxonomy_term: hsdsTaxonomyTermSchema.optional(),
});

export const hsdsScheduleSchema = z.looseObject({
  id: idSchema,
  freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
  byday: str.optional(),
  opens_at: str.optional(),
  closes_at: str.optional(),
  description: str.optional(),
});

export const hsdsPhoneSchema = z.looseObject({ id: idSchema, number: str });

export const hsdsContactSchema = z.looseObject({
  id: idSchema,
  name: str.optional(),
  title: str.optional(),
  email: str.optional(),
  phones: z.array(hsdsPhoneSchema).optional(),
  x_lotse_public: z.boolean().optional(),
});

export const hsdsLanguageSchema = z.looseObject({ id: idSchema, code: str.optional(), name: str.optional() });

export const hsdsAddressSchema = z.looseObject({
  id: idSchema.optional(),
  address_1: str,
  city: str,
  postal_code: str,
  state_province: str.optional(),
  country: str.optional(),
  address_type: z.enum(['physical', 'postal', 'virtual']).optional(),
});

export const hsdsLocationSchema = z.looseObject({
  id: idSchema,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  name: str.optional(),
  transportation: str.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  addresses: z.array(hsdsAddressSchema).optional(),
  accessibility: z.array(z.looseObject({ id: idSchema.optional(), description: str.optional() })).optional(),
});

export const hsdsServiceAtLocationSchema = z.looseObject({
  id: idSchema,
  service_id: idSchema.optional(),
  location_id: idSchema.optional(),
  location: hsdsLocationSchema.optional(),
});

export const hsdsServiceSchema = z.looseObject({
  id: idSchema,
  organization_id: idSchema.optional(),
  name: str.min(1),
  alternate_name: str.optional(),
  description: str.optional(),
  url: str.optional(),
  email: str.optional(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  alert: str.optional(),
  interpretation_services: str.optional(),
  application_process: str.optional(),
  fees_description: str.optional(),
  eligibility_description: str.optional(),
  minimum_age: z.number().int().min(0).max(120).optional(),
  maximum_age: z.number().int().min(0).max(120).optional(),
  assured_date: z.iso.date().optional(),
  last_modified: str.optional(),
  attributes: z.array(hsdsAttributeSchema).optional(),
  schedules: z.array(hsdsScheduleSchema).optional(),
  languages: z.array(hsdsLanguageSchema).optional(),
  contacts: z.array(hsdsContactSchema).optional(),
  service_at_locations: z.array(hsdsServiceAtLocationSchema).optional(),
  x_lotse_internal_note: str.optional(),
  x_lotse_cost: z.enum(['free', 'reduced', 'paid']).optional(),
});
export type HsdsService = z.infer<typeof hsdsServiceSchema>;

export const hsdsOrganizationSchema = z.looseObject({
  id: idSchema,
  name: str.min(1),
  alternate_name: str.optional(),
  description: str,
  email: str.optional(),
  website: str.optional(),
  legal_status: str.optional(),
  locations: z.array(hsdsLocationSchema).optional(),
  services: z.array(hsdsServiceSchema).optional(),
});
export type HsdsOrganization = z.infer<typeof hsdsOrganizationSchema>;

/** What the import accepts: the array the export writes. */
export const hsdsDocumentSchema = z.array(z.unknown()).max(5000);

// ---------------------------------------------------------------------------------------------
// The public API (responses are HSDS objects; the schemas only name what Lotse guarantees)

export const hsdsMetaSchema = z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() });

export const hsdsPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  search: z.string().trim().max(200).optional(),
  taxonomy_term_id: z.uuid().optional(),
  organization_id: z.uuid().optional(),
});
export type HsdsPageQuery = z.input<typeof hsdsPageQuerySchema>;

const looseRecord = z.record(z.string(), z.unknown());

/** A page as the HSDS OpenAPI pages. */
export const hsdsPageSchema = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(looseRecord),
});
export type HsdsPage = z.infer<typeof hsdsPageSchema>;

export const hsdsRecordSchema = looseRecord;
