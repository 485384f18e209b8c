import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentReminders, caseTasks, communicationConsents, outgoingMail } from '../../src/server/db/schema';
import { processDueReminders } from '../../src/server/modules/correspondence/appointment-reminders';
import type { Appointment } from '../../src/shared/contracts/case-records';
import type { Person } from '../../src/shared/contracts/people';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

describe('appointment reminders and the interpreter need', () => {
  let t: TestApp;
  let soz: Session;
  let agencyId: string;
  let n = 0;
  const DAY = 24 * 3600 * 1000;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    soz = await t.login('sozialamt');
    agencyId = (await t.request('GET', '/api/v1/auth/me', { session: soz })).json<{ agency: { id: string } }>().agency
      .id;
  });
  afterAll(() => t.close());

  async function caseFor(emailConsent: boolean) {
    n += 1;
    soz = await t.login('sozialamt');
    const res = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: {
        duplicatesReviewed: true,
        givenNames: 'Yusuf',
        familyName: `Erinnerung${'abcdefghij'[n]}`,
        dateOfBirth: '1985-02-03',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const personId = res.json<Person>().id;
    if (emailConsent) {
      await t.database.db.insert(communicationConsents).values({
        personId,
        channel: 'email',
        address: `yusuf${n}@example.org`,
        givenOn: '2026-11-01',
        evidenceKind: 'in_person',
        recordedByAgencyId: agencyId,
        recordedAt: t.clock.now(),
      });
    }
    const c = await t.request('POST', '/api/v1/cases', { session: soz, body: { personId, title: 'Termine' } });
    expect(c.statusCode, c.body).toBe(201);
    return { personId, caseId: c.json<{ id: string }>().id };
  }

  const schedule = async (caseId: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', `/api/v1/cases/${caseId}/appointments`, {
      session: soz,
      body: { kind: 'consultation', title: 'Beratung', ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Appointment>();
  };
  const remindersOf = (appointmentId: string) =>
    t.database.db
      .select()
      .from(appointmentReminders)
      .where(eq(appointmentReminders.appointmentId, appointmentId))
      .orderBy(asc(appointmentReminders.createdAt), asc(appointmentReminders.channel));

  it('stores the interpreter booking and plans an e-mail and an interpreter reminder; booking cancels the task reminder', async () => {
    const { caseId } = await caseFor(true);
    const startsAt = new Date(t.clock.now().getTime() + 10 * DAY);
    const a = await schedule(caseId, { startsAt: startsAt.toISOString(), interpreterLanguage: 'ar' });
    expect(a).toMatchObject({
      interpreterLanguage: 'ar',
      interpreterBooked: false,
      interpreterName: null,
      interpreterCostCentre: null,
    });
    const planned = await remindersOf(a.id);
    expect(planned.map((r) => [r.channel, r.status, r.dueAt.toISOString()])).toEqual([
      ['email', 'pending', new Date(startsAt.getTime() - 2 * DAY).toISOString()],
      ['task', 'pending', new Date(startsAt.getTime() - 3 * DAY).toISOString()],
    ]);

    const booked = await t.request('PATCH', `/api/v1/cases/${caseId}/appointments/${a.id}`, {
      session: soz,
      body: { interpreterBooked: true, interpreterName: 'Dolmetscherdienst Ruhr', interpreterCostCentre: '5010.4430' },
      headers: { 'if-match': '"1"' },
    });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json<Appointment>()).toMatchObject({
      interpreterBooked: true,
      interpreterName: 'Dolmetscherdienst Ruhr',
      interpreterCostCentre: '5010.4430',
    });
    const after = await remindersOf(a.id);
    expect(after.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'pending'],
      ['task', 'cancelled'],
    ]);
  });

  it('sends the e-mail once through the outbox when due, and only with a consent in force', async () => {
    const withConsent = await caseFor(true);
    const without = await caseFor(false);
    const startsAt = new Date(t.clock.now().getTime() + 3 * DAY);
    const a = await schedule(withConsent.caseId, { startsAt: startsAt.toISOString() });
    const b = await schedule(without.caseId, { startsAt: startsAt.toISOString() });

    // Not due yet.
    await processDueReminders(t.database.db, t.clock.now());
    expect((await remindersOf(a.id))[0]!.status).toBe('pending');

    const due = new Date(startsAt.getTime() - 2 * DAY + 60_000);
    await processDueReminders(t.database.db, due);
    await processDueReminders(t.database.db, due); // idempotent
    const [ra] = await remindersOf(a.id);
    expect(ra).toMatchObject({ status: 'sent', outcome: 'mail_queued' });
    const mails = await t.database.db.select().from(outgoingMail).where(eq(outgoingMail.reminderId, ra!.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: 'queued' });
    expect(mails[0]!.toAddress).toMatch(/@example\.org$/);
    expect(mails[0]!.subject).toContain('Erinnerung');
    expect(mails[0]!.textBody).toContain('Beratung');

    const [rb] = await remindersOf(b.id);
    expect(rb).toMatchObject({ status: 'skipped', outcome: 'no_email_consent' });
    expect(await t.database.db.select().from(outgoingMail).where(eq(outgoingMail.reminderId, rb!.id))).toEqual([]);
  });

  it('creates a task for the agency when the interpreter is still not booked 3 days before', async () => {
    const { caseId } = await caseFor(false);
    const startsAt = new Date(t.clock.now().getTime() + 5 * DAY);
    const a = await schedule(caseId, {
      startsAt: startsAt.toISOString(),
      interpreterLanguage: 'fa',
      userId: soz.userId,
    });
    await processDueReminders(t.database.db, new Date(startsAt.getTime() - 3 * DAY + 60_000));
    const tasks = await t.database.db
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.source, 'appointment_reminder'), eq(caseTasks.sourceId, a.id)));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      caseId,
      status: 'open',
      assigneeAgencyId: agencyId,
      assigneeUserId: soz.userId,
      title: 'Dolmetschung buchen: Beratung',
    });
    await processDueReminders(t.database.db, new Date(startsAt.getTime() - 2 * DAY + 60_000));
    expect(
      await t.database.db
        .select()
        .from(caseTasks)
        .where(and(eq(caseTasks.source, 'appointment_reminder'), eq(caseTasks.sourceId, a.id))),
    ).toHaveLength(1);
  });

  it('moving replans, cancelling cancels the pending reminders', async () => {
    const { caseId } = await caseFor(true);
    const startsAt = new Date(t.clock.now().getTime() + 6 * DAY);
    const a = await schedule(caseId, { startsAt: startsAt.toISOString() });
    const moved = new Date(startsAt.getTime() + DAY);
    const m = await t.request('PATCH', `/api/v1/cases/${caseId}/appointments/${a.id}`, {
      session: soz,
      body: { startsAt: moved.toISOString() },
      headers: { 'if-match': '"1"' },
    });
    expect(m.statusCode, m.body).toBe(200);
    expect((await remindersOf(a.id)).map((r) => [r.status, r.dueAt.toISOString()])).toEqual([
      ['cancelled', new Date(startsAt.getTime() - 2 * DAY).toISOString()],
      ['pending', new Date(moved.getTime() - 2 * DAY).toISOString()],
    ]);
    const c = await t.request('PATCH', `/api/v1/cases/${caseId}/appointments/${a.id}`, {
      session: soz,
      body: { status: 'cancelled' },
      headers: { 'if-match': '"2"' },
    });
    expect(c.statusCode, c.body).toBe(200);
    expect((await remindersOf(a.id)).every((r) => r.status === 'cancelled')).toBe(true);
    await processDueReminders(t.database.db, moved);
    expect(
      await t.database.db
        .select()
        .from(outgoingMail)
        .where(eq(outgoingMail.toAddress, `yusuf${n}@example.org`)),
    ).toEqual([]);
  });
});
