import { z } from 'zod';
import { mailDeliverySchema } from './addresses';
import { calendarDateSchema, clientCountSchema, districtGeometrySchema } from './districts';

export const socialSpaceMapQuerySchema = z.object({
  /** Comma-separated taxonomy codes; a resource matches when it has one of them. */
  categories: z.string().max(2000).optional(),
  includeClosed: z.enum(['true', 'false']).optional(),
});

export const mapDistrictFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.uuid(),
  geometry: districtGeometrySchema.nullable(),
  properties: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    borough: z.string().nullable(),
    clients: clientCountSchema,
    staffCount: z.number().int(),
    resourceCount: z.number().int(),
    lastExploredOn: calendarDateSchema.nullable(),
  }),
});
export type MapDistrictFeature = z.infer<typeof mapDistrictFeatureSchema>;

export const mapResourceSchema = z.object({
  serviceId: z.uuid(),
  name: z.string(),
  organizationName: z.string(),
  categories: z.array(z.string()),
  status: z.string(),
  locationName: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  districtId: z.uuid().nullable(),
  districtName: z.string().nullable(),
});
export type MapResource = z.infer<typeof mapResourceSchema>;

/** An address with a delivery problem: the facts, never the names on the mailbox, never people. */
export const mapAddressSchema = z.object({
  addressId: z.uuid(),
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  districtId: z.uuid().nullable(),
  districtName: z.string().nullable(),
  mailboxPresent: z.boolean().nullable(),
  sharedAccommodation: z.boolean().nullable(),
  mailDelivery: mailDeliverySchema,
  lastCheckedAt: z.iso.datetime().nullable(),
});
export type MapAddress = z.infer<typeof mapAddressSchema>;

export const bboxSchema = z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() });

export const socialSpaceMapSchema = z.object({
  districts: z.object({ type: z.literal('FeatureCollection'), features: z.array(mapDistrictFeatureSchema) }),
  resources: z.array(mapResourceSchema),
  /** Present only for roles that may read the address register (address.read). */
  addresses: z.array(mapAddressSchema).optional(),
  /** The taxonomy codes of all located resources (for the filter when the taxonomy is not at hand). */
  categories: z.array(z.string()),
  tileUrl: z.string().nullable(),
  tileAttribution: z.string().nullable(),
  bbox: bboxSchema.nullable(),
});
export type SocialSpaceMap = z.infer<typeof socialSpaceMapSchema>;
