import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, caseNotes, users } from '../../db/schema';
import { visibleRecord, type Ref, type UserRef, type Viewer } from './case-records.repository';

export type NoteRow = typeof caseNotes.$inferSelect;
export type NoteValues = Omit<typeof caseNotes.$inferInsert, 'id' | 'version'>;
/** A note with the names the presenter shows. */
export type NoteRecord = { note: NoteRow; author: UserRef; agency: Ref };

const visible = (viewer: Viewer) =>
  visibleRecord(
    { confidentiality: caseNotes.confidentiality, agencyId: caseNotes.authorAgencyId, userId: caseNotes.authorUserId },
    viewer,
  );

const columns = {
  note: caseNotes,
  author: { id: users.id, displayName: users.displayName },
  agency: { id: agencies.id, name: agencies.name },
};

/** One page of the notes of the case the viewer may see, newest contact first, and their total. */
export async function notesOfCase(
  db: Db,
  caseId: string,
  viewer: Viewer,
  filter: { kind?: string },
  limit: number,
  offset: number,
): Promise<{ rows: NoteRecord[]; total: number }> {
  const where = and(
    eq(caseNotes.caseId, caseId),
    visible(viewer),
    filter.kind ? eq(caseNotes.kind, filter.kind) : undefined,
  );
  const rows = await db
    .select(columns)
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorUserId))
    .innerJoin(agencies, eq(agencies.id, caseNotes.authorAgencyId))
    .where(where)
    .orderBy(desc(caseNotes.occurredAt), desc(caseNotes.createdAt), desc(caseNotes.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(caseNotes).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The note of that case if the viewer may see it; undefined for another case's note or an invisible one. */
export async function findVisibleNote(
  db: Db,
  caseId: string,
  noteId: string,
  viewer: Viewer,
): Promise<NoteRecord | undefined> {
  const [row] = await db
    .select(columns)
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorUserId))
    .innerJoin(agencies, eq(agencies.id, caseNotes.authorAgencyId))
    .where(and(eq(caseNotes.id, noteId), eq(caseNotes.caseId, caseId), visible(viewer)))
    .limit(1);
  return row;
}

export async function insertNote(tx: Db, values: NoteValues): Promise<string> {
  const [row] = await tx.insert(caseNotes).values(values).returning({ id: caseNotes.id });
  return row!.id;
}

/** Compare-and-set: changes the note only at `expectedVersion` and bumps it; undefined when someone was faster. */
export async function updateNoteIfVersion(
  tx: Db,
  caseId: string,
  noteId: string,
  expectedVersion: number,
  values: Partial<Pick<NoteValues, 'kind' | 'occurredAt' | 'subject' | 'body' | 'confidentiality' | 'updatedAt'>>,
): Promise<NoteRow | undefined> {
  const [row] = await tx
    .update(caseNotes)
    .set({ ...values, version: sql`${caseNotes.version} + 1` })
    .where(and(eq(caseNotes.id, noteId), eq(caseNotes.caseId, caseId), eq(caseNotes.version, expectedVersion)))
    .returning();
  return row;
}
