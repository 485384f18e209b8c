import type {
  Note,
  NoteCreateRequest,
  NoteList,
  NoteListQuery,
  NoteUpdateRequest,
} from '../../../shared/contracts/case-records';
import { caseNoteCategory } from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import {
  findVisibleNote,
  insertNote,
  notesOfCase,
  updateNoteIfVersion,
  type NoteRecord,
} from './case-notes.repository';
import { assertCaseCategory } from './case-categories';
import { presentNote } from './case-notes.presenter';
import { changedFields, nothingToChange, restrictionOf } from './case-records.policy';
import { recordCaseEvent } from './case-timeline';
import { restrictCaseEvents } from './cases.repository';

/**
 * Notes (Vermerke) of a case: contacts, home visits, phone calls, conferences, counselling.
 *
 * Unlike every other record of a case, notes may still be written and corrected after the case is
 * closed: the closing conversation, a final phone call or a late piece of information belong in
 * the file, and a closed case must not force a reopening (which would restart the case's phases)
 * just to document them. Everything else about a closed case stays frozen.
 */

/** A few minutes of tolerance for the caseworker's clock, which is not the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = new Date('2000-01-01T00:00:00Z');

function occurredAtProblems(occurredAt: Date, now: Date): FieldError[] {
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return [
      {
        path: 'occurredAt',
        message: fieldMessage(
          'Der Zeitpunkt liegt in der Zukunft. Ein Vermerk hält fest, was bereits geschehen ist.',
          'The time lies in the future. A note records what has already happened.',
        ),
      },
    ];
  }
  if (occurredAt < EARLIEST) {
    return [
      {
        path: 'occurredAt',
        message: fieldMessage(
          'Bitte einen Zeitpunkt ab dem Jahr 2000 angeben.',
          'Please give a time from 2000 onwards.',
        ),
      },
    ];
  }
  return [];
}

const viewerOf = (a: Actor) => ({ agencyId: a.agencyId, userId: a.userId });

function notAuthor(): AppError {
  return new AppError('FORBIDDEN', {
    fieldErrors: [
      {
        path: 'id',
        message: fieldMessage(
          'Einen Vermerk ändert nur, wer ihn verfasst hat. Ergänzungen halten Sie bitte in einem eigenen Vermerk fest.',
          'Only the author changes a note. Please record additions in a note of your own.',
        ),
      },
    ],
  });
}

function staleNote(current: NoteRecord | undefined): AppError {
  if (!current) return new AppError('NOT_FOUND');
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Der Vermerk wurde inzwischen geändert (jetzt Stand ${current.note.version}). Ihre Änderung wurde nicht übernommen: Bitte laden Sie den Vermerk neu und prüfen Sie sie.`,
          `The note was changed in the meantime (now version ${current.note.version}). Your change was not applied: please reload the note and check it.`,
        ),
      },
    ],
  });
}

async function loaded(db: Db, actor: Actor, caseId: string, noteId: string): Promise<Versioned<Note>> {
  const record = await findVisibleNote(db, caseId, noteId, viewerOf(actor));
  if (!record) throw new AppError('NOT_FOUND');
  return { value: presentNote(record, actor), etag: etagOf(record.note.version) };
}

/** The notes the actor may see, newest contact first; filterable by kind, paged. */
export async function listNotes(
  db: Db,
  actor: Actor | null,
  caseId: string,
  query: NoteListQuery,
  ctx: AuditContext,
): Promise<NoteList> {
  const a = await check(db, actor, 'case.read', [caseId]);
  await assertCaseCategory(db, a, caseId, caseNoteCategory, ctx.now);
  const { rows, total } = await notesOfCase(
    db,
    caseId,
    viewerOf(a),
    { kind: query.kind },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_note.listed',
      subjectType: 'case',
      subjectId: caseId,
      details: { resultCount: rows.length, kind: query.kind ?? null },
    });
  });
  return { items: rows.map((r) => presentNote(r, a)), page: { page: query.page, pageSize: query.pageSize, total } };
}

/** Writes a note (also on a closed case, see above); the timeline entry carries its confidentiality. */
export async function createNote(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: NoteCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<Note>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  await assertCaseCategory(db, a, caseId, caseNoteCategory, ctx.now);
  const occurredAt = new Date(input.occurredAt);
  const problems = occurredAtProblems(occurredAt, ctx.now);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  const owner = { userId: a.userId, agencyId: a.agencyId };
  const noteId = await db.transaction(async (tx) => {
    const id = await insertNote(tx, {
      caseId,
      kind: input.kind,
      occurredAt,
      subject: input.subject,
      body: input.body,
      confidentiality: input.confidentiality,
      authorUserId: a.userId,
      authorAgencyId: a.agencyId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'note_added',
      details: { noteId: id, noteKind: input.kind, ...restrictionOf(input.confidentiality, owner) },
    });
    await recordAudit(tx, ctx, {
      type: 'case_note.created',
      subjectType: 'case',
      subjectId: caseId,
      details: { noteId: id, kind: input.kind, confidentiality: input.confidentiality },
    });
    return id;
  });
  return loaded(db, a, caseId, noteId);
}

/**
 * The author corrects a note (If-Match with its version). A note the actor may not see is 404;
 * a colleague's visible note is 403. When the confidentiality changes, the note's earlier
 * timeline entries follow it.
 */
export async function updateNote(
  db: Db,
  actor: Actor | null,
  caseId: string,
  noteId: string,
  ifMatch: string | undefined,
  input: NoteUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<Note>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  await assertCaseCategory(db, a, caseId, caseNoteCategory, ctx.now);
  const current = await findVisibleNote(db, caseId, noteId, viewerOf(a));
  if (!current) throw new AppError('NOT_FOUND');
  if (current.note.authorUserId !== a.userId) throw notAuthor();
  const expected = ifMatchVersion(ifMatch, true);
  const next = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.occurredAt !== undefined ? { occurredAt: new Date(input.occurredAt) } : {}),
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.confidentiality !== undefined ? { confidentiality: input.confidentiality } : {}),
  };
  if (Object.keys(next).length === 0) throw nothingToChange();
  if (next.occurredAt) {
    const problems = occurredAtProblems(next.occurredAt, ctx.now);
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  }
  if (current.note.version !== expected) throw staleNote(current);
  const fields = changedFields(current.note, next);
  // The same values again change nothing, so a second open copy of the note stays current.
  if (fields.length === 0) return { value: presentNote(current, a), etag: etagOf(current.note.version) };
  const changes = Object.fromEntries(fields.map((f) => [f, next[f as keyof typeof next]]));
  await db.transaction(async (tx) => {
    const updated = await updateNoteIfVersion(tx, caseId, noteId, expected, { ...changes, updatedAt: ctx.now });
    if (!updated) throw staleNote(await findVisibleNote(tx, caseId, noteId, viewerOf(a)));
    const restriction = restrictionOf(updated.confidentiality as NoteCreateRequest['confidentiality'], {
      userId: updated.authorUserId,
      agencyId: updated.authorAgencyId,
    });
    if (fields.includes('confidentiality')) await restrictCaseEvents(tx, caseId, 'noteId', noteId, restriction);
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'note_updated',
      details: { noteId, noteKind: updated.kind, fields, ...restriction },
    });
    await recordAudit(tx, ctx, {
      type: 'case_note.updated',
      subjectType: 'case',
      subjectId: caseId,
      details: { noteId, fields, version: updated.version },
    });
  });
  return loaded(db, a, caseId, noteId);
}
