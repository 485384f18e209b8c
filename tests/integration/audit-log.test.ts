import { asc, count, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;
type AuditRow = typeof auditEvents.$inferSelect;
type EventView = {
  seq: number;
  occurredAt: string;
  type: string;
  outcome: string;
  actor: { userId: string | null; username: string | null; agencyId: string | null } | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  hash: string;
};
type EventList = { items: EventView[]; page: { page: number; pageSize: number; total: number } };

describe('audit log: completeness, browsing, verification', () => {
  let t: TestApp;
  let admin: Session;
  let dsb: Session;
  const agencyId: Record<string, string> = {};
  let newUserId = '';

  const headSeq = async () =>
    (await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))).at(-1)
      ?.seq ?? 0;
  const rowCount = async () => Number((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n);

  /** Runs one request and returns the audit rows it appended. */
  async function auditedBy<T>(action: () => Promise<T>): Promise<{ result: T; rows: AuditRow[] }> {
    const before = await headSeq();
    const result = await action();
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, before))
      .orderBy(asc(auditEvents.seq));
    return { result, rows };
  }

  /** Exactly one row of the type, stamped with the test clock in UTC. */
  function single(rows: AuditRow[], type: string): AuditRow {
    expect(rows.map((r) => r.type)).toEqual([type]);
    const row = rows[0]!;
    expect(row.occurredAt.toISOString()).toBe(t.clock.now().toISOString());
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.requestId).toEqual(expect.any(String));
    return row;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    dsb = await t.login('dsb');
    const list = await t.request('GET', '/api/v1/agencies', { session: admin });
    for (const a of list.json<{ items: { id: string; code: string }[] }>().items) agencyId[a.code] = a.id;
  });
  afterAll(async () => t.close());

  describe('every write leaves exactly one row of the right type', () => {
    it('user created', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('POST', '/api/v1/users', {
          session: admin,
          body: {
            username: 'audit-probe',
            displayName: 'Paula Probe',
            agencyId: agencyId.wohnungsamt,
            roles: ['caseworker', 'caseworker'],
            initialPassword: 'probe-passwort-2025',
          },
        }),
      );
      expect(result.statusCode).toBe(201);
      newUserId = result.json<{ id: string }>().id;
      const row = single(rows, 'user.created');
      expect(row).toMatchObject({
        outcome: 'success',
        actorUserId: admin.userId,
        actorUsername: 'admin',
        actorRoles: ['system_admin'],
        subjectType: 'user',
        subjectId: newUserId,
        details: { username: 'audit-probe', agencyId: agencyId.wohnungsamt, roles: ['caseworker'] },
      });
      expect(JSON.stringify(row.details)).not.toMatch(/passwort|hash/i);
    });

    it('user updated', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('PATCH', `/api/v1/users/${newUserId}`, {
          session: admin,
          body: { displayName: 'Paula Prüfer', active: true },
        }),
      );
      expect(result.statusCode).toBe(200);
      expect(single(rows, 'user.updated')).toMatchObject({
        actorUserId: admin.userId,
        subjectType: 'user',
        subjectId: newUserId,
        details: { fields: ['displayName', 'active'], active: true, sessionsRevoked: 0 },
      });
    });

    it('password reset', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('POST', `/api/v1/users/${newUserId}/password-reset`, {
          session: admin,
          body: { newPassword: 'zweites-passwort-2025' },
        }),
      );
      expect(result.statusCode).toBe(204);
      const row = single(rows, 'user.password_reset');
      expect(row).toMatchObject({ actorUserId: admin.userId, subjectType: 'user', subjectId: newUserId });
      expect(JSON.stringify(row.details)).not.toContain('zweites-passwort');
    });

    it('second factor reset', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('POST', `/api/v1/users/${newUserId}/totp-reset`, { session: admin }),
      );
      expect(result.statusCode).toBe(204);
      expect(single(rows, 'user.totp_reset')).toMatchObject({
        actorUserId: admin.userId,
        subjectType: 'user',
        subjectId: newUserId,
      });
    });

    it('agency updated', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('PATCH', `/api/v1/agencies/${agencyId.cbe}`, {
          session: admin,
          body: { shortMandate: 'Ehrenamtliche Patenschaften und Sprachcafés.' },
        }),
      );
      expect(result.statusCode).toBe(200);
      expect(single(rows, 'agency.updated')).toMatchObject({
        actorUserId: admin.userId,
        subjectType: 'agency',
        subjectId: agencyId.cbe,
        details: { fields: ['shortMandate'] },
      });
    });

    it('team created', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('POST', `/api/v1/agencies/${agencyId.cbe}/teams`, { session: admin, body: { name: 'Sprachcafé' } }),
      );
      expect(result.statusCode).toBe(201);
      const team = result.json<{ teams: { id: string; name: string }[] }>().teams.find((x) => x.name === 'Sprachcafé')!;
      expect(single(rows, 'team.created')).toMatchObject({
        actorUserId: admin.userId,
        subjectType: 'team',
        subjectId: team.id,
        details: { agencyId: agencyId.cbe, name: 'Sprachcafé' },
      });
    });

    it('login succeeded', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('POST', '/api/v1/auth/login', { body: { username: 'jugendamt', password: 'lotse-demo' } }),
      );
      expect(result.statusCode).toBe(200);
      const userId = result.json<{ me: { user: { id: string } } }>().me.user.id;
      expect(single(rows, 'auth.login.succeeded')).toMatchObject({
        outcome: 'success',
        actorUserId: userId,
        actorUsername: 'jugendamt',
        subjectType: 'user',
        subjectId: userId,
        details: { method: 'password', sessionState: 'complete' },
      });
    });

    it('login failed (known and unknown user), without the password', async () => {
      const known = await auditedBy(() =>
        t.request('POST', '/api/v1/auth/login', { body: { username: 'jugendamt', password: 'falsch-geraten' } }),
      );
      expect(known.result.statusCode).toBe(401);
      const jugendamt = (await t.request('GET', '/api/v1/users?q=jugendamt', { session: admin })).json<{
        items: { id: string }[];
      }>().items[0]!.id;
      const row = single(known.rows, 'auth.login.failed');
      expect(row).toMatchObject({
        outcome: 'failure',
        actorUserId: null,
        subjectType: 'user',
        subjectId: jugendamt,
        details: { username: 'jugendamt', reason: 'invalid_credentials' },
      });
      expect(JSON.stringify(row)).not.toContain('falsch-geraten');

      const unknown = await auditedBy(() =>
        t.request('POST', '/api/v1/auth/login', { body: { username: 'niemand', password: 'egal-egal' } }),
      );
      expect(unknown.result.statusCode).toBe(401);
      expect(single(unknown.rows, 'auth.login.failed')).toMatchObject({
        outcome: 'failure',
        actorUserId: null,
        subjectId: null,
        details: { username: 'niemand', reason: 'invalid_credentials' },
      });
    });

    it('login failed with a name JSON can carry but jsonb cannot (unpaired surrogate) is still recorded', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('POST', '/api/v1/auth/login', { body: { username: 'ad\ud800min', password: 'egal-egal' } }),
      );
      expect(result.statusCode).toBe(401);
      expect(single(rows, 'auth.login.failed')).toMatchObject({
        outcome: 'failure',
        details: { username: 'ad\ufffdmin', reason: 'invalid_credentials' },
      });
    });

    it('logout', async () => {
      const session = await t.login('gesundheitsamt');
      const { result, rows } = await auditedBy(() => t.request('POST', '/api/v1/auth/logout', { session }));
      expect(result.statusCode).toBe(204);
      expect(single(rows, 'auth.logout')).toMatchObject({
        outcome: 'success',
        actorUserId: session.userId,
        actorUsername: 'gesundheitsamt',
      });
    });

    it('a rejected write leaves no row', async () => {
      const { result, rows } = await auditedBy(() =>
        t.request('POST', `/api/v1/agencies/${agencyId.cbe}/teams`, { session: admin, body: { name: 'sprachcafé' } }),
      );
      expect(result.statusCode).toBe(409);
      expect(rows).toEqual([]);
    });
  });

  describe('the data protection officer browses the log', () => {
    const browse = (query: string, session = dsb) => t.request('GET', `/api/v1/audit/events${query}`, { session });

    it('filters by type, and the viewing itself is audited', async () => {
      const { result, rows } = await auditedBy(() => browse('?type=user.created'));
      expect(result.statusCode).toBe(200);
      const body = result.json<EventList>();
      const inDb = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'user.created'));
      expect(body.page.total).toBe(inDb.length);
      expect(body.items.map((e) => e.seq).sort()).toEqual(inDb.map((r) => r.seq).sort());
      expect(body.items.every((e) => e.type === 'user.created')).toBe(true);
      expect(body.items[0]).toMatchObject({ subjectId: newUserId, actor: { userId: admin.userId, username: 'admin' } });
      // Whitelisted view: no request id, no roles array, no previous hash.
      expect(Object.keys(body.items[0]!).sort()).toEqual(
        ['actor', 'details', 'hash', 'ip', 'occurredAt', 'outcome', 'seq', 'subjectId', 'subjectType', 'type'].sort(),
      );

      const viewed = single(rows, 'audit.viewed');
      expect(viewed).toMatchObject({
        actorUserId: dsb.userId,
        actorUsername: 'dsb',
        details: { filters: { type: 'user.created', page: 1, pageSize: 50 }, results: inDb.length },
      });
    });

    it('filters by outcome, actor and subject', async () => {
      const failures = (await browse('?outcome=failure')).json<EventList>();
      expect(failures.items.length).toBeGreaterThanOrEqual(2);
      expect(failures.items.every((e) => e.outcome === 'failure')).toBe(true);

      const byAdmin = (await browse(`?actorUserId=${admin.userId}&pageSize=200`)).json<EventList>();
      const adminRows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, admin.userId));
      expect(byAdmin.page.total).toBe(adminRows.length);
      expect(byAdmin.items.every((e) => e.actor?.userId === admin.userId)).toBe(true);
      expect(new Set(byAdmin.items.map((e) => e.type))).toEqual(
        new Set([
          'auth.login.succeeded',
          'auth.second_factor.verified',
          'user.created',
          'user.updated',
          'user.password_reset',
          'user.totp_reset',
          'agency.updated',
          'team.created',
        ]),
      );

      const aboutUser = (await browse(`?subjectId=${newUserId}`)).json<EventList>();
      expect(aboutUser.items.map((e) => e.type)).toEqual([
        'user.totp_reset',
        'user.password_reset',
        'user.updated',
        'user.created',
      ]);

      const combined = (await browse(`?subjectId=${newUserId}&type=user.updated&outcome=success`)).json<EventList>();
      expect(combined.items.map((e) => e.type)).toEqual(['user.updated']);
      const none = (await browse(`?subjectId=${newUserId}&outcome=denied`)).json<EventList>();
      expect(none).toMatchObject({ items: [], page: { total: 0 } });
    });

    it('paginates newest first with a correct total and without overlap', async () => {
      const all = (await browse('?pageSize=200')).json<EventList>();
      // The listing itself was audited after it was read: the log now holds one more row.
      expect(all.page.total + 1).toBe(await rowCount());
      const seqs = all.items.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

      const pageSize = 3;
      const collected: number[] = [];
      let total = -1;
      for (let page = 1; ; page++) {
        const res = await browse(`?type=auth.login.succeeded&pageSize=${pageSize}&page=${page}`);
        expect(res.statusCode).toBe(200);
        const body = res.json<EventList>();
        expect(body.page).toMatchObject({ page, pageSize });
        if (total === -1) total = body.page.total;
        expect(body.page.total).toBe(total);
        if (body.items.length === 0) break;
        expect(body.items.length).toBeLessThanOrEqual(pageSize);
        collected.push(...body.items.map((e) => e.seq));
      }
      const inDb = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'auth.login.succeeded'));
      expect(total).toBe(inDb.length);
      expect(total).toBeGreaterThan(pageSize);
      expect(collected).toEqual(inDb.map((r) => r.seq).sort((a, b) => b - a));
    });

    it('filters by UTC date (from inclusive, to inclusive of the whole day)', async () => {
      const today = t.clock.now().toISOString().slice(0, 10);
      t.clock.advance(3 * DAY);
      const later = t.clock.now().toISOString().slice(0, 10);
      // The sessions expired with the jump; sign in again and write on the later day.
      admin = await t.login('admin');
      dsb = await t.login('dsb');
      const patched = await t.request('PATCH', `/api/v1/agencies/${agencyId.cbe}`, {
        session: admin,
        body: { shortMandate: 'Patenschaften, Sprachcafés und Lotsendienste.' },
      });
      expect(patched.statusCode).toBe(200);

      const fromLater = (await browse(`?from=${later}&pageSize=200`)).json<EventList>();
      expect(fromLater.items.length).toBeGreaterThanOrEqual(3);
      expect(fromLater.items.every((e) => e.occurredAt.slice(0, 10) >= later)).toBe(true);
      expect(fromLater.items.map((e) => e.type)).toContain('agency.updated');

      const untilToday = (await browse(`?to=${today}&pageSize=200`)).json<EventList>();
      expect(untilToday.items.every((e) => e.occurredAt.slice(0, 10) <= today)).toBe(true);
      const inDb = await t.database.db.select().from(auditEvents);
      expect(untilToday.page.total).toBe(inDb.filter((r) => r.occurredAt.toISOString().slice(0, 10) <= today).length);
      // Every row is on one side of the jump; the two listings each appended their own row since.
      expect(untilToday.page.total + fromLater.page.total).toBe(inDb.length - 2);

      const between = (await browse(`?from=${today}&to=${today}&type=agency.updated`)).json<EventList>();
      expect(between.items).toHaveLength(1);
      expect(between.items[0]!.occurredAt.endsWith('Z')).toBe(true);

      // Bounds beyond what PostgreSQL stores (no year 0; the driver writes no year past 9999) exclude nothing.
      const wide = await browse('?from=0000-01-01&to=9999-12-31&pageSize=1');
      expect(wide.statusCode).toBe(200);
      // Everything read above plus the row the date-range listing (`between`) appended.
      expect(wide.json<EventList>().page.total).toBe(inDb.length + 1);

      const bad = await browse('?from=gestern');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('is closed to everyone but the data protection officer', async () => {
      for (const user of ['admin', 'steuerung', 'sozialamt']) {
        const session = user === 'admin' ? admin : await t.login(user);
        const { result, rows } = await auditedBy(() => browse('', session));
        expect(result.statusCode, user).toBe(403);
        expect(rows.filter((r) => r.type === 'audit.viewed')).toEqual([]);
      }
    });
  });

  describe('verification', () => {
    it('walks the whole chain: ok, checked = rows, head = last row; and is audited', async () => {
      const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
      const { result, rows: added } = await auditedBy(() => t.request('GET', '/api/v1/audit/verify', { session: dsb }));
      expect(result.statusCode).toBe(200);
      expect(result.json()).toEqual({
        ok: true,
        checked: rows.length,
        headSeq: rows.at(-1)!.seq,
        headHash: rows.at(-1)!.hash,
        firstBroken: null,
      });
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(single(added, 'audit.verified')).toMatchObject({
        actorUserId: dsb.userId,
        outcome: 'success',
        details: { ok: true, checked: rows.length, firstBrokenSeq: null },
      });
      // The row the verification appended extends the chain it just checked.
      expect(added[0]!.prevHash).toBe(rows.at(-1)!.hash);
      const again = await t.request('GET', '/api/v1/audit/verify', { session: dsb });
      expect(again.json()).toMatchObject({ ok: true, checked: rows.length + 1 });
    });
  });
});
