import type { z } from 'zod';
import type { AgencyDetail, AgencySummary, agencyUpdateRequestSchema } from '../../../shared/contracts/agencies';
import type { AgencyCaseworker } from '../../../shared/contracts/colleagues';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';
import { presentAgencyCaseworker, presentAgencyDetail, presentAgencySummary } from './agencies.presenter';
import {
  findAgency,
  findTeamByName,
  insertTeam,
  listAgencies,
  listAgencyCaseworkers,
  lockAgency,
  staffCount,
  teamsWithMemberCounts,
  updateAgency,
} from './agencies.repository';

export async function getAgencies(db: Db, actor: Actor | null): Promise<AgencySummary[]> {
  await check(db, actor, 'agency.read');
  return (await listAgencies(db)).map(presentAgencySummary);
}

export async function getAgency(db: Db, actor: Actor | null, id: string): Promise<AgencyDetail> {
  await check(db, actor, 'agency.read');
  const row = await findAgency(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentAgencyDetail(row, await teamsWithMemberCounts(db, id), await staffCount(db, id));
}

/**
 * Colleagues of an agency who can be named on a case (team member, step, task, conference). Any
 * agency may be asked: it is a staff directory (names and teams), not social data, and a case
 * team spans agencies. Only staff who work on cases may ask.
 */
export async function getAgencyCaseworkers(db: Db, actor: Actor | null, agencyId: string): Promise<AgencyCaseworker[]> {
  await check(db, actor, 'case.write');
  if (!(await findAgency(db, agencyId))) throw new AppError('NOT_FOUND');
  return (await listAgencyCaseworkers(db, agencyId)).map(presentAgencyCaseworker);
}

export async function changeAgency(
  db: Db,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof agencyUpdateRequestSchema>,
  ctx: AuditContext,
): Promise<AgencyDetail> {
  const a = await check(db, actor, 'agency.manage', [id]);
  const fields = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  if (fields.length === 0) throw new AppError('VALIDATION_FAILED');
  await db.transaction(async (tx) => {
    const before = input.caseworkerScope !== undefined ? await findAgency(tx, id) : undefined;
    await updateAgency(tx, id, { ...input, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { type: 'agency.updated', subjectType: 'agency', subjectId: id, details: { fields } });
    // Who widened or narrowed the agency's record scope, from what to what.
    if (before && input.caseworkerScope !== undefined && before.caseworkerScope !== input.caseworkerScope) {
      await recordAudit(tx, ctx, {
        type: 'agency.caseworker_scope_changed',
        subjectType: 'agency',
        subjectId: id,
        details: { from: before.caseworkerScope, to: input.caseworkerScope },
      });
    }
  });
  return getAgency(db, a, id);
}

export async function addTeam(
  db: Db,
  actor: Actor | null,
  agencyId: string,
  name: string,
  ctx: AuditContext,
): Promise<AgencyDetail> {
  const a = await check(db, actor, 'agency.manage', [agencyId]);
  await db.transaction(async (tx) => {
    await lockAgency(tx, agencyId);
    if (await findTeamByName(tx, agencyId, name)) {
      throw new AppError('CONFLICT', {
        fieldErrors: [
          { path: 'name', message: { de: 'Ein Team mit diesem Namen gibt es bereits.', en: 'A team with this name already exists.' } },
        ],
      });
    }
    const teamId = await insertTeam(tx, agencyId, name, ctx.now);
    await recordAudit(tx, ctx, { type: 'team.created', subjectType: 'team', subjectId: teamId, details: { agencyId, name } });
  });
  return getAgency(db, a, agencyId);
}
