import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addresses, auditEvents, benefitReductions, caseEvents, caseTasks, letters } from '../../src/server/db/schema';
import type { BenefitReduction, GuardResultDto } from '../../src/shared/contracts/benefit-reductions';
import type { Person } from '../../src/shared/contracts/people';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

describe('benefit reductions behind the sanction guard', () => {
  let t: TestApp;
  let soz: Session;
  let abh: Session;
  let steuerung: Session;
  let agencyId: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    soz = await t.login('sozialamt');
    abh = await t.login('abh');
    steuerung = await t.login('steuerung');
    agencyId = (await t.request('GET', '/api/v1/auth/me', { session: soz })).json<{ agency: { id: string } }>().agency
      .id;
  });
  afterAll(() => t.close());

  const DAY = 24 * 3600 * 1000;
  /** Sessions end when idle: after moving the clock by days, everyone signs in again. */
  async function relogin() {
    soz = await t.login('sozialamt');
    abh = await t.login('abh');
    steuerung = await t.login('steuerung');
  }
  const auditCount = async (type: string) =>
    Number((await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.type, type)))[0]!.n);

  /** A person (optionally with a phone) with an address, an open Sozialamt case, and a planned appointment in two days. */
  async function setup(opts: { phone?: boolean; mailbox?: boolean | null } = {}) {
    n += 1;
    await relogin();
    const res = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: {
        duplicatesReviewed: true,
        givenNames: 'Amina',
        familyName: `Sanktion${'abcdefghijklmnopqrst'[n]}`,
        dateOfBirth: '1990-05-01',
        contacts: opts.phone
          ? [{ kind: 'phone', value: '+49 208 123456', consentToUse: true, consentRecordedOn: '2026-11-01' }]
          : [],
        addresses: [
          {
            kind: 'residence',
            street: 'Aktienstraße',
            houseNumber: String(100 + n),
            postalCode: '45473',
            city: 'Mülheim an der Ruhr',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const person = res.json<Person>();
    const addressId = person.addresses[0]!.addressId;
    if (opts.mailbox !== undefined) {
      await t.database.db
        .update(addresses)
        .set({ mailboxPresent: opts.mailbox, mailDelivery: opts.mailbox ? 'reliable' : 'unknown' })
        .where(eq(addresses.id, addressId));
    }
    const c = await t.request('POST', '/api/v1/cases', {
      session: soz,
      body: { personId: person.id, title: 'Leistungen' },
    });
    expect(c.statusCode, c.body).toBe(201);
    const caseId = c.json<{ id: string }>().id;
    const startsAt = new Date(t.clock.now().getTime() + 2 * DAY);
    const a = await t.request('POST', `/api/v1/cases/${caseId}/appointments`, {
      session: soz,
      body: { kind: 'authority', title: 'Meldetermin', startsAt: startsAt.toISOString() },
    });
    expect(a.statusCode, a.body).toBe(201);
    return { personId: person.id, caseId, addressId, appointmentId: a.json<{ id: string }>().id, startsAt };
  }

  /** An invitation letter for the appointment, sent by post (the letters module's steps, inserted directly). */
  async function invitation(
    s: { personId: string; caseId: string; addressId: string; appointmentId: string },
    state: Partial<typeof letters.$inferInsert> = {},
  ) {
    const now = t.clock.now();
    const [row] = await t.database.db
      .insert(letters)
      .values({
        caseId: s.caseId,
        personId: s.personId,
        agencyId,
        template: 'invitation',
        language: 'de',
        subject: 'Einladung',
        appointmentId: s.appointmentId,
        channel: 'post',
        addressId: s.addressId,
        status: 'sent',
        sentAt: now,
        sentBy: soz.userId,
        version: 2,
        createdAt: now,
        createdBy: soz.userId,
        updatedAt: now,
        updatedBy: soz.userId,
        ...state,
      })
      .returning({ id: letters.id });
    return row!.id;
  }

  /** Lets the appointment pass and marks it missed. */
  async function missed(s: { caseId: string; appointmentId: string }) {
    t.clock.advance(3 * DAY);
    await relogin();
    const res = await t.request('PATCH', `/api/v1/cases/${s.caseId}/appointments/${s.appointmentId}`, {
      session: soz,
      body: { status: 'missed' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  const checkGuard = (caseId: string, appointmentId: string, session = soz) =>
    t.request('POST', `/api/v1/cases/${caseId}/benefit-reductions/check`, {
      session,
      body: { reason: 'missed_appointment', appointmentId },
    });
  const record = (caseId: string, body: Record<string, unknown>, session = soz) =>
    t.request('POST', `/api/v1/cases/${caseId}/benefit-reductions`, {
      session,
      body: { reason: 'missed_appointment', ...body },
    });
  const met = (g: GuardResultDto) => Object.fromEntries(g.findings.map((f) => [f.code, f.met]));

  it('the interview case: a letter returned for lack of a mailbox blocks the reduction, proposes hand delivery and records the decision with a task', async () => {
    const s = await setup();
    const letterId = await invitation(s);
    // The letter comes back: "kein Briefkasten" (the delivery module flags the address in the register).
    t.clock.advance(60_000);
    const back = await t.request('POST', `/api/v1/letters/${letterId}/delivery`, {
      session: soz,
      body: { kind: 'returned', occurredOn: '2026-11-24', reason: 'no_mailbox', note: 'Kein Briefkasten am Haus' },
      headers: { 'if-match': '"2"' },
    });
    expect(back.statusCode, back.body).toBe(200);
    await missed(s);

    const checked = await checkGuard(s.caseId, s.appointmentId);
    expect(checked.statusCode, checked.body).toBe(200);
    const guard = checked.json<GuardResultDto>();
    expect(guard.allowed).toBe(false);
    expect(met(guard)).toEqual({
      appointment_missed: true,
      invitation_sent: true,
      delivery_proven: false,
      no_return: false,
      letter_address_deliverable: false,
      current_address_deliverable: false,
    });
    expect(guard.findings.find((f) => f.code === 'current_address_deliverable')!.explanation.de).toContain(
      'keinen Briefkasten',
    );
    // The Sozialamt leads the case: its social work is a second channel too.
    expect(guard.proposals.map((p) => p.channel)).toEqual(['hand_delivery_accommodation', 'social_worker']);
    expect(await auditCount('benefit_reduction.checked')).toBeGreaterThanOrEqual(1);
    expect(await t.database.db.select().from(benefitReductions).where(eq(benefitReductions.caseId, s.caseId))).toEqual(
      [],
    );

    // Blocked without a second channel: 400 with a German field error, nothing written.
    const noChannel = await record(s.caseId, { appointmentId: s.appointmentId });
    expect(noChannel.statusCode).toBe(400);
    const problem = noChannel.json<Problem>();
    expect(problem.errors?.[0]?.path).toBe('secondChannel');
    expect(await t.database.db.select().from(benefitReductions).where(eq(benefitReductions.caseId, s.caseId))).toEqual(
      [],
    );

    // A channel the guard did not propose (no phone number) is refused.
    const phone = await record(s.caseId, { appointmentId: s.appointmentId, secondChannel: 'phone' });
    expect(phone.statusCode).toBe(400);

    const res = await record(s.caseId, {
      appointmentId: s.appointmentId,
      secondChannel: 'hand_delivery_accommodation',
      decisionNote: 'Neue Einladung wird persönlich übergeben.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const decision = res.json<BenefitReduction>();
    expect(decision).toMatchObject({
      status: 'blocked',
      secondChannel: 'hand_delivery_accommodation',
      letterId,
      decisionNote: 'Neue Einladung wird persönlich übergeben.',
      appointment: { id: s.appointmentId, title: 'Meldetermin' },
      decidedBy: { id: soz.userId },
    });
    expect(decision.guard.allowed).toBe(false);
    expect(decision.taskId).toBeTruthy();
    const [task] = await t.database.db.select().from(caseTasks).where(eq(caseTasks.id, decision.taskId!));
    expect(task).toMatchObject({
      caseId: s.caseId,
      title: 'Einladung persönlich in der Unterkunft übergeben',
      status: 'open',
      source: 'benefit_reduction',
      sourceId: decision.id,
      assigneeAgencyId: agencyId,
    });
    const tasks = await t.request('GET', `/api/v1/cases/${s.caseId}/tasks`, { session: soz });
    expect(tasks.statusCode, tasks.body).toBe(200);
    const [event] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, s.caseId), eq(caseEvents.kind, 'benefit_reduction_recorded')));
    expect(event?.details).toEqual({ reductionId: decision.id, status: 'blocked' });
    expect(await auditCount('benefit_reduction.recorded')).toBeGreaterThanOrEqual(1);

    const list = await t.request('GET', `/api/v1/cases/${s.caseId}/benefit-reductions`, { session: soz });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: BenefitReduction[] }>().items.map((i) => [i.id, i.status, i.taskId])).toEqual([
      [decision.id, 'blocked', decision.taskId],
    ]);
  });

  it('a direct POST never completes what the guard blocks, whatever the client sends', async () => {
    const s = await setup({ mailbox: true });
    // "Delivered" without a proof kind is not proof.
    await invitation(s, { status: 'delivered', deliveredAt: t.clock.now(), proofKind: null });
    await missed(s);
    const guard = (await checkGuard(s.caseId, s.appointmentId)).json<GuardResultDto>();
    expect(guard.allowed).toBe(false);
    expect(met(guard).delivery_proven).toBe(false);

    const bypass = await t.request('POST', `/api/v1/cases/${s.caseId}/benefit-reductions`, {
      session: soz,
      body: { reason: 'missed_appointment', appointmentId: s.appointmentId, status: 'completed' },
    });
    expect(bypass.statusCode).toBe(400);
    const plain = await record(s.caseId, { appointmentId: s.appointmentId });
    expect(plain.statusCode).toBe(400);
    const rows = await t.database.db.select().from(benefitReductions).where(eq(benefitReductions.caseId, s.caseId));
    expect(rows.filter((r) => r.status === 'completed')).toEqual([]);
  });

  it('completes a reduction when delivery was proven in time to a deliverable address, once per appointment', async () => {
    const s = await setup({ mailbox: true, phone: true });
    await invitation(s, { status: 'delivered', deliveredAt: t.clock.now(), proofKind: 'postzustellungsurkunde' });
    await missed(s);
    const guard = (await checkGuard(s.caseId, s.appointmentId)).json<GuardResultDto>();
    expect(guard.allowed, JSON.stringify(guard.findings)).toBe(true);
    expect(guard.proposals).toEqual([]);

    const res = await record(s.caseId, { appointmentId: s.appointmentId, description: '§ 32 SGB II, 10 %' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<BenefitReduction>()).toMatchObject({ status: 'completed', secondChannel: null, taskId: null });
    const again = await record(s.caseId, { appointmentId: s.appointmentId });
    expect(again.statusCode).toBe(409);
  });

  it('blocks while the appointment is not missed; proposes the phone when a consented number exists', async () => {
    const s = await setup({ mailbox: true, phone: true });
    await invitation(s, { status: 'sent' });
    const guard = (await checkGuard(s.caseId, s.appointmentId)).json<GuardResultDto>();
    expect(met(guard)).toMatchObject({ appointment_missed: false, delivery_proven: false, no_return: true });
    expect(guard.proposals.map((p) => p.channel)).toEqual(['hand_delivery_accommodation', 'phone', 'social_worker']);
    const res = await record(s.caseId, { appointmentId: s.appointmentId, secondChannel: 'phone' });
    expect(res.statusCode, res.body).toBe(201);
    const [task] = await t.database.db
      .select()
      .from(caseTasks)
      .where(eq(caseTasks.id, res.json<BenefitReduction>().taskId!));
    expect(task?.title).toBe('Person wegen des versäumten Termins anrufen');
  });

  it('answers 404 outside the case team, 403 without case rights, 400 for an appointment of another case', async () => {
    const s = await setup();
    const other = await setup();
    expect((await checkGuard(s.caseId, s.appointmentId, abh)).statusCode).toBe(404);
    expect(
      (await record(s.caseId, { appointmentId: s.appointmentId, secondChannel: 'hand_delivery_accommodation' }, abh))
        .statusCode,
    ).toBe(404);
    expect((await t.request('GET', `/api/v1/cases/${s.caseId}/benefit-reductions`, { session: abh })).statusCode).toBe(
      404,
    );
    expect((await checkGuard(s.caseId, s.appointmentId, steuerung)).statusCode).toBe(403);
    const foreign = await checkGuard(s.caseId, other.appointmentId);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<Problem>().errors?.[0]?.path).toBe('appointmentId');
  });
});
