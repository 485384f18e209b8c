import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents } from '../../src/server/db/schema';
import { engine, createTestApp, type TestApp } from '../support/test-app';
import { caseRecordsFixture, type CaseRecordsFixture, type Problem } from './case-records.fixtures';

type Note = {
  id: string;
  caseId: string;
  kind: string;
  occurredAt: string;
  subject: string;
  body: string;
  confidentiality: string;
  author: { id: string; displayName: string };
  agency: { id: string; name: string };
  version: number;
  actions: { edit: boolean };
};
type NoteList = { items: Note[]; page: { page: number; pageSize: number; total: number } };

const RANDOM_UUID = '5d3c2b1a-0f9e-4d8c-8b7a-6e5f4d3c2b1a';

describe(`case notes (${engine})`, () => {
  let t: TestApp;
  let f: CaseRecordsFixture;

  const notesUrl = (caseId: string) => `/api/v1/cases/${caseId}/notes`;
  const list = async (session: CaseRecordsFixture['soz'], caseId: string, query = '') => {
    const res = await f.get(session, `${notesUrl(caseId)}${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<NoteList>();
  };
  const problem = (res: LightMyRequestResponse) => res.json<Problem>();
  const minutesAgo = (m: number) => new Date(t.clock.now().getTime() - m * 60_000).toISOString();
  const write = async (
    session: CaseRecordsFixture['soz'],
    caseId: string,
    body: Partial<Record<keyof Note, unknown>> = {},
  ) => {
    f.tick();
    const res = await f.post(session, notesUrl(caseId), {
      kind: 'contact',
      occurredAt: minutesAgo(30),
      subject: 'Gespräch im Büro',
      body: 'Frau K. berichtet vom Sprachkurs.',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { note: res.json<Note>(), etag: String(res.headers.etag) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await caseRecordsFixture(t, 'Vermerkprobe');
  });
  afterAll(async () => t.close());

  describe('validation', () => {
    it('refuses missing and malformed fields with field messages, and a time in the future', async () => {
      const c = await f.createCase('Validierung');
      const empty = await f.post(f.soz, notesUrl(c), {});
      expect(empty.statusCode).toBe(400);
      expect(
        problem(empty)
          .errors?.map((e) => e.path)
          .sort(),
      ).toEqual(['body.body', 'body.kind', 'body.occurredAt', 'body.subject'].sort());
      const wrong = await f.post(f.soz, notesUrl(c), {
        kind: 'gossip',
        occurredAt: '12.05.2026',
        subject: ' ',
        body: 'x'.repeat(10_001),
        confidentiality: 'secret',
        extra: 1,
      });
      expect(wrong.statusCode).toBe(400);
      expect(problem(wrong).errors?.map((e) => e.path)).toEqual(
        expect.arrayContaining(['body.kind', 'body.occurredAt', 'body.subject', 'body.body', 'body.confidentiality']),
      );
      const future = await f.post(f.soz, notesUrl(c), {
        kind: 'phone_call',
        occurredAt: new Date(t.clock.now().getTime() + 60 * 60_000).toISOString(),
        subject: 'Rückruf',
        body: 'Wird erst morgen stattfinden.',
      });
      expect(future.statusCode).toBe(400);
      expect(problem(future).errors).toEqual([
        {
          path: 'occurredAt',
          message: 'Der Zeitpunkt liegt in der Zukunft. Ein Vermerk hält fest, was bereits geschehen ist.',
        },
      ]);
      // A few minutes ahead are the caseworker's clock, not the future.
      await write(f.soz, c, { occurredAt: new Date(t.clock.now().getTime() + 2 * 60_000).toISOString() });
      // Offsets are accepted; the API answers in UTC.
      const withOffset = await write(f.soz, c, { occurredAt: '2026-01-05T09:30:00+01:00' });
      expect(withOffset.note.occurredAt).toBe('2026-01-05T08:30:00.000Z');
    });

    it('trims subject and text and defaults the confidentiality to the team', async () => {
      const c = await f.createCase('Standardwerte');
      const { note, etag } = await write(f.soz, c, { subject: '  Hausbesuch  ', body: '  Wohnung besichtigt. ' });
      expect(etag).toBe('"1"');
      expect(note).toMatchObject({
        subject: 'Hausbesuch',
        body: 'Wohnung besichtigt.',
        confidentiality: 'team',
        author: { id: f.user.sozialamt, displayName: 'Sabine Schulte' },
        agency: { id: f.agency.sozialamt },
        version: 1,
        actions: { edit: true },
      });
    });
  });

  describe('confidentiality', () => {
    let c: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      c = await f.createCase('Vertraulichkeit', { withJobcenter: true });
      ids.team = (
        await write(f.soz, c, { subject: 'Für das Fallteam', confidentiality: 'team', kind: 'contact' })
      ).note.id;
      ids.agency = (
        await write(f.soz, c, { subject: 'Nur Sozialamt', confidentiality: 'agency', kind: 'home_visit' })
      ).note.id;
      ids.author = (
        await write(f.soz, c, { subject: 'Nur ich', confidentiality: 'author', kind: 'counselling' })
      ).note.id;
      ids.jcAgency = (
        await write(f.jc, c, { subject: 'Nur Jobcenter', confidentiality: 'agency', kind: 'phone_call' })
      ).note.id;
    });

    it('shows each colleague exactly the notes of their level, in the list and the total', async () => {
      const mine = await list(f.soz, c);
      expect(mine.items.map((n) => n.id)).toEqual([ids.author, ids.agency, ids.team]);
      expect(mine.page.total).toBe(3);

      const colleague = await list(f.soz2, c);
      expect(new Set(colleague.items.map((n) => n.id))).toEqual(new Set([ids.team, ids.agency]));
      expect(colleague.page.total).toBe(2);
      expect(colleague.items.every((n) => !n.actions.edit)).toBe(true);

      const jobcenter = await list(f.jc, c);
      expect(new Set(jobcenter.items.map((n) => n.id))).toEqual(new Set([ids.team, ids.jcAgency]));
      expect(jobcenter.page.total).toBe(2);

      // The kind filter cannot reveal a hidden note either.
      expect((await list(f.jc, c, 'kind=home_visit')).page.total).toBe(0);
      expect((await list(f.soz2, c, 'kind=home_visit')).page.total).toBe(1);
    });

    it('keeps the timeline of each colleague to the notes they may see, total included', async () => {
      const counts = async (session: CaseRecordsFixture['soz']) => {
        const notes = await f.timeline(session, c, 'kind=note_added');
        const all = await f.timeline(session, c);
        return { notes: notes.page.total, ids: notes.items.map((e) => e.details.noteId), all: all.page.total };
      };
      const soz = await counts(f.soz);
      const soz2 = await counts(f.soz2);
      const jc = await counts(f.jc);
      expect(soz.notes).toBe(3);
      expect(soz2.notes).toBe(2);
      expect(jc.notes).toBe(2);
      expect(new Set(jc.ids)).toEqual(new Set([ids.team, ids.jcAgency]));
      expect(new Set(soz2.ids)).toEqual(new Set([ids.team, ids.agency]));
      // The remaining entries (created, team member added) are the same for everyone.
      expect(soz.all - soz.notes).toBe(jc.all - jc.notes);
      expect(soz2.all - soz2.notes).toBe(jc.all - jc.notes);
      // Entries carry ids and codes only.
      const entry = (await f.timeline(f.soz, c, 'kind=note_added')).items.find((e) => e.details.noteId === ids.author)!;
      expect(entry.details).toEqual({
        noteId: ids.author,
        noteKind: 'counselling',
        visibleToAgencyId: f.agency.sozialamt,
        visibleToUserId: f.user.sozialamt,
      });
    });

    it('answers 404 for a note the caller may not see, also on PATCH, and for outsiders', async () => {
      expect((await f.patch(f.jc, `${notesUrl(c)}/${ids.agency}`, { subject: 'x' }, '"1"')).statusCode).toBe(404);
      expect((await f.patch(f.soz2, `${notesUrl(c)}/${ids.author}`, { subject: 'x' }, '"1"')).statusCode).toBe(404);
      expect((await f.get(f.abh, notesUrl(c))).statusCode).toBe(404);
      const valid = { kind: 'contact', occurredAt: minutesAgo(5), subject: 'Versuch', body: 'Von außen.' };
      expect((await f.post(f.abh, notesUrl(c), valid)).statusCode).toBe(404);
      expect((await f.get(f.soz, notesUrl(RANDOM_UUID))).statusCode).toBe(404);
      expect((await f.get(f.steuerung, notesUrl(c))).statusCode).toBe(403);
    });
  });

  describe('list', () => {
    it('lists newest contact first, filters by kind and pages with the total', async () => {
      const c = await f.createCase('Liste');
      const older = await write(f.soz, c, { occurredAt: minutesAgo(300), kind: 'phone_call', subject: 'Alt' });
      const newest = await write(f.soz, c, { occurredAt: minutesAgo(10), kind: 'contact', subject: 'Neu' });
      const middle = await write(f.soz, c, { occurredAt: minutesAgo(100), kind: 'phone_call', subject: 'Mitte' });
      const all = await list(f.soz, c);
      expect(all.items.map((n) => n.id)).toEqual([newest.note.id, middle.note.id, older.note.id]);
      const calls = await list(f.soz, c, 'kind=phone_call');
      expect(calls.items.map((n) => n.subject)).toEqual(['Mitte', 'Alt']);
      expect(calls.page.total).toBe(2);
      const page2 = await list(f.soz, c, 'pageSize=2&page=2');
      expect(page2.items.map((n) => n.id)).toEqual([older.note.id]);
      expect(page2.page).toEqual({ page: 2, pageSize: 2, total: 3 });
      expect((await f.get(f.soz, `${notesUrl(c)}?kind=secret`)).statusCode).toBe(400);
    });

    it('audits every list read with the count, and every write', async () => {
      const c = await f.createCase('Protokoll');
      const created = await f.auditRows('case_note.created', c);
      const { note } = await write(f.soz, c, { confidentiality: 'agency', kind: 'home_visit' });
      expect(await f.auditRows('case_note.created', c)).toBe(created + 1);
      expect((await f.lastAudit('case_note.created')).details).toEqual({
        noteId: note.id,
        kind: 'home_visit',
        confidentiality: 'agency',
      });
      const before = await f.auditRows('case_note.listed', c);
      await list(f.soz, c, 'kind=home_visit');
      expect(await f.auditRows('case_note.listed', c)).toBe(before + 1);
      expect((await f.lastAudit('case_note.listed')).details).toEqual({ resultCount: 1, kind: 'home_visit' });
    });
  });

  describe('PATCH', () => {
    it('lets only the author change a note, with If-Match, and records the field names', async () => {
      const c = await f.createCase('Ändern', { withJobcenter: true });
      const { note } = await write(f.soz, c, { subject: 'Erstgespräch', confidentiality: 'team' });
      const url = `${notesUrl(c)}/${note.id}`;
      // A colleague who sees the note is told why (403), not that it is missing.
      const other = await f.patch(f.jc, url, { subject: 'Übernommen' }, '"1"');
      expect(other.statusCode).toBe(403);
      expect(problem(other).errors?.[0]?.message).toMatch(/nur, wer ihn verfasst hat/);
      expect((await f.patch(f.soz, url, { subject: 'Ohne Version' })).statusCode).toBe(428);
      expect((await f.patch(f.soz, url, { subject: 'Falsche Version' }, '"7"')).statusCode).toBe(412);
      expect((await f.patch(f.soz, url, {}, '"1"')).statusCode).toBe(400);
      expect((await f.patch(f.soz, url, { author: 'x' }, '"1"')).statusCode).toBe(400);
      expect(
        (await f.patch(f.soz, url, { occurredAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() }, '"1"'))
          .statusCode,
      ).toBe(400);

      f.tick();
      const res = await f.patch(f.soz, url, { subject: 'Erstgespräch mit Dolmetscherin', kind: 'counselling' }, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json<Note>()).toMatchObject({
        subject: 'Erstgespräch mit Dolmetscherin',
        kind: 'counselling',
        version: 2,
      });
      expect((await f.lastAudit('case_note.updated')).details).toEqual({
        noteId: note.id,
        fields: ['kind', 'subject'],
        version: 2,
      });
      const updated = (await f.timeline(f.jc, c, 'kind=note_updated')).items;
      expect(updated).toHaveLength(1);
      expect(updated[0]!.details).toEqual({ noteId: note.id, noteKind: 'counselling', fields: ['kind', 'subject'] });
      // The same values again change nothing and keep the version.
      const same = await f.patch(f.soz, url, { subject: 'Erstgespräch mit Dolmetscherin' }, '"2"');
      expect(same.statusCode).toBe(200);
      expect(same.headers.etag).toBe('"2"');
    });

    it('hides a note and its whole history when the author makes it private', async () => {
      const c = await f.createCase('Privat machen', { withJobcenter: true });
      const { note } = await write(f.soz, c, { subject: 'Zunächst für alle' });
      expect((await f.timeline(f.jc, c, 'kind=note_added')).page.total).toBe(1);
      f.tick();
      const res = await f.patch(f.soz, `${notesUrl(c)}/${note.id}`, { confidentiality: 'author' }, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect((await list(f.jc, c)).page.total).toBe(0);
      expect((await f.timeline(f.jc, c, 'kind=note_added')).page.total).toBe(0);
      expect((await f.timeline(f.jc, c, 'kind=note_updated')).page.total).toBe(0);
      expect((await f.timeline(f.soz2, c, 'kind=note_added')).page.total).toBe(0);
      expect((await f.timeline(f.soz, c, 'kind=note_added')).page.total).toBe(1);
      expect((await f.timeline(f.soz, c, 'kind=note_updated')).page.total).toBe(1);
      // Back to the team: the history shows again.
      f.tick();
      expect((await f.patch(f.soz, `${notesUrl(c)}/${note.id}`, { confidentiality: 'team' }, '"2"')).statusCode).toBe(
        200,
      );
      expect((await f.timeline(f.jc, c, 'kind=note_added')).page.total).toBe(1);
      expect((await f.timeline(f.jc, c, 'kind=note_updated')).page.total).toBe(2);
      const rows = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c));
      expect(rows.filter((e) => e.details.noteId === note.id).every((e) => !('visibleToUserId' in e.details))).toBe(
        true,
      );
    });

    it('answers 404 for the id of another case’s note', async () => {
      const a = await f.createCase('Fall A');
      const b = await f.createCase('Fall B');
      const { note } = await write(f.soz, a);
      expect((await f.patch(f.soz, `${notesUrl(b)}/${note.id}`, { subject: 'x' }, '"1"')).statusCode).toBe(404);
      expect((await f.patch(f.soz, `${notesUrl(a)}/${RANDOM_UUID}`, { subject: 'x' }, '"1"')).statusCode).toBe(404);
    });

    it('lets exactly one of two concurrent changes win', async () => {
      const c = await f.createCase('Gleichzeitig');
      const { note } = await write(f.soz, c);
      f.tick();
      const results = await Promise.all(
        ['Erste Fassung', 'Zweite Fassung'].map((subject) =>
          f.patch(f.soz, `${notesUrl(c)}/${note.id}`, { subject }, '"1"'),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const loser = results.find((r) => r.statusCode === 412)!;
      expect(problem(loser).errors?.[0]?.message).toMatch(/inzwischen geändert \(jetzt Stand 2\)/);
      const winner = results.find((r) => r.statusCode === 200)!.json<Note>();
      const stored = (await list(f.soz, c)).items[0]!;
      expect(stored).toMatchObject({ subject: winner.subject, version: 2 });
      expect((await f.timeline(f.soz, c, 'kind=note_updated')).page.total).toBe(1);
    });
  });

  describe('closed cases', () => {
    it('still takes a closing note after closure, and its correction', async () => {
      const c = await f.createCase('Abschluss');
      await f.closeCase(c);
      const { note } = await write(f.soz, c, { subject: 'Abschlussgespräch', kind: 'counselling' });
      f.tick();
      const res = await f.patch(f.soz, `${notesUrl(c)}/${note.id}`, { body: 'Ergänzt nach Rückruf.' }, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect((await list(f.soz, c)).page.total).toBe(1);
    });
  });
});
