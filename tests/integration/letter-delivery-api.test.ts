import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressChecks, addresses, auditEvents, letterEvents, letters, outgoingMail } from '../../src/server/db/schema';
import type { LetterDeliveryState, LetterOutboxList } from '../../src/shared/contracts/letter-delivery';
import type { Person } from '../../src/shared/contracts/people';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

describe('letter delivery API: sending, proof of delivery, returned mail', () => {
  let t: TestApp;
  let soz: Session;
  let abh: Session;
  let steuerung: Session;
  let jc: Session;
  let agencyId: string;
  let jobcenterId: string;
  let people = 0;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    soz = await t.login('sozialamt');
    abh = await t.login('abh');
    steuerung = await t.login('steuerung');
    jc = await t.login('jobcenter');
    const me = await t.request('GET', '/api/v1/auth/me', { session: soz });
    agencyId = me.json<{ agency: { id: string } }>().agency.id;
    const meJc = await t.request('GET', '/api/v1/auth/me', { session: jc });
    jobcenterId = meJc.json<{ agency: { id: string } }>().agency.id;
  });
  afterAll(() => t.close());

  const tick = () => t.clock.advance(60_000);
  const auditCount = async (type: string, subjectId?: string) =>
    Number(
      (
        await t.database.db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.type, type), subjectId ? eq(auditEvents.subjectId, subjectId) : undefined))
      )[0]!.n,
    );

  /** A person with a residence address, an open case of the Sozialamt, and the address id. */
  async function personWithCase(street = 'Leineweberstraße') {
    people += 1;
    const res = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: {
        duplicatesReviewed: true,
        givenNames: 'Rahel',
        familyName: `Zustellung${'abcdefghijklmnop'[people]}`,
        dateOfBirth: '1991-03-02',
        addresses: [
          { kind: 'residence', street, houseNumber: String(people), postalCode: '45468', city: 'Mülheim an der Ruhr' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const person = res.json<Person>();
    tick();
    const c = await t.request('POST', '/api/v1/cases', {
      session: soz,
      body: { personId: person.id, title: 'Zustellung' },
    });
    expect(c.statusCode, c.body).toBe(201);
    return { personId: person.id, caseId: c.json<{ id: string }>().id, addressId: person.addresses[0]!.addressId };
  }

  /** A draft letter of the Sozialamt (the letters module's compose step, inserted directly). */
  async function draft(p: { personId: string; caseId: string }, confidentiality = 'agency') {
    const [row] = await t.database.db
      .insert(letters)
      .values({
        caseId: p.caseId,
        personId: p.personId,
        agencyId,
        template: 'invitation',
        language: 'de',
        subject: 'Einladung zum Gespräch',
        fields: {
          appointmentDate: '2026-12-01',
          appointmentTime: '10:00',
          appointmentPlace: 'Rathaus, Zimmer 12',
          topic: 'Beratung zur Arbeitsaufnahme',
        },
        channel: 'post',
        confidentiality,
        createdAt: t.clock.now(),
        createdBy: soz.userId,
        updatedAt: t.clock.now(),
        updatedBy: soz.userId,
      })
      .returning({ id: letters.id });
    return row!.id;
  }

  const state = async (letterId: string, session = soz) => {
    const res = await t.request('GET', `/api/v1/letters/${letterId}/delivery`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LetterDeliveryState>();
  };
  const send = (letterId: string, body: unknown, etag: string | null = '"1"', session = soz) =>
    t.request('POST', `/api/v1/letters/${letterId}/send`, {
      session,
      body,
      headers: etag ? { 'if-match': etag } : {},
    });
  const deliver = (letterId: string, body: unknown, etag: string, session = soz) =>
    t.request('POST', `/api/v1/letters/${letterId}/delivery`, { session, body, headers: { 'if-match': etag } });
  const consent = async (personId: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', `/api/v1/people/${personId}/communication-consents`, { session: soz, body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const eventsOf = async (letterId: string) =>
    (
      await t.database.db
        .select()
        .from(letterEvents)
        .where(eq(letterEvents.letterId, letterId))
        .orderBy(asc(letterEvents.recordedAt))
    ).map((e) => e.kind);

  it('shows the channels: post and hand delivery without consent, e-mail and messenger refused with a reason', async () => {
    const p = await personWithCase();
    const letterId = await draft(p);
    const s = await state(letterId);
    expect(s).toMatchObject({ status: 'draft', canAct: true, version: 1, consents: [], mail: null });
    expect(s.address).toMatchObject({ id: p.addressId, street: 'Leineweberstraße', problem: false });
    const byChannel = Object.fromEntries(s.options.map((o) => [o.channel, o]));
    expect(byChannel.post?.allowed).toBe(true);
    expect(byChannel.hand_delivery?.allowed).toBe(true);
    expect(byChannel.email).toMatchObject({ allowed: false, proposal: 'post' });
    expect(byChannel.email?.reason?.de).toContain('nicht (oder nicht mehr) eingewilligt');
    expect(s.proofKinds.post).toEqual(['postzustellungsurkunde', 'confirmation_in_person']);
    expect(await auditCount('letter.viewed_delivery', letterId)).toBe(1);
  });

  it('sends by post with If-Match: fixes the PDF with its hash, writes the event and the audit, once only', async () => {
    const p = await personWithCase();
    const letterId = await draft(p);
    expect((await send(letterId, { channel: 'post' }, null)).statusCode).toBe(428);
    expect((await send(letterId, { channel: 'post' }, '"7"')).statusCode).toBe(412);
    tick();
    const res = await send(letterId, { channel: 'post' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ status: 'sent', channel: 'post', version: 2 });
    const [row] = await t.database.db.select().from(letters).where(eq(letters.id, letterId));
    expect(row).toMatchObject({
      status: 'sent',
      addressId: p.addressId,
      communicationConsentId: null,
      sentBy: soz.userId,
    });
    expect(row!.pdf).toBeTruthy();
    expect(Buffer.from(row!.pdf!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(row!.pdfSha256).toBe(createHash('sha256').update(Buffer.from(row!.pdf!)).digest('hex'));
    // The letters module rendered it: the appointment's place and the address it went to are in it.
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(row!.pdf!)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Anlass des Termins: Beratung zur Arbeitsaufnahme');
    expect(flat).toContain(`Leineweberstraße ${people}`);
    expect(await eventsOf(letterId)).toEqual(['sent']);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'letter.sent'), eq(auditEvents.subjectId, letterId)));
    expect(audit!.details).toMatchObject({
      channel: 'post',
      addressId: p.addressId,
      mailId: null,
      pdfSha256: row!.pdfSha256,
    });
    // No outgoing mail for post.
    expect(await t.database.db.select().from(outgoingMail).where(eq(outgoingMail.letterId, letterId))).toEqual([]);

    const again = await send(letterId, { channel: 'post' }, '"2"');
    expect(again.statusCode).toBe(409);
  });

  it('sends by e-mail only with a consent in force: queues the mail with the PDF; withdrawal cancels queued mail and refuses the channel', async () => {
    const p = await personWithCase();
    const first = await draft(p);
    const refused = await send(first, { channel: 'email' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.[0]).toMatchObject({ path: 'channel' });
    expect(await eventsOf(first)).toEqual([]);

    const consentId = await consent(p.personId, {
      channel: 'email',
      address: 'Rahel.Z@example.org',
      givenOn: '2026-11-20',
      evidenceKind: 'written',
    });
    expect((await state(first)).consents).toEqual([
      { id: consentId, channel: 'email', address: 'rahel.z@example.org', service: null },
    ]);
    tick();
    const sent = await send(first, { channel: 'email' });
    expect(sent.statusCode, sent.body).toBe(200);
    const [mail] = await t.database.db.select().from(outgoingMail).where(eq(outgoingMail.letterId, first));
    expect(mail).toMatchObject({
      status: 'queued',
      toAddress: 'rahel.z@example.org',
      subject: 'Einladung zum Gespräch',
      attachLetterPdf: true,
      attempts: 0,
    });
    const [row] = await t.database.db.select().from(letters).where(eq(letters.id, first));
    expect(row).toMatchObject({ channel: 'email', communicationConsentId: consentId, addressId: null });
    expect((await state(first)).mail).toEqual({ status: 'queued', attempts: 0, lastError: null });

    tick();
    const withdrawn = await t.request(
      'POST',
      `/api/v1/people/${p.personId}/communication-consents/${consentId}/withdraw`,
      {
        session: soz,
      },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ mailCancelled: 1, consent: { inForce: false } });
    const [cancelled] = await t.database.db.select().from(outgoingMail).where(eq(outgoingMail.id, mail!.id));
    expect(cancelled!.status).toBe('cancelled');

    const second = await draft(p);
    const after = await send(second, { channel: 'email', communicationConsentId: consentId });
    expect(after.statusCode).toBe(400);
    expect(after.json<Problem>().errors?.[0]?.path).toBe('channel');
    const [still] = await t.database.db.select().from(letters).where(eq(letters.id, second));
    expect(still).toMatchObject({ status: 'draft', pdf: null, version: 1 });
  });

  it('records messenger sending as the caseworker’s confirmation (no gateway)', async () => {
    const p = await personWithCase();
    const consentId = await consent(p.personId, {
      channel: 'messenger',
      address: '+49 170 1234567',
      service: 'Signal',
      givenOn: '2026-11-24',
      evidenceKind: 'in_person',
      evidenceNote: 'Im Gespräch mit Dolmetscher bestätigt.',
    });
    const letterId = await draft(p);
    const res = await send(letterId, { channel: 'messenger', communicationConsentId: consentId });
    expect(res.statusCode, res.body).toBe(200);
    const [event] = await t.database.db.select().from(letterEvents).where(eq(letterEvents.letterId, letterId));
    expect(event!.note).toContain('Messenger der Stelle');
    expect(await t.database.db.select().from(outgoingMail).where(eq(outgoingMail.letterId, letterId))).toEqual([]);
  });

  it('proves delivery with a fitting proof only; nothing leaves delivered except a later read', async () => {
    const p = await personWithCase();
    const letterId = await draft(p);
    expect((await send(letterId, { channel: 'post' })).statusCode).toBe(200);
    const notYet = await deliver(
      letterId,
      { kind: 'delivered', occurredOn: '2026-11-25', proofKind: 'postzustellungsurkunde' },
      '"2"',
    );
    expect(notYet.statusCode).toBe(400);
    expect(notYet.json<Problem>().errors?.[0]?.path).toBe('occurredOn');
    const wrongProof = await deliver(
      letterId,
      { kind: 'delivered', occurredOn: '2026-11-24', proofKind: 'read_receipt' },
      '"2"',
    );
    expect(wrongProof.statusCode).toBe(400);
    expect(wrongProof.json<Problem>().errors?.[0]?.path).toBe('proofKind');
    const noProof = await deliver(letterId, { kind: 'delivered', occurredOn: '2026-11-24' }, '"2"');
    expect(noProof.statusCode).toBe(400);

    tick();
    const ok = await deliver(
      letterId,
      { kind: 'delivered', occurredOn: '2026-11-24', proofKind: 'postzustellungsurkunde', note: 'PZU Nr. 4711' },
      '"2"',
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'delivered', version: 3 });
    const [row] = await t.database.db.select().from(letters).where(eq(letters.id, letterId));
    expect(row).toMatchObject({ status: 'delivered', proofKind: 'postzustellungsurkunde', proofNote: 'PZU Nr. 4711' });

    const back = await deliver(letterId, { kind: 'returned', occurredOn: '2026-11-24', reason: 'moved' }, '"3"');
    expect(back.statusCode).toBe(409);
    const stale = await deliver(letterId, { kind: 'read', occurredOn: '2026-11-24' }, '"2"');
    expect(stale.statusCode).toBe(412);
    const read = await deliver(
      letterId,
      { kind: 'read', occurredOn: '2026-11-24', proofKind: 'confirmation_in_person' },
      '"3"',
    );
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ status: 'delivered' });
    expect(await eventsOf(letterId)).toEqual(['sent', 'delivered', 'read']);
    expect(await auditCount('letter.delivery_recorded', letterId)).toBe(2);
  });

  it('records returned mail (no mailbox): updates the address register in the same step, and post to it is refused afterwards', async () => {
    const p = await personWithCase('Friedrichstraße');
    const letterId = await draft(p);
    expect((await send(letterId, { channel: 'post' })).statusCode).toBe(200);
    const noReason = await deliver(letterId, { kind: 'returned', occurredOn: '2026-11-24' }, '"2"');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors?.[0]?.path).toBe('reason');

    tick();
    const res = await deliver(
      letterId,
      {
        kind: 'returned',
        occurredOn: '2026-11-24',
        reason: 'no_mailbox',
        note: 'Kein Briefkasten am Haus',
        addressFacts: { accessNotes: 'Klingel ohne Namen' },
      },
      '"2"',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned' });
    const [address] = await t.database.db.select().from(addresses).where(eq(addresses.id, p.addressId));
    expect(address).toMatchObject({
      mailboxPresent: false,
      mailDelivery: 'undeliverable',
      accessNotes: 'Klingel ohne Namen',
      lastCheckedSource: 'correspondence',
    });
    const [check] = await t.database.db
      .select()
      .from(addressChecks)
      .where(eq(addressChecks.addressId, p.addressId))
      .orderBy(desc(addressChecks.checkedAt));
    expect(check).toMatchObject({ source: 'correspondence', sourceId: letterId, note: 'Kein Briefkasten am Haus' });
    expect(await auditCount('address.checked', p.addressId)).toBe(1);
    const [row] = await t.database.db.select().from(letters).where(eq(letters.id, letterId));
    expect(row).toMatchObject({ returnReason: 'no_mailbox' });
    expect(row!.returnedAt).toBeTruthy();

    // The next letter cannot go by post to that address: the refusal explains and proposes hand delivery.
    const next = await draft(p);
    const s = await state(next);
    expect(s.address?.problem).toBe(true);
    const post = s.options.find((o) => o.channel === 'post')!;
    expect(post).toMatchObject({ allowed: false, proposal: 'hand_delivery' });
    const refused = await send(next, { channel: 'post' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.[0]?.message).toContain('keinen Briefkasten');
    expect((await send(next, { channel: 'hand_delivery' })).statusCode).toBe(200);
  });

  it('keeps nothing half-written when the address facts are invalid', async () => {
    const p = await personWithCase();
    const letterId = await draft(p);
    expect((await send(letterId, { channel: 'post' })).statusCode).toBe(200);
    const bad = await deliver(
      letterId,
      { kind: 'returned', occurredOn: '2026-11-24', reason: 'other', addressFacts: { mailDelivery: 'sometimes' } },
      '"2"',
    );
    expect(bad.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(letters).where(eq(letters.id, letterId));
    expect(row).toMatchObject({ status: 'sent', version: 2, returnedAt: null });
    expect(await eventsOf(letterId)).toEqual(['sent']);
  });

  it('answers 404 out of scope, 403 without permission or for another agency of the team', async () => {
    const p = await personWithCase();
    const letterId = await draft(p, 'team');
    expect((await t.request('GET', `/api/v1/letters/${letterId}/delivery`, { session: abh })).statusCode).toBe(404);
    expect((await send(letterId, { channel: 'post' }, '"1"', abh)).statusCode).toBe(404);
    expect((await send(letterId, { channel: 'post' }, '"1"', steuerung)).statusCode).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/letters/00000000-0000-4000-8000-000000000000/delivery`, { session: soz }))
        .statusCode,
    ).toBe(404);

    // The Jobcenter joins the team: it may see the team letter (if its categories allow) but never sends it.
    const team = await t.request('POST', `/api/v1/cases/${p.caseId}/team`, {
      session: soz,
      body: {
        agencyId: jobcenterId,
        userId: null,
        role: 'participant',
        basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
      },
    });
    expect(team.statusCode, team.body).toBe(201);
    expect((await send(letterId, { channel: 'post' }, '"1"', jc)).statusCode).toBe(403);
    const [row] = await t.database.db.select().from(letters).where(eq(letters.id, letterId));
    expect(row!.status).toBe('draft');
  });

  it('lists the agency’s letters with filters (proof missing, returned, status), paging and sort; other agencies see none', async () => {
    const list = async (query: string, session = soz) => {
      const res = await t.request('GET', `/api/v1/letters?${query}`, { session });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<LetterOutboxList>();
    };
    const all = await list('pageSize=100');
    expect(all.page.total).toBeGreaterThan(5);
    expect(all.items.every((l) => l.agencyId === agencyId)).toBe(true);
    expect(all.items[0]!.personName).toMatch(/^Zustellung\w, Rahel$/);
    const proofMissing = await list('proofMissing=true&pageSize=100');
    expect(proofMissing.items.length).toBeGreaterThan(0);
    expect(proofMissing.items.every((l) => l.status === 'sent')).toBe(true);
    const returned = await list('returned=true&pageSize=100');
    expect(returned.items.map((l) => l.status)).toEqual(['returned']);
    const drafts = await list('status=draft&pageSize=100');
    expect(drafts.items.every((l) => l.status === 'draft')).toBe(true);
    const page = await list('pageSize=2&page=2&sort=sentAt&dir=asc');
    expect(page.items).toHaveLength(2);
    expect(page.page.total).toBe(all.page.total);
    const bySent = await list('pageSize=100&sort=sentAt&dir=desc');
    const sentTimes = bySent.items.filter((l) => l.sentAt).map((l) => l.sentAt!);
    expect(sentTimes).toEqual([...sentTimes].sort().reverse());
    expect((await list('', abh)).page.total).toBe(0);
    expect((await t.request('GET', '/api/v1/letters', { session: steuerung })).statusCode).toBe(403);
    expect(await auditCount('letter.agency_listed')).toBeGreaterThan(0);
  });
});
