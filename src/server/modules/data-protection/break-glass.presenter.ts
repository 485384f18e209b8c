import type { BreakGlassGrant } from '../../../shared/contracts/break-glass';
import type { GrantRecord } from './break-glass.repository';

export function grantStatus(g: GrantRecord['grant'], now: Date): BreakGlassGrant['status'] {
  if (g.endedAt !== null && g.endedAt < g.expiresAt) return 'ended';
  return g.expiresAt > now ? 'active' : 'expired';
}

/** `named`: the viewer may see the person now, so the list may name it. */
export function presentGrant(r: GrantRecord, now: Date, named: boolean): BreakGlassGrant {
  const g = r.grant;
  return {
    id: g.id,
    person: {
      id: g.personId,
      givenNames: named ? r.person.givenNames : null,
      familyName: named ? r.person.familyName : null,
    },
    user: { id: r.user.id, displayName: r.user.displayName },
    agency: { id: r.agency.id, name: r.agency.name },
    reason: g.reason,
    grantedAt: g.grantedAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    endedAt: g.endedAt ? g.endedAt.toISOString() : null,
    status: grantStatus(g, now),
    review:
      g.reviewedAt && g.reviewOutcome
        ? {
            outcome: g.reviewOutcome === 'justified' ? 'justified' : 'not_justified',
            note: g.reviewNote,
            reviewedAt: g.reviewedAt.toISOString(),
            reviewedBy: r.reviewer ? { id: r.reviewer.id, displayName: r.reviewer.displayName } : null,
          }
        : null,
  };
}
