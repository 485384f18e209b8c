import type { Confidentiality, Note, NoteKind } from '../../../shared/contracts/case-records';
import { hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import type { NoteRecord } from './case-notes.repository';

/** Whitelists a note; `edit` is the author's. */
export function presentNote(r: NoteRecord, actor: Actor): Note {
  return {
    id: r.note.id,
    caseId: r.note.caseId,
    kind: r.note.kind as NoteKind,
    occurredAt: r.note.occurredAt.toISOString(),
    subject: r.note.subject,
    body: r.note.body,
    confidentiality: r.note.confidentiality as Confidentiality,
    author: { id: r.author.id, displayName: r.author.displayName },
    agency: { id: r.agency.id, name: r.agency.name },
    version: r.note.version,
    createdAt: r.note.createdAt.toISOString(),
    updatedAt: r.note.updatedAt.toISOString(),
    actions: { edit: r.note.authorUserId === actor.userId && hasPermission(actor, 'case.write') },
  };
}
