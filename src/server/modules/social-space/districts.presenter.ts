import type {
  ClientCount,
  DistrictDetail,
  DistrictGeometryDto,
  DistrictStaffMember,
  DistrictSummary,
} from '../../../shared/contracts/districts';
import type { Geometry } from '../../../shared/domain/social-space/geo';
import type { DistrictGeometry } from '../../db/schema';
import type { DistrictRow } from './districts.repository';

/** A stored outline as GeoJSON positions [lon, lat] (every write validates it: seed, outline import). */
export function outlineOf(geometry: DistrictGeometry | null): (DistrictGeometryDto & Geometry) | null {
  return geometry;
}

/** Counts of 1 to 4 people are not shown: a small group in a district could be singled out. */
export const SUPPRESS_BELOW = 5;

export function suppressSmallCount(n: number): ClientCount {
  return n > 0 && n < SUPPRESS_BELOW ? { count: null, suppressed: true } : { count: n, suppressed: false };
}

export type DistrictFigures = {
  staffCount: number;
  clients: number;
  resourceCount: number;
  lastExploredOn: string | null;
};

export function presentDistrictSummary(row: DistrictRow, f: DistrictFigures): DistrictSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    borough: row.borough,
    population: row.population,
    populationAsOf: row.populationAsOf,
    explorationCadenceDays: row.explorationCadenceDays,
    staffCount: f.staffCount,
    clients: suppressSmallCount(f.clients),
    resourceCount: f.resourceCount,
    lastExploredOn: f.lastExploredOn,
    hasOutline: row.geometry !== null,
    version: row.version,
  };
}

export function presentStaffMember(s: {
  userId: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  assignedAt: Date;
}): DistrictStaffMember {
  return {
    userId: s.userId,
    displayName: s.displayName,
    agencyId: s.agencyId,
    agencyName: s.agencyName,
    assignedAt: s.assignedAt.toISOString(),
  };
}

export function presentDistrictDetail(
  row: DistrictRow,
  f: DistrictFigures,
  staff: DistrictStaffMember[],
): DistrictDetail {
  return { ...presentDistrictSummary(row, f), geometry: outlineOf(row.geometry), staff };
}
