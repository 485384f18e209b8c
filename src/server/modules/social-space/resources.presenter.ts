import type {
  ResourceDetail,
  ResourceLocation,
  ResourceStatus,
  ResourceSummary,
  TaxonomyTerm,
  WeekDay,
} from '../../../shared/contracts/resources';
import { daysBetween } from '../../../shared/domain/calendar-date';
import type { LocationEntry, OrganizationRow, ServiceRow, TaxonomyRow } from './resources.repository';

/** An entry not verified for more than this many days shows "nicht mehr geprüft seit …". */
export const VERIFICATION_OVERDUE_DAYS = 365;

/** Never verified, or verified more than 12 months before `today`. */
export function verificationOverdue(verifiedOn: string | null, today: string): boolean {
  return verifiedOn === null || daysBetween(verifiedOn, today) > VERIFICATION_OVERDUE_DAYS;
}

export function presentTaxonomyTerm(row: TaxonomyRow): TaxonomyTerm {
  return { id: row.id, code: row.code, name: row.name, nameEn: row.nameEn, description: row.description };
}

export function presentLocation(entry: LocationEntry): ResourceLocation {
  const l = entry.location;
  return {
    id: l.id,
    name: l.name,
    addressId: l.addressId,
    street: entry.address?.street ?? null,
    houseNumber: entry.address?.houseNumber ?? null,
    postalCode: entry.address?.postalCode ?? null,
    city: entry.address?.city ?? null,
    district: entry.district,
    point: l.latitude !== null && l.longitude !== null ? { latitude: l.latitude, longitude: l.longitude } : null,
    accessibility: l.accessibility,
    transportation: l.transportation,
  };
}

export function presentResourceSummary(
  row: ServiceRow,
  org: Pick<OrganizationRow, 'id' | 'name'>,
  location: LocationEntry | undefined,
  today: string,
): ResourceSummary {
  return {
    id: row.id,
    name: row.name,
    organization: { id: org.id, name: org.name },
    status: row.status as ResourceStatus,
    alert: row.alert,
    categories: row.categories,
    languages: row.languages,
    district: location?.district ?? null,
    verifiedOn: row.verifiedOn,
    verificationOverdue: verificationOverdue(row.verifiedOn, today),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentResourceDetail(
  row: ServiceRow,
  org: OrganizationRow,
  location: LocationEntry | undefined,
  facts: {
    today: string;
    verifiedBy: { id: string; displayName: string } | null;
    openPlanCount: number;
    canEdit: boolean;
    canDelete: boolean;
  },
): ResourceDetail {
  return {
    ...presentResourceSummary(row, org, location, facts.today),
    organization: { id: org.id, name: org.name, website: org.website, email: org.email },
    description: row.description,
    url: row.url,
    email: row.email,
    location: location ? presentLocation(location) : null,
    schedules: row.schedules.map((s) => ({
      byDay: s.byDay as WeekDay[],
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      description: s.description,
    })),
    cost: row.cost as ResourceDetail['cost'],
    costDescription: row.feesDescription,
    eligibility: row.eligibilityDescription,
    minimumAge: row.minimumAge,
    maximumAge: row.maximumAge,
    contacts: row.contacts.map((c) => ({
      name: c.name,
      role: c.title,
      phone: c.phone,
      email: c.email,
      public: c.public,
    })),
    internalNote: row.internalNote,
    verifiedBy: facts.verifiedBy,
    openPlanCount: facts.openPlanCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    canEdit: facts.canEdit,
    canDelete: facts.canDelete,
  };
}
