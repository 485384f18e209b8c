import { registerScope } from '../../platform/access/access';
import { existingAgencyIds } from './agencies.repository';

/**
 * agency.manage: a system administrator configures every agency, an agency administrator only
 * their own. Every authenticated user may read every agency's mandate (agency.read is unscoped:
 * mandates are public knowledge inside the administration, not social data).
 */
export function registerAgencyPolicies(): void {
  registerScope('agency.manage', async (db, actor, ids) => {
    const existing = await existingAgencyIds(db, ids);
    if (actor.roles.includes('system_admin')) return new Set(existing);
    return new Set(existing.filter((id) => id === actor.agencyId && actor.roles.includes('agency_admin')));
  });
}
