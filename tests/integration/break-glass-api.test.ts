import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, breakGlassGrants, notifications, users } from '../../src/server/db/schema';
import { engine, createTestApp, type Session, type TestApp } from '../support/test-app';

type Grant = {
  id: string;
  person: { id: string; givenNames: string | null; familyName: string | null };
  user: { id: string; displayName: string };
  reason: string;
  status: 'active' | 'ended' | 'expired';
  expiresAt: string;
  review: { outcome: string; note: string | null } | null;
};
type Candidate = {
  personId: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string | null;
  registeredBy: { name: string };
  alreadyVisible: boolean;
};
type Notification = {
  id: string;
  kind: string;
  text: { de: string; en: string };
  target: string | null;
  readAt: string | null;
};

const REASON = 'Person bewusstlos in der Notunterkunft aufgefunden, Angehörige unbekannt.';
const HOUR = 3_600_000;

/** Break-glass lifecycle (issue 5): search, grant, notifications, expiry, early end, review. */
describe(`break-glass (${engine})`, () => {
  let t: TestApp;
  let soz: Session; // caseworker, Sozialamt: registers the people
  let jc: Session; // caseworker, Jobcenter: needs emergency access
  let lead: Session; // team lead, Sozialamt
  let dsb: Session; // data protection officer
  let abh: Session; // caseworker, Ausländerbehörde
  let person: string;
  let other: string;

  const ok = <T>(res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const register = async (givenNames: string, familyName: string, dateOfBirth: string) =>
    ok<{ id: string }>(
      await t.request('POST', '/api/v1/people', {
        session: soz,
        body: { givenNames, familyName, dateOfBirth, duplicatesReviewed: true },
      }),
      201,
    ).id;
  const grant = (session: Session, personId: string, reason = REASON) =>
    t.request('POST', '/api/v1/break-glass', { session, body: { personId, reason } });
  const auditRows = (type: string) => t.database.db.select().from(auditEvents).where(eq(auditEvents.type, type));

  beforeAll(async () => {
    t = await createTestApp();
    [soz, jc, lead, dsb, abh] = await Promise.all([
      t.login('sozialamt'),
      t.login('jobcenter'),
      t.login('teamleitung'),
      t.login('dsb'),
      t.login('abh'),
    ]);
    person = await register('Leyla', 'Osmanoğlu', '1990-04-17');
    other = await register('Baran', 'Osmanoğlu', '1992-11-02');
  });
  afterAll(async () => t.close());

  it('refuses a search without a reason or with a short one (400)', async () => {
    for (const reason of [undefined, '', '   kurz   ', 'x'.repeat(19)]) {
      const res = await t.request('POST', '/api/v1/break-glass/search', {
        session: jc,
        body: { ...(reason === undefined ? {} : { reason }), familyName: 'Osmanoglu' },
      });
      expect(res.statusCode, String(reason)).toBe(400);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain('body.reason');
    }
    const res = await grant(jc, person, 'zu kurz');
    expect(res.statusCode).toBe(400);
  });

  it('finds people of another agency showing only name, date of birth and agency, and audits the count', async () => {
    expect((await t.request('GET', `/api/v1/people/${person}`, { session: jc })).statusCode).toBe(404);
    const before = (await auditRows('break_glass.searched')).length;
    const found = ok<{ items: Candidate[] }>(
      await t.request('POST', '/api/v1/break-glass/search', {
        session: jc,
        body: { reason: REASON, familyName: 'Osmanoglu', givenNames: 'Leila', dateOfBirth: '17.04.1990' },
      }),
    );
    expect(found.items[0]).toEqual({
      personId: person,
      givenNames: 'Leyla',
      familyName: 'Osmanoğlu',
      dateOfBirth: '1990-04-17',
      registeredBy: { name: 'Sozialamt – Leistungen für Geflüchtete' },
      alreadyVisible: false,
    });
    expect(found.items.length).toBeLessThanOrEqual(10);
    const rows = await auditRows('break_glass.searched');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.details).toEqual({ resultCount: found.items.length });
    expect(JSON.stringify(rows.at(-1))).not.toContain('Osman');
    expect(JSON.stringify(rows.at(-1))).not.toContain('bewusstlos');
  });

  it('marks people the caller already sees and answers 409 for them', async () => {
    const found = ok<{ items: Candidate[] }>(
      await t.request('POST', '/api/v1/break-glass/search', {
        session: soz,
        body: { reason: REASON, familyName: 'Osmanoglu' },
      }),
    );
    expect(found.items.map((i) => i.alreadyVisible)).toEqual(found.items.map(() => true));
    const res = await grant(soz, person);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('kein Notfallzugriff nötig');
  });

  it('answers 404 for an unknown person', async () => {
    expect((await grant(jc, '00000000-0000-4000-8000-000000000001')).statusCode).toBe(404);
  });

  let grantId: string;
  it('grants 3 hours with exactly one audit row and notifications to the team lead and the DSB', async () => {
    const before = (await auditRows('break_glass.granted')).length;
    const g = ok<Grant>(await grant(jc, person), 201);
    grantId = g.id;
    expect(g.status).toBe('active');
    expect(g.person).toEqual({ id: person, givenNames: 'Leyla', familyName: 'Osmanoğlu' });
    expect(new Date(g.expiresAt).getTime() - t.clock.now().getTime()).toBe(3 * HOUR);

    const rows = await auditRows('break_glass.granted');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      subjectId: person,
      details: { grantId: g.id, expiresAt: g.expiresAt, notified: 2 },
    });
    const [stored] = await t.database.db.select().from(breakGlassGrants).where(eq(breakGlassGrants.id, g.id));
    expect(stored!.reason).toBe(REASON);

    const sent = await t.database.db
      .select({ username: users.username, payload: notifications.payload })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.recipientUserId))
      .where(eq(notifications.subjectId, g.id));
    expect(sent.map((s) => s.username).sort()).toEqual(['dsb', 'teamleitung']);
    expect(Object.keys(sent[0]!.payload).sort()).toEqual(['agencyId', 'grantId', 'personAgencyId', 'userId']);

    // A second request while the first is active is refused.
    const again = await grant(jc, person);
    expect(again.statusCode).toBe(409);
    expect(await auditRows('break_glass.granted')).toHaveLength(before + 1);
  });

  it('shows the person with ground break_glass and the matrix categories of the caller', async () => {
    const seen = ok<{ access: { grounds: string[]; categories: string[] } }>(
      await t.request('GET', `/api/v1/people/${person}`, { session: jc }),
    );
    expect(seen.access.grounds).toEqual(['break_glass']);
    expect(seen.access.categories).toContain('benefits');
    expect(seen.access.categories).not.toContain('health');
    // The grant is the user's, not the agency's.
    const colleague = await t.login('abh');
    expect((await t.request('GET', `/api/v1/people/${person}`, { session: colleague })).statusCode).toBe(404);
  });

  it('notifies the team lead and the DSB in German without social data, and marks read', async () => {
    const list = ok<{ items: Notification[]; unreadCount: number }>(
      await t.request('GET', '/api/v1/notifications', { session: lead }),
    );
    expect(list.unreadCount).toBe(1);
    expect(list.items[0]!.text.de).toMatch(
      /^Notfallzugriff durch Jonas Krämer \(.*Jobcenter.*\) auf eine Person Ihrer Stelle$/,
    );
    expect(list.items[0]!.text.en).toMatch(/^Emergency access by Jonas Krämer \(.*\) to a person of your agency$/);
    expect(list.items[0]!.target).toBe('break_glass_reviews');
    expect(JSON.stringify(list)).not.toContain('Osman');

    const officer = ok<{ items: Notification[] }>(await t.request('GET', '/api/v1/notifications', { session: dsb }));
    expect(officer.items[0]!.text.de).toMatch(
      /^Notfallzugriff durch Jonas Krämer \(.+\) auf eine Person der Stelle .*Sozial/,
    );

    // Someone else's notification does not exist for the caller.
    expect(
      (await t.request('POST', `/api/v1/notifications/${list.items[0]!.id}/read`, { session: dsb })).statusCode,
    ).toBe(404);
    ok(await t.request('POST', `/api/v1/notifications/${list.items[0]!.id}/read`, { session: lead }));
    const after = ok<{ items: Notification[]; unreadCount: number }>(
      await t.request('GET', '/api/v1/notifications', { session: lead }),
    );
    expect(after.unreadCount).toBe(0);
    expect(after.items[0]!.readAt).not.toBeNull();
    const none = ok<{ items: Notification[] }>(await t.request('GET', '/api/v1/notifications', { session: jc }));
    expect(none.items).toEqual([]);
  });

  it('lists the own grants, active first', async () => {
    const own = ok<{ items: Grant[] }>(await t.request('GET', '/api/v1/break-glass', { session: jc }));
    expect(own.items.map((g) => [g.id, g.status])).toEqual([[grantId, 'active']]);
    expect(own.items[0]!.reason).toBe(REASON);
    const theirs = ok<{ items: Grant[] }>(await t.request('GET', '/api/v1/break-glass', { session: abh }));
    expect(theirs.items).toEqual([]);
  });

  it('keeps the person visible for 2 h 59 and answers 404 at 3 h 01', async () => {
    const start = t.clock.now();
    t.clock.advance(2 * HOUR + 59 * 60_000);
    const session = await t.login('jobcenter');
    expect((await t.request('GET', `/api/v1/people/${person}`, { session })).statusCode).toBe(200);
    t.clock.advance(2 * 60_000);
    const later = await t.login('jobcenter');
    expect((await t.request('GET', `/api/v1/people/${person}`, { session: later })).statusCode).toBe(404);
    const own = ok<{ items: Grant[] }>(await t.request('GET', '/api/v1/break-glass', { session: later }));
    expect(own.items[0]).toMatchObject({ id: grantId, status: 'expired', person: { givenNames: null } });
    // An expired grant cannot be ended.
    expect((await t.request('POST', `/api/v1/break-glass/${grantId}/end`, { session: later })).statusCode).toBe(409);
    expect(t.clock.now().getTime() - start.getTime()).toBe(3 * HOUR + 60_000);
    // Sessions time out after 30 idle minutes: everyone signs in again.
    [soz, jc, lead, dsb, abh] = await Promise.all([
      t.login('sozialamt'),
      t.login('jobcenter'),
      t.login('teamleitung'),
      t.login('dsb'),
      t.login('abh'),
    ]);
  });

  it('ends a grant early: the person is gone with the next request; only the holder may end it', async () => {
    const g = ok<Grant>(await grant(jc, other), 201);
    ok(await t.request('GET', `/api/v1/people/${other}`, { session: jc }));
    expect((await t.request('POST', `/api/v1/break-glass/${g.id}/end`, { session: abh })).statusCode).toBe(404);
    const before = (await auditRows('break_glass.ended')).length;
    const ended = ok<Grant>(await t.request('POST', `/api/v1/break-glass/${g.id}/end`, { session: jc }));
    expect(ended.status).toBe('ended');
    expect(await auditRows('break_glass.ended')).toHaveLength(before + 1);
    expect((await t.request('GET', `/api/v1/people/${other}`, { session: jc })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/break-glass/${g.id}/end`, { session: jc })).statusCode).toBe(409);
  });

  it('lists grants for review: the team lead those on Sozialamt people with names, the DSB all without names', async () => {
    const forLead = ok<{ items: Grant[]; page: { total: number } }>(
      await t.request('GET', '/api/v1/break-glass/reviews?status=open', { session: lead }),
    );
    expect(forLead.page.total).toBe(2);
    expect(forLead.items.every((g) => g.person.familyName === 'Osmanoğlu')).toBe(true);
    expect(forLead.items.map((g) => g.user.displayName)).toEqual(['Jonas Krämer', 'Jonas Krämer']);
    const forDsb = ok<{ items: Grant[] }>(await t.request('GET', '/api/v1/break-glass/reviews', { session: dsb }));
    expect(forDsb.items).toHaveLength(2);
    expect(forDsb.items.every((g) => g.person.familyName === null && g.reason === REASON)).toBe(true);
    // A caseworker cannot review.
    expect((await t.request('GET', '/api/v1/break-glass/reviews', { session: soz })).statusCode).toBe(403);
    expect(
      (
        await t.request('POST', `/api/v1/break-glass/${grantId}/review`, {
          session: soz,
          body: { outcome: 'justified' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('reviews once: not_justified needs a note, a second review is 409', async () => {
    const noNote = await t.request('POST', `/api/v1/break-glass/${grantId}/review`, {
      session: lead,
      body: { outcome: 'not_justified', note: '  ' },
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('note');
    const reviewed = ok<Grant>(
      await t.request('POST', `/api/v1/break-glass/${grantId}/review`, {
        session: lead,
        body: { outcome: 'not_justified', note: 'Kein Notfall, regulärer Weg über Einwilligung möglich.' },
      }),
    );
    expect(reviewed.review).toMatchObject({
      outcome: 'not_justified',
      note: 'Kein Notfall, regulärer Weg über Einwilligung möglich.',
    });
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'break_glass.reviewed'), eq(auditEvents.subjectId, person)));
    expect(rows.map((r) => r.details)).toEqual([{ grantId, outcome: 'not_justified' }]);
    const again = await t.request('POST', `/api/v1/break-glass/${grantId}/review`, {
      session: dsb,
      body: { outcome: 'justified' },
    });
    expect(again.statusCode).toBe(409);
    const open = ok<{ page: { total: number } }>(
      await t.request('GET', '/api/v1/break-glass/reviews', { session: dsb }),
    );
    expect(open.page.total).toBe(1);
    const done = ok<{ items: Grant[] }>(
      await t.request('GET', '/api/v1/break-glass/reviews?status=reviewed', { session: dsb }),
    );
    expect(done.items.map((g) => g.id)).toEqual([grantId]);
  });

  it('hides grants on other agencies\u2019 people from a team lead (404 on review)', async () => {
    const jcPerson = ok<{ id: string }>(
      await t.request('POST', '/api/v1/people', {
        session: jc,
        body: { givenNames: 'Daria', familyName: 'Wolkowa', dateOfBirth: '1985-01-01', duplicatesReviewed: true },
      }),
      201,
    ).id;
    const g = ok<Grant>(await grant(abh, jcPerson), 201);
    expect(
      (await t.request('POST', `/api/v1/break-glass/${g.id}/review`, { session: lead, body: { outcome: 'justified' } }))
        .statusCode,
    ).toBe(404);
    ok(await t.request('POST', `/api/v1/break-glass/${g.id}/review`, { session: dsb, body: { outcome: 'justified' } }));
  });
});
