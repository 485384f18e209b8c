import type { z } from 'zod';
import {
  decisionTaskTitle,
  type Conference,
  type conferenceCreateRequestSchema,
  type ConferenceList,
  type conferenceParticipantInputSchema,
  type conferenceSaveRequestSchema,
} from '../../../shared/contracts/case-conferences';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { presentConference, presentConferenceListItem } from './case-conferences.presenter';
import {
  conferencesOfCase,
  decisionsOf,
  findConference,
  insertConference,
  lockConference,
  participantsOf,
  replaceDecisions,
  replaceParticipants,
  setDecisionTask,
  updateConferenceIfVersion,
  type ConferenceRow,
  type DecisionValues,
  type ParticipantValues,
} from './case-conferences.repository';
import {
  currentTeamAgencies,
  isActiveCaseworkerOf,
  lockCaseState,
  readCaseState,
  type TaskCaseState,
} from './case-tasks.repository';
import { insertTaskWithRecords, isClosedCase } from './case-tasks.service';
import { agencyRefs, userRefs } from './cases.repository';
import { recordCaseEvent } from './case-timeline';

type CreateInput = z.output<typeof conferenceCreateRequestSchema>;
type SaveInput = z.output<typeof conferenceSaveRequestSchema>;
type ParticipantInput = z.output<typeof conferenceParticipantInputSchema>;

/** The organiser agency and the lead agency of the case change a conference. */
const mayChange = (actor: Actor, c: Pick<ConferenceRow, 'organiserAgencyId'>, state: Pick<TaskCaseState, 'leadAgencyId'>) =>
  actor.agencyId === c.organiserAgencyId || actor.agencyId === state.leadAgencyId;

const problem = (path: string, de: string, en: string): FieldError => ({ path, message: fieldMessage(de, en) });

function closedCase(): AppError {
  return new AppError('CONFLICT', {
    fieldErrors: [
      problem(
        'phase',
        'Der Fall ist abgeschlossen. Um eine Fallkonferenz anzusetzen oder zu ändern, öffnen Sie den Fall bitte zuerst wieder.',
        'The case is closed. To schedule or change a case conference, please reopen the case first.',
      ),
    ],
  });
}

function readOnly(c: ConferenceRow): AppError {
  return new AppError('CONFLICT', {
    fieldErrors: [
      c.status === 'held'
        ? problem(
            'status',
            'Das Protokoll dieser Fallkonferenz ist abgeschlossen und kann nicht mehr geändert werden.',
            'The minutes of this case conference are final and can no longer be changed.',
          )
        : problem(
            'status',
            'Diese Fallkonferenz wurde abgesagt und kann nicht mehr geändert werden.',
            'This case conference was cancelled and can no longer be changed.',
          ),
    ],
  });
}

function forbidden(): AppError {
  return new AppError('FORBIDDEN', {
    fieldErrors: [
      problem(
        'conferenceId',
        'Eine Fallkonferenz ändern, abschließen oder absagen nur die einladende Stelle und die federführende Stelle des Falls.',
        'Only the organising agency and the lead agency of the case change, finalise or cancel a case conference.',
      ),
    ],
  });
}

function stale(current: ConferenceRow): AppError {
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      problem(
        'version',
        `Die Fallkonferenz wurde inzwischen von jemand anderem geändert (jetzt Version ${current.version}). Ihre Änderungen wurden nicht übernommen: Bitte laden Sie die aktuelle Fassung und tragen Sie sie erneut ein.`,
        `Someone else changed the case conference in the meantime (now version ${current.version}). Your changes were not applied: please load the current version and enter them again.`,
      ),
    ],
  });
}

async function loadConference(db: Db, actor: Actor, caseId: string, conferenceId: string): Promise<Versioned<Conference>> {
  const found = await findConference(db, caseId, conferenceId);
  if (!found) throw new AppError('NOT_FOUND');
  const c = found.conference;
  const participants = await participantsOf(db, conferenceId);
  const decisions = await decisionsOf(db, conferenceId);
  const team = await currentTeamAgencies(db, caseId);
  const state = await caseStateOf(db, caseId);
  const users = await userRefs(db, [c.createdBy, c.updatedBy].filter((id): id is string => id !== null));
  return {
    value: presentConference(c, {
      organiser: found.organiser,
      participants,
      decisions,
      teamAgencyIds: new Set(team.keys()),
      users,
      mayChange: c.status === 'planned' && !isClosedCase(state) && mayChange(actor, c, state),
    }),
    etag: etagOf(c.version),
  };
}

async function caseStateOf(db: Db, caseId: string): Promise<TaskCaseState> {
  const state = await readCaseState(db, caseId);
  if (!state) throw new AppError('NOT_FOUND');
  return state;
}

/**
 * Checks participants and decisions against the directory: agencies exist, named colleagues are
 * active caseworkers or team leads of their agency, nobody takes part twice. Agencies need not be
 * on the case team yet (the team is checked when the minutes are finalised).
 */
async function contentProblems(
  db: Db,
  participants: readonly ParticipantInput[],
  decisions: SaveInput['decisions'],
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const agencyIds = [
    ...participants.flatMap((p) => (p.kind === 'agency' ? [p.agencyId] : [])),
    ...decisions.map((d) => d.responsibleAgencyId),
  ];
  const known = await agencyRefs(db, agencyIds);
  const noAgency = (path: string) => problem(path, 'Diese Stelle gibt es nicht.', 'This agency does not exist.');
  const notColleague = (path: string) =>
    problem(
      path,
      'Die benannte Person muss eine aktive Fachkraft oder Teamleitung der gewählten Stelle sein.',
      'The named colleague must be an active caseworker or team lead of the chosen agency.',
    );
  const seen = new Set<string>();
  for (const [i, p] of participants.entries()) {
    const key =
      p.kind === 'agency' ? `a:${p.agencyId}:${p.userId ?? ''}` : `e:${p.name.toLowerCase()}:${p.role.toLowerCase()}`;
    if (seen.has(key)) {
      problems.push(
        problem(
          `participants.${i}`,
          'Diese Teilnahme ist bereits eingetragen.',
          'This participant is already listed.',
        ),
      );
    }
    seen.add(key);
    if (p.kind !== 'agency') continue;
    if (!known.has(p.agencyId)) problems.push(noAgency(`participants.${i}.agencyId`));
    else if (p.userId !== null && !(await isActiveCaseworkerOf(db, p.userId, p.agencyId)))
      problems.push(notColleague(`participants.${i}.userId`));
  }
  for (const [i, d] of decisions.entries()) {
    if (!known.has(d.responsibleAgencyId)) problems.push(noAgency(`decisions.${i}.responsibleAgencyId`));
    else if (d.responsibleUserId !== null && !(await isActiveCaseworkerOf(db, d.responsibleUserId, d.responsibleAgencyId)))
      problems.push(notColleague(`decisions.${i}.responsibleUserId`));
  }
  return problems;
}

const participantValues = (participants: readonly ParticipantInput[]): ParticipantValues[] =>
  participants.map((p) =>
    p.kind === 'agency'
      ? { agencyId: p.agencyId, userId: p.userId, externalName: null, externalRole: null, attended: p.attended }
      : { agencyId: null, userId: null, externalName: p.name, externalRole: p.role, attended: p.attended },
  );

const blankToNull = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? null : s.trim());

// ---------------------------------------------------------------------------------------------
// Reads

export async function listConferences(
  db: Db,
  actor: Actor | null,
  caseId: string,
  ctx: AuditContext,
): Promise<ConferenceList> {
  await check(db, actor, 'case.read', [caseId]);
  const items = (await conferencesOfCase(db, caseId)).map(presentConferenceListItem);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_conference.listed',
      subjectType: 'case',
      subjectId: caseId,
      details: { count: items.length },
    });
  });
  return { items };
}

export async function getConference(
  db: Db,
  actor: Actor | null,
  caseId: string,
  conferenceId: string,
  ctx: AuditContext,
): Promise<Versioned<Conference>> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const result = await loadConference(db, a, caseId, conferenceId);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_conference.viewed',
      subjectType: 'case',
      subjectId: caseId,
      details: { conferenceId },
    });
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Writes

/** Schedules a conference; the actor's agency organises it. */
export async function createConference(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: CreateInput,
  ctx: AuditContext,
): Promise<Versioned<Conference>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const id = await db.transaction(async (tx) => {
    const state = await lockCaseState(tx, caseId);
    if (!state) throw new AppError('NOT_FOUND');
    if (isClosedCase(state)) throw closedCase();
    const problems = await contentProblems(tx, input.participants, []);
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
    const row = await insertConference(tx, {
      caseId,
      title: input.title,
      scheduledAt: new Date(input.scheduledAt),
      location: blankToNull(input.location),
      status: 'planned',
      agenda: input.agenda,
      minutes: null,
      heldAt: null,
      organiserAgencyId: a.agencyId,
      createdAt: ctx.now,
      createdBy: a.userId,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    await replaceParticipants(tx, row.id, participantValues(input.participants));
    await recordCaseEvent(tx, a, ctx, { caseId, kind: 'conference_scheduled', details: { conferenceId: row.id } });
    await recordAudit(tx, ctx, {
      type: 'case_conference.created',
      subjectType: 'case',
      subjectId: caseId,
      details: { conferenceId: row.id, participants: input.participants.length, agendaItems: input.agenda.length },
    });
    return row.id;
  });
  return loadConference(db, a, caseId, id);
}

/**
 * One write to a planned conference: locks the case (share) and the conference, then answers in
 * this order — 404, 409 (closed case), 403 (not organiser or lead), 409 (held or cancelled), 412
 * (stale) — before `write` changes it.
 */
async function writeConference<T>(
  db: Db,
  a: Actor,
  caseId: string,
  conferenceId: string,
  expectedVersion: number,
  write: (tx: Db, c: ConferenceRow, state: TaskCaseState) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const state = await lockCaseState(tx, caseId);
    if (!state) throw new AppError('NOT_FOUND');
    const c = await lockConference(tx, caseId, conferenceId);
    if (!c) throw new AppError('NOT_FOUND');
    if (isClosedCase(state)) throw closedCase();
    if (!mayChange(a, c, state)) throw forbidden();
    if (c.status !== 'planned') throw readOnly(c);
    if (c.version !== expectedVersion) throw stale(c);
    return write(tx, c, state);
  });
}

const sameJson = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** PUT: the whole planned conference (If-Match). Participants and decisions are replaced. */
export async function saveConference(
  db: Db,
  actor: Actor | null,
  caseId: string,
  conferenceId: string,
  ifMatch: string | undefined,
  input: SaveInput,
  ctx: AuditContext,
): Promise<Versioned<Conference>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const expected = ifMatchVersion(ifMatch, true);
  await writeConference(db, a, caseId, conferenceId, expected, async (tx, c) => {
    const problems = await contentProblems(tx, input.participants, input.decisions);
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
    const before = {
      participants: (await participantsOf(tx, conferenceId)).map((p) => ({
        agencyId: p.row.agencyId,
        userId: p.row.userId,
        externalName: p.row.externalName,
        externalRole: p.row.externalRole,
        attended: p.row.attended,
      })),
      decisions: (await decisionsOf(tx, conferenceId)).map((d) => ({
        text: d.row.text,
        responsibleAgencyId: d.row.responsibleAgencyId,
        responsibleUserId: d.row.responsibleUserId,
        dueDate: d.row.dueDate,
      })),
    };
    const participants = participantValues(input.participants);
    const decisions: DecisionValues[] = input.decisions.map((d, i) => ({
      position: i + 1,
      text: d.text,
      responsibleAgencyId: d.responsibleAgencyId,
      responsibleUserId: d.responsibleUserId,
      dueDate: d.dueDate,
    }));
    const location = blankToNull(input.location);
    const minutes = blankToNull(input.minutes);
    const scheduledAt = new Date(input.scheduledAt);
    // Participants have no order of their own: compare them as sets.
    const sortParticipants = (list: readonly Partial<ParticipantValues>[]) =>
      list
        .map((v) => ({
          agencyId: v.agencyId ?? null,
          userId: v.userId ?? null,
          externalName: v.externalName ?? null,
          externalRole: v.externalRole ?? null,
          attended: v.attended ?? null,
        }))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    const changed = {
      title: input.title !== c.title,
      scheduledAt: scheduledAt.getTime() !== c.scheduledAt.getTime(),
      location: location !== c.location,
      agenda: !sameJson(input.agenda, c.agenda),
      minutes: minutes !== c.minutes,
      participants: !sameJson(sortParticipants(participants), sortParticipants(before.participants)),
      decisions: !sameJson(
        decisions.map(({ text, responsibleAgencyId, responsibleUserId, dueDate }) => ({
          text,
          responsibleAgencyId,
          responsibleUserId,
          dueDate,
        })),
        before.decisions,
      ),
    };
    const fields = (Object.keys(changed) as (keyof typeof changed)[]).filter((k) => changed[k]);
    // Saving what is already stored keeps the version, so a colleague's open copy stays current.
    if (fields.length === 0) return;
    const updated = await updateConferenceIfVersion(tx, conferenceId, expected, {
      title: input.title,
      scheduledAt,
      location,
      agenda: input.agenda,
      minutes,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!updated) throw stale(c);
    if (changed.participants) await replaceParticipants(tx, conferenceId, participants);
    if (changed.decisions) await replaceDecisions(tx, conferenceId, decisions);
    await recordCaseEvent(tx, a, ctx, { caseId, kind: 'conference_updated', details: { conferenceId, fields } });
    await recordAudit(tx, ctx, {
      type: 'case_conference.updated',
      subjectType: 'case',
      subjectId: caseId,
      details: {
        conferenceId,
        fields,
        participants: participants.length,
        decisions: decisions.length,
        version: updated.version,
      },
    });
  });
  return loadConference(db, a, caseId, conferenceId);
}

/**
 * Finalises the minutes (If-Match): the conference is held, and in the same transaction every
 * decision becomes a case task for its responsible agency (and colleague). The conference row's
 * lock and status make a second finalise — concurrent or later — a 409 that creates nothing.
 */
export async function finaliseConference(
  db: Db,
  actor: Actor | null,
  caseId: string,
  conferenceId: string,
  ifMatch: string | undefined,
  ctx: AuditContext,
): Promise<Versioned<Conference>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const expected = ifMatchVersion(ifMatch, true);
  await writeConference(db, a, caseId, conferenceId, expected, async (tx, c) => {
    const participants = await participantsOf(tx, conferenceId);
    const decisions = await decisionsOf(tx, conferenceId);
    const team = await currentTeamAgencies(tx, caseId);
    const problems: FieldError[] = [];
    if (blankToNull(c.minutes) === null) {
      problems.push(
        problem(
          'minutes',
          'Bitte halten Sie das Protokoll fest, bevor Sie es abschließen.',
          'Please write the minutes before finalising them.',
        ),
      );
    }
    if (!participants.some((p) => p.row.attended === true)) {
      problems.push(
        problem(
          'participants',
          'Bitte vermerken Sie, wer an der Fallkonferenz teilgenommen hat (mindestens eine Person).',
          'Please record who attended the case conference (at least one participant).',
        ),
      );
    }
    for (const [i, d] of decisions.entries()) {
      if (!team.has(d.row.responsibleAgencyId)) {
        problems.push(
          problem(
            `decisions.${i}.responsibleAgencyId`,
            `${d.agency.name} gehört nicht zum Fallteam. Nehmen Sie die Stelle zuerst ins Fallteam auf.`,
            `${d.agency.name} is not on the case team. Add the agency to the case team first.`,
          ),
        );
      } else if (
        d.row.responsibleUserId !== null &&
        !(await isActiveCaseworkerOf(tx, d.row.responsibleUserId, d.row.responsibleAgencyId))
      ) {
        problems.push(
          problem(
            `decisions.${i}.responsibleUserId`,
            `${d.user?.displayName ?? 'Die benannte Person'} ist keine aktive Fachkraft von ${d.agency.name} mehr. Bitte benennen Sie jemand anderen oder lassen Sie das Feld leer.`,
            `${d.user?.displayName ?? 'The named colleague'} is no longer an active caseworker of ${d.agency.name}. Please name someone else or leave it empty.`,
          ),
        );
      }
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });

    const updated = await updateConferenceIfVersion(tx, conferenceId, expected, {
      status: 'held',
      heldAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!updated) throw stale(c);
    const taskIds: string[] = [];
    for (const d of decisions) {
      const { title, truncated } = decisionTaskTitle(d.row.text);
      const task = await insertTaskWithRecords(tx, a, ctx, {
        caseId,
        title,
        description: truncated ? d.row.text : null,
        assigneeAgencyId: d.row.responsibleAgencyId,
        assigneeUserId: d.row.responsibleUserId,
        dueDate: d.row.dueDate,
        source: 'conference_decision',
        sourceId: d.row.id,
      });
      await setDecisionTask(tx, d.row.id, task.id);
      taskIds.push(task.id);
    }
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'conference_held',
      details: { conferenceId, decisions: decisions.length, taskIds },
    });
    await recordAudit(tx, ctx, {
      type: 'case_conference.finalised',
      subjectType: 'case',
      subjectId: caseId,
      details: { conferenceId, taskIds, version: updated.version },
    });
  });
  return loadConference(db, a, caseId, conferenceId);
}

/** Cancels a planned conference (If-Match); it stays on the case, read-only. */
export async function cancelConference(
  db: Db,
  actor: Actor | null,
  caseId: string,
  conferenceId: string,
  ifMatch: string | undefined,
  ctx: AuditContext,
): Promise<Versioned<Conference>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const expected = ifMatchVersion(ifMatch, true);
  await writeConference(db, a, caseId, conferenceId, expected, async (tx, c) => {
    const updated = await updateConferenceIfVersion(tx, conferenceId, expected, {
      status: 'cancelled',
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!updated) throw stale(c);
    await recordCaseEvent(tx, a, ctx, { caseId, kind: 'conference_cancelled', details: { conferenceId } });
    await recordAudit(tx, ctx, {
      type: 'case_conference.cancelled',
      subjectType: 'case',
      subjectId: caseId,
      details: { conferenceId, version: updated.version },
    });
  });
  return loadConference(db, a, caseId, conferenceId);
}
