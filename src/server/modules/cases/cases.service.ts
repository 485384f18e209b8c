import type {
  Case,
  CaseCreateRequest,
  CaseList,
  CaseListItem,
  CaseListQuery,
  CasePhaseChangeRequest,
  CaseReassignRequest,
  CaseReopenRequest,
  CaseTeamMemberAddRequest,
  CaseUpdateRequest,
} from '../../../shared/contracts/cases';
import { todayIn } from '../../../shared/domain/calendar-date';
import { dataCategoryLabels, type DataCategory } from '../../../shared/domain/data-protection/data-categories';
import {
  checkPhaseChange,
  checkReopen,
  phaseLabels,
  type PhaseCheck,
} from '../../../shared/domain/cases/phase-machine';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { accessToPerson, orderedCategories } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { checkHousehold } from '../people/households.policy';
import { mergedIntoOf } from '../people/households.repository';
import { assertMayReassign, assertSteers } from './cases.policy';
import { presentCase, presentCaseListItem } from './cases.presenter';
import {
  agencyExists,
  CASE_WORK_ROLES,
  casesOfPerson,
  consentInForceFor,
  endTeamMember as endTeamMemberRow,
  endTeamTransfers,
  findCaseRecord,
  findStaffUser,
  hasCompletedAssessment,
  insertCase,
  insertDataTransfer,
  insertTeamMember,
  isCurrentHouseholdMember,
  listCases as listCaseRows,
  lockCase,
  nextCaseReference,
  teamOf,
  updateCaseIfVersion,
  updateTeamMember,
  type CaseRow,
  type CaseValues,
  type StaffUser,
} from './cases.repository';
import { recordCaseEvent } from './case-timeline';

async function loadCase(db: Db, actor: Actor, id: string): Promise<Versioned<Case>> {
  const record = await findCaseRecord(db, id, actor.at);
  if (!record) throw new AppError('NOT_FOUND');
  const access = await accessToPerson(db, actor, record.case.personId, actor.at);
  return {
    value: presentCase(record, actor, access?.categories ?? new Set()),
    etag: etagOf(record.case.version),
  };
}

/** 412 naming the newer state, so the client can tell the user what changed before reloading. */
function stale(current: CaseRow): AppError {
  const phase = current.phase as keyof typeof phaseLabels;
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Der Fall wurde inzwischen geändert: aktuell ist Version ${current.version} in der Phase „${phaseLabels[phase].de}“. Bitte laden Sie den Fall neu und prüfen Sie Ihre Änderung.`,
          `The case was changed in the meantime: it is now at version ${current.version} in the phase "${phaseLabels[phase].en}". Please reload the case and check your change.`,
        ),
      },
    ],
  });
}

/**
 * Runs one write to a case in a transaction: locks the case row, lets `assertAllowed` refuse
 * (403 before 412: a caller who may not do it learns nothing from a version), compares the
 * If-Match version (null: no precondition), then `write` changes it. `write` must bump the
 * version with `bump` (CAS on the locked version) before it writes the audit row.
 */
async function writeCase<T>(
  db: Db,
  id: string,
  expectedVersion: number | null,
  assertAllowed: (row: CaseRow) => void,
  write: (tx: Db, row: CaseRow, bump: (values: Partial<CaseValues>) => Promise<number>) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    assertAllowed(row);
    if (expectedVersion !== null && row.version !== expectedVersion) throw stale(row);
    const bump = async (values: Partial<CaseValues>) => {
      const version = await updateCaseIfVersion(tx, id, row.version, values);
      if (version === null) throw stale(row);
      return version;
    };
    return write(tx, row, bump);
  });
}

/** 400 for missing input, 409 for a move the case's state does not allow (with the explanation). */
function assertMove(result: PhaseCheck): asserts result is Extract<PhaseCheck, { ok: true }> {
  if (result.ok) return;
  const state = result.problems.filter((p) => p.kind === 'state');
  const problems = state.length ? state : result.problems;
  throw new AppError(state.length ? 'CONFLICT' : 'VALIDATION_FAILED', {
    fieldErrors: problems.map((p) => ({ path: p.path, message: p.message })),
  });
}

const blankText = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';
const trimmedOrNull = (s: string | null | undefined) => (blankText(s) ? null : s!.trim());

function isCaseWorker(u: StaffUser): boolean {
  return u.active && u.roles.some((r) => (CASE_WORK_ROLES as readonly string[]).includes(r));
}

const notCaseWorker = fieldMessage(
  'Bitte eine aktive Fallbearbeiterin oder einen aktiven Fallbearbeiter wählen.',
  'Please choose an active caseworker.',
);

/** What checking the basis of a new member needs: who adds, for whose case, when. */
type BasisContext = { actor: Actor; personId: string; now: Date };

/**
 * The problems of a team member to add: the agency exists and is not on the team yet (each agency
 * once at a time), a named colleague belongs to that agency and works on cases, and another agency
 * than the caller's comes with a basis (issue 5): a consent of the person in force that names it,
 * or a legal basis for categories the caller's agency itself sees.
 */
async function teamMemberProblems(
  db: Db,
  input: CaseTeamMemberAddRequest,
  currentAgencyIds: ReadonlySet<string>,
  at: string,
  basis: BasisContext,
): Promise<{ input: FieldError[]; conflict: FieldError[] }> {
  const input400: FieldError[] = [];
  const conflict: FieldError[] = [];
  if (!(await agencyExists(db, input.agencyId))) {
    input400.push({
      path: `${at}agencyId`,
      message: fieldMessage('Diese Stelle gibt es nicht.', 'This agency does not exist.'),
    });
    return { input: input400, conflict };
  }
  if (currentAgencyIds.has(input.agencyId)) {
    conflict.push({
      path: `${at}agencyId`,
      message: fieldMessage(
        'Diese Stelle gehört bereits zum Fallteam. Eine Stelle ist nur einmal im Team; für eine andere Rolle beenden Sie zuerst die bestehende Mitgliedschaft.',
        'This agency is already on the case team. An agency is on the team once; to change its role, end the current membership first.',
      ),
    });
  }
  if (input.userId !== null) {
    const user = await findStaffUser(db, input.userId);
    if (!user || user.agencyId !== input.agencyId || !isCaseWorker(user)) {
      input400.push({
        path: `${at}userId`,
        message: fieldMessage(
          'Die benannte Person muss zur gewählten Stelle gehören, aktiv sein und Fälle bearbeiten.',
          'The named colleague must belong to the chosen agency, be active and work on cases.',
        ),
      });
    }
  }
  input400.push(...(await basisProblems(db, input, at, basis)));
  return { input: input400, conflict };
}

/** One year after `today`: the default validity of a transfer for team work. */
function oneYearAfter(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February → 28 February of the next year.
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

async function basisProblems(
  db: Db,
  input: CaseTeamMemberAddRequest,
  at: string,
  { actor, personId, now }: BasisContext,
): Promise<FieldError[]> {
  // A colleague of the own agency: the agency's own client, no transfer.
  if (input.agencyId === actor.agencyId) return [];
  const basis = input.basis;
  if (!basis) {
    return [
      {
        path: `${at}basis`,
        message: fieldMessage(
          'Eine andere Stelle kann nur mit Grundlage ins Fallteam: eine Einwilligung der Person, die diese Stelle nennt, oder eine Rechtsgrundlage der Übermittlung.',
          'Another agency joins the case team only on a basis: a consent of the person naming this agency, or the legal basis of the transfer.',
        ),
      },
    ];
  }
  const today = todayIn(now);
  if (basis.kind === 'consent') {
    if (!(await consentInForceFor(db, basis.consentId, personId, input.agencyId, today))) {
      return [
        {
          path: `${at}basis.consentId`,
          message: fieldMessage(
            'Diese Einwilligung gilt nicht: Sie muss von dieser Person stammen, heute gelten (nicht widerrufen, nicht abgelaufen) und die gewählte Stelle als Empfängerin nennen.',
            'This consent does not apply: it must be of this person, be in force today (not withdrawn, not expired) and name the chosen agency as recipient.',
          ),
        },
      ];
    }
    return [];
  }
  const problems: FieldError[] = [];
  const own = (await accessToPerson(db, actor, personId, now))?.categories ?? new Set<DataCategory>();
  const notOwn = basis.categories.filter((c) => !own.has(c));
  if (notOwn.length) {
    const labels = notOwn.map((c) => dataCategoryLabels[c]);
    problems.push({
      path: `${at}basis.categories`,
      message: fieldMessage(
        `Ihre Stelle kann nur Kategorien übermitteln, die sie selbst sieht. Nicht freigegeben: ${labels.map((l) => l.de).join(', ')}.`,
        `Your agency can only transfer categories it sees itself. Not released: ${labels.map((l) => l.en).join(', ')}.`,
      ),
    });
  }
  if (basis.validUntil !== undefined && basis.validUntil < today) {
    problems.push({
      path: `${at}basis.validUntil`,
      message: fieldMessage(
        'Das Ende der Übermittlung darf nicht in der Vergangenheit liegen.',
        'The end of the transfer must not lie in the past.',
      ),
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Create, read, list

export async function createCase(
  db: Db,
  actor: Actor | null,
  input: CaseCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<Case>> {
  const a = await check(db, actor, 'case.write');
  // The person must be visible to the actor's agency (404 otherwise, as for any person route).
  await check(db, a, 'person.read', [input.personId]);
  const today = todayIn(ctx.now);
  const errors: FieldError[] = [];
  const conflicts: FieldError[] = [];

  if ((await mergedIntoOf(db, [input.personId])).has(input.personId)) {
    conflicts.push({
      path: 'personId',
      message: fieldMessage(
        'Diese Person wurde mit einer anderen zusammengeführt. Bitte legen Sie den Fall für die zusammengeführte Person an.',
        'This person was merged into another record. Please open the case for the merged person.',
      ),
    });
  }

  // The actor works on cases (case.write), so the actor can always lead.
  let lead: Pick<StaffUser, 'id' | 'agencyId'> = { id: a.userId, agencyId: a.agencyId };
  if (input.leadUserId !== undefined && input.leadUserId !== a.userId) {
    const named = await findStaffUser(db, input.leadUserId);
    if (named && named.agencyId === a.agencyId && isCaseWorker(named)) lead = named;
    else {
      errors.push({
        path: 'leadUserId',
        message: fieldMessage(
          'Die Fallverantwortung übernimmt eine aktive Fachkraft Ihrer Stelle.',
          'The lead case manager must be an active caseworker of your agency.',
        ),
      });
    }
  }
  if (input.householdId !== null) {
    await checkHousehold(db, a, 'person.read', input.householdId);
    if (!(await isCurrentHouseholdMember(db, input.householdId, input.personId, today))) {
      errors.push({
        path: 'householdId',
        message: fieldMessage(
          'Die Person gehört diesem Haushalt derzeit nicht an.',
          'The person is not a current member of this household.',
        ),
      });
    }
  }
  const teamAgencies = new Set([a.agencyId]);
  for (const [i, m] of input.teamAgencies.entries()) {
    const found = await teamMemberProblems(db, m, teamAgencies, `teamAgencies.${i}.`, {
      actor: a,
      personId: input.personId,
      now: ctx.now,
    });
    // On creation a repeated agency is an input mistake, not a conflict with stored state.
    errors.push(...found.input, ...found.conflict);
    teamAgencies.add(m.agencyId);
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
  if (conflicts.length) throw new AppError('CONFLICT', { fieldErrors: conflicts });
  const leadUser = lead;

  const id = await db.transaction(async (tx) => {
    const reference = await nextCaseReference(tx, Number(today.slice(0, 4)));
    const caseId = await insertCase(tx, {
      reference,
      personId: input.personId,
      householdId: input.householdId,
      title: input.title,
      phase: 'intake',
      leadUserId: leadUser.id,
      leadAgencyId: leadUser.agencyId,
      openedAt: ctx.now,
      createdAt: ctx.now,
      createdBy: a.userId,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    await insertTeamMember(tx, {
      caseId,
      agencyId: leadUser.agencyId,
      userId: leadUser.id,
      role: 'lead',
      joinedAt: ctx.now,
      addedBy: a.userId,
    });
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'created',
      toPhase: 'intake',
      details: {
        personId: input.personId,
        householdId: input.householdId,
        leadUserId: leadUser.id,
        leadAgencyId: leadUser.agencyId,
      },
    });
    await recordAudit(tx, ctx, {
      type: 'case.created',
      subjectType: 'case',
      subjectId: caseId,
      details: { personId: input.personId, householdId: input.householdId },
    });
    for (const m of input.teamAgencies) {
      await addMemberRows(
        tx,
        ctx,
        a,
        { id: caseId, reference, personId: input.personId, leadAgencyId: leadUser.agencyId },
        m,
      );
    }
    return caseId;
  });
  return loadCase(db, a, id);
}

/**
 * Inserts a membership with its timeline entry and audit row (inside the case's transaction). A
 * membership on a legal basis also writes the transfer (from the lead agency to the new member,
 * the categories and the norm) to the transfer log.
 */
async function addMemberRows(
  tx: Db,
  ctx: AuditContext,
  a: Actor,
  c: { id: string; reference: string; personId: string; leadAgencyId: string },
  m: CaseTeamMemberAddRequest,
): Promise<string> {
  const basis = m.agencyId === a.agencyId ? undefined : m.basis;
  const memberId = await insertTeamMember(tx, {
    caseId: c.id,
    agencyId: m.agencyId,
    userId: m.userId,
    role: m.role,
    joinedAt: ctx.now,
    addedBy: a.userId,
    consentId: basis?.kind === 'consent' ? basis.consentId : null,
    legalBasis: basis?.kind === 'legal_basis' ? basis.legalBasis : null,
  });
  await recordCaseEvent(tx, a, ctx, {
    caseId: c.id,
    kind: 'team_member_added',
    details: { memberId, agencyId: m.agencyId, userId: m.userId, role: m.role },
  });
  await recordAudit(tx, ctx, {
    type: 'case.team_member_added',
    subjectType: 'case',
    subjectId: c.id,
    details: { memberId, agencyId: m.agencyId, role: m.role },
  });
  if (basis) {
    const categories = basis.kind === 'legal_basis' ? orderedCategories(basis.categories) : [];
    const transferId =
      basis.kind === 'legal_basis'
        ? await insertDataTransfer(tx, {
            personId: c.personId,
            caseId: c.id,
            fromAgencyId: c.leadAgencyId,
            toAgencyId: m.agencyId,
            categories,
            legalBasis: basis.legalBasis,
            purpose: `Mitarbeit im Fallteam ${c.reference}`,
            transferredAt: ctx.now,
            validUntil: basis.validUntil ?? oneYearAfter(todayIn(ctx.now)),
            recordedBy: a.userId,
          })
        : null;
    await recordAudit(tx, ctx, {
      type: 'case.team_member_basis',
      subjectType: 'case',
      subjectId: c.id,
      details: {
        memberId,
        agencyId: m.agencyId,
        kind: basis.kind,
        consentId: basis.kind === 'consent' ? basis.consentId : null,
        transferId,
        categories,
      },
    });
  }
  return memberId;
}

export async function getCase(db: Db, actor: Actor | null, id: string, ctx: AuditContext): Promise<Versioned<Case>> {
  const a = await check(db, actor, 'case.read', [id]);
  const result = await loadCase(db, a, id);
  // Who looked at which case is what a data subject may ask.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { type: 'case.viewed', subjectType: 'case', subjectId: id, details: {} });
  });
  return result;
}

export async function listCases(
  db: Db,
  actor: Actor | null,
  query: CaseListQuery,
  ctx: AuditContext,
): Promise<CaseList> {
  const a = await check(db, actor, 'case.read');
  const { rows, total } = await listCaseRows(
    db,
    {
      scope: query.scope,
      status: query.status,
      phase: query.phase,
      personId: query.personId,
      q: query.q,
      actor: a,
      now: ctx.now,
      userId: a.userId,
      teamId: a.teamId,
    },
    query.sort,
    query.dir,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const items = rows.map(presentCaseListItem);
  // The search text may be a name: the audit row holds only the count.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { type: 'case.listed', subjectType: 'case', details: { resultCount: items.length } });
  });
  return { items, page: { page: query.page, pageSize: query.pageSize, total } };
}

/** The person's cases the actor may see (case-scope.ts). */
export async function listPersonCases(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<{ items: CaseListItem[] }> {
  const a = await check(db, actor, 'case.read');
  await check(db, a, 'person.read', [personId]);
  const items = (await casesOfPerson(db, personId, a, ctx.now)).map(presentCaseListItem);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case.listed',
      subjectType: 'person',
      subjectId: personId,
      details: { resultCount: items.length },
    });
  });
  return { items };
}

// ---------------------------------------------------------------------------------------------
// Changes

export async function changeCase(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: CaseUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<Case>> {
  const a = await check(db, actor, 'case.write', [id]);
  const version = ifMatchVersion(ifMatch, true);
  const provided = (Object.keys(input) as (keyof CaseUpdateRequest)[]).filter((k) => input[k] !== undefined);
  if (provided.length === 0) throw new AppError('VALIDATION_FAILED');
  await writeCase(
    db,
    id,
    version,
    (row) => assertSteers(a, row.leadAgencyId),
    async (tx, row, bump) => {
      if (input.householdId !== undefined && input.householdId !== null && input.householdId !== row.householdId) {
        await checkHousehold(tx, a, 'person.read', input.householdId);
        if (!(await isCurrentHouseholdMember(tx, input.householdId, row.personId, todayIn(ctx.now)))) {
          throw new AppError('VALIDATION_FAILED', {
            fieldErrors: [
              {
                path: 'householdId',
                message: fieldMessage(
                  'Die Person gehört diesem Haushalt derzeit nicht an.',
                  'The person is not a current member of this household.',
                ),
              },
            ],
          });
        }
      }
      const fields = provided.filter((k) => input[k] !== row[k]);
      const newVersion = await bump({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.householdId !== undefined ? { householdId: input.householdId } : {}),
        updatedAt: ctx.now,
        updatedBy: a.userId,
      });
      await recordCaseEvent(tx, a, ctx, {
        caseId: id,
        kind: 'updated',
        details: { fields },
      });
      await recordAudit(tx, ctx, {
        type: 'case.updated',
        subjectType: 'case',
        subjectId: id,
        details: { fields, version: newVersion },
      });
    },
  );
  return loadCase(db, a, id);
}

export async function changePhase(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: CasePhaseChangeRequest,
  ctx: AuditContext,
): Promise<Versioned<Case>> {
  const a = await check(db, actor, 'case.write', [id]);
  const version = ifMatchVersion(ifMatch, true);
  await writeCase(
    db,
    id,
    version,
    (row) => assertSteers(a, row.leadAgencyId),
    async (tx, row, bump) => {
      const from = row.phase as CasePhaseChangeRequest['to'];
      const move = checkPhaseChange(from, input, { assessmentCompleted: await hasCompletedAssessment(tx, id) });
      assertMove(move);
      const closing = move.kind === 'close';
      const newVersion = await bump({
        phase: input.to,
        ...(closing
          ? { closureReason: input.closureReason!, closureOutcome: input.outcome!.trim(), closedAt: ctx.now }
          : {}),
        updatedAt: ctx.now,
        updatedBy: a.userId,
      });
      await recordCaseEvent(tx, a, ctx, {
        caseId: id,
        kind: 'phase_changed',
        fromPhase: from,
        toPhase: input.to,
        // The outcome of a closure stays on the timeline after a reopening clears it from the case.
        note: closing ? input.outcome!.trim() : trimmedOrNull(input.reason),
        details: { move: move.kind, ...(closing ? { closureReason: input.closureReason! } : {}) },
      });
      await recordAudit(tx, ctx, {
        type: 'case.phase_changed',
        subjectType: 'case',
        subjectId: id,
        details: { from, to: input.to, version: newVersion },
      });
    },
  );
  return loadCase(db, a, id);
}

export async function reopenCase(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: CaseReopenRequest,
  ctx: AuditContext,
): Promise<Versioned<Case>> {
  const a = await check(db, actor, 'case.write', [id]);
  const version = ifMatchVersion(ifMatch, true);
  await writeCase(
    db,
    id,
    version,
    (row) => assertSteers(a, row.leadAgencyId),
    async (tx, row, bump) => {
      const from = row.phase as CaseReopenRequest['to'] | 'closure';
      assertMove(checkReopen(from, input, { assessmentCompleted: await hasCompletedAssessment(tx, id) }));
      const newVersion = await bump({
        phase: input.to,
        closureReason: null,
        closureOutcome: null,
        closedAt: null,
        updatedAt: ctx.now,
        updatedBy: a.userId,
      });
      await recordCaseEvent(tx, a, ctx, {
        caseId: id,
        kind: 'reopened',
        fromPhase: from,
        toPhase: input.to,
        note: input.reason.trim(),
        details: { previousClosureReason: row.closureReason },
      });
      await recordAudit(tx, ctx, {
        type: 'case.reopened',
        subjectType: 'case',
        subjectId: id,
        details: { from, to: input.to, version: newVersion },
      });
    },
  );
  return loadCase(db, a, id);
}

const closedCase = fieldMessage(
  'Der Fall ist abgeschlossen. Öffnen Sie ihn wieder, um das Team zu erweitern.',
  'The case is closed. Reopen it to extend the team.',
);

export async function addTeamMember(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: CaseTeamMemberAddRequest,
  ctx: AuditContext,
): Promise<Versioned<Case>> {
  const a = await check(db, actor, 'case.write', [id]);
  const version = ifMatchVersion(ifMatch, false);
  await writeCase(
    db,
    id,
    version,
    (row) => assertSteers(a, row.leadAgencyId),
    async (tx, row, bump) => {
      if (row.phase === 'closure')
        throw new AppError('CONFLICT', { fieldErrors: [{ path: 'id', message: closedCase }] });
      const current = new Set(
        (await teamOf(tx, id)).filter((m) => m.member.leftAt === null).map((m) => m.member.agencyId),
      );
      const problems = await teamMemberProblems(tx, input, current, '', {
        actor: a,
        personId: row.personId,
        now: ctx.now,
      });
      if (problems.input.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems.input });
      if (problems.conflict.length) throw new AppError('CONFLICT', { fieldErrors: problems.conflict });
      await bump({ updatedAt: ctx.now, updatedBy: a.userId });
      await addMemberRows(tx, ctx, a, row, input);
    },
  );
  return loadCase(db, a, id);
}

export async function endTeamMember(
  db: Db,
  actor: Actor | null,
  id: string,
  memberId: string,
  ifMatch: string | undefined,
  input: { reason: string | null },
  ctx: AuditContext,
): Promise<Versioned<Case>> {
  const a = await check(db, actor, 'case.write', [id]);
  const version = ifMatchVersion(ifMatch, false);
  await writeCase(
    db,
    id,
    version,
    (row) => assertSteers(a, row.leadAgencyId),
    async (tx, _row, bump) => {
      const entry = (await teamOf(tx, id)).find((m) => m.member.id === memberId);
      if (!entry) throw new AppError('NOT_FOUND');
      const m = entry.member;
      if (m.leftAt !== null) {
        throw new AppError('CONFLICT', {
          fieldErrors: [
            {
              path: 'memberId',
              message: fieldMessage('Diese Mitgliedschaft ist bereits beendet.', 'This membership has already ended.'),
            },
          ],
        });
      }
      if (m.role === 'lead') {
        throw new AppError('CONFLICT', {
          fieldErrors: [
            {
              path: 'memberId',
              message: fieldMessage(
                'Die federführende Stelle kann das Fallteam nicht verlassen. Weisen Sie den Fall stattdessen neu zu.',
                'The lead agency cannot leave the case team. Reassign the case instead.',
              ),
            },
          ],
        });
      }
      await bump({ updatedAt: ctx.now, updatedBy: a.userId });
      await endTeamMemberRow(tx, memberId, ctx.now);
      await endTeamTransfers(tx, id, m.agencyId, todayIn(ctx.now));
      await recordCaseEvent(tx, a, ctx, {
        caseId: id,
        kind: 'team_member_ended',
        note: trimmedOrNull(input.reason),
        details: { memberId, agencyId: m.agencyId, userId: m.userId, role: m.role },
      });
      await recordAudit(tx, ctx, {
        type: 'case.team_member_ended',
        subjectType: 'case',
        subjectId: id,
        details: { memberId, agencyId: m.agencyId },
      });
    },
  );
  return loadCase(db, a, id);
}

/**
 * Hands the case to another lead case manager. A colleague of the lead agency takes over the
 * lead membership; a caseworker of another agency on the team makes that agency the lead, and the
 * former lead agency stays on the team as participant (it keeps its view of the case).
 */
export async function reassignCase(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: CaseReassignRequest,
  ctx: AuditContext,
): Promise<Versioned<Case>> {
  const m = await check(db, actor, 'case.manage');
  // A team lead who is not on the team does not learn that the case exists.
  const a = await check(db, m, 'case.read', [id]);
  const version = ifMatchVersion(ifMatch, false);
  if (blankText(input.reason)) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'reason',
          message: fieldMessage(
            'Bitte begründen Sie die neue Zuweisung.',
            'Please give a reason for the reassignment.',
          ),
        },
      ],
    });
  }
  const newLead = await findStaffUser(db, input.leadUserId);
  await writeCase(
    db,
    id,
    version,
    (row) => assertMayReassign(a, row.leadAgencyId),
    async (tx, row, bump) => {
      if (!newLead || !isCaseWorker(newLead)) {
        throw new AppError('VALIDATION_FAILED', { fieldErrors: [{ path: 'leadUserId', message: notCaseWorker }] });
      }
      if (newLead.id === row.leadUserId) {
        throw new AppError('CONFLICT', {
          fieldErrors: [
            {
              path: 'leadUserId',
              message: fieldMessage(
                'Diese Person hat die Fallverantwortung bereits.',
                'This colleague already leads the case.',
              ),
            },
          ],
        });
      }
      const team = (await teamOf(tx, id)).filter((e) => e.member.leftAt === null);
      const leadMember = team.find((e) => e.member.role === 'lead');
      if (!leadMember) throw new AppError('INTERNAL');
      if (newLead.agencyId === row.leadAgencyId) {
        await updateTeamMember(tx, leadMember.member.id, { userId: newLead.id });
      } else {
        const target = team.find((e) => e.member.agencyId === newLead.agencyId);
        if (!target) {
          throw new AppError('CONFLICT', {
            fieldErrors: [
              {
                path: 'leadUserId',
                message: fieldMessage(
                  'Die Stelle der neuen Fallverantwortung gehört nicht zum Fallteam. Nehmen Sie sie zuerst ins Team auf.',
                  'The agency of the new lead case manager is not on the case team. Add it to the team first.',
                ),
              },
            ],
          });
        }
        await updateTeamMember(tx, leadMember.member.id, { role: 'participant' });
        await updateTeamMember(tx, target.member.id, { role: 'lead', userId: newLead.id });
      }
      await bump({
        leadUserId: newLead.id,
        leadAgencyId: newLead.agencyId,
        updatedAt: ctx.now,
        updatedBy: a.userId,
      });
      await recordCaseEvent(tx, a, ctx, {
        caseId: id,
        kind: 'reassigned',
        note: input.reason.trim(),
        details: {
          fromUserId: row.leadUserId,
          toUserId: newLead.id,
          fromAgencyId: row.leadAgencyId,
          toAgencyId: newLead.agencyId,
        },
      });
      await recordAudit(tx, ctx, {
        type: 'case.reassigned',
        subjectType: 'case',
        subjectId: id,
        details: { fromUserId: row.leadUserId, toUserId: newLead.id },
      });
    },
  );
  return loadCase(db, a, id);
}
