import { and, asc, count, desc, eq, inArray, isNull, lte, or, gte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  addresses,
  agencies,
  cases,
  communicationConsents,
  letterEvents,
  letters,
  outgoingMail,
  people,
  personAddresses,
  users,
} from '../../db/schema';
import type { Actor } from '../../platform/access/actor';
import { visibleRecord, type Viewer } from '../cases/case-records.repository';
import { caseVisibleTo } from '../cases/case-scope';

export type LetterRow = typeof letters.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
export type ChannelConsentRow = typeof communicationConsents.$inferSelect;

/** A letter's confidentiality admits the viewer (team / agency / author, as case notes). */
export const letterVisible = (viewer: Viewer): SQL =>
  visibleRecord(
    { confidentiality: letters.confidentiality, agencyId: letters.agencyId, userId: letters.createdBy },
    viewer,
  );

/** The letter (without its PDF) if its confidentiality admits the viewer. */
export async function findVisibleLetter(db: Db, letterId: string, viewer: Viewer): Promise<LetterRow | undefined> {
  const [row] = await db
    .select()
    .from(letters)
    .where(and(eq(letters.id, letterId), letterVisible(viewer)))
    .limit(1);
  return row;
}

/** The case of a letter (for the case-scope check), without disclosing anything else. */
export async function caseOfLetter(db: Db, letterId: string): Promise<string | undefined> {
  const [row] = await db.select({ caseId: letters.caseId }).from(letters).where(eq(letters.id, letterId)).limit(1);
  return row?.caseId;
}

export async function lockLetter(tx: Db, letterId: string): Promise<LetterRow | undefined> {
  const [row] = await tx.select().from(letters).where(eq(letters.id, letterId)).for('update');
  return row;
}

/** Updates the letter and bumps its version (unless `values.version` sets it). */
export async function updateLetter(
  tx: Db,
  letterId: string,
  values: Partial<typeof letters.$inferInsert>,
): Promise<LetterRow> {
  const [row] = await tx
    .update(letters)
    .set({ version: sql`${letters.version} + 1`, ...values })
    .where(eq(letters.id, letterId))
    .returning();
  return row!;
}

export async function insertLetterEvent(tx: Db, values: typeof letterEvents.$inferInsert): Promise<string> {
  const [row] = await tx.insert(letterEvents).values(values).returning({ id: letterEvents.id });
  return row!.id;
}

/** The person's channel consents (all; the rules decide which are in force). */
export async function channelConsentsOf(db: Db, personId: string): Promise<ChannelConsentRow[]> {
  return db
    .select()
    .from(communicationConsents)
    .where(eq(communicationConsents.personId, personId))
    .orderBy(desc(communicationConsents.givenOn), asc(communicationConsents.id));
}

/** One of the person's addresses with the register row, or undefined when it is not theirs. */
export async function addressOfPerson(
  db: Db,
  personId: string,
  addressId: string,
): Promise<{ address: AddressRow; suffix: string | null } | undefined> {
  const [row] = await db
    .select({ address: addresses, suffix: personAddresses.addressSuffix })
    .from(personAddresses)
    .innerJoin(addresses, eq(addresses.id, personAddresses.addressId))
    .where(and(eq(personAddresses.personId, personId), eq(personAddresses.addressId, addressId)))
    .orderBy(asc(personAddresses.position))
    .limit(1);
  return row;
}

/** An address of the register with the person's suffix for it (null when no longer linked). */
export async function addressById(
  db: Db,
  addressId: string,
  personId: string,
): Promise<{ address: AddressRow; suffix: string | null } | undefined> {
  const [address] = await db.select().from(addresses).where(eq(addresses.id, addressId)).limit(1);
  if (!address) return undefined;
  const linked = await addressOfPerson(db, personId, addressId);
  return { address, suffix: linked?.suffix ?? null };
}

/**
 * The person's current postal address on `today`: a postal address valid today, else the
 * residence or accommodation valid today, in the person's order.
 */
export async function currentAddressOf(
  db: Db,
  personId: string,
  today: string,
): Promise<{ address: AddressRow; suffix: string | null } | undefined> {
  const [row] = await db
    .select({ address: addresses, suffix: personAddresses.addressSuffix })
    .from(personAddresses)
    .innerJoin(addresses, eq(addresses.id, personAddresses.addressId))
    .where(
      and(
        eq(personAddresses.personId, personId),
        or(isNull(personAddresses.validFrom), lte(personAddresses.validFrom, today)),
        or(isNull(personAddresses.validUntil), gte(personAddresses.validUntil, today)),
      ),
    )
    .orderBy(sql`case ${personAddresses.kind} when 'postal' then 0 else 1 end`, asc(personAddresses.position))
    .limit(1);
  return row;
}

/** The letter's e-mail in the outbox (newest), if any. */
export async function mailOfLetter(
  db: Db,
  letterId: string,
): Promise<{ status: string; attempts: number; lastError: string | null } | undefined> {
  const [row] = await db
    .select({ status: outgoingMail.status, attempts: outgoingMail.attempts, lastError: outgoingMail.lastError })
    .from(outgoingMail)
    .where(eq(outgoingMail.letterId, letterId))
    .orderBy(desc(outgoingMail.createdAt))
    .limit(1);
  return row;
}

export type OutboxFilter = {
  status?: string;
  proofMissing?: boolean;
  returned?: boolean;
  sort: 'createdAt' | 'sentAt' | 'status';
  dir: 'asc' | 'desc';
};

export type OutboxRecord = {
  letter: Pick<
    LetterRow,
    | 'id'
    | 'caseId'
    | 'personId'
    | 'agencyId'
    | 'template'
    | 'language'
    | 'subject'
    | 'channel'
    | 'status'
    | 'confidentiality'
    | 'sentAt'
    | 'deliveredAt'
    | 'returnedAt'
    | 'createdAt'
  >;
  caseReference: string;
  agencyName: string;
  createdByName: string | null;
  givenNames: string;
  familyName: string;
};

/**
 * One page of the letters of the actor's agency whose case the actor sees (scope as the case
 * list, which includes seeing the case's person) and whose confidentiality admits the actor, with
 * the total.
 */
export async function agencyLetters(
  db: Db,
  actor: Actor,
  now: Date,
  filter: OutboxFilter,
  limit: number,
  offset: number,
): Promise<{ rows: OutboxRecord[]; total: number }> {
  const where = and(
    eq(letters.agencyId, actor.agencyId),
    letterVisible({ agencyId: actor.agencyId, userId: actor.userId }),
    caseVisibleTo(actor, now, sql`${letters.caseId}`),
    filter.status ? eq(letters.status, filter.status) : undefined,
    filter.proofMissing ? eq(letters.status, 'sent') : undefined,
    filter.returned ? inArray(letters.status, ['returned', 'undeliverable']) : undefined,
  );
  const sortColumn =
    filter.sort === 'sentAt' ? letters.sentAt : filter.sort === 'status' ? letters.status : letters.createdAt;
  const order = filter.dir === 'asc' ? asc(sortColumn) : desc(sortColumn);
  // Unsent letters (no sentAt) last when sorting by the day sent.
  const first = filter.sort === 'sentAt' ? [sql`${letters.sentAt} is null`, order] : [order];
  const rows = await db
    .select({
      letter: {
        id: letters.id,
        caseId: letters.caseId,
        personId: letters.personId,
        agencyId: letters.agencyId,
        template: letters.template,
        language: letters.language,
        subject: letters.subject,
        channel: letters.channel,
        status: letters.status,
        confidentiality: letters.confidentiality,
        sentAt: letters.sentAt,
        deliveredAt: letters.deliveredAt,
        returnedAt: letters.returnedAt,
        createdAt: letters.createdAt,
      },
      caseReference: cases.reference,
      agencyName: agencies.name,
      createdByName: users.displayName,
      givenNames: people.givenNames,
      familyName: people.familyName,
    })
    .from(letters)
    .innerJoin(cases, eq(cases.id, letters.caseId))
    .innerJoin(agencies, eq(agencies.id, letters.agencyId))
    .innerJoin(people, eq(people.id, letters.personId))
    .leftJoin(users, eq(users.id, letters.createdBy))
    .where(where)
    .orderBy(...first, desc(letters.createdAt), asc(letters.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(letters).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function agencyNameOf(db: Db, agencyId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId)).limit(1);
  return row?.name;
}
