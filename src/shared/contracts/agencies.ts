import { z } from 'zod';
import { agencyKindSchema } from './common';

export const legalBasisSchema = z.object({
  norm: z.string().trim().min(2).max(120),
  description: z.string().trim().min(2).max(1000),
});

export const agencyContactSchema = z.object({
  address: z.string().trim().max(300).nullable(),
  phone: z.string().trim().max(60).nullable(),
  email: z.email().nullable(),
  openingHours: z.string().trim().max(300).nullable(),
});

/**
 * How far a caseworker's access to the agency's own clients reaches (SGB I § 35: need to know also
 * inside the agency): `agency` — every colleague sees every client of the agency; `team` — the
 * clients registered or led by someone of the own team; `own` — only the own ones. Team leads
 * always see the whole agency.
 */
export const caseworkerScopes = ['own', 'team', 'agency'] as const;
export const caseworkerScopeSchema = z.enum(caseworkerScopes);
export type CaseworkerScope = z.infer<typeof caseworkerScopeSchema>;

export const teamSchema = z.object({ id: z.uuid(), name: z.string(), memberCount: z.number().int() });

export const agencySummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: agencyKindSchema,
  shortMandate: z.string(),
});
export type AgencySummary = z.infer<typeof agencySummarySchema>;

export const agencyDetailSchema = agencySummarySchema.extend({
  mandate: z.string(),
  legalBases: z.array(legalBasisSchema),
  contact: agencyContactSchema,
  teams: z.array(teamSchema),
  staffCount: z.number().int(),
  caseworkerScope: caseworkerScopeSchema,
  updatedAt: z.iso.datetime(),
});
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;

export const agencyListSchema = z.object({ items: z.array(agencySummarySchema) });

export const agencyUpdateRequestSchema = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  shortMandate: z.string().trim().min(2).max(300).optional(),
  mandate: z.string().trim().min(2).max(10000).optional(),
  legalBases: z.array(legalBasisSchema).max(50).optional(),
  contact: agencyContactSchema.optional(),
  caseworkerScope: caseworkerScopeSchema.optional(),
});

export const teamCreateRequestSchema = z.object({ name: z.string().trim().min(2).max(120) });
