/**
 * The address register (Adressregister): every postal address of the municipality once, so that
 * people living at the same address point at the same row however each office spelled it
 * ("Hauptstr. 5" and "Hauptstraße 5"). People's addresses link here (`person_addresses`).
 *
 * This module only normalises and registers addresses. The social-space issue adds what is known
 * about an address itself — its district (Sozialraum) and deliverability facts such as a mailbox
 * and the names on it — to the same rows.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { addresses } from '../../db/schema';

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
