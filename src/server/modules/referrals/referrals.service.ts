import type {
  GroundOption,
  Referral,
  ReferralCreateRequest,
  ReferralCriteriaCheck,
  ReferralList,
  ReferralListQuery,
  ReferralSendRequest,
  ReferralTransitionRequest,
  ReferralUpdateRequest,
} from '../../../shared/contracts/referrals';
import { todayIn } from '../../../shared/domain/calendar-date';
import { checkCriterion, describeCriterion, type CriteriaFacts } from '../../../shared/domain/referrals/criteria';
import { decideTransition, type ReferralStatus } from '../../../shared/domain/referrals/referral-machine';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { assertPersonCategory, personAccess } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { criteriaFactsFor, criteriaFor } from './criteria-facts';
import { presentReferral, presentSummary, sidesOf, type ReferralRefs } from './referrals.presenter';
import {
  agencyRefs,
  casePersonId,
  eventsOfReferral,
  findRejectionReason,
  findVisibleReferral,
  groundsInForce,
  insertReferral,
  insertReferralEvent,
  listReferrals as listReferralRows,
  measureRefs,
  personNames,
  rejectionReasons,
  updateReferralIfVersion,
  userRefs,
  type ReferralRow,
} from './referrals.repository';

/**
 * Referrals between agencies and to measures (issue 9). A referral passes employment-profile data
 * (Kompetenzprofil) of the person to the receiving agency, so:
 * - creating, editing and sending need the person visible and the category employment_profile;
 * - sending needs a ground in force at that instant: a consent of the person naming the receiving
 *   agency and employment_profile, or a transfer on a legal basis to that agency covering it;
 * - the receiving agency's and the measure's criteria are checked before sending; failing
 *   criteria stop the send unless the sender confirms, which is recorded on the referral.
 * Every read and write is audited in the same transaction (details: ids, statuses, codes).
 */

const CATEGORY = 'employment_profile' as const;

const problem = (path: string, de: string, en: string): FieldError => ({ path, message: fieldMessage(de, en) });
const invalid = (errors: FieldError[]) => new AppError('VALIDATION_FAILED', { fieldErrors: errors });
const conflict = (errors: FieldError[]) => new AppError('CONFLICT', { fieldErrors: errors });

async function refsFor(db: Db, actor: Actor, rows: readonly ReferralRow[]): Promise<ReferralRefs> {
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const [agenciesById, measuresById, access, users] = await Promise.all([
    agencyRefs(
      db,
      rows.flatMap((r) => [r.fromAgencyId, r.toAgencyId]),
    ),
    measureRefs(
      db,
      rows.flatMap((r) => (r.measureId ? [r.measureId] : [])),
    ),
    personAccess(db, actor, personIds, actor.at),
    userRefs(db, []),
  ]);
  const names = await personNames(db, [...access.keys()]);
  return { agencies: agenciesById, measures: measuresById, personNames: names, users };
}

async function detail(db: Db, actor: Actor, row: ReferralRow, now: Date): Promise<Versioned<Referral>> {
  const today = todayIn(now);
  const [refs, events, reasons] = await Promise.all([
    refsFor(db, actor, [row]),
    eventsOfReferral(db, row.id),
    rejectionReasons(db),
  ]);
  const eventAgencies = await agencyRefs(
    db,
    events.flatMap((e) => (e.agencyId ? [e.agencyId] : [])),
  );
  const users = await userRefs(
    db,
    events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
  );
  const sides = sidesOf(row, actor.agencyId);
  let groundOptions: GroundOption[] = [];
  if (row.status === 'draft' && sides.includes('sender'))
    groundOptions = await groundsInForce(db, row.personId, row.toAgencyId, CATEGORY, now, today);
  const value = presentReferral(row, {
    refs: { ...refs, agencies: new Map([...refs.agencies, ...eventAgencies]), users },
    today,
    agencyId: actor.agencyId,
    events,
    reasons: new Map(reasons.map((r) => [r.code, r])),
    groundOptions,
  });
  return { value, etag: etagOf(row.version) };
}

async function visible(db: Db, actor: Actor, id: string): Promise<ReferralRow> {
  const row = await findVisibleReferral(db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function stale(current: ReferralRow | undefined): AppError {
  if (!current) return new AppError('NOT_FOUND');
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      problem(
        'version',
        `Die Vermittlung wurde inzwischen geändert (jetzt Stand ${current.version}). Bitte laden Sie sie neu.`,
        `The referral was changed in the meantime (now version ${current.version}). Please reload it.`,
      ),
    ],
  });
}

function notSender(): AppError {
  return new AppError('FORBIDDEN', {
    fieldErrors: [
      problem(
        'id',
        'Eine Vermittlung ändert und sendet nur die Stelle, die vermittelt.',
        'Only the referring agency edits and sends a referral.',
      ),
    ],
  });
}

function notDraft(status: string): AppError {
  return conflict([
    problem(
      'status',
      'Die Vermittlung ist bereits gesendet und kann nicht mehr geändert werden.',
      `The referral has already been sent (status ${status}) and can no longer be changed.`,
    ),
  ]);
}

/** Checks the receiving agency, the measure and the case of a referral; returns the problems. */
async function targetProblems(
  db: Db,
  actor: Actor,
  personId: string,
  input: { toAgencyId: string; measureId: string | null; caseId: string | null; followUpOn: string | null },
  today: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const agenciesById = await agencyRefs(db, [input.toAgencyId]);
  if (!agenciesById.has(input.toAgencyId))
    errors.push(problem('toAgencyId', 'Diese Stelle gibt es nicht.', 'This agency does not exist.'));
  else if (input.toAgencyId === actor.agencyId)
    errors.push(
      problem(
        'toAgencyId',
        'Eine Vermittlung geht an eine andere Stelle als Ihre eigene.',
        'A referral goes to an agency other than your own.',
      ),
    );
  if (input.measureId) {
    const measure = (await measureRefs(db, [input.measureId])).get(input.measureId);
    if (!measure || !measure.active)
      errors.push(
        problem(
          'measureId',
          'Diese Maßnahme gibt es nicht oder nicht mehr.',
          'This measure does not exist (any more).',
        ),
      );
    else if (measure.agencyId !== input.toAgencyId)
      errors.push(
        problem(
          'measureId',
          'Vermittlungen in diese Maßnahme nimmt eine andere Stelle an. Bitte die Stelle der Maßnahme wählen.',
          'Another agency receives referrals to this measure. Please choose the measure’s agency.',
        ),
      );
  }
  if (input.caseId) {
    const owner = await casePersonId(db, input.caseId);
    if (owner !== personId)
      errors.push(
        problem('caseId', 'Der Fall gehört nicht zu dieser Person.', 'The case does not belong to this person.'),
      );
    else await check(db, actor, 'case.read', [input.caseId]);
  }
  if (input.followUpOn && input.followUpOn < today)
    errors.push(
      problem(
        'followUpOn',
        'Die Wiedervorlage darf nicht in der Vergangenheit liegen.',
        'The follow-up date must not lie in the past.',
      ),
    );
  return errors;
}

/** The inbox or outbox of the actor's agency, filtered, sorted and paged. */
export async function listReferrals(
  db: Db,
  actor: Actor | null,
  query: ReferralListQuery,
  ctx: AuditContext,
): Promise<ReferralList> {
  const a = await check(db, actor, 'referral.read');
  const today = todayIn(ctx.now);
  const { rows, total } = await listReferralRows(db, a, query, today);
  const refs = await refsFor(db, a, rows);
  const filters = [...(query.status ? ['status'] : []), ...(query.overdue !== undefined ? ['overdue'] : [])];
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'referral.listed',
      details: { box: query.box, resultCount: rows.length, filters },
    });
  });
  return {
    items: rows.map((r) => presentSummary(r, refs, today)),
    page: { page: query.page, pageSize: query.pageSize, total },
  };
}

/** A draft referral of the person to another agency, optionally to one of its measures. */
export async function createReferral(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: ReferralCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<Referral>> {
  const a = await check(db, actor, 'referral.write');
  await check(db, a, 'person.read', [personId]);
  await assertPersonCategory(db, a, personId, CATEGORY, ctx.now);
  const today = todayIn(ctx.now);
  const target = {
    toAgencyId: input.toAgencyId,
    measureId: input.measureId ?? null,
    caseId: input.caseId ?? null,
    followUpOn: input.followUpOn ?? null,
  };
  const errors = await targetProblems(db, a, personId, target, today);
  if (errors.length) throw invalid(errors);
  const id = await db.transaction(async (tx) => {
    const referralId = await insertReferral(tx, {
      personId,
      fromAgencyId: a.agencyId,
      ...target,
      purpose: input.purpose,
      note: input.note ?? null,
      status: 'draft',
      createdAt: ctx.now,
      createdBy: a.userId,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    await insertReferralEvent(tx, {
      referralId,
      fromStatus: null,
      toStatus: 'draft',
      occurredAt: ctx.now,
      actorId: a.userId,
      agencyId: a.agencyId,
    });
    await recordAudit(tx, ctx, {
      type: 'referral.created',
      subjectType: 'person',
      subjectId: personId,
      details: { referralId, toAgencyId: target.toAgencyId, measureId: target.measureId },
    });
    return referralId;
  });
  return detail(db, a, await visible(db, a, id), ctx.now);
}

/** One referral, for the sending agency (drafts too) or the receiving one (once sent). */
export async function getReferral(
  db: Db,
  actor: Actor | null,
  id: string,
  ctx: AuditContext,
): Promise<Versioned<Referral>> {
  const a = await check(db, actor, 'referral.read');
  const row = await visible(db, a, id);
  const result = await detail(db, a, row, ctx.now);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'referral.viewed',
      subjectType: 'person',
      subjectId: row.personId,
      details: { referralId: row.id, status: row.status },
    });
  });
  return result;
}

/** The sender edits a draft (If-Match). */
export async function updateReferral(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: ReferralUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<Referral>> {
  const a = await check(db, actor, 'referral.write');
  const current = await visible(db, a, id);
  if (!sidesOf(current, a.agencyId).includes('sender')) throw notSender();
  const expected = ifMatchVersion(ifMatch, true);
  if (current.status !== 'draft') throw notDraft(current.status);
  if (Object.keys(input).length === 0)
    throw invalid([problem('body', 'Es wurde nichts geändert.', 'Nothing to change.')]);
  await assertPersonCategory(db, a, current.personId, CATEGORY, ctx.now);
  const next = {
    toAgencyId: input.toAgencyId ?? current.toAgencyId,
    measureId: input.measureId !== undefined ? input.measureId : current.measureId,
    caseId: input.caseId !== undefined ? input.caseId : current.caseId,
    followUpOn: input.followUpOn !== undefined ? input.followUpOn : current.followUpOn,
  };
  const errors = await targetProblems(db, a, current.personId, next, todayIn(ctx.now));
  if (errors.length) throw invalid(errors);
  if (current.version !== expected) throw stale(current);
  const changes = {
    ...next,
    ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
  const fields = Object.keys(input);
  const updated = await db.transaction(async (tx) => {
    const row = await updateReferralIfVersion(tx, id, expected, {
      ...changes,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!row) throw stale(await findVisibleReferral(tx, a, id));
    await recordAudit(tx, ctx, {
      type: 'referral.updated',
      subjectType: 'person',
      subjectId: row.personId,
      details: { referralId: id, fields, version: row.version },
    });
    return row;
  });
  return detail(db, a, updated, ctx.now);
}

/** The live check of the person's facts against the receiving agency's and the measure's criteria. */
async function liveCheck(db: Db, row: ReferralRow, today: string): Promise<ReferralCriteriaCheck> {
  const [criteria, facts] = await Promise.all([
    criteriaFor(db, row.toAgencyId, row.measureId),
    criteriaFactsFor(db, [row.personId], today),
  ]);
  const personFacts: CriteriaFacts = facts.get(row.personId) ?? {
    germanOverall: null,
    labourMarketAccess: null,
    age: null,
    highestIscedLevel: null,
    hasQualification: null,
    drivingLicences: null,
  };
  const results = [
    ...criteria.agency.map((c) => ({ c, source: 'agency' as const })),
    ...criteria.measure.map((c) => ({ c, source: 'measure' as const })),
  ].map(({ c, source }) => {
    const r = checkCriterion(c, personFacts);
    return { criterion: c, source, label: describeCriterion(c), outcome: r.outcome, explanation: r.explanation };
  });
  const outcome = results.some((r) => r.outcome === 'not_met')
    ? 'not_met'
    : results.some((r) => r.outcome === 'unknown')
      ? 'unknown'
      : 'met';
  return { asOf: today, outcome, results };
}

/** GET criteria-check: reads the person's employment profile, so the category is needed. */
export async function checkReferralCriteria(
  db: Db,
  actor: Actor | null,
  id: string,
  ctx: AuditContext,
): Promise<ReferralCriteriaCheck> {
  const a = await check(db, actor, 'referral.read');
  const row = await visible(db, a, id);
  await assertPersonCategory(db, a, row.personId, CATEGORY, ctx.now);
  const result = await liveCheck(db, row, todayIn(ctx.now));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'referral.criteria_checked',
      subjectType: 'person',
      subjectId: row.personId,
      details: {
        referralId: id,
        outcome: result.outcome,
        notMet: result.results.filter((r) => r.outcome === 'not_met').length,
        unknown: result.results.filter((r) => r.outcome === 'unknown').length,
      },
    });
  });
  return result;
}

async function refuse(
  db: Db,
  ctx: AuditContext,
  row: ReferralRow,
  reason: 'no_ground' | 'criteria_not_met',
  error: AppError,
): Promise<never> {
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'referral.send_refused',
      outcome: reason === 'no_ground' ? 'denied' : 'failure',
      subjectType: 'person',
      subjectId: row.personId,
      details: { referralId: row.id, reason },
    });
  });
  throw error;
}

/**
 * Sends a draft: the ground must be in force now for the receiving agency and employment_profile
 * (409 otherwise); failing criteria are 409 unless `sendDespiteFailing`, which is recorded. The
 * check at sending is stored with the referral.
 */
export async function sendReferral(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: ReferralSendRequest,
  ctx: AuditContext,
): Promise<Versioned<Referral>> {
  const a = await check(db, actor, 'referral.write');
  const current = await visible(db, a, id);
  if (!sidesOf(current, a.agencyId).includes('sender')) throw notSender();
  const expected = ifMatchVersion(ifMatch, true);
  if (current.status !== 'draft') throw notDraft(current.status);
  if (current.version !== expected) throw stale(current);
  await assertPersonCategory(db, a, current.personId, CATEGORY, ctx.now);
  const today = todayIn(ctx.now);
  const grounds = await groundsInForce(db, current.personId, current.toAgencyId, CATEGORY, ctx.now, today);
  const groundId = input.ground.kind === 'consent' ? input.ground.consentId : input.ground.transferId;
  const ground = grounds.find((g) => g.kind === input.ground.kind && g.id === groundId);
  if (!ground) {
    const to = (await agencyRefs(db, [current.toAgencyId])).get(current.toAgencyId)?.name ?? '';
    await refuse(
      db,
      ctx,
      current,
      'no_ground',
      conflict([
        problem(
          'ground',
          `Für die Übermittlung an ${to} fehlt eine Einwilligung oder Rechtsgrundlage: Die gewählte Einwilligung bzw. Übermittlung ist nicht (mehr) wirksam oder deckt das Kompetenzprofil für diese Stelle nicht ab.`,
          `Passing the data to ${to} lacks a consent or legal basis: the chosen consent or transfer is not (or no longer) in force or does not cover the employment profile for this agency.`,
        ),
      ]),
    );
  }
  const result = await liveCheck(db, current, today);
  const failing = result.results.filter((r) => r.outcome === 'not_met');
  if (failing.length > 0 && input.sendDespiteFailing !== true)
    await refuse(
      db,
      ctx,
      current,
      'criteria_not_met',
      conflict(
        failing.map((r) =>
          problem(
            'criteria',
            `Nicht erfüllt – ${r.explanation.de} Senden Sie trotzdem, wenn die aufnehmende Stelle darüber entscheiden soll.`,
            `Not met – ${r.explanation.en} Send anyway if the receiving agency is to decide.`,
          ),
        ),
      ),
    );
  const despite = failing.length > 0;
  const updated = await db.transaction(async (tx) => {
    const row = await updateReferralIfVersion(tx, id, expected, {
      status: 'sent',
      consentId: input.ground.kind === 'consent' ? groundId : null,
      transferId: input.ground.kind === 'transfer' ? groundId : null,
      criteriaCheck: [result],
      sentDespiteFailing: despite,
      sentAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!row) throw stale(await findVisibleReferral(tx, a, id));
    await insertReferralEvent(tx, {
      referralId: id,
      fromStatus: 'draft',
      toStatus: 'sent',
      occurredAt: ctx.now,
      actorId: a.userId,
      agencyId: a.agencyId,
      note: despite ? `Trotz nicht erfüllter Kriterien gesendet (${failing.map((r) => r.label.de).join('; ')}).` : null,
    });
    await recordAudit(tx, ctx, {
      type: 'referral.sent',
      subjectType: 'person',
      subjectId: row.personId,
      details: {
        referralId: id,
        toAgencyId: row.toAgencyId,
        groundKind: input.ground.kind,
        groundId,
        criteriaOutcome: result.outcome,
        sentDespiteFailing: despite,
        version: row.version,
      },
    });
    return row;
  });
  return detail(db, a, updated, ctx.now);
}

/** Accept, reject, start, complete, drop out or revoke, by the rules of the machine (If-Match). */
export async function transitionReferral(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: ReferralTransitionRequest,
  ctx: AuditContext,
): Promise<Versioned<Referral>> {
  const a = await check(db, actor, 'referral.write');
  const current = await visible(db, a, id);
  const expected = ifMatchVersion(ifMatch, true);
  const from = current.status as ReferralStatus;
  const decision = decideTransition(from, input.to, sidesOf(current, a.agencyId), input);
  if (!decision.ok) {
    if (decision.kind === 'not_allowed') throw conflict([{ path: 'to', message: decision.message }]);
    if (decision.kind === 'wrong_side')
      throw new AppError('FORBIDDEN', { fieldErrors: [{ path: 'to', message: decision.message }] });
    throw invalid(decision.problems.map((p) => ({ path: p.path, message: p.message })));
  }
  const today = todayIn(ctx.now);
  const errors: FieldError[] = [];
  if (input.to === 'rejected') {
    const reason = await findRejectionReason(db, input.reasonCode!);
    if (!reason || !reason.active)
      errors.push(
        problem('reasonCode', 'Diesen Ablehnungsgrund gibt es nicht.', 'This rejection reason does not exist.'),
      );
  }
  if (input.date && input.date > today)
    errors.push(problem('date', 'Das Datum darf nicht in der Zukunft liegen.', 'The date must not lie in the future.'));
  if (input.date && input.to !== 'started' && current.startedOn && input.date < current.startedOn)
    errors.push(
      problem('date', 'Das Ende liegt vor dem Beginn der Maßnahme.', 'The end lies before the start of the measure.'),
    );
  if (input.followUpOn && input.followUpOn < today)
    errors.push(
      problem(
        'followUpOn',
        'Die Wiedervorlage darf nicht in der Vergangenheit liegen.',
        'The follow-up date must not lie in the past.',
      ),
    );
  if (errors.length) throw invalid(errors);
  if (current.version !== expected) throw stale(current);
  const changes = {
    status: input.to,
    ...(input.followUpOn !== undefined ? { followUpOn: input.followUpOn } : {}),
    ...(input.to === 'accepted' || input.to === 'rejected' ? { decidedAt: ctx.now } : {}),
    ...(input.to === 'rejected' ? { rejectionReasonCode: input.reasonCode!, rejectionNote: input.note ?? null } : {}),
    ...(input.to === 'started' ? { startedOn: input.date! } : {}),
    ...(input.to === 'completed' || input.to === 'dropped_out' ? { endedOn: input.date ?? today } : {}),
  };
  const updated = await db.transaction(async (tx) => {
    const row = await updateReferralIfVersion(tx, id, expected, {
      ...changes,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!row) throw stale(await findVisibleReferral(tx, a, id));
    await insertReferralEvent(tx, {
      referralId: id,
      fromStatus: from,
      toStatus: input.to,
      occurredAt: ctx.now,
      actorId: a.userId,
      agencyId: a.agencyId,
      reasonCode: input.to === 'rejected' ? input.reasonCode! : null,
      note: input.note ?? null,
    });
    await recordAudit(tx, ctx, {
      type: 'referral.transitioned',
      subjectType: 'person',
      subjectId: row.personId,
      details: {
        referralId: id,
        fromStatus: from,
        toStatus: input.to,
        reasonCode: input.to === 'rejected' ? input.reasonCode! : null,
        version: row.version,
      },
    });
    return row;
  });
  return detail(db, a, updated, ctx.now);
}
