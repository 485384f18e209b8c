import type { z } from 'zod';
import { residenceCategory } from '../../../shared/domain/data-protection/field-groups';
import { assertMatrixCategory, assertPersonCategory, registeredSql } from '../../platform/access/person-access';
import {
  DEFAULT_EXPIRY_WARNING_DAYS,
  type expiringDocumentsQuerySchema,
  type expiringDocumentsResultSchema,
  type ResidenceDocument,
  residenceDocumentFields,
  type residenceDocumentInputSchema,
  type residenceDocumentListSchema,
  type residenceDocumentUpdateSchema,
} from '../../../shared/contracts/residence-documents';
import { todayIn } from '../../../shared/domain/calendar-date';
import {
  residenceDocumentProblems,
  type ResidenceDocumentFields,
} from '../../../shared/domain/residence-documents/document-rules';
import { documentStatus, documentTimeline } from '../../../shared/domain/residence-documents/document-status';
import { normaliseLegalBasis } from '../../../shared/domain/residence-documents/legal-basis';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { presentPersonSummary } from './people.presenter';
import { mergedIntoOf } from './households.repository';
import { presentResidenceDocument } from './residence-documents.presenter';
import {
  deleteDocument,
  documentsOfPerson,
  expiringDocuments,
  findDocument,
  insertDocument,
  updateDocumentIfVersion,
  type ResidenceDocumentRow,
  type ResidenceDocumentValues,
} from './residence-documents.repository';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { reevaluatePerson } from '../legal/legal-handover.service';

type CreateInput = z.infer<typeof residenceDocumentInputSchema>;
type UpdateInput = z.infer<typeof residenceDocumentUpdateSchema>;
type ExpiringQuery = z.infer<typeof expiringDocumentsQuerySchema>;

/** The audit row names changed fields in the contract's order. */
const editableFields = residenceDocumentFields;
type Editable = Pick<ResidenceDocumentValues, (typeof editableFields)[number]>;
type EditableKey = keyof Editable;

/** An empty text is no value; the legal basis is stored in its canonical spelling. */
function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return value === '' ? null : value;
}

function cleanInput<T extends UpdateInput>(input: T): T {
  const out: T = { ...input };
  for (const key of [
    'documentNumber',
    'issuedOn',
    'validFrom',
    'validUntil',
    'wohnsitzauflageMunicipality',
    'raeumlicheBeschraenkungArea',
    'issuingAuthority',
    'notes',
  ] as const) {
    out[key] = cleanText(input[key]);
  }
  if (input.legalBasis !== undefined) {
    const basis = cleanText(input.legalBasis);
    out.legalBasis = basis ? normaliseLegalBasis(basis) : null;
  }
  return out;
}

function assertValid(fields: ResidenceDocumentFields, today: string): void {
  const problems = residenceDocumentProblems(fields, today);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: problems.map((p) => ({ path: p.path, message: p.message })),
    });
  }
}

/** A record merged into another lives on only as history: new facts belong to the survivor. */
async function assertNotMergedAway(db: Db, personId: string): Promise<void> {
  if ((await mergedIntoOf(db, [personId])).size > 0) {
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: 'personId',
          message: fieldMessage(
            'Dieser Eintrag wurde mit einem anderen zusammengeführt. Bitte die Dokumente beim zusammengeführten Eintrag erfassen.',
            'This record was merged into another. Please record documents on the merged record.',
          ),
        },
      ],
    });
  }
}

/** The document as the client sees it: its status follows from the person's other documents. */
async function presentWithStatus(db: Db, row: ResidenceDocumentRow, today: string): Promise<ResidenceDocument> {
  const siblings = await documentsOfPerson(db, row.personId);
  return presentResidenceDocument(row, documentStatus(row, siblings, today, DEFAULT_EXPIRY_WARNING_DAYS));
}

/** A person's documents, newest first with their status at `now` (no check, no audit: callers do both). */
export async function residenceDocumentsAt(db: Db, personId: string, now: Date) {
  const rows = await documentsOfPerson(db, personId);
  return documentTimeline(rows, todayIn(now), DEFAULT_EXPIRY_WARNING_DAYS).map((t) =>
    presentResidenceDocument(t.document, t),
  );
}

export async function listResidenceDocuments(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<z.infer<typeof residenceDocumentListSchema>> {
  const a = await check(db, actor, 'person.read', [personId]);
  await assertPersonCategory(db, a, personId, residenceCategory, ctx.now);
  const items = await residenceDocumentsAt(db, personId, ctx.now);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'residence_document.listed',
      subjectType: 'person',
      subjectId: personId,
      details: { count: items.length },
    });
  });
  return { items };
}

export async function createResidenceDocument(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: CreateInput,
  ctx: AuditContext,
): Promise<Versioned<ResidenceDocument>> {
  const a = await check(db, actor, 'person.write', [personId]);
  await assertPersonCategory(db, a, personId, residenceCategory, ctx.now);
  await assertNotMergedAway(db, personId);
  const today = todayIn(ctx.now);
  const clean = cleanInput(input);
  // Conditions without their flag are refused rather than dropped: the caseworker typed something.
  assertValid(clean, today);
  const values: ResidenceDocumentValues = {
    personId,
    ...pickEditable(clean),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: a.userId,
    updatedBy: a.userId,
  };
  const row = await db.transaction(async (tx) => {
    const inserted = await insertDocument(tx, values);
    await recordAudit(tx, ctx, {
      type: 'residence_document.created',
      subjectType: 'person',
      subjectId: personId,
      details: { documentId: inserted.id },
    });
    await reevaluatePerson(tx, personId, ctx);
    return inserted;
  });
  return { value: await presentWithStatus(db, row, today), etag: etagOf(row.version) };
}

function pickEditable(source: Editable): Editable {
  return {
    documentType: source.documentType,
    legalBasis: source.legalBasis ?? null,
    documentNumber: source.documentNumber ?? null,
    issuedOn: source.issuedOn ?? null,
    validFrom: source.validFrom ?? null,
    validUntil: source.validUntil ?? null,
    employment: source.employment,
    wohnsitzauflage: source.wohnsitzauflage ?? false,
    wohnsitzauflageMunicipality: source.wohnsitzauflageMunicipality ?? null,
    raeumlicheBeschraenkung: source.raeumlicheBeschraenkung ?? false,
    raeumlicheBeschraenkungArea: source.raeumlicheBeschraenkungArea ?? null,
    issuingAuthority: source.issuingAuthority ?? null,
    notes: source.notes ?? null,
  };
}

export async function changeResidenceDocument(
  db: Db,
  actor: Actor | null,
  personId: string,
  documentId: string,
  ifMatch: string | undefined,
  input: UpdateInput,
  ctx: AuditContext,
): Promise<Versioned<ResidenceDocument>> {
  const a = await check(db, actor, 'person.write', [personId]);
  await assertPersonCategory(db, a, personId, residenceCategory, ctx.now);
  const version = ifMatchVersion(ifMatch, true);
  const provided = editableFields.filter((k) => input[k] !== undefined);
  if (provided.length === 0) throw new AppError('VALIDATION_FAILED');
  const current = await findDocument(db, personId, documentId);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== version) throw new AppError('PRECONDITION_FAILED');
  const today = todayIn(ctx.now);
  const clean = cleanInput(input);
  const merged: Editable = { ...pickEditable(current), ...Object.fromEntries(provided.map((k) => [k, clean[k]])) };
  // Lifting a condition clears its place unless the same request names one (which is then refused).
  if (!merged.wohnsitzauflage && clean.wohnsitzauflageMunicipality === undefined)
    merged.wohnsitzauflageMunicipality = null;
  if (!merged.raeumlicheBeschraenkung && clean.raeumlicheBeschraenkungArea === undefined) {
    merged.raeumlicheBeschraenkungArea = null;
  }
  assertValid(merged as ResidenceDocumentFields, today);
  const before = pickEditable(current);
  const fields: EditableKey[] = editableFields.filter((k) => merged[k] !== before[k]);
  const row = await db.transaction(async (tx) => {
    const updated = await updateDocumentIfVersion(tx, personId, documentId, version, {
      ...merged,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    // Someone else's update (or a deletion) committed between our read and this write.
    if (!updated) throw new AppError('PRECONDITION_FAILED');
    await recordAudit(tx, ctx, {
      type: 'residence_document.updated',
      subjectType: 'person',
      subjectId: personId,
      details: { documentId, fields, version: updated.version },
    });
    await reevaluatePerson(tx, personId, ctx);
    return updated;
  });
  return { value: await presentWithStatus(db, row, today), etag: etagOf(row.version) };
}

/** Removes an erroneous entry. Not for documents that ran out: those stay in the timeline. */
export async function deleteResidenceDocument(
  db: Db,
  actor: Actor | null,
  personId: string,
  documentId: string,
  ifMatch: string | undefined,
  ctx: AuditContext,
): Promise<void> {
  const a = await check(db, actor, 'person.write', [personId]);
  await assertPersonCategory(db, a, personId, residenceCategory, ctx.now);
  const version = ifMatchVersion(ifMatch, false);
  const current = await findDocument(db, personId, documentId);
  if (!current) throw new AppError('NOT_FOUND');
  if (version !== null && current.version !== version) throw new AppError('PRECONDITION_FAILED');
  await db.transaction(async (tx) => {
    if (!(await deleteDocument(tx, personId, documentId, version))) {
      throw new AppError(version === null ? 'NOT_FOUND' : 'PRECONDITION_FAILED');
    }
    await recordAudit(tx, ctx, {
      type: 'residence_document.deleted',
      subjectType: 'person',
      subjectId: personId,
      details: { documentId },
    });
    await reevaluatePerson(tx, personId, ctx);
  });
}

/**
 * The agency's worklist of documents about to expire. The warning window is `withinDays`, so every
 * entry is `expiring` or (with includeExpired) `expired`.
 */
export async function listExpiringDocuments(
  db: Db,
  actor: Actor | null,
  query: ExpiringQuery,
  ctx: AuditContext,
): Promise<z.infer<typeof expiringDocumentsResultSchema>> {
  const a = await check(db, actor, 'person.read');
  await assertMatrixCategory(db, a, residenceCategory);
  const today = todayIn(ctx.now);
  const { rows, total } = await expiringDocuments(db, {
    registeredScope: registeredSql(a),
    today,
    withinDays: query.withinDays,
    includeExpired: query.includeExpired,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items = rows.map((r) => ({
    person: presentPersonSummary(r),
    // The query left out superseded documents, so no sibling can supersede these.
    document: presentResidenceDocument(r.document, documentStatus(r.document, [], today, query.withinDays)),
  }));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'residence_document.expiring_viewed',
      subjectType: 'residence_document',
      details: { withinDays: query.withinDays, resultCount: items.length },
    });
  });
  return { items, page: { page: query.page, pageSize: query.pageSize, total } };
}
