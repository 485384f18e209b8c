import { z } from 'zod';
import type { AssessmentDomains, AssessmentViews, DomainAssessment } from '../domain/assessment/assessment-content';
import type { AssessmentComparison } from '../domain/assessment/assessment-comparison';
import {
  lifeDomainKeys,
  POTENTIAL_ANALYSIS_MAX,
  urgencyLevels,
  VIEW_TEXT_MAX,
  type LifeDomainKey,
} from '../domain/assessment/life-domains';

/**
 * Resource-oriented assessment (Potenzialanalyse) of a case, versioned. A version is a draft
 * until it is completed; completed versions are immutable, and a new version starts as a copy of
 * the latest one (or empty). Per life domain: strengths and resources first, then needs and
 * barriers, each in the person's own words and in the caseworker's view; an explicit "not
 * assessed" mark and an optional urgency. The life domains, labels and rules live in
 * `shared/domain/assessment/`.
 *
 * Concurrency: a version carries `revision`, sent as the ETag; saving and completing need
 * If-Match with it (428 without, 412 when someone saved in between).
 */

export const lifeDomainKeySchema = z.enum(lifeDomainKeys);
export const assessmentStatusSchema = z.enum(['draft', 'completed']);
export type AssessmentStatus = z.infer<typeof assessmentStatusSchema>;
export const urgencySchema = z.enum(urgencyLevels);

/** One schema per life domain, keyed by the fixed list (so a missing or unknown domain is refused). */
function perDomain<T extends z.ZodType>(schema: T) {
  return z.object(Object.fromEntries(lifeDomainKeys.map((k) => [k, schema])) as Record<LifeDomainKey, T>);
}

// ---------------------------------------------------------------------------------------------
// Requests

const viewTextSchema = z.string().trim().max(VIEW_TEXT_MAX).nullable();

const viewsInputSchema = z.object({ personView: viewTextSchema, caseworkerView: viewTextSchema }).strict();

const domainInputSchema = z
  .object({
    strengths: viewsInputSchema,
    needs: viewsInputSchema,
    notAssessed: z.boolean(),
    urgency: urgencySchema.nullable(),
    /** Sent back as received; ignored (the server decides what is withheld). */
    withheld: z.boolean().optional(),
  })
  .strict();

/**
 * PUT: the whole draft. Every domain and every field is sent (an empty text is null or ""), so
 * that a client that does not know a field cannot wipe it without noticing.
 */
export const assessmentSaveRequestSchema = z
  .object({
    domains: perDomain(domainInputSchema).strict(),
    potentialAnalysis: z.string().trim().max(POTENTIAL_ANALYSIS_MAX).nullable(),
  })
  .strict();
export type AssessmentSaveRequest = z.infer<typeof assessmentSaveRequestSchema>;

/**
 * POST: starts the next version as a draft. `latest` copies the latest version's content (the
 * usual re-assessment); `empty` starts blank. Without an earlier version both start blank.
 */
export const assessmentStartRequestSchema = z.object({ basis: z.enum(['latest', 'empty']).default('latest') }).strict();
export type AssessmentStartRequest = z.infer<typeof assessmentStartRequestSchema>;

export const assessmentParamsSchema = z.object({
  id: z.uuid(),
  versionNo: z.coerce.number().int().min(1).max(1_000_000),
});

export const assessmentCompareQuerySchema = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});

// ---------------------------------------------------------------------------------------------
// Responses

const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

const viewsSchema = z.object({ personView: z.string().nullable(), caseworkerView: z.string().nullable() });

export const domainAssessmentSchema = z.object({
  strengths: viewsSchema,
  needs: viewsSchema,
  notAssessed: z.boolean(),
  urgency: urgencySchema.nullable(),
});

export const assessmentDomainsSchema = perDomain(domainAssessmentSchema);

/**
 * A life domain as the caller sees it: `withheld` when its data category (field-groups.ts
 * `lifeDomainCategories`) is not released to the caller's agency — then it is sent empty and the
 * caller cannot change it (issue 5).
 */
export const domainAssessmentViewSchema = domainAssessmentSchema.extend({ withheld: z.boolean() });
export const assessmentDomainsViewSchema = perDomain(domainAssessmentViewSchema);

/** The metadata of a version (lists, comparison headers): no text. */
export const assessmentSummarySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  versionNo: z.number().int(),
  status: assessmentStatusSchema,
  /** The ETag of the version. */
  revision: z.number().int(),
  /** Domains with content (not marked "not assessed"). */
  assessedDomains: z.number().int(),
  notAssessedDomains: z.number().int(),
  hasPotentialAnalysis: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: userRefSchema.nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: userRefSchema.nullable(),
  completedAt: z.iso.datetime().nullable(),
  completedBy: userRefSchema.nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentSchema = assessmentSummarySchema.extend({
  /** Every life domain, in the fixed order of `lifeDomainKeys`; withheld ones empty. */
  domains: assessmentDomainsViewSchema,
  potentialAnalysis: z.string().nullable(),
  /** The potential analysis' category (`potentialAnalysisCategory`) is withheld: sent empty, not changeable. */
  potentialAnalysisWithheld: z.boolean(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** Newest version first; at most one is a draft. */
export const assessmentListSchema = z.object({ items: z.array(assessmentSummarySchema) });
export type AssessmentList = z.infer<typeof assessmentListSchema>;

const changeKindSchema = z.enum(['added', 'removed', 'changed']);
const textFieldSchema = z.enum([
  'strengths.personView',
  'strengths.caseworkerView',
  'needs.personView',
  'needs.caseworkerView',
]);

export const domainComparisonSchema = z.object({
  key: lifeDomainKeySchema,
  changed: z.boolean(),
  /** The text fields that differ, in form order. */
  texts: z.array(
    z.object({
      field: textFieldSchema,
      change: changeKindSchema,
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
  /** Null when unchanged. */
  notAssessed: z.object({ before: z.boolean(), after: z.boolean() }).nullable(),
  /** Null when unchanged. */
  urgency: z
    .object({ change: changeKindSchema, before: urgencySchema.nullable(), after: urgencySchema.nullable() })
    .nullable(),
  /** The domain's category is withheld from the caller: shown as unchanged, without texts. */
  withheld: z.boolean(),
});

/** From one version to another: every domain (unchanged ones with `changed: false`) and the analysis. */
export const assessmentComparisonSchema = z.object({
  from: assessmentSummarySchema,
  to: assessmentSummarySchema,
  domains: z.array(domainComparisonSchema),
  changedDomains: z.array(lifeDomainKeySchema),
  /** Null when unchanged. */
  potentialAnalysis: z
    .object({ change: changeKindSchema, before: z.string().nullable(), after: z.string().nullable() })
    .nullable(),
  potentialAnalysisWithheld: z.boolean(),
});
export type AssessmentComparisonResult = z.infer<typeof assessmentComparisonSchema>;

// The pure domain code and the wire format describe the same shapes; these fail to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof viewsSchema>, AssessmentViews>,
  Same<z.infer<typeof domainAssessmentSchema>, DomainAssessment>,
  Same<z.infer<typeof assessmentDomainsSchema>, AssessmentDomains>,
  Same<
    Omit<AssessmentComparisonResult, 'from' | 'to' | 'potentialAnalysisWithheld' | 'domains'> & {
      domains: Omit<AssessmentComparisonResult['domains'][number], 'withheld'>[];
    },
    AssessmentComparison
  >,
] = [true, true, true, true];
void sameShapes;
