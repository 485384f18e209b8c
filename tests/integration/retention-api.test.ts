import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  caseDocumentContents,
  caseDocuments,
  caseNotes,
  cases,
  people,
  personIdentifiers,
  personNameVariants,
} from '../../src/server/db/schema';
import type { LegalHold, PurgeRun, RetentionPolicyList } from '../../src/shared/contracts/retention';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';
import { caseRecordsFixture, type CaseRecordsFixture } from './case-records.fixtures';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const DAY = 86_400_000;

describe(`retention periods, purge job and legal holds (${engine})`, () => {
  let t: TestApp;
  let f: CaseRecordsFixture;
  let admin: Session;
  let dsb: Session;
  let lead: Session;

  const db = () => t.database.db;
  const upload = async (session: Session, caseId: string, retentionClass: string) => {
    f.tick();
    const query = new URLSearchParams({ docType: 'other', title: 'Nachweis', retentionClass, fileName: 'n.pdf' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents?${query.toString()}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const personOf = async (caseId: string) =>
    (await db().select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId)))[0]!.personId;
  const run = async (session: Session, dryRun: boolean) => {
    const res = await t.request('POST', '/api/v1/retention/runs', { session, body: { dryRun } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PurgeRun>();
  };
  const documentExists = async (id: string) =>
    (await db().select({ n: count() }).from(caseDocuments).where(eq(caseDocuments.id, id)))[0]!.n > 0;
  const purgedAudits = async (subjectId: string) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'retention.purged'), eq(auditEvents.subjectId, subjectId)));

  beforeAll(async () => {
    t = await createTestApp();
    f = await caseRecordsFixture(t, 'Aufbewahrungsprobe');
    admin = await t.login('admin');
    dsb = await t.login('dsb');
    lead = await t.login('teamleitung');
  });
  afterAll(async () => t.close());

  describe('policies', () => {
    it('lists the default period of every record class, read-only for the data protection officer', async () => {
      const res = await t.request('GET', '/api/v1/retention/policies', { session: dsb });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<RetentionPolicyList>();
      expect(body.actions.manage).toBe(false);
      expect(body.items.map((p) => [p.recordClass, p.years, p.action])).toEqual([
        ['case_file', 10, 'delete'],
        ['proof_short', 2, 'delete'],
        ['identity_copy', 0, 'delete'],
        ['health', 10, 'delete'],
        ['case', 10, 'anonymise'],
        ['person', 10, 'anonymise'],
      ]);
      const asAdmin = await t.request('GET', '/api/v1/retention/policies', { session: admin });
      expect(asAdmin.json<RetentionPolicyList>().actions.manage).toBe(true);
      expect((await t.request('GET', '/api/v1/retention/policies', { session: f.soz })).statusCode).toBe(403);
      expect(
        (
          await t.request('PUT', '/api/v1/retention/policies/case_file', {
            session: dsb,
            body: { years: 5, action: 'delete' },
          })
        ).statusCode,
      ).toBe(403);
    });

    it('lets the administrator change a period, audited, and refuses what the job cannot do', async () => {
      const res = await t.request('PUT', '/api/v1/retention/policies/proof_short', {
        session: admin,
        body: { years: 3, action: 'delete' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const changed = res.json<RetentionPolicyList>().items.find((p) => p.recordClass === 'proof_short')!;
      expect(changed).toMatchObject({ years: 3, defaultYears: 2, action: 'delete' });
      expect(changed.updatedAt).not.toBeNull();
      const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.type, 'retention.policy_updated'));
      expect(audit).toMatchObject({
        subjectType: 'retention_policy',
        subjectId: 'proof_short',
        actorUserId: admin.userId,
        details: { recordClass: 'proof_short', years: 3, action: 'delete', previousYears: 2, previousAction: 'delete' },
      });
      const put = (recordClass: string, body: unknown) =>
        t.request('PUT', `/api/v1/retention/policies/${recordClass}`, { session: admin, body });
      expect((await put('person', { years: 10, action: 'delete' })).statusCode).toBe(400);
      expect((await put('case_file', { years: 10, action: 'anonymise' })).statusCode).toBe(400);
      expect((await put('case', { years: 31, action: 'anonymise' })).statusCode).toBe(400);
      expect((await put('case', { years: -1, action: 'anonymise' })).statusCode).toBe(400);
      expect((await put('nothing', { years: 1, action: 'delete' })).statusCode).toBe(400);
      // Back to the default for the purge tests below.
      expect((await put('proof_short', { years: 2, action: 'delete' })).statusCode).toBe(200);
    });
  });

  describe('legal holds', () => {
    it('a team lead places and releases holds on what the agency sees; others get 404', async () => {
      const caseId = await f.createCase('Sperrvermerk');
      const tooShort = await t.request('POST', '/api/v1/legal-holds', {
        session: lead,
        body: { subjectType: 'case', subjectId: caseId, reason: 'kurz' },
      });
      expect(tooShort.statusCode).toBe(400);
      const placed = await t.request('POST', '/api/v1/legal-holds', {
        session: lead,
        body: { subjectType: 'case', subjectId: caseId, reason: 'Klageverfahren vor dem Sozialgericht' },
      });
      expect(placed.statusCode, placed.body).toBe(201);
      const hold = placed.json<LegalHold>();
      expect(hold).toMatchObject({
        subjectType: 'case',
        subjectId: caseId,
        releasedAt: null,
        placedBy: { id: lead.userId },
      });
      const again = await t.request('POST', '/api/v1/legal-holds', {
        session: lead,
        body: { subjectType: 'case', subjectId: caseId, reason: 'Klageverfahren vor dem Sozialgericht' },
      });
      expect(again.statusCode).toBe(409);

      // A team lead of the Jobcenter does not see the Sozialamt's case.
      const created = await t.request('POST', '/api/v1/users', {
        session: admin,
        body: {
          username: 'tl-jobcenter',
          displayName: 'Teamleitung Jobcenter',
          agencyId: f.agency.jobcenter,
          teamId: null,
          roles: ['team_lead'],
          initialPassword: 'ein-langes-passwort-123',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const jcLead = await t.login('tl-jobcenter', 'ein-langes-passwort-123');
      const foreign = await t.request('POST', '/api/v1/legal-holds', {
        session: jcLead,
        body: { subjectType: 'case', subjectId: caseId, reason: 'Klageverfahren vor dem Sozialgericht' },
      });
      expect(foreign.statusCode).toBe(404);
      expect(
        (
          await t.request('POST', `/api/v1/legal-holds/${hold.id}/release`, {
            session: jcLead,
            body: { note: 'Verfahren abgeschlossen' },
          })
        ).statusCode,
      ).toBe(404);
      const jcList = await t.request('GET', '/api/v1/legal-holds', { session: jcLead });
      expect(jcList.json<{ items: LegalHold[] }>().items.map((h) => h.id)).not.toContain(hold.id);
      const leadList = await t.request('GET', '/api/v1/legal-holds', { session: lead });
      expect(leadList.json<{ items: LegalHold[] }>().items.map((h) => h.id)).toContain(hold.id);
      // Caseworkers have no say on holds.
      expect((await t.request('GET', '/api/v1/legal-holds', { session: f.soz })).statusCode).toBe(403);

      f.tick();
      // A release needs its reason.
      const noNote = await t.request('POST', `/api/v1/legal-holds/${hold.id}/release`, { session: dsb, body: {} });
      expect(noNote.statusCode).toBe(400);
      const released = await t.request('POST', `/api/v1/legal-holds/${hold.id}/release`, {
        session: dsb,
        body: { note: 'Klageverfahren rechtskräftig abgeschlossen' },
      });
      expect(released.statusCode, released.body).toBe(200);
      expect(released.json<LegalHold>().releasedBy?.id).toBe(dsb.userId);
      expect(released.json<LegalHold>().releaseNote).toBe('Klageverfahren rechtskräftig abgeschlossen');
      expect(
        (
          await t.request('POST', `/api/v1/legal-holds/${hold.id}/release`, {
            session: dsb,
            body: { note: 'Klageverfahren rechtskräftig abgeschlossen' },
          })
        ).statusCode,
      ).toBe(409);
      const audits = await db()
        .select({ type: auditEvents.type, details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, caseId));
      expect(audits.filter((a) => a.type.startsWith('legal_hold.'))).toEqual([
        { type: 'legal_hold.placed', details: { holdId: hold.id } },
        { type: 'legal_hold.released', details: { holdId: hold.id } },
      ]);
      const active = await t.request('GET', '/api/v1/legal-holds', { session: dsb });
      expect(active.json<{ items: LegalHold[] }>().items.map((h) => h.id)).not.toContain(hold.id);
      const all = await t.request('GET', '/api/v1/legal-holds?status=all', { session: dsb });
      expect(all.json<{ items: LegalHold[] }>().items.map((h) => h.id)).toContain(hold.id);
    });
  });

  describe('the purge job (clock-controlled)', () => {
    it('deletes due documents, anonymises closed cases and people, keeps what a hold covers, and the chain verifies', async () => {
      // Case A: closed now, with an ID copy (due at closure), a case-file document (10 years) and a note.
      const caseA = await f.createCase('Fall A mit Geschichte');
      const personA = await personOf(caseA);
      await db().insert(personIdentifiers).values({ personId: personA, kind: 'azr', value: '998877665544' });
      await db()
        .insert(personNameVariants)
        .values({ personId: personA, kind: 'alias', givenNames: 'Testi', familyName: 'Alias', position: 0 });
      const idCopy = await upload(f.soz, caseA, 'identity_copy');
      const caseFile = await upload(f.soz, caseA, 'case_file');
      f.tick();
      const note = await f.post(f.soz, `/api/v1/cases/${caseA}/notes`, {
        kind: 'contact',
        occurredAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        subject: 'Gespräch',
        body: 'Vertrauliche Einzelheiten',
      });
      expect(note.statusCode, note.body).toBe(201);
      await f.closeCase(caseA);
      // Case B: closed too, but under a legal hold.
      const caseB = await f.createCase('Fall B unter Sperrvermerk');
      const personB = await personOf(caseB);
      const idCopyB = await upload(f.soz, caseB, 'identity_copy');
      await f.closeCase(caseB);
      const hold = await t.request('POST', '/api/v1/legal-holds', {
        session: dsb,
        body: { subjectType: 'case', subjectId: caseB, reason: 'Prüfung durch den Landesrechnungshof' },
      });
      expect(hold.statusCode, hold.body).toBe(201);
      // Case C: still open; its ID copy is not due.
      const caseC = await f.createCase('Fall C offen');
      const idCopyC = await upload(f.soz, caseC, 'identity_copy');
      f.tick();

      // A dry run counts the ID copy of A and the held one of B, and changes nothing.
      const seqBefore = (await db().select({ n: count() }).from(auditEvents))[0]!.n;
      const dry = await run(admin, true);
      expect(dry).toMatchObject({ dryRun: true, triggeredBy: { id: admin.userId } });
      expect(dry.counts).toEqual({
        documentsDeleted: 1,
        casesAnonymised: 0,
        casesDeleted: 0,
        peopleAnonymised: 0,
        keptByLegalHold: 1,
      });
      expect(await documentExists(idCopy)).toBe(true);
      expect((await purgedAudits(caseA)).length).toBe(0);
      // Only the run itself is recorded.
      expect((await db().select({ n: count() }).from(auditEvents))[0]!.n).toBe(seqBefore + 1);

      // The real run deletes the ID copy of A (row and content) and nothing else.
      f.tick();
      const first = await run(admin, false);
      expect(first.counts).toEqual({
        documentsDeleted: 1,
        casesAnonymised: 0,
        casesDeleted: 0,
        peopleAnonymised: 0,
        keptByLegalHold: 1,
      });
      expect(await documentExists(idCopy)).toBe(false);
      expect(
        (
          await db()
            .select({ n: count() })
            .from(caseDocumentContents)
            .where(eq(caseDocumentContents.documentId, idCopy))
        )[0]!.n,
      ).toBe(0);
      expect(await documentExists(caseFile)).toBe(true);
      expect(await documentExists(idCopyB)).toBe(true);
      expect(await documentExists(idCopyC)).toBe(true);
      const [docAudit] = await purgedAudits(caseA);
      expect(docAudit).toMatchObject({
        subjectType: 'case',
        actorUserId: admin.userId,
        details: { runId: first.id, recordClass: 'identity_copy', subjectId: idCopy, action: 'delete' },
      });

      // Ten years and a few days later: case A and person A are due; B and its person are held;
      // C is open, so neither it nor its person is touched.
      t.clock.set(new Date(t.clock.now().getTime() + (10 * 365 + 5) * DAY));
      admin = await t.login('admin');
      dsb = await t.login('dsb');
      const later = await run(admin, false);
      expect(later.counts.documentsDeleted).toBe(1); // the case file of A
      expect(later.counts.casesAnonymised).toBe(1);
      expect(later.counts.peopleAnonymised).toBe(1);
      // Held: B's ID copy, case B and person B.
      expect(later.counts.keptByLegalHold).toBe(3);

      const [a] = await db().select().from(cases).where(eq(cases.id, caseA));
      expect(a).toMatchObject({ title: 'Gelöscht', phase: 'closure', closureOutcome: null });
      expect(a!.closedAt).not.toBeNull();
      expect(a!.anonymisedAt).not.toBeNull();
      expect((await db().select({ n: count() }).from(caseNotes).where(eq(caseNotes.caseId, caseA)))[0]!.n).toBe(0);
      expect((await db().select({ n: count() }).from(caseDocuments).where(eq(caseDocuments.caseId, caseA)))[0]!.n).toBe(
        0,
      );
      const [pa] = await db().select().from(people).where(eq(people.id, personA));
      expect(pa).toMatchObject({
        givenNames: 'Gelöscht',
        familyName: 'Gelöscht',
        dateOfBirthRaw: '1990',
        dobYear: 1990,
        dobMonth: null,
        dobDay: null,
        blockingKeys: [],
      });
      expect(pa!.anonymisedAt).not.toBeNull();
      expect(
        (await db().select({ n: count() }).from(personIdentifiers).where(eq(personIdentifiers.personId, personA)))[0]!
          .n,
      ).toBe(0);
      expect(
        (await db().select({ n: count() }).from(personNameVariants).where(eq(personNameVariants.personId, personA)))[0]!
          .n,
      ).toBe(0);
      const personAudits = await purgedAudits(personA);
      expect(personAudits.map((r) => r.details)).toEqual([
        { runId: later.id, recordClass: 'person', subjectId: personA, action: 'anonymise' },
      ]);

      const [b] = await db().select().from(cases).where(eq(cases.id, caseB));
      expect(b!.title).toBe('Fall B unter Sperrvermerk');
      expect(await documentExists(idCopyB)).toBe(true);
      const [pb] = await db().select().from(people).where(eq(people.id, personB));
      expect(pb!.familyName).not.toBe('Gelöscht');
      expect(await documentExists(idCopyC)).toBe(true);
      const [pc] = await db()
        .select()
        .from(people)
        .where(eq(people.id, await personOf(caseC)));
      expect(pc!.familyName).not.toBe('Gelöscht');

      // A second run finds nothing new: anonymised records are not purged twice.
      f.tick();
      const again = await run(admin, true);
      expect(again.counts).toEqual({
        documentsDeleted: 0,
        casesAnonymised: 0,
        casesDeleted: 0,
        peopleAnonymised: 0,
        keptByLegalHold: 3,
      });

      // The chain still verifies: purging never touches audit rows.
      const verify = await t.request('GET', '/api/v1/audit/verify', { session: dsb });
      expect(verify.statusCode).toBe(200);
      expect(verify.json<{ ok: boolean }>().ok).toBe(true);

      const runs = await t.request('GET', '/api/v1/retention/runs', { session: dsb });
      expect(runs.statusCode).toBe(200);
      expect(runs.json<{ items: PurgeRun[] }>().items.map((r) => [r.id, r.dryRun])).toEqual([
        [again.id, true],
        [later.id, false],
        [first.id, false],
        [dry.id, true],
      ]);
      expect(
        (await t.request('POST', '/api/v1/retention/runs', { session: dsb, body: { dryRun: true } })).statusCode,
      ).toBe(403);
    });
  });
});
