import type { Household } from '../../../shared/contracts/households';
import { presentPersonSummary } from './people.presenter';
import type { HouseholdRecord } from './households.repository';

type Member = Household['members'][number];

/** A membership is current while it has no end or ends today or later (as on the person's page). */
export const isCurrentMembership = (validUntil: string | null, today: string) =>
  validUntil === null || validUntil >= today;

const byDesc = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? 1 : -1;

/** How a household is read out: the head, the partner, the children, then the wider family. */
const relationshipRank: Record<Member['relationship'], number> = {
  head: 0,
  spouse: 1,
  partner: 1,
  child: 2,
  parent: 3,
  sibling: 4,
  other: 5,
};

/**
 * Current members first — the head first, then by relationship, then in the order they joined —
 * then past memberships, the most recently ended first.
 */
function memberOrder(x: Member, y: Member): number {
  if (x.current !== y.current) return x.current ? -1 : 1;
  if (x.current) {
    return (
      relationshipRank[x.relationship] - relationshipRank[y.relationship] ||
      x.validFrom.localeCompare(y.validFrom) ||
      x.id.localeCompare(y.id)
    );
  }
  return byDesc(x.validUntil, y.validUntil) || byDesc(x.validFrom, y.validFrom) || x.id.localeCompare(y.id);
}

/** Whitelists a household; `today` (Europe/Berlin) decides which memberships are current. */
export function presentHousehold(r: HouseholdRecord, today: string): Household {
  const members: Member[] = r.members.map(({ member, person }) => ({
    id: member.id,
    person: presentPersonSummary({ person }),
    relationship: member.relationship as Member['relationship'],
    validFrom: member.validFrom,
    validUntil: member.validUntil,
    endReason: member.endReason,
    current: isCurrentMembership(member.validUntil, today),
  }));
  return {
    id: r.household.id,
    version: r.household.version,
    kind: r.household.kind as Household['kind'],
    name: r.household.name,
    members: members.sort(memberOrder),
    registeredBy: { id: r.agency.id, name: r.agency.name },
    createdAt: r.household.createdAt.toISOString(),
    updatedAt: r.household.updatedAt.toISOString(),
  };
}
