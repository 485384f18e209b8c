import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunnelReport, FunnelStepDto } from '../../src/shared/contracts/funnel';
import {
  addresses,
  auditEvents,
  competenceProfiles,
  districts,
  employmentOutcomes,
  personAddresses,
  referralCriteria,
  referrals,
} from '../../src/server/db/schema';
import { ensureReferralDefaults } from '../../src/server/modules/referrals/referrals-defaults';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

// Today is 1 Feb 2041: the cohort Q1 2040 is 6 months old for everybody, 12 months only for
// the people profiled on 10 Jan 2040.
const NOW = new Date('2041-02-01T09:00:00Z');
const Q1 = 'from=2040-01-01&to=2040-03-31';

type Group = { ids: string[] };

describe(`funnel report (${engine})`, () => {
  let t: TestApp;
  let soz: Session;
  let steering: Session;
  const agency = new Map<string, string>();
  // A: 12 Syrians aged 29, German B1, profiled 10 Jan, referred to the Agentur für Arbeit:
  //    6 women started and completed (5 of them in work from May 2040), 6 men rejected
  //    (5 no places, 1 German insufficient). B: 10 Ukrainian men aged 60, A2, profiled 15 Feb.
  //    C: 8 Eritrean women aged 19, German not assessed, profiled 20 Mar, living in one district.
  const A: Group = { ids: [] };
  const B: Group = { ids: [] };
  const C: Group = { ids: [] };
  let outsider: string;
  let districtId: string;
  const names: string[] = [];

  const createPerson = async (i: number, body: Record<string, unknown>) => {
    const familyName = `Trichter${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
    names.push(familyName);
    const res = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: { duplicatesReviewed: true, givenNames: 'Kohorte', familyName, ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const profile = (personId: string, profiledOn: string, germanOverall: string | null) =>
    t.database.db.insert(competenceProfiles).values({
      personId,
      agencyId: agency.get('sozialamt')!,
      profiledOn,
      germanOverall,
      germanLevels: germanOverall ? { reading: germanOverall } : {},
      createdAt: NOW,
      updatedAt: NOW,
    });
  const referral = (personId: string, status: string, sentAt: Date | null, reason: string | null = null) =>
    t.database.db.insert(referrals).values({
      personId,
      fromAgencyId: agency.get('sozialamt')!,
      toAgencyId: agency.get('aa')!,
      status,
      purpose: 'Vermittlung in Arbeit',
      rejectionReasonCode: reason,
      sentAt,
      createdAt: NOW,
      updatedAt: NOW,
    });
  const funnel = async (query: string, session = steering) => {
    const res = await t.request('GET', `/api/v1/reports/funnel?${query}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FunnelReport>();
  };
  const step = (r: FunnelReport, key: FunnelStepDto['key']) => r.steps.find((s) => s.key === key)!;
  const counts = (r: FunnelReport) =>
    Object.fromEntries(r.steps.map((s) => [s.key, s.cell.count ?? s.cell.suppressed]));

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    await ensureReferralDefaults(t.database.db);
    soz = await t.login('sozialamt');
    steering = await t.login('steuerung');
    const list = (await t.request('GET', '/api/v1/agencies', { session: soz })).json<{
      items: { id: string; code: string }[];
    }>();
    for (const a of list.items) agency.set(a.code, a.id);
    // Only German counts here (no residence documents needed): the agency's criteria are data.
    await t.database.db
      .update(referralCriteria)
      .set({ criteria: [{ kind: 'german_min', level: 'B1' }] })
      .where(eq(referralCriteria.agencyId, agency.get('aa')!));
    const district = await t.database.db.select({ id: districts.id }).from(districts).limit(1);
    districtId = district[0]!.id;
    const [address] = await t.database.db
      .insert(addresses)
      .values({
        street: 'Trichterweg',
        houseNumber: '1',
        postalCode: '45468',
        city: 'Mülheim an der Ruhr',
        normalisedKey: 'trichterweg|1|45468',
        districtId,
      })
      .returning({ id: addresses.id });

    let i = 0;
    for (let n = 0; n < 12; n++) {
      const id = await createPerson(i++, {
        dateOfBirth: '2010-05-05',
        nationalities: ['SY'],
        sex: n < 6 ? 'female' : 'male',
      });
      A.ids.push(id);
      await profile(id, '2040-01-10', 'B1');
      const sent = new Date('2040-01-20T10:00:00Z');
      if (n < 6) {
        await referral(id, 'completed', sent);
        if (n < 5)
          await t.database.db.insert(employmentOutcomes).values({
            personId: id,
            kind: n < 4 ? 'work' : 'training',
            startedOn: '2040-05-01',
            recordedByAgencyId: agency.get('aa')!,
            recordedAt: NOW,
          });
      } else await referral(id, 'rejected', sent, n < 11 ? 'no_places' : 'german_insufficient');
    }
    for (let n = 0; n < 10; n++) {
      const id = await createPerson(i++, { dateOfBirth: '1980-01-01', nationalities: ['UA'], sex: 'male' });
      B.ids.push(id);
      await profile(id, '2040-02-15', 'A2');
    }
    // A referral sent before profiling and a draft do not count; a job that ended before the day neither.
    await referral(B.ids[0]!, 'accepted', new Date('2040-02-01T10:00:00Z'));
    await referral(B.ids[1]!, 'draft', null);
    await t.database.db.insert(employmentOutcomes).values({
      personId: B.ids[2]!,
      kind: 'work',
      startedOn: '2040-03-01',
      endedOn: '2040-08-14',
      recordedByAgencyId: agency.get('aa')!,
      recordedAt: NOW,
    });
    for (let n = 0; n < 8; n++) {
      const id = await createPerson(i++, { dateOfBirth: '2020-06-01', nationalities: ['ER'], sex: 'female' });
      C.ids.push(id);
      await profile(id, '2040-03-20', null);
      await t.database.db
        .insert(personAddresses)
        .values({ personId: id, addressId: address!.id, kind: 'residence', validFrom: '2039-01-01', position: 0 });
    }
    // Profiled in Q2 with a started referral: outside the cohort.
    outsider = await createPerson(i++, { dateOfBirth: '2010-05-05', nationalities: ['SY'], sex: 'female' });
    await profile(outsider, '2040-04-01', 'C1');
    await referral(outsider, 'started', new Date('2040-04-02T10:00:00Z'));
  });
  afterAll(async () => t.close());

  it('counts every step of the cohort with percentages and reasons', async () => {
    const r = await funnel(Q1);
    expect(r).toMatchObject({ from: '2040-01-01', to: '2040-03-31', criteriaAsOf: '2040-03-31' });
    expect(r.agency.id).toBe(agency.get('aa'));
    expect(counts(r)).toEqual({
      profiled: 30,
      meets_criteria: 12,
      referred: 12,
      accepted: 6,
      started: 6,
      completed: 6,
      in_work_6m: 5,
      in_work_12m: 5,
    });
    expect(step(r, 'meets_criteria').reasons.map((x) => [x.code, x.count])).toEqual([
      ['not_met', 10],
      ['unknown', 8],
    ]);
    expect(step(r, 'referred')).toMatchObject({ percentOfCohort: 40, percentOfPrevious: 100 });
    expect(step(r, 'accepted')).toMatchObject({ percentOfCohort: 20, percentOfPrevious: 50 });
    expect(step(r, 'in_work_6m').reasons).toEqual([
      {
        code: 'not_in_work',
        count: 25,
        suppressed: null,
        label: { de: 'Nicht in Arbeit oder Ausbildung', en: 'Not in work or training' },
      },
    ]);
    // 12 months: due only for the people profiled on 10 Jan 2040 (A); B and C still open.
    expect(step(r, 'in_work_12m').reasons.map((x) => [x.code, x.count])).toEqual([
      ['not_due', 18],
      ['not_in_work', 7],
    ]);
  });

  it('suppresses a rejection reason under 5 and the next smallest, which would give it away', async () => {
    const accepted = step(await funnel(Q1), 'accepted');
    expect(accepted.reasons).toEqual([
      {
        code: 'rejected:no_places',
        count: null,
        suppressed: 'derivable',
        label: { de: 'Keine freien Plätze', en: 'No places available' },
      },
      {
        code: 'rejected:german_insufficient',
        count: null,
        suppressed: 'small',
        label: { de: 'Sprachniveau nicht ausreichend', en: 'German level not sufficient' },
      },
    ]);
  });

  it('filters by sex, nationality group, age band and district', async () => {
    expect(counts(await funnel(`${Q1}&sex=female`))).toMatchObject({
      profiled: 14,
      meets_criteria: 6,
      referred: 6,
      completed: 6,
      in_work_6m: 5,
    });
    const ua = await funnel(`${Q1}&nationalityGroup=UA`);
    expect(counts(ua)).toMatchObject({ profiled: 10, meets_criteria: 0, referred: 0, in_work_6m: 0 });
    expect(counts(await funnel(`${Q1}&nationalityGroup=other`))).toMatchObject({ profiled: 8, meets_criteria: 0 });
    expect(counts(await funnel(`${Q1}&ageBand=25_34`))).toMatchObject({ profiled: 12, referred: 12 });
    expect(counts(await funnel(`${Q1}&ageBand=under_25`))).toMatchObject({ profiled: 8 });
    const inDistrict = await funnel(`${Q1}&districtId=${districtId}`);
    expect(counts(inDistrict)).toMatchObject({ profiled: 8, meets_criteria: 0, referred: 0 });
    expect(step(inDistrict, 'meets_criteria').reasons.map((x) => [x.code, x.count])).toEqual([['unknown', 8]]);
    // Small cohorts: every count of 1–4 is "< 5", never the number.
    const tiny = await funnel(`${Q1}&sex=male&nationalityGroup=SY`);
    expect(step(tiny, 'profiled').cell.count).toBe(6);
    expect(step(tiny, 'accepted').reasons.every((x) => x.count === null)).toBe(true);
  });

  it('takes the receiving agency from the filter and the cohort from the dates', async () => {
    // The Jobcenter has no criteria (an empty list is met) and received no referral.
    const jc = await funnel(`${Q1}&agencyId=${agency.get('jobcenter')}`);
    expect(counts(jc)).toMatchObject({ profiled: 30, meets_criteria: 30, referred: 0, accepted: 0 });
    const q2 = await funnel('from=2040-04-01&to=2040-06-30');
    expect(counts(q2)).toMatchObject({
      profiled: 'small',
      meets_criteria: 'small',
      referred: 'small',
      started: 'small',
    });
    // Default: the last full quarter before today (Q4 2040): nobody.
    const latest = await funnel('');
    expect(latest).toMatchObject({ from: '2040-10-01', to: '2040-12-31' });
    expect(counts(latest).profiled).toBe(0);
  });

  it('never sends a person: no ids or names in the report or the CSV', async () => {
    const json = JSON.stringify(await funnel(Q1));
    const csv = (await t.request('GET', `/api/v1/reports/funnel.csv?${Q1}`, { session: steering })).body;
    for (const id of [...A.ids, ...B.ids, ...C.ids, outsider]) {
      expect(json).not.toContain(id);
      expect(csv).not.toContain(id);
    }
    for (const name of names) {
      expect(json).not.toContain(name);
      expect(csv).not.toContain(name);
    }
  });

  it('gives the same numbers and suppression as CSV', async () => {
    const res = await t.request('GET', `/api/v1/reports/funnel.csv?${Q1}`, { session: steering });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('lotse-trichter-2040-01-01-2040-03-31.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Schritt;Grund;Anzahl');
    const row = (step: string, reason: string) =>
      lines.map((l) => l.split(';')).find((c) => c[3] === step && c[4] === reason);
    expect(row('Profiliert (Kohorte)', '')?.slice(5)).toEqual(['30', '100,0', '']);
    expect(row('Vermittelt', '')?.slice(5)).toEqual(['12', '40,0', '100,0']);
    expect(row('Angenommen', 'Sprachniveau nicht ausreichend')?.[5]).toBe('< 5');
    expect(row('Angenommen', 'Keine freien Plätze')?.[5]).toBe('verborgen');
    expect(res.body).not.toMatch(/;1;|;5;;/);
  });

  it('lets team leads and steering read it, not caseworkers or the data protection officer, and audits it', async () => {
    const lead = await t.login('teamleitung');
    expect((await t.request('GET', `/api/v1/reports/funnel?${Q1}`, { session: lead })).statusCode).toBe(200);
    for (const user of ['sozialamt', 'aa', 'dsb']) {
      const s = await t.login(user);
      expect((await t.request('GET', `/api/v1/reports/funnel?${Q1}`, { session: s })).statusCode, user).toBe(403);
      expect((await t.request('GET', `/api/v1/reports/funnel.csv?${Q1}`, { session: s })).statusCode, user).toBe(403);
    }
    expect((await t.request('GET', `/api/v1/reports/funnel?${Q1}`)).statusCode).toBe(401);
    await funnel(`${Q1}&sex=female&ageBand=25_34`);
    const events = await t.database.db
      .select({ details: auditEvents.details, actor: auditEvents.actorUsername })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'report.funnel_viewed'), eq(auditEvents.actorUsername, 'steuerung')));
    expect(events.map((e) => e.details)).toContainEqual({
      format: 'json',
      from: '2040-01-01',
      to: '2040-03-31',
      agencyId: agency.get('aa'),
      districtId: null,
      nationalityGroup: null,
      sex: 'female',
      ageBand: '25_34',
    });
    expect(events.some((e) => (e.details as { format: string }).format === 'csv')).toBe(true);
  });

  it('answers bad filters with field errors', async () => {
    const bad = async (query: string, path: string) => {
      const res = await t.request('GET', `/api/v1/reports/funnel?${query}`, { session: steering });
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json()), query).toContain(path);
    };
    await bad('from=2040-04-01&to=2040-03-31', 'to');
    await bad('from=2040-02-30&to=2040-03-31', 'from');
    await bad('from=2040-01-01', 'to');
    await bad(`${Q1}&agencyId=00000000-0000-4000-8000-000000000000`, 'agencyId');
    await bad(`${Q1}&districtId=00000000-0000-4000-8000-000000000000`, 'districtId');
    await bad(`${Q1}&ageBand=60_plus`, 'ageBand');
    await bad(`${Q1}&personId=${A.ids[0]}`, 'personId');
  });
});
