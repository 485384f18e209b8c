import type {
  Case,
  CaseListItem,
  CasePhase,
  CaseTeamMember,
  CaseTeamRole,
  CaseTimelineEvent,
  ClosureReason,
} from '../../../shared/contracts/cases';
import { dataCategories, type DataCategory } from '../../../shared/domain/data-protection/data-categories';
import type { Actor } from '../../platform/access/actor';
import { presentPersonSummary } from '../people/people.presenter';
import { mayReassign, steers } from './cases.policy';
import type { CaseListRow, CaseRecord, TeamMemberEntry, TimelineRow } from './cases.repository';

export function presentTeamMember(e: TeamMemberEntry): CaseTeamMember {
  return {
    id: e.member.id,
    agency: { id: e.agency.id, name: e.agency.name },
    user: e.user ? { id: e.user.id, displayName: e.user.displayName } : null,
    role: e.member.role as CaseTeamRole,
    joinedAt: e.member.joinedAt.toISOString(),
    leftAt: e.member.leftAt?.toISOString() ?? null,
    current: e.member.leftAt === null,
    basis: {
      kind: e.member.consentId ? 'consent' : e.member.legalBasis ? 'legal_basis' : 'own',
      consentId: e.member.consentId,
      consentInForce: e.member.consentId ? e.consentInForce : null,
      legalBasis: e.member.legalBasis,
    },
  };
}

const roleRank: Record<string, number> = { lead: 0, participant: 1, consulted: 2 };

/** Current members first (lead, participants, consulted; by joining), then former ones, most recently left first. */
function orderTeam(team: readonly TeamMemberEntry[]): TeamMemberEntry[] {
  return [...team].sort((x, y) => {
    const [xl, yl] = [x.member.leftAt, y.member.leftAt];
    if ((xl === null) !== (yl === null)) return xl === null ? -1 : 1;
    if (xl !== null && yl !== null && xl.getTime() !== yl.getTime()) return yl.getTime() - xl.getTime();
    return (
      (roleRank[x.member.role] ?? 9) - (roleRank[y.member.role] ?? 9) ||
      x.member.joinedAt.getTime() - y.member.joinedAt.getTime() ||
      x.member.id.localeCompare(y.member.id)
    );
  });
}

/** Whitelists a case for a member of its team; `actions` tell the caller what they may do with it. */
export function presentCase(r: CaseRecord, actor: Actor, categories: ReadonlySet<DataCategory>): Case {
  const c = r.case;
  return {
    id: c.id,
    reference: c.reference,
    version: c.version,
    title: c.title,
    phase: c.phase as CasePhase,
    person: presentPersonSummary(r),
    household: r.household
      ? { id: r.household.id, kind: r.household.kind as 'household' | 'bedarfsgemeinschaft', name: r.household.name }
      : null,
    lead: {
      user: { id: r.leadUser.id, displayName: r.leadUser.displayName },
      agency: { id: r.leadAgency.id, name: r.leadAgency.name },
    },
    team: orderTeam(r.team).map(presentTeamMember),
    closure:
      c.phase === 'closure' && c.closureReason && c.closedAt
        ? {
            reason: c.closureReason as ClosureReason,
            outcome: c.closureOutcome ?? '',
            closedAt: c.closedAt.toISOString(),
          }
        : null,
    conditions: { assessmentCompleted: r.assessmentCompleted },
    actions: { steer: steers(actor, c.leadAgencyId), reassign: mayReassign(actor, c.leadAgencyId) },
    access: {
      categories: dataCategories.filter((k) => categories.has(k)),
      withheld: dataCategories.filter((k) => !categories.has(k)),
    },
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentCaseListItem(r: CaseListRow): CaseListItem {
  const c = r.case;
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    phase: c.phase as CasePhase,
    person: presentPersonSummary(r),
    lead: {
      user: { id: r.leadUser.id, displayName: r.leadUser.displayName },
      agency: { id: r.leadAgency.id, name: r.leadAgency.name },
    },
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

type DetailValue = CaseTimelineEvent['details'][string];

/** Only scalar codes, ids and counts (and lists of codes) leave the details column. */
function presentDetails(details: Record<string, unknown>): Record<string, DetailValue> {
  const out: Record<string, DetailValue> = {};
  for (const [k, v] of Object.entries(details)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v;
  }
  return out;
}

/** What a timeline entry refers to, resolved by the timeline use case. */
export type TimelineRefs = {
  members: Map<string, TeamMemberEntry>;
  users: Map<string, { id: string; displayName: string }>;
  agencies: Map<string, { id: string; name: string }>;
};

const str = (v: unknown) => (typeof v === 'string' ? v : null);

export function presentTimelineEvent(row: TimelineRow, refs: TimelineRefs): CaseTimelineEvent {
  const e = row.event;
  const d = e.details;
  const memberId = str(d.memberId);
  const member = memberId ? refs.members.get(memberId) : undefined;
  let leadChange: CaseTimelineEvent['leadChange'] = null;
  if (e.kind === 'reassigned') {
    const [fu, tu, fa, ta] = [str(d.fromUserId), str(d.toUserId), str(d.fromAgencyId), str(d.toAgencyId)];
    const [fromUser, toUser] = [fu ? refs.users.get(fu) : undefined, tu ? refs.users.get(tu) : undefined];
    const [fromAgency, toAgency] = [fa ? refs.agencies.get(fa) : undefined, ta ? refs.agencies.get(ta) : undefined];
    if (fromUser && toUser && fromAgency && toAgency) {
      leadChange = { from: { user: fromUser, agency: fromAgency }, to: { user: toUser, agency: toAgency } };
    }
  }
  const closureReason = e.kind === 'phase_changed' && e.toPhase === 'closure' ? str(d.closureReason) : null;
  return {
    id: e.id,
    kind: e.kind,
    occurredAt: e.occurredAt.toISOString(),
    actor: row.actor,
    agency: row.agency,
    fromPhase: (e.fromPhase as CasePhase | null) ?? null,
    toPhase: (e.toPhase as CasePhase | null) ?? null,
    note: e.note,
    closureReason: closureReason as ClosureReason | null,
    member: member ? presentTeamMember(member) : null,
    leadChange,
    details: presentDetails(d),
  };
}
