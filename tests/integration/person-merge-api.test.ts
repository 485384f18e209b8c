import { randomUUID } from 'node:crypto';
import { count, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addresses,
  auditEvents,
  householdMembers,
  households,
  people,
  personAddresses,
  personContacts,
  personIdentifiers,
  personLanguages,
  personMerges,
  residenceDocuments,
} from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type PersonView = {
  id: string;
  version: number;
  givenNames: string;
  familyName: string;
  placeOfBirth: string | null;
  nationalities: string[];
  identifiers: { kind: string; value: string }[];
  nameVariants: { kind: string; givenNames: string | null; familyName: string | null; script: string | null }[];
  languages: { language: string; motherTongue: boolean; level: string | null }[];
  contacts: { kind: string; value: string }[];
  addresses: { addressId: string; street: string }[];
  households: { householdId: string; relationship: string }[];
  mergedInto: string | null;
  registeredBy: { id: string; name: string };
  updatedAt: string;
};
type Merge = {
  id: string;
  survivorId: string;
  mergedId: string;
  reason: string | null;
  mergedAt: string;
  mergedBy: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  canUndo: boolean;
};
type MergeResponse = { merge: Merge; person: PersonView };
type CaseView = { id: string; version: number; person: { id: string } };
type TimelineEvent = {
  kind: string;
  actor: { id: string } | null;
  agency: { id: string } | null;
  details: Record<string, unknown>;
};
type Candidates = { candidates: { personId: string; score: number; reasons: string[] }[] };
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

describe('possible duplicates, "not the same person", merge and undo', () => {
  let t: TestApp;
  let caseworker: Session;
  let otherAgency: Session;

  const auditRows = async (type?: string) =>
    Number(
      (
        await t.database.db
          .select({ n: count() })
          .from(auditEvents)
          .where(type ? eq(auditEvents.type, type) : undefined)
      )[0]!.n,
    );

  /** Runs `action` and asserts it left exactly one audit row, of `type`. */
  async function expectOneAudit<T>(type: string, action: () => Promise<T>): Promise<T> {
    const [all, typed] = [await auditRows(), await auditRows(type)];
    const result = await action();
    expect(await auditRows(), `audit rows after ${type}`).toBe(all + 1);
    expect(await auditRows(type), `${type} rows`).toBe(typed + 1);
    return result;
  }

  const lastAudit = async (type: string) =>
    (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, type))
        .orderBy(desc(auditEvents.seq))
        .limit(1)
    )[0]!;

  async function register(session: Session, body: Record<string, unknown>): Promise<PersonView> {
    const res = await t.request('POST', '/api/v1/people', { session, body: { duplicatesReviewed: true, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PersonView>();
  }
  const read = async (id: string, session = caseworker) => {
    const res = await t.request('GET', `/api/v1/people/${id}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PersonView>();
  };
  const merge = (
    survivor: { id: string; version: number },
    merged: { id: string; version: number },
    extra: Record<string, unknown> = {},
    session = caseworker,
  ) =>
    t.request('POST', '/api/v1/people/merge', {
      session,
      body: {
        survivorId: survivor.id,
        mergedId: merged.id,
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
        ...extra,
      },
    });
  const undo = (mergeId: string, session = caseworker) =>
    t.request('POST', `/api/v1/people/merges/${mergeId}/undo`, { session });
  const openCase = async (personId: string, body: Record<string, unknown> = {}) => {
    const res = await t.request('POST', '/api/v1/cases', {
      session: caseworker,
      body: { personId, title: 'Begleitung', ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CaseView>();
  };
  const readCase = async (id: string, session = caseworker) => {
    const res = await t.request('GET', `/api/v1/cases/${id}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CaseView>();
  };
  const timeline = async (caseId: string, kind: string, session = caseworker) => {
    const res = await t.request('GET', `/api/v1/cases/${caseId}/timeline?kind=${kind}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: TimelineEvent[] }>().items;
  };
  const duplicatesOf = async (id: string) => {
    const res = await t.request('GET', `/api/v1/people/${id}/duplicates`, { session: caseworker });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Candidates>().candidates.map((c) => c.personId);
  };
  const searchIds = async (q: string) => {
    const res = await t.request('GET', `/api/v1/people?q=${encodeURIComponent(q)}`, { session: caseworker });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { person: { id: string } }[] }>().items.map((i) => i.person.id);
  };
  /** A person as shown, without what every write changes. */
  const comparable = ({ version: _v, updatedAt: _u, ...rest }: PersonView) => rest;
  const personRow = async (id: string) => (await t.database.db.select().from(people).where(eq(people.id, id)))[0]!;
  const comparableRow = async (id: string) => {
    const { version: _v, updatedAt: _u, updatedBy: _b, ...rest } = await personRow(id);
    return rest;
  };

  /** Child rows of every kind a merge moves; inserted directly where no route writes them yet. */
  async function addChildren(personId: string, agencyId: string, tag: string) {
    const db = t.database.db;
    const [address] = await db
      .insert(addresses)
      .values({
        street: `Teststraße ${tag}`,
        houseNumber: '1',
        postalCode: '45468',
        city: 'Mülheim an der Ruhr',
        normalisedKey: `test|${tag}|${randomUUID()}`,
      })
      .returning();
    const [household] = await db
      .insert(households)
      .values({ kind: 'household', name: `Haushalt ${tag}`, registeredByAgencyId: agencyId })
      .returning();
    const ids = {
      person_languages: (
        await db
          .insert(personLanguages)
          .values([
            { personId, language: 'ar', motherTongue: true, position: 0 },
            { personId, language: tag === 'S' ? 'en' : 'ku', motherTongue: false, level: 'B1', position: 1 },
          ])
          .returning()
      ).map((r) => r.id),
      person_contacts: (
        await db
          .insert(personContacts)
          .values([
            {
              personId,
              kind: 'phone',
              value: `0208 ${tag === 'S' ? '111' : '222'} 33`,
              consentToUse: true,
              position: 0,
            },
          ])
          .returning()
      ).map((r) => r.id),
      person_addresses: (
        await db
          .insert(personAddresses)
          .values([{ personId, addressId: address!.id, kind: 'residence', validFrom: '2024-01-01', position: 0 }])
          .returning()
      ).map((r) => r.id),
      residence_documents: (
        await db
          .insert(residenceDocuments)
          .values([
            {
              personId,
              documentType: 'aufenthaltsgestattung',
              employment: 'with_permission',
              validFrom: '2023-01-01',
              validUntil: '2023-12-31',
            },
            {
              personId,
              documentType: 'aufenthaltserlaubnis',
              legalBasis: 'AufenthG § 25 Abs. 2',
              employment: 'allowed',
              validFrom: '2024-01-01',
            },
          ])
          .returning()
      ).map((r) => r.id),
      household_members: (
        await db
          .insert(householdMembers)
          .values([{ householdId: household!.id, personId, relationship: 'head', validFrom: '2024-01-01' }])
          .returning()
      ).map((r) => r.id),
    };
    return { ids, household: household!.id, address: address!.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login('sozialamt');
    otherAgency = await t.login('jobcenter');
  });
  afterAll(async () => t.close());

  describe('merge and undo', () => {
    let survivor: PersonView;
    let merged: PersonView;
    let survivorBefore: PersonView;
    let mergedBefore: PersonView;
    let survivorRowBefore: Awaited<ReturnType<typeof comparableRow>>;
    let mergedRowBefore: Awaited<ReturnType<typeof comparableRow>>;
    let mergedChildren: Awaited<ReturnType<typeof addChildren>>;
    let sharedHousehold: { member: string };
    let result: MergeResponse;
    /** A case on the merged record (the Jobcenter on its team) and one on the survivor. */
    let mergedCase: CaseView;
    let survivorCase: CaseView;

    beforeAll(async () => {
      survivor = await register(caseworker, {
        givenNames: 'Mohammed',
        familyName: 'Al-Hussein',
        sex: 'male',
        dateOfBirth: '1990-03-15',
        placeOfBirth: 'Aleppo',
        nationalities: ['SY'],
        nameVariants: [{ kind: 'original_script', givenNames: 'محمد', familyName: 'الحسين', script: 'Arab' }],
        identifiers: [{ kind: 'azr', value: '100000000001' }],
      });
      merged = await register(caseworker, {
        givenNames: 'Muhammad',
        familyName: 'Husain',
        sex: 'male',
        dateOfBirth: '15.03.1990',
        placeOfBirth: 'Halab',
        nationalities: ['SY', 'TR'],
        nameVariants: [
          // The survivor knows this spelling already (other case): dropped, not doubled.
          { kind: 'transliteration', givenNames: 'MOHAMMED', familyName: 'al-hussein', script: null },
          { kind: 'former_name', givenNames: 'Mehmet', familyName: 'Yilmaz', script: null },
        ],
        identifiers: [{ kind: 'bamf', value: '1234567-475' }],
      });
      const agencyId = survivor.registeredBy.id;
      const survivorChildren = await addChildren(survivor.id, agencyId, 'S');
      mergedChildren = await addChildren(merged.id, agencyId, 'M');
      // The merged record is also a member of the survivor's household at the same time: moving
      // that membership would put the survivor into the household twice.
      const [member] = await t.database.db
        .insert(householdMembers)
        .values({
          householdId: survivorChildren.household,
          personId: merged.id,
          relationship: 'sibling',
          validFrom: '2024-06-01',
        })
        .returning();
      sharedHousehold = { member: member!.id };
      const agencies = await t.request('GET', '/api/v1/agencies', { session: caseworker });
      const jobcenter = agencies
        .json<{ items: { id: string; code: string }[] }>()
        .items.find((a) => a.code === 'jobcenter')!;
      mergedCase = await openCase(merged.id, {
        teamAgencies: [
          {
            agencyId: jobcenter.id,
            role: 'participant',
            basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
          },
        ],
      });
      survivorCase = await openCase(survivor.id);
      survivorBefore = await read(survivor.id);
      mergedBefore = await read(merged.id);
      survivorRowBefore = await comparableRow(survivor.id);
      mergedRowBefore = await comparableRow(merged.id);
      t.clock.advance(1000);
      const res = await expectOneAudit('person.merged', () =>
        merge(survivorBefore, mergedBefore, { take: ['placeOfBirth', 'dateOfBirth'], reason: 'Doppelt erfasst' }),
      );
      expect(res.statusCode, res.body).toBe(200);
      result = res.json<MergeResponse>();
    });

    it('answers with the survivor (version + 1, ETag) and the merge', () => {
      expect(result.person.id).toBe(survivor.id);
      expect(result.person.version).toBe(survivorBefore.version + 1);
      expect(result.merge).toMatchObject({
        survivorId: survivor.id,
        mergedId: merged.id,
        reason: 'Doppelt erfasst',
        undoneAt: null,
        canUndo: true,
      });
      expect(result.merge.mergedBy).toBeTruthy();
    });

    it('keeps the survivor values except the fields taken from the merged record', () => {
      expect(result.person).toMatchObject({
        givenNames: 'Mohammed',
        familyName: 'Al-Hussein',
        placeOfBirth: 'Halab',
        dateOfBirth: { value: '15.03.1990', precision: 'day', placeholder: false },
        nationalities: ['SY', 'TR'],
      });
    });

    it("turns the merged record's names into name variants of the survivor, without duplicates", () => {
      expect(result.person.nameVariants).toEqual([
        { kind: 'original_script', givenNames: 'محمد', familyName: 'الحسين', script: 'Arab' },
        { kind: 'alias', givenNames: 'Muhammad', familyName: 'Husain', script: null },
        { kind: 'former_name', givenNames: 'Mehmet', familyName: 'Yilmaz', script: null },
      ]);
    });

    it('moves every kind of child row to the survivor, except what the survivor already has', async () => {
      const db = t.database.db;
      const [stored] = await db.select().from(personMerges).where(eq(personMerges.id, result.merge.id));
      const ids = mergedChildren.ids;
      // The merged record's Arabic is the survivor's language too: it stays, the Kurmanji moves.
      const [arabic, kurdish] = ids.person_languages;
      const sorted = (o: Record<string, string[]>) =>
        Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v].sort()]));
      expect(sorted(stored!.moved)).toEqual(
        sorted({
          person_identifiers: (
            await db.select().from(personIdentifiers).where(eq(personIdentifiers.value, '1234567-475'))
          ).map((r) => r.id),
          person_languages: [kurdish!],
          person_contacts: ids.person_contacts,
          person_addresses: ids.person_addresses,
          residence_documents: ids.residence_documents,
          household_members: ids.household_members,
          cases: [mergedCase.id],
        }),
      );
      const ownerOf = async (
        table:
          | typeof personLanguages
          | typeof personContacts
          | typeof personAddresses
          | typeof residenceDocuments
          | typeof householdMembers
          | typeof personIdentifiers,
        rowIds: string[],
      ) =>
        (await db.select({ personId: table.personId }).from(table).where(inArray(table.id, rowIds))).map(
          (r) => r.personId,
        );
      for (const [table, rowIds] of [
        [personLanguages, [kurdish!]],
        [personContacts, ids.person_contacts],
        [personAddresses, ids.person_addresses],
        [residenceDocuments, ids.residence_documents],
        [householdMembers, ids.household_members],
      ] as const) {
        expect(await ownerOf(table, [...rowIds])).toEqual(rowIds.map(() => survivor.id));
      }
      expect(await ownerOf(personLanguages, [arabic!])).toEqual([merged.id]);
      expect(await ownerOf(householdMembers, [sharedHousehold.member])).toEqual([merged.id]);
      expect((stored!.snapshot as { kept: Record<string, string[]> }).kept).toEqual({
        person_languages: [arabic],
        household_members: [sharedHousehold.member],
      });

      expect(result.person.identifiers).toEqual([
        { kind: 'azr', value: '100000000001' },
        { kind: 'bamf', value: '1234567-475' },
      ]);
      expect(result.person.languages.map((l) => l.language)).toEqual(['ar', 'en', 'ku']);
      expect(result.person.contacts.map((c) => c.value)).toEqual(['0208 111 33', '0208 222 33']);
      expect(result.person.addresses.map((a) => a.addressId).sort()).toEqual(
        [...survivorBefore.addresses.map((a) => a.addressId), mergedChildren.address].sort(),
      );
      expect(result.person.households.map((h) => h.householdId).sort()).toEqual(
        [...survivorBefore.households.map((h) => h.householdId), mergedChildren.household].sort(),
      );
    });

    it("moves the merged record's case to the survivor unchanged, with an entry on its timeline", async () => {
      const moved = await readCase(mergedCase.id);
      expect(moved.person.id).toBe(survivor.id);
      // The case's ETag stays: a merge in the register does not invalidate an open edit of the case.
      expect(moved.version).toBe(mergedCase.version);
      const [entry, ...more] = await timeline(mergedCase.id, 'person_merged');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        actor: { id: caseworker.userId },
        agency: { id: survivor.registeredBy.id },
        details: { mergeId: result.merge.id },
      });
      // The survivor's own case stays where it was, without an entry.
      expect((await readCase(survivorCase.id)).person.id).toBe(survivor.id);
      expect(await timeline(survivorCase.id, 'person_merged')).toEqual([]);
      const cases = await t.request('GET', `/api/v1/people/${survivor.id}/cases`, { session: caseworker });
      expect(
        cases
          .json<{ items: { id: string }[] }>()
          .items.map((c) => c.id)
          .sort(),
      ).toEqual([mergedCase.id, survivorCase.id].sort());
      // The case team follows its case: the Jobcenter still sees it, now on the survivor.
      expect((await readCase(mergedCase.id, otherAgency)).person.id).toBe(survivor.id);
      expect(await timeline(mergedCase.id, 'person_merged', otherAgency)).toHaveLength(1);
    });

    it('keeps the merged record, pointing at the survivor, with a new version', async () => {
      const after = await read(merged.id);
      expect(after.mergedInto).toBe(survivor.id);
      expect(after.version).toBe(mergedBefore.version + 1);
      expect(after.givenNames).toBe('Muhammad');
      expect(after.identifiers).toEqual([]);
    });

    it('refuses edits of the merged record (409), which would be lost to every view', async () => {
      const current = await read(merged.id);
      const res = await t.request('PATCH', `/api/v1/people/${merged.id}`, {
        session: caseworker,
        body: { placeOfBirth: 'Kabul' },
        headers: { 'if-match': `"${current.version}"` },
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<Problem>().errors?.[0]?.message).toMatch(/zusammengeführt/);
      expect((await read(merged.id)).version).toBe(current.version);
    });

    it('audits the merge with ids and counts only', async () => {
      const row = await lastAudit('person.merged');
      expect(row.subjectId).toBe(survivor.id);
      expect(row.details).toEqual({
        mergeId: result.merge.id,
        mergedId: merged.id,
        take: ['placeOfBirth', 'dateOfBirth'],
        moved: {
          person_identifiers: 1,
          person_languages: 1,
          person_contacts: 1,
          person_addresses: 1,
          residence_documents: 2,
          household_members: 1,
          cases: 1,
        },
      });
      expect(JSON.stringify(row.details)).not.toMatch(/Muhammad|Husain|Halab|1990|Doppelt/);
    });

    it('lists the merge for both people, newest first, audited as a read', async () => {
      for (const id of [survivor.id, merged.id]) {
        const res = await expectOneAudit('person.viewed', () =>
          t.request('GET', `/api/v1/people/${id}/merges`, { session: caseworker }),
        );
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ items: Merge[] }>().items).toEqual([result.merge]);
      }
    });

    it("search finds the survivor under the merged record's spellings, never the merged record", async () => {
      for (const q of ['Muhammad Husain', 'Mehmet Yilmaz']) {
        const found = await searchIds(q);
        expect(found, q).toContain(survivor.id);
        expect(found, q).not.toContain(merged.id);
      }
    });

    it('does not propose the merged record as a duplicate any more', async () => {
      const res = await expectOneAudit('person.duplicates_viewed', () =>
        t.request('GET', `/api/v1/people/${survivor.id}/duplicates`, { session: caseworker }),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Candidates>().candidates.map((c) => c.personId)).not.toContain(merged.id);
      expect(await duplicatesOf(merged.id)).toEqual([]);
    });

    it('refuses to merge a record that is merged away (400), in either role', async () => {
      const third = await register(caseworker, { givenNames: 'Dritte', familyName: 'Person' });
      const current = await read(merged.id);
      for (const [s, m, path] of [
        [third, current, 'mergedId'],
        [current, third, 'survivorId'],
      ] as const) {
        const res = await merge(s, m);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json<Problem>().errors?.map((e) => e.path)).toEqual([path]);
      }
    });

    it('undo restores the survivor and the merged record exactly as they were', async () => {
      const survivorAfterMerge = await read(survivor.id);
      t.clock.advance(1000);
      const res = await expectOneAudit('person.merge_undone', () => undo(result.merge.id));
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<MergeResponse>();
      expect(res.headers.etag).toBe(`"${survivorAfterMerge.version + 1}"`);
      expect(body.merge).toMatchObject({ id: result.merge.id, canUndo: false, undoneAt: t.clock.now().toISOString() });
      expect(body.merge.undoneBy).toBeTruthy();
      // A new version, never an old number: ETags only go forward.
      expect(body.person.version).toBe(survivorAfterMerge.version + 1);
      expect(comparable(body.person)).toEqual(comparable(survivorBefore));
      expect(comparable(await read(survivor.id))).toEqual(comparable(survivorBefore));
      const mergedAfter = await read(merged.id);
      expect(mergedAfter.mergedInto).toBeNull();
      expect(comparable(mergedAfter)).toEqual(comparable(mergedBefore));
      // The rows too, blocking keys and the positions of the moved child rows included.
      expect(await comparableRow(survivor.id)).toEqual(survivorRowBefore);
      expect(await comparableRow(merged.id)).toEqual(mergedRowBefore);
      const positions = await t.database.db
        .select({ id: personLanguages.id, personId: personLanguages.personId, position: personLanguages.position })
        .from(personLanguages)
        .where(inArray(personLanguages.id, mergedChildren.ids.person_languages));
      expect(positions.sort((a, b) => a.position - b.position)).toEqual(
        mergedChildren.ids.person_languages.map((id, position) => ({ id, personId: merged.id, position })),
      );
      const row = await lastAudit('person.merge_undone');
      expect(row.subjectId).toBe(survivor.id);
      expect(row.details).toEqual({ mergeId: result.merge.id, mergedId: merged.id });
    });

    it('undo moves the case back to the merged record, unchanged, with an entry on its timeline', async () => {
      const back = await readCase(mergedCase.id);
      expect(back.person.id).toBe(merged.id);
      expect(back.version).toBe(mergedCase.version);
      const [entry, ...more] = await timeline(mergedCase.id, 'person_merge_undone');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actor: { id: caseworker.userId }, details: { mergeId: result.merge.id } });
      expect(await timeline(mergedCase.id, 'person_merged')).toHaveLength(1);
      expect((await readCase(survivorCase.id)).person.id).toBe(survivor.id);
      expect(await timeline(survivorCase.id, 'person_merge_undone')).toEqual([]);
      expect((await readCase(mergedCase.id, otherAgency)).person.id).toBe(merged.id);
    });

    it('after the undo, search and the duplicate check see the merged record again', async () => {
      expect(await searchIds('Mehmet Yilmaz')).toContain(merged.id);
      expect(await searchIds('Mehmet Yilmaz')).not.toContain(survivor.id);
      expect(await duplicatesOf(survivor.id)).toContain(merged.id);
    });

    it('a second undo is a conflict (409) and changes nothing', async () => {
      const before = await read(survivor.id);
      const res = await undo(result.merge.id);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<Problem>().errors?.[0]?.message).toMatch(/bereits rückgängig/);
      expect((await read(survivor.id)).version).toBe(before.version);
    });
  });

  describe('refusals', () => {
    let a: PersonView;
    let b: PersonView;

    beforeAll(async () => {
      a = await register(caseworker, { givenNames: 'Yusuf', familyName: 'Ahmadi', dateOfBirth: '1985-07-01' });
      b = await register(caseworker, { givenNames: 'Youssef', familyName: 'Ahmadi', dateOfBirth: '1985-07-01' });
    });

    it('refuses stale versions (412) and leaves both records untouched', async () => {
      for (const [s, m] of [
        [{ ...a, version: a.version + 1 }, b],
        [a, { ...b, version: b.version - 1 }],
      ]) {
        const res = await merge(s!, m!);
        expect(res.statusCode, res.body).toBe(412);
      }
      expect((await read(a.id)).version).toBe(a.version);
      expect((await read(b.id)).mergedInto).toBeNull();
      expect(await t.database.db.select().from(personMerges).where(eq(personMerges.mergedId, b.id))).toEqual([]);
    });

    it('refuses to merge a person with itself (400)', async () => {
      const res = await merge(a, a);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.path).toBe('mergedId');
    });

    it('refuses an undo after a later change of the survivor (409, in German)', async () => {
      const res = await merge(a, b);
      expect(res.statusCode, res.body).toBe(200);
      const { merge: m, person } = res.json<MergeResponse>();
      const edit = await t.request('PATCH', `/api/v1/people/${a.id}`, {
        session: caseworker,
        body: { placeOfBirth: 'Kabul' },
        headers: { 'if-match': `"${person.version}"` },
      });
      expect(edit.statusCode, edit.body).toBe(200);
      const listed = await t.request('GET', `/api/v1/people/${a.id}/merges`, { session: caseworker });
      expect(listed.json<{ items: Merge[] }>().items[0]).toMatchObject({ id: m.id, canUndo: false });
      const refused = await undo(m.id);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json<Problem>().errors?.[0]?.message).toMatch(
        /^Die Person wurde nach der Zusammenführung geändert/,
      );
      const english = await t.request('POST', `/api/v1/people/merges/${m.id}/undo`, {
        session: caseworker,
        headers: { 'accept-language': 'en' },
      });
      expect(english.json<Problem>().errors?.[0]?.message).toMatch(/changed after the merge/);
      expect((await read(b.id)).mergedInto).toBe(a.id);
      expect((await read(a.id)).placeOfBirth).toBe('Kabul');
    });

    it('lets exactly one of two crossing merges and one of two undos win', async () => {
      const x = await register(caseworker, {
        givenNames: 'Tesfay',
        familyName: 'Gebremedhin',
        dateOfBirth: '1995-01-01',
      });
      const y = await register(caseworker, {
        givenNames: 'Tesfai',
        familyName: 'Gebremedhin',
        dateOfBirth: '1995-01-01',
      });
      const results = await Promise.all([merge(x, y), merge(y, x)]);
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses[0], results.map((r) => r.body).join('\n')).toBe(200);
      expect([400, 412]).toContain(statuses[1]);
      const mergedAway = [(await read(x.id)).mergedInto, (await read(y.id)).mergedInto].filter(Boolean);
      expect(mergedAway).toHaveLength(1);
      const won = results.find((r) => r.statusCode === 200)!.json<MergeResponse>();
      const undos = await Promise.all([undo(won.merge.id), undo(won.merge.id)]);
      expect(undos.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await read(x.id)).mergedInto).toBeNull();
      expect((await read(y.id)).mergedInto).toBeNull();
    });

    it('answers 404 for an unknown merge', async () => {
      expect((await undo(randomUUID())).statusCode).toBe(404);
    });
  });

  describe('undo order', () => {
    it('undoes a stack of merges newest first, also after the survivor itself was merged and restored', async () => {
      const s = await register(caseworker, {
        givenNames: 'Oleksandr',
        familyName: 'Kovalenko',
        dateOfBirth: '1979-11-02',
      });
      const m1 = await register(caseworker, {
        givenNames: 'Aleksandr',
        familyName: 'Kowalenko',
        dateOfBirth: '1979-11-02',
      });
      const m2 = await register(caseworker, { givenNames: 'Olexandr', familyName: 'Kovalenko', dateOfBirth: '1979' });
      const top = await register(caseworker, {
        givenNames: 'Sascha',
        familyName: 'Kovalenko',
        dateOfBirth: '1979-11-02',
      });
      const sBefore = await read(s.id);

      const first = (await merge(s, m1)).json<MergeResponse>();
      t.clock.advance(1000);
      const second = (await merge(first.person, m2)).json<MergeResponse>();
      t.clock.advance(1000);
      // The survivor is merged away into another record.
      const outer = (await merge(top, second.person)).json<MergeResponse>();
      expect(outer.merge.canUndo).toBe(true);

      const blocked = await undo(second.merge.id);
      expect(blocked.statusCode, blocked.body).toBe(409);
      expect(blocked.json<Problem>().errors?.[0]?.message).toMatch(/selbst mit einer anderen Person zusammengeführt/);
      expect((await undo(outer.merge.id)).statusCode).toBe(200);

      const older = await undo(first.merge.id);
      expect(older.statusCode, older.body).toBe(409);
      expect(older.json<Problem>().errors?.[0]?.message).toMatch(/neuere Zusammenführung/);

      const list = (await t.request('GET', `/api/v1/people/${s.id}/merges`, { session: caseworker })).json<{
        items: Merge[];
      }>();
      expect(list.items.map((i) => [i.id, i.canUndo])).toEqual([
        [outer.merge.id, false],
        [second.merge.id, true],
        [first.merge.id, false],
      ]);

      expect((await undo(second.merge.id)).statusCode).toBe(200);
      const last = await undo(first.merge.id);
      expect(last.statusCode, last.body).toBe(200);
      const restored = last.json<MergeResponse>().person;
      expect(comparable(restored)).toEqual(comparable(sBefore));
      expect(restored.version).toBe(sBefore.version + 6);
      for (const p of [m1, m2, top]) expect((await read(p.id)).mergedInto).toBeNull();
    });
  });

  describe('not the same person', () => {
    let p1: PersonView;
    let p2: PersonView;

    beforeAll(async () => {
      p1 = await register(caseworker, {
        givenNames: 'Abdulrahman',
        familyName: 'Haddad',
        dateOfBirth: '1992-02-20',
        nationalities: ['SY'],
      });
      p2 = await register(caseworker, {
        givenNames: 'Abd al-Rahman',
        familyName: 'Hadad',
        dateOfBirth: '1992-02-20',
        nationalities: ['SY'],
      });
    });

    it('proposes a registered look-alike as a possible duplicate, never the person itself', async () => {
      const res = await t.request('GET', `/api/v1/people/${p1.id}/duplicates`, {
        session: caseworker,
        headers: { 'accept-language': 'en' },
      });
      const candidates = res.json<Candidates>().candidates;
      expect(candidates.map((c) => c.personId)).toContain(p2.id);
      expect(candidates.map((c) => c.personId)).not.toContain(p1.id);
      expect(candidates.find((c) => c.personId === p2.id)!.reasons.join(' ')).toMatch(/date of birth/i);
    });

    it('is remembered for both sides, idempotent, audited; withdrawing it brings the pair back', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await expectOneAudit('person.not_duplicate_marked', () =>
          t.request('POST', `/api/v1/people/${p1.id}/not-duplicate`, {
            session: caseworker,
            body: { otherPersonId: p2.id },
          }),
        );
        expect(res.statusCode, res.body).toBe(204);
      }
      expect((await lastAudit('person.not_duplicate_marked')).details).toEqual({ otherPersonId: p2.id });
      expect(await duplicatesOf(p1.id)).not.toContain(p2.id);
      expect(await duplicatesOf(p2.id)).not.toContain(p1.id);

      // Withdrawn from the other side: the pair is one pair, however it was named.
      const res = await expectOneAudit('person.not_duplicate_unmarked', () =>
        t.request('DELETE', `/api/v1/people/${p2.id}/not-duplicate/${p1.id}`, { session: caseworker }),
      );
      expect(res.statusCode, res.body).toBe(204);
      expect(await duplicatesOf(p1.id)).toContain(p2.id);
      expect(await duplicatesOf(p2.id)).toContain(p1.id);
    });

    it('refuses a pair of one person (400)', async () => {
      const res = await t.request('POST', `/api/v1/people/${p1.id}/not-duplicate`, {
        session: caseworker,
        body: { otherPersonId: p1.id },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.path).toBe('otherPersonId');
    });
  });

  describe('access', () => {
    let mine: PersonView;
    let alsoMine: PersonView;
    let theirs: PersonView;
    let mergeId: string;

    beforeAll(async () => {
      mine = await register(caseworker, { givenNames: 'Hussein', familyName: 'Karimi', dateOfBirth: '2001-05-05' });
      alsoMine = await register(caseworker, { givenNames: 'Husain', familyName: 'Karimi', dateOfBirth: '2001-05-05' });
      theirs = await register(otherAgency, { givenNames: 'Hossein', familyName: 'Karimi', dateOfBirth: '2001-05-05' });
      const res = await merge(mine, alsoMine);
      expect(res.statusCode, res.body).toBe(200);
      mergeId = res.json<MergeResponse>().merge.id;
      mine = await read(mine.id);
    });

    it("answers 404 on every route for another agency's person, and writes nothing", async () => {
      const before = await auditRows('person.merge_undone');
      const requests: [string, 'GET' | 'POST' | 'DELETE', string, unknown?][] = [
        ['duplicates', 'GET', `/api/v1/people/${mine.id}/duplicates`],
        ['not-duplicate', 'POST', `/api/v1/people/${mine.id}/not-duplicate`, { otherPersonId: theirs.id }],
        ['not-duplicate (other side)', 'POST', `/api/v1/people/${theirs.id}/not-duplicate`, { otherPersonId: mine.id }],
        ['not-duplicate delete', 'DELETE', `/api/v1/people/${mine.id}/not-duplicate/${theirs.id}`],
        ['merges', 'GET', `/api/v1/people/${mine.id}/merges`],
        ['undo', 'POST', `/api/v1/people/merges/${mergeId}/undo`],
        [
          'merge',
          'POST',
          '/api/v1/people/merge',
          { survivorId: theirs.id, mergedId: mine.id, survivorVersion: theirs.version, mergedVersion: mine.version },
        ],
        [
          'merge (other side)',
          'POST',
          '/api/v1/people/merge',
          { survivorId: mine.id, mergedId: theirs.id, survivorVersion: mine.version, mergedVersion: theirs.version },
        ],
      ];
      for (const [name, method, url, body] of requests) {
        const res = await t.request(method, url, { session: otherAgency, ...(body ? { body } : {}) });
        expect(res.statusCode, `${name}: ${res.body}`).toBe(404);
      }
      // The owning agency cannot reach across either: a pair with another agency's person is 404.
      for (const [name, method, url, body] of requests.filter((r) => JSON.stringify(r).includes(theirs.id))) {
        const res = await t.request(method, url, { session: caseworker, ...(body ? { body } : {}) });
        expect(res.statusCode, `${name} by the owner: ${res.body}`).toBe(404);
      }
      expect(await auditRows('person.merge_undone')).toBe(before);
      expect((await read(alsoMine.id)).mergedInto).toBe(mine.id);
      expect((await read(theirs.id, otherAgency)).mergedInto).toBeNull();
    });
  });
});
