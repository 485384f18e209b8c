import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outgoingMail } from '../../db/schema';

/** One e-mail to put into the outbox. */
export type OutgoingMailInput = {
  /** The letter the mail carries (its PDF is attached when `attachLetterPdf`). */
  letterId?: string | null;
  /** The appointment reminder the mail is for. */
  reminderId?: string | null;
  /** The recipient's e-mail address (from the person's communication consent). */
  to: string;
  subject: string;
  /** Plain-text body. */
  text: string;
  /** Attach the letter's PDF as fixed at sending (needs `letterId`). */
  attachLetterPdf?: boolean;
};

/**
 * Puts an e-mail into the outbox (`outgoing_mail`, status 'queued') inside the caller's
 * transaction: the mail exists exactly when the letter or reminder that caused it was committed
 * (transactional outbox). Nothing is sent here; the mailer (`mailer.ts`, `deliverQueuedMail`)
 * delivers queued mail afterwards with retries, or holds it in demo mode / without SMTP.
 *
 * The caller is responsible for checking that the person's consent to e-mail is in force and for
 * auditing the use case the mail belongs to.
 */
export async function enqueueMail(tx: Db, mail: OutgoingMailInput, now: Date): Promise<{ id: string }> {
  if (mail.attachLetterPdf && !mail.letterId) throw new Error('enqueueMail: attachLetterPdf needs a letterId');
  const [row] = await tx
    .insert(outgoingMail)
    .values({
      letterId: mail.letterId ?? null,
      reminderId: mail.reminderId ?? null,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      attachLetterPdf: mail.attachLetterPdf ?? false,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: outgoingMail.id });
  return { id: row!.id };
}

/**
 * Cancels the queued (not yet sent) mail of these letters, e.g. when the person withdrew the
 * consent the mail relied on. Returns the ids of the cancelled mails. Sent mail is untouched.
 */
export async function cancelQueuedMailOfLetters(tx: Db, letterIds: string[], reason: string): Promise<string[]> {
  if (letterIds.length === 0) return [];
  const rows = await tx
    .update(outgoingMail)
    .set({ status: 'cancelled', lastError: reason, nextAttemptAt: null })
    .where(and(inArray(outgoingMail.letterId, letterIds), inArray(outgoingMail.status, ['queued', 'held'])))
    .returning({ id: outgoingMail.id });
  return rows.map((r) => r.id);
}

/** Cancels queued mail to this address (withdrawn consent: reminders carry no consent id). */
export async function cancelQueuedMailTo(tx: Db, toAddress: string, reason: string): Promise<string[]> {
  const rows = await tx
    .update(outgoingMail)
    .set({ status: 'cancelled', lastError: reason, nextAttemptAt: null })
    .where(and(eq(outgoingMail.toAddress, toAddress), inArray(outgoingMail.status, ['queued', 'held'])))
    .returning({ id: outgoingMail.id });
  return rows.map((r) => r.id);
}
