import { z } from 'zod';
import { cefrLevelSchema } from '../domain/referrals/criteria';
import { languageCodeSchema } from './people';

/**
 * Competence profiles (Kompetenzprofil, issue 9): one per person, category `employment_profile`.
 * Lists of education, qualifications (KldB 2010 Berufsgattung, ESCO URI where known),
 * recognition of foreign qualifications (anabin, ZAB), work experience, languages (German per
 * skill as CEFR), driving licences, interests, wishes, own goals and constraints.
 *
 * Health: the profile holds no health text. `constraints.healthConstraint` (yes/no) is health
 * data: only an actor who sees the category `health` reads (and writes) it; for everyone else it
 * is null in responses and ignored in writes (the stored value stays).
 *
 * PUT replaces the whole profile; once it exists, If-Match with its version is required (428
 * without, 412 when stale). `profiledOn` (the funnel cohort date) is today on creation unless
 * given, and only changes when given.
 */

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().default(null);
const yearSchema = z.number().int().min(1940).max(2100);
const countrySchema = text(80).nullable().default(null);

export const educationItemSchema = z.object({
  /** ISCED 2011 level 0–8. */
  iscedLevel: z.number().int().min(0).max(8),
  /** What it was: "Abitur", "Bachelor Bauingenieurwesen", "9 Jahre Schule". */
  title: text(200).min(1),
  institution: optionalText(200),
  country: countrySchema,
  fromYear: yearSchema.nullable().default(null),
  toYear: yearSchema.nullable().default(null),
  completed: z.boolean().default(false),
  /** A certificate (Zeugnis) exists and was seen. */
  certificateAvailable: z.boolean().default(false),
});
export type EducationItem = z.infer<typeof educationItemSchema>;

export const qualificationKinds = ['vocational', 'academic', 'informal'] as const;
export const qualificationItemSchema = z.object({
  title: text(200).min(1),
  kind: z.enum(qualificationKinds).default('vocational'),
  /** KldB 2010 Berufsgattung (5 digits) from the reference data. */
  kldbCode: z.string().regex(/^\d{5}$/),
  escoUri: z.url().max(300).nullable().default(null),
  country: countrySchema,
  year: yearSchema.nullable().default(null),
});
export type QualificationItem = z.infer<typeof qualificationItemSchema>;

/** anabin classification of the institution: H+ recognised, H+/- partly, H- not recognised. */
export const anabinInstitutionStatuses = ['H+', 'H+/-', 'H-'] as const;
export const recognitionOutcomes = ['pending', 'full', 'partial', 'none'] as const;
export type RecognitionOutcome = (typeof recognitionOutcomes)[number];

export const recognitionItemSchema = z.object({
  /** The foreign qualification (as in the qualifications list). */
  qualificationTitle: text(200).min(1),
  /** German reference occupation (Referenzberuf), if any. */
  referenceOccupation: optionalText(200),
  anabinInstitution: z.enum(anabinInstitutionStatuses).nullable().default(null),
  /** A ZAB Zeugnisbewertung (statement of comparability) exists. */
  zabStatement: z.boolean().default(false),
  /** Competent authority (e.g. IHK FOSA, Bezirksregierung Düsseldorf, HWK). */
  authority: optionalText(200),
  appliedOn: z.iso.date().nullable().default(null),
  decidedOn: z.iso.date().nullable().default(null),
  outcome: z.enum(recognitionOutcomes).default('pending'),
  note: optionalText(1000),
});
export type RecognitionItem = z.infer<typeof recognitionItemSchema>;

export const workExperienceItemSchema = z.object({
  occupation: text(200).min(1),
  kldbCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .default(null),
  years: z.number().min(0).max(60).multipleOf(0.5),
  country: countrySchema,
  fromYear: yearSchema.nullable().default(null),
  toYear: yearSchema.nullable().default(null),
  description: optionalText(1000),
});
export type WorkExperienceItem = z.infer<typeof workExperienceItemSchema>;

export const germanLevelsSchema = z.object({
  reading: cefrLevelSchema.nullable().default(null),
  listening: cefrLevelSchema.nullable().default(null),
  writing: cefrLevelSchema.nullable().default(null),
  speaking: cefrLevelSchema.nullable().default(null),
});
export type GermanLevelsInput = z.infer<typeof germanLevelsSchema>;

export const otherLanguageSchema = z.object({
  language: languageCodeSchema,
  level: cefrLevelSchema.nullable().default(null),
});

/** Driving licence classes (Fahrerlaubnisklassen, FeV § 6). */
export const drivingLicenceClasses = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'L', 'T'] as const;

export const constraintsSchema = z.object({
  childcareNeeded: z.boolean().default(false),
  childcareNote: optionalText(500),
  /** Hours per week the person can work; null = not discussed. */
  hoursPerWeek: z.number().int().min(0).max(60).nullable().default(null),
  mobilityNote: optionalText(500),
  /** Health category: see the module comment. */
  healthConstraint: z.boolean().nullable().default(null),
});
export type ProfileConstraints = z.infer<typeof constraintsSchema>;

export const profilePutRequestSchema = z.object({
  /** Cohort date; default today on creation. Not in the future. */
  profiledOn: z.iso.date().optional(),
  education: z.array(educationItemSchema).max(20).default([]),
  qualifications: z.array(qualificationItemSchema).max(20).default([]),
  recognitions: z.array(recognitionItemSchema).max(20).default([]),
  workExperience: z.array(workExperienceItemSchema).max(30).default([]),
  skills: z.array(text(100).min(1)).max(50).default([]),
  germanLevels: germanLevelsSchema.default({ reading: null, listening: null, writing: null, speaking: null }),
  motherTongues: z.array(languageCodeSchema).max(5).default([]),
  otherLanguages: z.array(otherLanguageSchema).max(10).default([]),
  drivingLicences: z.array(z.enum(drivingLicenceClasses)).max(16).default([]),
  interests: optionalText(2000),
  wishes: optionalText(2000),
  ownGoals: optionalText(2000),
  constraints: constraintsSchema.default({
    childcareNeeded: false,
    childcareNote: null,
    hoursPerWeek: null,
    mobilityNote: null,
    healthConstraint: null,
  }),
});
export type ProfilePutRequest = z.infer<typeof profilePutRequestSchema>;
export type ProfilePutInput = z.input<typeof profilePutRequestSchema>;

export const occupationRefSchema = z.object({
  code: z.string(),
  title: z.string(),
  anforderungsniveau: z.number().int().nullable(),
});

export const profileSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  profiledOn: z.string(),
  education: z.array(educationItemSchema),
  qualifications: z.array(qualificationItemSchema.extend({ occupation: occupationRefSchema.nullable() })),
  recognitions: z.array(recognitionItemSchema),
  workExperience: z.array(workExperienceItemSchema.extend({ occupationRef: occupationRefSchema.nullable() })),
  skills: z.array(z.string()),
  germanLevels: germanLevelsSchema,
  germanOverall: cefrLevelSchema.nullable(),
  highestIscedLevel: z.number().int().nullable(),
  hasQualification: z.boolean(),
  motherTongues: z.array(z.string()),
  otherLanguages: z.array(otherLanguageSchema),
  drivingLicences: z.array(z.string()),
  interests: z.string().nullable(),
  wishes: z.string().nullable(),
  ownGoals: z.string().nullable(),
  constraints: constraintsSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileResponseSchema = z.object({
  profile: profileSchema.nullable(),
  /** The caller may write the profile (profile.write). */
  canEdit: z.boolean(),
  /** The caller sees the category health (the health constraint). */
  healthVisible: z.boolean(),
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Reference data (no social data)

export const kldbEntrySchema = z.object({
  code: z.string(),
  level: z.enum(['berufsbereich', 'berufshauptgruppe', 'berufsgruppe', 'berufsgattung']),
  title: z.string(),
  anforderungsniveau: z.number().int().nullable(),
  terms: z.array(z.string()),
});
export const occupationSchema = kldbEntrySchema.extend({
  /** Berufsbereich → Berufshauptgruppe → Berufsgruppe, without the entry itself. */
  path: z.array(kldbEntrySchema.pick({ code: true, level: true, title: true })),
});
export type Occupation = z.infer<typeof occupationSchema>;
export const occupationSearchQuerySchema = z.object({
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const occupationListSchema = z.object({ items: z.array(occupationSchema) });
export const occupationCodeParamsSchema = z.object({ code: z.string().regex(/^\d{1,5}$/) });

export const iscedListSchema = z.object({
  items: z.array(z.object({ level: z.number().int(), de: z.string(), en: z.string(), examplesDe: z.string() })),
});
export const cefrListSchema = z.object({
  items: z.array(
    z.object({ level: cefrLevelSchema, nameDe: z.string(), nameEn: z.string(), de: z.string(), en: z.string() }),
  ),
  skills: z.array(z.object({ skill: z.string(), de: z.string(), en: z.string() })),
});
