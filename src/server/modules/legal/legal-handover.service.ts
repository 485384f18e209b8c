import type { BenefitSystem, LegalEvaluation, ResponsibleAgencyKind } from '../../../shared/contracts/legal';
import type {
  HandoverBoard,
  HandoverBoardQuery,
  HandoverUpdate,
  LegalHandover,
} from '../../../shared/contracts/legal-handovers';
import { todayIn } from '../../../shared/domain/calendar-date';
import { residenceCategory } from '../../../shared/domain/data-protection/field-groups';
import { evaluateOrExplain } from '../../../shared/domain/legal/evaluate-legal-domain';
import { planHandover } from '../../../shared/domain/legal/handover-checklist';
import { factsFromStoredPerson } from '../../../shared/domain/legal/stored-person-facts';
import { documentStart } from '../../../shared/domain/residence-documents/document-status';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { assertMatrixCategory, assertPersonCategory, personVisibleTo } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { listAgencyCaseworkers } from '../agencies/agencies.repository';
import { presentPersonSummary } from '../people/people.presenter';
import { presentHandover, userIdsOf } from './legal-handover.presenter';
import {
  findHandover,
  findLastEvaluation,
  findOpenHandover,
  handoverBoard,
  handoversOfPerson,
  insertHandover,
  saveEvaluation,
  updateHandoverIfVersion,
  usersByIds,
  type LegalHandoverRow,
} from './legal-handover.repository';
import { findPersonLegalFacts, residenceDocumentsForRules } from './legal.repository';

export type Reevaluation = {
  evaluation: LegalEvaluation | null;
  openedHandoverId: string | null;
  cancelledHandoverIds: string[];
};

const REVERTED_REASON =
  'Automatisch geschlossen: Nach einer Korrektur der Aufenthaltsdaten gilt wieder der bisherige Rechtskreis.';

/**
 * Re-evaluates a person after their residence data changed, inside the caller's transaction.
 * The engine runs on the stored facts for today; the result's benefit system is compared with the
 * last stored evaluation. On a change (only when there was an earlier evaluation: a first document
 * is no change of legal domain) a handover opens with its checklist and deadlines, unless one is
 * already open for the same transition. A change back (a corrected entry) closes the handover the
 * first change opened instead of opening the reverse one. Facts the engine cannot evaluate leave
 * the stored evaluation as it was. Advice only: the handover is a worklist entry, not a decision.
 */
export async function reevaluatePerson(tx: Db, personId: string, ctx: AuditContext): Promise<Reevaluation> {
  const none: Reevaluation = { evaluation: null, openedHandoverId: null, cancelledHandoverIds: [] };
  const person = await findPersonLegalFacts(tx, personId);
  if (!person) return none;
  const documents = await residenceDocumentsForRules(tx, personId);
  const today = todayIn(ctx.now);
  const stored = factsFromStoredPerson(person, documents, today);
  if (!stored.facts) return none;
  const result = evaluateOrExplain(stored.facts);
  if (!result.ok) return none;
  const e = result.evaluation;

  const previous = await findLastEvaluation(tx, personId);
  await saveEvaluation(tx, {
    personId,
    evaluatedAt: ctx.now,
    ruleSetVersion: e.ruleSetVersion,
    benefitSystem: e.benefitSystem,
    responsibleAgencyKind: e.responsibleAgencyKind,
    result: { ruleIds: e.firedRules.map((r) => r.id) },
  });
  if (!previous || previous.benefitSystem === e.benefitSystem) return { ...none, evaluation: e };

  // A change back: the handover the first change opened is void.
  const reverted = await findOpenHandover(tx, personId, e.benefitSystem, previous.benefitSystem);
  if (reverted) {
    const closed = await updateHandoverIfVersion(tx, reverted.id, reverted.version, {
      status: 'cancelled',
      cancelReason: REVERTED_REASON,
      closedAt: ctx.now,
    });
    if (!closed) throw new AppError('PRECONDITION_FAILED');
    await recordAudit(tx, ctx, {
      type: 'legal.handover_updated',
      subjectType: 'person',
      subjectId: personId,
      details: {
        handoverId: reverted.id,
        ticked: [],
        unticked: [],
        ownerChanged: false,
        status: 'cancelled',
        reason: 'reverted',
        version: closed.version,
      },
    });
    return { evaluation: e, openedHandoverId: null, cancelledHandoverIds: [reverted.id] };
  }

  const transition = {
    fromBenefitSystem: previous.benefitSystem as BenefitSystem,
    toBenefitSystem: e.benefitSystem,
    fromAgencyKind: previous.responsibleAgencyKind as ResponsibleAgencyKind,
    toAgencyKind: e.responsibleAgencyKind,
  };
  if (await findOpenHandover(tx, personId, transition.fromBenefitSystem, transition.toBenefitSystem)) {
    return { ...none, evaluation: e };
  }
  // The change happened when the document that now counts took effect (recorded late: in the past).
  const current = documents.find((d) => d.id === stored.documentId);
  const start = current ? documentStart(current) : null;
  const changedOn = start !== null && start <= today ? start : today;
  const asylblgEnd = e.deadlines.find((d) => d.kind === 'asylblg_end')?.date ?? null;
  const plan = planHandover(transition, changedOn, today, asylblgEnd);
  const row = await insertHandover(tx, {
    personId,
    ...transition,
    effectiveOn: plan.effectiveOn,
    dueOn: plan.dueOn,
    status: 'open',
    checklist: plan.checklist.map((key) => ({ key, done: false, doneAt: null, doneBy: null })),
    createdAt: ctx.now,
  });
  await recordAudit(tx, ctx, {
    type: 'legal.handover_opened',
    subjectType: 'person',
    subjectId: personId,
    details: {
      handoverId: row.id,
      from: transition.fromBenefitSystem,
      to: transition.toBenefitSystem,
      fromAgencyKind: transition.fromAgencyKind,
      toAgencyKind: transition.toAgencyKind,
      items: plan.checklist,
      ruleSetVersion: e.ruleSetVersion,
    },
  });
  return { evaluation: e, openedHandoverId: row.id, cancelledHandoverIds: [] };
}

async function present(db: Db, rows: LegalHandoverRow[], today: string): Promise<LegalHandover[]> {
  const names = await usersByIds(db, userIdsOf(rows));
  return rows.map((r) => presentHandover(r, names, today));
}

/** The handovers of one person, newest first. The change of legal domain is residence-status data. */
export async function listPersonHandovers(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<{ items: LegalHandover[] }> {
  const a = await check(db, actor, 'person.read', [personId]);
  await assertPersonCategory(db, a, personId, residenceCategory, ctx.now);
  const rows = await handoversOfPerson(db, personId);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'legal.handovers_listed',
      subjectType: 'person',
      subjectId: personId,
      details: { resultCount: rows.length },
    });
  });
  return { items: await present(db, rows, todayIn(ctx.now)) };
}

const invalid = (fieldErrors: FieldError[]) => new AppError('VALIDATION_FAILED', { fieldErrors });

/**
 * Ticks or unticks checklist items, names an owner (a caseworker or team lead of the caller's
 * agency), closes the handover as done (only with every item ticked) or cancels it with a reason.
 * Closed handovers are history and do not change.
 */
export async function updateHandover(
  db: Db,
  actor: Actor | null,
  handoverId: string,
  ifMatch: string | undefined,
  input: HandoverUpdate,
  ctx: AuditContext,
): Promise<Versioned<LegalHandover>> {
  await check(db, actor, 'person.write');
  const existing = await findHandover(db, handoverId);
  if (!existing) throw new AppError('NOT_FOUND');
  // The handover answers as its person does: out of scope is indistinguishable from missing.
  const a = await check(db, actor, 'person.read', [existing.personId]);
  const access = await assertPersonCategory(db, a, existing.personId, residenceCategory, ctx.now);
  // A warm handover is worked by both sides: every agency that works with the person (registered
  // them or is on a case team), not only the registering one — but not an agency that merely
  // received data by consent, transfer or emergency access.
  if (!access.grounds.some((g) => g === 'registered' || g === 'case_team')) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'handoverId',
          message: fieldMessage(
            'Die Übergabe bearbeiten die Stellen, die mit der Person arbeiten (erfasst oder im Fallteam).',
            'The handover is worked by the agencies that work with the person (registered or on a case team).',
          ),
        },
      ],
    });
  }
  const version = ifMatchVersion(ifMatch, true);
  if (
    input.checklist === undefined &&
    input.ownerUserId === undefined &&
    input.status === undefined &&
    input.cancelReason === undefined
  ) {
    throw new AppError('VALIDATION_FAILED');
  }
  if (existing.version !== version) throw new AppError('PRECONDITION_FAILED');
  if (existing.status !== 'open') {
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: 'status',
          message: fieldMessage(
            'Diese Übergabe ist abgeschlossen und kann nicht mehr geändert werden.',
            'This handover is closed and can no longer be changed.',
          ),
        },
      ],
    });
  }

  const errors: FieldError[] = [];
  const checklist = existing.checklist.map((item) => ({ ...item }));
  const ticked: string[] = [];
  const unticked: string[] = [];
  (input.checklist ?? []).forEach((change, i) => {
    const item = checklist.find((c) => c.key === change.key);
    if (!item) {
      errors.push({
        path: `body.checklist.${i}.key`,
        message: fieldMessage(
          'Dieser Punkt gehört nicht zur Checkliste dieser Übergabe.',
          'This item is not on the checklist of this handover.',
        ),
      });
      return;
    }
    if (item.done === change.done) return;
    item.done = change.done;
    item.doneAt = change.done ? ctx.now.toISOString() : null;
    item.doneBy = change.done ? a.userId : null;
    (change.done ? ticked : unticked).push(change.key);
  });

  let ownerUserId = existing.ownerUserId;
  if (input.ownerUserId !== undefined) {
    if (input.ownerUserId !== null) {
      const colleagues = await listAgencyCaseworkers(db, a.agencyId);
      if (!colleagues.some((c) => c.id === input.ownerUserId)) {
        errors.push({
          path: 'body.ownerUserId',
          message: fieldMessage(
            'Bitte eine Kollegin oder einen Kollegen der eigenen Stelle auswählen.',
            'Please choose a colleague of your own agency.',
          ),
        });
      }
    }
    ownerUserId = input.ownerUserId;
  }

  if (input.cancelReason !== undefined && input.status !== 'cancelled') {
    errors.push({
      path: 'body.cancelReason',
      message: fieldMessage(
        'Ein Grund wird nur beim Abbrechen der Übergabe angegeben.',
        'A reason is given only when cancelling the handover.',
      ),
    });
  }
  if (input.status === 'cancelled' && input.cancelReason === undefined) {
    errors.push({
      path: 'body.cancelReason',
      message: fieldMessage('Bitte einen Grund für den Abbruch angeben.', 'Please give a reason for cancelling.'),
    });
  }
  if (input.status === 'done' && checklist.some((c) => !c.done)) {
    errors.push({
      path: 'body.status',
      message: fieldMessage(
        'Die Übergabe kann erst abgeschlossen werden, wenn alle Punkte der Checkliste erledigt sind.',
        'The handover can be completed only when every checklist item is done.',
      ),
    });
  }
  if (errors.length > 0) throw invalid(errors);

  const closing = input.status !== undefined;
  const row = await db.transaction(async (tx) => {
    const updated = await updateHandoverIfVersion(tx, handoverId, version, {
      checklist,
      ownerUserId,
      ...(closing ? { status: input.status, cancelReason: input.cancelReason ?? null, closedAt: ctx.now } : {}),
    });
    // Someone else's change committed between our read and this write.
    if (!updated) throw new AppError('PRECONDITION_FAILED');
    await recordAudit(tx, ctx, {
      type: 'legal.handover_updated',
      subjectType: 'person',
      subjectId: existing.personId,
      details: {
        handoverId,
        ticked,
        unticked,
        ownerChanged: ownerUserId !== existing.ownerUserId,
        status: updated.status,
        reason: input.status === 'cancelled' ? 'manual' : null,
        version: updated.version,
      },
    });
    return updated;
  });
  const [value] = await present(db, [row], todayIn(ctx.now));
  return { value: value!, etag: etagOf(row.version) };
}

/**
 * "Nobody falls through the gap": open, overdue or done handovers of the people the caller may
 * see, overdue first. Names appear only through the normal visibility (personVisibleTo); like the
 * agency's other worklists on residence data, the agency's category matrix must include them.
 */
export async function handoverBoardOf(
  db: Db,
  actor: Actor | null,
  query: HandoverBoardQuery,
  ctx: AuditContext,
): Promise<HandoverBoard> {
  const a = await check(db, actor, 'person.read');
  await assertMatrixCategory(db, a, residenceCategory);
  const today = todayIn(ctx.now);
  const { rows, total } = await handoverBoard(db, {
    visible: personVisibleTo(a, ctx.now),
    filter: query.status,
    today,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const handovers = await present(
    db,
    rows.map((r) => r.handover),
    today,
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'legal.handover_board_viewed',
      subjectType: 'legal_handover',
      details: { status: query.status, resultCount: rows.length },
    });
  });
  return {
    items: rows.map((r, i) => ({ person: presentPersonSummary(r), handover: handovers[i]! })),
    page: { page: query.page, pageSize: query.pageSize, total },
  };
}
