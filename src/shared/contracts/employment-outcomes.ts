import { z } from 'zod';

/**
 * Employment outcomes (Arbeits- und Ausbildungsaufnahmen, issue 9): work or training a person took
 * up, with start and end, employer, the KldB 2010 code of the job when known and whether it is
 * subject to social insurance (sozialversicherungspflichtig). Category employment_profile. They
 * feed the funnel's "in work or training after 6 and 12 months". Only the recording agency deletes
 * an entry (a wrong entry is deleted and recorded again; there is no edit).
 */

export const employmentOutcomeKinds = ['work', 'training'] as const;
export const employmentOutcomeKindSchema = z.enum(employmentOutcomeKinds);
export type EmploymentOutcomeKind = z.infer<typeof employmentOutcomeKindSchema>;

/** KldB 2010: 1 (Berufsbereich) to 5 digits (Berufsgattung). */
export const kldbCodeSchema = z.string().trim().regex(/^\d{1,5}$/);

export const employmentOutcomeCreateRequestSchema = z
  .object({
    kind: employmentOutcomeKindSchema,
    startedOn: z.iso.date(),
    endedOn: z.iso.date().nullable().default(null),
    employer: z.string().trim().max(200).nullable().default(null),
    occupationCode: kldbCodeSchema.nullable().default(null),
    /** null: not known. */
    socialInsurance: z.boolean().nullable().default(null),
  })
  .strict();
export type EmploymentOutcomeCreateRequest = z.infer<typeof employmentOutcomeCreateRequestSchema>;

export const employmentOutcomeParamsSchema = z.object({ id: z.uuid(), outcomeId: z.uuid() });

export const employmentOutcomeSchema = z.object({
  id: z.uuid(),
  kind: employmentOutcomeKindSchema,
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  employer: z.string().nullable(),
  occupationCode: z.string().nullable(),
  socialInsurance: z.boolean().nullable(),
  recordedBy: z.object({ agencyId: z.uuid(), agencyName: z.string() }),
  recordedAt: z.string(),
  mayDelete: z.boolean(),
});
export type EmploymentOutcome = z.infer<typeof employmentOutcomeSchema>;

export const employmentOutcomeListSchema = z.object({ items: z.array(employmentOutcomeSchema) });
export type EmploymentOutcomeList = z.infer<typeof employmentOutcomeListSchema>;
