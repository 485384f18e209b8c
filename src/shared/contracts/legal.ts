import { z } from 'zod';

/**
 * The legal-domain engine's API (Rechtskreis): facts about a person at a date in, advice out.
 * The request accepts and ignores unknown keys (the result lists them in `ignoredFields`), so that
 * callers from outside the project can send richer records; the known keys are validated strictly.
 * Optional fields may be left out or sent as null. Rules and their sources: docs/legal-rules.md.
 */

/** A calendar date 'YYYY-MM-DD' (real dates only: 2025-02-29 is refused). */
const calendarDate = z.iso.date();
const optionalDate = (description: string) => calendarDate.nullish().describe(description);

export const legalDocumentKinds = [
  'ankunftsnachweis',
  'aufenthaltsgestattung',
  'duldung',
  'duldung_ungeklaerte_identitaet',
  'ausbildungsduldung',
  'beschaeftigungsduldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'daueraufenthalt_eu',
  'fiktionsbescheinigung',
  'eu_freizuegigkeit',
  'none',
] as const;
export type LegalDocumentKind = (typeof legalDocumentKinds)[number];

export const asylumOutcomes = [
  'recognised_asylum',
  'refugee_status',
  'subsidiary_protection',
  'deportation_ban',
  'rejected',
  'rejected_manifestly_unfounded',
] as const;
export type AsylumOutcome = (typeof asylumOutcomes)[number];

/** Conditions a residence document can state about work (as the people module records them). */
export const employmentConditions = ['allowed', 'with_permission', 'not_allowed', 'unknown'] as const;

export const benefitSystems = ['asylblg_basic', 'asylblg_analog', 'sgb2', 'sgb12', 'sgb8', 'none'] as const;
export type BenefitSystem = (typeof benefitSystems)[number];

/**
 * The agency kinds of this municipality that pay existence benefits, plus the two cases where no
 * local agency is: `land_reception_facility` (the Land, while the person must live in its
 * reception facility) and `none` (no entitlement to existence benefits).
 */
export const responsibleAgencyKinds = [
  'sozialamt',
  'jobcenter',
  'jugendamt',
  'land_reception_facility',
  'none',
] as const;
export type ResponsibleAgencyKind = (typeof responsibleAgencyKinds)[number];

export const labourMarketAccessValues = ['none', 'permission_required', 'free'] as const;
export type LabourMarketAccess = (typeof labourMarketAccessValues)[number];

export const integrationCourseValues = ['entitled', 'obligation_possible', 'discretionary', 'none'] as const;
export type IntegrationCourse = (typeof integrationCourseValues)[number];

export const deadlineKinds = [
  'document_expiry',
  'fiktionsbescheinigung_expiry',
  'asylblg_36_months',
  'asylblg_end',
  'section25_5_18_months',
  'section24_asylblg_switch',
  'wohnsitzauflage_end',
  'integration_course_entitlement_lapse',
  'eighteenth_birthday',
  'retirement_age',
  'eu_first_three_months_end',
  'eu_five_years',
  'employment_waiting_period_end',
  'employment_permission_entitlement',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const legalOutputNames = [
  'benefitSystem',
  'responsibleAgencyKind',
  'labourMarketAccess',
  'integrationCourse',
  'residenceObligation',
  'deadlines',
] as const;
const outputNameSchema = z.enum(legalOutputNames);

export const residenceObligationKinds = [
  'section_12a',
  'reception_facility',
  'asylum_procedure',
  'duldung',
  'stated_on_document',
] as const;

export const legalEvaluationRequestSchema = z
  .looseObject({
    asOf: calendarDate.describe(
      'The day the facts describe and the rules are applied to (YYYY-MM-DD), from 2022-06-01.',
    ),
    person: z
      .looseObject({
        dateOfBirth: calendarDate.describe('Date of birth (YYYY-MM-DD).'),
        nationality: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/)
          .describe('ISO 3166-1 alpha-2 code (upper or lower case); XK for Kosovo, XX for unknown or stateless.'),
        erwerbsfaehig: z
          .boolean()
          .nullish()
          .describe('Able to work at least 3 hours a day (§ 8 SGB II). Unknown when left out.'),
        retirementAgeReached: z
          .boolean()
          .nullish()
          .describe('Standard retirement age reached (§ 7a SGB II); derived from the date of birth when left out.'),
        unaccompaniedMinor: z
          .boolean()
          .nullish()
          .describe('A minor who came without a parent or guardian (§ 42a SGB VIII).'),
      })
      .describe('The person.'),
    residence: z
      .looseObject({
        document: z
          .enum(legalDocumentKinds)
          .describe('The residence document the person holds on asOf; "none" for none.'),
        legalBasis: z
          .string()
          .trim()
          .max(120)
          .nullish()
          .describe(
            'Legal basis, e.g. "AufenthG 25 Abs. 2", "§ 25 Abs. 2 AufenthG" or "AufenthG 24". Required for an Aufenthaltserlaubnis; for a Fiktionsbescheinigung the title it continues or that was applied for.',
          ),
        issuedOn: optionalDate('Day the current document was issued.'),
        validUntil: optionalDate('Last day the current document is valid.'),
        firstIssuedOn: optionalDate(
          'Day a title of this kind was first issued (for § 24: the first § 24 permit or Fiktionsbescheinigung).',
        ),
        employmentCondition: z
          .enum(employmentConditions)
          .nullish()
          .describe('Extension: the work condition stated on the document (Nebenbestimmung).'),
        wohnsitzauflage: z.boolean().nullish().describe('Extension: whether the document states a Wohnsitzauflage.'),
        wohnsitzauflageMunicipality: z
          .string()
          .trim()
          .max(120)
          .nullish()
          .describe('Extension: the municipality named in the Wohnsitzauflage.'),
      })
      .describe('The current residence document.'),
    asylum: z
      .looseObject({
        appliedOn: optionalDate('Day the asylum application was filed.'),
        decision: z
          .looseObject({
            outcome: z.enum(asylumOutcomes),
            decidedOn: calendarDate.describe('Day of the BAMF decision.'),
          })
          .nullish()
          .describe('The BAMF decision, if any.'),
        safeCountryOfOrigin: z
          .boolean()
          .nullish()
          .describe('From a safe country of origin (§ 29a AsylG); derived from the nationality when left out.'),
      })
      .nullish()
      .describe('The asylum procedure, if any.'),
    entryDate: optionalDate('Day of entry into Germany.'),
    employment: z
      .looseObject({
        hoursPerWeek: z.number().min(0).max(100).describe('Contractual hours per week.'),
        since: calendarDate.describe('Start of the employment.'),
        socialInsurance: z.boolean().describe('Subject to social insurance (sozialversicherungspflichtig).'),
      })
      .nullish()
      .describe('Current employment, if any.'),
    euWorkerStatus: z
      .boolean()
      .nullish()
      .describe('EU citizens: worker, self-employed or retained worker status (§ 2 FreizügG/EU).'),
  })
  .describe('Facts about one person at one date.');
export type LegalEvaluationRequest = z.infer<typeof legalEvaluationRequestSchema>;

const firedRuleSchema = z.object({
  id: z.string().describe('Rule id, see docs/legal-rules.md.'),
  title: z.string(),
  titleEn: z.string(),
  citation: z.string().describe('The norm, e.g. "§ 1 Abs. 1 Nr. 1 AsylbLG".'),
  explanation: z.string().describe('Why the rule fired for these facts, in plain German.'),
  explanationEn: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  verification: z.enum(['verified', 'unverified', 'planned']),
  decides: z.array(outputNameSchema).describe('The outputs this rule decided.'),
});
export type FiredRule = z.infer<typeof firedRuleSchema>;

const deadlineSchema = z.object({
  kind: z.enum(deadlineKinds),
  date: z.string().describe('YYYY-MM-DD.'),
  precision: z
    .enum(['exact', 'no_later_than', 'no_earlier_than'])
    .describe('no_later_than / no_earlier_than: a missing fact could make the real date earlier / later.'),
  citation: z.string(),
  explanation: z.string(),
  explanationEn: z.string(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

const unknownFactSchema = z.object({
  fact: z.string().describe('The missing or uncertain fact, as a request path where there is one.'),
  affects: z.array(outputNameSchema),
  question: z.string(),
  questionEn: z.string(),
});
export type UnknownFact = z.infer<typeof unknownFactSchema>;

const certainty = z.enum(['certain', 'provisional']);

export const legalEvaluationSchema = z.object({
  asOf: z.string(),
  ruleSetVersion: z.string(),
  benefitSystem: z.enum(benefitSystems),
  responsibleAgencyKind: z.enum(responsibleAgencyKinds),
  labourMarketAccess: z.enum(labourMarketAccessValues),
  integrationCourse: z.enum(integrationCourseValues),
  residenceObligation: z.object({
    applies: z.boolean(),
    until: z.string().optional().describe('Last day, where the law sets one.'),
    since: z.string().optional(),
    kind: z.enum(residenceObligationKinds).optional(),
    municipality: z.string().optional().describe('Where known from the document.'),
    citation: z.string().optional(),
    exceptions: z.array(
      z.object({
        kind: z.enum(['employment', 'training', 'studies']),
        status: z.enum(['possibly_fulfilled']),
        citation: z.string(),
        explanation: z.string(),
        explanationEn: z.string(),
      }),
    ),
  }),
  deadlines: z.array(deadlineSchema).describe('Upcoming deadlines (on or after asOf), soonest first.'),
  firedRules: z.array(firedRuleSchema),
  certainty: z.object({
    benefitSystem: certainty,
    responsibleAgencyKind: certainty,
    labourMarketAccess: certainty,
    integrationCourse: certainty,
    residenceObligation: certainty,
    deadlines: certainty,
  }),
  unknowns: z
    .array(unknownFactSchema)
    .describe('Facts that are missing or uncertain; results they affect are provisional.'),
  involvedAgencies: z.array(
    z.object({
      kind: z.enum(['auslaenderbehoerde', 'agentur_fuer_arbeit', 'jugendamt', 'sozialamt', 'jobcenter']),
      reason: z.string(),
      reasonEn: z.string(),
      citation: z.string(),
    }),
  ),
  notice: z.string(),
  noticeEn: z.string(),
});
export type LegalEvaluation = z.infer<typeof legalEvaluationSchema>;

/** POST /api/v1/legal/evaluate: the evaluation plus the request keys that were not understood. */
export const legalEvaluationResponseSchema = legalEvaluationSchema.extend({
  ignoredFields: z.array(z.string()).describe('Request keys the engine does not know and ignored.'),
});

export const factSources = ['person', 'residence_document', 'derived'] as const;

/** GET /api/v1/people/:id/legal-evaluation: the engine on the stored person, today. */
export const personLegalEvaluationSchema = z.object({
  personId: z.uuid(),
  asOf: z.string(),
  /** The residence document the evaluation is based on. */
  documentId: z.uuid().nullable(),
  factsUsed: z.array(
    z.object({
      fact: z.string(),
      value: z.string(),
      source: z.enum(factSources),
      note: z.string().nullable(),
      noteEn: z.string().nullable(),
    }),
  ),
  /** Facts Lotse does not store; the engine marks what they affect as provisional. */
  missingFacts: z.array(z.object({ fact: z.string(), question: z.string(), questionEn: z.string() })),
  /** Null when the stored facts are not enough or contradict each other (see problems). */
  evaluation: legalEvaluationSchema.nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() })),
});
export type PersonLegalEvaluation = z.infer<typeof personLegalEvaluationSchema>;
