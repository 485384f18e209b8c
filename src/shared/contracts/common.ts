import { z } from 'zod';

/** Agency kinds known to Lotse; each maps to a legal mandate (see docs/glossary.md). */
export const agencyKinds = [
  'sozialamt',
  'jobcenter',
  'auslaenderbehoerde',
  'jugendamt',
  'gesundheitsamt',
  'wohnungsamt',
  'agentur_fuer_arbeit',
  'volunteer_centre',
  'steering',
] as const;
export const agencyKindSchema = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKindSchema>;

/** Staff roles. A user holds one or more; permissions derive from them (platform/access). */
export const roles = [
  'caseworker',
  'team_lead',
  'agency_admin',
  'data_protection_officer',
  'steering',
  'system_admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles that must have a second factor before they can do anything. */
export const rolesRequiringTotp: readonly Role[] = ['agency_admin', 'system_admin'];

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: uuidSchema });

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageInfoSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

/** RFC 9457 problem details as Lotse emits them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
