import type { LegalHold, LegalHoldCreate, LegalHoldRelease } from '../../../shared/contracts/retention';
import type { Db } from '../../db/client';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { personIdsVisibleTo } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { caseIdsVisibleTo } from '../cases/cases.repository';
import { presentLegalHold } from './legal-holds.presenter';
import {
  activeHoldOn,
  findLegalHold,
  insertLegalHold,
  listLegalHolds,
  releaseLegalHold,
  subjectExists,
  subjectsOfHolds,
  type LegalHoldStatus,
} from './legal-holds.repository';

/**
 * Legal holds (Sperrvermerke) stop the purge of a person or a case. The data protection officer
 * (who answers for the whole municipality: `privacy.report`) places and releases any hold; a team
 * lead only on people and cases their agency sees — others are 404, as everywhere.
 */
function seesEverything(actor: Actor): boolean {
  return hasPermission(actor, 'privacy.report');
}

async function visibleSubjects(
  db: Db,
  actor: Actor,
  subjects: { subjectType: string; subjectId: string }[],
  now: Date,
): Promise<Set<string>> {
  if (seesEverything(actor)) return new Set(subjects.map((s) => s.subjectId));
  const personIds = subjects.filter((s) => s.subjectType === 'person').map((s) => s.subjectId);
  const caseIds = subjects.filter((s) => s.subjectType === 'case').map((s) => s.subjectId);
  const visible = new Set<string>();
  if (personIds.length) for (const id of await personIdsVisibleTo(db, actor, personIds, now)) visible.add(id);
  if (caseIds.length) for (const id of await caseIdsVisibleTo(db, actor, caseIds, now)) visible.add(id);
  return visible;
}

export async function getLegalHolds(
  db: Db,
  actor: Actor | null,
  status: LegalHoldStatus,
  ctx: AuditContext,
): Promise<{ items: LegalHold[] }> {
  const a = await check(db, actor, 'legal_hold.manage');
  return db.transaction(async (tx) => {
    const subjects = await subjectsOfHolds(tx);
    const visible = await visibleSubjects(tx, a, subjects, ctx.now);
    const ids = seesEverything(a) ? undefined : subjects.filter((s) => visible.has(s.subjectId)).map((s) => s.id);
    const rows = await listLegalHolds(tx, status, ids);
    await recordAudit(tx, ctx, { type: 'legal_hold.listed', details: { status, resultCount: rows.length } });
    return { items: rows.map(presentLegalHold) };
  });
}

async function holdById(db: Db, id: string) {
  const rows = await listLegalHolds(db, 'all', [id]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return presentLegalHold(rows[0]);
}

export async function placeLegalHold(
  db: Db,
  actor: Actor | null,
  input: LegalHoldCreate,
  ctx: AuditContext,
): Promise<LegalHold> {
  const a = await check(db, actor, 'legal_hold.manage');
  const visible = await visibleSubjects(db, a, [input], ctx.now);
  if (!visible.has(input.subjectId) || !(await subjectExists(db, input.subjectType, input.subjectId))) {
    throw new AppError('NOT_FOUND', {
      fieldErrors: [
        {
          path: 'subjectId',
          message: fieldMessage(
            input.subjectType === 'person' ? 'Person nicht gefunden.' : 'Fall nicht gefunden.',
            input.subjectType === 'person' ? 'Person not found.' : 'Case not found.',
          ),
        },
      ],
    });
  }
  const id = await db.transaction(async (tx) => {
    if (await activeHoldOn(tx, input.subjectType, input.subjectId)) {
      throw new AppError('CONFLICT', {
        fieldErrors: [
          {
            path: 'subjectId',
            message: fieldMessage('Hierfür besteht bereits ein Sperrvermerk.', 'A legal hold is already in place.'),
          },
        ],
      });
    }
    const holdId = await insertLegalHold(tx, {
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      reason: input.reason,
      placedAt: ctx.now,
      placedBy: a.userId,
    });
    await recordAudit(tx, ctx, {
      type: 'legal_hold.placed',
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      details: { holdId },
    });
    return holdId;
  });
  return holdById(db, id);
}

export async function releaseHold(
  db: Db,
  actor: Actor | null,
  id: string,
  input: LegalHoldRelease,
  ctx: AuditContext,
): Promise<LegalHold> {
  const a = await check(db, actor, 'legal_hold.manage');
  const hold = await findLegalHold(db, id);
  if (!hold) throw new AppError('NOT_FOUND');
  const visible = await visibleSubjects(db, a, [hold], ctx.now);
  if (!visible.has(hold.subjectId)) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    if (!(await releaseLegalHold(tx, id, ctx.now, a.userId, input.note))) {
      throw new AppError('CONFLICT', {
        fieldErrors: [
          {
            path: 'id',
            message: fieldMessage(
              'Der Sperrvermerk ist bereits aufgehoben.',
              'The legal hold has already been released.',
            ),
          },
        ],
      });
    }
    await recordAudit(tx, ctx, {
      type: 'legal_hold.released',
      subjectType: hold.subjectType,
      subjectId: hold.subjectId,
      details: { holdId: id },
    });
  });
  return holdById(db, id);
}
