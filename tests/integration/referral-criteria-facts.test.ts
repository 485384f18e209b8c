import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceProfiles, measures, referralCriteria } from '../../src/server/db/schema';
import { criteriaFactsFor, criteriaFor, knownAgeOn } from '../../src/server/modules/referrals/criteria-facts';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

const NOW = new Date('2040-05-04T09:00:00Z');
const AS_OF = '2040-05-04';

describe(`referral criteria facts (${engine})`, () => {
  let t: TestApp;
  let soz: Session;
  const agency = new Map<string, string>();
  let profiled: string; // profile, residence permit with free access
  let bare: string; // no profile, no documents, year of birth only

  const createPerson = async (body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/v1/people', {
      session: soz,
      body: { duplicatesReviewed: true, ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    soz = await t.login('sozialamt');
    const list = (await t.request('GET', '/api/v1/agencies', { session: soz })).json<{
      items: { id: string; code: string }[];
    }>();
    for (const a of list.items) agency.set(a.code, a.id);
    profiled = await createPerson({
      givenNames: 'Rami',
      familyName: 'Kriterien',
      dateOfBirth: '2010-05-05',
      nationalities: ['SY'],
    });
    bare = await createPerson({ givenNames: 'Nura', familyName: 'Ohneprofil', dateOfBirth: '1985' });
    const doc = await t.request('POST', `/api/v1/people/${profiled}/residence-documents`, {
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
    });
    expect(doc.statusCode, doc.body).toBe(201);
    await t.database.db.insert(competenceProfiles).values({
      personId: profiled,
      agencyId: agency.get('sozialamt')!,
      profiledOn: AS_OF,
      education: [{ title: 'Schule', iscedLevel: 2 }, { title: 'Abitur', iscedLevel: 3 }, { title: 'ohne Stufe' }],
      qualifications: [{ title: 'Elektriker' }],
      germanLevels: { reading: 'B1', speaking: 'A2' },
      germanOverall: 'A2',
      drivingLicences: ['B'],
      createdAt: NOW,
      updatedAt: NOW,
    });
  });
  afterAll(async () => t.close());

  it('reads profile, age and labour-market access of several people at once', async () => {
    const facts = await criteriaFactsFor(t.database.db, [profiled, bare, profiled], AS_OF);
    expect(facts.size).toBe(2);
    const p = facts.get(profiled)!;
    expect(p).toMatchObject({
      germanOverall: 'A2',
      age: 29,
      highestIscedLevel: 3,
      hasQualification: true,
      drivingLicences: ['B'],
    });
    // The engine decides access from the residence permit (§ 25 Abs. 2 AufenthG: free, certain).
    expect(p.labourMarketAccess).toBe('free');
  });

  it('leaves what is not recorded unknown (null), never a guess', async () => {
    const facts = await criteriaFactsFor(t.database.db, [bare], AS_OF);
    expect(facts.get(bare)).toEqual({
      germanOverall: null,
      labourMarketAccess: null,
      age: null,
      highestIscedLevel: null,
      hasQualification: null,
      drivingLicences: null,
    });
    expect((await criteriaFactsFor(t.database.db, [], AS_OF)).size).toBe(0);
  });

  it('knows an age from a month or year only when every possible birthday gives the same one', () => {
    const base = { dobYear: 2000, dobMonth: 3, dobDay: null, dobPrecision: 'month', dobPlaceholder: false };
    expect(knownAgeOn(base, '2040-05-04')).toBe(40);
    expect(knownAgeOn(base, '2040-03-15')).toBeNull();
    expect(knownAgeOn({ ...base, dobMonth: null, dobPrecision: 'year' }, '2040-05-04')).toBeNull();
    expect(knownAgeOn({ ...base, dobMonth: null, dobPrecision: 'year' }, '2040-12-31')).toBe(40);
    expect(
      knownAgeOn({ ...base, dobDay: 1, dobMonth: 1, dobPrecision: 'day', dobPlaceholder: true }, '2040-05-04'),
    ).toBeNull();
    expect(knownAgeOn({ ...base, dobDay: 5, dobMonth: 5, dobPrecision: 'day' }, '2040-05-04')).toBe(39);
    expect(knownAgeOn({ ...base, dobPrecision: 'unknown' }, '2040-05-04')).toBeNull();
  });

  it("combines the receiving agency's criteria with the measure's", async () => {
    const aa = agency.get('aa')!;
    await t.database.db
      .insert(referralCriteria)
      .values({ agencyId: aa, criteria: [{ kind: 'german_min', level: 'B1' }, { kind: 'bogus' }], updatedAt: NOW })
      .onConflictDoUpdate({
        target: referralCriteria.agencyId,
        set: { criteria: [{ kind: 'german_min', level: 'B1' }, { kind: 'bogus' }] },
      });
    const [measure] = await t.database.db
      .insert(measures)
      .values({
        kind: 'perf',
        title: 'PerF',
        provider: 'Träger',
        agencyId: aa,
        criteria: [{ kind: 'driving_licence', licenceClass: 'B' }],
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning({ id: measures.id });
    const both = await criteriaFor(t.database.db, aa, measure!.id);
    expect(both.agency).toEqual([{ kind: 'german_min', level: 'B1' }]);
    expect(both.measure).toEqual([{ kind: 'driving_licence', licenceClass: 'B' }]);
    expect(both.all).toHaveLength(2);
    expect((await criteriaFor(t.database.db, aa)).all).toEqual([{ kind: 'german_min', level: 'B1' }]);
    expect((await criteriaFor(t.database.db, agency.get('jugendamt')!, null)).all).toEqual([]);
  });
});
