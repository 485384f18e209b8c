import { z } from 'zod';
import { criteriaSchema, criterionSchema } from '../domain/referrals/criteria';
import { pageInfoSchema, paginationQuerySchema } from './common';

/**
 * The measures catalogue (Maßnahmenkatalog, issue 9): programmes and courses a person can be
 * referred to — Integrationskurs, Berufssprachkurs, Perspektiven für Flüchtlinge (PerF),
 * Einstiegsqualifizierung (EQ), Arbeitsgelegenheit (AGH), vocational preparation and municipal
 * offers for people without labour-market access — with provider, the receiving agency, places,
 * dates, location and the eligibility criteria as data (shared/domain/referrals/criteria.ts).
 *
 * Who keeps it: team leads and agency administrators, for their own agency's measures only (the
 * receiving agency is always the author's agency). Everybody with `measure.read` reads it.
 * Concurrency: `version` is the ETag; PATCH needs If-Match (428 without, 412 when stale).
 *
 * Places: `places` is the number of places (null: not limited / not known); `occupiedPlaces`
 * counts referrals to the measure that are accepted or started; `freePlaces` = places − occupied
 * (null when places is null). "Has places": no limit given, or at least one place free.
 */

export const measureKinds = [
  'integration_course',
  'job_language_course',
  'perf',
  'eq',
  'agh',
  'vocational_preparation',
  'municipal_offer',
  'other',
] as const;
export const measureKindSchema = z.enum(measureKinds);
export type MeasureKind = z.infer<typeof measureKindSchema>;

export const MEASURE_TITLE_MAX = 200;
export const MEASURE_TEXT_MAX = 4000;
export const MEASURE_SHORT_MAX = 200;

const isoDate = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const measureCreateRequestSchema = z.object({
  kind: measureKindSchema,
  title: z.string().trim().min(1).max(MEASURE_TITLE_MAX),
  description: optionalText(MEASURE_TEXT_MAX).default(null),
  provider: z.string().trim().min(1).max(MEASURE_SHORT_MAX),
  places: z.number().int().min(0).max(10000).nullable().default(null),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  location: optionalText(MEASURE_SHORT_MAX).default(null),
  districtId: z.uuid().nullable().default(null),
  criteria: criteriaSchema.default([]),
});
export type MeasureCreateRequest = z.infer<typeof measureCreateRequestSchema>;

/** PATCH: any of the fields; `active: false` deactivates (no longer offered), `true` reactivates. */
export const measureUpdateRequestSchema = z
  .object({
    kind: measureKindSchema,
    title: z.string().trim().min(1).max(MEASURE_TITLE_MAX),
    description: optionalText(MEASURE_TEXT_MAX),
    provider: z.string().trim().min(1).max(MEASURE_SHORT_MAX),
    places: z.number().int().min(0).max(10000).nullable(),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    location: optionalText(MEASURE_SHORT_MAX),
    districtId: z.uuid().nullable(),
    criteria: criteriaSchema,
    active: z.boolean(),
  })
  .partial()
  .strict();
export type MeasureUpdateRequest = z.infer<typeof measureUpdateRequestSchema>;

export const measureSorts = ['title', 'startsOn', 'kind', 'provider', 'updatedAt'] as const;
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const measureListQuerySchema = paginationQuerySchema.extend({
  /** Searches title, provider, location and description (case-insensitive). */
  q: z.string().trim().max(100).optional(),
  kind: measureKindSchema.optional(),
  agencyId: z.uuid().optional(),
  /** Default: active measures only. */
  active: z.enum(['true', 'false', 'all']).default('true'),
  hasPlaces: booleanQuery.optional(),
  sort: z.enum(measureSorts).default('title'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type MeasureListQuery = z.output<typeof measureListQuerySchema>;

const describedCriterionSchema = z.object({
  criterion: criterionSchema,
  description: z.object({ de: z.string(), en: z.string() }),
});

export const measureSchema = z.object({
  id: z.uuid(),
  kind: measureKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  provider: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  places: z.number().int().nullable(),
  occupiedPlaces: z.number().int(),
  freePlaces: z.number().int().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  location: z.string().nullable(),
  district: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  criteria: z.array(describedCriterionSchema),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Whether the caller may change it (team lead / agency admin of the receiving agency). */
  mayManage: z.boolean(),
});
export type Measure = z.infer<typeof measureSchema>;

export const measureListSchema = z.object({ items: z.array(measureSchema), page: pageInfoSchema });
export type MeasureList = z.infer<typeof measureListSchema>;

const criterionResultSchema = z.object({
  criterion: criterionSchema,
  /** Which list it comes from: the receiving agency's acceptance criteria or the measure's eligibility. */
  source: z.enum(['agency', 'measure']),
  outcome: z.enum(['met', 'not_met', 'unknown']),
  explanation: z.object({ de: z.string(), en: z.string() }),
});

/** "Which measures fit?" — every active measure checked against the person's facts on `checkedOn`. */
export const measureMatchesSchema = z.object({
  checkedOn: z.string(),
  hasProfile: z.boolean(),
  items: z.array(
    z.object({
      measure: measureSchema,
      outcome: z.enum(['met', 'not_met', 'unknown']),
      results: z.array(criterionResultSchema),
    }),
  ),
  counts: z.object({ met: z.number().int(), unknown: z.number().int(), notMet: z.number().int() }),
});
export type MeasureMatches = z.infer<typeof measureMatchesSchema>;
