import { and, arrayOverlaps, asc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, people, personIdentifiers, personNameVariants } from '../../db/schema';

export type PersonRow = typeof people.$inferSelect;
export type NameVariantRow = typeof personNameVariants.$inferSelect;
export type IdentifierRow = typeof personIdentifiers.$inferSelect;

/** A person with everything the presenter and the matching engine need. */
export type PersonRecord = {
  person: PersonRow;
  agency: { id: string; name: string };
  variants: NameVariantRow[];
  identifiers: IdentifierRow[];
};

/** The variant and identifier rows of some people, grouped by person id. */
async function childrenOf(db: Db, ids: readonly string[]) {
  const variants = new Map<string, NameVariantRow[]>();
  const identifiers = new Map<string, IdentifierRow[]>();
  if (ids.length === 0) return { variants, identifiers };
  const vRows = await db
    .select()
    .from(personNameVariants)
    .where(inArray(personNameVariants.personId, [...ids]))
    .orderBy(asc(personNameVariants.personId), asc(personNameVariants.position));
  for (const v of vRows) variants.set(v.personId, [...(variants.get(v.personId) ?? []), v]);
  const iRows = await db
    .select()
    .from(personIdentifiers)
    .where(inArray(personIdentifiers.personId, [...ids]))
    .orderBy(asc(personIdentifiers.kind), asc(personIdentifiers.value));
  for (const i of iRows) identifiers.set(i.personId, [...(identifiers.get(i.personId) ?? []), i]);
  return { variants, identifiers };
}

async function withChildren(
  db: Db,
  rows: { person: PersonRow; agency: { id: string; name: string } }[],
): Promise<PersonRecord[]> {
  const { variants, identifiers } = await childrenOf(
    db,
    rows.map((r) => r.person.id),
  );
  return rows.map((r) => ({
    ...r,
    variants: variants.get(r.person.id) ?? [],
    identifiers: identifiers.get(r.person.id) ?? [],
  }));
}

const personColumns = { person: people, agency: { id: agencies.id, name: agencies.name } };

export async function findPersonRecord(db: Db, id: string): Promise<PersonRecord | undefined> {
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.registeredByAgencyId))
    .where(eq(people.id, id))
    .limit(1);
  return (await withChildren(db, rows))[0];
}

/**
 * Candidates for matching: people of one agency (not merged away) sharing at least one blocking key (GIN index on
 * `blocking_keys`). `cap` bounds the work for very common keys; the engine ranks the rest.
 */
export async function findCandidatesByKeys(
  db: Db,
  keys: readonly string[],
  scopeAgencyId: string,
  cap: number,
): Promise<PersonRecord[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.registeredByAgencyId))
    .where(
      and(
        eq(people.registeredByAgencyId, scopeAgencyId),
        // A merged record lives on only as history of its survivor: never a hit or a candidate.
        isNull(people.mergedIntoId),
        arrayOverlaps(people.blockingKeys, [...keys]),
      ),
    )
    .orderBy(asc(people.createdAt), asc(people.id))
    .limit(cap);
  return withChildren(db, rows);
}

/** Ids among `ids` that exist and were registered by the agency. */
export async function personIdsInAgency(db: Db, ids: readonly string[], agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, [...ids]), eq(people.registeredByAgencyId, agencyId)));
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

export async function insertPerson(
  db: Db,
  values: PersonValues,
  variants: readonly VariantValues[],
  identifiers: readonly IdentifierValues[],
): Promise<string> {
  const rows = await db.insert(people).values(values).returning({ id: people.id });
  const id = rows[0]!.id;
  await replaceChildren(db, id, variants, identifiers);
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
