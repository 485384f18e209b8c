import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { auditEvents, competenceProfiles } from '../../src/server/db/schema';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Profile = {
  id: string;
  personId: string;
  profiledOn: string;
  germanLevels: Record<string, string | null>;
  germanOverall: string | null;
  highestIscedLevel: number | null;
  hasQualification: boolean;
  qualifications: { kldbCode: string; occupation: { code: string; title: string } | null }[];
  constraints: { hoursPerWeek: number | null; healthConstraint: boolean | null };
  skills: string[];
  version: number;
};
type ProfileResponse = { profile: Profile | null; canEdit: boolean; healthVisible: boolean };
type Problem = { code?: string; detail?: string; errors?: { path: string; message: string }[] };

const RANDOM_UUID = '5d3c2b1a-0f9e-4d8c-8b7a-6e5f4d3c2b1a';

const fullProfile = {
  education: [
    { iscedLevel: 3, title: 'Abitur (Bakkalaureat)', country: 'Syrien', fromYear: 2005, toYear: 2011, completed: true, certificateAvailable: true },
    { iscedLevel: 6, title: 'Bachelor Bauingenieurwesen', country: 'Syrien', fromYear: 2011, toYear: 2013, completed: false },
  ],
  qualifications: [{ title: 'Koch', kind: 'vocational', kldbCode: '29302', country: 'Syrien', year: 2014 }],
  recognitions: [
    {
      qualificationTitle: 'Koch',
      referenceOccupation: 'Koch/Köchin',
      authority: 'IHK FOSA',
      appliedOn: '2026-01-10',
      decidedOn: '2026-04-02',
      outcome: 'partial',
      anabinInstitution: 'H+',
    },
  ],
  workExperience: [{ occupation: 'Koch im Restaurant', kldbCode: '29302', years: 4.5, country: 'Syrien', fromYear: 2014, toYear: 2019 }],
  skills: ['Gemeinschaftsverpflegung', 'Gemeinschaftsverpflegung', 'HACCP'],
  germanLevels: { reading: 'B1', listening: 'B2', writing: 'A2', speaking: 'B1' },
  motherTongues: ['ar'],
  otherLanguages: [{ language: 'en', level: 'A2' }],
  drivingLicences: ['B'],
  interests: 'Kochen, Fußball',
  wishes: 'Arbeit in einer Großküche',
  ownGoals: 'Eigene Wohnung, Führerschein umschreiben',
  constraints: { childcareNeeded: true, childcareNote: 'Kita ab August', hoursPerWeek: 30, healthConstraint: true },
};

describe(`competence profiles (${engine})`, () => {
  let t: TestApp;
  let soz: Session;
  let lead: Session;
  let jc: Session;
  let ja: Session;
  let steering: Session;
  let personId: string;

  const url = (id = personId) => `/api/v1/people/${id}/profile`;
  const paths = (res: LightMyRequestResponse) => (res.json<Problem>().errors ?? []).map((e) => e.path).sort();
  const audits = async (type: string, subjectId: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, type), eq(auditEvents.subjectId, subjectId)));
  const createPerson = async (session: Session, familyName: string) => {
    const res = await t.request('POST', '/api/v1/people', {
      session,
      body: { givenNames: 'Test', familyName, dateOfBirth: '1990-01-01', duplicatesReviewed: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  const loginAll = async () => {
    soz = await t.login('sozialamt');
    lead = await t.login('teamleitung');
    jc = await t.login('jobcenter');
    ja = await t.login('jugendamt');
    steering = await t.login('steuerung');
  };

  beforeAll(async () => {
    t = await createTestApp();
    soz = await t.login('sozialamt');
    lead = await t.login('teamleitung');
    jc = await t.login('jobcenter');
    ja = await t.login('jugendamt');
    steering = await t.login('steuerung');
    personId = await createPerson(soz, 'Haddad');
  });
  afterAll(async () => t.close());

  it('answers profile: null before one exists, and audits the read', async () => {
    const res = await t.request('GET', url(), { session: soz });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ProfileResponse>()).toEqual({ profile: null, canEdit: true, healthVisible: true });
    expect(res.headers.etag).toBeUndefined();
    const viewed = await audits('profile.viewed', personId);
    expect(viewed).toHaveLength(1);
    expect(viewed[0]!.details).toEqual({ exists: false, version: null });
  });

  it('creates the profile: cohort date today, German overall = lowest skill, occupation titles; audited without content', async () => {
    const res = await t.request('PUT', url(), { session: soz, body: fullProfile });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const { profile } = res.json<ProfileResponse>();
    expect(profile).toMatchObject({
      personId,
      profiledOn: todayIn(t.clock.now()),
      germanOverall: 'A2',
      highestIscedLevel: 3,
      hasQualification: true,
      skills: ['Gemeinschaftsverpflegung', 'HACCP'],
      version: 1,
      constraints: { hoursPerWeek: 30, healthConstraint: true },
    });
    expect(profile!.qualifications[0]!.occupation).toMatchObject({ code: '29302' });
    expect(profile!.qualifications[0]!.occupation!.title).toMatch(/^Köche\/Köchinnen/);
    const created = await audits('profile.created', personId);
    expect(created).toHaveLength(1);
    expect(Object.keys(created[0]!.details as object).sort()).toEqual(['profileId', 'version']);
    expect(JSON.stringify(created[0]!.details)).not.toMatch(/Koch|Syrien|B1/);
    const [row] = await t.database.db.select().from(competenceProfiles).where(eq(competenceProfiles.personId, personId));
    expect(row!.germanOverall).toBe('A2');
  });

  it('replaces only with If-Match: 428 without, 412 when stale, 200 with the version; keeps the cohort date', async () => {
    const next = { ...fullProfile, germanLevels: { reading: 'B2', listening: 'B2', writing: 'B1', speaking: 'B2' } };
    const missing = await t.request('PUT', url(), { session: soz, body: next });
    expect(missing.statusCode).toBe(428);
    const staleTag = await t.request('PUT', url(), { session: soz, body: next, headers: { 'if-match': '"7"' } });
    expect(staleTag.statusCode).toBe(412);
    // Days later (sessions do not last that long: log in again).
    t.clock.advance(3 * 86_400_000);
    await loginAll();
    const ok = await t.request('PUT', url(), { session: lead, body: next, headers: { 'if-match': '"1"' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const { profile } = ok.json<ProfileResponse>();
    expect(profile).toMatchObject({ germanOverall: 'B1', version: 2 });
    expect(profile!.profiledOn).not.toBe(todayIn(t.clock.now()));
    const again = await t.request('PUT', url(), { session: soz, body: next, headers: { 'if-match': '"1"' } });
    expect(again.statusCode).toBe(412);
    expect(again.json<Problem>().errors?.[0]?.message).toMatch(/inzwischen geändert/);
    const replaced = await audits('profile.replaced', personId);
    expect(replaced.at(-1)!.details).toMatchObject({ fields: ['germanLevels'], version: 2 });
  });

  it('refuses a bad CEFR level, an unknown KldB code and years in the wrong order with field errors, writing nothing', async () => {
    const badCefr = await t.request('PUT', url(), {
      session: soz,
      body: { ...fullProfile, germanLevels: { reading: 'B3' } },
      headers: { 'if-match': '"2"' },
    });
    expect(badCefr.statusCode).toBe(400);
    expect(paths(badCefr)).toEqual(['body.germanLevels.reading']);
    const unknownCode = await t.request('PUT', url(), {
      session: soz,
      body: {
        ...fullProfile,
        qualifications: [{ title: 'Erfunden', kldbCode: '99999' }],
        education: [{ iscedLevel: 3, title: 'Schule', fromYear: 2012, toYear: 2010 }],
        recognitions: [{ qualificationTitle: 'Koch', outcome: 'full' }],
      },
      headers: { 'if-match': '"2"' },
    });
    expect(unknownCode.statusCode).toBe(400);
    expect(paths(unknownCode)).toEqual(['education.0.toYear', 'qualifications.0.kldbCode', 'recognitions.0.decidedOn']);
    const kldbMessage = unknownCode.json<Problem>().errors!.find((e) => e.path === 'qualifications.0.kldbCode')!.message;
    expect(kldbMessage).toMatch(/keine Berufsgattung der KldB 2010/);
    const isced = await t.request('PUT', url(), {
      session: soz,
      body: { ...fullProfile, education: [{ iscedLevel: 9, title: 'x' }] },
      headers: { 'if-match': '"2"' },
    });
    expect(paths(isced)).toEqual(['body.education.0.iscedLevel']);
    const [row] = await t.database.db.select().from(competenceProfiles).where(eq(competenceProfiles.personId, personId));
    expect(row!.version).toBe(2);
  });

  it('answers 404 for an unknown or invisible person, 403 naming the category when employment_profile is withheld', async () => {
    expect((await t.request('GET', url(RANDOM_UUID), { session: soz })).statusCode).toBe(404);
    // The Jobcenter has no ground to see a person the Sozialamt registered.
    expect((await t.request('GET', url(), { session: jc })).statusCode).toBe(404);
    expect((await t.request('PUT', url(), { session: jc, body: fullProfile })).statusCode).toBe(404);
    // The Jugendamt sees its own person, but its matrix has no employment_profile.
    const youth = await createPerson(ja, 'Jugend');
    const withheld = await t.request('GET', url(youth), { session: ja });
    expect(withheld.statusCode).toBe(403);
    expect(JSON.stringify(withheld.json())).toMatch(/Arbeit, Bildung und Sprache|employment_profile/);
    expect((await t.request('PUT', url(youth), { session: ja, body: fullProfile })).statusCode).toBe(403);
    // Steering has no profile permission at all.
    expect((await t.request('GET', url(), { session: steering })).statusCode).toBe(403);
  });

  it('keeps the health constraint from an agency that does not see the category health', async () => {
    const own = await createPerson(jc, 'Gesundheit');
    const res = await t.request('PUT', url(own), { session: jc, body: fullProfile });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<ProfileResponse>();
    expect(body.healthVisible).toBe(false);
    expect(body.profile!.constraints.healthConstraint).toBeNull();
    const [row] = await t.database.db.select().from(competenceProfiles).where(eq(competenceProfiles.personId, own));
    expect((row!.constraints as { healthConstraint: unknown }).healthConstraint).toBeNull();
    expect(row!.agencyId).not.toBeNull();
  });

  it('refuses years and dates in the future', async () => {
    const own = await createPerson(soz, 'Zukunft');
    const year = Number(todayIn(t.clock.now()).slice(0, 4));
    const res = await t.request('PUT', url(own), {
      session: soz,
      body: { ...fullProfile, workExperience: [{ occupation: 'Koch', years: 1, fromYear: year + 1 }], profiledOn: '2099-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['profiledOn', 'workExperience.0.fromYear']);
    expect(Number((await t.database.db.select({ n: count() }).from(competenceProfiles).where(eq(competenceProfiles.personId, own)))[0]!.n)).toBe(0);
  });
});
