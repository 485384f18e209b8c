import type { z } from 'zod';
import type { CaseEventKind } from '../../../shared/contracts/cases';
import type { DuplicateCheckResponse, Person } from '../../../shared/contracts/people';
import type { MergeField, PersonMerge, personMergeRequestSchema } from '../../../shared/contracts/person-merge';

import { scoreDuplicate } from '../../../shared/domain/people-matching/duplicate-scoring';
import { analysePerson, type AnalysedPerson } from '../../../shared/domain/people-matching/person-analysis';
import type { ApiLocale } from '../../../shared/i18n/error-messages';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { recordCaseEvent } from '../cases/case-timeline';
import { analyseRecord, blockingKeyColumns, matchInput, recordFields } from './people-matching';
import { presentPersonFor } from './people.service';
import { householdScopeAgency } from './households.policy';
import { findPersonRecord, type NameVariantRow, type PersonRecord, type PersonRow } from './people.repository';
import { presentCandidate, rankDuplicateCandidates, type ScoredCandidate } from './duplicate-candidates';
import { presentMerge } from './person-merge.presenter';
import {
  appendNameVariants,
  childRowsOf,
  deleteNonDuplicate,
  displayNames,
  findMerge,
  insertMerge,
  insertNonDuplicate,
  lockPeople,
  markMergeUndone,
  mergesInvolving,
  mergesInvolvingAny,
  movableTableNames,
  nameVariantsOf,
  nonDuplicatePartners,
  peopleRows,
  personRowFromJson,
  personRowToJson,
  positionedTables,
  repoint,
  restoreNameVariants,
  updatePersonRowIfVersion,
  type ChildRows,
  type MergeRow,
  type MovableTable,
  type PersonRowJson,
  type PositionedTable,
} from './person-merge.repository';
import { etagOf } from '../../platform/http/etag';

type MergeRequest = z.infer<typeof personMergeRequestSchema>;

/** The survivor after a merge or its undo, and the merge. */
export type MergeResult = { merge: PersonMerge; person: Person; etag: string };

/**
 * What `person_merges.snapshot` holds: both rows and the survivor's name variants as they were
 * before the merge, the versions the merge read and wrote, the display positions of the rows it
 * moved, and the rows it left with the merged record because the survivor had the same already.
 */
export type MergeSnapshot = {
  format: 1;
  take: MergeField[];
  survivor: PersonRowJson;
  survivorNameVariants: NameVariantRow[];
  merged: PersonRowJson;
  versions: {
    survivorBefore: number;
    survivorAfter: number;
    mergedBefore: number;
    mergedAfter: number;
    /** Set by the undo: the versions it gave both records. */
    survivorAfterUndo?: number;
    mergedAfterUndo?: number;
  };
  positions: Partial<Record<PositionedTable, Record<string, number>>>;
  kept: Partial<Record<MovableTable, string[]>>;
};

const snapshotOf = (m: MergeRow) => m.snapshot as unknown as MergeSnapshot;

/** The person as `viewer` sees it (see people.service.ts `loadPerson`). */
async function loadRecord(db: Db, viewer: Actor, id: string): Promise<PersonRecord> {
  const record = await findPersonRecord(db, id, householdScopeAgency(viewer));
  if (!record) throw new AppError('NOT_FOUND');
  return record;
}

// ---------------------------------------------------------------------------------------------
// Possible duplicates of a registered person

/**
 * Candidates as the duplicate check finds them, for a stored person: its own record (all
 * spellings) is the query. The person itself, people merged away and pairs marked "not the same
 * person" are left out.
 */
async function duplicatesOfRecord(db: Db, record: PersonRecord, viewer: Actor): Promise<ScoredCandidate[]> {
  const fields = recordFields(record);
  const notSame = await nonDuplicatePartners(db, record.person.id);
  // Both sides may hold several nationalities: compare the one they share, if any.
  const analysedFor = new Map<string, AnalysedPerson>();
  const ownFor = (nationality: string | null) => {
    const key = nationality ?? '';
    let a = analysedFor.get(key);
    if (!a) {
      a = analysePerson(matchInput(fields, nationality));
      analysedFor.set(key, a);
    }
    return a;
  };
  return rankDuplicateCandidates(
    db,
    viewer,
    ownFor(null),
    (c) => {
      const shared = record.person.nationalities.find((n) => c.person.nationalities.includes(n)) ?? null;
      return scoreDuplicate(ownFor(shared), analyseRecord(c, shared));
    },
    (id) => id === record.person.id || notSame.has(id),
  );
}

export async function personDuplicates(
  db: Db,
  actor: Actor | null,
  id: string,
  locale: ApiLocale,
  ctx: AuditContext,
): Promise<DuplicateCheckResponse> {
  const a = await check(db, actor, 'person.read', [id]);
  const record = await loadRecord(db, a, id);
  // A merged record is history: it is not merged again, so it has no candidates.
  const found = record.person.mergedIntoId === null ? await duplicatesOfRecord(db, record, a) : [];
  const candidates = found.map((c) => presentCandidate(c, locale));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.duplicates_viewed',
      subjectType: 'person',
      subjectId: id,
      details: { candidateCount: candidates.length },
    });
  });
  return { candidates };
}

// ---------------------------------------------------------------------------------------------
// "Not the same person"

function assertTwoPeople(id: string, otherId: string, path: string): void {
  if (id === otherId) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path,
          message: fieldMessage(
            'Eine Person kann nicht mit sich selbst verglichen werden.',
            'A person cannot be compared with itself.',
          ),
        },
      ],
    });
  }
}

export async function markNotDuplicate(
  db: Db,
  actor: Actor | null,
  id: string,
  otherId: string,
  ctx: AuditContext,
): Promise<void> {
  const a = await check(db, actor, 'person.write', [id, otherId]);
  assertTwoPeople(id, otherId, 'otherPersonId');
  await db.transaction(async (tx) => {
    await insertNonDuplicate(tx, id, otherId, ctx.now, a.userId);
    await recordAudit(tx, ctx, {
      type: 'person.not_duplicate_marked',
      subjectType: 'person',
      subjectId: id,
      details: { otherPersonId: otherId },
    });
  });
}

export async function unmarkNotDuplicate(
  db: Db,
  actor: Actor | null,
  id: string,
  otherId: string,
  ctx: AuditContext,
): Promise<void> {
  await check(db, actor, 'person.write', [id, otherId]);
  assertTwoPeople(id, otherId, 'otherId');
  await db.transaction(async (tx) => {
    await deleteNonDuplicate(tx, id, otherId);
    await recordAudit(tx, ctx, {
      type: 'person.not_duplicate_unmarked',
      subjectType: 'person',
      subjectId: id,
      details: { otherPersonId: otherId },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Merge: pure parts

/** The columns each choosable field covers ("dateOfBirth" is every date-of-birth column). */
const columnsOfField: Record<MergeField, readonly (keyof PersonRow)[]> = {
  givenNames: ['givenNames'],
  familyName: ['familyName'],
  nameOrder: ['nameOrder'],
  sex: ['sex'],
  dateOfBirth: ['dateOfBirthRaw', 'dobYear', 'dobMonth', 'dobDay', 'dobPrecision', 'dobPlaceholder'],
  placeOfBirth: ['placeOfBirth'],
  countryOfBirth: ['countryOfBirth'],
  germanLevels: ['germanLevels'],
  interpreter: ['interpreterNeeded', 'interpreterLanguage'],
};

/** The survivor's row with the chosen fields taken from the merged record. */
export function mergedValues(survivor: PersonRow, merged: PersonRow, take: readonly MergeField[]): PersonRow {
  const out: Record<string, unknown> = { ...survivor };
  for (const field of take) for (const column of columnsOfField[field]) out[column] = merged[column];
  return out as PersonRow;
}

type VariantValues = Pick<NameVariantRow, 'kind' | 'givenNames' | 'familyName' | 'script'>;

const spellingPart = (s: string | null) =>
  (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
const spellingKey = (v: { givenNames: string | null; familyName: string | null }) =>
  `${spellingPart(v.givenNames)}|${spellingPart(v.familyName)}`;

/**
 * The name variants the survivor gains: its own main name if the merge replaced it, the merged
 * record's main name (as an alias) and the merged record's variants — each only if the survivor
 * does not know that spelling yet (compared without case and extra spaces).
 */
export function variantsToAdd(
  survivor: Pick<PersonRow, 'givenNames' | 'familyName'>,
  result: Pick<PersonRow, 'givenNames' | 'familyName'>,
  survivorVariants: readonly VariantValues[],
  merged: Pick<PersonRow, 'givenNames' | 'familyName'>,
  mergedVariants: readonly VariantValues[],
): VariantValues[] {
  const known = new Set([spellingKey(result), ...survivorVariants.map(spellingKey)]);
  const added: VariantValues[] = [];
  const offer = (v: VariantValues) => {
    const key = spellingKey(v);
    if (key === '|' || known.has(key)) return;
    known.add(key);
    added.push(v);
  };
  offer({ kind: 'alias', givenNames: survivor.givenNames, familyName: survivor.familyName, script: null });
  offer({ kind: 'alias', givenNames: merged.givenNames, familyName: merged.familyName, script: null });
  for (const v of mergedVariants) {
    offer({ kind: v.kind, givenNames: v.givenNames, familyName: v.familyName, script: v.script });
  }
  return added;
}

const contactValueKey = (kind: string, value: string) =>
  `${kind}:${kind === 'email' ? value.trim().toLowerCase() : value.replace(/[\s\-/().]/g, '').toLowerCase()}`;
const periodsOverlap = (
  a: { validFrom: string | null; validUntil: string | null },
  b: { validFrom: string | null; validUntil: string | null },
) => (a.validFrom ?? '0000') <= (b.validUntil ?? '9999') && (b.validFrom ?? '0000') <= (a.validUntil ?? '9999');

/**
 * When a row of the merged record says what a row of the survivor already says, moving it would
 * give the survivor the same identifier, language, contact, address or household twice. Such a
 * row stays with the merged record (which is kept) and the snapshot names it. Residence documents
 * are a timeline and cases are each their own: all of them move.
 */
const sameAsSurvivors: {
  [T in MovableTable]: ((row: ChildRows[T][number], survivor: ChildRows[T]) => boolean) | null;
} = {
  person_identifiers: (r, s) => s.some((x) => x.kind === r.kind && x.value === r.value),
  person_languages: (r, s) => s.some((x) => x.language === r.language),
  person_contacts: (r, s) => s.some((x) => contactValueKey(x.kind, x.value) === contactValueKey(r.kind, r.value)),
  person_addresses: (r, s) =>
    s.some(
      (x) =>
        x.addressId === r.addressId &&
        x.kind === r.kind &&
        x.validFrom === r.validFrom &&
        x.validUntil === r.validUntil,
    ),
  residence_documents: null,
  household_members: (r, s) => s.some((x) => x.householdId === r.householdId && periodsOverlap(x, r)),
  cases: null,
};

export type MovePlan = {
  moved: Record<MovableTable, string[]>;
  kept: Partial<Record<MovableTable, string[]>>;
  /** Positions the moved rows get: after the survivor's own rows, in their old order. */
  newPositions: Partial<Record<PositionedTable, Record<string, number>>>;
  /** Positions the moved rows had, for the undo. */
  oldPositions: Partial<Record<PositionedTable, Record<string, number>>>;
};

export function planMove(survivor: ChildRows, merged: ChildRows): MovePlan {
  const plan: MovePlan = {
    moved: Object.fromEntries(movableTableNames.map((t) => [t, []])) as unknown as Record<MovableTable, string[]>,
    kept: {},
    newPositions: {},
    oldPositions: {},
  };
  for (const table of movableTableNames) {
    const same = sameAsSurvivors[table] as ((row: unknown, s: unknown) => boolean) | null;
    for (const row of merged[table] as { id: string }[]) {
      if (same?.(row, survivor[table])) (plan.kept[table] ??= []).push(row.id);
      else plan.moved[table].push(row.id);
    }
  }
  for (const table of positionedTables) {
    const movedIds = new Set(plan.moved[table]);
    if (movedIds.size === 0) continue;
    const rows = (merged[table] as { id: string; position: number }[])
      .filter((r) => movedIds.has(r.id))
      .sort((x, y) => x.position - y.position || x.id.localeCompare(y.id));
    let next = Math.max(-1, ...(survivor[table] as { position: number }[]).map((r) => r.position)) + 1;
    plan.newPositions[table] = Object.fromEntries(rows.map((r) => [r.id, next++]));
    plan.oldPositions[table] = Object.fromEntries(rows.map((r) => [r.id, r.position]));
  }
  return plan;
}

export type UndoBlocker =
  'already_undone' | 'survivor_merged_away' | 'newer_merge' | 'survivor_changed' | 'merged_changed';

/**
 * Why a merge cannot be undone, or null. The undo restores the survivor from the snapshot, so
 * the survivor must be exactly as the merge left it. Its version tells: the merge set it to
 * `survivorAfter`; each later merge involving the survivor that was undone again returns it to
 * the state before that merge (with a higher version, recorded as `survivorAfterUndo`). Any
 * other change — an edit, a later merge not undone — blocks the undo rather than being lost.
 */
export function undoBlocker(
  merge: MergeRow,
  survivor: Pick<PersonRow, 'id' | 'version' | 'mergedIntoId'>,
  merged: Pick<PersonRow, 'version'>,
  mergesOfSurvivor: readonly MergeRow[],
): UndoBlocker | null {
  if (merge.undoneAt) return 'already_undone';
  if (survivor.mergedIntoId) return 'survivor_merged_away';
  const v = snapshotOf(merge).versions;
  // The survivor's version before and after each other merge it took part in, in either role.
  const later = mergesOfSurvivor
    .filter((m) => m.id !== merge.id)
    .map((m) => {
      const o = snapshotOf(m).versions;
      const asSurvivor = m.survivorId === survivor.id;
      return {
        undone: m.undoneAt !== null,
        before: asSurvivor ? o.survivorBefore : o.mergedBefore,
        afterUndo: asSurvivor ? o.survivorAfterUndo : o.mergedAfterUndo,
        asSurvivor,
      };
    })
    .filter((m) => m.before > v.survivorBefore)
    .sort((x, y) => x.before - y.before);
  if (later.some((m) => !m.undone && m.asSurvivor)) return 'newer_merge';
  let expected = v.survivorAfter;
  for (const m of later) {
    // A merge nested inside one already walked (undone before it) is covered by that one.
    if (m.before < expected) continue;
    if (m.before > expected || m.afterUndo === undefined) return 'survivor_changed';
    expected = m.afterUndo;
  }
  if (survivor.version !== expected) return 'survivor_changed';
  if (merged.version !== v.mergedAfter) return 'merged_changed';
  return null;
}

const undoMessages: Record<UndoBlocker, { de: string; en: string }> = {
  already_undone: fieldMessage(
    'Diese Zusammenführung wurde bereits rückgängig gemacht.',
    'This merge has already been undone.',
  ),
  survivor_merged_away: fieldMessage(
    'Die Person wurde inzwischen selbst mit einer anderen Person zusammengeführt. Machen Sie zuerst diese Zusammenführung rückgängig.',
    'The person has since been merged into another person itself. Undo that merge first.',
  ),
  newer_merge: fieldMessage(
    'In diese Person wurde danach eine weitere Person zusammengeführt. Machen Sie zuerst die neuere Zusammenführung rückgängig.',
    'Another person was merged into this person later. Undo the newer merge first.',
  ),
  survivor_changed: fieldMessage(
    'Die Person wurde nach der Zusammenführung geändert. Die Zusammenführung kann nicht mehr rückgängig gemacht werden, ohne diese Änderungen zu verlieren; bitte korrigieren Sie die Angaben von Hand.',
    'The person was changed after the merge. Undoing it would lose those changes; please correct the record by hand.',
  ),
  merged_changed: fieldMessage(
    'Der zusammengeführte Eintrag wurde nach der Zusammenführung geändert. Die Zusammenführung kann nicht mehr rückgängig gemacht werden, ohne diese Änderungen zu verlieren.',
    'The merged record was changed after the merge. Undoing it would lose those changes.',
  ),
};

// ---------------------------------------------------------------------------------------------
// Merge and undo

function alreadyMergedError(path: 'survivorId' | 'mergedId') {
  return {
    path,
    message: fieldMessage(
      'Diese Person wurde bereits mit einer anderen Person zusammengeführt.',
      'This person has already been merged into another person.',
    ),
  };
}

/** Merges with the names of the staff involved and whether each can still be undone. */
async function presentMerges(db: Db, merges: readonly MergeRow[]): Promise<PersonMerge[]> {
  const survivorIds = [...new Set(merges.map((m) => m.survivorId))];
  const personIds = [...new Set(merges.flatMap((m) => [m.survivorId, m.mergedId]))];
  const rows = new Map((await peopleRows(db, personIds)).map((p) => [p.id, p]));
  const related = await mergesInvolvingAny(db, survivorIds);
  const names = await displayNames(db, [
    ...new Set(merges.flatMap((m) => [m.mergedBy, m.undoneBy]).filter((u): u is string => u !== null)),
  ]);
  return merges.map((m) => {
    const survivor = rows.get(m.survivorId)!;
    const merged = rows.get(m.mergedId)!;
    const ofSurvivor = related.filter((r) => r.survivorId === m.survivorId || r.mergedId === m.survivorId);
    return presentMerge(m, names, undoBlocker(m, survivor, merged, ofSurvivor) === null);
  });
}

/**
 * A timeline entry on every case the merge or its undo moved: the case team sees why the case now
 * names another person record. The case itself is not changed (its version stays), so nobody's
 * open edit of the case is invalidated by a merge in the person register.
 */
async function recordCaseMoves(
  tx: Db,
  ctx: AuditContext,
  a: Actor,
  caseIds: readonly string[],
  kind: Extract<CaseEventKind, 'person_merged' | 'person_merge_undone'>,
  mergeId: string,
): Promise<void> {
  for (const caseId of caseIds) {
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind,
      details: { mergeId },
    });
  }
}

async function mergeResult(db: Db, viewer: Actor, merge: MergeRow, now: Date): Promise<MergeResult> {
  const [presented] = await presentMerges(db, [merge]);
  const record = await loadRecord(db, viewer, merge.survivorId);
  return {
    merge: presented!,
    person: await presentPersonFor(db, viewer, record, now),
    etag: etagOf(record.person.version),
  };
}

export async function mergePeople(
  db: Db,
  actor: Actor | null,
  input: MergeRequest,
  ctx: AuditContext,
): Promise<MergeResult> {
  const a = await check(db, actor, 'person.write', [input.survivorId, input.mergedId]);
  if (input.survivorId === input.mergedId) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'mergedId',
          message: fieldMessage(
            'Eine Person kann nicht mit sich selbst zusammengeführt werden.',
            'A person cannot be merged with itself.',
          ),
        },
      ],
    });
  }
  const take = [...new Set(input.take)];
  const merge = await db.transaction(async (tx) => {
    const locked = await lockPeople(tx, [input.survivorId, input.mergedId]);
    const survivor = locked.find((p) => p.id === input.survivorId);
    const merged = locked.find((p) => p.id === input.mergedId);
    if (!survivor || !merged) throw new AppError('NOT_FOUND');
    const gone = [
      ...(survivor.mergedIntoId ? [alreadyMergedError('survivorId')] : []),
      ...(merged.mergedIntoId ? [alreadyMergedError('mergedId')] : []),
    ];
    if (gone.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: gone });
    if (survivor.version !== input.survivorVersion || merged.version !== input.mergedVersion) {
      throw new AppError('PRECONDITION_FAILED');
    }

    // Names: every spelling of both records stays findable under the survivor.
    const result = mergedValues(survivor, merged, take);
    const survivorVariants = await nameVariantsOf(tx, survivor.id);
    const added = variantsToAdd(survivor, result, survivorVariants, merged, await nameVariantsOf(tx, merged.id));
    const nextPosition = Math.max(-1, ...survivorVariants.map((v) => v.position)) + 1;
    await appendNameVariants(tx, survivor.id, nextPosition, added);

    // Child rows: re-pointed, each id recorded for the undo.
    const plan = planMove(await childRowsOf(tx, survivor.id), await childRowsOf(tx, merged.id));
    let movedCases: string[] = [];
    for (const table of movableTableNames) {
      const moved = await repoint(
        tx,
        table,
        plan.moved[table],
        merged.id,
        survivor.id,
        plan.newPositions[table as PositionedTable],
      );
      if (table === 'cases') movedCases = moved;
    }

    const nationalities = [...new Set([...survivor.nationalities, ...merged.nationalities])];
    const keys = blockingKeyColumns({
      givenNames: result.givenNames,
      familyName: result.familyName,
      variants: [...survivorVariants, ...added],
      dateOfBirth: result.dateOfBirthRaw,
      placeOfBirth: result.placeOfBirth,
      nationalities,
    });
    const chosen = Object.fromEntries(take.flatMap((f) => columnsOfField[f].map((c) => [c, result[c]])));
    const survivorAfter = await updatePersonRowIfVersion(tx, survivor.id, survivor.version, {
      ...chosen,
      nationalities,
      ...keys,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    // The merged record keeps its names and keys; search leaves it out by merged_into_id.
    const mergedAfter = await updatePersonRowIfVersion(tx, merged.id, merged.version, {
      mergedIntoId: survivor.id,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (survivorAfter === null || mergedAfter === null) throw new AppError('PRECONDITION_FAILED');

    const snapshot: MergeSnapshot = {
      format: 1,
      take,
      survivor: personRowToJson(survivor),
      survivorNameVariants: survivorVariants,
      merged: personRowToJson(merged),
      versions: {
        survivorBefore: survivor.version,
        survivorAfter,
        mergedBefore: merged.version,
        mergedAfter,
      },
      positions: plan.oldPositions,
      kept: plan.kept,
    };
    const row = await insertMerge(tx, {
      survivorId: survivor.id,
      mergedId: merged.id,
      snapshot,
      moved: plan.moved,
      reason: input.reason || null,
      mergedAt: ctx.now,
      mergedBy: a.userId,
    });
    await recordAudit(tx, ctx, {
      type: 'person.merged',
      subjectType: 'person',
      subjectId: survivor.id,
      details: {
        mergeId: row.id,
        mergedId: merged.id,
        take,
        moved: Object.fromEntries(movableTableNames.map((t) => [t, plan.moved[t].length])),
      },
    });
    await recordCaseMoves(tx, ctx, a, movedCases, 'person_merged', row.id);
    return row;
  });
  return mergeResult(db, a, merge, ctx.now);
}

export async function undoMerge(db: Db, actor: Actor | null, mergeId: string, ctx: AuditContext): Promise<MergeResult> {
  await check(db, actor, 'person.write');
  const found = await findMerge(db, mergeId);
  if (!found) throw new AppError('NOT_FOUND');
  const a = await check(db, actor, 'person.write', [found.survivorId, found.mergedId]);
  const undone = await db.transaction(async (tx) => {
    const merge = (await findMerge(tx, mergeId, true))!;
    const locked = await lockPeople(tx, [merge.survivorId, merge.mergedId]);
    const survivor = locked.find((p) => p.id === merge.survivorId)!;
    const merged = locked.find((p) => p.id === merge.mergedId)!;
    const blocker = undoBlocker(merge, survivor, merged, await mergesInvolvingAny(tx, [survivor.id]));
    if (blocker) throw new AppError('CONFLICT', { fieldErrors: [{ path: 'merge', message: undoMessages[blocker] }] });

    const snapshot = snapshotOf(merge);
    let movedCases: string[] = [];
    for (const table of movableTableNames) {
      // A merge recorded before a table became movable has no ids for it: nothing to move back.
      const moved = await repoint(
        tx,
        table,
        merge.moved[table] ?? [],
        survivor.id,
        merged.id,
        snapshot.positions[table as PositionedTable],
      );
      if (table === 'cases') movedCases = moved;
    }
    await recordCaseMoves(tx, ctx, a, movedCases, 'person_merge_undone', merge.id);
    await restoreNameVariants(tx, survivor.id, snapshot.survivorNameVariants);

    const restore = (json: PersonRowJson, variants: readonly NameVariantRow[]) => {
      const { id: _id, version: _version, ...row } = personRowFromJson(json);
      const fields = { ...row } as PersonRow;
      return {
        ...row,
        ...blockingKeyColumns({
          givenNames: fields.givenNames,
          familyName: fields.familyName,
          variants,
          dateOfBirth: fields.dateOfBirthRaw,
          placeOfBirth: fields.placeOfBirth,
          nationalities: fields.nationalities,
        }),
        updatedAt: ctx.now,
        updatedBy: a.userId,
      };
    };
    // The version goes on (current + 1), never back to the old number: ETags only move forward.
    const survivorAfterUndo = await updatePersonRowIfVersion(
      tx,
      survivor.id,
      survivor.version,
      restore(snapshot.survivor, snapshot.survivorNameVariants),
    );
    const mergedAfterUndo = await updatePersonRowIfVersion(tx, merged.id, merged.version, {
      ...restore(snapshot.merged, await nameVariantsOf(tx, merged.id)),
      mergedIntoId: null,
    });
    if (survivorAfterUndo === null || mergedAfterUndo === null) throw new AppError('PRECONDITION_FAILED');

    const row = await markMergeUndone(tx, merge.id, {
      undoneAt: ctx.now,
      undoneBy: a.userId,
      snapshot: {
        ...snapshot,
        versions: { ...snapshot.versions, survivorAfterUndo, mergedAfterUndo },
      } satisfies MergeSnapshot,
    });
    await recordAudit(tx, ctx, {
      type: 'person.merge_undone',
      subjectType: 'person',
      subjectId: survivor.id,
      details: { mergeId: merge.id, mergedId: merged.id },
    });
    return row;
  });
  return mergeResult(db, a, undone, ctx.now);
}

export async function listMerges(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<{ items: PersonMerge[] }> {
  await check(db, actor, 'person.read', [personId]);
  const merges = (await mergesInvolving(db, personId)).sort(
    (x, y) =>
      y.mergedAt.getTime() - x.mergedAt.getTime() ||
      snapshotOf(y).versions.survivorBefore - snapshotOf(x).versions.survivorBefore ||
      x.id.localeCompare(y.id),
  );
  const items = await presentMerges(db, merges);
  // The history names other people and holds the caseworkers' reasons: a read of the person.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { type: 'person.viewed', subjectType: 'person', subjectId: personId, details: {} });
  });
  return { items };
}
