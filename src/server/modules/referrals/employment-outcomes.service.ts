import type {
  EmploymentOutcome,
  EmploymentOutcomeCreateRequest,
  EmploymentOutcomeKind,
  EmploymentOutcomeList,
} from '../../../shared/contracts/employment-outcomes';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { assertPersonCategory } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { todayIn } from '../../../shared/domain/calendar-date';
import {
  deleteOutcome,
  findOutcome,
  insertOutcome,
  outcomesOfPerson,
  type EmploymentOutcomeRecord,
} from './employment-outcomes.repository';

/**
 * Employment outcomes (work or training taken up), category employment_profile. Read with
 * `profile.read`, recorded with `profile.write`; an entry is deleted only by the agency that
 * recorded it (a mistaken entry is deleted and recorded anew: there is no edit).
 */

function present(r: EmploymentOutcomeRecord, actor: Actor): EmploymentOutcome {
  const o = r.outcome;
  return {
    id: o.id,
    kind: o.kind as EmploymentOutcomeKind,
    startedOn: o.startedOn,
    endedOn: o.endedOn,
    employer: o.employer,
    occupationCode: o.occupationCode,
    socialInsurance: o.socialInsurance,
    recordedBy: { agencyId: o.recordedByAgencyId, agencyName: r.agencyName },
    recordedAt: o.recordedAt.toISOString(),
    mayDelete: o.recordedByAgencyId === actor.agencyId,
  };
}

async function access(db: Db, actor: Actor | null, permission: 'profile.read' | 'profile.write', personId: string, now: Date) {
  const a = await check(db, actor, permission);
  await check(db, a, 'person.read', [personId]);
  await assertPersonCategory(db, a, personId, 'employment_profile', now);
  return a;
}

export async function listOutcomes(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<EmploymentOutcomeList> {
  const a = await access(db, actor, 'profile.read', personId, ctx.now);
  return db.transaction(async (tx) => {
    const rows = await outcomesOfPerson(tx, personId);
    await recordAudit(tx, ctx, {
      type: 'employment_outcome.listed',
      subjectType: 'person',
      subjectId: personId,
      details: { count: rows.length },
    });
    return { items: rows.map((r) => present(r, a)) };
  });
}

/** A start up to a year ahead (a signed contract), never before 2000; the end not before the start. */
function outcomeProblems(input: EmploymentOutcomeCreateRequest, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const [y, m, d] = today.split('-');
  const yearAhead = `${Number(y) + 1}-${m}-${d}`;
  if (input.startedOn < '2000-01-01' || input.startedOn > yearAhead)
    problems.push({
      path: 'startedOn',
      message: fieldMessage(
        'Der Beginn muss zwischen dem Jahr 2000 und einem Jahr ab heute liegen.',
        'The start must lie between the year 2000 and one year from today.',
      ),
    });
  if (input.endedOn !== null && input.endedOn < input.startedOn)
    problems.push({
      path: 'endedOn',
      message: fieldMessage('Das Ende darf nicht vor dem Beginn liegen.', 'The end must not lie before the start.'),
    });
  return problems;
}

export async function recordOutcome(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: EmploymentOutcomeCreateRequest,
  ctx: AuditContext,
): Promise<EmploymentOutcome> {
  const a = await access(db, actor, 'profile.write', personId, ctx.now);
  const problems = outcomeProblems(input, todayIn(ctx.now));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  const id = await db.transaction(async (tx) => {
    const row = await insertOutcome(tx, {
      personId,
      kind: input.kind,
      startedOn: input.startedOn,
      endedOn: input.endedOn,
      employer: input.employer || null,
      occupationCode: input.occupationCode,
      socialInsurance: input.socialInsurance,
      recordedByAgencyId: a.agencyId,
      recordedAt: ctx.now,
      recordedBy: a.userId,
    });
    await recordAudit(tx, ctx, {
      type: 'employment_outcome.recorded',
      subjectType: 'person',
      subjectId: personId,
      details: { outcomeId: row.id, kind: input.kind },
    });
    return row.id;
  });
  const record = await findOutcome(db, personId, id);
  if (!record) throw new AppError('NOT_FOUND');
  return present(record, a);
}

export async function removeOutcome(
  db: Db,
  actor: Actor | null,
  personId: string,
  outcomeId: string,
  ctx: AuditContext,
): Promise<void> {
  const a = await access(db, actor, 'profile.write', personId, ctx.now);
  await db.transaction(async (tx) => {
    const record = await findOutcome(tx, personId, outcomeId);
    if (!record) throw new AppError('NOT_FOUND');
    if (record.outcome.recordedByAgencyId !== a.agencyId)
      throw new AppError('FORBIDDEN', {
        fieldErrors: [
          {
            path: 'outcomeId',
            message: fieldMessage(
              `Diesen Eintrag löscht nur die Stelle, die ihn erfasst hat (${record.agencyName}).`,
              `Only the agency that recorded this entry deletes it (${record.agencyName}).`,
            ),
          },
        ],
      });
    if (!(await deleteOutcome(tx, outcomeId))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      type: 'employment_outcome.deleted',
      subjectType: 'person',
      subjectId: personId,
      details: { outcomeId, kind: record.outcome.kind },
    });
  });
}
