import { and, asc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  cases,
  householdMembers,
  people,
  personAddresses,
  personContacts,
  personIdentifiers,
  personLanguages,
  personMerges,
  personNameVariants,
  personNonDuplicates,
  residenceDocuments,
  users,
} from '../../db/schema';
import type { NameVariantRow, PersonRow } from './people.repository';

export type MergeRow = typeof personMerges.$inferSelect;

/**
 * Every table whose rows belong to one person and move to the survivor of a merge. Name variants
 * are not here: the survivor gets copies, so the merged record keeps its names as history.
 * Cases move as they are (their version stays): who sees a case follows its team, not the person.
 */
export const movableTables = {
  person_identifiers: personIdentifiers,
  person_languages: personLanguages,
  person_contacts: personContacts,
  person_addresses: personAddresses,
  residence_documents: residenceDocuments,
  household_members: householdMembers,
  cases,
} as const;
export type MovableTable = keyof typeof movableTables;
export const movableTableNames = Object.keys(movableTables) as MovableTable[];

/** Tables whose rows carry a display position within their person. */
export const positionedTables = ['person_languages', 'person_contacts', 'person_addresses'] as const;
export type PositionedTable = (typeof positionedTables)[number];

export type ChildRows = {
  person_identifiers: (typeof personIdentifiers.$inferSelect)[];
  person_languages: (typeof personLanguages.$inferSelect)[];
  person_contacts: (typeof personContacts.$inferSelect)[];
  person_addresses: (typeof personAddresses.$inferSelect)[];
  residence_documents: (typeof residenceDocuments.$inferSelect)[];
  household_members: (typeof householdMembers.$inferSelect)[];
  cases: (typeof cases.$inferSelect)[];
};

/**
 * Locks the people rows for the rest of the transaction (in id order, so that two merges of the
 * same pair cannot deadlock) and returns them.
 */
export async function lockPeople(tx: Db, ids: readonly string[]): Promise<PersonRow[]> {
  return tx
    .select()
    .from(people)
    .where(inArray(people.id, [...ids]))
    .orderBy(asc(people.id))
    .for('update');
}

export async function peopleRows(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(people)
    .where(inArray(people.id, [...ids]));
}

export async function nameVariantsOf(db: Db, personId: string): Promise<NameVariantRow[]> {
  return db
    .select()
    .from(personNameVariants)
    .where(eq(personNameVariants.personId, personId))
    .orderBy(asc(personNameVariants.position), asc(personNameVariants.id));
}

/** Appends name variants after the person's last position. */
export async function appendNameVariants(
  tx: Db,
  personId: string,
  firstPosition: number,
  variants: readonly Pick<NameVariantRow, 'kind' | 'givenNames' | 'familyName' | 'script'>[],
): Promise<void> {
  if (variants.length === 0) return;
  await tx.insert(personNameVariants).values(variants.map((v, i) => ({ ...v, personId, position: firstPosition + i })));
}

/** Replaces a person's name variants by exactly these rows (ids included): the undo of a merge. */
export async function restoreNameVariants(tx: Db, personId: string, rows: readonly NameVariantRow[]): Promise<void> {
  await tx.delete(personNameVariants).where(eq(personNameVariants.personId, personId));
  if (rows.length) await tx.insert(personNameVariants).values(rows.map((r) => ({ ...r, personId })));
}

/** The rows of every movable table that belong to one person. */
export async function childRowsOf(db: Db, personId: string): Promise<ChildRows> {
  // One after the other: a transaction is one connection, and pg warns about overlapping queries.
  return {
    person_identifiers: await db
      .select()
      .from(personIdentifiers)
      .where(eq(personIdentifiers.personId, personId))
      .orderBy(asc(personIdentifiers.id)),
    person_languages: await db
      .select()
      .from(personLanguages)
      .where(eq(personLanguages.personId, personId))
      .orderBy(asc(personLanguages.id)),
    person_contacts: await db
      .select()
      .from(personContacts)
      .where(eq(personContacts.personId, personId))
      .orderBy(asc(personContacts.id)),
    person_addresses: await db
      .select()
      .from(personAddresses)
      .where(eq(personAddresses.personId, personId))
      .orderBy(asc(personAddresses.id)),
    residence_documents: await db
      .select()
      .from(residenceDocuments)
      .where(eq(residenceDocuments.personId, personId))
      .orderBy(asc(residenceDocuments.id)),
    household_members: await db
      .select()
      .from(householdMembers)
      .where(eq(householdMembers.personId, personId))
      .orderBy(asc(householdMembers.id)),
    cases: await db.select().from(cases).where(eq(cases.personId, personId)).orderBy(asc(cases.id)),
  };
}

/**
 * Re-points rows of one table from one person to another. `positions` (row id → position) sets
 * the display position of each row where the table has one. Only rows still owned by `fromPersonId`
 * move: a row deleted or re-assigned since is left alone. Returns the ids of the rows it moved.
 */
export async function repoint(
  tx: Db,
  table: MovableTable,
  ids: readonly string[],
  fromPersonId: string,
  toPersonId: string,
  positions?: Readonly<Record<string, number>>,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const t = movableTables[table];
  const positioned = (positionedTables as readonly string[]).includes(table) && positions;
  if (!positioned) {
    const rows = await tx
      .update(t)
      .set({ personId: toPersonId })
      .where(and(inArray(t.id, [...ids]), eq(t.personId, fromPersonId)))
      .returning({ id: t.id });
    return rows.map((r) => r.id);
  }
  const pt = t as (typeof movableTables)[PositionedTable];
  const moved: string[] = [];
  for (const id of ids) {
    const position = positions[id];
    const rows = await tx
      .update(pt)
      .set(position === undefined ? { personId: toPersonId } : { personId: toPersonId, position })
      .where(and(eq(pt.id, id), eq(pt.personId, fromPersonId)))
      .returning({ id: pt.id });
    moved.push(...rows.map((r) => r.id));
  }
  return moved;
}

/**
 * Updates a person row if it still has `expectedVersion` and sets `version` to one more.
 * Returns the new version, or null when the row changed in between.
 */
export async function updatePersonRowIfVersion(
  tx: Db,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<PersonRow, 'id' | 'version'>>,
): Promise<number | null> {
  const rows = await tx
    .update(people)
    .set({ ...values, version: sql`${people.version} + 1` })
    .where(and(eq(people.id, id), eq(people.version, expectedVersion)))
    .returning({ version: people.version });
  return rows[0]?.version ?? null;
}

/** A people row as JSON (timestamps as ISO strings), for the merge snapshot. */
export type PersonRowJson = Record<string, unknown>;
export type NameVariantRowJson = NameVariantRow;

export function personRowToJson(row: PersonRow): PersonRowJson {
  return JSON.parse(JSON.stringify(row)) as PersonRowJson;
}

/**
 * Reads a snapshot row back into column values: timestamp columns become Date again. Works over
 * the table's columns, so a column added later is restored as well (and one missing from an old
 * snapshot is left as it is).
 */
export function personRowFromJson(json: PersonRowJson): Partial<PersonRow> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(people))) {
    if (!(key in json)) continue;
    const value = json[key];
    out[key] = column.dataType === 'date' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
}

export async function insertMerge(tx: Db, values: Omit<typeof personMerges.$inferInsert, 'id'>): Promise<MergeRow> {
  const rows = await tx.insert(personMerges).values(values).returning();
  return rows[0]!;
}

export async function findMerge(db: Db, id: string, lock = false): Promise<MergeRow | undefined> {
  const q = db.select().from(personMerges).where(eq(personMerges.id, id));
  return (await (lock ? q.for('update') : q))[0];
}

export async function markMergeUndone(
  tx: Db,
  id: string,
  values: { undoneAt: Date; undoneBy: string; snapshot: Record<string, unknown> },
): Promise<MergeRow> {
  const rows = await tx.update(personMerges).set(values).where(eq(personMerges.id, id)).returning();
  return rows[0]!;
}

/** Merges in which a person took part, as survivor or as merged record. */
export async function mergesInvolving(db: Db, personId: string): Promise<MergeRow[]> {
  return db
    .select()
    .from(personMerges)
    .where(or(eq(personMerges.survivorId, personId), eq(personMerges.mergedId, personId)));
}

/** Every merge in which any of the people took part, in either role. */
export async function mergesInvolvingAny(db: Db, personIds: readonly string[]): Promise<MergeRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(personMerges)
    .where(or(inArray(personMerges.survivorId, [...personIds]), inArray(personMerges.mergedId, [...personIds])));
}

export async function displayNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The pair in the stored order: lower id first. */
function pair(a: string, b: string): { personLowId: string; personHighId: string } {
  return a < b ? { personLowId: a, personHighId: b } : { personLowId: b, personHighId: a };
}

/** Records "not the same person"; a pair already recorded stays as it was. */
export async function insertNonDuplicate(
  tx: Db,
  a: string,
  b: string,
  decidedAt: Date,
  decidedBy: string,
): Promise<void> {
  await tx
    .insert(personNonDuplicates)
    .values({ ...pair(a, b), decidedAt, decidedBy })
    .onConflictDoNothing({ target: [personNonDuplicates.personLowId, personNonDuplicates.personHighId] });
}

export async function deleteNonDuplicate(tx: Db, a: string, b: string): Promise<void> {
  const p = pair(a, b);
  await tx
    .delete(personNonDuplicates)
    .where(
      and(eq(personNonDuplicates.personLowId, p.personLowId), eq(personNonDuplicates.personHighId, p.personHighId)),
    );
}

/** The people a person was marked "not the same person" with. */
export async function nonDuplicatePartners(db: Db, personId: string): Promise<Set<string>> {
  const rows = await db
    .select({ low: personNonDuplicates.personLowId, high: personNonDuplicates.personHighId })
    .from(personNonDuplicates)
    .where(or(eq(personNonDuplicates.personLowId, personId), eq(personNonDuplicates.personHighId, personId)));
  return new Set(rows.map((r) => (r.low === personId ? r.high : r.low)));
}
