import type { Measure, MeasureKind } from '../../../shared/contracts/measures';
import { criteriaSchema, describeCriterion, type Criterion } from '../../../shared/domain/referrals/criteria';
import { hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import type { MeasureRecord } from './measures.repository';

/** Stored criteria as data; entries that no longer parse (e.g. an older shape) are left out. */
export function storedCriteria(stored: readonly Record<string, unknown>[] | null | undefined): Criterion[] {
  if (!stored) return [];
  const whole = criteriaSchema.safeParse(stored);
  if (whole.success) return whole.data;
  return stored.flatMap((c) => {
    const one = criteriaSchema.safeParse([c]);
    return one.success ? one.data : [];
  });
}

export const describedCriteria = (criteria: readonly Criterion[]) =>
  criteria.map((criterion) => ({ criterion, description: describeCriterion(criterion) }));

/** Team leads and agency administrators keep the measures their own agency receives. */
export function mayManageMeasure(actor: Actor, agencyId: string): boolean {
  return hasPermission(actor, 'measure.manage') && actor.agencyId === agencyId;
}

/** The whitelist of a measure's fields for the API. */
export function presentMeasure(r: MeasureRecord, actor: Actor): Measure {
  const m = r.measure;
  return {
    id: m.id,
    kind: m.kind as MeasureKind,
    title: m.title,
    description: m.description,
    provider: m.provider,
    agency: { id: m.agencyId, name: r.agencyName },
    places: m.places,
    occupiedPlaces: r.occupiedPlaces,
    freePlaces: m.places === null ? null : Math.max(0, m.places - r.occupiedPlaces),
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    location: m.location,
    district: m.districtId && r.districtName ? { id: m.districtId, name: r.districtName } : null,
    criteria: describedCriteria(storedCriteria(m.criteria)),
    active: m.active,
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
    mayManage: mayManageMeasure(actor, m.agencyId),
  };
}
