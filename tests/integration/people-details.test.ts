import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKING_KEYS_VERSION } from '../../src/shared/domain/people-matching/blocking-keys';
import { loadConfig } from '../../src/server/config';
import type { Db } from '../../src/server/db/client';
import { addresses, agencies, auditEvents, householdMembers, households, people } from '../../src/server/db/schema';
import { prepareDatabase } from '../../src/server/db/setup';
import { recomputeStaleBlockingKeys } from '../../src/server/modules/people/people.repository';
import { normaliseAddressKey } from '../../src/server/modules/social-space/address-register';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Address = {
  addressId: string;
  kind: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  addressSuffix: string | null;
  validFrom: string | null;
  validUntil: string | null;
  current: boolean;
};
type PersonView = {
  id: string;
  version: number;
  givenNames: string;
  familyName: string;
  identifiers: { kind: string; value: string }[];
  nameVariants: unknown[];
  languages: { language: string; motherTongue: boolean; level: string | null }[];
  germanLevels: Record<string, string>;
  interpreter: { needed: boolean; language: string | null };
  contacts: {
    kind: string;
    value: string;
    service: string | null;
    consentToUse: boolean;
    consentRecordedOn: string | null;
    note: string | null;
  }[];
  addresses: Address[];
  households: {
    householdId: string;
    kind: string;
    name: string | null;
    relationship: string;
    validFrom: string;
    validUntil: string | null;
    current: boolean;
  }[];
  mergedInto: string | null;
};
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };
type SearchResult = { items: { person: { id: string } }[]; page: { page: number; pageSize: number; total: number } };

/** The request clock of these tests: 24 November 2026, 23:45 in Mülheim (22:45 UTC). */
const NOW = new Date('2026-11-24T22:45:00Z');

const fullPerson = {
  givenNames: 'Samira',
  familyName: 'Haddad',
  dateOfBirth: '1992-07-04',
  nationalities: ['SY'],
  languages: [
    { language: 'ar', motherTongue: true, level: null },
    { language: 'KU', motherTongue: true, level: 'fließend' },
    { language: 'en', motherTongue: false, level: 'B1' },
  ],
  germanLevels: { writing: 'A2', listening: 'B1', speaking: 'B1' },
  interpreter: { needed: true, language: 'ar' },
  contacts: [
    {
      kind: 'phone',
      value: '+49 (0)208 / 455-1234',
      consentToUse: true,
      consentRecordedOn: '2026-11-24',
      note: 'nachmittags',
    },
    { kind: 'email', value: 'samira.haddad@example.org', consentToUse: false },
    {
      kind: 'messenger',
      value: '+49 176 1234567',
      service: 'signal',
      consentToUse: true,
      consentRecordedOn: '2026-03-01',
    },
  ],
  addresses: [
    {
      kind: 'residence',
      street: 'Schloßstraße',
      houseNumber: '12 a',
      postalCode: '45468',
      city: 'Mülheim an der Ruhr',
      addressSuffix: 'bei Familie Nasser',
      validFrom: '2025-06-01',
    },
    {
      kind: 'accommodation',
      street: 'Duisburger Str.',
      houseNumber: '300',
      postalCode: '45478',
      city: 'Mülheim an der Ruhr',
      validFrom: '2024-01-10',
      validUntil: '2025-05-31',
    },
  ],
  duplicatesReviewed: true,
};

describe('people: languages, contacts, addresses, households', () => {
  let t: TestApp;
  let caseworker: Session;
  let otherAgency: Session;
  let samira: PersonView;
  let etag: string;

  const db = (): Db => t.database.db;
  const auditCount = async () => Number((await db().select({ n: count() }).from(auditEvents))[0]!.n);
  const lastAudit = async () => (await db().select().from(auditEvents).orderBy(auditEvents.seq)).at(-1)!;
  const tableCounts = async () => ({
    people: Number((await db().select({ n: count() }).from(people))[0]!.n),
    addresses: Number((await db().select({ n: count() }).from(addresses))[0]!.n),
    audit: await auditCount(),
  });

  const create = (body: Record<string, unknown>, session = caseworker, headers: Record<string, string> = {}) =>
    t.request('POST', '/api/v1/people', { session, body: { duplicatesReviewed: true, ...body }, headers });
  const patch = (
    id: string,
    body: unknown,
    ifMatch: string,
    session = caseworker,
    headers: Record<string, string> = {},
  ) => t.request('PATCH', `/api/v1/people/${id}`, { session, body, headers: { 'if-match': ifMatch, ...headers } });
  const read = async (id: string, session = caseworker) => {
    const res = await t.request('GET', `/api/v1/people/${id}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PersonView>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    caseworker = await t.login('sozialamt');
    otherAgency = await t.login('jobcenter');
    const res = await create(fullPerson);
    expect(res.statusCode, res.body).toBe(201);
    samira = res.json<PersonView>();
    etag = res.headers.etag as string;
  });
  afterAll(async () => t.close());

  describe('round trip', () => {
    it('stores and returns every new field', async () => {
      expect(samira.languages).toEqual([
        { language: 'ar', motherTongue: true, level: null },
        { language: 'ku', motherTongue: true, level: 'fließend' },
        { language: 'en', motherTongue: false, level: 'B1' },
      ]);
      expect(samira.germanLevels).toEqual({ listening: 'B1', speaking: 'B1', writing: 'A2' });
      expect(Object.keys(samira.germanLevels)).toEqual(['listening', 'speaking', 'writing']);
      expect(samira.interpreter).toEqual({ needed: true, language: 'ar' });
      expect(samira.contacts).toEqual([
        {
          kind: 'phone',
          value: '+49 (0)208 / 455-1234',
          service: null,
          consentToUse: true,
          consentRecordedOn: '2026-11-24',
          note: 'nachmittags',
        },
        {
          kind: 'email',
          value: 'samira.haddad@example.org',
          service: null,
          consentToUse: false,
          consentRecordedOn: null,
          note: null,
        },
        {
          kind: 'messenger',
          value: '+49 176 1234567',
          service: 'signal',
          consentToUse: true,
          consentRecordedOn: '2026-03-01',
          note: null,
        },
      ]);
      expect(samira.addresses).toEqual([
        {
          addressId: expect.any(String) as string,
          kind: 'residence',
          street: 'Schloßstraße',
          houseNumber: '12a',
          postalCode: '45468',
          city: 'Mülheim an der Ruhr',
          addressSuffix: 'bei Familie Nasser',
          validFrom: '2025-06-01',
          validUntil: null,
          current: true,
        },
        {
          addressId: expect.any(String) as string,
          kind: 'accommodation',
          street: 'Duisburger Straße',
          houseNumber: '300',
          postalCode: '45478',
          city: 'Mülheim an der Ruhr',
          addressSuffix: null,
          validFrom: '2024-01-10',
          validUntil: '2025-05-31',
          current: false,
        },
      ]);
      expect(samira.households).toEqual([]);
      expect(samira.mergedInto).toBeNull();
      expect(JSON.stringify(samira)).not.toMatch(/normalised|blocking|districtId|position/i);
      expect(await read(samira.id)).toEqual(samira);
    });

    it('defaults the new fields on a minimal registration', async () => {
      const res = await create({ givenNames: 'Yonas', familyName: 'Tesfamariam' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<PersonView>()).toMatchObject({
        languages: [],
        germanLevels: {},
        interpreter: { needed: false, language: null },
        contacts: [],
        addresses: [],
        households: [],
        mergedInto: null,
      });
    });

    it('accepts several mother tongues and the usual ways of writing a phone number', async () => {
      const res = await create({
        givenNames: 'Arash',
        familyName: 'Karimi',
        languages: [
          { language: 'fa', motherTongue: true },
          { language: 'prs', motherTongue: true },
        ],
        contacts: [
          { kind: 'phone', value: '0208/455-0' },
          { kind: 'phone', value: '(0208) 45 50' },
          { kind: 'messenger', value: '+491761234567', service: 'whatsapp' },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
    });
  });

  describe('validation', () => {
    it('answers 400 with every error at its path, German by default, writing nothing', async () => {
      const phoneMessage =
        'Bitte eine Rufnummer mit mindestens 6 Ziffern angeben (erlaubt sind außerdem +, Leerzeichen, /, - und Klammern).';
      const before = await tableCounts();
      const res = await create({
        givenNames: 'Fehler',
        familyName: 'Fall',
        dateOfBirth: '2026-11-25',
        languages: [
          { language: 'ar', motherTongue: true },
          { language: 'ti' },
          { language: 'AR', motherTongue: false },
        ],
        interpreter: { needed: true },
        contacts: [
          { kind: 'email', value: 'keine-adresse' },
          { kind: 'phone', value: '12 34' },
          { kind: 'phone', value: '0208 4550 ext' },
          { kind: 'messenger', value: '+49 176 1234567' },
          { kind: 'phone', value: '+49 208 4550', service: 'signal' },
          { kind: 'phone', value: '+49 208 4551', consentToUse: true },
          { kind: 'phone', value: '+49 208 4552', consentToUse: true, consentRecordedOn: '2026-11-25' },
          { kind: 'phone', value: '+49 208 4553', consentToUse: true, consentRecordedOn: '2026-02-30' },
          { kind: 'email', value: 'a@b' },
        ],
        addresses: [
          { street: 'Hauptstraße', houseNumber: '1', postalCode: '45468', city: 'Mülheim', validFrom: '2026-02-30' },
          {
            street: 'Hauptstraße',
            houseNumber: '2',
            postalCode: '45468',
            city: 'Mülheim',
            validFrom: '2026-05-01',
            validUntil: '2026-04-30',
          },
          {
            street: 'Hauptstraße',
            houseNumber: '3',
            postalCode: '45468',
            city: 'Mülheim',
            validFrom: '2026-05-01',
            validUntil: '2026-13-01',
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(400);
      const problem = res.json<Problem>();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors).toEqual([
        { path: 'dateOfBirth', message: 'Das Geburtsdatum liegt in der Zukunft.' },
        { path: 'languages.2.language', message: 'Diese Sprache ist doppelt angegeben.' },
        { path: 'interpreter.language', message: 'Bitte angeben, für welche Sprache eine Verdolmetschung nötig ist.' },
        { path: 'contacts.0.value', message: 'Bitte eine gültige E-Mail-Adresse angeben.' },
        { path: 'contacts.1.value', message: phoneMessage },
        { path: 'contacts.2.value', message: phoneMessage },
        { path: 'contacts.3.service', message: 'Bitte den Messenger-Dienst angeben.' },
        { path: 'contacts.4.service', message: 'Ein Dienst wird nur bei Messengern angegeben.' },
        { path: 'contacts.5.consentRecordedOn', message: 'Bitte angeben, wann die Einwilligung erfasst wurde.' },
        { path: 'contacts.6.consentRecordedOn', message: 'Das Datum liegt in der Zukunft.' },
        { path: 'contacts.7.consentRecordedOn', message: 'Dieses Datum gibt es nicht.' },
        { path: 'contacts.8.value', message: 'Bitte eine gültige E-Mail-Adresse angeben.' },
        { path: 'addresses.0.validFrom', message: 'Dieses Datum gibt es nicht.' },
        { path: 'addresses.1.validUntil', message: 'Das Ende liegt vor dem Beginn.' },
        { path: 'addresses.2.validUntil', message: 'Dieses Datum gibt es nicht.' },
      ]);
      expect(await tableCounts()).toEqual(before);
    });

    it('rolls the whole registration back when the database refuses a detail (a NUL byte)', async () => {
      const before = await tableCounts();
      const res = await create({
        givenNames: 'Null',
        familyName: 'Byte',
        contacts: [{ kind: 'email', value: 'null.byte@example.org' }],
        // The first address is registered before the second one fails.
        addresses: [
          { street: 'Hauptstraße', houseNumber: '77', postalCode: '45468', city: 'Mülheim' },
          { street: 'Haupt\u0000straße', houseNumber: '78', postalCode: '45468', city: 'Mülheim' },
        ],
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(await tableCounts()).toEqual(before);
    });

    it('gives the messages in English on request', async () => {
      const res = await create(
        {
          givenNames: 'Error',
          familyName: 'Case',
          interpreter: { needed: true, language: null },
          contacts: [{ kind: 'messenger', value: '017612345678' }],
        },
        caseworker,
        { 'accept-language': 'en' },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors).toEqual([
        { path: 'interpreter.language', message: 'Please state the language an interpreter is needed for.' },
        { path: 'contacts.0.service', message: 'Please state the messenger service.' },
      ]);
    });

    it('validates a PATCH the same way and leaves the person unchanged', async () => {
      const before = await tableCounts();
      const res = await patch(
        samira.id,
        {
          contacts: [...samira.contacts, { kind: 'email', value: 'samira@@example.org' }],
          addresses: [
            { street: 'Hauptstraße', houseNumber: '1', postalCode: '45468', city: 'Mülheim', validUntil: '2025-02-29' },
          ],
        },
        etag,
      );
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().errors).toEqual([
        { path: 'contacts.3.value', message: 'Bitte eine gültige E-Mail-Adresse angeben.' },
        { path: 'addresses.0.validUntil', message: 'Dieses Datum gibt es nicht.' },
      ]);
      expect(await tableCounts()).toEqual(before);
      expect(await read(samira.id)).toEqual(samira);
    });

    it('refuses what the schema refuses: an unknown CEFR level or skill, a bad postal code', async () => {
      for (const body of [
        { germanLevels: { speaking: 'B3' } },
        { germanLevels: { grammar: 'B1' } },
        { addresses: [{ street: 'Hauptstraße', houseNumber: '1', postalCode: '4546', city: 'Mülheim' }] },
        { languages: [{ language: 'arabic' }] },
      ]) {
        const res = await patch(samira.id, body, etag);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json<Problem>().code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('replace semantics and audit', () => {
    it('replaces only the lists a PATCH names, and records the changed field names without values', async () => {
      const res = await patch(
        samira.id,
        {
          languages: [{ language: 'ar', motherTongue: true }],
          germanLevels: { reading: 'A1' },
          interpreter: { needed: false, language: null },
        },
        etag,
      );
      expect(res.statusCode, res.body).toBe(200);
      const after = res.json<PersonView>();
      expect(after.version).toBe(samira.version + 1);
      expect(after.languages).toEqual([{ language: 'ar', motherTongue: true, level: null }]);
      expect(after.germanLevels).toEqual({ reading: 'A1' });
      expect(after.interpreter).toEqual({ needed: false, language: null });
      // Not named in the PATCH: kept as they were.
      expect(after.contacts).toEqual(samira.contacts);
      expect(after.addresses).toEqual(samira.addresses);
      expect(after.identifiers).toEqual(samira.identifiers);
      const row = await lastAudit();
      expect(row.type).toBe('person.updated');
      expect(row.subjectId).toBe(samira.id);
      expect(row.details).toEqual({
        fields: expect.arrayContaining(['languages', 'germanLevels', 'interpreter']) as string[],
        version: after.version,
      });
      expect((row.details as { fields: string[] }).fields).toHaveLength(3);

      const emptied = await patch(samira.id, { contacts: [] }, `"${after.version}"`);
      expect(emptied.statusCode, emptied.body).toBe(200);
      expect(emptied.json<PersonView>().contacts).toEqual([]);
      expect(emptied.json<PersonView>().languages).toEqual(after.languages);
      expect((await lastAudit()).details).toEqual({ fields: ['contacts'], version: after.version + 1 });
      samira = emptied.json<PersonView>();
      etag = emptied.headers.etag as string;
    });

    it('names no field when the same details are sent again, in another key order or spelling', async () => {
      const res = await patch(
        samira.id,
        {
          germanLevels: { reading: 'A1' },
          languages: [{ level: null, motherTongue: true, language: 'AR' }],
          addresses: [
            {
              kind: 'residence',
              street: 'Schloßstr.',
              houseNumber: '12A',
              postalCode: '45468',
              city: 'Mülheim',
              addressSuffix: 'bei Familie Nasser',
              validFrom: '2025-06-01',
            },
            {
              kind: 'accommodation',
              street: 'Duisburger  Strasse',
              houseNumber: '300',
              postalCode: '45478',
              city: 'Mülheim an der Ruhr',
              validFrom: '2024-01-10',
              validUntil: '2025-05-31',
            },
          ],
        },
        etag,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect((await lastAudit()).details).toEqual({ fields: [], version: samira.version + 1 });
      const after = res.json<PersonView>();
      // Same register rows: the register keeps its first spelling.
      expect(after.addresses.map((a) => a.addressId)).toEqual(samira.addresses.map((a) => a.addressId));
      expect(after.addresses.map((a) => a.street)).toEqual(['Schloßstraße', 'Duisburger Straße']);
      samira = after;
      etag = res.headers.etag as string;
    });

    it('writes exactly one audit row per write, with names and counts only', async () => {
      const before = await auditCount();
      const created = await create({
        givenNames: 'Lina',
        familyName: 'Haddad',
        contacts: [{ kind: 'email', value: 'lina.haddad@example.org' }],
        addresses: [{ street: 'Hauptstraße', houseNumber: '8', postalCode: '45468', city: 'Mülheim' }],
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(await auditCount()).toBe(before + 1);
      const createdRow = await lastAudit();
      expect(createdRow.type).toBe('person.created');
      const lina = created.json<PersonView>();
      const changed = await patch(
        lina.id,
        {
          addresses: [
            { street: 'Hauptstraße', houseNumber: '8', postalCode: '45468', city: 'Mülheim', validUntil: '2026-10-31' },
            {
              street: 'Aktienstraße',
              houseNumber: '90',
              postalCode: '45473',
              city: 'Mülheim',
              validFrom: '2026-11-01',
            },
          ],
          interpreter: { needed: true, language: 'ar' },
        },
        '"1"',
      );
      expect(changed.statusCode, changed.body).toBe(200);
      expect(await auditCount()).toBe(before + 2);
      const row = await lastAudit();
      expect(row.details).toEqual({
        fields: expect.arrayContaining(['addresses', 'interpreter']) as string[],
        version: 2,
      });
      expect((row.details as { fields: string[] }).fields).toHaveLength(2);
      for (const r of [createdRow, row]) {
        expect(JSON.stringify(r.details)).not.toMatch(/Haupt|Aktien|45468|example\.org|Lina|Haddad|"ar"/);
      }
    });
  });

  describe('address register', () => {
    it('normalises spellings of one address to one key', () => {
      const key = (street: string, houseNumber: string, postalCode = '45468') =>
        normaliseAddressKey({ street, houseNumber, postalCode, city: 'Mülheim an der Ruhr' });
      const hauptstrasse = key('Hauptstraße', '5');
      for (const [street, no] of [
        ['Hauptstr.', '5'],
        ['Hauptstr', '5'],
        ['  HAUPTSTRASSE ', ' 5 '],
        ['Hauptstrasse', '5'],
      ] as const) {
        expect(key(street, no), street).toBe(hauptstrasse);
      }
      expect(key('Duisburger Str.', '12 A')).toBe(key('Duisburger   Straße', '12a'));
      expect(key('Schloss-Str.', '1')).toBe(key('Schloss - Straße', '1'));
      expect(key('Hauptstraße', '5')).not.toBe(key('Hauptstraße', '5', '45470'));
      expect(key('Hauptstraße', '5')).not.toBe(key('Hauptstraße', '5a'));
      expect(key('Hauptstraße', '5')).not.toBe(key('Hauptweg', '5'));
    });

    it('links two people at the same address, spelled differently, to one register row', async () => {
      const first = await create({
        givenNames: 'Omid',
        familyName: 'Rezaei',
        addresses: [{ street: 'Hauptstr. ', houseNumber: '5', postalCode: '45468', city: 'Mülheim an der Ruhr' }],
      });
      const second = await create({
        givenNames: 'Maryam',
        familyName: 'Ahmadi',
        addresses: [
          {
            street: 'Hauptstraße',
            houseNumber: ' 5',
            postalCode: '45468',
            city: 'Mülheim a. d. Ruhr',
            addressSuffix: 'Whg. 3',
          },
        ],
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(second.statusCode, second.body).toBe(201);
      const [a] = first.json<PersonView>().addresses;
      const [b] = second.json<PersonView>().addresses;
      expect(a!.addressId).toBe(b!.addressId);
      expect(b).toMatchObject({
        street: 'Hauptstraße',
        houseNumber: '5',
        city: 'Mülheim an der Ruhr',
        addressSuffix: 'Whg. 3',
      });
      const rows = await db().select().from(addresses).where(eq(addresses.normalisedKey, 'hauptstraße|5|45468'));
      expect(rows.map((r) => r.id)).toEqual([a!.addressId]);
    });

    it('gives concurrent registrations of one new address the same register row', async () => {
      const [x, y] = await Promise.all([
        create({
          givenNames: 'Dawit',
          familyName: 'Tesfaye',
          addresses: [{ street: 'Kaiserstr.', houseNumber: '9', postalCode: '45468', city: 'Mülheim' }],
        }),
        create({
          givenNames: 'Selam',
          familyName: 'Girma',
          addresses: [{ street: 'Kaiserstrasse', houseNumber: '9', postalCode: '45468', city: 'Mülheim' }],
        }),
      ]);
      expect(x.statusCode, x.body).toBe(201);
      expect(y.statusCode, y.body).toBe(201);
      expect(x.json<PersonView>().addresses[0]!.addressId).toBe(y.json<PersonView>().addresses[0]!.addressId);
      const rows = await db().select().from(addresses).where(eq(addresses.normalisedKey, 'kaiserstraße|9|45468'));
      expect(rows).toHaveLength(1);
    });
  });

  describe('address history', () => {
    it('shows current addresses first in entered order, then the past newest first, by the day in Berlin', async () => {
      const at = (street: string, validFrom: string | null, validUntil: string | null, kind = 'residence') => ({
        kind,
        street,
        houseNumber: '1',
        postalCode: '45468',
        city: 'Mülheim an der Ruhr',
        validFrom,
        validUntil,
      });
      const res = await create({
        givenNames: 'Tamar',
        familyName: 'Berhane',
        addresses: [
          at('Alte Straße', '2019-01-01', '2020-12-31'),
          at('Postweg', null, null, 'postal'),
          at('Neue Straße', '2024-02-01', '2026-11-24'),
          at('Mittlere Straße', '2021-01-01', '2024-01-31'),
          at('Kommende Straße', '2026-11-25', null),
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      const shown = (p: PersonView) => p.addresses.map((a) => [a.street, a.current]);
      // 24 November: the address that ends today is still current.
      expect(shown(res.json<PersonView>())).toEqual([
        ['Postweg', true],
        ['Neue Straße', true],
        ['Kommende Straße', true],
        ['Mittlere Straße', false],
        ['Alte Straße', false],
      ]);
      const id = res.json<PersonView>().id;
      // Twenty minutes later it is 25 November in Mülheim, while UTC still has the 24th.
      t.clock.advance(20 * 60_000);
      expect(shown(await read(id))).toEqual([
        ['Postweg', true],
        ['Kommende Straße', true],
        ['Neue Straße', false],
        ['Mittlere Straße', false],
        ['Alte Straße', false],
      ]);
    });
  });

  describe('date of birth', () => {
    it('takes "today" from the request clock in Berlin: the 25th is born at 00:05 German time', async () => {
      // The address-history test moved the clock to 23:05 UTC on 24 November, 00:05 on the 25th in Mülheim.
      expect(t.clock.now().toISOString()).toBe('2026-11-24T23:05:00.000Z');
      const born = await create({ givenNames: 'Neu', familyName: 'Geboren', dateOfBirth: '2026-11-25' });
      expect(born.statusCode, born.body).toBe(201);
      const tooEarly = await create({ givenNames: 'Neu', familyName: 'Geboren', dateOfBirth: '26.11.2026' });
      expect(tooEarly.statusCode).toBe(400);
      expect(tooEarly.json<Problem>().errors).toEqual([
        { path: 'dateOfBirth', message: 'Das Geburtsdatum liegt in der Zukunft.' },
      ]);
    });
  });

  describe('households', () => {
    it("lists the person's memberships in the agency's households, current first", async () => {
      const [sozialamt] = await db().select().from(agencies).where(eq(agencies.code, 'sozialamt'));
      const [jobcenter] = await db().select().from(agencies).where(eq(agencies.code, 'jobcenter'));
      const [past, present, foreign] = await db()
        .insert(households)
        .values([
          { kind: 'household', name: 'Haddad (alt)', registeredByAgencyId: sozialamt!.id },
          { kind: 'bedarfsgemeinschaft', name: null, registeredByAgencyId: sozialamt!.id },
          { kind: 'household', name: 'fremd', registeredByAgencyId: jobcenter!.id },
        ])
        .returning();
      await db()
        .insert(householdMembers)
        .values([
          {
            householdId: past!.id,
            personId: samira.id,
            relationship: 'child',
            validFrom: '2020-01-01',
            validUntil: '2025-05-31',
          },
          { householdId: present!.id, personId: samira.id, relationship: 'head', validFrom: '2025-06-01' },
          { householdId: foreign!.id, personId: samira.id, relationship: 'other', validFrom: '2025-06-01' },
        ]);
      const person = await read(samira.id);
      expect(person.households).toEqual([
        {
          householdId: present!.id,
          kind: 'bedarfsgemeinschaft',
          name: null,
          relationship: 'head',
          validFrom: '2025-06-01',
          validUntil: null,
          current: true,
        },
        {
          householdId: past!.id,
          kind: 'household',
          name: 'Haddad (alt)',
          relationship: 'child',
          validFrom: '2020-01-01',
          validUntil: '2025-05-31',
          current: false,
        },
      ]);
    });
  });

  describe('merged records', () => {
    it('point at the person they were merged into', async () => {
      const res = await create({ givenNames: 'Samira', familyName: 'Hadad', dateOfBirth: '1992-07-04' });
      const merged = res.json<PersonView>();
      await db().update(people).set({ mergedIntoId: samira.id }).where(eq(people.id, merged.id));
      expect((await read(merged.id)).mergedInto).toBe(samira.id);
      expect((await read(samira.id)).mergedInto).toBeNull();
    });
  });

  describe('access', () => {
    it("answers 404 to another agency's read and update, and writes nothing", async () => {
      const before = await tableCounts();
      const get = await t.request('GET', `/api/v1/people/${samira.id}`, { session: otherAgency });
      expect(get.statusCode).toBe(404);
      expect(get.json<Problem>().code).toBe('NOT_FOUND');
      const upd = await patch(samira.id, { contacts: [{ kind: 'email', value: 'x@example.org' }] }, etag, otherAgency);
      expect(upd.statusCode).toBe(404);
      expect(await tableCounts()).toEqual(before);
      expect((await read(samira.id)).contacts).toEqual(samira.contacts);
    });
  });

  describe('blocking keys version', () => {
    const searchIds = async (q: string) => {
      const res = await t.request('GET', `/api/v1/people?q=${encodeURIComponent(q)}`, { session: caseworker });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<SearchResult>().items.map((i) => i.person.id);
    };
    const makeStale = async (database: Db, ids: string[]) =>
      database.update(people).set({ blockingKeys: [], blockingKeysVersion: 0 }).where(inArray(people.id, ids));
    const keyColumns = async (database: Db, ids: string[]) =>
      database
        .select({
          id: people.id,
          keys: people.blockingKeys,
          keysVersion: people.blockingKeysVersion,
          version: people.version,
        })
        .from(people)
        .where(inArray(people.id, ids));

    it('stores the current version with every write', async () => {
      const [row] = await keyColumns(db(), [samira.id]);
      expect(row!.keysVersion).toBe(BLOCKING_KEYS_VERSION);
      await makeStale(db(), [samira.id]);
      const res = await patch(samira.id, { placeOfBirth: 'Homs' }, etag);
      expect(res.statusCode, res.body).toBe(200);
      const [after] = await keyColumns(db(), [samira.id]);
      expect(after!.keysVersion).toBe(BLOCKING_KEYS_VERSION);
      expect(after!.keys.length).toBeGreaterThan(0);
      samira = res.json<PersonView>();
      etag = res.headers.etag as string;
    });

    it('recomputes the keys of rows with an older version, in batches, without touching their version', async () => {
      const ids: string[] = [];
      for (const [givenNames, familyName] of [
        ['Abdulrahman', 'Sabbagh'],
        ['Oleksandr', 'Shevchenko'],
        ['Yusuf', 'Özdemir'],
      ] as const) {
        const res = await create({ givenNames, familyName, dateOfBirth: '1985-02-11' });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json<PersonView>().id);
      }
      const fresh = await keyColumns(db(), ids);
      expect(await searchIds('Abd al-Rahman Sabbagh')).toContain(ids[0]);
      await makeStale(db(), ids);
      // Stale (here: empty) keys hide the people from search.
      expect(await searchIds('Abd al-Rahman Sabbagh')).not.toContain(ids[0]);
      expect(await searchIds('Olexandr Shevchenko')).not.toContain(ids[1]);

      expect(await recomputeStaleBlockingKeys(db(), 2)).toBe(3);
      const recomputed = await keyColumns(db(), ids);
      const byId = (rows: typeof fresh) => new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const r = byId(recomputed).get(id)!;
        expect(r.keysVersion).toBe(BLOCKING_KEYS_VERSION);
        expect([...r.keys].sort()).toEqual([...byId(fresh).get(id)!.keys].sort());
        expect(r.version).toBe(1);
      }
      expect(await searchIds('Abd al-Rahman Sabbagh')).toContain(ids[0]);
      expect(await searchIds('Olexandr Shevchenko')).toContain(ids[1]);
      expect(await searchIds('Yusuf Oezdemir')).toContain(ids[2]);
      // Nothing stale is left, so a second run does nothing.
      expect(await recomputeStaleBlockingKeys(db(), 2)).toBe(0);
    });

    it('recomputes stale keys when the database is prepared at startup', async () => {
      if (engine === 'postgres') {
        const res = await create({ givenNames: 'Hossein', familyName: 'Jafari', dateOfBirth: '1979' });
        const id = res.json<PersonView>().id;
        await makeStale(db(), [id]);
        const second = await prepareDatabase(
          loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'none', LOG_LEVEL: 'silent', DATABASE_URL: t.databaseUrl! }),
        );
        await second.close();
        const [row] = await keyColumns(db(), [id]);
        expect(row!.keysVersion).toBe(BLOCKING_KEYS_VERSION);
        expect(row!.keys.length).toBeGreaterThan(0);
        return;
      }
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lotse-keys-'));
      const config = loadConfig({ NODE_ENV: 'test', LOTSE_SEED: 'none', LOG_LEVEL: 'silent', DATA_DIR: dir });
      try {
        const first = await prepareDatabase(config);
        const [agency] = await first.db
          .insert(agencies)
          .values({
            code: 'test',
            name: 'Testamt',
            kind: 'sozialamt',
            shortMandate: '-',
            mandate: '-',
            contact: { address: null, phone: null, email: null, openingHours: null },
          })
          .returning();
        const [person] = await first.db
          .insert(people)
          .values({
            givenNames: 'Hossein',
            familyName: 'Jafari',
            nameOrder: 'given_family',
            sex: 'male',
            dobPrecision: 'unknown',
            registeredByAgencyId: agency!.id,
            blockingKeys: [],
            blockingKeysVersion: 0,
          })
          .returning();
        await first.close();
        const second = await prepareDatabase(config);
        try {
          const [row] = await keyColumns(second.db, [person!.id]);
          expect(row!.keysVersion).toBe(BLOCKING_KEYS_VERSION);
          expect(row!.keys.length).toBeGreaterThan(0);
          const stale = await second.db
            .select({ n: count() })
            .from(people)
            .where(and(eq(people.id, person!.id), eq(people.blockingKeysVersion, 0)));
          expect(Number(stale[0]!.n)).toBe(0);
        } finally {
          await second.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
