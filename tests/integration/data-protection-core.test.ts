import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, consents, dataTransfers, people } from '../../src/server/db/schema';
import { defaultCategoryMatrix } from '../../src/shared/domain/data-protection/data-categories';
import { engine, createTestApp, type Session, type TestApp } from '../support/test-app';

type PersonView = {
  id: string;
  version: number;
  contacts: unknown[];
  addresses: unknown[];
  germanLevels: Record<string, string>;
  access: { grounds: string[]; categories: string[]; withheld: string[] };
};
type Matrix = { kinds: { agencyKind: string; rules: { category: string; legalBasis: string }[] }[] };

/**
 * The data-protection core (issue 5): the category matrix, field groups withheld by category,
 * the grounds of access, the export and the category checks of residence documents and households.
 * Consents, transfers and break-glass have their own lifecycle tests; here their rows are inserted
 * directly, because only the decision function is under test.
 */
describe(`data-protection core (${engine})`, () => {
  let t: TestApp;
  let soz: Session;
  let gesundheit: Session;
  let jobcenter: Session;
  let admin: Session;
  let agencyId: Record<string, string>;
  let sozialamtUserId: string;

  const ok = <T>(res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const register = async (session: Session, familyName: string) =>
    ok<PersonView>(
      await t.request('POST', '/api/v1/people', {
        session,
        body: {
          givenNames: 'Leyla',
          familyName,
          dateOfBirth: '1990-04-02',
          duplicatesReviewed: true,
          contacts: [{ kind: 'phone', value: '0208 4550', consentToUse: false }],
          germanLevels: { speaking: 'B1' },
        },
      }),
      201,
    );
  const read = (session: Session, id: string) => t.request('GET', `/api/v1/people/${id}`, { session });
  const audits = async (type: string) => t.database.db.select().from(auditEvents).where(eq(auditEvents.type, type));

  beforeAll(async () => {
    t = await createTestApp();
    soz = await t.login('sozialamt');
    gesundheit = await t.login('gesundheitsamt');
    jobcenter = await t.login('jobcenter');
    admin = await t.login('admin');
    const rows = await t.database.db.select({ id: agencies.id, code: agencies.code }).from(agencies);
    agencyId = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    sozialamtUserId = soz.userId;
  });
  afterAll(async () => t.close());

  it('seeds the default matrix once and shows it to every user', async () => {
    const matrix = ok<Matrix>(await t.request('GET', '/api/v1/data-protection/categories', { session: gesundheit }));
    const gesundheitsamt = matrix.kinds.find((k) => k.agencyKind === 'gesundheitsamt')!;
    expect(gesundheitsamt.rules.map((r) => r.category).sort()).toEqual(
      defaultCategoryMatrix.gesundheitsamt.map((g) => g.category).sort(),
    );
    expect(matrix.kinds.find((k) => k.agencyKind === 'steering')!.rules).toEqual([]);
    expect(gesundheitsamt.rules.every((r) => r.legalBasis.length > 3)).toBe(true);
  });

  it('withholds field groups whose category the agency kind may not see, and says so', async () => {
    const person = await register(gesundheit, 'Marker-Gesundheit');
    expect(person.access.grounds).toEqual(['registered']);
    // The Gesundheitsamt's matrix has no employment_profile: the German levels it sent are stored, not shown.
    expect(person.germanLevels).toEqual({});
    expect(person.access.withheld).toContain('employment_profile');
    expect(person.contacts).toHaveLength(1);
    const [stored] = await t.database.db.select().from(people).where(eq(people.id, person.id));
    expect(stored!.germanLevels).toEqual({ speaking: 'B1' });

    // Its residence documents and legal evaluation are residence-status data: 403 naming the category.
    const docs = await t.request('GET', `/api/v1/people/${person.id}/residence-documents`, { session: gesundheit });
    expect(docs.statusCode).toBe(403);
    expect(docs.body).toContain('Aufenthaltsstatus');
    expect(
      (await t.request('GET', `/api/v1/people/${person.id}/legal-evaluation`, { session: gesundheit })).statusCode,
    ).toBe(403);
    // A change of a withheld group is refused and nothing is written.
    const patch = await t.request('PATCH', `/api/v1/people/${person.id}`, {
      session: gesundheit,
      headers: { 'if-match': `"${person.version}"` },
      body: { germanLevels: {} },
    });
    expect(patch.statusCode, patch.body).toBe(403);
    const [after] = await t.database.db.select().from(people).where(eq(people.id, person.id));
    expect(after!.germanLevels).toEqual({ speaking: 'B1' });
    expect(after!.version).toBe(person.version);
    // Households are family data, which the Gesundheitsamt keeps none of.
    const household = await t.request('POST', '/api/v1/households', {
      session: gesundheit,
      body: {
        kind: 'household',
        name: 'X',
        members: [{ personId: person.id, relationship: 'head', validFrom: '2024-01-01' }],
      },
    });
    expect(household.statusCode).toBe(403);
  });

  it('records the grounds and withheld categories of each read in the audit log', async () => {
    const person = await register(soz, 'Audit-Grounds');
    ok(await read(soz, person.id));
    const viewed = (await audits('person.viewed')).filter((e) => e.subjectId === person.id);
    expect(viewed.at(-1)!.details.via).toEqual(['registered']);
    expect(viewed.at(-1)!.details.hidden).toEqual(['youth_welfare']);
  });

  it('opens a person to another agency only through a consent in force, with exactly its categories', async () => {
    const person = await register(soz, 'Consent-Grenze');
    expect((await read(gesundheit, person.id)).statusCode).toBe(404);
    const today = t.clock.now().toISOString().slice(0, 10);
    const [consent] = await t.database.db
      .insert(consents)
      .values({
        personId: person.id,
        categories: ['identity', 'health'],
        recipientAgencyIds: [agencyId.gesundheitsamt!],
        purpose: 'Impfberatung',
        givenOn: today,
        expiresOn: '2099-12-31',
        textVersion: 1,
        textLanguage: 'de',
        evidenceKind: 'in_person',
        evidenceNote: 'persönlich bestätigt',
        recordedByAgencyId: agencyId.sozialamt!,
        recordedAt: t.clock.now(),
      })
      .returning();
    const seen = ok<PersonView>(await read(gesundheit, person.id));
    expect(seen.access.grounds).toEqual(['consent']);
    expect(seen.access.categories).toEqual(['identity', 'health']);
    expect(seen.contacts).toEqual([]);
    // The search finds the person as well, the export shows the same filter.
    const search = ok<{ items: { person: { id: string } }[] }>(
      await t.request('GET', '/api/v1/people?q=Consent-Grenze', { session: gesundheit }),
    );
    expect(search.items.map((i) => i.person.id)).toContain(person.id);
    const exported = ok<{ person: PersonView; residenceDocuments: unknown }>(
      await t.request('GET', `/api/v1/people/${person.id}/export`, { session: gesundheit }),
    );
    expect(exported.person.contacts).toEqual([]);
    expect(exported.residenceDocuments).toBeNull();
    expect((await audits('person.exported')).some((e) => e.subjectId === person.id)).toBe(true);

    // Withdrawal takes effect with the very next request: page, search, export.
    await t.database.db.update(consents).set({ withdrawnAt: t.clock.now() }).where(eq(consents.id, consent!.id));
    expect((await read(gesundheit, person.id)).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/people/${person.id}/export`, { session: gesundheit })).statusCode).toBe(
      404,
    );
    const again = ok<{ items: { person: { id: string } }[] }>(
      await t.request('GET', '/api/v1/people?q=Consent-Grenze', { session: gesundheit }),
    );
    expect(again.items.map((i) => i.person.id)).not.toContain(person.id);
  });

  it('opens a person to the recipient of a transfer until the transfer ends', async () => {
    const person = await register(soz, 'Transfer-Grenze');
    const today = t.clock.now().toISOString().slice(0, 10);
    await t.database.db.insert(dataTransfers).values({
      personId: person.id,
      fromAgencyId: agencyId.sozialamt!,
      toAgencyId: agencyId.jobcenter!,
      categories: ['identity', 'benefits'],
      legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X',
      purpose: 'Übergang in das SGB II',
      transferredAt: t.clock.now(),
      validUntil: today,
    });
    const seen = ok<PersonView>(await read(jobcenter, person.id));
    expect(seen.access.grounds).toEqual(['transfer']);
    expect(seen.access.categories).toEqual(['identity', 'benefits']);
    const detail = ok<{ grounds: string[]; matrixBases: { category: string }[] }>(
      await t.request('GET', `/api/v1/people/${person.id}/access`, { session: jobcenter }),
    );
    expect(detail.grounds).toEqual(['transfer']);
    // Two days later (sessions end with the clock: sign in again).
    t.clock.advance(2 * 24 * 3600 * 1000);
    soz = await t.login('sozialamt');
    gesundheit = await t.login('gesundheitsamt');
    jobcenter = await t.login('jobcenter');
    admin = await t.login('admin');
    expect((await read(jobcenter, person.id)).statusCode).toBe(404);
  });

  it("narrows a caseworker to their own clients under the agency's 'own' scope; team leads keep the agency", async () => {
    const person = await register(soz, 'Scope-Eigen');
    const lead = await t.login('teamleitung');
    await t.database.db.update(agencies).set({ caseworkerScope: 'own' }).where(eq(agencies.id, agencyId.sozialamt!));
    try {
      ok(await read(soz, person.id));
      // Registered by another user of the agency: hidden from the caseworker, visible to the team lead.
      await t.database.db.update(people).set({ createdBy: lead.userId }).where(eq(people.id, person.id));
      expect((await read(soz, person.id)).statusCode).toBe(404);
      ok(await read(lead, person.id));
    } finally {
      await t.database.db
        .update(agencies)
        .set({ caseworkerScope: 'agency' })
        .where(eq(agencies.id, agencyId.sozialamt!));
      await t.database.db.update(people).set({ createdBy: sozialamtUserId }).where(eq(people.id, person.id));
    }
  });

  describe('changing the matrix (system administrator)', () => {
    it('refuses everyone else, duplicates and rules for steering', async () => {
      const body = { rules: [{ category: 'identity', legalBasis: 'SGB II' }] };
      expect(
        (await t.request('PUT', '/api/v1/data-protection/categories/jobcenter', { session: soz, body })).statusCode,
      ).toBe(403);
      const twice = await t.request('PUT', '/api/v1/data-protection/categories/jobcenter', {
        session: admin,
        body: { rules: [...body.rules, ...body.rules] },
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.body).toContain('doppelt');
      const steering = await t.request('PUT', '/api/v1/data-protection/categories/steering', { session: admin, body });
      expect(steering.statusCode).toBe(400);
      const noBasis = await t.request('PUT', '/api/v1/data-protection/categories/jobcenter', {
        session: admin,
        body: { rules: [{ category: 'identity', legalBasis: '' }] },
      });
      expect(noBasis.statusCode).toBe(400);
    });

    it('takes effect with the next request and is audited', async () => {
      const person = await register(jobcenter, 'Matrix-Wechsel');
      expect(ok<PersonView>(await read(jobcenter, person.id)).contacts).toHaveLength(1);
      const matrix = ok<Matrix>(await t.request('GET', '/api/v1/data-protection/categories', { session: admin }));
      const original = matrix.kinds.find((k) => k.agencyKind === 'jobcenter')!.rules;
      const withoutContact = original
        .filter((r) => r.category !== 'contact')
        .map(({ category, legalBasis }) => ({ category, legalBasis }));
      ok(
        await t.request('PUT', '/api/v1/data-protection/categories/jobcenter', {
          session: admin,
          body: { rules: withoutContact },
        }),
      );
      const seen = ok<PersonView>(await read(jobcenter, person.id));
      expect(seen.contacts).toEqual([]);
      expect(seen.access.withheld).toContain('contact');
      const updated = await audits('category_matrix.updated');
      expect(updated.at(-1)!.details).toMatchObject({ agencyKind: 'jobcenter' });
      expect(updated.at(-1)!.details.categories).not.toContain('contact');
      // Without identity there is no access at all.
      ok(
        await t.request('PUT', '/api/v1/data-protection/categories/jobcenter', { session: admin, body: { rules: [] } }),
      );
      expect((await read(jobcenter, person.id)).statusCode).toBe(404);
      ok(
        await t.request('PUT', '/api/v1/data-protection/categories/jobcenter', {
          session: admin,
          body: { rules: original.map(({ category, legalBasis }) => ({ category, legalBasis })) },
        }),
      );
      expect(ok<PersonView>(await read(jobcenter, person.id)).contacts).toHaveLength(1);
    });
  });
});
