import { and, arrayOverlaps, asc, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  addresses,
  districts,
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
} from '../../db/schema';

/**
 * Services offered at a location with a point: one row per service and location. Only the
 * public fields of the directory (never the internal note or contacts).
 */
export async function locatedResources(db: Db, filter: { categories: string[]; statuses: string[] }) {
  const conditions: SQL[] = [
    isNotNull(resourceLocations.latitude),
    isNotNull(resourceLocations.longitude),
    inArray(resourceServices.status, filter.statuses),
  ];
  if (filter.categories.length > 0) conditions.push(arrayOverlaps(resourceServices.categories, filter.categories));
  return db
    .select({
      serviceId: resourceServices.id,
      name: resourceServices.name,
      organizationName: resourceOrganizations.name,
      categories: resourceServices.categories,
      status: resourceServices.status,
      locationName: resourceLocations.name,
      latitude: resourceLocations.latitude,
      longitude: resourceLocations.longitude,
      districtId: resourceLocations.districtId,
      districtName: districts.name,
    })
    .from(resourceServiceLocations)
    .innerJoin(resourceServices, eq(resourceServices.id, resourceServiceLocations.serviceId))
    .innerJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
    .innerJoin(resourceOrganizations, eq(resourceOrganizations.id, resourceServices.organizationId))
    .leftJoin(districts, eq(districts.id, resourceLocations.districtId))
    .where(and(...conditions))
    .orderBy(asc(resourceServices.name), asc(resourceServices.id), asc(resourceLocations.id));
}

/** Every category code used by a located, not defunct service. */
export async function locatedCategories(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ categories: resourceServices.categories })
    .from(resourceServiceLocations)
    .innerJoin(resourceServices, eq(resourceServices.id, resourceServiceLocations.serviceId))
    .innerJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
    .where(
      and(isNotNull(resourceLocations.latitude), inArray(resourceServices.status, ['active', 'temporarily closed'])),
    );
  return [...new Set(rows.flatMap((r) => r.categories))].sort();
}

/**
 * Addresses with a delivery problem (no mailbox, or mail delivery unreliable or impossible): the
 * facts only. The names on the mailbox stay out (personal data), and no person is joined.
 */
export async function problemAddresses(db: Db) {
  return db
    .select({
      addressId: addresses.id,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      postalCode: addresses.postalCode,
      latitude: addresses.latitude,
      longitude: addresses.longitude,
      districtId: addresses.districtId,
      districtName: districts.name,
      mailboxPresent: addresses.mailboxPresent,
      sharedAccommodation: addresses.sharedAccommodation,
      mailDelivery: addresses.mailDelivery,
      lastCheckedAt: addresses.lastCheckedAt,
    })
    .from(addresses)
    .leftJoin(districts, eq(districts.id, addresses.districtId))
    .where(or(eq(addresses.mailboxPresent, false), inArray(addresses.mailDelivery, ['unreliable', 'undeliverable'])))
    .orderBy(asc(addresses.street), asc(addresses.houseNumber), asc(addresses.id));
}
