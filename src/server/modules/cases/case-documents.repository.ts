import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, caseDocumentContents, caseDocuments, users } from '../../db/schema';
import { visibleRecord, type Ref, type UserRef, type Viewer } from './case-records.repository';

export type DocumentRow = typeof caseDocuments.$inferSelect;
export type DocumentValues = Omit<typeof caseDocuments.$inferInsert, 'id'>;
/** A document's metadata with the names the presenter shows (never its bytes). */
export type DocumentRecord = { document: DocumentRow; uploadedBy: UserRef; agency: Ref };

const visible = (viewer: Viewer) =>
  visibleRecord(
    {
      confidentiality: caseDocuments.confidentiality,
      agencyId: caseDocuments.uploadedAgencyId,
      userId: caseDocuments.uploadedBy,
    },
    viewer,
  );

/** Only documents of these types (the categories the viewer sees); none when empty. */
const ofTypes = (docTypes: readonly string[]) =>
  docTypes.length ? inArray(caseDocuments.docType, [...docTypes]) : sql`false`;

const columns = {
  document: caseDocuments,
  uploadedBy: { id: users.id, displayName: users.displayName },
  agency: { id: agencies.id, name: agencies.name },
};

/** One page of the documents of the case the viewer may see, newest first, and their total. */
export async function documentsOfCase(
  db: Db,
  caseId: string,
  viewer: Viewer,
  filter: { docType?: string; docTypes: readonly string[] },
  limit: number,
  offset: number,
): Promise<{ rows: DocumentRecord[]; total: number }> {
  const where = and(
    eq(caseDocuments.caseId, caseId),
    visible(viewer),
    ofTypes(filter.docTypes),
    filter.docType ? eq(caseDocuments.docType, filter.docType) : undefined,
  );
  const rows = await db
    .select(columns)
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedBy))
    .innerJoin(agencies, eq(agencies.id, caseDocuments.uploadedAgencyId))
    .where(where)
    .orderBy(desc(caseDocuments.uploadedAt), desc(caseDocuments.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(caseDocuments).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The document of that case if the viewer may see it (its level, and its type among `docTypes`). */
export async function findVisibleDocument(
  db: Db,
  caseId: string,
  documentId: string,
  viewer: Viewer,
  docTypes: readonly string[],
): Promise<DocumentRecord | undefined> {
  const [row] = await db
    .select(columns)
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedBy))
    .innerJoin(agencies, eq(agencies.id, caseDocuments.uploadedAgencyId))
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId), visible(viewer), ofTypes(docTypes)))
    .limit(1);
  return row;
}

/** The stored bytes of a document. */
export async function documentContent(db: Db, documentId: string): Promise<Uint8Array | undefined> {
  const [row] = await db
    .select({ content: caseDocumentContents.content })
    .from(caseDocumentContents)
    .where(eq(caseDocumentContents.documentId, documentId))
    .limit(1);
  return row?.content;
}

export async function insertDocument(tx: Db, values: DocumentValues, content: Buffer): Promise<string> {
  const [row] = await tx.insert(caseDocuments).values(values).returning({ id: caseDocuments.id });
  await tx.insert(caseDocumentContents).values({ documentId: row!.id, content });
  return row!.id;
}

/** Deletes the document and (by cascade) its bytes; false when it was already gone. */
export async function deleteDocument(tx: Db, caseId: string, documentId: string): Promise<boolean> {
  const rows = await tx
    .delete(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId)))
    .returning({ id: caseDocuments.id });
  return rows.length > 0;
}
