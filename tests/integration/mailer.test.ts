import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { auditEvents, letterEvents, letters, outgoingMail } from '../../src/server/db/schema';
import { backoffMs, deliverQueuedMail, MAX_ATTEMPTS } from '../../src/server/modules/correspondence/mailer';
import { enqueueMail } from '../../src/server/modules/correspondence/outbox';
import type { Person } from '../../src/shared/contracts/people';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

/** A local SMTP catcher on 127.0.0.1: keeps every message; `failWith` makes it refuse the data. */
async function smtpCatcher() {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let failWith: string | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failWith) {
          const err = new Error(failWith) as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    fail: (message: string | null) => {
      failWith = message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('mailer: the outbox over SMTP', () => {
  let t: TestApp;
  let catcher: Awaited<ReturnType<typeof smtpCatcher>>;
  let soz: Session;
  let p: { personId: string; caseId: string };
  let agencyId: string;
  const pdf = Buffer.from('%PDF-1.7\n% Lotse Testbrief\n%%EOF\n');

  beforeAll(async () => {
    catcher = await smtpCatcher();
    t = await createTestApp({
      env: { LOTSE_SMTP_URL: catcher.url, LOTSE_MAIL_FROM: 'Lotse Test <lotse@example.org>' },
    });
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    soz = await t.login('sozialamt');
    agencyId = (await t.request('GET', '/api/v1/auth/me', { session: soz })).json<{ agency: { id: string } }>().agency
      .id;
    const person = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: { duplicatesReviewed: true, givenNames: 'Dana', familyName: 'Mailtest', dateOfBirth: '1990-02-02' },
    });
    const personId = person.json<Person>().id;
    const c = await t.request('POST', '/api/v1/cases', { session: soz, body: { personId, title: 'Mail' } });
    p = { personId, caseId: c.json<{ id: string }>().id };
  });
  afterAll(async () => {
    await t.close();
    await catcher.close();
  });

  const deps = () => ({ db: t.database.db, config: t.config, now: t.clock.now });

  /** A letter already sent by e-mail with its fixed PDF, and its mail in the outbox. */
  async function queuedLetterMail(to = 'dana@example.org') {
    const now = t.clock.now();
    const [letter] = await t.database.db
      .insert(letters)
      .values({
        caseId: p.caseId,
        personId: p.personId,
        agencyId,
        template: 'invitation',
        language: 'de',
        subject: 'Einladung',
        channel: 'email',
        status: 'sent',
        sentAt: now,
        pdf,
        pdfSha256: 'x',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: letters.id });
    const mail = await t.database.db.transaction((tx) =>
      enqueueMail(
        tx,
        {
          letterId: letter!.id,
          to,
          subject: 'Einladung',
          text: 'Guten Tag,\nanbei ein Schreiben.',
          attachLetterPdf: true,
        },
        now,
      ),
    );
    return { letterId: letter!.id, mailId: mail.id };
  }
  const mailRow = async (id: string) =>
    (await t.database.db.select().from(outgoingMail).where(eq(outgoingMail.id, id)))[0]!;

  it('delivers a queued e-mail letter with the PDF attached, and records it', async () => {
    const { letterId, mailId } = await queuedLetterMail();
    const run = await deliverQueuedMail(deps());
    expect(run).toEqual({ sent: 1, retried: 0, failed: 0, held: 0 });
    expect(catcher.received).toHaveLength(1);
    const msg = catcher.received[0]!;
    expect(msg.to).toEqual(['dana@example.org']);
    expect(msg.from).toBe('lotse@example.org');
    expect(msg.raw).toContain('Subject: Einladung');
    expect(msg.raw).toMatch(/Content-Type: application\/pdf/i);
    expect(msg.raw).toContain('Schreiben.pdf');
    expect(msg.raw.replace(/\r?\n/g, '')).toContain(pdf.toString('base64'));
    const row = await mailRow(mailId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.messageId).toBeTruthy();
    const events = await t.database.db.select().from(letterEvents).where(eq(letterEvents.letterId, letterId));
    expect(events.map((e) => e.kind)).toEqual(['mail_sent']);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'outgoing_mail.sent'), eq(auditEvents.subjectId, mailId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBeNull();
    // Nothing left to do.
    expect(await deliverQueuedMail(deps())).toEqual({ sent: 0, retried: 0, failed: 0, held: 0 });
  });

  it('sends a letter sent by e-mail through the API: the stored PDF arrives as the attachment', async () => {
    const before = catcher.received.length;
    const consent = await t.request('POST', `/api/v1/people/${p.personId}/communication-consents`, {
      session: soz,
      body: { channel: 'email', address: 'dana.api@example.org', givenOn: '2026-11-24', evidenceKind: 'written' },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const draft = await t.request('POST', `/api/v1/cases/${p.caseId}/letters`, {
      session: soz,
      body: {
        template: 'appointment',
        language: 'de',
        fields: {
          appointmentDate: '2026-12-03',
          appointmentTime: '11:00',
          appointmentPlace: 'Rathaus',
          topic: 'Beratung',
        },
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const letterId = draft.json<{ id: string }>().id;
    const sent = await t.request('POST', `/api/v1/letters/${letterId}/send`, {
      session: soz,
      body: { channel: 'email' },
      headers: { 'if-match': String(draft.headers.etag) },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await deliverQueuedMail(deps())).sent).toBe(1);
    const msg = catcher.received[before]!;
    expect(msg.to).toEqual(['dana.api@example.org']);
    const [stored] = await t.database.db.select({ pdf: letters.pdf }).from(letters).where(eq(letters.id, letterId));
    expect(msg.raw.replace(/\r?\n/g, '')).toContain(Buffer.from(stored!.pdf!).toString('base64'));
  });

  it('retries a failing server with backoff, keeps the mail, and fails it for good after the last attempt', async () => {
    catcher.fail('451 mailbox busy');
    const before = catcher.received.length;
    const { letterId, mailId } = await queuedLetterMail('busy@example.org');
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverQueuedMail(deps())).toMatchObject({ retried: 1, failed: 0 });
      const row = await mailRow(mailId);
      expect(row).toMatchObject({ status: 'queued', attempts: attempt });
      expect(row.lastError).toContain('mailbox busy');
      expect(row.nextAttemptAt!.getTime()).toBe(t.clock.now().getTime() + backoffMs(attempt));
      // Not due yet: nothing happens before the backoff has passed.
      expect(await deliverQueuedMail(deps())).toMatchObject({ retried: 0, sent: 0 });
      t.clock.advance(backoffMs(attempt));
    }
    expect(await deliverQueuedMail(deps())).toMatchObject({ failed: 1 });
    const row = await mailRow(mailId);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(catcher.received.length).toBe(before);
    const events = await t.database.db
      .select()
      .from(letterEvents)
      .where(eq(letterEvents.letterId, letterId))
      .orderBy(asc(letterEvents.recordedAt));
    expect(events.map((e) => e.kind)).toEqual(['mail_failed']);
    const failures = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'outgoing_mail.failed'), eq(auditEvents.subjectId, mailId)));
    expect(failures.map((f) => (f.details as { final: boolean }).final)).toEqual([false, false, false, false, true]);
    catcher.fail(null);
  });

  it('holds all mail in demo mode even with SMTP configured: nothing leaves the machine', async () => {
    const before = catcher.received.length;
    const { mailId } = await queuedLetterMail('demo@example.org');
    const demo = loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'demo', LOTSE_SMTP_URL: catcher.url });
    expect(demo.mail.hold).toBe(true);
    const run = await deliverQueuedMail({ db: t.database.db, config: demo, now: t.clock.now });
    expect(run.held).toBe(1);
    expect(await mailRow(mailId)).toMatchObject({ status: 'held', lastError: 'demo_mode', attempts: 0 });
    // Held mail is not picked up later by a configured mailer either.
    expect((await deliverQueuedMail(deps())).sent).toBe(0);
    expect(catcher.received.length).toBe(before);
  });

  it('holds mail without an SMTP server, and validates the configuration', () => {
    expect(loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'none' }).mail).toMatchObject({ smtpUrl: null, hold: true });
    expect(() => loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'none', LOTSE_SMTP_URL: 'http://mail.example' })).toThrow(
      /LOTSE_SMTP_URL/,
    );
    expect(
      loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'none', LOTSE_SMTP_URL: 'smtps://u:p@mail.example:465' }).mail,
    ).toMatchObject({
      hold: false,
      from: 'Lotse <noreply@localhost>',
    });
  });
});
