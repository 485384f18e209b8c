import { and, asc, count, desc, eq, inArray, isNull, lte, gte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  addresses,
  agencies,
  caseAppointments,
  cases,
  letterEvents,
  letters,
  people,
  personAddresses,
  personLanguages,
  users,
  type AgencyContact,
} from '../../db/schema';
import type { Actor } from '../../platform/access/actor';
import { visibleRecord, type Viewer } from '../cases/case-records.repository';
import { caseVisibleTo } from '../cases/case-scope';

export type LetterRow = typeof letters.$inferSelect;
export type LetterValues = Omit<typeof letters.$inferInsert, 'id' | 'version'>;
/** A letter with the names the presenter shows (never the PDF bytes). */
export type LetterRecord = {
  letter: Omit<LetterRow, 'pdf'>;
  caseReference: string;
  agencyName: string;
  createdByName: string | null;
};
export type LetterEventRecord = typeof letterEvents.$inferSelect & { recordedByName: string | null };

const { pdf: _pdf, ...letterColumns } = letters;
void _pdf;

const recordColumns = {
  letter: letterColumns,
  caseReference: cases.reference,
  agencyName: agencies.name,
  createdByName: users.displayName,
};

/** The confidentiality filter: team, the sending agency's letters, the author's own. */
export const letterVisible = (viewer: Viewer) =>
  visibleRecord(
    { confidentiality: letters.confidentiality, agencyId: letters.agencyId, userId: letters.createdBy },
    viewer,
  );

/** The letter's case (for the access check before anything else is read); undefined when none. */
export async function caseOfLetter(db: Db, letterId: string): Promise<string | undefined> {
  const [row] = await db.select({ caseId: letters.caseId }).from(letters).where(eq(letters.id, letterId)).limit(1);
  return row?.caseId;
}

/** The letter if the viewer's confidentiality level admits it. */
export async function findVisibleLetter(db: Db, letterId: string, viewer: Viewer): Promise<LetterRecord | undefined> {
  const [row] = await db
    .select(recordColumns)
    .from(letters)
    .innerJoin(cases, eq(cases.id, letters.caseId))
    .innerJoin(agencies, eq(agencies.id, letters.agencyId))
    .leftJoin(users, eq(users.id, letters.createdBy))
    .where(and(eq(letters.id, letterId), letterVisible(viewer)))
    .limit(1);
  return row;
}

export async function eventsOfLetter(db: Db, letterId: string): Promise<LetterEventRecord[]> {
  const rows = await db
    .select({ event: letterEvents, recordedByName: users.displayName })
    .from(letterEvents)
    .leftJoin(users, eq(users.id, letterEvents.recordedBy))
    .where(eq(letterEvents.letterId, letterId))
    .orderBy(asc(letterEvents.occurredAt), asc(letterEvents.recordedAt));
  return rows.map((r) => ({ ...r.event, recordedByName: r.recordedByName }));
}

/** The stored PDF of a letter (set when it was sent), or null. */
export async function storedPdf(db: Db, letterId: string): Promise<Buffer | null> {
  const [row] = await db.select({ pdf: letters.pdf }).from(letters).where(eq(letters.id, letterId)).limit(1);
  return row?.pdf ? Buffer.from(row.pdf) : null;
}

/**
 * One page of the person's letters the actor may see — the case visible to the actor
 * (`caseVisibleTo`) AND the letter's confidentiality — newest first, and their total.
 */
export async function lettersOfPerson(
  db: Db,
  actor: Actor,
  personId: string,
  now: Date,
  filter: { status?: string },
  limit: number,
  offset: number,
): Promise<{ rows: LetterRecord[]; total: number }> {
  const where = and(
    eq(letters.personId, personId),
    caseVisibleTo(actor, now, sql`${letters.caseId}`),
    letterVisible({ agencyId: actor.agencyId, userId: actor.userId }),
    filter.status ? eq(letters.status, filter.status) : undefined,
  );
  const rows = await db
    .select(recordColumns)
    .from(letters)
    .innerJoin(cases, eq(cases.id, letters.caseId))
    .innerJoin(agencies, eq(agencies.id, letters.agencyId))
    .leftJoin(users, eq(users.id, letters.createdBy))
    .where(where)
    .orderBy(desc(letters.createdAt), desc(letters.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(letters).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function insertLetter(tx: Db, values: LetterValues): Promise<string> {
  const [row] = await tx.insert(letters).values(values).returning({ id: letters.id });
  return row!.id;
}

/** Compare-and-set on a draft: changes it only at `expectedVersion` while still a draft. */
export async function updateDraftIfVersion(
  tx: Db,
  letterId: string,
  expectedVersion: number,
  values: Partial<
    Pick<
      LetterValues,
      | 'language'
      | 'subject'
      | 'fields'
      | 'appointmentId'
      | 'channel'
      | 'confidentiality'
      | 'addressId'
      | 'updatedAt'
      | 'updatedBy'
    >
  >,
): Promise<LetterRow | undefined> {
  const [row] = await tx
    .update(letters)
    .set({ ...values, version: sql`${letters.version} + 1` })
    .where(and(eq(letters.id, letterId), eq(letters.version, expectedVersion), eq(letters.status, 'draft')))
    .returning();
  return row;
}

/** The subject follows the fields (rendered German subject); not a change of its own, so no version bump. */
export async function setLetterSubject(tx: Db, letterId: string, subject: string): Promise<void> {
  await tx.update(letters).set({ subject }).where(eq(letters.id, letterId));
}

export async function deleteDraft(tx: Db, letterId: string): Promise<boolean> {
  const rows = await tx
    .delete(letters)
    .where(and(eq(letters.id, letterId), eq(letters.status, 'draft')))
    .returning({ id: letters.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// What a letter is filled with

export type CaseFacts = { id: string; reference: string; personId: string };

export async function caseFacts(db: Db, caseId: string): Promise<CaseFacts | undefined> {
  const [row] = await db
    .select({ id: cases.id, reference: cases.reference, personId: cases.personId })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  return row;
}

export type PersonFacts = {
  givenNames: string;
  familyName: string;
  nameOrder: string;
  interpreterLanguage: string | null;
  motherTongues: string[];
};

export async function personFacts(db: Db, personId: string): Promise<PersonFacts | undefined> {
  const [p] = await db
    .select({
      givenNames: people.givenNames,
      familyName: people.familyName,
      nameOrder: people.nameOrder,
      interpreterLanguage: people.interpreterLanguage,
    })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  if (!p) return undefined;
  const langs = await db
    .select({ language: personLanguages.language })
    .from(personLanguages)
    .where(and(eq(personLanguages.personId, personId), eq(personLanguages.motherTongue, true)))
    .orderBy(asc(personLanguages.position));
  return { ...p, motherTongues: langs.map((l) => l.language) };
}

export type PostalAddress = {
  addressId: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  suffix: string | null;
};

const addressColumns = {
  addressId: addresses.id,
  street: addresses.street,
  houseNumber: addresses.houseNumber,
  postalCode: addresses.postalCode,
  city: addresses.city,
  suffix: personAddresses.addressSuffix,
  kind: personAddresses.kind,
};

/**
 * The address a letter goes to: the person's current postal address, else the residence, else the
 * accommodation (valid today), with the person's address suffix (c/o, room).
 */
export async function currentPostalAddress(
  db: Db,
  personId: string,
  today: string,
): Promise<PostalAddress | undefined> {
  const rows = await db
    .select(addressColumns)
    .from(personAddresses)
    .innerJoin(addresses, eq(addresses.id, personAddresses.addressId))
    .where(
      and(
        eq(personAddresses.personId, personId),
        inArray(personAddresses.kind, ['postal', 'residence', 'accommodation']),
        or(isNull(personAddresses.validFrom), lte(personAddresses.validFrom, today)),
        or(isNull(personAddresses.validUntil), gte(personAddresses.validUntil, today)),
      ),
    )
    .orderBy(asc(personAddresses.position));
  const rank = (kind: string) => ['postal', 'residence', 'accommodation'].indexOf(kind);
  const [best] = rows.sort((a, b) => rank(a.kind) - rank(b.kind));
  if (!best) return undefined;
  const { kind: _kind, ...address } = best;
  void _kind;
  return address;
}

/** A given address of the person (the one the letter names), with the person's suffix for it. */
export async function personAddress(db: Db, personId: string, addressId: string): Promise<PostalAddress | undefined> {
  const [row] = await db
    .select(addressColumns)
    .from(addresses)
    .leftJoin(personAddresses, and(eq(personAddresses.addressId, addresses.id), eq(personAddresses.personId, personId)))
    .where(eq(addresses.id, addressId))
    .limit(1);
  if (!row) return undefined;
  const { kind: _kind, ...address } = row;
  void _kind;
  return address;
}

export async function agencyFacts(
  db: Db,
  agencyId: string,
): Promise<{ name: string; contact: AgencyContact } | undefined> {
  const [row] = await db
    .select({ name: agencies.name, contact: agencies.contact })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .limit(1);
  return row;
}

export type AppointmentFacts = {
  id: string;
  startsAt: Date;
  location: string | null;
  interpreterLanguage: string | null;
};

/** The appointment if it belongs to the case. */
export async function appointmentOfCase(
  db: Db,
  caseId: string,
  appointmentId: string,
): Promise<AppointmentFacts | undefined> {
  const [row] = await db
    .select({
      id: caseAppointments.id,
      startsAt: caseAppointments.startsAt,
      location: caseAppointments.location,
      interpreterLanguage: caseAppointments.interpreterLanguage,
    })
    .from(caseAppointments)
    .where(and(eq(caseAppointments.id, appointmentId), eq(caseAppointments.caseId, caseId)))
    .limit(1);
  return row;
}

/** The full letter row with its PDF (for rendering and sending). */
export async function letterRow(db: Db, letterId: string): Promise<LetterRow | undefined> {
  const [row] = await db.select().from(letters).where(eq(letters.id, letterId)).limit(1);
  return row;
}
