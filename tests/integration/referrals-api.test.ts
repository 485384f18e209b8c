import { and, asc, eq, gt } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  competenceProfiles,
  measures,
  referralCriteria,
  referralEvents,
  referrals,
} from '../../src/server/db/schema';
import { ensureReferralDefaults } from '../../src/server/modules/referrals/referrals-defaults';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Referral = {
  id: string;
  status: string;
  person: { id: string; name: string } | null;
  fromAgency: { id: string; name: string };
  toAgency: { id: string; name: string };
  followUpOn: string | null;
  overdue: boolean;
  sentDespiteFailing: boolean;
  version: number;
  ground: { kind: string; id: string } | null;
  criteriaCheck: { outcome: string; results: { outcome: string; source: string }[] } | null;
  rejectionReason: { code: string; label: { de: string } } | null;
  rejectionNote: string | null;
  startedOn: string | null;
  endedOn: string | null;
  sides: string[];
  actions: { edit: boolean; send: boolean; transitions: string[] };
  groundOptions: { kind: string; id: string }[];
  events: { fromStatus: string | null; toStatus: string; reasonCode: string | null; note: string | null }[];
};
type List = { items: Referral[]; page: { total: number } };
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

const START = new Date('2040-05-04T09:00:00Z'); // today: 2040-05-04 in Europe/Berlin
const RANDOM_UUID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe(`referrals (${engine})`, () => {
  let t: TestApp;
  let soz: Session; // Sozialamt caseworker: registers the person and refers
  let aa: Session; // Agentur für Arbeit: receiving agency
  let jc: Session; // Jobcenter: neither
  let lead: Session; // Sozialamt team lead
  let steering: Session;
  const agency = new Map<string, string>();
  let personId: string;
  let consentId: string;

  const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const problem = (res: LightMyRequestResponse, status: number): Problem => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<Problem>();
  };
  const create = (body: Record<string, unknown> = {}, session = soz, id = personId) =>
    t.request('POST', `/api/v1/people/${id}/referrals`, {
      session,
      body: { toAgencyId: agency.get('aa'), purpose: 'Vermittlung in Arbeit, Potenzialanalyse', ...body },
    });
  const get = (id: string, session: Session) => t.request('GET', `/api/v1/referrals/${id}`, { session });
  const send = (r: Referral, body: Record<string, unknown>, session = soz) =>
    t.request('POST', `/api/v1/referrals/${r.id}/send`, {
      session,
      body,
      headers: { 'if-match': `"${r.version}"` },
    });
  const move = (r: Referral, body: Record<string, unknown>, session: Session) =>
    t.request('POST', `/api/v1/referrals/${r.id}/transition`, {
      session,
      body,
      headers: { 'if-match': `"${r.version}"` },
    });
  const box = async (session: Session, query: string) =>
    ok<List>(await t.request('GET', `/api/v1/referrals?${query}`, { session }));
  const auditRows = (type: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, type), gt(auditEvents.seq, 0)))
      .orderBy(asc(auditEvents.seq));
  const setGerman = (level: string) =>
    t.database.db
      .update(competenceProfiles)
      .set({ germanOverall: level })
      .where(eq(competenceProfiles.personId, personId));
  /** Moves the clock and signs in again (a jump of days ends the sessions). */
  const travel = async (to: Date) => {
    t.clock.set(to);
    soz = await t.login('sozialamt');
    aa = await t.login('aa');
  };
  const draftAndSend = async (body: Record<string, unknown> = {}): Promise<Referral> => {
    const draft = ok<Referral>(await create(body), 201);
    return ok<Referral>(await send(draft, { ground: { kind: 'consent', consentId } }));
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    await ensureReferralDefaults(t.database.db); // the Agentur für Arbeit exists only after the seed
    soz = await t.login('sozialamt');
    aa = await t.login('aa');
    jc = await t.login('jobcenter');
    lead = await t.login('teamleitung');
    steering = await t.login('steuerung');
    const list = ok<{ items: { id: string; code: string }[] }>(
      await t.request('GET', '/api/v1/agencies', { session: soz }),
    );
    for (const a of list.items) agency.set(a.code, a.id);
    personId = ok<{ id: string }>(
      await t.request('POST', '/api/v1/people', {
        session: soz,
        body: {
          givenNames: 'Samir',
          familyName: 'Haddad',
          dateOfBirth: '1994-03-12',
          nationalities: ['SY'],
          duplicatesReviewed: true,
        },
      }),
      201,
    ).id;
    ok(
      await t.request('POST', `/api/v1/people/${personId}/residence-documents`, {
        session: soz,
        body: {
          documentType: 'aufenthaltserlaubnis',
          legalBasis: 'AufenthG 25 Abs. 2',
          issuedOn: '2039-01-10',
          validFrom: '2039-01-10',
          validUntil: '2042-01-09',
          employment: 'allowed',
          wohnsitzauflage: false,
        },
      }),
      201,
    );
    await t.database.db.insert(competenceProfiles).values({
      personId,
      agencyId: agency.get('sozialamt')!,
      profiledOn: '2040-05-01',
      germanLevels: { reading: 'B1', writing: 'B1', listening: 'B2', speaking: 'B1' },
      germanOverall: 'B1',
      createdAt: START,
      updatedAt: START,
    });
    consentId = ok<{ id: string }>(
      await t.request('POST', `/api/v1/people/${personId}/consents`, {
        session: soz,
        body: {
          categories: ['identity', 'employment_profile'],
          recipientAgencyIds: [agency.get('aa')],
          purpose: 'Vermittlung in Arbeit durch die Agentur für Arbeit',
          givenOn: '2040-05-04',
          expiresOn: '2041-05-03',
          textVersion: 1,
          textLanguage: 'ar',
          evidenceKind: 'in_person',
          evidenceNote: 'Persönlich im Sozialamt bestätigt',
        },
      }),
      201,
    ).id;
  });
  afterAll(async () => t.close());

  it('seeds the rejection reasons and the Agentur’s criteria once, never overwriting edits', async () => {
    const reasons = ok<{ items: { code: string; labelDe: string; active: boolean }[] }>(
      await t.request('GET', '/api/v1/referral-rejection-reasons', { session: aa }),
    );
    expect(reasons.items.map((r) => r.labelDe)).toContain('Sprachniveau nicht ausreichend');
    expect(reasons.items).toHaveLength(8);
    const [row] = await t.database.db
      .select()
      .from(referralCriteria)
      .where(eq(referralCriteria.agencyId, agency.get('aa')!));
    expect(row!.criteria).toEqual([
      { kind: 'german_min', level: 'B1' },
      { kind: 'labour_market_access', allowed: ['free'] },
    ]);
    await t.database.db
      .update(referralCriteria)
      .set({ criteria: [{ kind: 'german_min', level: 'A2' }] })
      .where(eq(referralCriteria.agencyId, agency.get('aa')!));
    await ensureReferralDefaults(t.database.db);
    const [again] = await t.database.db
      .select()
      .from(referralCriteria)
      .where(eq(referralCriteria.agencyId, agency.get('aa')!));
    expect(again!.criteria).toEqual([{ kind: 'german_min', level: 'A2' }]);
    await t.database.db
      .update(referralCriteria)
      .set({ criteria: row!.criteria })
      .where(eq(referralCriteria.agencyId, agency.get('aa')!));
  });

  it('happy path: draft → sent → accepted → started → completed, with history and audit', async () => {
    const draft = ok<Referral>(await create({ followUpOn: '2040-05-20', note: 'Bitte Rückmeldung' }), 201);
    expect(draft).toMatchObject({ status: 'draft', sides: ['sender'], actions: { edit: true, send: true } });
    expect(draft.groundOptions).toEqual([expect.objectContaining({ kind: 'consent', id: consentId })]);
    expect(draft.person).toEqual({ id: personId, name: 'Samir Haddad' });

    const check = ok<Referral['criteriaCheck'] & object>(
      await t.request('GET', `/api/v1/referrals/${draft.id}/criteria-check`, { session: soz }),
    );
    expect(check.outcome).toBe('met');
    expect(check.results.map((r) => r.outcome)).toEqual(['met', 'met']);

    const sent = ok<Referral>(await send(draft, { ground: { kind: 'consent', consentId } }));
    expect(sent).toMatchObject({
      status: 'sent',
      ground: { kind: 'consent', id: consentId },
      sentDespiteFailing: false,
    });
    expect(sent.criteriaCheck?.outcome).toBe('met');
    expect(sent.actions).toEqual({ edit: false, send: false, transitions: ['revoked'] });

    const inbox = await box(aa, 'box=inbox');
    expect(inbox.items.map((i) => i.id)).toContain(sent.id);
    const received = ok<Referral>(await get(sent.id, aa));
    expect(received.sides).toEqual(['receiver']);
    expect(received.actions.transitions).toEqual(['accepted', 'rejected']);
    expect(received.person?.name).toBe('Samir Haddad');

    // The sender cannot accept; the receiver cannot start before accepting.
    expect(problem(await move(received, { to: 'accepted' }, soz), 403).code).toBe('FORBIDDEN');
    expect(problem(await move(received, { to: 'started', date: '2040-05-04' }, aa), 409).code).toBe('CONFLICT');
    // If-Match is required and must be current.
    expect(
      (await t.request('POST', `/api/v1/referrals/${sent.id}/transition`, { session: aa, body: { to: 'accepted' } }))
        .statusCode,
    ).toBe(428);
    expect(problem(await move({ ...received, version: 1 }, { to: 'accepted' }, aa), 412).code).toBe(
      'PRECONDITION_FAILED',
    );

    const accepted = ok<Referral>(await move(received, { to: 'accepted', followUpOn: '2040-06-01' }, aa));
    expect(accepted).toMatchObject({ status: 'accepted', followUpOn: '2040-06-01' });
    expect(problem(await move(accepted, { to: 'started' }, aa), 400).errors!.map((e) => e.path)).toEqual(['date']);
    const started = ok<Referral>(await move(accepted, { to: 'started', date: '2040-05-04' }, aa));
    expect(started.startedOn).toBe('2040-05-04');
    // Once started, the sender can no longer revoke.
    expect(problem(await move(started, { to: 'revoked' }, soz), 409).code).toBe('CONFLICT');
    expect(problem(await move(started, { to: 'completed', date: '2040-05-03' }, aa), 400).errors![0]!.path).toBe(
      'date',
    );
    const done = ok<Referral>(await move(started, { to: 'completed' }, aa));
    expect(done).toMatchObject({ status: 'completed', endedOn: '2040-05-04', actions: { transitions: [] } });
    expect(done.events.map((e) => `${e.fromStatus}>${e.toStatus}`)).toEqual([
      'null>draft',
      'draft>sent',
      'sent>accepted',
      'accepted>started',
      'started>completed',
    ]);
    const transitions = await auditRows('referral.transitioned');
    expect(transitions.map((r) => (r.details as { toStatus: string }).toStatus)).toEqual([
      'accepted',
      'started',
      'completed',
    ]);
    const sentAudit = (await auditRows('referral.sent')).at(-1)!;
    expect(sentAudit.details).toMatchObject({ referralId: sent.id, groundKind: 'consent', sentDespiteFailing: false });
    expect(JSON.stringify(sentAudit.details)).not.toMatch(/Haddad|Samir|Potenzialanalyse/);
    expect((await auditRows('referral.viewed')).length).toBeGreaterThan(0);
    expect((await auditRows('referral.listed')).length).toBeGreaterThan(0);
  });

  it('the receiver rejects with a reason from the list and a free text', async () => {
    const sent = await draftAndSend();
    const received = ok<Referral>(await get(sent.id, aa));
    expect(problem(await move(received, { to: 'rejected' }, aa), 400).errors!.map((e) => e.path)).toEqual([
      'reasonCode',
    ]);
    expect(problem(await move(received, { to: 'rejected', reasonCode: 'made_up' }, aa), 400).errors![0]!.path).toBe(
      'reasonCode',
    );
    const rejected = ok<Referral>(
      await move(received, { to: 'rejected', reasonCode: 'no_places', note: 'Nächster Kurs ab September' }, aa),
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: { code: 'no_places', label: { de: 'Keine freien Plätze' } },
      rejectionNote: 'Nächster Kurs ab September',
    });
    expect(rejected.events.at(-1)).toMatchObject({ toStatus: 'rejected', reasonCode: 'no_places' });
    const outbox = await box(soz, 'box=outbox&status=rejected');
    expect(outbox.items.map((i) => i.id)).toEqual([sent.id]);
    const audit = (await auditRows('referral.transitioned')).at(-1)!;
    expect(audit.details).toMatchObject({ fromStatus: 'sent', toStatus: 'rejected', reasonCode: 'no_places' });
  });

  it('the sender revokes before the start; the receiver cannot revoke', async () => {
    const sent = await draftAndSend();
    expect(problem(await move(sent, { to: 'revoked' }, aa), 403).code).toBe('FORBIDDEN');
    const revoked = ok<Referral>(await move(sent, { to: 'revoked', note: 'Person ist verzogen' }, soz));
    expect(revoked.status).toBe('revoked');
    expect(problem(await move(revoked, { to: 'accepted' }, aa), 409).code).toBe('CONFLICT');
  });

  it('refuses to send without a ground in force for the receiving agency (409), and after the consent is withdrawn', async () => {
    const draft = ok<Referral>(await create(), 201);
    const noGround = problem(await send(draft, { ground: { kind: 'consent', consentId: RANDOM_UUID } }), 409);
    expect(noGround.errors![0]!.message).toContain('fehlt eine Einwilligung oder Rechtsgrundlage');
    // A consent for another agency is no ground for this one.
    const jcDraft = ok<Referral>(await create({ toAgencyId: agency.get('jobcenter') }), 201);
    expect(jcDraft.groundOptions).toEqual([]);
    problem(await send(jcDraft, { ground: { kind: 'consent', consentId } }), 409);
    expect((await auditRows('referral.send_refused')).at(-1)).toMatchObject({
      outcome: 'denied',
      details: { referralId: jcDraft.id, reason: 'no_ground' },
    });
    // Still a draft, nothing half-written.
    expect(ok<Referral>(await get(jcDraft.id, soz)).status).toBe('draft');

    // A transfer on a legal basis to the Jobcenter covering the profile is a ground.
    const transfer = ok<{ id: string }>(
      await t.request('POST', `/api/v1/people/${personId}/transfers`, {
        session: soz,
        body: {
          toAgencyId: agency.get('jobcenter'),
          categories: ['employment_profile'],
          legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X',
          purpose: 'Eingliederung in Arbeit nach SGB II',
          validUntil: '2040-12-31',
        },
      }),
      201,
    );
    const reloaded = ok<Referral>(await get(jcDraft.id, soz));
    expect(reloaded.groundOptions).toEqual([expect.objectContaining({ kind: 'transfer', id: transfer.id })]);
    const sentOnTransfer = ok<Referral>(
      await send(reloaded, { ground: { kind: 'transfer', transferId: transfer.id } }),
    );
    expect(sentOnTransfer.ground).toEqual({ kind: 'transfer', id: transfer.id });

    // The consent is withdrawn: the next send to the Agentur is refused.
    const before = ok<Referral>(await create(), 201);
    ok(await t.request('POST', `/api/v1/consents/${consentId}/withdraw`, { session: soz, body: { note: 'Widerruf' } }));
    const refused = problem(await send(before, { ground: { kind: 'consent', consentId } }), 409);
    expect(refused.errors![0]!.message).toContain('Agentur für Arbeit');
    // Record a fresh consent for the remaining tests.
    consentId = ok<{ id: string }>(
      await t.request('POST', `/api/v1/people/${personId}/consents`, {
        session: soz,
        body: {
          categories: ['identity', 'employment_profile'],
          recipientAgencyIds: [agency.get('aa')],
          purpose: 'Vermittlung in Arbeit durch die Agentur für Arbeit',
          givenOn: '2040-05-04',
          expiresOn: '2041-05-03',
          textVersion: 1,
          textLanguage: 'ar',
          evidenceKind: 'in_person',
          evidenceNote: 'Erneut persönlich bestätigt',
        },
      }),
      201,
    ).id;
  });

  it('409 listing failing criteria; sent despite them on confirmation, and recorded', async () => {
    await setGerman('A2');
    const draft = ok<Referral>(await create(), 201);
    const live = ok<{ outcome: string; results: { outcome: string }[] }>(
      await t.request('GET', `/api/v1/referrals/${draft.id}/criteria-check`, { session: soz }),
    );
    expect(live.outcome).toBe('not_met');
    expect(live.results.map((r) => r.outcome)).toEqual(['not_met', 'met']);
    const refused = problem(await send(draft, { ground: { kind: 'consent', consentId } }), 409);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]).toMatchObject({ path: 'criteria' });
    expect(refused.errors![0]!.message).toContain('Deutsch mindestens B1');
    expect((await auditRows('referral.send_refused')).at(-1)!.details).toEqual({
      referralId: draft.id,
      reason: 'criteria_not_met',
    });
    const sent = ok<Referral>(await send(draft, { ground: { kind: 'consent', consentId }, sendDespiteFailing: true }));
    expect(sent).toMatchObject({ status: 'sent', sentDespiteFailing: true });
    expect(sent.criteriaCheck!.results.map((r) => r.outcome)).toEqual(['not_met', 'met']);
    const [row] = await t.database.db.select().from(referrals).where(eq(referrals.id, draft.id));
    expect(row!.sentDespiteFailing).toBe(true);
    const events = await t.database.db.select().from(referralEvents).where(eq(referralEvents.referralId, draft.id));
    expect(events.find((e) => e.toStatus === 'sent')!.note).toContain('Deutsch mindestens B1');
    expect((await auditRows('referral.sent')).at(-1)!.details).toMatchObject({ sentDespiteFailing: true });
    await setGerman('B1');
  });

  it('the receiver never sees drafts; another agency gets 404; roles without the permission 403', async () => {
    const draft = ok<Referral>(await create(), 201);
    expect((await get(draft.id, aa)).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/referrals/${draft.id}/criteria-check`, { session: aa })).statusCode).toBe(
      404,
    );
    expect((await box(aa, 'box=inbox')).items.map((i) => i.id)).not.toContain(draft.id);
    expect((await box(soz, 'box=outbox&status=draft')).items.map((i) => i.id)).toContain(draft.id);
    expect((await get(draft.id, jc)).statusCode).toBe(404);
    expect((await get(RANDOM_UUID, soz)).statusCode).toBe(404);
    expect(problem(await move(draft, { to: 'revoked' }, jc), 404).code).toBe('NOT_FOUND');
    expect((await t.request('GET', '/api/v1/referrals?box=inbox', { session: steering })).statusCode).toBe(403);
    // A person another agency cannot see: 404 for a referral about them.
    expect((await create({}, await t.login('wohnungsamt'))).statusCode).toBe(404);
    // The team lead of the sending agency sees the agency's outbox.
    expect((await box(lead, 'box=outbox&status=draft')).items.map((i) => i.id)).toContain(draft.id);
    // Only the sender edits a draft, with If-Match.
    expect(
      (await t.request('PATCH', `/api/v1/referrals/${draft.id}`, { session: soz, body: { purpose: 'Neu' } }))
        .statusCode,
    ).toBe(428);
    const edited = ok<Referral>(
      await t.request('PATCH', `/api/v1/referrals/${draft.id}`, {
        session: soz,
        body: { purpose: 'Vermittlung in eine Maßnahme', followUpOn: '2040-06-01' },
        headers: { 'if-match': `"${draft.version}"` },
      }),
    );
    expect(edited).toMatchObject({ purpose: 'Vermittlung in eine Maßnahme', followUpOn: '2040-06-01', version: 2 });
  });

  it('validates the target: own agency, unknown agency, past follow-up, unknown measure', async () => {
    const errors = problem(
      await create({ toAgencyId: agency.get('sozialamt'), followUpOn: '2040-05-01', measureId: RANDOM_UUID }),
      400,
    ).errors!.map((e) => e.path);
    expect(errors).toEqual(expect.arrayContaining(['toAgencyId', 'followUpOn', 'measureId']));
    expect(problem(await create({ toAgencyId: RANDOM_UUID }), 400).errors![0]!.path).toBe('toAgencyId');
    expect(problem(await create({ purpose: '' }), 400).code).toBe('VALIDATION_FAILED');
  });

  it("checks a measure's eligibility with the agency's criteria; the measure belongs to the receiving agency", async () => {
    const [measure] = await t.database.db
      .insert(measures)
      .values({
        kind: 'perf',
        title: 'PerF Mülheim',
        provider: 'Bildungsträger Ruhr',
        agencyId: agency.get('aa')!,
        criteria: [{ kind: 'driving_licence', licenceClass: 'B' }],
        createdAt: START,
        updatedAt: START,
      })
      .returning({ id: measures.id });
    const draft = ok<Referral & { measure: { id: string; title: string } | null }>(
      await create({ measureId: measure!.id }),
      201,
    );
    expect(draft.measure).toEqual({ id: measure!.id, title: 'PerF Mülheim' });
    const check = ok<{ outcome: string; results: { source: string; outcome: string }[] }>(
      await t.request('GET', `/api/v1/referrals/${draft.id}/criteria-check`, { session: soz }),
    );
    expect(check.results.map((r) => `${r.source}:${r.outcome}`)).toEqual([
      'agency:met',
      'agency:met',
      'measure:not_met',
    ]);
    expect(check.outcome).toBe('not_met');
    // The measure's referrals go to the Agentur, not to the Jobcenter.
    const wrong = problem(await create({ measureId: measure!.id, toAgencyId: agency.get('jobcenter') }), 400);
    expect(wrong.errors!.map((e) => e.path)).toEqual(['measureId']);
  });

  it('flags overdue follow-ups and filters by them', async () => {
    const sent = await draftAndSend({ followUpOn: '2040-05-10' });
    expect(sent.overdue).toBe(false);
    await travel(new Date('2040-05-12T09:00:00Z'));
    const overdue = await box(soz, 'box=outbox&overdue=true');
    expect(overdue.items.map((i) => i.id)).toContain(sent.id);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect((await box(aa, 'box=inbox&overdue=true')).items.map((i) => i.id)).toContain(sent.id);
    expect((await box(soz, 'box=outbox&overdue=false')).items.map((i) => i.id)).not.toContain(sent.id);
    const sorted = await box(soz, 'box=outbox&sort=followUpOn&dir=asc&pageSize=2&page=1');
    expect(sorted.items).toHaveLength(2);
    expect(sorted.page.total).toBeGreaterThan(2);
    // Accepting with a new follow-up date clears the flag.
    const received = ok<Referral>(await get(sent.id, aa));
    const accepted = ok<Referral>(await move(received, { to: 'accepted', followUpOn: '2040-06-15' }, aa));
    expect(accepted.overdue).toBe(false);
    await travel(START);
  });

  it('team leads maintain the rejection reasons; caseworkers may not', async () => {
    const current = ok<{ items: { code: string; labelDe: string; labelEn: string; active: boolean }[] }>(
      await t.request('GET', '/api/v1/referral-rejection-reasons', { session: soz }),
    );
    expect(
      (await t.request('PUT', '/api/v1/referral-rejection-reasons', { session: soz, body: current })).statusCode,
    ).toBe(403);
    const next = {
      items: [
        ...current.items.filter((r) => r.code !== 'other'),
        { code: 'waiting_list', labelDe: 'Warteliste', labelEn: 'Waiting list', active: true },
      ],
    };
    const saved = ok<{ items: { code: string; active: boolean }[] }>(
      await t.request('PUT', '/api/v1/referral-rejection-reasons', { session: lead, body: next }),
    );
    expect(saved.items.find((r) => r.code === 'waiting_list')).toMatchObject({ active: true });
    expect(saved.items.at(-1)).toMatchObject({ code: 'other', active: false });
    const dup = problem(
      await t.request('PUT', '/api/v1/referral-rejection-reasons', {
        session: lead,
        body: { items: [next.items[0], next.items[0]] },
      }),
      400,
    );
    expect(dup.errors![0]!.path).toBe('items.1.code');
  });
});
