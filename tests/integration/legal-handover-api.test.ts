import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, legalEvaluations } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Handover = {
  id: string;
  personId: string;
  fromBenefitSystem: string;
  toBenefitSystem: string;
  fromAgencyKind: string;
  toAgencyKind: string;
  effectiveOn: string;
  dueOn: string;
  overdue: boolean;
  owner: { id: string; displayName: string } | null;
  status: string;
  checklist: { key: string; done: boolean; doneAt: string | null; doneBy: { id: string } | null }[];
  cancelReason: string | null;
  closedAt: string | null;
  version: number;
};
type Board = { items: { person: { id: string; familyName: string }; handover: Handover }[]; page: { total: number } };
type Problem = { status: number; errors?: { path: string }[] };

// Tuesday 03.11.2026, 11:00 in Berlin.
const NOW = new Date('2026-11-03T10:00:00Z');

const gestattung = {
  documentType: 'aufenthaltsgestattung',
  issuedOn: '2026-03-02',
  validUntil: '2027-03-01',
  employment: 'with_permission',
};
const permit25 = (issuedOn: string) => ({
  documentType: 'aufenthaltserlaubnis',
  legalBasis: 'AufenthG 25 Abs. 2',
  issuedOn,
  validUntil: '2029-11-01',
  employment: 'allowed',
});

describe('Rechtskreiswechsel: re-evaluation, handover, board', () => {
  let t: TestApp;
  let sozialamt: Session;
  let jobcenter: Session;
  let teamleitung: Session;

  const login = async () => {
    sozialamt = await t.login('sozialamt');
    jobcenter = await t.login('jobcenter');
    teamleitung = await t.login('teamleitung');
  };
  const createPerson = async (familyName: string) => {
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
    return res.json<{ id: string }>().id;
  };
  const addDocument = async (personId: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', `/api/v1/people/${personId}/residence-documents`, { session: sozialamt, body });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json<{ id: string }>().id, etag: String(res.headers.etag) };
  };
  const handoversOf = async (personId: string, session = sozialamt) => {
    const res = await t.request('GET', `/api/v1/people/${personId}/handovers`, { session });
    return { res, items: res.statusCode === 200 ? res.json<{ items: Handover[] }>().items : [] };
  };
  const board = async (status: string, session = sozialamt, page = 1) => {
    const res = await t.request('GET', `/api/v1/legal-handovers?status=${status}&page=${page}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Board>();
  };
  const patch = (id: string, body: unknown, version: number | null, session = sozialamt) =>
    t.request('PATCH', `/api/v1/legal-handovers/${id}`, {
      session,
      body,
      headers: version === null ? {} : { 'if-match': `"${version}"` },
    });
  const openedEvents = async (personId: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'legal.handover_opened'), eq(auditEvents.subjectId, personId)));

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    await login();
  });
  afterAll(async () => t.close());

  let personId: string;
  let handover: Handover;

  it('a first document is evaluated and stored, but opens no handover', async () => {
    personId = await createPerson('Übergabetest');
    await addDocument(personId, gestattung);
    const stored = await t.database.db.select().from(legalEvaluations).where(eq(legalEvaluations.personId, personId));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ benefitSystem: 'asylblg_basic', responsibleAgencyKind: 'sozialamt' });
    // Rule ids only: no facts in the stored result.
    expect(Object.keys(stored[0]!.result)).toEqual(['ruleIds']);
    const { res, items } = await handoversOf(personId);
    expect(res.statusCode, res.body).toBe(200);
    expect(items).toEqual([]);
  });

  it('a residence permit § 25 Abs. 2 opens one handover AsylbLG → SGB II with checklist and deadlines', async () => {
    const permit = await addDocument(personId, permit25('2026-11-02'));
    const { items } = await handoversOf(personId);
    expect(items).toHaveLength(1);
    handover = items[0]!;
    expect(handover).toMatchObject({
      personId,
      fromBenefitSystem: 'asylblg_basic',
      toBenefitSystem: 'sgb2',
      fromAgencyKind: 'sozialamt',
      toAgencyKind: 'jobcenter',
      // § 1 Abs. 3 AsylbLG: the AsylbLG runs to the end of the month; due 14 days before.
      effectiveOn: '2026-11-30',
      dueOn: '2026-11-16',
      overdue: false,
      status: 'open',
      owner: null,
      version: 1,
    });
    expect(handover.checklist.map((c) => c.key)).toEqual([
      'sgb2_application_filed',
      'jobcenter_first_appointment',
      'previous_benefits_ended',
      'data_passed_lawfully',
      'accommodation_checked',
    ]);
    expect(handover.checklist.every((c) => !c.done)).toBe(true);

    // Changing the permit again re-evaluates, but the same transition does not open a second one.
    const change = await t.request('PATCH', `/api/v1/people/${personId}/residence-documents/${permit.id}`, {
      session: sozialamt,
      body: { validUntil: '2029-10-31' },
      headers: { 'if-match': permit.etag },
    });
    expect(change.statusCode, change.body).toBe(200);
    expect((await handoversOf(personId)).items).toHaveLength(1);

    const events = await openedEvents(personId);
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ handoverId: handover.id, from: 'asylblg_basic', to: 'sgb2' });
    expect(JSON.stringify(events[0]!.details)).not.toContain('Übergabetest');
  });

  it('the board lists it for the agency that sees the person; another agency sees neither the handover nor the person', async () => {
    const open = await board('open');
    expect(open.items.map((i) => i.handover.id)).toContain(handover.id);
    expect(open.items.find((i) => i.handover.id === handover.id)?.person.familyName).toBe('Übergabetest');
    expect((await board('overdue')).items).toEqual([]);

    expect((await handoversOf(personId, jobcenter)).res.statusCode).toBe(404);
    expect(
      (await patch(handover.id, { checklist: [{ key: 'sgb2_application_filed', done: true }] }, 1, jobcenter))
        .statusCode,
    ).toBe(404);
    expect((await board('open', jobcenter)).items).toEqual([]);
  });

  it('changes need If-Match; the owner must be a colleague of the own agency', async () => {
    expect((await patch(handover.id, { ownerUserId: teamleitung.userId }, null)).statusCode).toBe(428);
    expect((await patch(handover.id, { ownerUserId: teamleitung.userId }, 7)).statusCode).toBe(412);
    const foreign = await patch(handover.id, { ownerUserId: jobcenter.userId }, 1);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.ownerUserId']);
    const res = await patch(handover.id, { ownerUserId: teamleitung.userId }, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    handover = res.json<Handover>();
    expect(handover.owner?.id).toBe(teamleitung.userId);
  });

  it('the receiving agency works the checklist once it is on a case team of the person', async () => {
    const agencies = (await t.request('GET', '/api/v1/agencies', { session: sozialamt })).json<{
      items: { id: string; code: string }[];
    }>().items;
    const jobcenterId = agencies.find((a) => a.code === 'jobcenter')!.id;
    const created = await t.request('POST', '/api/v1/cases', {
      session: sozialamt,
      body: { personId, title: 'Übergang in das SGB II' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const joined = await t.request('POST', `/api/v1/cases/${created.json<{ id: string }>().id}/team`, {
      session: sozialamt,
      body: {
        agencyId: jobcenterId,
        role: 'participant',
        basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['residence_status'] },
      },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    // The Jobcenter now sees the handover and ticks the item that is its own.
    expect((await handoversOf(personId, jobcenter)).items.map((h) => h.id)).toContain(handover.id);
    const res = await patch(
      handover.id,
      { checklist: [{ key: 'jobcenter_first_appointment', done: true }] },
      handover.version,
      jobcenter,
    );
    expect(res.statusCode, res.body).toBe(200);
    handover = res.json<Handover>();
    expect(handover.checklist.find((i) => i.key === 'jobcenter_first_appointment')?.done).toBe(true);
    // Unticked again, so that the later steps start from the same list.
    const back = await patch(
      handover.id,
      { checklist: [{ key: 'jobcenter_first_appointment', done: false }] },
      handover.version,
      jobcenter,
    );
    expect(back.statusCode, back.body).toBe(200);
    handover = back.json<Handover>();
  });

  it('is overdue once the clock passes the due date, and listed before handovers still in time', async () => {
    t.clock.set(new Date('2026-11-17T09:00:00Z'));
    await login();
    // A second recognition recorded today: due today, so not overdue yet.
    const other = await createPerson('Rechtzeitig');
    await addDocument(other, gestattung);
    await addDocument(other, permit25('2026-11-17'));
    const [later] = (await handoversOf(other)).items;
    expect(later).toMatchObject({ effectiveOn: '2026-11-30', dueOn: '2026-11-17', overdue: false });

    const overdue = await board('overdue');
    expect(overdue.items.map((i) => i.handover.id)).toEqual([handover.id]);
    expect(overdue.items[0]!.handover.overdue).toBe(true);
    const open = await board('open');
    expect(open.items.map((i) => i.handover.id)).toEqual([handover.id, later!.id]);
    expect(open.page.total).toBe(2);
  });

  it('is done only when every item is ticked; closed handovers do not change', async () => {
    const early = await patch(handover.id, { status: 'done' }, handover.version);
    expect(early.statusCode).toBe(400);
    expect(early.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.status']);

    const unknownItem = await patch(
      handover.id,
      { checklist: [{ key: 'jugendamt_informed', done: true }] },
      handover.version,
    );
    expect(unknownItem.statusCode).toBe(400);

    const tick = await patch(
      handover.id,
      { checklist: handover.checklist.slice(0, 4).map((c) => ({ key: c.key, done: true })) },
      handover.version,
    );
    expect(tick.statusCode, tick.body).toBe(200);
    handover = tick.json<Handover>();
    expect(handover.checklist.filter((c) => c.done)).toHaveLength(4);
    expect(handover.checklist[0]!.doneBy?.id).toBe(sozialamt.userId);
    expect((await patch(handover.id, { status: 'done' }, handover.version)).statusCode).toBe(400);

    const done = await patch(
      handover.id,
      { checklist: [{ key: 'accommodation_checked', done: true }], status: 'done' },
      handover.version,
    );
    expect(done.statusCode, done.body).toBe(200);
    handover = done.json<Handover>();
    expect(handover).toMatchObject({ status: 'done', overdue: false });
    expect(handover.closedAt).not.toBeNull();

    expect((await board('overdue')).items).toEqual([]);
    expect((await board('done')).items.map((i) => i.handover.id)).toEqual([handover.id]);
    const again = await patch(
      handover.id,
      { checklist: [{ key: 'accommodation_checked', done: false }] },
      handover.version,
    );
    expect(again.statusCode).toBe(409);
  });

  it('cancelling needs a reason', async () => {
    const [open] = (await board('open')).items;
    const id = open!.handover.id;
    const noReason = await patch(id, { status: 'cancelled' }, open!.handover.version);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.cancelReason']);
    const res = await patch(id, { status: 'cancelled', cancelReason: 'Person ist verzogen.' }, open!.handover.version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Handover>()).toMatchObject({ status: 'cancelled', cancelReason: 'Person ist verzogen.' });
    expect((await board('open')).items).toEqual([]);
  });

  it('deleting an erroneous permit closes the handover it opened instead of opening the reverse one', async () => {
    const person = await createPerson('Korrektur');
    await addDocument(person, gestattung);
    const permit = await addDocument(person, permit25('2026-11-16'));
    expect((await handoversOf(person)).items.map((h) => h.status)).toEqual(['open']);
    const del = await t.request('DELETE', `/api/v1/people/${person}/residence-documents/${permit.id}`, {
      session: sozialamt,
      headers: { 'if-match': permit.etag },
    });
    expect(del.statusCode, del.body).toBe(204);
    const { items } = await handoversOf(person);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'cancelled',
      fromBenefitSystem: 'asylblg_basic',
      toBenefitSystem: 'sgb2',
    });
    expect((await board('open')).items).toEqual([]);
  });
});
