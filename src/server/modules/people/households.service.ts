import type { z } from 'zod';
import { householdCategory } from '../../../shared/domain/data-protection/field-groups';
import { assertMatrixCategory } from '../../platform/access/person-access';
import type {
  Household,
  householdCreateRequestSchema,
  householdMemberAddRequestSchema,
  householdMemberEndRequestSchema,
  householdUpdateRequestSchema,
} from '../../../shared/contracts/households';
import { isCalendarDate, todayIn } from '../../../shared/domain/calendar-date';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { checkHousehold } from './households.policy';
import { presentHousehold } from './households.presenter';
import {
  endMembership,
  findHouseholdRecord,
  findMember,
  insertHousehold,
  insertMember,
  lockHousehold,
  lockPeopleMemberships,
  membershipsOfKind,
  mergedIntoOf,
  openMembers,
  personNames,
  updateHouseholdIfVersion,
  type HouseholdMemberRow,
  type KindMembership,
} from './households.repository';
import { personScopeAgency } from './people.policy';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';

type CreateInput = z.infer<typeof householdCreateRequestSchema>;
type UpdateInput = z.infer<typeof householdUpdateRequestSchema>;
type AddInput = z.infer<typeof householdMemberAddRequestSchema>;
type EndInput = z.infer<typeof householdMemberEndRequestSchema>;
type Kind = CreateInput['kind'];

const HEAD = 'head';

const kindLabel: Record<Kind, { de: string; en: string }> = {
  household: { de: 'einem anderen Haushalt', en: 'another household' },
  bedarfsgemeinschaft: { de: 'einer anderen Bedarfsgemeinschaft', en: 'another Bedarfsgemeinschaft' },
};

/** A period of days, both ends included; no end = open. */
type Period = { validFrom: string; validUntil: string | null };

/**
 * Two memberships overlap when each starts before the other ends. Sharing only the moving day
 * (one ends on the day the other starts) is not an overlap: people move out and in on one day.
 */
function overlaps(a: Period, b: Period): boolean {
  return (b.validUntil === null || a.validFrom < b.validUntil) && (a.validUntil === null || b.validFrom < a.validUntil);
}

async function loadHousehold(db: Db, id: string, today: string): Promise<Versioned<Household>> {
  const record = await findHouseholdRecord(db, id);
  if (!record) throw new AppError('NOT_FOUND');
  return { value: presentHousehold(record, today), etag: etagOf(record.household.version) };
}

/** The membership dates must be real days and not in the future: a household records facts, not plans. */
function dateProblem(value: string, today: string, path: string): FieldError | null {
  if (!isCalendarDate(value))
    return { path, message: fieldMessage('Kein gültiges Kalenderdatum.', 'Not a valid calendar date.') };
  if (value > today) {
    return {
      path,
      message: fieldMessage('Das Datum darf nicht in der Zukunft liegen.', 'The date must not be in the future.'),
    };
  }
  return null;
}

function mergedProblem(path: string): FieldError {
  return {
    path,
    message: fieldMessage(
      'Dieser Eintrag wurde mit einem anderen zusammengeführt. Bitte den zusammengeführten Eintrag verwenden.',
      'This record was merged into another. Please use the merged record.',
    ),
  };
}

function fail(fieldErrors: FieldError[]): void {
  if (fieldErrors.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors });
}

/**
 * The one-household rule: a person belongs to at most one household of each kind at a time.
 * `wanted` are the new (or re-classified) periods; `existing` the people's memberships in
 * households of that kind; rows of `ownHousehold` are skipped when `skipOwn` (a change of kind
 * re-classifies them, they do not compete with themselves).
 */
function membershipConflicts(
  wanted: readonly (Period & { personId: string; path: string })[],
  existing: readonly KindMembership[],
  kind: Kind,
  names: Map<string, string>,
  ownHousehold: string | null,
  skipOwn: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const w of wanted) {
    const clash = existing.find(
      (e) => e.personId === w.personId && !(skipOwn && e.householdId === ownHousehold) && overlaps(w, e),
    );
    if (!clash) continue;
    const name = names.get(w.personId) ?? '';
    const same = clash.householdId === ownHousehold;
    errors.push({
      path: w.path,
      message: same
        ? fieldMessage(
            `${name} gehört diesem Haushalt in diesem Zeitraum bereits an. Für eine andere Beziehung bitte die bisherige Mitgliedschaft beenden und ab dem Folgetag oder demselben Tag neu eintragen.`,
            `${name} already belongs to this household in this period. To change the relationship, end the current membership and add a new one from the same or the next day.`,
          )
        : fieldMessage(
            `${name} gehört in diesem Zeitraum bereits ${kindLabel[kind].de} an. Bitte die dortige Mitgliedschaft zuerst beenden.`,
            `${name} already belongs to ${kindLabel[kind].en} in this period. Please end that membership first.`,
          ),
    });
  }
  return errors;
}

export async function createHousehold(
  db: Db,
  actor: Actor | null,
  input: CreateInput,
  ctx: AuditContext,
): Promise<Versioned<Household>> {
  const personIds = [...new Set(input.members.map((m) => m.personId))];
  // Every member must be in scope before anything about them is said (404 otherwise).
  const a = await check(db, actor, 'person.write', personIds);
  await assertMatrixCategory(db, a, householdCategory);
  const today = todayIn(ctx.now);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const merged = await mergedIntoOf(db, personIds);
  input.members.forEach((m, i) => {
    if (seen.has(m.personId)) {
      errors.push({
        path: `members.${i}.personId`,
        message: fieldMessage('Diese Person ist doppelt angegeben.', 'This person is given twice.'),
      });
    }
    seen.add(m.personId);
    if (merged.has(m.personId)) errors.push(mergedProblem(`members.${i}.personId`));
    const date = dateProblem(m.validFrom, today, `members.${i}.validFrom`);
    if (date) errors.push(date);
  });
  const heads = input.members.filter((m) => m.relationship === HEAD).length;
  if (heads !== 1) {
    errors.push({
      path: 'members',
      message:
        heads === 0
          ? fieldMessage(
              'Bitte eine Person als Haushaltsvorständin oder Haushaltsvorstand angeben.',
              'Please mark one person as head of household.',
            )
          : fieldMessage(
              'Ein Haushalt hat genau eine Haushaltsvorständin oder einen Haushaltsvorstand. Bitte nur eine Person als Vorstand angeben.',
              'A household has exactly one head. Please mark only one person as head.',
            ),
    });
  }
  fail(errors);

  const id = await db.transaction(async (tx) => {
    await lockPeopleMemberships(tx, personIds);
    const existing = await membershipsOfKind(tx, personIds, input.kind);
    const names = await personNames(tx, personIds);
    const wanted = input.members.map((m, i) => ({ ...m, validUntil: null, path: `members.${i}.personId` }));
    fail(membershipConflicts(wanted, existing, input.kind, names, null, false));
    const householdId = await insertHousehold(
      tx,
      {
        kind: input.kind,
        name: input.name || null,
        registeredByAgencyId: personScopeAgency(a),
        createdAt: ctx.now,
        updatedAt: ctx.now,
        createdBy: a.userId,
      },
      input.members.map((m) => ({
        personId: m.personId,
        relationship: m.relationship,
        validFrom: m.validFrom,
        createdAt: ctx.now,
        createdBy: a.userId,
      })),
    );
    await recordAudit(tx, ctx, {
      type: 'household.created',
      subjectType: 'household',
      subjectId: householdId,
      details: { members: input.members.length },
    });
    return householdId;
  });
  return loadHousehold(db, id, today);
}

export async function getHousehold(
  db: Db,
  actor: Actor | null,
  id: string,
  ctx: AuditContext,
): Promise<Versioned<Household>> {
  await checkHousehold(db, actor, 'person.read', id);
  const result = await loadHousehold(db, id, todayIn(ctx.now));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { type: 'household.viewed', subjectType: 'household', subjectId: id, details: {} });
  });
  return result;
}

export async function changeHousehold(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: UpdateInput,
  ctx: AuditContext,
): Promise<Versioned<Household>> {
  await checkHousehold(db, actor, 'person.write', id);
  const version = ifMatchVersion(ifMatch, true);
  const provided = (['kind', 'name'] as const).filter((k) => input[k] !== undefined);
  if (provided.length === 0) throw new AppError('VALIDATION_FAILED');
  const name = input.name === undefined ? undefined : input.name || null;
  await db.transaction(async (tx) => {
    const current = await lockHousehold(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('PRECONDITION_FAILED');
    const fields: string[] = [];
    if (input.kind !== undefined && input.kind !== current.kind) fields.push('kind');
    if (name !== undefined && name !== current.name) fields.push('name');
    if (input.kind !== undefined && input.kind !== current.kind) {
      // The members now count as members of the new kind: they must not belong to another one.
      const rows = (await findHouseholdRecord(tx, id))!.members.map((m) => m.member);
      const personIds = rows.map((m) => m.personId);
      await lockPeopleMemberships(tx, personIds);
      const existing = await membershipsOfKind(tx, personIds, input.kind);
      const names = await personNames(tx, personIds);
      const wanted = rows.map((m) => ({ ...m, path: 'kind' }));
      fail(membershipConflicts(wanted, existing, input.kind, names, id, true));
    }
    const newVersion = await updateHouseholdIfVersion(tx, id, version, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(name !== undefined ? { name } : {}),
      updatedAt: ctx.now,
    });
    if (newVersion === null) throw new AppError('PRECONDITION_FAILED');
    await recordAudit(tx, ctx, {
      type: 'household.updated',
      subjectType: 'household',
      subjectId: id,
      details: { fields, version: newVersion },
    });
  });
  return loadHousehold(db, id, todayIn(ctx.now));
}

/** Locks the household, checks an If-Match if one was sent, and returns the row. */
async function lockForChange(tx: Db, id: string, expected: number | null) {
  const household = await lockHousehold(tx, id);
  if (!household) throw new AppError('NOT_FOUND');
  if (expected !== null && household.version !== expected) throw new AppError('PRECONDITION_FAILED');
  return household;
}

async function bumpVersion(tx: Db, id: string, version: number, now: Date): Promise<number> {
  const newVersion = await updateHouseholdIfVersion(tx, id, version, { updatedAt: now });
  // The row is locked: nobody can have changed it since lockForChange.
  if (newVersion === null) throw new AppError('PRECONDITION_FAILED');
  return newVersion;
}

/**
 * Adds a person to the household from `validFrom`. A change of relationship is a new membership:
 * end the old row, then add the person again (the same day or the next).
 */
export async function addHouseholdMember(
  db: Db,
  actor: Actor | null,
  householdId: string,
  ifMatch: string | undefined,
  input: AddInput,
  ctx: AuditContext,
): Promise<Versioned<Household>> {
  const a = await checkHousehold(db, actor, 'person.write', householdId);
  await check(db, a, 'person.write', [input.personId]);
  const expected = ifMatchVersion(ifMatch, false);
  const today = todayIn(ctx.now);
  const errors: FieldError[] = [];
  if ((await mergedIntoOf(db, [input.personId])).size > 0) errors.push(mergedProblem('personId'));
  const date = dateProblem(input.validFrom, today, 'validFrom');
  if (date) errors.push(date);
  fail(errors);

  await db.transaction(async (tx) => {
    const household = await lockForChange(tx, householdId, expected);
    await lockPeopleMemberships(tx, [input.personId]);
    const kind = household.kind as Kind;
    const existing = await membershipsOfKind(tx, [input.personId], kind);
    const names = await personNames(tx, [input.personId]);
    fail(
      membershipConflicts(
        [{ personId: input.personId, validFrom: input.validFrom, validUntil: null, path: 'personId' }],
        existing,
        kind,
        names,
        householdId,
        false,
      ),
    );
    const open = await openMembers(tx, householdId);
    if (input.relationship !== HEAD && !open.some((m) => m.relationship === HEAD)) {
      fail([
        {
          path: 'relationship',
          message: fieldMessage(
            'Der Haushalt hat derzeit keine Haushaltsvorständin und keinen Haushaltsvorstand. Bitte zuerst eine neue Haushaltsvorständin / einen neuen Haushaltsvorstand eintragen.',
            'The household has no current head. Please add a new head of household first.',
          ),
        },
      ]);
    }
    const memberId = await insertMember(tx, householdId, {
      personId: input.personId,
      relationship: input.relationship,
      validFrom: input.validFrom,
      createdAt: ctx.now,
      createdBy: a.userId,
    });
    await bumpVersion(tx, householdId, household.version, ctx.now);
    await recordAudit(tx, ctx, {
      type: 'household.member_added',
      subjectType: 'household',
      subjectId: householdId,
      details: { memberId, personId: input.personId },
    });
  });
  return loadHousehold(db, householdId, today);
}

/** Ends a membership on `validUntil` (the last day in the household); the row stays as history. */
export async function endHouseholdMember(
  db: Db,
  actor: Actor | null,
  householdId: string,
  memberId: string,
  ifMatch: string | undefined,
  input: EndInput,
  ctx: AuditContext,
): Promise<Versioned<Household>> {
  await checkHousehold(db, actor, 'person.write', householdId);
  const expected = ifMatchVersion(ifMatch, false);
  const today = todayIn(ctx.now);
  const date = dateProblem(input.validUntil, today, 'validUntil');
  if (date) fail([date]);

  await db.transaction(async (tx) => {
    const household = await lockForChange(tx, householdId, expected);
    const member = await findMember(tx, householdId, memberId);
    if (!member) throw new AppError('NOT_FOUND');
    assertMayEnd(member, input.validUntil, await openMembers(tx, householdId));
    const ended = await endMembership(tx, householdId, memberId, input.validUntil, input.reason || null);
    if (!ended) throw new AppError('PRECONDITION_FAILED');
    await bumpVersion(tx, householdId, household.version, ctx.now);
    await recordAudit(tx, ctx, {
      type: 'household.member_ended',
      subjectType: 'household',
      subjectId: householdId,
      details: { memberId, personId: member.personId },
    });
  });
  return loadHousehold(db, householdId, today);
}

/**
 * A membership ends once, not before it began; the head leaves only when the household either
 * dissolves with them or another current head has been entered (the relationships of the others
 * are relative to a head).
 */
function assertMayEnd(member: HouseholdMemberRow, validUntil: string, open: readonly HouseholdMemberRow[]): void {
  if (member.validUntil !== null) {
    fail([
      {
        path: 'memberId',
        message: fieldMessage('Diese Mitgliedschaft ist bereits beendet.', 'This membership has already ended.'),
      },
    ]);
  }
  if (validUntil < member.validFrom) {
    fail([
      {
        path: 'validUntil',
        message: fieldMessage(
          'Das Ende liegt vor dem Beginn der Mitgliedschaft.',
          'The end is before the start of the membership.',
        ),
      },
    ]);
  }
  if (member.relationship !== HEAD) return;
  const others = open.filter((m) => m.id !== member.id);
  if (others.length > 0 && !others.some((m) => m.relationship === HEAD)) {
    fail([
      {
        path: 'memberId',
        message: fieldMessage(
          'Bitte zuerst eine neue Haushaltsvorständin / einen neuen Haushaltsvorstand eintragen.',
          'Please add a new head of household first.',
        ),
      },
    ]);
  }
}
