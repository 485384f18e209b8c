import { z } from 'zod';

/** A WGS 84 position in GeoJSON order: [longitude, latitude]. */
const positionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A closed linear ring: at least four positions, the last equal to the first (RFC 7946 §3.1.6). */
const ringSchema = z
  .array(positionSchema)
  .min(4)
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], {
    message: 'Der Ring ist nicht geschlossen (erster und letzter Punkt müssen gleich sein).',
  });
const polygonCoordinatesSchema = z.array(ringSchema).min(1);

/** A district outline: GeoJSON Polygon or MultiPolygon in WGS 84. */
export const districtGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinatesSchema }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinatesSchema).min(1) }),
]);
export type DistrictGeometryDto = z.infer<typeof districtGeometrySchema>;

export const calendarDateSchema = z.iso.date();

/**
 * The number of clients living in a district. Counts of 1 to 4 are suppressed (sent as null with
 * `suppressed: true`) so that small groups cannot be singled out; 0 and 5 or more are shown.
 */
export const clientCountSchema = z.object({ count: z.number().int().nullable(), suppressed: z.boolean() });
export type ClientCount = z.infer<typeof clientCountSchema>;

export const districtSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  borough: z.string().nullable(),
  population: z.number().int().nullable(),
  populationAsOf: calendarDateSchema.nullable(),
  explorationCadenceDays: z.number().int(),
  staffCount: z.number().int(),
  clients: clientCountSchema,
  resourceCount: z.number().int(),
  lastExploredOn: calendarDateSchema.nullable(),
  hasOutline: z.boolean(),
  version: z.number().int(),
});
export type DistrictSummary = z.infer<typeof districtSummarySchema>;

export const districtListSchema = z.object({ items: z.array(districtSummarySchema) });

export const districtStaffMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  assignedAt: z.iso.datetime(),
});
export type DistrictStaffMember = z.infer<typeof districtStaffMemberSchema>;

export const districtDetailSchema = districtSummarySchema.extend({
  geometry: districtGeometrySchema.nullable(),
  staff: z.array(districtStaffMemberSchema),
});
export type DistrictDetail = z.infer<typeof districtDetailSchema>;

export const districtStaffListSchema = z.object({ items: z.array(districtStaffMemberSchema) });

/** Municipality-wide settings of a district (system administrator only). */
export const districtUpdateRequestSchema = z
  .object({
    explorationCadenceDays: z.number().int().min(30).max(1095).optional(),
    population: z.number().int().min(0).max(10_000_000).nullable().optional(),
    populationAsOf: calendarDateSchema.nullable().optional(),
  })
  .strict();
export type DistrictUpdateRequest = z.infer<typeof districtUpdateRequestSchema>;

export const districtStaffParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

/** A GeoJSON FeatureCollection of district outlines; each feature names its district. */
export const outlineImportRequestSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()).nullable(),
        geometry: z.unknown(),
      }),
    )
    .min(1)
    .max(500),
});
export type OutlineImportRequest = z.infer<typeof outlineImportRequestSchema>;

export const outlineImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export const outlineImportResultSchema = z.object({
  dryRun: z.boolean(),
  matched: z.number().int(),
  updated: z.number().int(),
  districtsWithoutOutline: z.array(z.string()),
  items: z.array(
    z.object({ districtId: z.uuid(), name: z.string(), geometryType: z.enum(['Polygon', 'MultiPolygon']) }),
  ),
});
export type OutlineImportResult = z.infer<typeof outlineImportResultSchema>;
