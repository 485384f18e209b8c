import type { Workspace } from '../../../shared/contracts/workspace';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recentAuditEventsAbout } from '../../platform/audit/audit.repository';
import { AppError } from '../../platform/errors/app-error';
import { presentAgencySummary } from '../agencies/agencies.presenter';
import { findAgency } from '../agencies/agencies.repository';

const SIGN_IN_TYPES = ['auth.login.succeeded', 'auth.login.failed', 'auth.second_factor.failed'];

/** "Mein Arbeitsplatz": the own agency and the own recent sign-ins, so a user notices misuse. */
export async function getWorkspace(db: Db, actor: Actor | null): Promise<Workspace> {
  const a = await check(db, actor, 'workspace.read');
  const agency = await findAgency(db, a.agencyId);
  if (!agency) throw new AppError('NOT_FOUND');
  const events = await recentAuditEventsAbout(db, a.userId, SIGN_IN_TYPES, 10);
  return {
    agency: presentAgencySummary(agency),
    recentSignIns: events.map((e) => ({
        occurredAt: e.occurredAt.toISOString(),
        outcome: e.outcome === 'success' ? 'success' : 'failure',
      ip: e.ip,
    })),
  };
}
