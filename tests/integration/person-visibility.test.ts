import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, createTestApp, type Session, type TestApp } from '../support/test-app';

type PersonView = {
  id: string;
  version: number;
  registeredBy: { id: string };
  households: { householdId: string; kind: string; name: string | null; relationship: string; current: boolean }[];
};

/**
 * An agency on a case team reads a person registered by another agency (person-scope.ts), but the
 * person's record lists only household memberships of households the reader may open itself.
 */
describe(`a person read through a case team (${engine})`, () => {
  let t: TestApp;
  let soz: Session; // caseworker, Sozialamt: registers the person and keeps the household
  let jc: Session; // caseworker, Jobcenter: on the case team
  let person: PersonView;
  let household: string;

  const ok = <T>(res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const register = async (session: Session, givenNames: string, familyName: string) =>
    ok<PersonView>(
      await t.request('POST', '/api/v1/people', {
        session,
        body: { givenNames, familyName, dateOfBirth: '1987-09-12', duplicatesReviewed: true },
      }),
      201,
    );
  const createHousehold = async (session: Session, name: string, members: [string, string][]) =>
    ok<{ id: string }>(
      await t.request('POST', '/api/v1/households', {
        session,
        body: {
          kind: 'household',
          name,
          members: members.map(([personId, relationship]) => ({ personId, relationship, validFrom: '2024-01-01' })),
        },
      }),
      201,
    ).id;
  const read = async (session: Session, id: string) =>
    ok<PersonView>(await t.request('GET', `/api/v1/people/${id}`, { session }));

  beforeAll(async () => {
    t = await createTestApp();
    soz = await t.login('sozialamt');
    jc = await t.login('jobcenter');
    const agencies = ok<{ items: { id: string; code: string }[] }>(
      await t.request('GET', '/api/v1/agencies', { session: soz }),
    ).items;
    const jobcenter = agencies.find((a) => a.code === 'jobcenter')!.id;

    person = await register(soz, 'Samira', 'Haddad');
    const partner = await register(soz, 'Karim', 'Haddad');
    household = await createHousehold(soz, 'Familie Haddad', [
      [person.id, 'head'],
      [partner.id, 'spouse'],
    ]);
    ok(
      await t.request('POST', '/api/v1/cases', {
        session: soz,
        body: {
          personId: person.id,
          title: 'Begleitung',
          teamAgencies: [
            {
              agencyId: jobcenter,
              role: 'participant',
              basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
            },
          ],
        },
      }),
      201,
    );
  });
  afterAll(async () => t.close());

  it('shows the Jobcenter on the case team the person, without the Sozialamt household it cannot open', async () => {
    const seen = await read(jc, person.id);
    expect(seen.registeredBy.id).toBe(person.registeredBy.id);
    expect(seen.households).toEqual([]);
    expect((await t.request('GET', `/api/v1/households/${household}`, { session: jc })).statusCode).toBe(404);
  });

  it('still shows the Sozialamt its household, on reading and in the answer to a change', async () => {
    const seen = await read(soz, person.id);
    expect(seen.households).toEqual([
      expect.objectContaining({ householdId: household, name: 'Familie Haddad', relationship: 'head', current: true }),
    ]);
    ok(await t.request('GET', `/api/v1/households/${household}`, { session: soz }));
    const changed = ok<PersonView>(
      await t.request('PATCH', `/api/v1/people/${person.id}`, {
        session: soz,
        body: { placeOfBirth: 'Damaskus' },
        headers: { 'if-match': `"${seen.version}"` },
      }),
    );
    expect(changed.households.map((h) => h.householdId)).toEqual([household]);
  });
});
