/**
 * The address register (Adressregister): every postal address of the municipality once, so that
 * people living at the same address point at the same row however each office spelled it
 * ("Hauptstr. 5" and "Hauptstraße 5"). People's addresses link here (`person_addresses`).
 *
 * This module only normalises and registers addresses. The social-space issue adds what is known
 * about an address itself — its district (Sozialraum) and deliverability facts such as a mailbox
 * and the names on it — to the same rows.
 */
import { eq, isNotNull, sql } from 'drizzle-orm';
import {
  deliverabilityFactsSchema,
  hasDeliveryProblem,
  type AddressCheckSource,
  type DeliverabilityFacts,
  type GeoPoint,
  type MailDelivery,
} from '../../../shared/contracts/addresses';
import { districtAt } from '../../../shared/domain/social-space/geo';
import type { Db } from '../../db/client';
import { addressChecks, addresses, districts } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';

/** What identifies an address as written on a form. */
export type AddressParts = { street: string; houseNumber: string; postalCode: string; city: string };

export type AddressRow = typeof addresses.$inferSelect;

const collapse = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * Writes "…str." / "…strasse" (also "Str." as a word and after a hyphen) as "…straße" and keeps
 * the case of the first letter, so "Duisburger Str." and "Schloss-Str." read as on a street sign.
 */
function expandStreet(street: string): string {
  return street
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part) => part.replace(/(s)(?:tr\.?|trasse)$/i, (_m, s: string) => `${s}traße`))
        .join('-'),
    )
    .join(' ');
}

/**
 * The key that makes two spellings of one address the same register row: street in lower case
 * with "str." and "strasse" written "straße", house number without spaces in lower case ("5 A" =
 * "5a"), and the postal code. The city is not part of the key: the postal code already names it,
 * and offices write "Mülheim an der Ruhr" in several ways.
 *
 * @example normaliseAddressKey({ street: ' Hauptstr. ', houseNumber: '5 A', postalCode: '45468', city: 'Mülheim' })
 *   → 'hauptstraße|5a|45468'
 */
export function normaliseAddressKey(a: AddressParts): string {
  const street = expandStreet(collapse(a.street).toLowerCase()).replace(/\s*-\s*/g, '-');
  const houseNumber = collapse(a.houseNumber).toLowerCase().replace(/\s/g, '');
  return `${street}|${houseNumber}|${collapse(a.postalCode)}`;
}

/** The address as the register shows it: tidy spaces, "Str." written out, "5 a" as "5a". */
function displayForm(a: AddressParts): AddressParts {
  return {
    street: expandStreet(collapse(a.street)).replace(/\s*-\s*/g, '-'),
    houseNumber: collapse(a.houseNumber).replace(/\s/g, ''),
    postalCode: collapse(a.postalCode),
    city: collapse(a.city),
  };
}

/**
 * Returns the register id of an address, adding it if it is new. Safe under concurrent writers:
 * `ON CONFLICT DO NOTHING` waits for a competing insert of the same key and the following select
 * then sees that row. The first spelling registered is the one the register keeps.
 */
export async function registerAddress(db: Db, a: AddressParts): Promise<string> {
  const normalisedKey = normaliseAddressKey(a);
  const inserted = await db
    .insert(addresses)
    .values({ ...displayForm(a), normalisedKey })
    .onConflictDoNothing({ target: addresses.normalisedKey })
    .returning({ id: addresses.id });
  if (inserted[0]) return inserted[0].id;
  const [existing] = await db
    .select({ id: addresses.id })
    .from(addresses)
    .where(eq(addresses.normalisedKey, normalisedKey))
    .limit(1);
  if (!existing) throw new Error('address register: row vanished between insert and select');
  return existing.id;
}

/** The register id of a normalised key, or null when the address is not registered. */
export async function findAddressIdByKey(db: Db, normalisedKey: string): Promise<string | null> {
  const [row] = await db
    .select({ id: addresses.id })
    .from(addresses)
    .where(eq(addresses.normalisedKey, normalisedKey))
    .limit(1);
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Deliverability facts (issue 7)

/** The district whose outline contains the point (null outside the city or without outlines). */
export async function districtIdAt(db: Db, point: GeoPoint): Promise<string | null> {
  const rows = await db
    .select({ id: districts.id, geometry: districts.geometry })
    .from(districts)
    .where(isNotNull(districts.geometry));
  return districtAt(rows, point)?.id ?? null;
}

/** The facts stored on an address row, in the shape of the contract. */
export function factsOf(
  row: Pick<AddressRow, 'mailboxPresent' | 'namesOnMailbox' | 'sharedAccommodation' | 'mailDelivery' | 'accessNotes'>,
): DeliverabilityFacts {
  return {
    mailboxPresent: row.mailboxPresent,
    namesOnMailbox: row.namesOnMailbox,
    sharedAccommodation: row.sharedAccommodation,
    mailDelivery: row.mailDelivery as MailDelivery,
    accessNotes: row.accessNotes,
  };
}

export type AddressCheckInput = {
  addressId: string;
  facts: DeliverabilityFacts;
  source: AddressCheckSource;
  /** The exploration or letter the check came from. */
  sourceId: string | null;
  note: string | null;
  /** undefined: keep the point; null: remove it; a point: set it and the district it lies in. */
  point?: GeoPoint | null;
  /** When given: the version the caller saw (If-Match); another version fails with 412. */
  expectedVersion?: number;
};

/**
 * Records a check of an address's deliverability in the caller's transaction: the facts (and
 * optionally the point with its district) replace those on the address (version + 1, last
 * checked now by the actor from the source), a row goes to the check history, and the audit log
 * notes it — the names on a mailbox are personal data. Used by casework (PATCH of an address),
 * explorations, and the correspondence module when a letter comes back.
 * Throws NOT_FOUND when the address does not exist.
 */
export async function recordAddressCheck(
  tx: Db,
  ctx: AuditContext,
  input: AddressCheckInput,
): Promise<{ checkId: string; version: number }> {
  const [current] = await tx
    .select({ id: addresses.id, version: addresses.version })
    .from(addresses)
    .where(eq(addresses.id, input.addressId))
    .for('update');
  if (!current) throw new AppError('NOT_FOUND');
  if (input.expectedVersion !== undefined && current.version !== input.expectedVersion) {
    throw new AppError('PRECONDITION_FAILED', {
      fieldErrors: [
        {
          path: 'version',
          message: fieldMessage(
            `Die Angaben zur Anschrift wurden inzwischen geändert (jetzt Version ${current.version}). Bitte laden Sie die Seite neu und prüfen Sie sie.`,
            `The address facts were changed in the meantime (now version ${current.version}). Please reload the page and check them.`,
          ),
        },
      ],
    });
  }
  const facts = deliverabilityFactsSchema.parse(input.facts);
  const pointValues =
    input.point === undefined
      ? {}
      : input.point === null
        ? { latitude: null, longitude: null }
        : {
            latitude: input.point.latitude,
            longitude: input.point.longitude,
            districtId: await districtIdAt(tx, input.point),
          };
  const [updated] = await tx
    .update(addresses)
    .set({
      ...facts,
      ...pointValues,
      lastCheckedAt: ctx.now,
      lastCheckedBy: ctx.actor?.userId ?? null,
      lastCheckedSource: input.source,
      version: sql`${addresses.version} + 1`,
    })
    .where(eq(addresses.id, input.addressId))
    .returning({ version: addresses.version });
  const [check] = await tx
    .insert(addressChecks)
    .values({
      addressId: input.addressId,
      checkedAt: ctx.now,
      checkedBy: ctx.actor?.userId ?? null,
      checkedByAgencyId: ctx.actor?.agencyId ?? null,
      source: input.source,
      sourceId: input.sourceId,
      facts,
      note: input.note,
    })
    .returning({ id: addressChecks.id });
  await recordAudit(tx, ctx, {
    type: 'address.checked',
    subjectType: 'address',
    subjectId: input.addressId,
    details: {
      source: input.source,
      sourceId: input.sourceId,
      problem: hasDeliveryProblem(facts),
      pointChanged: input.point !== undefined,
      version: updated!.version,
    },
  });
  return { checkId: check!.id, version: updated!.version };
}
