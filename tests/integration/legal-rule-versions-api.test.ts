import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleVersions } from '../../src/shared/domain/legal/rule-versions';
import { auditEvents, legalEvaluations, legalHandovers } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Impact = {
  version: string;
  asOf: string;
  total: number;
  unchanged: number;
  changed: number;
  firstEvaluations: number;
  notEvaluable: number;
  benefitTransitions: { from: string; to: string; count: number }[];
  agencyTransitions: { from: string; to: string; count: number }[];
  handoversToOpen: number;
  handoversToCancel: number;
};
type Versions = {
  today: string;
  current: string;
  items: { version: string; validFrom: string; status: string; added: { id: string; citation: string }[] }[];
};

// Tuesday 24.11.2026, 11:00 in Berlin.
const NOW = new Date('2026-11-24T10:00:00Z');
const VERSION = ruleVersions[ruleVersions.length - 1]!.version;

const gestattung = {
  documentType: 'aufenthaltsgestattung',
  issuedOn: '2026-03-02',
  validUntil: '2027-03-01',
  employment: 'with_permission',
};
const permit25 = {
  documentType: 'aufenthaltserlaubnis',
  legalBasis: 'AufenthG 25 Abs. 2',
  issuedOn: '2026-06-01',
  validUntil: '2029-11-01',
  employment: 'allowed',
};

describe('rule versions: list, preview, apply', () => {
  let t: TestApp;
  let admin: Session;
  let sozialamt: Session;
  const ids: Record<string, string> = {};

  const createPerson = async (familyName: string, document: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/v1/people', {
      session: sozialamt,
      body: {
        duplicatesReviewed: true,
        givenNames: 'Amal',
        familyName,
        dateOfBirth: '1991-02-14',
        nationalities: ['SY'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const doc = await t.request('POST', `/api/v1/people/${id}/residence-documents`, {
      session: sozialamt,
      body: document,
    });
    expect(doc.statusCode, doc.body).toBe(201);
    return id;
  };
  const stale = (personId: string, benefitSystem: string, responsibleAgencyKind: string) =>
    t.database.db
      .update(legalEvaluations)
      .set({ benefitSystem, responsibleAgencyKind, ruleSetVersion: 'old' })
      .where(eq(legalEvaluations.personId, personId));
  const preview = (session = admin, version = VERSION) =>
    t.request('POST', `/api/v1/legal/rule-versions/${version}/preview`, { session });
  const apply = (expectedChanged: number, session = admin, version = VERSION) =>
    t.request('POST', `/api/v1/legal/rule-versions/${version}/apply`, { session, body: { expectedChanged } });
  const rows = async () => ({
    evaluations: await t.database.db.select().from(legalEvaluations).orderBy(legalEvaluations.personId),
    handovers: (await t.database.db.select({ n: count() }).from(legalHandovers))[0]!.n,
  });
  const auditOf = (type: string) => t.database.db.select().from(auditEvents).where(eq(auditEvents.type, type));

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    admin = await t.login('admin');
    sozialamt = await t.login('sozialamt');
    ids.same = await createPerson('Gleich', gestattung);
    ids.toSgb2 = await createPerson('Wechsel', permit25);
    ids.back = await createPerson('Zurück', gestattung);
    ids.first = await createPerson('Erstbewertung', gestattung);
    // Simulate results of an older rule set: the stored evaluation no longer matches the engine.
    await stale(ids.toSgb2, 'asylblg_basic', 'sozialamt');
    await stale(ids.back, 'sgb2', 'jobcenter');
    await t.database.db.delete(legalEvaluations).where(eq(legalEvaluations.personId, ids.first));
  });
  afterAll(async () => t.close());

  it('lists the versions with status and rules for everyone', async () => {
    const res = await t.request('GET', '/api/v1/legal/rule-versions', { session: sozialamt });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Versions>();
    expect(body.today).toBe('2026-11-24');
    expect(body.current).toBe(VERSION);
    const v = body.items.find((i) => i.version === VERSION)!;
    expect(v.status).toBe('in_force');
    expect(v.added.find((r) => r.id === 'benefit.gestattung_asylblg')?.citation).toBe('§ 1 Abs. 1 Nr. 1 AsylbLG');
  });

  it('a caseworker may neither preview nor apply', async () => {
    expect((await preview(sozialamt)).statusCode).toBe(403);
    expect((await apply(0, sozialamt)).statusCode).toBe(403);
  });

  it('an unknown version is 404', async () => {
    expect((await preview(admin, 'no-such-version')).statusCode).toBe(404);
    expect((await apply(0, admin, 'no-such-version')).statusCode).toBe(404);
  });

  it('the preview counts whom the version affects and writes nothing but one audit row', async () => {
    const before = await rows();
    const res = await preview();
    expect(res.statusCode, res.body).toBe(200);
    const impact = res.json<Impact>();
    expect(impact).toMatchObject({
      version: VERSION,
      asOf: '2026-11-24',
      total: 4,
      unchanged: 1,
      changed: 2,
      firstEvaluations: 1,
      notEvaluable: 0,
      handoversToOpen: 2,
      handoversToCancel: 0,
    });
    expect(impact.benefitTransitions).toEqual(
      expect.arrayContaining([
        { from: 'asylblg_basic', to: 'sgb2', count: 1 },
        { from: 'sgb2', to: 'asylblg_basic', count: 1 },
      ]),
    );
    expect(impact.agencyTransitions).toEqual(
      expect.arrayContaining([
        { from: 'sozialamt', to: 'jobcenter', count: 1 },
        { from: 'jobcenter', to: 'sozialamt', count: 1 },
      ]),
    );
    // Counts only: no person id or name in the answer.
    for (const id of Object.values(ids)) expect(res.body).not.toContain(id);
    expect(res.body).not.toContain('Wechsel');
    expect(await rows()).toEqual(before);
    const audit = await auditOf('legal.rule_version_previewed');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ version: VERSION, counts: { changed: 2, handoversToOpen: 2 } });
  });

  it('apply refuses when the confirmed preview no longer holds', async () => {
    const before = await rows();
    const res = await apply(3);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('body.expectedChanged');
    expect(await rows()).toEqual(before);
    expect((await apply(-1)).statusCode).toBe(400);
  });

  it('apply re-evaluates everybody, opens the handovers, and a second preview shows no change', async () => {
    const res = await apply(2);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Impact & { handoversOpened: number; handoversCancelled: number }>()).toMatchObject({
      total: 4,
      changed: 2,
      firstEvaluations: 1,
      handoversOpened: 2,
      handoversCancelled: 0,
    });
    const handovers = await t.database.db.select().from(legalHandovers);
    expect(handovers.map((h) => `${h.fromBenefitSystem}>${h.toBenefitSystem}`).sort()).toEqual([
      'asylblg_basic>sgb2',
      'sgb2>asylblg_basic',
    ]);
    const evaluations = await t.database.db.select().from(legalEvaluations);
    expect(evaluations).toHaveLength(4);
    expect(new Set(evaluations.map((e) => e.ruleSetVersion))).toEqual(new Set([VERSION]));
    expect(await auditOf('legal.handover_opened')).toHaveLength(2);
    const summary = await auditOf('legal.rule_version_applied');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.details).toMatchObject({ counts: { changed: 2, handoversOpened: 2 } });

    const again = (await preview()).json<Impact>();
    expect(again).toMatchObject({ total: 4, unchanged: 4, changed: 0, firstEvaluations: 0, handoversToOpen: 0 });
    // Nothing left to change: applying again opens nothing.
    const second = await apply(0);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<{ handoversOpened: number }>().handoversOpened).toBe(0);
    expect(await t.database.db.select().from(legalHandovers)).toHaveLength(2);
  });

  it('a version whose start date lies ahead is announced: preview at its start, no apply', async () => {
    t.clock.set(new Date('2022-03-01T10:00:00Z'));
    try {
      const list = (await t.request('GET', '/api/v1/legal/rule-versions', { session: admin })).json<Versions>();
      expect(list.items.find((i) => i.version === VERSION)!.status).toBe('announced');
      const res = await preview();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Impact>().asOf).toBe(ruleVersions[ruleVersions.length - 1]!.validFrom);
      expect((await apply(0)).statusCode).toBe(409);
    } finally {
      t.clock.set(NOW);
    }
  });
});
