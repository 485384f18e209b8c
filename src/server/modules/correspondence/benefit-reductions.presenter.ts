import type { BenefitReduction, GuardResultDto } from '../../../shared/contracts/benefit-reductions';
import type { ReductionReason, SecondChannel } from '../../../shared/domain/correspondence/sanction-guard';
import type { BenefitReductionRecord } from './benefit-reductions.repository';

/** Whitelists a reduction decision; the stored guard result is presented as recorded. */
export function presentBenefitReduction(r: BenefitReductionRecord): BenefitReduction {
  const b = r.reduction;
  return {
    id: b.id,
    caseId: b.caseId,
    agency: r.agency,
    reason: b.reason as ReductionReason,
    description: b.description,
    appointment: r.appointment
      ? { id: r.appointment.id, title: r.appointment.title, startsAt: r.appointment.startsAt.toISOString() }
      : null,
    letterId: b.letterId,
    status: b.status as BenefitReduction['status'],
    guard: b.guard as unknown as GuardResultDto,
    secondChannel: b.secondChannel as SecondChannel | null,
    taskId: r.taskId,
    decisionNote: b.decisionNote,
    decidedAt: b.decidedAt.toISOString(),
    decidedBy: r.decidedBy,
  };
}
