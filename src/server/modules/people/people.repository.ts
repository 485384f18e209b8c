import { and, arrayOverlaps, asc, eq, gt, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { BLOCKING_KEYS_VERSION } from '../../../shared/domain/people-matching/blocking-keys';
import type { Db } from '../../db/client';
import {
  addresses,
  agencies,
  householdMembers,
  households,
  people,
  personAddresses,
  personContacts,
  personIdentifiers,
  personLanguages,
  personNameVariants,
} from '../../db/schema';
import { registerAddress, type AddressParts, type AddressRow } from '../social-space/address-register';
import { householdKeptByAgency } from './households.repository';
import { blockingKeysOf } from './people-matching';
import type { Actor } from '../../platform/access/actor';
import { personVisibleTo, registeredSql } from '../../platform/access/person-access';

export type PersonRow = typeof people.$inferSelect;
export type NameVariantRow = typeof personNameVariants.$inferSelect;
export type IdentifierRow = typeof personIdentifiers.$inferSelect;
export type LanguageRow = typeof personLanguages.$inferSelect;
export type ContactRow = typeof personContacts.$inferSelect;
/** A person's link to the address register, with the register's row. */
export type PersonAddressEntry = typeof personAddresses.$inferSelect & { address: AddressRow };
/** A membership of the person in a household the viewer may open (one kept by the viewer's agency). */
export type HouseholdMembership = {
  memberId: string;
  householdId: string;
  kind: string;
  name: string | null;
  relationship: string;
  validFrom: string;
  validUntil: string | null;
};

/** What matching and result lists need of a person: the row, the agency, all spellings. */
export type PersonMatchRecord = {
  person: PersonRow;
  agency: { id: string; name: string };
  variants: NameVariantRow[];
  identifiers: IdentifierRow[];
};

/** A person with everything the presenter needs. Children are in stored order (position). */
export type PersonRecord = PersonMatchRecord & {
  languages: LanguageRow[];
  contacts: ContactRow[];
  addresses: PersonAddressEntry[];
  households: HouseholdMembership[];
};

type Head = { person: PersonRow; agency: { id: string; name: string } };

/** Groups rows by person id, keeping the query's order within a person. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Variants and identifiers of some people: one query per table, whatever the number of people. */
async function matchChildrenOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0)
    return { variants: new Map<string, NameVariantRow[]>(), identifiers: new Map<string, IdentifierRow[]>() };
  const [vRows, iRows] = [
    await db
      .select()
      .from(personNameVariants)
      .where(inArray(personNameVariants.personId, [...ids]))
      .orderBy(asc(personNameVariants.personId), asc(personNameVariants.position)),
    await db
      .select()
      .from(personIdentifiers)
      .where(inArray(personIdentifiers.personId, [...ids]))
      .orderBy(asc(personIdentifiers.kind), asc(personIdentifiers.value)),
  ];
  return { variants: groupBy(vRows, (v) => v.personId), identifiers: groupBy(iRows, (i) => i.personId) };
}

/**
 * Languages, contacts, addresses (joined with the register) and household memberships of some
 * people. Memberships are listed only for households kept by `householdAgencyId`, the viewer's
 * (`householdScopeAgency` in households.policy.ts): a case team member of another agency sees the
 * person, not the registering agency's households, which it could not open. Their members are
 * people that agency registered (adding a member takes person.write), so the member part of the
 * household rule holds for them as well.
 */
async function detailChildrenOf(db: Db, heads: readonly Head[], householdAgencyId: string) {
  const ids = heads.map((h) => h.person.id);
  const lRows = await db
    .select()
    .from(personLanguages)
    .where(inArray(personLanguages.personId, ids))
    .orderBy(asc(personLanguages.personId), asc(personLanguages.position));
  const cRows = await db
    .select()
    .from(personContacts)
    .where(inArray(personContacts.personId, ids))
    .orderBy(asc(personContacts.personId), asc(personContacts.position));
  const aRows = await db
    .select({ link: personAddresses, address: addresses })
    .from(personAddresses)
    .innerJoin(addresses, eq(addresses.id, personAddresses.addressId))
    .where(inArray(personAddresses.personId, ids))
    .orderBy(asc(personAddresses.personId), asc(personAddresses.position));
  const hRows = await db
    .select({
      personId: householdMembers.personId,
      memberId: householdMembers.id,
      householdId: households.id,
      kind: households.kind,
      name: households.name,
      relationship: householdMembers.relationship,
      validFrom: householdMembers.validFrom,
      validUntil: householdMembers.validUntil,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(inArray(householdMembers.personId, ids), householdKeptByAgency(householdAgencyId)))
    .orderBy(asc(householdMembers.personId), asc(householdMembers.validFrom), asc(householdMembers.id));
  return {
    languages: groupBy(lRows, (l) => l.personId),
    contacts: groupBy(cRows, (c) => c.personId),
    addresses: groupBy(
      aRows.map((r) => ({ ...r.link, address: r.address })),
      (a) => a.personId,
    ),
    households: groupBy(hRows, (h) => h.personId),
  };
}

async function withMatchChildren(db: Db, heads: readonly Head[]): Promise<PersonMatchRecord[]> {
  const { variants, identifiers } = await matchChildrenOf(
    db,
    heads.map((h) => h.person.id),
  );
  return heads.map((h) => ({
    ...h,
    variants: variants.get(h.person.id) ?? [],
    identifiers: identifiers.get(h.person.id) ?? [],
  }));
}

async function withAllChildren(db: Db, heads: readonly Head[], householdAgencyId: string): Promise<PersonRecord[]> {
  if (heads.length === 0) return [];
  const base = await withMatchChildren(db, heads);
  const d = await detailChildrenOf(db, heads, householdAgencyId);
  return base.map((r) => ({
    ...r,
    languages: d.languages.get(r.person.id) ?? [],
    contacts: d.contacts.get(r.person.id) ?? [],
    addresses: d.addresses.get(r.person.id) ?? [],
    households: (d.households.get(r.person.id) ?? []).map((h) => ({
      memberId: h.memberId,
      householdId: h.householdId,
      kind: h.kind,
      name: h.name,
      relationship: h.relationship,
      validFrom: h.validFrom,
      validUntil: h.validUntil,
    })),
  }));
}

const personColumns = { person: people, agency: { id: agencies.id, name: agencies.name } };

/**
 * A person with all details, as the viewer sees it: `householdAgencyId` is the viewer's
 * `householdScopeAgency` (households.policy.ts), whose households are the ones listed.
 */
export async function findPersonRecord(
  db: Db,
  id: string,
  householdAgencyId: string,
): Promise<PersonRecord | undefined> {
  return (await findPersonRecords(db, [id], householdAgencyId))[0];
}

/** Several people with all their details (see `findPersonRecord`), in the order of `ids` (unknown ids are left out). */
export async function findPersonRecords(
  db: Db,
  ids: readonly string[],
  householdAgencyId: string,
): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.registeredByAgencyId))
    .where(inArray(people.id, [...new Set(ids)]));
  const byId = new Map(rows.map((r) => [r.person.id, r]));
  const ordered = [...new Set(ids)].flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
  return withAllChildren(db, ordered, householdAgencyId);
}

/**
 * Candidates for matching: people visible to the actor (`personVisibleTo`, the decision function of
 * platform/access/person-access.ts), not merged away, sharing at least one blocking key (GIN index on `blocking_keys`).
 * `cap` bounds the work for very common keys; the engine ranks the rest. Only what matching and a result list need
 * is loaded; `findPersonRecords` gives the full record of the few that are shown.
 */
export async function findCandidatesByKeys(
  db: Db,
  keys: readonly string[],
  viewer: Actor,
  cap: number,
): Promise<PersonMatchRecord[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.registeredByAgencyId))
    .where(
      and(
        personVisibleTo(viewer, viewer.at),
        // A merged record lives on only as history of its survivor: never a hit or a candidate.
        isNull(people.mergedIntoId),
        arrayOverlaps(people.blockingKeys, [...keys]),
      ),
    )
    .orderBy(asc(people.createdAt), asc(people.id))
    .limit(cap);
  return withMatchChildren(db, rows);
}

/** Ids among `ids` that exist and were registered by the actor's agency, within the actor's scope. */
export async function personIdsRegisteredBy(db: Db, ids: readonly string[], actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, [...ids]), registeredSql(actor)));
  return rows.map((r) => r.id);
}

/** Which of the identifiers are already held by a person other than `exceptPersonId`. */
export async function takenIdentifiers(
  db: Db,
  identifiers: readonly { kind: string; value: string }[],
  exceptPersonId?: string,
): Promise<{ kind: string; value: string }[]> {
  if (identifiers.length === 0) return [];
  const match = or(
    ...identifiers.map((i) => and(eq(personIdentifiers.kind, i.kind), eq(personIdentifiers.value, i.value))),
  );
  const conditions: SQL[] = [match!];
  if (exceptPersonId) conditions.push(ne(personIdentifiers.personId, exceptPersonId));
  return db
    .select({ kind: personIdentifiers.kind, value: personIdentifiers.value })
    .from(personIdentifiers)
    .where(and(...conditions));
}

export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'version'>;
export type VariantValues = Omit<typeof personNameVariants.$inferInsert, 'id' | 'personId' | 'position'>;
export type IdentifierValues = { kind: string; value: string };
export type LanguageValues = { language: string; motherTongue: boolean; level: string | null };
export type ContactValues = {
  kind: string;
  value: string;
  service: string | null;
  consentToUse: boolean;
  consentRecordedOn: string | null;
  note: string | null;
};
/** An address as entered; the repository resolves it to a register row. */
export type AddressValues = AddressParts & {
  kind: string;
  addressSuffix: string | null;
  validFrom: string | null;
  validUntil: string | null;
};
/** The detail lists of a person; a list that is given replaces the stored one, an absent one stays. */
export type DetailValues = {
  languages?: readonly LanguageValues[];
  contacts?: readonly ContactValues[];
  addresses?: readonly AddressValues[];
};

export async function insertPerson(
  db: Db,
  values: PersonValues,
  variants: readonly VariantValues[],
  identifiers: readonly IdentifierValues[],
  details: DetailValues = {},
): Promise<string> {
  const rows = await db.insert(people).values(values).returning({ id: people.id });
  const id = rows[0]!.id;
  await replaceChildren(db, id, variants, identifiers);
  await replaceDetails(db, id, details);
  return id;
}

export async function replaceChildren(
  db: Db,
  personId: string,
  variants: readonly VariantValues[] | undefined,
  identifiers: readonly IdentifierValues[] | undefined,
): Promise<void> {
  if (variants) {
    await db.delete(personNameVariants).where(eq(personNameVariants.personId, personId));
    if (variants.length) {
      await db.insert(personNameVariants).values(variants.map((v, position) => ({ ...v, personId, position })));
    }
  }
  if (identifiers) {
    await db.delete(personIdentifiers).where(eq(personIdentifiers.personId, personId));
    if (identifiers.length) {
      await db.insert(personIdentifiers).values(identifiers.map((i) => ({ ...i, personId })));
    }
  }
}

/**
 * Replaces the given detail lists (languages, contacts, addresses). Addresses are registered in
 * the address register first; a register row stays when nobody lives there any more, because
 * other records (and the social-space facts) may point at it.
 */
export async function replaceDetails(db: Db, personId: string, details: DetailValues): Promise<void> {
  if (details.languages) {
    await db.delete(personLanguages).where(eq(personLanguages.personId, personId));
    if (details.languages.length) {
      await db.insert(personLanguages).values(details.languages.map((l, position) => ({ ...l, personId, position })));
    }
  }
  if (details.contacts) {
    await db.delete(personContacts).where(eq(personContacts.personId, personId));
    if (details.contacts.length) {
      await db.insert(personContacts).values(details.contacts.map((c, position) => ({ ...c, personId, position })));
    }
  }
  if (details.addresses) {
    await db.delete(personAddresses).where(eq(personAddresses.personId, personId));
    const links = [];
    for (const [position, a] of details.addresses.entries()) {
      const addressId = await registerAddress(db, a);
      links.push({
        personId,
        addressId,
        kind: a.kind,
        addressSuffix: a.addressSuffix,
        validFrom: a.validFrom,
        validUntil: a.validUntil,
        position,
      });
    }
    if (links.length) await db.insert(personAddresses).values(links);
  }
}

/**
 * Compare-and-set: updates the person only if it still has `expectedVersion` and bumps the
 * version. Returns the new version, or null when someone else changed it first.
 */
export async function updatePersonIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<PersonValues>,
): Promise<number | null> {
  const rows = await db
    .update(people)
    .set({ ...values, version: sql`${people.version} + 1` })
    .where(and(eq(people.id, id), eq(people.version, expectedVersion)))
    .returning({ version: people.version });
  return rows[0]?.version ?? null;
}

/**
 * Recomputes the blocking keys of every person whose keys were computed with an older
 * BLOCKING_KEYS_VERSION (a new folding rule or dictionary entry changes the keys, and stale keys
 * would hide people from search). Runs in batches of `batchSize`, one transaction each, so a
 * large register never holds one long transaction; the person's version and updatedAt stay,
 * since no recorded fact changed. A row updated meanwhile already carries current keys and is
 * skipped. Returns the number of rows recomputed.
 */
export async function recomputeStaleBlockingKeys(db: Db, batchSize = 500): Promise<number> {
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const stale = lt(people.blockingKeysVersion, BLOCKING_KEYS_VERSION);
    const rows: PersonRow[] = await db
      .select()
      .from(people)
      .where(after === null ? stale : and(stale, gt(people.id, after)))
      .orderBy(asc(people.id))
      .limit(batchSize);
    if (rows.length === 0) return done;
    after = rows[rows.length - 1]!.id;
    const { variants } = await matchChildrenOf(
      db,
      rows.map((r) => r.id),
    );
    await db.transaction(async (tx) => {
      for (const p of rows) {
        const blockingKeys = blockingKeysOf({
          givenNames: p.givenNames,
          familyName: p.familyName,
          variants: variants.get(p.id) ?? [],
          dateOfBirth: p.dateOfBirthRaw,
          placeOfBirth: p.placeOfBirth,
          nationalities: p.nationalities,
        });
        const updated = await tx
          .update(people)
          .set({ blockingKeys, blockingKeysVersion: BLOCKING_KEYS_VERSION })
          .where(and(eq(people.id, p.id), lt(people.blockingKeysVersion, BLOCKING_KEYS_VERSION)))
          .returning({ id: people.id });
        done += updated.length;
      }
    });
    if (rows.length < batchSize) return done;
  }
}
