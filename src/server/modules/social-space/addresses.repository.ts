import { and, asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { MailDelivery } from '../../../shared/contracts/addresses';
import type { Db } from '../../db/client';
import { addressChecks, addresses, agencies, districts, personAddresses, users } from '../../db/schema';
import type { AddressRow } from './address-register';

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };

export type AddressRecord = { address: AddressRow; district: Ref | null };
export type AddressCheckRecord = {
  check: typeof addressChecks.$inferSelect;
  checkedBy: UserRef | null;
  agency: Ref | null;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * An address the register shows to everyone with address.read: one that carries knowledge of its
 * own — checked, placed on the map, used by a resource or an exploration — or one no person lives
 * at (registered by staff). A bare address of a person says only "a client lives here": it stays
 * hidden unless the viewer may see the contact data of someone living there (service layer).
 */
// Column references inside the subqueries are written qualified: drizzle renders a bare "id" in
// single-table selects, which inside a subquery would bind to the subquery's own table.
export const registerKnowledge: SQL = sql`(
  ${addresses.lastCheckedAt} is not null
  or ${addresses.latitude} is not null
  or exists (select 1 from resource_locations rl where rl.address_id = "addresses"."id")
  or exists (select 1 from exploration_addresses ea where ea.address_id = "addresses"."id")
  or not exists (select 1 from person_addresses pa where pa.address_id = "addresses"."id")
)`;

/** Delivery problem in SQL, the same rule as hasDeliveryProblem. */
const problemSql: SQL = sql`(${addresses.mailDelivery} in ('unreliable', 'undeliverable') or ${addresses.mailboxPresent} = false)`;

export type AddressFilter = {
  q?: string;
  districtId?: string;
  problem: boolean;
  mailDelivery?: MailDelivery;
  /** Not checked on or after this day in Europe/Berlin (never checked included). */
  uncheckedSince?: string;
};

const sortColumns = {
  street: [addresses.street, addresses.houseNumber],
  postalCode: [addresses.postalCode, addresses.street, addresses.houseNumber],
  lastChecked: [addresses.lastCheckedAt, addresses.street],
} as const;

export async function listAddresses(
  db: Db,
  filter: AddressFilter,
  sort: keyof typeof sortColumns,
  dir: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: AddressRecord[]; total: number }> {
  const conditions: SQL[] = [registerKnowledge];
  // Every word must appear in the street, the house number or the postal code ("Hauptstr 5").
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = `%${escapeLike(word)}%`;
    conditions.push(
      or(
        ilike(addresses.street, pattern),
        ilike(addresses.houseNumber, pattern),
        ilike(addresses.postalCode, pattern),
      )!,
    );
  }
  if (filter.districtId) conditions.push(eq(addresses.districtId, filter.districtId));
  if (filter.problem) conditions.push(problemSql);
  if (filter.mailDelivery) conditions.push(eq(addresses.mailDelivery, filter.mailDelivery));
  if (filter.uncheckedSince)
    conditions.push(
      or(
        isNull(addresses.lastCheckedAt),
        sql`(${addresses.lastCheckedAt} at time zone 'Europe/Berlin')::date < ${filter.uncheckedSince}::date`,
      )!,
    );
  const where = and(...conditions);
  const order = sortColumns[sort].map((c) => (dir === 'asc' ? sql`${c} asc nulls first` : sql`${c} desc nulls last`));
  const rows = await db
    .select({ address: addresses, districtId: districts.id, districtName: districts.name })
    .from(addresses)
    .leftJoin(districts, eq(districts.id, addresses.districtId))
    .where(where)
    .orderBy(...order, asc(addresses.id))
    .limit(limit)
    .offset(offset);
  const [totalRow] = await db.select({ n: count() }).from(addresses).where(where);
  return {
    rows: rows.map((r) => ({
      address: r.address,
      district: r.districtId && r.districtName ? { id: r.districtId, name: r.districtName } : null,
    })),
    total: totalRow?.n ?? 0,
  };
}

/** One address with its district, whether or not the register shows it (`known`). */
export async function findAddress(
  db: Db,
  id: string,
): Promise<(AddressRecord & { known: boolean; lastCheckedBy: UserRef | null }) | undefined> {
  const [row] = await db
    .select({
      address: addresses,
      districtId: districts.id,
      districtName: districts.name,
      known: sql<boolean>`${registerKnowledge}`,
      checkerId: users.id,
      checkerName: users.displayName,
    })
    .from(addresses)
    .leftJoin(districts, eq(districts.id, addresses.districtId))
    .leftJoin(users, eq(users.id, addresses.lastCheckedBy))
    .where(eq(addresses.id, id))
    .limit(1);
  if (!row) return undefined;
  return {
    address: row.address,
    district: row.districtId && row.districtName ? { id: row.districtId, name: row.districtName } : null,
    known: Boolean(row.known),
    lastCheckedBy: row.checkerId && row.checkerName ? { id: row.checkerId, displayName: row.checkerName } : null,
  };
}

/** The check history of an address, newest first. */
export async function checksOf(db: Db, addressId: string): Promise<AddressCheckRecord[]> {
  const rows = await db
    .select({
      check: addressChecks,
      userId: users.id,
      userName: users.displayName,
      agencyId: agencies.id,
      agencyName: agencies.name,
    })
    .from(addressChecks)
    .leftJoin(users, eq(users.id, addressChecks.checkedBy))
    .leftJoin(agencies, eq(agencies.id, addressChecks.checkedByAgencyId))
    .where(eq(addressChecks.addressId, addressId))
    .orderBy(desc(addressChecks.checkedAt), desc(addressChecks.id));
  return rows.map((r) => ({
    check: r.check,
    checkedBy: r.userId && r.userName ? { id: r.userId, displayName: r.userName } : null,
    agency: r.agencyId && r.agencyName ? { id: r.agencyId, name: r.agencyName } : null,
  }));
}

/** The people who live or lived at the address (for the contact-data check of a bare address). */
export async function peopleAtAddress(db: Db, addressId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: personAddresses.personId })
    .from(personAddresses)
    .where(eq(personAddresses.addressId, addressId));
  return rows.map((r) => r.personId);
}

export async function setPointIfMissing(
  db: Db,
  addressId: string,
  point: { latitude: number; longitude: number },
  districtId: string | null,
): Promise<void> {
  await db
    .update(addresses)
    .set({
      latitude: point.latitude,
      longitude: point.longitude,
      districtId,
      version: sql`${addresses.version} + 1`,
    })
    .where(and(eq(addresses.id, addressId), isNull(addresses.latitude)));
}
