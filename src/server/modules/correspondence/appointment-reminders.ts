import { and, asc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { todayIn } from '../../../shared/domain/calendar-date';
import { channelConsentInForce } from '../../../shared/domain/correspondence/channels';
import type { Db } from '../../db/client';
import {
  agencies,
  appointmentReminders,
  caseAppointments,
  caseTasks,
  cases,
  communicationConsents,
  people,
} from '../../db/schema';
import type { AppDeps } from '../../platform/http/app-deps';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { enqueueMail } from './outbox';

/**
 * Reminders of appointments (issue 8; docs/correspondence.md):
 *
 * - to the person by e-mail `EMAIL_DAYS_BEFORE` days before a planned appointment — sent only
 *   while the person's consent to e-mail is in force at sending time (else skipped), through the
 *   outbox (`enqueueMail`), so nothing leaves the machine in demo mode;
 * - a task for the appointment's agency (its named colleague) `INTERPRETER_DAYS_BEFORE` days
 *   before, when an interpreter language is set but no interpreter is booked
 *   ("Dolmetschung noch nicht gebucht") at that time.
 *
 * `replanAppointmentReminders` runs in the transaction that creates or changes the appointment:
 * pending reminders are cancelled and planned again from the appointment as it now is; a
 * cancelled, held or missed appointment keeps none. A reminder with the same channel and due time
 * that was already sent is not planned again (moving an appointment plans a new one).
 * `processDueReminders` sends what is due, each reminder exactly once (the pending → sent/skipped
 * step is a compare-and-set in the same transaction as the mail or task).
 */

export const EMAIL_DAYS_BEFORE = 2;
export const INTERPRETER_DAYS_BEFORE = 3;
const DAY_MS = 24 * 3600 * 1000;
/** How often the schedule looks for due reminders. */
const CHECK_EVERY_MS = 5 * 60 * 1000;

export type ReminderAppointment = {
  id: string;
  status: string;
  startsAt: Date;
  interpreterLanguage: string | null;
  interpreterBooked: boolean;
};

/**
 * The reminders an appointment should have (channel and due time). The due time follows from the
 * start alone (it may already have passed for a near appointment: then it is due at once), so it
 * identifies the reminder: the same start never plans the same reminder twice.
 */
export function wantedReminders(a: ReminderAppointment, now: Date): { channel: 'email' | 'task'; dueAt: Date }[] {
  if (a.status !== 'planned' || a.startsAt.getTime() <= now.getTime()) return [];
  const before = (days: number) => new Date(a.startsAt.getTime() - days * DAY_MS);
  const out: { channel: 'email' | 'task'; dueAt: Date }[] = [{ channel: 'email', dueAt: before(EMAIL_DAYS_BEFORE) }];
  if (a.interpreterLanguage && !a.interpreterBooked)
    out.push({ channel: 'task', dueAt: before(INTERPRETER_DAYS_BEFORE) });
  return out;
}

/** Brings the appointment's pending reminders in line with it (in the caller's transaction). */
export async function replanAppointmentReminders(tx: Db, a: ReminderAppointment, now: Date): Promise<void> {
  const wanted = wantedReminders(a, now);
  const existing = await tx
    .select({
      id: appointmentReminders.id,
      channel: appointmentReminders.channel,
      dueAt: appointmentReminders.dueAt,
      status: appointmentReminders.status,
    })
    .from(appointmentReminders)
    .where(and(eq(appointmentReminders.appointmentId, a.id), ne(appointmentReminders.status, 'cancelled')));
  const matches = (e: { channel: string; dueAt: Date }, w: { channel: string; dueAt: Date }) =>
    e.channel === w.channel && e.dueAt.getTime() === w.dueAt.getTime();
  const obsolete = existing.filter((e) => e.status === 'pending' && !wanted.some((w) => matches(e, w)));
  if (obsolete.length > 0) {
    await tx
      .update(appointmentReminders)
      .set({
        status: 'cancelled',
        processedAt: now,
        outcome: a.status === 'planned' ? 'replanned' : `appointment_${a.status}`,
      })
      .where(
        and(
          inArray(
            appointmentReminders.id,
            obsolete.map((e) => e.id),
          ),
          eq(appointmentReminders.status, 'pending'),
        ),
      );
  }
  for (const w of wanted) {
    if (existing.some((e) => matches(e, w))) continue;
    await tx.insert(appointmentReminders).values({
      appointmentId: a.id,
      dueAt: w.dueAt,
      channel: w.channel,
      status: 'pending',
      createdAt: now,
    });
  }
}

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The text of the reminder e-mail (German; the letter templates carry the translations). */
export function reminderMailText(p: {
  name: string;
  title: string;
  startsAt: Date;
  location: string | null;
  agency: string;
}): { subject: string; text: string } {
  const [date, time] = berlin.format(p.startsAt).split(', ');
  return {
    subject: `Erinnerung: Ihr Termin am ${date}`,
    text: [
      `Guten Tag ${p.name},`,
      '',
      `wir erinnern Sie an Ihren Termin „${p.title}“ am ${date} um ${time} Uhr${p.location ? ` (${p.location})` : ''} bei: ${p.agency}.`,
      '',
      'Wenn Sie den Termin nicht wahrnehmen können, melden Sie sich bitte vorher bei uns.',
      '',
      'Sie erhalten diese E-Mail, weil Sie eingewilligt haben, per E-Mail benachrichtigt zu werden. Sie können diese Einwilligung jederzeit widerrufen.',
    ].join('\n'),
  };
}

export type ProcessResult = { processed: number; sent: number; skipped: number };

/** Sends the reminders due at `now`; each once. The system acts: no actor. */
export async function processDueReminders(db: Db, now: Date): Promise<ProcessResult> {
  const due = await db
    .select({ id: appointmentReminders.id })
    .from(appointmentReminders)
    .where(and(eq(appointmentReminders.status, 'pending'), lte(appointmentReminders.dueAt, now)))
    .orderBy(asc(appointmentReminders.dueAt))
    .limit(500);
  const result: ProcessResult = { processed: 0, sent: 0, skipped: 0 };
  const ctx: AuditContext = { actor: null, ip: null, requestId: null, now };
  for (const { id } of due) {
    const outcome = await db.transaction(async (tx) => processOne(tx, id, now, ctx));
    if (outcome === null) continue;
    result.processed += 1;
    if (outcome === 'sent') result.sent += 1;
    else result.skipped += 1;
  }
  return result;
}

async function processOne(
  tx: Db,
  reminderId: string,
  now: Date,
  ctx: AuditContext,
): Promise<'sent' | 'skipped' | null> {
  const [row] = await tx
    .select({
      reminder: appointmentReminders,
      appointment: caseAppointments,
      personId: cases.personId,
      givenNames: people.givenNames,
      familyName: people.familyName,
      agencyName: agencies.name,
    })
    .from(appointmentReminders)
    .innerJoin(caseAppointments, eq(caseAppointments.id, appointmentReminders.appointmentId))
    .innerJoin(cases, eq(cases.id, caseAppointments.caseId))
    .innerJoin(people, eq(people.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, caseAppointments.agencyId))
    .where(and(eq(appointmentReminders.id, reminderId), eq(appointmentReminders.status, 'pending')))
    .limit(1);
  if (!row) return null;
  const { reminder: r, appointment: a } = row;
  // Claim it: a concurrent run waits for this row and then finds it no longer pending.
  const claimed = await tx
    .update(appointmentReminders)
    .set({ status: 'processing' })
    .where(and(eq(appointmentReminders.id, r.id), eq(appointmentReminders.status, 'pending')))
    .returning({ id: appointmentReminders.id });
  if (claimed.length === 0) return null;

  let status: 'sent' | 'skipped' = 'skipped';
  let outcome: string;
  let mailId: string | null = null;
  let taskId: string | null = null;
  if (
    a.status !== 'planned' ||
    a.startsAt.getTime() <= now.getTime() ||
    (r.channel === 'task' && (!a.interpreterLanguage || a.interpreterBooked))
  ) {
    outcome =
      a.status !== 'planned'
        ? 'appointment_not_planned'
        : a.startsAt <= now
          ? 'appointment_passed'
          : 'interpreter_booked';
  } else if (r.channel === 'email') {
    const today = todayIn(now);
    const consents = await tx
      .select({
        address: communicationConsents.address,
        givenOn: communicationConsents.givenOn,
        withdrawnAt: communicationConsents.withdrawnAt,
      })
      .from(communicationConsents)
      .where(
        and(
          eq(communicationConsents.personId, row.personId),
          eq(communicationConsents.channel, 'email'),
          isNull(communicationConsents.withdrawnAt),
        ),
      );
    const consent = consents.find((c) => channelConsentInForce(c, today));
    if (!consent) {
      outcome = 'no_email_consent';
    } else {
      const mail = reminderMailText({
        name: `${row.givenNames} ${row.familyName}`,
        title: a.title,
        startsAt: a.startsAt,
        location: a.location,
        agency: row.agencyName,
      });
      mailId = (
        await enqueueMail(tx, { reminderId: r.id, to: consent.address, subject: mail.subject, text: mail.text }, now)
      ).id;
      status = 'sent';
      outcome = 'mail_queued';
    }
  } else {
    const [task] = await tx
      .insert(caseTasks)
      .values({
        caseId: a.caseId,
        title: `Dolmetschung buchen: ${a.title}`,
        description: `Für den Termin am ${berlin.format(a.startsAt)} Uhr ist eine Dolmetschung (${a.interpreterLanguage}) nötig, aber noch nicht gebucht.`,
        assigneeAgencyId: a.agencyId,
        assigneeUserId: a.userId,
        dueDate: todayIn(a.startsAt),
        status: 'open',
        source: 'appointment_reminder',
        sourceId: a.id,
        createdAt: now,
        createdBy: null,
        createdByAgencyId: a.agencyId,
        updatedAt: now,
        updatedBy: null,
      })
      .returning({ id: caseTasks.id });
    taskId = task!.id;
    status = 'sent';
    outcome = 'task_created';
  }
  await tx
    .update(appointmentReminders)
    .set({ status, processedAt: now, outcome })
    .where(eq(appointmentReminders.id, r.id));
  await recordAudit(tx, ctx, {
    type: 'appointment_reminder.processed',
    subjectType: 'case',
    subjectId: a.caseId,
    details: { reminderId: r.id, appointmentId: a.id, channel: r.channel, outcome, mailId, taskId },
  });
  return status;
}

/** Cancels the pending reminders of appointments (e.g. the case was closed). */
export async function cancelRemindersOf(tx: Db, appointmentIds: string[], now: Date): Promise<void> {
  if (appointmentIds.length === 0) return;
  await tx
    .update(appointmentReminders)
    .set({ status: 'cancelled', processedAt: now, outcome: 'cancelled' })
    .where(
      and(inArray(appointmentReminders.appointmentId, appointmentIds), eq(appointmentReminders.status, 'pending')),
    );
}

/**
 * Runs `processDueReminders` every few minutes while the mail loop is on
 * (`LOTSE_MAIL_INTERVAL_SECONDS` > 0; off in tests, which call the function with the test clock).
 */
export function startAppointmentReminderSchedule(app: FastifyInstance, deps: AppDeps): void {
  if (deps.config.mail.intervalSeconds <= 0) return;
  let stopped = false;
  let current: Promise<unknown> | null = null;
  const tick = () => {
    if (stopped || current) return;
    current = processDueReminders(deps.db, deps.now())
      .then((r) => {
        if (r.processed > 0) app.log.info(r, 'appointment reminders processed');
      })
      .catch((err: unknown) => app.log.error({ err }, 'appointment reminders failed'))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    stopped = true;
    clearInterval(timer);
    if (current) await current;
  });
}
