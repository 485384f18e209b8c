import { and, asc, eq, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { letterEvents, letters, outgoingMail } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import type { AppDeps } from '../../platform/http/app-deps';

/**
 * Delivery of the e-mail outbox (`outgoing_mail`, filled by `enqueueMail` in the transaction of
 * the letter or reminder). At-least-once: a mail is claimed by moving its next attempt one lease
 * ahead and counting the attempt, then handed to the SMTP server outside any transaction; success
 * marks it sent, a failure schedules a retry with backoff, and after `MAX_ATTEMPTS` it is failed
 * for good (the letter's history shows it). A process that dies mid-send retries after the lease.
 *
 * In demo mode (published demo passwords) or without `LOTSE_SMTP_URL`, nothing leaves the machine:
 * queued mail is set to 'held' instead.
 */

/** What the mailer needs of a nodemailer transport (tests may pass their own). */
export type MailTransport = {
  sendMail(message: nodemailer.SendMailOptions): Promise<{ messageId?: string }>;
};

export const MAX_ATTEMPTS = 5;
/** Minutes to wait after the n-th failed attempt (1-based). */
const BACKOFF_MINUTES = [1, 5, 30, 120];
/** A claimed mail is retried after this long if the process died while sending it. */
const LEASE_MS = 10 * 60_000;
const BATCH = 20;

export function backoffMs(attempts: number): number {
  return (BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 1) * 60_000;
}

/** A nodemailer transport for the configured SMTP server; null when mail is held. */
export function transportFromConfig(config: Config): MailTransport | null {
  if (config.mail.hold || !config.mail.smtpUrl) return null;
  return nodemailer.createTransport(config.mail.smtpUrl, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as nodemailer.TransportOptions);
}

const systemCtx = (now: Date): AuditContext => ({ actor: null, ip: null, requestId: null, now });

export type DeliveryRun = { sent: number; retried: number; failed: number; held: number };

type MailRow = typeof outgoingMail.$inferSelect;

async function holdQueued(db: Db, now: Date, reason: 'demo_mode' | 'no_smtp'): Promise<number> {
  return db.transaction(async (tx) => {
    const held = await tx
      .update(outgoingMail)
      .set({ status: 'held', nextAttemptAt: null, lastError: reason })
      .where(eq(outgoingMail.status, 'queued'))
      .returning({ id: outgoingMail.id, letterId: outgoingMail.letterId });
    for (const m of held) {
      await recordAudit(tx, systemCtx(now), {
        type: 'outgoing_mail.held',
        subjectType: 'outgoing_mail',
        subjectId: m.id,
        details: { mailId: m.id, letterId: m.letterId, reason },
      });
    }
    return held.length;
  });
}

/** Claims due mail: counts the attempt and moves the next attempt one lease ahead. */
async function claimDue(db: Db, now: Date): Promise<MailRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outgoingMail.id, attempts: outgoingMail.attempts })
      .from(outgoingMail)
      .where(and(eq(outgoingMail.status, 'queued'), lte(outgoingMail.nextAttemptAt, now)))
      .orderBy(asc(outgoingMail.nextAttemptAt), asc(outgoingMail.createdAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    const claimed: MailRow[] = [];
    for (const d of due) {
      const [row] = await tx
        .update(outgoingMail)
        .set({ attempts: d.attempts + 1, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(eq(outgoingMail.id, d.id))
        .returning();
      claimed.push(row!);
    }
    return claimed;
  });
}

async function messageOf(db: Db, mail: MailRow, from: string): Promise<nodemailer.SendMailOptions> {
  const message: nodemailer.SendMailOptions = { from, to: mail.toAddress, subject: mail.subject, text: mail.textBody };
  if (mail.attachLetterPdf && mail.letterId) {
    const [letter] = await db.select({ pdf: letters.pdf }).from(letters).where(eq(letters.id, mail.letterId)).limit(1);
    if (!letter?.pdf) throw new PermanentMailError('the letter has no PDF');
    message.attachments = [
      { filename: 'Schreiben.pdf', content: Buffer.from(letter.pdf), contentType: 'application/pdf' },
    ];
  }
  return message;
}

class PermanentMailError extends Error {}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 500);
}

async function markSent(db: Db, mail: MailRow, messageId: string | null, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(outgoingMail)
      .set({ status: 'sent', sentAt: now, messageId, nextAttemptAt: null, lastError: null })
      .where(eq(outgoingMail.id, mail.id));
    if (mail.letterId) {
      await tx
        .insert(letterEvents)
        .values({ letterId: mail.letterId, kind: 'mail_sent', occurredAt: now, recordedAt: now });
    }
    await recordAudit(tx, systemCtx(now), {
      type: 'outgoing_mail.sent',
      subjectType: 'outgoing_mail',
      subjectId: mail.id,
      details: { mailId: mail.id, letterId: mail.letterId, attempts: mail.attempts },
    });
  });
}

async function markFailed(db: Db, mail: MailRow, err: unknown, now: Date): Promise<'retried' | 'failed'> {
  const final = err instanceof PermanentMailError || mail.attempts >= MAX_ATTEMPTS;
  await db.transaction(async (tx) => {
    // Only a mail still queued (a withdrawal may have cancelled it meanwhile) is updated.
    const rows = await tx
      .update(outgoingMail)
      .set(
        final
          ? { status: 'failed', nextAttemptAt: null, lastError: errorText(err) }
          : { nextAttemptAt: new Date(now.getTime() + backoffMs(mail.attempts)), lastError: errorText(err) },
      )
      .where(and(eq(outgoingMail.id, mail.id), eq(outgoingMail.status, 'queued')))
      .returning({ id: outgoingMail.id });
    if (rows.length === 0) return;
    if (final && mail.letterId) {
      await tx.insert(letterEvents).values({
        letterId: mail.letterId,
        kind: 'mail_failed',
        occurredAt: now,
        recordedAt: now,
        note: `Nach ${mail.attempts} Versuchen nicht versandt.`,
      });
    }
    await recordAudit(tx, systemCtx(now), {
      type: 'outgoing_mail.failed',
      subjectType: 'outgoing_mail',
      subjectId: mail.id,
      details: { mailId: mail.id, letterId: mail.letterId, attempts: mail.attempts, final },
    });
  });
  return final ? 'failed' : 'retried';
}

/**
 * One run of the delivery loop: holds all queued mail when mail is held, otherwise sends the due
 * mail (a batch) and schedules retries. `transport` defaults to the one from the configuration.
 */
export async function deliverQueuedMail(
  deps: Pick<AppDeps, 'db' | 'config' | 'now'>,
  transport: MailTransport | null = transportFromConfig(deps.config),
): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0, held: 0 };
  if (deps.config.mail.hold || !transport) {
    run.held = await holdQueued(deps.db, deps.now(), deps.config.seed === 'demo' ? 'demo_mode' : 'no_smtp');
    return run;
  }
  const claimed = await claimDue(deps.db, deps.now());
  for (const mail of claimed) {
    try {
      const message = await messageOf(deps.db, mail, deps.config.mail.from);
      // A withdrawal between claim and send cancels the mail: look once more right before sending.
      const [still] = await deps.db
        .select({ status: outgoingMail.status })
        .from(outgoingMail)
        .where(eq(outgoingMail.id, mail.id))
        .limit(1);
      if (still?.status !== 'queued') continue;
      const info = await transport.sendMail(message);
      await markSent(deps.db, mail, info.messageId ?? null, deps.now());
      run.sent += 1;
    } catch (err) {
      run[await markFailed(deps.db, mail, err, deps.now())] += 1;
    }
  }
  return run;
}

/**
 * Runs `deliverQueuedMail` every `LOTSE_MAIL_INTERVAL_SECONDS` (default 30; 0 = off, and off under
 * NODE_ENV=test). One run at a time; the timer stops when the app closes, a run in progress is awaited.
 */
export function startMailDelivery(app: FastifyInstance, deps: AppDeps): void {
  const seconds = deps.config.mail.intervalSeconds;
  if (seconds <= 0) return;
  const transport = transportFromConfig(deps.config);
  let stopped = false;
  let current: Promise<unknown> | null = null;
  const tick = () => {
    if (stopped || current) return;
    current = deliverQueuedMail(deps, transport)
      .then((run) => {
        if (run.sent || run.failed || run.retried || run.held) app.log.info(run, 'mail delivery run');
      })
      .catch((err: unknown) => app.log.error({ err }, 'mail delivery run failed'))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  app.addHook('onClose', async () => {
    stopped = true;
    clearInterval(timer);
    if (current) await current;
  });
}
