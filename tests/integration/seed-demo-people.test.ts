import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows, type Db } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { seedDemo } from '../../src/server/db/seed-demo';
import { hasPeople, seedDemoPeople, type SeedDemoPeopleSummary } from '../../src/server/db/seed-demo-people';
import { blockingKeysOf } from '../../src/server/modules/people/people-matching';
import { normaliseAddressKey } from '../../src/server/modules/social-space/address-register';
import { identifierFormats, type IdentifierKind } from '../../src/shared/contracts/people';
import { residenceDocumentTypes } from '../../src/shared/contracts/residence-documents';
import { todayIn } from '../../src/shared/domain/calendar-date';
import { BLOCKING_KEYS_VERSION, recordBlockingKeys } from '../../src/shared/domain/people-matching/blocking-keys';
import { residenceDocumentProblems } from '../../src/shared/domain/residence-documents/document-rules';
import { documentStatus } from '../../src/shared/domain/residence-documents/document-status';
import { createTestApp, createTestDatabase, type Session, type TestApp } from '../support/test-app';

const NOW = new Date('2026-06-15T10:00:00Z');
const TODAY = todayIn(NOW);
const COUNT = 300;
const SEED = 7;

type PersonRow = {
  id: string;
  given_names: string;
  family_name: string;
  date_of_birth_raw: string | null;
  place_of_birth: string | null;
  nationalities: string[];
  blocking_keys: string[];
  blocking_keys_version: number;
  agency: string;
};
type DocumentRow = {
  id: string;
  person_id: string;
  document_type: (typeof residenceDocumentTypes)[number];
  legal_basis: string | null;
  issued_on: string | null;
  valid_from: string | null;
  valid_until: string | null;
  wohnsitzauflage: boolean;
  wohnsitzauflage_municipality: string | null;
  raeumliche_beschraenkung: boolean;
  raeumliche_beschraenkung_area: string | null;
};

/** Everything the seed wrote, without generated ids, in a stable order: equal for equal seeds. */
async function snapshot(db: Db): Promise<unknown[]> {
  const q = (text: string) => rawRows(db, sql.raw(text));
  const person = `p.given_names, p.family_name, p.date_of_birth_raw`;
  return Promise.all([
    q(`SELECT ${person}, p.sex, p.nationalities, p.place_of_birth, p.german_levels, p.interpreter_language, a.code
       FROM people p JOIN agencies a ON a.id = p.registered_by_agency_id ORDER BY 1, 2, 3, 4`),
    q(`SELECT ${person}, d.document_type, d.legal_basis, d.issued_on, d.valid_from, d.valid_until, d.employment
       FROM residence_documents d JOIN people p ON p.id = d.person_id ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`),
    q(`SELECT ${person}, h.kind, h.name, m.relationship, m.valid_from, m.valid_until, m.end_reason
       FROM household_members m JOIN households h ON h.id = m.household_id JOIN people p ON p.id = m.person_id
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`),
    q(`SELECT ${person}, i.kind, i.value FROM person_identifiers i JOIN people p ON p.id = i.person_id ORDER BY 4, 5`),
    q(`SELECT ${person}, x.street, x.house_number, x.postal_code, pa.kind, pa.valid_from, pa.valid_until
       FROM person_addresses pa JOIN addresses x ON x.id = pa.address_id JOIN people p ON p.id = pa.person_id
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`),
    q(`SELECT ${person}, l.language, l.mother_tongue, c.kind, c.value, c.consent_to_use
       FROM people p LEFT JOIN person_languages l ON l.person_id = p.id LEFT JOIN person_contacts c ON c.person_id = p.id
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`),
  ]);
}

describe('demo people seed', () => {
  let t: TestApp;
  let summary: SeedDemoPeopleSummary;
  let caseworker: Session;
  let persons: PersonRow[];
  let documents: DocumentRow[];
  const rows = <T>(text: string) => rawRows<T>(t.database.db, sql.raw(text));

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    expect(await hasPeople(t.database.db)).toBe(false);
    summary = await seedDemoPeople(t.database.db, { count: COUNT, seed: SEED, now: NOW });
    caseworker = await t.login('sozialamt');
    persons = await rows<PersonRow>(
      `SELECT p.*, a.code AS agency FROM people p JOIN agencies a ON a.id = p.registered_by_agency_id`,
    );
    documents = await rows<DocumentRow>(`SELECT * FROM residence_documents`);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('seeds the requested number of people, spread over the agencies, most at the Sozialamt', async () => {
    expect(await hasPeople(t.database.db)).toBe(true);
    expect(summary.people).toBe(COUNT);
    expect(persons).toHaveLength(COUNT);
    const byAgency = new Map<string, number>();
    for (const p of persons) byAgency.set(p.agency, (byAgency.get(p.agency) ?? 0) + 1);
    expect(byAgency.size).toBeGreaterThanOrEqual(4);
    const [first] = [...byAgency.entries()].sort((a, b) => b[1] - a[1]);
    expect(first![0]).toBe('sozialamt');
    expect(first![1]).toBeGreaterThan(COUNT / 2);
  });

  it('stores the blocking keys the server computes, with the current version', async () => {
    const variants = await rows<{ person_id: string; given_names: string | null; family_name: string | null }>(
      `SELECT person_id, given_names, family_name FROM person_name_variants ORDER BY person_id, position`,
    );
    expect(variants.length).toBeGreaterThan(0);
    for (const p of persons) {
      expect(p.blocking_keys.length).toBeGreaterThan(0);
      expect(p.blocking_keys_version).toBe(BLOCKING_KEYS_VERSION);
      const expected = blockingKeysOf({
        givenNames: p.given_names,
        familyName: p.family_name,
        variants: variants
          .filter((v) => v.person_id === p.id)
          .map((v) => ({ givenNames: v.given_names, familyName: v.family_name })),
        dateOfBirth: p.date_of_birth_raw,
        placeOfBirth: p.place_of_birth,
        nationalities: p.nationalities,
      });
      expect([...p.blocking_keys].sort()).toEqual([...expected].sort());
    }
  });

  it('holds every residence document type, all valid by the document rules, some expiring and some expired', () => {
    expect(new Set(documents.map((d) => d.document_type))).toEqual(new Set(residenceDocumentTypes));
    for (const d of documents) {
      const problems = residenceDocumentProblems(
        {
          documentType: d.document_type,
          legalBasis: d.legal_basis,
          issuedOn: d.issued_on,
          validFrom: d.valid_from,
          validUntil: d.valid_until,
          wohnsitzauflage: d.wohnsitzauflage,
          wohnsitzauflageMunicipality: d.wohnsitzauflage_municipality,
          raeumlicheBeschraenkung: d.raeumliche_beschraenkung,
          raeumlicheBeschraenkungArea: d.raeumliche_beschraenkung_area,
        },
        TODAY,
      );
      expect(problems, `${d.document_type} ${d.valid_from}–${d.valid_until}`).toEqual([]);
    }
    const dated = (d: DocumentRow) => ({
      id: d.id,
      issuedOn: d.issued_on,
      validFrom: d.valid_from,
      validUntil: d.valid_until,
    });
    const statuses = documents.map(
      (d) =>
        documentStatus(dated(d), documents.filter((o) => o.person_id === d.person_id).map(dated), TODAY, 90).status,
    );
    expect(statuses).toContain('expiring');
    expect(statuses).toContain('expired');
    expect(statuses).toContain('superseded');
    expect(statuses).toContain('valid');
    // A timeline: people who came to seek asylum start with an Ankunftsnachweis.
    const ankunft = documents.filter((d) => d.document_type === 'ankunftsnachweis');
    for (const a of ankunft.slice(0, 20)) {
      const later = documents.filter((d) => d.person_id === a.person_id && d.valid_from! > a.valid_from!);
      expect(later.length).toBeGreaterThan(0);
    }
    expect(documents.some((d) => d.legal_basis === 'AufenthG § 25 Abs. 2')).toBe(true);
  });

  it('forms households and Bedarfsgemeinschaften with exactly one current head each', async () => {
    const members = await rows<{
      household_id: string;
      kind: string;
      person_id: string;
      relationship: string;
      valid_from: string;
      valid_until: string | null;
      household_agency: string;
      person_agency: string;
    }>(
      `SELECT m.household_id, h.kind, m.person_id, m.relationship, m.valid_from, m.valid_until,
              h.registered_by_agency_id AS household_agency, p.registered_by_agency_id AS person_agency
       FROM household_members m JOIN households h ON h.id = m.household_id JOIN people p ON p.id = m.person_id`,
    );
    const households = new Set(members.map((m) => m.household_id));
    expect(households.size).toBe(summary.households);
    expect(new Set(members.map((m) => m.kind))).toEqual(new Set(['household', 'bedarfsgemeinschaft']));
    for (const h of households) {
      const current = members.filter((m) => m.household_id === h && (m.valid_until === null || m.valid_until >= TODAY));
      expect(current.filter((m) => m.relationship === 'head')).toHaveLength(1);
    }
    for (const m of members) {
      if (m.valid_until !== null) expect(m.valid_until >= m.valid_from).toBe(true);
      expect(m.valid_from <= TODAY).toBe(true);
      // A household is visible to the agency that registered it: so are its members.
      expect(m.person_agency).toBe(m.household_agency);
    }
    expect(members.some((m) => m.valid_until !== null)).toBe(true);
    expect(new Set(members.map((m) => m.relationship))).toEqual(new Set(['head', 'spouse', 'child']));
  });

  it('gives unique identifiers in their official formats', async () => {
    const ids = await rows<{ kind: IdentifierKind; value: string }>(`SELECT kind, value FROM person_identifiers`);
    expect(ids.length).toBe(summary.identifiers);
    expect(new Set(ids.map((i) => `${i.kind}:${i.value}`)).size).toBe(ids.length);
    for (const i of ids) expect(identifierFormats[i.kind].test(i.value), `${i.kind} ${i.value}`).toBe(true);
    expect(new Set(ids.map((i) => i.kind))).toEqual(new Set(['azr', 'bamf', 'jobcenter', 'sozialamt']));
    // The end-to-end tests register this AZR number themselves.
    expect(ids.some((i) => i.value === '123456789012')).toBe(false);
  });

  it('places people at addresses in Mülheim an der Ruhr, registered once under their normalised key', async () => {
    const addresses = await rows<{
      street: string;
      house_number: string;
      postal_code: string;
      city: string;
      normalised_key: string;
      district_id: string | null;
    }>(`SELECT * FROM addresses`);
    expect(addresses.length).toBe(summary.addresses);
    for (const a of addresses) {
      expect(a.city).toBe('Mülheim an der Ruhr');
      expect(Number(a.postal_code)).toBeGreaterThanOrEqual(45468);
      expect(Number(a.postal_code)).toBeLessThanOrEqual(45481);
      expect(a.normalised_key).toBe(
        normaliseAddressKey({
          street: a.street,
          houseNumber: a.house_number,
          postalCode: a.postal_code,
          city: a.city,
        }),
      );
      expect(a.district_id).not.toBeNull();
    }
    const current = await rows<{ person_id: string; n: number | string }>(
      `SELECT person_id, count(*) AS n FROM person_addresses
       WHERE kind <> 'postal' AND (valid_until IS NULL OR valid_until >= '${TODAY}') GROUP BY person_id`,
    );
    expect(current).toHaveLength(COUNT);
    for (const c of current) expect(Number(c.n)).toBe(1);
  });

  it('records languages, German levels, interpreters and contact channels with and without consent', async () => {
    const mother = await rows<{ language: string }>(
      `SELECT DISTINCT language FROM person_languages WHERE mother_tongue`,
    );
    const tongues = new Set(mother.map((m) => m.language));
    for (const code of ['ar', 'prs', 'ti', 'uk', 'tr']) expect(tongues.has(code), code).toBe(true);
    expect(tongues.has('de')).toBe(false);
    const german = await rows<{ n: number | string }>(
      `SELECT count(*) AS n FROM people WHERE german_levels <> '{}'::jsonb`,
    );
    expect(Number(german[0]!.n)).toBeGreaterThan(0);
    const interpreters = await rows<{ interpreter_language: string }>(
      `SELECT interpreter_language FROM people WHERE interpreter_needed`,
    );
    expect(interpreters.length).toBeGreaterThan(0);
    for (const i of interpreters) expect(i.interpreter_language).toMatch(/^[a-z]{2,3}$/);
    const contacts = await rows<{
      kind: string;
      value: string;
      service: string | null;
      consent_to_use: boolean;
      consent_recorded_on: string | null;
    }>(`SELECT * FROM person_contacts`);
    expect(new Set(contacts.map((c) => c.kind))).toEqual(new Set(['phone', 'messenger', 'email']));
    expect(new Set(contacts.map((c) => c.consent_to_use))).toEqual(new Set([true, false]));
    for (const c of contacts) {
      expect(c.consent_recorded_on !== null).toBe(c.consent_to_use);
      expect(c.service !== null).toBe(c.kind === 'messenger');
      if (c.kind === 'email') expect(c.value).toMatch(/@example\.org$/);
    }
  });

  it('never generates the names the end-to-end tests register', () => {
    const reserved = ['Mohammed Al-Hussein', 'Olena Kovalenko'].flatMap((name) => {
      const [givenNames, familyName] = name.split(' ') as [string, string];
      return recordBlockingKeys({ givenNames, familyName, dateOfBirth: null }).filter((k) => k.startsWith('n:'));
    });
    expect(reserved.length).toBeGreaterThan(0);
    for (const p of persons) for (const k of reserved) expect(p.blocking_keys).not.toContain(k);
  });

  it('serves the seeded people, households and documents through the API', async () => {
    const mine = persons.filter((p) => p.agency === 'sozialamt');
    const someone = mine.find((p) => documents.some((d) => d.person_id === p.id))!;
    const search = await t.request(
      'GET',
      `/api/v1/people?q=${encodeURIComponent(`${someone.given_names} ${someone.family_name}`)}&limit=20`,
      { session: caseworker },
    );
    expect(search.statusCode).toBe(200);
    expect(search.json<{ items: { person: { id: string } }[] }>().items.map((i) => i.person.id)).toContain(someone.id);

    const withHousehold = await rows<{ person_id: string; household_id: string }>(
      `SELECT m.person_id, m.household_id FROM household_members m JOIN people p ON p.id = m.person_id
       JOIN agencies a ON a.id = p.registered_by_agency_id WHERE a.code = 'sozialamt' LIMIT 5`,
    );
    for (const { person_id, household_id } of withHousehold) {
      const person = await t.request('GET', `/api/v1/people/${person_id}`, { session: caseworker });
      expect(person.statusCode, person.body).toBe(200);
      expect(person.json<{ households: unknown[]; addresses: unknown[] }>().addresses.length).toBeGreaterThan(0);
      const household = await t.request('GET', `/api/v1/households/${household_id}`, { session: caseworker });
      expect(household.statusCode, household.body).toBe(200);
    }
    const docs = await t.request('GET', `/api/v1/people/${someone.id}/residence-documents`, { session: caseworker });
    expect(docs.statusCode, docs.body).toBe(200);
    expect(docs.json<{ items: unknown[] }>().items.length).toBe(
      documents.filter((d) => d.person_id === someone.id).length,
    );

    // Other agencies' demo people stay invisible to the Sozialamt.
    const foreign = persons.find((p) => p.agency !== 'sozialamt')!;
    expect((await t.request('GET', `/api/v1/people/${foreign.id}`, { session: caseworker })).statusCode).toBe(404);
  });

  it('gives the same people, households and documents for the same seed', async () => {
    const second = await createTestDatabase();
    try {
      await migrateDatabase(second.database);
      await seedDemo(second.database.db);
      await seedDemoPeople(second.database.db, { count: COUNT, seed: SEED, now: NOW });
      const first = (await snapshot(t.database.db)) as unknown[][];
      expect(first.every((rows) => rows.length > 0)).toBe(true);
      expect(await snapshot(second.database.db)).toEqual(first);
    } finally {
      await second.drop();
    }
  });
});
