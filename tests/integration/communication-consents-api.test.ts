import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, communicationConsents } from '../../src/server/db/schema';
import type { CommunicationConsent, CommunicationConsentList } from '../../src/shared/contracts/communication-consents';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

describe('communication consents API (e-mail, messenger)', () => {
  let t: TestApp;
  let soz: Session;
  let abh: Session;
  let steuerung: Session;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-24T09:00:00Z'));
    soz = await t.login('sozialamt');
    abh = await t.login('abh');
    steuerung = await t.login('steuerung');
    const res = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: { duplicatesReviewed: true, givenNames: 'Omid', familyName: 'Karimi', dateOfBirth: '1988-01-10' },
    });
    expect(res.statusCode, res.body).toBe(201);
    personId = res.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  const url = () => `/api/v1/people/${personId}/communication-consents`;
  const record = (body: Record<string, unknown>, session = soz) => t.request('POST', url(), { session, body });
  const auditCount = async (type: string) =>
    Number(
      (
        await t.database.db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.type, type), eq(auditEvents.subjectId, personId)))
      )[0]!.n,
    );

  it('validates the address per channel, the date and the evidence, with field messages', async () => {
    const badMail = await record({
      channel: 'email',
      address: 'omid-at-example',
      givenOn: '2026-11-24',
      evidenceKind: 'written',
    });
    expect(badMail.statusCode).toBe(400);
    expect(badMail.json<Problem>().errors?.[0]).toMatchObject({ path: 'address' });
    expect(badMail.json<Problem>().errors?.[0]?.message).toContain('E-Mail-Adresse');
    const badPhone = await record({
      channel: 'messenger',
      address: '!!',
      givenOn: '2026-11-24',
      evidenceKind: 'written',
    });
    expect(badPhone.statusCode).toBe(400);
    const future = await record({
      channel: 'email',
      address: 'omid@example.org',
      givenOn: '2026-11-25',
      evidenceKind: 'written',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<Problem>().errors?.[0]?.path).toBe('givenOn');
    const noNote = await record({
      channel: 'email',
      address: 'omid@example.org',
      givenOn: '2026-11-24',
      evidenceKind: 'in_person',
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json<Problem>().errors?.[0]?.path).toBe('evidenceNote');
    expect(await t.database.db.select().from(communicationConsents)).toEqual([]);
  });

  it('records, lists (in force first) and withdraws a consent; a second withdrawal is 409', async () => {
    const mail = await record({
      channel: 'email',
      address: 'Omid@Example.org',
      givenOn: '2026-11-20',
      evidenceKind: 'signed_scan',
    });
    expect(mail.statusCode, mail.body).toBe(201);
    expect(mail.json<CommunicationConsent>()).toMatchObject({
      channel: 'email',
      address: 'omid@example.org',
      inForce: true,
      recordedByName: 'Sabine Schulte',
      withdrawnAt: null,
    });
    const messenger = await record({
      channel: 'messenger',
      address: '+49 170 7654321',
      service: 'Threema',
      givenOn: '2026-11-24',
      evidenceKind: 'in_person',
      evidenceNote: 'Im Beratungsgespräch',
    });
    expect(messenger.statusCode, messenger.body).toBe(201);
    const mailId = mail.json<CommunicationConsent>().id;

    t.clock.advance(60_000);
    const w = await t.request('POST', `${url()}/${mailId}/withdraw`, { session: soz });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ consent: { id: mailId, inForce: false }, mailCancelled: 0 });
    const twice = await t.request('POST', `${url()}/${mailId}/withdraw`, { session: soz });
    expect(twice.statusCode).toBe(409);

    const list = await t.request('GET', url(), { session: soz });
    expect(list.statusCode).toBe(200);
    const items = list.json<CommunicationConsentList>().items;
    expect(items.map((c) => [c.channel, c.inForce])).toEqual([
      ['messenger', true],
      ['email', false],
    ]);
    expect(items[0]!.service).toBe('Threema');
    expect(await auditCount('communication_consent.recorded')).toBe(2);
    expect(await auditCount('communication_consent.withdrawn')).toBe(1);
    expect(await auditCount('communication_consent.listed')).toBe(1);
  });

  it('is 404 for a person out of scope or a consent of another person, 403 without permission', async () => {
    expect((await t.request('GET', url(), { session: abh })).statusCode).toBe(404);
    expect(
      (
        await record(
          { channel: 'email', address: 'x@example.org', givenOn: '2026-11-24', evidenceKind: 'written' },
          abh,
        )
      ).statusCode,
    ).toBe(404);
    expect((await t.request('GET', url(), { session: steuerung })).statusCode).toBe(403);
    const other = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: { duplicatesReviewed: true, givenNames: 'Lina', familyName: 'Haddad', dateOfBirth: '1995-04-04' },
    });
    const otherId = other.json<{ id: string }>().id;
    const [c] = await t.database.db.select({ id: communicationConsents.id }).from(communicationConsents).limit(1);
    const wrong = await t.request('POST', `/api/v1/people/${otherId}/communication-consents/${c!.id}/withdraw`, {
      session: soz,
    });
    expect(wrong.statusCode).toBe(404);
  });
});
