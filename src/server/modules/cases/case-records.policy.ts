import type { Confidentiality } from '../../../shared/contracts/case-records';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { lockCaseState } from './assessments.repository';
import type { EventRestriction } from './cases.repository';

/**
 * Rules shared by the records of a case (notes, documents, appointments).
 *
 * Confidentiality of notes and documents: `team` — every agency on the current case team (the
 * case rule: case.read); `agency` — only colleagues of the author's agency; `author` — only the
 * author. The lists filter in SQL (case-records.repository.ts `visibleRecord`); a record outside
 * the level answers 404, like any record the caller may not see.
 */

/** The author of a note or the uploader of a document. */
export type RecordOwner = { userId: string; agencyId: string };

/** Whether the actor may see a record of that level and owner (the SQL filter says the same). */
export function maySee(actor: Pick<Actor, 'userId' | 'agencyId'>, level: Confidentiality, owner: RecordOwner): boolean {
  if (level === 'team') return true;
  if (level === 'agency') return actor.agencyId === owner.agencyId;
  return actor.userId === owner.userId;
}

/**
 * The timeline restriction of a record's entries: the timeline shows them to exactly those who
 * may see the record (an `author` record's owner is in the owner's agency, so both keys hold).
 */
export function restrictionOf(level: Confidentiality, owner: RecordOwner): EventRestriction {
  if (level === 'team') return {};
  if (level === 'agency') return { visibleToAgencyId: owner.agencyId };
  return { visibleToAgencyId: owner.agencyId, visibleToUserId: owner.userId };
}

/**
 * 409 on a closed case, with the German explanation of what to do. Writes call it before the
 * transaction (a closed case answers 409 before anything else) and again inside it, where it holds
 * a share lock on the case row, so a closure cannot slip in between the check and the write.
 */
export async function assertCaseOpen(db: Db, caseId: string, what: { de: string; en: string }): Promise<void> {
  const state = await lockCaseState(db, caseId);
  if (!state) throw new AppError('NOT_FOUND');
  if (state.phase === 'closure' || state.closedAt !== null) {
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: 'phase',
          message: fieldMessage(
            `Der Fall ist abgeschlossen. ${what.de} Öffnen Sie den Fall dazu bitte zuerst wieder.`,
            `The case is closed. ${what.en} Please reopen the case first.`,
          ),
        },
      ],
    });
  }
}

/** 400 for a PATCH without any field. */
export function nothingToChange(): AppError {
  return new AppError('VALIDATION_FAILED', {
    fieldErrors: [
      {
        path: 'body',
        message: fieldMessage('Bitte mindestens eine Angabe ändern.', 'Please change at least one field.'),
      },
    ],
  });
}

/** Names of the fields whose value differs (Dates compared by instant). */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): (keyof T & string)[] {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  return (Object.keys(next) as (keyof T & string)[]).filter((k) => next[k] !== undefined && !same(current[k], next[k]));
}
