import {
  MY_APPOINTMENTS_DEFAULT_DAYS,
  MY_APPOINTMENTS_MAX_DAYS,
  type Appointment,
  type AppointmentCreateRequest,
  type AppointmentList,
  type AppointmentListQuery,
  type AppointmentUpdateRequest,
  type MyAppointmentList,
  type MyAppointmentsQuery,
} from '../../../shared/contracts/case-records';
import { daysBetween, todayIn } from '../../../shared/domain/calendar-date';
import {
  addDays,
  appointmentTimeProblems,
  startOfBerlinDay,
  statusChangeProblem,
  type AppointmentStatus,
} from '../../../shared/domain/cases/appointment-rules';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { replanAppointmentReminders } from '../correspondence/appointment-reminders';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { presentAppointment, presentMyAppointment } from './case-appointments.presenter';
import {
  appointmentsOfCase,
  findAppointment,
  insertAppointment,
  myAppointments as myAppointmentRows,
  updateAppointmentIfVersion,
  type AppointmentRecord,
  type AppointmentValues,
} from './case-appointments.repository';
import { assertCaseOpen, changedFields, nothingToChange } from './case-records.policy';
import { currentTeamAgencyIds } from './case-records.repository';
import { recordCaseEvent } from './case-timeline';
import { CASE_WORK_ROLES, findStaffUser } from './cases.repository';

/**
 * Appointments (Termine) of a case: with which agency (and optionally which colleague), where,
 * and whether an interpreter is needed. Every agency on the case team sees and keeps them; the
 * time and status rules are in shared/domain/cases/appointment-rules.ts. Refused on a closed case.
 */

const CLOSED = {
  de: 'Termine können dann nicht mehr vereinbart oder geändert werden.',
  en: 'Appointments can then no longer be scheduled or changed.',
};

const blankToNull = (s: string | null): string | null => (s === null || s === '' ? null : s);

const toErrors = (problems: { path: string; message: { de: string; en: string } }[]): FieldError[] =>
  problems.map((p) => ({ path: p.path, message: p.message }));

/** The agency must be on the current team; a named colleague must belong to it, be active and work on cases. */
async function whoProblems(db: Db, caseId: string, agencyId: string, userId: string | null): Promise<FieldError[]> {
  if (!(await currentTeamAgencyIds(db, caseId)).has(agencyId)) {
    return [
      {
        path: 'agencyId',
        message: fieldMessage(
          'Bitte eine Stelle des aktuellen Fallteams wählen.',
          'Please choose an agency of the current case team.',
        ),
      },
    ];
  }
  if (userId === null) return [];
  const user = await findStaffUser(db, userId);
  const works = user?.roles.some((r) => (CASE_WORK_ROLES as readonly string[]).includes(r)) ?? false;
  if (!user || user.agencyId !== agencyId || !user.active || !works) {
    return [
      {
        path: 'userId',
        message: fieldMessage(
          'Die benannte Person muss zur gewählten Stelle gehören, aktiv sein und Fälle bearbeiten.',
          'The named colleague must belong to the chosen agency, be active and work on cases.',
        ),
      },
    ];
  }
  return [];
}

function staleAppointment(current: AppointmentRecord | undefined): AppError {
  if (!current) return new AppError('NOT_FOUND');
  const by = current.updatedBy ? ` von ${current.updatedBy.displayName}` : '';
  const byEn = current.updatedBy ? ` by ${current.updatedBy.displayName}` : '';
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Der Termin wurde inzwischen${by} geändert (jetzt Stand ${current.appointment.version}). Ihre Änderung wurde nicht übernommen: Bitte laden Sie die Termine neu und prüfen Sie sie.`,
          `The appointment was changed${byEn} in the meantime (now version ${current.appointment.version}). Your change was not applied: please reload the appointments and check it.`,
        ),
      },
    ],
  });
}

async function loaded(db: Db, caseId: string, appointmentId: string): Promise<Versioned<Appointment>> {
  const record = await findAppointment(db, caseId, appointmentId);
  if (!record) throw new AppError('NOT_FOUND');
  return { value: presentAppointment(record), etag: etagOf(record.appointment.version) };
}

/** Upcoming (soonest first) or past (latest first) appointments of the case, paged. */
export async function listAppointments(
  db: Db,
  actor: Actor | null,
  caseId: string,
  query: AppointmentListQuery,
  ctx: AuditContext,
): Promise<AppointmentList> {
  await check(db, actor, 'case.read', [caseId]);
  const { rows, total } = await appointmentsOfCase(
    db,
    caseId,
    query.when,
    ctx.now,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case_appointment.listed',
      subjectType: 'case',
      subjectId: caseId,
      details: { resultCount: rows.length, when: query.when },
    });
  });
  return { items: rows.map(presentAppointment), page: { page: query.page, pageSize: query.pageSize, total } };
}

export async function createAppointment(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: AppointmentCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<Appointment>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  await assertCaseOpen(db, caseId, CLOSED);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt === null ? null : new Date(input.endsAt);
  const agencyId = input.agencyId ?? a.agencyId;
  const problems = [
    ...toErrors(appointmentTimeProblems(startsAt, endsAt, ctx.now)),
    ...(await whoProblems(db, caseId, agencyId, input.userId)),
  ];
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  const id = await db.transaction(async (tx) => {
    await assertCaseOpen(tx, caseId, CLOSED);
    const appointmentId = await insertAppointment(tx, {
      caseId,
      kind: input.kind,
      title: input.title,
      startsAt,
      endsAt,
      location: input.location === '' ? null : input.location,
      agencyId,
      userId: input.userId,
      interpreterLanguage: input.interpreterLanguage,
      interpreterBooked: input.interpreterBooked,
      interpreterName: blankToNull(input.interpreterName),
      interpreterCostCentre: blankToNull(input.interpreterCostCentre),
      status: 'planned',
      createdAt: ctx.now,
      createdBy: a.userId,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    await replanAppointmentReminders(
      tx,
      {
        id: appointmentId,
        status: 'planned',
        startsAt,
        interpreterLanguage: input.interpreterLanguage,
        interpreterBooked: input.interpreterBooked,
      },
      ctx.now,
    );
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'appointment_scheduled',
      details: { appointmentId, appointmentKind: input.kind, status: 'planned' },
    });
    await recordAudit(tx, ctx, {
      type: 'case_appointment.created',
      subjectType: 'case',
      subjectId: caseId,
      details: { appointmentId, kind: input.kind },
    });
    return appointmentId;
  });
  return loaded(db, caseId, id);
}

/**
 * Changes an appointment (If-Match with its version): any field and the status. The time rules
 * apply to a changed start; the status rules to a changed status (409 with the explanation: the
 * input is fine, the appointment's state does not allow it).
 */
export async function updateAppointment(
  db: Db,
  actor: Actor | null,
  caseId: string,
  appointmentId: string,
  ifMatch: string | undefined,
  input: AppointmentUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<Appointment>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const current = await findAppointment(db, caseId, appointmentId);
  if (!current) throw new AppError('NOT_FOUND');
  const expected = ifMatchVersion(ifMatch, true);
  const cur = current.appointment;
  const next: Partial<AppointmentValues> = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.startsAt !== undefined ? { startsAt: new Date(input.startsAt) } : {}),
    ...(input.endsAt !== undefined ? { endsAt: input.endsAt === null ? null : new Date(input.endsAt) } : {}),
    ...(input.location !== undefined ? { location: input.location === '' ? null : input.location } : {}),
    ...(input.agencyId !== undefined ? { agencyId: input.agencyId } : {}),
    ...(input.userId !== undefined ? { userId: input.userId } : {}),
    ...(input.interpreterLanguage !== undefined ? { interpreterLanguage: input.interpreterLanguage } : {}),
    ...(input.interpreterBooked !== undefined ? { interpreterBooked: input.interpreterBooked } : {}),
    ...(input.interpreterName !== undefined ? { interpreterName: blankToNull(input.interpreterName) } : {}),
    ...(input.interpreterCostCentre !== undefined
      ? { interpreterCostCentre: blankToNull(input.interpreterCostCentre) }
      : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
  if (Object.keys(next).length === 0) throw nothingToChange();
  // Another agency without a named colleague: the former colleague belongs to the former agency.
  if (next.agencyId !== undefined && next.agencyId !== cur.agencyId && next.userId === undefined) next.userId = null;
  await assertCaseOpen(db, caseId, CLOSED);

  const startsAt = next.startsAt ?? cur.startsAt;
  const endsAt = next.endsAt !== undefined ? next.endsAt : cur.endsAt;
  const timeProblems = appointmentTimeProblems(startsAt, endsAt, ctx.now).filter(
    // An unchanged start in the past is history, not a new choice.
    (p) => p.path !== 'startsAt' || (next.startsAt !== undefined && next.startsAt.getTime() !== cur.startsAt.getTime()),
  );
  const problems = [...toErrors(timeProblems)];
  if (next.agencyId !== undefined || next.userId !== undefined) {
    problems.push(...(await whoProblems(db, caseId, next.agencyId ?? cur.agencyId, next.userId ?? null)));
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  if (cur.version !== expected) throw staleAppointment(current);
  const status = (next.status ?? cur.status) as AppointmentStatus;
  const statusProblem = statusChangeProblem(cur.status as AppointmentStatus, status, startsAt, ctx.now);
  if (statusProblem) throw new AppError('CONFLICT', { fieldErrors: toErrors([statusProblem]) });

  const fields = changedFields(cur, next);
  if (fields.length === 0) return { value: presentAppointment(current), etag: etagOf(cur.version) };
  const changes = Object.fromEntries(fields.map((f) => [f, next[f]])) as Partial<AppointmentValues>;
  await db.transaction(async (tx) => {
    await assertCaseOpen(tx, caseId, CLOSED);
    const updated = await updateAppointmentIfVersion(tx, caseId, appointmentId, expected, {
      ...changes,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!updated) throw staleAppointment(await findAppointment(tx, caseId, appointmentId));
    await replanAppointmentReminders(tx, updated, ctx.now);
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'appointment_updated',
      details: { appointmentId, appointmentKind: updated.kind, status: updated.status },
    });
    await recordAudit(tx, ctx, {
      type: 'case_appointment.updated',
      subjectType: 'case',
      subjectId: caseId,
      details: { appointmentId, fields, status: updated.status, version: updated.version },
    });
  });
  return loaded(db, caseId, appointmentId);
}

/**
 * "Meine Termine": the actor's appointments in a range of Berlin days across the cases the
 * actor's agency is on the team of; `team` adds the agency's appointments without a named colleague.
 */
export async function listMyAppointments(
  db: Db,
  actor: Actor | null,
  query: MyAppointmentsQuery,
  ctx: AuditContext,
): Promise<MyAppointmentList> {
  const a = await check(db, actor, 'case.read');
  const today = todayIn(ctx.now);
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, MY_APPOINTMENTS_DEFAULT_DAYS);
  const span = daysBetween(from, to);
  if (span < 0 || span > MY_APPOINTMENTS_MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'querystring.to',
          message:
            span < 0
              ? fieldMessage(
                  'Das Ende des Zeitraums liegt vor seinem Beginn.',
                  'The end of the range is before its start.',
                )
              : fieldMessage(
                  `Bitte einen Zeitraum von höchstens ${MY_APPOINTMENTS_MAX_DAYS} Tagen wählen.`,
                  `Please choose a range of at most ${MY_APPOINTMENTS_MAX_DAYS} days.`,
                ),
        },
      ],
    });
  }
  const { rows, total } = await myAppointmentRows(
    db,
    {
      scope: query.scope,
      actor: a,
      now: ctx.now,
      userId: a.userId,
      agencyId: a.agencyId,
      from: startOfBerlinDay(from),
      until: startOfBerlinDay(addDays(to, 1)),
      plannedOnly: query.status === 'planned',
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'appointment.overview_viewed',
      details: { scope: query.scope, resultCount: rows.length },
    });
  });
  return {
    items: rows.map(presentMyAppointment),
    range: { from, to },
    page: { page: query.page, pageSize: query.pageSize, total },
  };
}
