import type { Role } from '../../../shared/contracts/common';

/** Everything a user can be allowed to do. Deny by default: a role has only what is listed here. */
export const permissions = [
  'workspace.read',
  'agency.read',
  'agency.manage',
  'user.read',
  'user.manage',
  'user.create',
  'audit.read',
  'audit.verify',
  'person.read',
  'person.write',
  'case.read',
  'case.write',
  'case.manage',
  // Data protection (issue 5)
  'consent.read',
  'consent.write',
  'transfer.read',
  'transfer.write',
  'break_glass.request',
  'break_glass.review',
  'privacy.report',
  'data_protection.manage',
  'retention.read',
  'retention.manage',
  'legal_hold.manage',
  // Legal-domain rules (issue 6): preview and apply a rule version to everybody.
  'legal_rules.manage',
  // Social space (issue 7): districts, the map, the resource directory, explorations, the address register.
  'social_space.read',
  'resource.write',
  'resource.manage',
  'exploration.read',
  'exploration.write',
  'address.read',
  'address.write',
  'district.manage',
  // Correspondence (issue 8): letters and their delivery are case records (case.read/case.write);
  // the person's consent to e-mail and messenger is consent.write; the sanction guard is case.write.
  // Profiles, measures and referrals (issue 9).
  'profile.read',
  'profile.write',
  'measure.read',
  'measure.manage',
  'referral.read',
  'referral.write',
  'referral.manage',
  'funnel.read',
] as const;
export type Permission = (typeof permissions)[number];

/** Districts, aggregated statistics, the map and the resource directory hold no social data of a person. */
const everyone: Permission[] = ['workspace.read', 'agency.read', 'social_space.read'];
/** Case content: only the staff who work with people see them; configuration and oversight roles do not. */
const caseWork: Permission[] = [
  'person.read',
  'person.write',
  'case.read',
  'case.write',
  'consent.read',
  'consent.write',
  'transfer.read',
  'transfer.write',
  'break_glass.request',
  'resource.write',
  'exploration.read',
  'exploration.write',
  'address.read',
  'address.write',
  'profile.read',
  'profile.write',
  'measure.read',
  'referral.read',
  'referral.write',
];

/**
 * Role → permissions. The system administrator configures but sees no case content; the data
 * protection officer reads the audit log; steering will only see pseudonymised reports.
 */
export const permissionsByRole: Record<Role, readonly Permission[]> = {
  caseworker: [...everyone, ...caseWork],
  /** Team leads also see their team's workload and reassign cases. */
  team_lead: [
    ...everyone,
    ...caseWork,
    'case.manage',
    'break_glass.review',
    'legal_hold.manage',
    'resource.manage',
    'district.manage',
    'measure.manage',
    'referral.manage',
    'funnel.read',
  ],
  /** Agency administrators keep their agency's measures, acceptance criteria and rejection reasons. */
  agency_admin: [
    ...everyone,
    'agency.manage',
    'user.read',
    'user.manage',
    'user.create',
    'district.manage',
    'measure.read',
    'measure.manage',
    'referral.manage',
  ],
  /**
   * The data protection officer controls: audit log, transfer log (ids and norms, no names), the
   * break-glass review, "who saw my data" reports, retention runs and legal holds.
   */
  data_protection_officer: [
    ...everyone,
    'audit.read',
    'audit.verify',
    'transfer.read',
    'break_glass.review',
    'privacy.report',
    'retention.read',
    'legal_hold.manage',
  ],
  /** Steering sees aggregated reports only: the funnel with cells under 5 suppressed, the measures catalogue. */
  steering: [...everyone, 'measure.read', 'funnel.read'],
  /** The system administrator configures the category matrix, the retention periods and applies rule versions. */
  system_admin: [
    ...everyone,
    'agency.manage',
    'user.read',
    'user.manage',
    'user.create',
    'data_protection.manage',
    'retention.read',
    'retention.manage',
    'legal_rules.manage',
    'resource.manage',
    'district.manage',
  ],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) for (const p of permissionsByRole[role]) result.add(p);
  return result;
}
