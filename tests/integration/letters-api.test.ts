import { and, asc, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterDetail, LetterList, LetterTemplateList } from '../../src/shared/contracts/letters';
import {
  addresses,
  agencies,
  auditEvents,
  caseAppointments,
  caseTeamMembers,
  cases,
  letters,
  people,
  personAddresses,
} from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

const START = new Date('2040-05-04T09:00:00Z'); // today: 2040-05-04 in Europe/Berlin
const RANDOM_UUID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('letters from templates (drafts, PDF, preview, the person’s correspondence)', () => {
  let t: TestApp;
  let soz: Session; // sozialamt: leads the case, writes the letters
  let jc: Session; // jobcenter: on the case team
  let woh: Session; // wohnungsamt: not on the team
  const agency = new Map<string, string>();
  let personId: string;
  let caseId: string;
  let otherCaseId: string;
  let appointmentId: string;
  let otherAppointmentId: string;
  let addressId: string;

  const db = () => t.database.db;
  const problem = (res: { json: <T>() => T }) => res.json<Problem>();
  const textOf = async (body: Buffer) => {
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
    return text.replace(/\s+/g, ' ');
  };
  const invitationFields = {
    topic: 'Ihre berufliche Situation und der Sprachkurs',
    bringAlong: 'Reisepass\nMietvertrag',
  };
  const draft = (body: Record<string, unknown>, session = soz, id = caseId) =>
    t.request('POST', `/api/v1/cases/${id}/letters`, { session, body });
  async function createDraft(body: Record<string, unknown>, session = soz): Promise<LetterDetail> {
    t.clock.advance(60_000); // distinct creation times, so "newest first" is tested
    const res = await draft(body, session);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<LetterDetail>();
  }

  async function newCase(n: number): Promise<string> {
    const [row] = await db()
      .insert(cases)
      .values({
        reference: `F-2040-8800${n}`,
        personId,
        title: `Brieffall ${n}`,
        phase: 'planning',
        leadUserId: soz.userId,
        leadAgencyId: agency.get('sozialamt')!,
        openedAt: START,
      })
      .returning({ id: cases.id });
    await db()
      .insert(caseTeamMembers)
      .values([
        { caseId: row!.id, agencyId: agency.get('sozialamt')!, userId: soz.userId, role: 'lead', joinedAt: START },
        { caseId: row!.id, agencyId: agency.get('jobcenter')!, role: 'participant', joinedAt: START },
      ]);
    return row!.id;
  }

  async function newAppointment(forCase: string): Promise<string> {
    const [row] = await db()
      .insert(caseAppointments)
      .values({
        caseId: forCase,
        kind: 'consultation',
        title: 'Beratung',
        startsAt: new Date('2040-05-20T08:30:00Z'), // 10:30 in Berlin (summer time)
        location: 'Rathaus, Raum 2.14',
        agencyId: agency.get('sozialamt')!,
        userId: soz.userId,
        interpreterLanguage: 'ar',
        status: 'planned',
        createdAt: START,
        updatedAt: START,
      })
      .returning({ id: caseAppointments.id });
    return row!.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    soz = await t.login('sozialamt');
    jc = await t.login('jobcenter');
    woh = await t.login('wohnungsamt');
    for (const a of await db().select({ id: agencies.id, code: agencies.code }).from(agencies))
      agency.set(a.code, a.id);
    const [p] = await db()
      .insert(people)
      .values({
        givenNames: 'Amal',
        familyName: 'Haddad',
        nameOrder: 'western',
        sex: 'female',
        dobPrecision: 'unknown',
        registeredByAgencyId: agency.get('sozialamt')!,
        blockingKeys: [],
        interpreterNeeded: true,
        interpreterLanguage: 'ar',
      })
      .returning({ id: people.id });
    personId = p!.id;
    const [addr] = await db()
      .insert(addresses)
      .values({
        street: 'Aktienstraße',
        houseNumber: '120',
        postalCode: '45473',
        city: 'Mülheim an der Ruhr',
        normalisedKey: 'aktienstraße|120|45473',
      })
      .returning({ id: addresses.id });
    addressId = addr!.id;
    await db().insert(personAddresses).values({
      personId,
      addressId,
      kind: 'residence',
      addressSuffix: 'c/o Gemeinschaftsunterkunft, Zimmer 7',
      position: 0,
    });
    caseId = await newCase(1);
    otherCaseId = await newCase(2);
    appointmentId = await newAppointment(caseId);
    otherAppointmentId = await newAppointment(otherCaseId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the five templates with their fields and the seven languages', async () => {
    const res = await t.request('GET', '/api/v1/letter-templates', { session: jc });
    expect(res.statusCode).toBe(200);
    const { items } = res.json<LetterTemplateList>();
    expect(items.map((i) => i.key)).toEqual([
      'invitation',
      'appointment',
      'document_request',
      'sanction_hearing',
      'decision_cover',
    ]);
    expect(items[0]!.languages).toEqual(['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru']);
    expect(items[0]!.fields.find((f) => f.key === 'topic')).toMatchObject({ required: true, kind: 'text' });
    expect((await t.request('GET', '/api/v1/letter-templates')).statusCode).toBe(401);
  });

  it('drafts → patches → renders: language from the person, fields from the appointment, address and agency filled in', async () => {
    const created = await createDraft({
      template: 'invitation',
      appointmentId,
      fields: invitationFields,
      confidentiality: 'team',
    });
    expect(created).toMatchObject({
      caseId,
      personId,
      template: 'invitation',
      language: 'ar',
      status: 'draft',
      channel: 'post',
      addressId,
      appointmentId,
      confidentiality: 'team',
      caseReference: 'F-2040-88001',
      version: 1,
      events: [],
      actions: { edit: true, delete: true },
    });
    expect(created.fields).toMatchObject({
      appointmentDate: '2040-05-20',
      appointmentTime: '10:30',
      appointmentPlace: 'Rathaus, Raum 2.14',
      topic: invitationFields.topic,
    });
    expect(created.subject).toBe('Einladung zu einem Termin am 20.05.2040 um 10:30 Uhr');

    const url = `/api/v1/letters/${created.id}`;
    expect((await t.request('PATCH', url, { session: soz, body: { language: 'de' } })).statusCode).toBe(428);
    const patched = await t.request('PATCH', url, {
      session: soz,
      body: { fields: { ...created.fields, appointmentTime: '11:00' } },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json<LetterDetail>().subject).toBe('Einladung zu einem Termin am 20.05.2040 um 11:00 Uhr');
    const stale = await t.request('PATCH', url, {
      session: soz,
      body: { language: 'de' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);

    const pdf = await t.request('GET', `${url}/pdf`, { session: soz });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf.rawPayload);
    for (const phrase of [
      'Deutsches Original',
      'Rechtsfolgenbelehrung',
      'Guten Tag Amal Haddad',
      'c/o Gemeinschaftsunterkunft, Zimmer 7',
      'Aktienstraße 120',
      '45473 Mülheim an der Ruhr',
      'F-2040-88001',
      '04.05.2040',
      'um 11:00 Uhr',
      'Rathaus, Raum 2.14',
      'Reisepass',
      'Dolmetscher für Arabisch',
    ]) {
      expect(text, phrase).toContain(phrase);
    }

    const svg = await t.request('GET', `${url}/preview.svg?page=2`, { session: soz });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['x-page-count']).toBe('2');
    expect(svg.body.startsWith('<svg')).toBe(true);
    expect((await t.request('GET', `${url}/preview.svg?page=3`, { session: soz })).statusCode).toBe(404);

    // Audit: ids, template and language; never names or the letter's text.
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'letter'), eq(auditEvents.subjectId, created.id)))
      .orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.type)).toEqual(
      expect.arrayContaining(['letter.created', 'letter.updated', 'letter.rendered']),
    );
    const dump = JSON.stringify(rows.map((r) => r.details));
    for (const secret of ['Haddad', 'Sprachkurs', 'Aktienstraße', 'Reisepass']) expect(dump).not.toContain(secret);
  });

  it('answers 400 naming a missing required field, an unknown field, a malformed date and a foreign appointment', async () => {
    const res = await draft({
      template: 'invitation',
      language: 'de',
      fields: { appointmentDate: '2040-05-20', appointmentTime: '10:00' },
    });
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p.errors?.map((e) => e.path)).toEqual(['fields.appointmentPlace', 'fields.topic']);
    expect(p.errors?.[1]?.message).toContain('Anlass des Termins');

    const odd = await draft({
      template: 'document_request',
      fields: { purpose: 'die Prüfung', documents: 'Pass', deadline: '31.05.2040', secret: 'x' },
    });
    expect(odd.statusCode).toBe(400);
    expect(
      problem(odd)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['fields.deadline', 'fields.secret']);

    const foreign = await draft({
      template: 'invitation',
      appointmentId: otherAppointmentId,
      fields: invitationFields,
    });
    expect(foreign.statusCode).toBe(400);
    expect(problem(foreign).errors?.[0]?.path).toBe('appointmentId');
    expect(await db().select().from(letters).where(eq(letters.caseId, otherCaseId))).toHaveLength(0);
  });

  it('hides a letter outside the case team or the confidentiality level (404) and lets only the sending agency change a draft', async () => {
    const team = await createDraft({
      template: 'document_request',
      language: 'tr',
      confidentiality: 'team',
      fields: { purpose: 'Ihren Antrag', documents: 'Kontoauszüge', deadline: '2040-06-01' },
    });
    const own = await createDraft({
      template: 'decision_cover',
      language: 'de',
      confidentiality: 'agency',
      fields: { decisionTitle: 'Bescheid über Leistungen', decisionDate: '2040-05-03' },
    });

    expect((await t.request('GET', `/api/v1/letters/${team.id}`, { session: jc })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/v1/letters/${own.id}`, { session: jc })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/letters/${own.id}/pdf`, { session: jc })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/letters/${team.id}`, { session: woh })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/letters/${team.id}/pdf`, { session: woh })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/letters/${RANDOM_UUID}`, { session: soz })).statusCode).toBe(404);
    expect((await t.request('DELETE', `/api/v1/letters/${team.id}`, { session: woh })).statusCode).toBe(404);
    // A colleague of another agency on the team sees the team letter but does not change it.
    const foreignEdit = await t.request('PATCH', `/api/v1/letters/${team.id}`, {
      session: jc,
      body: { language: 'de' },
      headers: { 'if-match': '"1"' },
    });
    expect(foreignEdit.statusCode).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/letters/${team.id}`, { session: jc })).json<LetterDetail>().actions,
    ).toEqual({ edit: false, delete: false });
    // Not on the team: no letters of the case either.
    expect((await draft({ template: 'appointment', appointmentId, fields: { topic: 'x' } }, woh)).statusCode).toBe(404);
  });

  it('lists the person’s letters the caller may see, newest first, filtered by confidentiality in SQL, with a status filter', async () => {
    const mine = await t.request('GET', `/api/v1/people/${personId}/letters?pageSize=100`, { session: soz });
    expect(mine.statusCode).toBe(200);
    const all = mine.json<LetterList>();
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all.page.total).toBe(all.items.length);
    const sorted = [...all.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    expect(all.items.map((i) => i.createdAt)).toEqual(sorted.map((i) => i.createdAt));

    const theirs = (
      await t.request('GET', `/api/v1/people/${personId}/letters?pageSize=100`, { session: jc })
    ).json<LetterList>();
    expect(theirs.items.every((i) => i.confidentiality === 'team')).toBe(true);
    expect(theirs.page.total).toBe(all.items.filter((i) => i.confidentiality === 'team').length);
    expect(theirs.page.total).toBeLessThan(all.page.total);

    const paged = (
      await t.request('GET', `/api/v1/people/${personId}/letters?pageSize=1&page=2`, { session: soz })
    ).json<LetterList>();
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0]!.id).toBe(all.items[1]!.id);

    const sent = (
      await t.request('GET', `/api/v1/people/${personId}/letters?status=sent`, { session: soz })
    ).json<LetterList>();
    expect(sent.items.every((i) => i.status === 'sent')).toBe(true);
    expect((await t.request('GET', `/api/v1/people/${personId}/letters`, { session: woh })).statusCode).toBe(404);
  });

  it('serves a sent letter’s stored PDF byte for byte, never re-rendered, and refuses to change or delete it', async () => {
    const l = await createDraft({ template: 'invitation', language: 'en', appointmentId, fields: invitationFields });
    const stored = Buffer.from('%PDF-1.7\n% the letter as it was sent\n%%EOF\n');
    await db()
      .update(letters)
      .set({ status: 'sent', pdf: stored, pdfSha256: 'x', sentAt: START, sentBy: soz.userId })
      .where(eq(letters.id, l.id));
    // The fields change underneath (they must not matter any more).
    await db()
      .update(letters)
      .set({ fields: { ...l.fields, topic: 'etwas anderes' } })
      .where(eq(letters.id, l.id));
    const res = await t.request('GET', `/api/v1/letters/${l.id}/pdf`, { session: soz });
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, stored)).toBe(0);
    const patch = await t.request('PATCH', `/api/v1/letters/${l.id}`, {
      session: soz,
      body: { language: 'de' },
      headers: { 'if-match': '"1"' },
    });
    expect(patch.statusCode).toBe(409);
    expect((await t.request('DELETE', `/api/v1/letters/${l.id}`, { session: soz })).statusCode).toBe(409);
    const sent = (
      await t.request('GET', `/api/v1/people/${personId}/letters?status=sent`, { session: soz })
    ).json<LetterList>();
    expect(sent.items.map((i) => i.id)).toEqual([l.id]);
  });

  it('deletes a draft of the own agency', async () => {
    const l = await createDraft({
      template: 'appointment',
      language: 'uk',
      appointmentId,
      fields: { topic: 'Wohnungssuche' },
    });
    expect((await t.request('DELETE', `/api/v1/letters/${l.id}`, { session: soz })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/v1/letters/${l.id}`, { session: soz })).statusCode).toBe(404);
  });
});
