import { aliasedTable, and, count, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, cases, dataTransfers, people, users } from '../../db/schema';

export type TransferValues = typeof dataTransfers.$inferInsert;

/** A transfer with the names the log shows: agencies, the recording user, the person (filtered by the presenter). */
export type TransferRecord = {
  transfer: typeof dataTransfers.$inferSelect;
  fromAgency: { id: string; name: string };
  toAgency: { id: string; name: string };
  recordedBy: { id: string; displayName: string } | null;
  person: { givenNames: string; familyName: string };
};

const fromAgencies = aliasedTable(agencies, 'from_agency');
const toAgencies = aliasedTable(agencies, 'to_agency');

const recordColumns = {
  transfer: dataTransfers,
  fromAgency: { id: fromAgencies.id, name: fromAgencies.name },
  toAgency: { id: toAgencies.id, name: toAgencies.name },
  recorderId: users.id,
  recorderName: users.displayName,
  person: { givenNames: people.givenNames, familyName: people.familyName },
};

type Row = {
  transfer: typeof dataTransfers.$inferSelect;
  fromAgency: { id: string; name: string };
  toAgency: { id: string; name: string };
  recorderId: string | null;
  recorderName: string | null;
  person: { givenNames: string; familyName: string };
};

const toRecord = (r: Row): TransferRecord => ({
  transfer: r.transfer,
  fromAgency: r.fromAgency,
  toAgency: r.toAgency,
  recordedBy: r.recorderId && r.recorderName ? { id: r.recorderId, displayName: r.recorderName } : null,
  person: r.person,
});

function selectRecords(db: Db) {
  return db
    .select(recordColumns)
    .from(dataTransfers)
    .innerJoin(fromAgencies, eq(fromAgencies.id, dataTransfers.fromAgencyId))
    .innerJoin(toAgencies, eq(toAgencies.id, dataTransfers.toAgencyId))
    .innerJoin(people, eq(people.id, dataTransfers.personId))
    .leftJoin(users, eq(users.id, dataTransfers.recordedBy));
}

export async function insertTransfer(db: Db, values: TransferValues): Promise<string> {
  const [row] = await db.insert(dataTransfers).values(values).returning({ id: dataTransfers.id });
  return row!.id;
}

export async function findTransferRecord(db: Db, id: string): Promise<TransferRecord | undefined> {
  const rows = await selectRecords(db).where(eq(dataTransfers.id, id));
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findAgency(db: Db, id: string): Promise<{ id: string; name: string; kind: string } | undefined> {
  const [row] = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row;
}

export async function findCasePerson(db: Db, caseId: string): Promise<string | undefined> {
  const [row] = await db.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId));
  return row?.personId;
}

export async function personExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.id, id));
  return row !== undefined;
}

/** Transfers of one person, newest first: all of them (`agencyId` null) or those from or to one agency. */
export async function listPersonTransfers(
  db: Db,
  personId: string,
  agencyId: string | null,
): Promise<TransferRecord[]> {
  const rows = await selectRecords(db)
    .where(
      and(
        eq(dataTransfers.personId, personId),
        agencyId === null
          ? undefined
          : or(eq(dataTransfers.fromAgencyId, agencyId), eq(dataTransfers.toAgencyId, agencyId)),
      ),
    )
    .orderBy(desc(dataTransfers.transferredAt), desc(dataTransfers.id));
  return rows.map(toRecord);
}

export type TransferFilter = {
  /** null: every agency (the data protection officer's view). */
  agencyId: string | null;
  direction: 'all' | 'sent' | 'received';
  /** Instants bounding `transferred_at`: from inclusive, before exclusive. */
  from: Date | null;
  before: Date | null;
  page: number;
  pageSize: number;
};

export async function listTransfers(db: Db, f: TransferFilter): Promise<{ rows: TransferRecord[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (f.agencyId !== null) {
    if (f.direction === 'sent') conditions.push(eq(dataTransfers.fromAgencyId, f.agencyId));
    else if (f.direction === 'received') conditions.push(eq(dataTransfers.toAgencyId, f.agencyId));
    else conditions.push(or(eq(dataTransfers.fromAgencyId, f.agencyId), eq(dataTransfers.toAgencyId, f.agencyId)));
  }
  if (f.from) conditions.push(gte(dataTransfers.transferredAt, f.from));
  if (f.before) conditions.push(lt(dataTransfers.transferredAt, f.before));
  const where = and(...conditions);
  const [totalRow] = await db.select({ n: count() }).from(dataTransfers).where(where);
  const rows = await selectRecords(db)
    .where(where)
    .orderBy(desc(dataTransfers.transferredAt), desc(dataTransfers.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows: rows.map(toRecord), total: Number(totalRow?.n ?? 0) };
}
