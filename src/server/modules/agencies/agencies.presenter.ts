import type { AgencyDetail, AgencySummary, CaseworkerScope } from '../../../shared/contracts/agencies';
import type { AgencyKind } from '../../../shared/contracts/common';
import type { AgencyCaseworker } from '../../../shared/contracts/colleagues';
import type { AgencyRow } from './agencies.repository';

export function presentAgencySummary(row: AgencyRow): AgencySummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as AgencyKind,
    shortMandate: row.shortMandate,
  };
}

export function presentAgencyDetail(
  row: AgencyRow,
  teams: { id: string; name: string; memberCount: number }[],
  staffCount: number,
): AgencyDetail {
  return {
    ...presentAgencySummary(row),
    mandate: row.mandate,
    legalBases: row.legalBases.map((b) => ({ norm: b.norm, description: b.description })),
    contact: {
      address: row.contact.address ?? null,
      phone: row.contact.phone ?? null,
      email: row.contact.email ?? null,
      openingHours: row.contact.openingHours ?? null,
    },
    teams: teams.map((t) => ({ id: t.id, name: t.name, memberCount: Number(t.memberCount) })),
    staffCount,
    caseworkerScope: row.caseworkerScope as CaseworkerScope,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentAgencyCaseworker(row: {
  id: string;
  displayName: string;
  team: string | null;
}): AgencyCaseworker {
  return { id: row.id, displayName: row.displayName, team: row.team };
}
