import { createHash } from 'node:crypto';
import {
  DOCUMENT_MAX_BYTES,
  type CaseDocument,
  type CaseDocumentList,
  type DocumentListQuery,
  type DocumentMediaType,
  type DocumentUploadQuery,
} from '../../../shared/contracts/case-records';
import { documentTypeCategories } from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { detectMediaType, sanitiseFileName } from './case-documents.content';
import { presentDocument, type CaseClosureState } from './case-documents.presenter';
import {
  deleteDocument as deleteDocumentRow,
  documentContent,
  documentsOfCase,
  findVisibleDocument,
  insertDocument,
} from './case-documents.repository';
import { assertCaseCategory, caseCategories, visibleDocumentTypes } from './case-categories';
import { assertCaseOpen, restrictionOf } from './case-records.policy';
import { caseClosure } from './case-records.repository';
import { recordCaseEvent } from './case-timeline';

/**
 * Documents of a case: uploaded as the raw file (see case-documents.routes.ts), checked by their
 * first bytes, stored with SHA-256, size, media type and a sanitised name; read and removed under
 * the same confidentiality levels as notes. Uploads and removals are refused on a closed case: its
 * file is complete, and what happens to it now is the retention class's business.
 */

const CLOSED = {
  de: 'Dokumente können dann nicht mehr hochgeladen oder entfernt werden.',
  en: 'Documents can then no longer be uploaded or removed.',
};

const viewerOf = (a: Actor) => ({ agencyId: a.agencyId, userId: a.userId });

const MIB = 1024 * 1024;

export function fileTooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', {
    fieldErrors: [
      {
        path: 'file',
        message: fieldMessage(
          `Die Datei ist zu groß. Erlaubt sind höchstens ${DOCUMENT_MAX_BYTES / MIB} MB. Bitte verkleinern Sie die Datei (z. B. als PDF mit geringerer Auflösung scannen).`,
          `The file is too large. At most ${DOCUMENT_MAX_BYTES / MIB} MB are allowed. Please make the file smaller (e.g. scan it as a PDF with a lower resolution).`,
        ),
      },
    ],
  });
}

function fileProblem(de: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { fieldErrors: [{ path: 'file', message: fieldMessage(de, en) }] });
}

async function closureState(db: Db, caseId: string): Promise<CaseClosureState> {
  const state = await caseClosure(db, caseId);
  if (!state) throw new AppError('NOT_FOUND');
  return state;
}

/** The documents the actor may see, newest first; filterable by type, paged. */
export async function listDocuments(
  db: Db,
  actor: Actor | null,
  caseId: string,
  query: DocumentListQuery,
  ctx: AuditContext,
): Promise<CaseDocumentList> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const state = await closureState(db, caseId);
  const docTypes = visibleDocumentTypes((await caseCategories(db, a, caseId, ctx.now)).categories);
  const { rows, total } = await documentsOfCase(
    db,
    caseId,
    viewerOf(a),
    { docType: query.docType, docTypes },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_document.listed',
      subjectType: 'case',
      subjectId: caseId,
      details: { resultCount: rows.length },
    });
  });
  return {
    items: rows.map((r) => presentDocument(r, a, state)),
    page: { page: query.page, pageSize: query.pageSize, total },
  };
}

/**
 * Stores an uploaded file with its metadata. `body` is what the octet-stream parser produced:
 * a Buffer (anything else — e.g. a JSON body — is the wrong transport: 415).
 */
export async function uploadDocument(
  db: Db,
  actor: Actor | null,
  caseId: string,
  query: DocumentUploadQuery,
  body: unknown,
  ctx: AuditContext,
): Promise<CaseDocument> {
  const a = await check(db, actor, 'case.write', [caseId]);
  await assertCaseOpen(db, caseId, CLOSED);
  // A document of a category the agency may not see for this person cannot be filed by it either.
  await assertCaseCategory(db, a, caseId, documentTypeCategories[query.docType], ctx.now);
  // No body at all (no Content-Type, or nothing sent) is an empty file, not a wrong transport.
  if (body === undefined || body === null) throw fileProblem('Die Datei ist leer.', 'The file is empty.');
  if (!Buffer.isBuffer(body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      fieldErrors: [
        {
          path: 'file',
          message: fieldMessage(
            'Bitte senden Sie die Datei selbst als application/octet-stream; Typ, Titel und weitere Angaben gehören in die Adresse (Query).',
            'Please send the file itself as application/octet-stream; type, title and the other fields go into the query string.',
          ),
        },
      ],
    });
  }
  if (body.length === 0) throw fileProblem('Die Datei ist leer.', 'The file is empty.');
  if (body.length > DOCUMENT_MAX_BYTES) throw fileTooLarge();
  const mediaType: DocumentMediaType | null = detectMediaType(body);
  if (!mediaType) {
    throw fileProblem(
      'Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, PNG, JPEG, TIFF und Textdateien (UTF-8). Der Typ wird am Inhalt erkannt, nicht am Dateinamen.',
      'This file type is not allowed. Allowed are PDF, PNG, JPEG, TIFF and text files (UTF-8). The type is recognised by the content, not by the file name.',
    );
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const fileName = sanitiseFileName(query.fileName, mediaType);
  const owner = { userId: a.userId, agencyId: a.agencyId };
  const documentId = await db.transaction(async (tx) => {
    await assertCaseOpen(tx, caseId, CLOSED);
    const id = await insertDocument(
      tx,
      {
        caseId,
        docType: query.docType,
        title: query.title,
        fileName,
        mediaType,
        sizeBytes: body.length,
        sha256,
        retentionClass: query.retentionClass,
        confidentiality: query.confidentiality,
        uploadedAt: ctx.now,
        uploadedBy: a.userId,
        uploadedAgencyId: a.agencyId,
      },
      body,
    );
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'document_uploaded',
      details: { documentId: id, docType: query.docType, ...restrictionOf(query.confidentiality, owner) },
    });
    await recordAudit(tx, ctx, {
      type: 'case_document.uploaded',
      subjectType: 'case',
      subjectId: caseId,
      details: {
        documentId: id,
        docType: query.docType,
        mediaType,
        sizeBytes: body.length,
        retentionClass: query.retentionClass,
        confidentiality: query.confidentiality,
      },
    });
    return id;
  });
  const record = await findVisibleDocument(db, caseId, documentId, viewerOf(a), [query.docType]);
  if (!record) throw new AppError('NOT_FOUND');
  return presentDocument(record, a, await closureState(db, caseId));
}

/** The file for download: its bytes, stored type and name. Every download is audited. */
export async function downloadDocument(
  db: Db,
  actor: Actor | null,
  caseId: string,
  documentId: string,
  ctx: AuditContext,
): Promise<{ content: Buffer; mediaType: DocumentMediaType; fileName: string }> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const docTypes = visibleDocumentTypes((await caseCategories(db, a, caseId, ctx.now)).categories);
  const record = await findVisibleDocument(db, caseId, documentId, viewerOf(a), docTypes);
  if (!record) throw new AppError('NOT_FOUND');
  const content = await documentContent(db, documentId);
  if (!content) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_document.downloaded',
      subjectType: 'case',
      subjectId: caseId,
      details: { documentId },
    });
  });
  return {
    content: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
    mediaType: record.document.mediaType as DocumentMediaType,
    fileName: record.document.fileName,
  };
}

/** Removes a document: the uploader's agency only (403 for other team agencies), not on a closed case. */
export async function removeDocument(
  db: Db,
  actor: Actor | null,
  caseId: string,
  documentId: string,
  ctx: AuditContext,
): Promise<void> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const docTypes = visibleDocumentTypes((await caseCategories(db, a, caseId, ctx.now)).categories);
  const record = await findVisibleDocument(db, caseId, documentId, viewerOf(a), docTypes);
  if (!record) throw new AppError('NOT_FOUND');
  if (record.document.uploadedAgencyId !== a.agencyId) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'documentId',
          message: fieldMessage(
            'Ein Dokument entfernt nur die Stelle, die es hochgeladen hat.',
            'Only the agency that uploaded a document removes it.',
          ),
        },
      ],
    });
  }
  await assertCaseOpen(db, caseId, CLOSED);
  const d = record.document;
  await db.transaction(async (tx) => {
    await assertCaseOpen(tx, caseId, CLOSED);
    if (!(await deleteDocumentRow(tx, caseId, documentId))) throw new AppError('NOT_FOUND');
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'document_removed',
      details: {
        documentId,
        docType: d.docType,
        ...restrictionOf(d.confidentiality as DocumentUploadQuery['confidentiality'], {
          userId: d.uploadedBy,
          agencyId: d.uploadedAgencyId,
        }),
      },
    });
    await recordAudit(tx, ctx, {
      type: 'case_document.deleted',
      subjectType: 'case',
      subjectId: caseId,
      details: { documentId, docType: d.docType },
    });
  });
}
