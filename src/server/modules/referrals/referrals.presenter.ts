import type {
  GroundOption,
  Referral,
  ReferralCriteriaCheck,
  ReferralSummary,
} from '../../../shared/contracts/referrals';
import {
  availableTransitions,
  isOverdue,
  mayEdit,
  maySend,
  type ReferralSide,
  type ReferralStatus,
} from '../../../shared/domain/referrals/referral-machine';
import type { MeasureRef, Ref, ReferralEventRow, ReferralRow, RejectionReasonRow } from './referrals.repository';

/** Names the presenter may show; a person missing from `personNames` is shown without name. */
export type ReferralRefs = {
  agencies: ReadonlyMap<string, Ref>;
  measures: ReadonlyMap<string, MeasureRef>;
  /** Only people whose identity the caller may see. */
  personNames: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, { id: string; displayName: string }>;
};

const ref = (m: ReadonlyMap<string, Ref>, id: string): Ref => {
  const r = m.get(id);
  return { id, name: r?.name ?? '' };
};

export function sidesOf(row: ReferralRow, agencyId: string): ReferralSide[] {
  const sides: ReferralSide[] = [];
  if (row.fromAgencyId === agencyId) sides.push('sender');
  if (row.toAgencyId === agencyId && row.status !== 'draft') sides.push('receiver');
  return sides;
}

export function presentSummary(row: ReferralRow, refs: ReferralRefs, today: string): ReferralSummary {
  const name = refs.personNames.get(row.personId);
  const measure = row.measureId ? refs.measures.get(row.measureId) : undefined;
  return {
    id: row.id,
    status: row.status as ReferralStatus,
    person: name === undefined ? null : { id: row.personId, name },
    fromAgency: ref(refs.agencies, row.fromAgencyId),
    toAgency: ref(refs.agencies, row.toAgencyId),
    measure: measure ? { id: measure.id, title: measure.title } : null,
    purpose: row.purpose,
    followUpOn: row.followUpOn,
    overdue: isOverdue(row.status as ReferralStatus, row.followUpOn, today),
    sentDespiteFailing: row.sentDespiteFailing,
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The stored check at sending: `criteria_check` holds `{ asOf, outcome, results }` as one element. */
export function storedCheck(row: ReferralRow): ReferralCriteriaCheck | null {
  const first = row.criteriaCheck?.[0];
  return first ? (first as unknown as ReferralCriteriaCheck) : null;
}

export function presentReferral(
  row: ReferralRow,
  input: {
    refs: ReferralRefs;
    today: string;
    agencyId: string;
    events: readonly ReferralEventRow[];
    reasons: ReadonlyMap<string, RejectionReasonRow>;
    groundOptions: readonly GroundOption[];
  },
): Referral {
  const sides = sidesOf(row, input.agencyId);
  const status = row.status as ReferralStatus;
  const reason = row.rejectionReasonCode ? input.reasons.get(row.rejectionReasonCode) : undefined;
  const ground = row.consentId
    ? { kind: 'consent' as const, id: row.consentId }
    : row.transferId
      ? { kind: 'transfer' as const, id: row.transferId }
      : null;
  return {
    ...presentSummary(row, input.refs, input.today),
    personId: row.personId,
    caseId: sides.includes('sender') ? row.caseId : null,
    note: row.note,
    ground,
    criteriaCheck: storedCheck(row),
    rejectionReason: row.rejectionReasonCode
      ? {
          code: row.rejectionReasonCode,
          label: { de: reason?.labelDe ?? row.rejectionReasonCode, en: reason?.labelEn ?? row.rejectionReasonCode },
        }
      : null,
    rejectionNote: row.rejectionNote,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    sides,
    actions: {
      edit: mayEdit(status, sides),
      send: maySend(status, sides),
      transitions: availableTransitions(status, sides),
    },
    groundOptions: [...input.groundOptions],
    events: input.events.map((e) => {
      const user = e.actorId ? input.refs.users.get(e.actorId) : undefined;
      return {
        id: e.id,
        fromStatus: (e.fromStatus as ReferralStatus | null) ?? null,
        toStatus: e.toStatus as ReferralStatus,
        occurredAt: e.occurredAt.toISOString(),
        actor: user ? { id: user.id, displayName: user.displayName } : null,
        agency: e.agencyId ? ref(input.refs.agencies, e.agencyId) : null,
        reasonCode: e.reasonCode,
        note: e.note,
      };
    }),
  };
}
