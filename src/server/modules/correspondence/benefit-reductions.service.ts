import { and, eq } from 'drizzle-orm';
import type {
  BenefitReduction,
  BenefitReductionCheckRequest,
  BenefitReductionCreateRequest,
  BenefitReductionList,
  GuardResultDto,
} from '../../../shared/contracts/benefit-reductions';
import { todayIn } from '../../../shared/domain/calendar-date';
import { addDays } from '../../../shared/domain/cases/appointment-rules';
import {
  evaluateSanctionGuard,
  secondChannelTaskTitle,
  type GuardResult,
  type ReductionReason,
} from '../../../shared/domain/correspondence/sanction-guard';
import type { Db } from '../../db/client';
import { benefitReductions } from '../../db/schema';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { assertPersonCategory } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { assertCaseOpen } from '../cases/case-records.policy';
import { recordCaseEvent } from '../cases/case-timeline';
import { presentBenefitReduction } from './benefit-reductions.presenter';
import {
  BENEFIT_AGENCY_KINDS,
  SOCIAL_WORK_AGENCY_KINDS,
  currentAddressFacts,
  findAppointmentOfCase,
  findCase,
  hasPhoneContact,
  insertReduction,
  insertSecondChannelTask,
  invitationLettersOf,
  reductionsOfCase,
  teamAgencies,
  type AppointmentFacts,
  type CaseFacts,
} from './benefit-reductions.repository';

/**
 * Reductions of benefits (Leistungsminderung) behind the sanction guard
 * (shared/domain/correspondence/sanction-guard.ts). A reduction is benefits data: the caller needs
 * the category `benefits` of the case's person. Recording a decision is for the agencies that
 * decide benefits: the case's lead agency, or a Jobcenter or Sozialamt on the current team
 * (others: 403). The guard is always evaluated on the server, inside the transaction that records
 * the decision — a client's earlier check is never trusted, so a direct POST cannot complete a
 * reduction the guard blocks.
 */

const CLOSED = {
  de: 'Eine Leistungsminderung kann dann nicht mehr festgehalten werden.',
  en: 'A reduction of benefits can then no longer be recorded.',
};

/** The case, visible to the actor, and the actor's right to see its person's benefits data. */
async function caseWithBenefits(db: Db, actor: Actor, caseId: string, now: Date): Promise<CaseFacts> {
  const c = await findCase(db, caseId);
  if (!c) throw new AppError('NOT_FOUND');
  await assertPersonCategory(db, actor, c.personId, 'benefits', now);
  return c;
}

async function appointmentOf(db: Db, caseId: string, appointmentId: string): Promise<AppointmentFacts> {
  const appt = await findAppointmentOfCase(db, caseId, appointmentId);
  if (!appt) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'appointmentId',
          message: fieldMessage(
            'Der Termin gehört nicht zu diesem Fall.',
            'The appointment does not belong to this case.',
          ),
        },
      ],
    });
  }
  return appt;
}

/** Gathers the facts and evaluates the guard (in the caller's transaction when given one). */
async function evaluate(
  db: Db,
  c: CaseFacts,
  reason: ReductionReason,
  appt: AppointmentFacts,
  now: Date,
): Promise<GuardResult> {
  const team = await teamAgencies(db, c.id);
  return evaluateSanctionGuard({
    reason,
    appointment: { id: appt.id, status: appt.status, startsAt: appt.startsAt.toISOString() },
    letters: await invitationLettersOf(db, appt.id),
    currentAddress: await currentAddressFacts(db, c.personId, todayIn(now)),
    possible: {
      phone: await hasPhoneContact(db, c.personId),
      socialWorker: team.some((t) => (SOCIAL_WORK_AGENCY_KINDS as readonly string[]).includes(t.kind)),
    },
  });
}

const failedCodes = (g: GuardResult) => g.findings.filter((f) => !f.met).map((f) => f.code);

/** The guard's result for a planned reduction; writes nothing but the audit row of the read. */
export async function checkBenefitReduction(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: BenefitReductionCheckRequest,
  ctx: AuditContext,
): Promise<GuardResultDto> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const c = await caseWithBenefits(db, a, caseId, ctx.now);
  return db.transaction(async (tx) => {
    const appt = await appointmentOf(tx, caseId, input.appointmentId);
    const result = await evaluate(tx, c, input.reason, appt, ctx.now);
    await recordAudit(tx, ctx, {
      type: 'benefit_reduction.checked',
      subjectType: 'person',
      subjectId: c.personId,
      details: { caseId, appointmentId: appt.id, allowed: result.allowed, failed: failedCodes(result) },
    });
    return result;
  });
}

/**
 * Records the decision: `completed` when the guard allows the reduction; otherwise `blocked`,
 * which needs a second channel from the guard's proposals and creates a case task for it.
 */
export async function recordBenefitReduction(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: BenefitReductionCreateRequest,
  ctx: AuditContext,
): Promise<BenefitReduction> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const c = await caseWithBenefits(db, a, caseId, ctx.now);
  const team = await teamAgencies(db, caseId);
  const own = team.find((t) => t.id === a.agencyId);
  const decides =
    c.leadAgencyId === a.agencyId ||
    (own !== undefined && (BENEFIT_AGENCY_KINDS as readonly string[]).includes(own.kind));
  if (!decides) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'caseId',
          message: fieldMessage(
            'Eine Leistungsminderung hält nur die federführende Stelle oder ein Jobcenter bzw. Sozialamt im Fallteam fest.',
            'Only the lead agency or a Jobcenter or Sozialamt on the case team records a reduction of benefits.',
          ),
        },
      ],
    });
  }
  await assertCaseOpen(db, caseId, CLOSED);

  const id = await db.transaction(async (tx) => {
    await assertCaseOpen(tx, caseId, CLOSED);
    const appt = await appointmentOf(tx, caseId, input.appointmentId);
    const [done] = await tx
      .select({ id: benefitReductions.id })
      .from(benefitReductions)
      .where(and(eq(benefitReductions.appointmentId, appt.id), eq(benefitReductions.status, 'completed')))
      .limit(1);
    if (done) {
      throw new AppError('CONFLICT', {
        fieldErrors: [
          {
            path: 'appointmentId',
            message: fieldMessage(
              'Für diesen Termin ist bereits eine Leistungsminderung festgehalten.',
              'A reduction of benefits is already recorded for this appointment.',
            ),
          },
        ],
      });
    }
    // Evaluated again here, whatever the client checked before.
    const guard = await evaluate(tx, c, input.reason, appt, ctx.now);
    let secondChannel = null;
    if (!guard.allowed) {
      const offered = guard.proposals.map((p) => p.channel);
      if (input.secondChannel === null || !offered.includes(input.secondChannel)) {
        throw new AppError('VALIDATION_FAILED', {
          fieldErrors: [
            {
              path: 'secondChannel',
              message:
                input.secondChannel === null
                  ? fieldMessage(
                      'Die Leistungsminderung ist gesperrt: Bitte einen zweiten Zustellweg wählen, über den die Einladung die Person sicher erreicht.',
                      'The reduction is blocked: please choose a second channel that reliably reaches the person.',
                    )
                  : fieldMessage(
                      'Dieser Zustellweg ist für diese Person nicht möglich. Bitte einen der vorgeschlagenen Wege wählen.',
                      'This channel is not possible for this person. Please choose one of the proposed channels.',
                    ),
            },
          ],
        });
      }
      secondChannel = input.secondChannel;
    }
    const status = guard.allowed ? 'completed' : 'blocked';
    const reductionId = await insertReduction(tx, {
      caseId,
      personId: c.personId,
      agencyId: a.agencyId,
      reason: input.reason,
      description: input.description || null,
      appointmentId: appt.id,
      letterId: guard.letterId,
      status,
      guard,
      secondChannel,
      decisionNote: input.decisionNote || null,
      decidedAt: ctx.now,
      decidedBy: a.userId,
    });
    let taskId: string | null = null;
    if (secondChannel !== null) {
      const social = team.find((t) => (SOCIAL_WORK_AGENCY_KINDS as readonly string[]).includes(t.kind));
      const viaSocial = secondChannel === 'social_worker' && social !== undefined;
      taskId = await insertSecondChannelTask(tx, {
        caseId,
        title: secondChannelTaskTitle(secondChannel),
        description: `Termin „${appt.title}“ vom ${appt.startsAt.toISOString().slice(0, 10)}: Die Zustellung der Einladung ist nicht nachgewiesen; eine Leistungsminderung ist gesperrt.`,
        agencyId: viaSocial ? social.id : a.agencyId,
        userId: viaSocial ? null : a.userId,
        dueDate: addDays(todayIn(ctx.now), 3),
        reductionId,
        now: ctx.now,
      });
    }
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'benefit_reduction_recorded',
      details: { reductionId, status },
    });
    await recordAudit(tx, ctx, {
      type: 'benefit_reduction.recorded',
      subjectType: 'person',
      subjectId: c.personId,
      details: { reductionId, appointmentId: appt.id, status, failed: failedCodes(guard), secondChannel, taskId },
    });
    return reductionId;
  });
  const [record] = await reductionsOfCase(db, caseId, id);
  return presentBenefitReduction(record!);
}

export async function listBenefitReductions(
  db: Db,
  actor: Actor | null,
  caseId: string,
  ctx: AuditContext,
): Promise<BenefitReductionList> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const c = await caseWithBenefits(db, a, caseId, ctx.now);
  return db.transaction(async (tx) => {
    const rows = await reductionsOfCase(tx, caseId);
    await recordAudit(tx, ctx, {
      type: 'benefit_reduction.listed',
      subjectType: 'person',
      subjectId: c.personId,
      details: { resultCount: rows.length },
    });
    return { items: rows.map(presentBenefitReduction) };
  });
}
