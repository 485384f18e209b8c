import { hasDeliveryProblem } from '../../../shared/contracts/addresses';
import type {
  ExplorationDetail,
  ExplorationFollowUp,
  ExplorationSummary,
} from '../../../shared/contracts/explorations';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { Actor } from '../../platform/access/actor';
import { factsOf, type AddressRow } from './address-register';
import type { ExplorationRecord, FollowUpRecord } from './explorations.repository';

export function presentExplorationSummary(r: ExplorationRecord): ExplorationSummary {
  const e = r.exploration;
  return {
    id: e.id,
    version: e.version,
    exploredOn: e.exploredOn,
    district: { id: r.district.id, name: r.district.name },
    agency: { id: r.agency.id, name: r.agency.name },
    createdBy: { id: r.createdBy.id, displayName: r.createdBy.displayName },
    participantCount: e.participants.length,
    resourceCount: r.resourceCount,
    addressCount: r.addressCount,
    openFollowUps: r.openFollowUps,
  };
}

export function presentFollowUp(r: FollowUpRecord, actor: Actor, now: Date): ExplorationFollowUp {
  const f = r.followUp;
  const status = f.status === 'done' ? 'done' : 'open';
  return {
    id: f.id,
    version: f.version,
    title: f.title,
    description: f.description,
    status,
    dueDate: f.dueDate,
    overdue: status === 'open' && f.dueDate !== null && f.dueDate < todayIn(now),
    assignee: {
      agency: { id: r.agency.id, name: r.agency.name },
      user: r.user ? { id: r.user.id, displayName: r.user.displayName } : null,
    },
    exploration: {
      id: r.exploration.id,
      exploredOn: r.exploration.exploredOn,
      district: { id: r.exploration.district.id, name: r.exploration.district.name },
    },
    completedAt: f.completedAt ? f.completedAt.toISOString() : null,
    completedBy: r.completedBy ? { id: r.completedBy.id, displayName: r.completedBy.displayName } : null,
    mayChange: actor.agencyId === f.assigneeAgencyId,
  };
}

export function presentExplorationDetail(
  r: ExplorationRecord,
  parts: {
    resources: { service: { id: string; name: string }; change: string; note: string | null }[];
    addresses: { address: AddressRow }[];
    followUps: FollowUpRecord[];
    serviceNames: Map<string, string>;
  },
  actor: Actor,
  now: Date,
): ExplorationDetail {
  const e = r.exploration;
  return {
    ...presentExplorationSummary(r),
    participants: e.participants.map((p) => ({ userId: p.userId, name: p.name, organisation: p.organisation })),
    route: e.route,
    findings: e.findings,
    stakeholders: e.stakeholders.map((s) => {
      const name = s.serviceId ? parts.serviceNames.get(s.serviceId) : undefined;
      return {
        name: s.name,
        role: s.role,
        organisation: s.organisation,
        service: s.serviceId && name ? { id: s.serviceId, name } : null,
      };
    }),
    resources: parts.resources.map((x) => ({
      service: { id: x.service.id, name: x.service.name },
      change: x.change === 'discovered' ? 'discovered' : 'updated',
      note: x.note,
    })),
    addresses: parts.addresses.map(({ address: a }) => {
      const facts = factsOf(a);
      return {
        id: a.id,
        label: `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city}`,
        mailDelivery: facts.mailDelivery,
        mailboxPresent: facts.mailboxPresent,
        problem: hasDeliveryProblem(facts),
      };
    }),
    followUps: parts.followUps.map((f) => presentFollowUp(f, actor, now)),
    mayChange: actor.agencyId === e.agencyId,
  };
}
