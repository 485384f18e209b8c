import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDocumentContents, caseDocuments } from '../../src/server/db/schema';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { retentionDueDate } from '../../src/shared/domain/cases/retention-classes';
import { engine, createTestApp, type Session, type TestApp } from '../support/test-app';
import { caseRecordsFixture, type CaseRecordsFixture, type Problem } from './case-records.fixtures';

type Doc = {
  id: string;
  caseId: string;
  docType: string;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  retentionClass: string;
  retentionDueOn: string | null;
  confidentiality: string;
  uploadedAt: string;
  uploadedBy: { id: string; displayName: string };
  agency: { id: string; name: string };
  actions: { delete: boolean };
};
type DocList = { items: Doc[]; page: { page: number; pageSize: number; total: number } };

const RANDOM_UUID = '5d3c2b1a-0f9e-4d8c-8b7a-6e5f4d3c2b1a';
const MIB = 1024 * 1024;

/** A small but well-formed PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(64)]);

describe(`case documents (${engine})`, () => {
  let t: TestApp;
  let f: CaseRecordsFixture;

  const docsUrl = (caseId: string) => `/api/v1/cases/${caseId}/documents`;
  const problem = (res: LightMyRequestResponse) => res.json<Problem>();
  const meta = (m: Record<string, string> = {}) =>
    new URLSearchParams({
      docType: 'decision_notice',
      title: 'Bewilligungsbescheid',
      retentionClass: 'case_file',
      fileName: 'Bescheid März.pdf',
      ...m,
    }).toString();
  const upload = (
    session: Session,
    caseId: string,
    content: Buffer,
    m: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) => {
    f.tick();
    return t.app.inject({
      method: 'POST',
      url: `${docsUrl(caseId)}?${meta(m)}`,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/octet-stream',
        ...headers,
      },
      payload: content,
    });
  };
  const uploaded = async (session: Session, caseId: string, content: Buffer = PDF, m: Record<string, string> = {}) => {
    const res = await upload(session, caseId, content, m);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Doc>();
  };
  const list = async (session: Session, caseId: string, query = '') => {
    const res = await f.get(session, `${docsUrl(caseId)}${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DocList>();
  };
  const remove = (session: Session, caseId: string, id: string) =>
    t.request('DELETE', `${docsUrl(caseId)}/${id}`, { session });

  beforeAll(async () => {
    t = await createTestApp();
    f = await caseRecordsFixture(t, 'Dokumentprobe');
  });
  afterAll(async () => t.close());

  describe('upload', () => {
    it('stores the file with type, size, SHA-256, sanitised name, audit row and timeline entry', async () => {
      const c = await f.createCase('Hochladen');
      const before = await f.auditRows('case_document.uploaded', c);
      const doc = await uploaded(f.soz, c, PDF, { fileName: '..\\C:\\Ordner\\Bescheid März.pdf' });
      expect(doc).toMatchObject({
        caseId: c,
        docType: 'decision_notice',
        title: 'Bewilligungsbescheid',
        fileName: 'Bescheid März.pdf',
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        retentionClass: 'case_file',
        retentionDueOn: null,
        confidentiality: 'team',
        uploadedBy: { id: f.user.sozialamt, displayName: 'Sabine Schulte' },
        agency: { id: f.agency.sozialamt },
        actions: { delete: true },
      });
      const [stored] = await t.database.db
        .select()
        .from(caseDocumentContents)
        .where(eq(caseDocumentContents.documentId, doc.id));
      expect(Buffer.from(stored!.content).equals(PDF)).toBe(true);
      expect(await f.auditRows('case_document.uploaded', c)).toBe(before + 1);
      expect((await f.lastAudit('case_document.uploaded')).details).toEqual({
        documentId: doc.id,
        docType: 'decision_notice',
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
        retentionClass: 'case_file',
        confidentiality: 'team',
      });
      const entries = (await f.timeline(f.soz, c, 'kind=document_uploaded')).items;
      expect(entries.map((e) => e.details)).toEqual([{ documentId: doc.id, docType: 'decision_notice' }]);
    });

    it('recognises the type by the content: a PNG named .pdf keeps its type and gets its extension', async () => {
      const c = await f.createCase('Magie');
      const png = await uploaded(f.soz, c, PNG, {
        fileName: 'scan.pdf',
        docType: 'identity_document',
        retentionClass: 'identity_copy',
      });
      expect(png).toMatchObject({ mediaType: 'image/png', fileName: 'scan.pdf.png' });
      const text = await uploaded(f.soz, c, Buffer.from('Gesprächsnotiz: Termin am Montag.\n'), {
        fileName: 'notiz.txt',
      });
      expect(text.mediaType).toBe('text/plain');
    });

    it('refuses a program renamed to .pdf, and other types, with a German message', async () => {
      const c = await f.createCase('Falscher Typ');
      const exe = await upload(f.soz, c, EXE, { fileName: 'Bescheid.pdf' });
      expect(exe.statusCode).toBe(400);
      expect(problem(exe).errors).toEqual([
        {
          path: 'file',
          message:
            'Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, PNG, JPEG, TIFF und Textdateien (UTF-8). Der Typ wird am Inhalt erkannt, nicht am Dateinamen.',
        },
      ]);
      const zip = await upload(f.soz, c, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), { fileName: 'a.docx' });
      expect(zip.statusCode).toBe(400);
      const english = await upload(f.soz, c, EXE, {}, { 'accept-language': 'en' });
      expect(problem(english).errors?.[0]?.message).toMatch(/not allowed/);
      expect((await list(f.soz, c)).page.total).toBe(0);
      expect(await t.database.db.select().from(caseDocuments).where(eq(caseDocuments.caseId, c))).toEqual([]);
    });

    it('takes 10 MiB and refuses more with 413 and the German limit, and refuses an empty file', async () => {
      const c = await f.createCase('Größe');
      const max = Buffer.concat([PDF, Buffer.alloc(10 * MIB - PDF.length, 0x20)]);
      const ok = await upload(f.soz, c, max);
      expect(ok.statusCode, ok.body.slice(0, 300)).toBe(201);
      expect(ok.json<Doc>().sizeBytes).toBe(10 * MIB);
      const tooLarge = await upload(f.soz, c, Buffer.concat([max, Buffer.from(' ')]));
      expect(tooLarge.statusCode).toBe(413);
      expect(problem(tooLarge)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(problem(tooLarge).errors?.[0]).toMatchObject({ path: 'file' });
      expect(problem(tooLarge).errors?.[0]?.message).toMatch(/^Die Datei ist zu groß. Erlaubt sind höchstens 10 MB/);
      const empty = await upload(f.soz, c, Buffer.alloc(0));
      expect(empty.statusCode).toBe(400);
      expect(problem(empty).errors?.[0]?.message).toBe('Die Datei ist leer.');
      expect((await list(f.soz, c)).page.total).toBe(1);
    });

    it('validates the metadata and the transport', async () => {
      const c = await f.createCase('Metadaten');
      const bad = await t.app.inject({
        method: 'POST',
        url: `${docsUrl(c)}?docType=passport&retentionClass=forever&title=`,
        headers: { cookie: f.soz.cookie, 'x-csrf-token': f.soz.csrf, 'content-type': 'application/octet-stream' },
        payload: PDF,
      });
      expect(bad.statusCode).toBe(400);
      expect(
        problem(bad)
          .errors?.map((e) => e.path)
          .sort(),
      ).toEqual(
        ['querystring.docType', 'querystring.fileName', 'querystring.retentionClass', 'querystring.title'].sort(),
      );
      // JSON is not a file.
      const json = await t.request('POST', `${docsUrl(c)}?${meta()}`, { session: f.soz, body: { content: 'x' } });
      expect(json.statusCode).toBe(415);
      const form = await upload(f.soz, c, PDF, {}, { 'content-type': 'multipart/form-data; boundary=x' });
      expect(form.statusCode).toBe(415);
      // The rest of the API still refuses bodies over 1 MiB.
      const big = await t.request('POST', `/api/v1/cases/${c}/notes`, {
        session: f.soz,
        body: { kind: 'contact', occurredAt: new Date().toISOString(), subject: 'x', body: 'x'.repeat(2 * MIB) },
      });
      expect(big.statusCode).toBe(413);
    });

    it('is refused on a closed case (409) and for outsiders (404)', async () => {
      const c = await f.createCase('Geschlossen');
      const doc = await uploaded(f.soz, c);
      await f.closeCase(c);
      const res = await upload(f.soz, c, PDF);
      expect(res.statusCode).toBe(409);
      expect(problem(res).errors?.[0]?.message).toMatch(
        /^Der Fall ist abgeschlossen\. Dokumente können dann nicht mehr/,
      );
      expect((await remove(f.soz, c, doc.id)).statusCode).toBe(409);
      // Once closed, the retention period runs.
      const [listed] = (await list(f.soz, c)).items;
      const closedOn = todayIn(t.clock.now());
      expect(listed!.retentionDueOn).toBe(retentionDueDate('case_file', { closedOn, uploadedOn: closedOn }));
      expect(listed!.actions.delete).toBe(false);
      const other = await f.createCase('Fremd');
      expect((await upload(f.abh, other, PDF)).statusCode).toBe(404);
      expect((await upload(f.steuerung, other, PDF)).statusCode).toBe(403);
    });
  });

  describe('confidentiality, download and removal', () => {
    let c: string;
    const ids = {} as Record<'team' | 'agency' | 'author', string>;

    beforeAll(async () => {
      c = await f.createCase('Vertraulich', { withJobcenter: true });
      ids.team = (await uploaded(f.soz, c, PDF, { title: 'Team', confidentiality: 'team' })).id;
      ids.agency = (
        await uploaded(f.soz, c, PDF, {
          title: 'Sozialamt',
          confidentiality: 'agency',
          docType: 'medical',
          retentionClass: 'health',
        })
      ).id;
      ids.author = (await uploaded(f.soz, c, PDF, { title: 'Privat', confidentiality: 'author' })).id;
    });

    it('lists only what each colleague may see, with the right total and timeline', async () => {
      const seen = async (s: Session) => {
        const l = await list(s, c);
        const tl = await f.timeline(s, c, 'kind=document_uploaded');
        return { ids: new Set(l.items.map((d) => d.id)), total: l.page.total, timeline: tl.page.total };
      };
      expect(await seen(f.soz)).toEqual({ ids: new Set([ids.team, ids.agency, ids.author]), total: 3, timeline: 3 });
      expect(await seen(f.soz2)).toEqual({ ids: new Set([ids.team, ids.agency]), total: 2, timeline: 2 });
      expect(await seen(f.jc)).toEqual({ ids: new Set([ids.team]), total: 1, timeline: 1 });
      expect((await list(f.soz, c, 'docType=medical')).items.map((d) => d.id)).toEqual([ids.agency]);
      expect((await list(f.jc, c, 'docType=medical')).page.total).toBe(0);
      expect((await f.get(f.abh, docsUrl(c))).statusCode).toBe(404);
    });

    it('downloads with the stored type, an attachment disposition in UTF-8, nosniff and an audit row', async () => {
      const before = await f.auditRows('case_document.downloaded', c);
      const res = await f.get(f.jc, `${docsUrl(c)}/${ids.team}/content`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Bescheid Marz.pdf"; filename*=UTF-8''Bescheid%20M%C3%A4rz.pdf`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(await f.auditRows('case_document.downloaded', c)).toBe(before + 1);
      expect((await f.lastAudit('case_document.downloaded')).details).toEqual({ documentId: ids.team });

      const text = await uploaded(f.soz, c, Buffer.from('Grüße\n'), { fileName: 'gruss.txt', title: 'Text' });
      const textRes = await f.get(f.soz, `${docsUrl(c)}/${text.id}/content`);
      expect(textRes.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(textRes.body).toBe('Grüße\n');
    });

    it('answers 404 for a document the caller may not see, of another case, or unknown', async () => {
      expect((await f.get(f.jc, `${docsUrl(c)}/${ids.agency}/content`)).statusCode).toBe(404);
      expect((await f.get(f.soz2, `${docsUrl(c)}/${ids.author}/content`)).statusCode).toBe(404);
      expect((await remove(f.jc, c, ids.agency)).statusCode).toBe(404);
      expect((await f.get(f.abh, `${docsUrl(c)}/${ids.team}/content`)).statusCode).toBe(404);
      const other = await f.createCase('Anderer Fall');
      expect((await f.get(f.soz, `${docsUrl(other)}/${ids.team}/content`)).statusCode).toBe(404);
      expect((await remove(f.soz, other, ids.team)).statusCode).toBe(404);
      expect((await f.get(f.soz, `${docsUrl(c)}/${RANDOM_UUID}/content`)).statusCode).toBe(404);
    });

    it('lets only the uploader’s agency remove a document, audited and on the timeline', async () => {
      const jcDoc = await list(f.jc, c);
      expect(jcDoc.items.find((d) => d.id === ids.team)!.actions.delete).toBe(false);
      const denied = await remove(f.jc, c, ids.team);
      expect(denied.statusCode).toBe(403);
      expect(problem(denied).errors?.[0]?.message).toBe(
        'Ein Dokument entfernt nur die Stelle, die es hochgeladen hat.',
      );
      // A colleague of the uploader's agency may.
      f.tick();
      const before = await f.auditRows('case_document.deleted', c);
      const res = await remove(f.soz2, c, ids.agency);
      expect(res.statusCode).toBe(204);
      expect(await f.auditRows('case_document.deleted', c)).toBe(before + 1);
      expect((await f.lastAudit('case_document.deleted')).details).toEqual({
        documentId: ids.agency,
        docType: 'medical',
      });
      expect(
        await t.database.db.select().from(caseDocumentContents).where(eq(caseDocumentContents.documentId, ids.agency)),
      ).toEqual([]);
      // The removal of an agency-only document is on the timeline for that agency only.
      expect((await f.timeline(f.soz, c, 'kind=document_removed')).page.total).toBe(1);
      expect((await f.timeline(f.jc, c, 'kind=document_removed')).page.total).toBe(0);
      expect((await remove(f.soz, c, ids.agency)).statusCode).toBe(404);
      expect((await f.get(f.soz, `${docsUrl(c)}/${ids.agency}/content`)).statusCode).toBe(404);
    });

    it('removes a document once when two requests race', async () => {
      const doc = await uploaded(f.soz, c, PDF, { title: 'Doppelt' });
      const results = await Promise.all([remove(f.soz, c, doc.id), remove(f.soz2, c, doc.id)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([204, 404]);
      expect(
        (await f.timeline(f.soz, c, 'kind=document_removed')).items.filter((e) => e.details.documentId === doc.id),
      ).toHaveLength(1);
    });
  });
});
