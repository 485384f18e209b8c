import { asc, count, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/server/db/client';
import { agencies, auditEvents, sessions, teams, users } from '../../src/server/db/schema';
import { auditRowHash } from '../../src/server/platform/audit/audit-log';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type AuditRow = typeof auditEvents.$inferSelect;
type Verify = {
  ok: boolean;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  firstBroken: { seq: number; reason: string } | null;
};

/** The message of an error and of every cause behind it (drizzle wraps driver errors). */
function errorText(err: unknown): string {
  const parts: string[] = [];
  for (
    let e = err as { message?: string; cause?: unknown } | undefined, i = 0;
    e && i < 5;
    e = e.cause as typeof e, i++
  ) {
    parts.push(e.message ?? '');
  }
  return parts.join(' | ');
}

describe('audit log integrity', () => {
  let t: TestApp;
  let admin: Session;
  let dsb: Session;
  const agencyId: Record<string, string> = {};

  const rows = () => t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  const rowCount = async () => Number((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n);
  const verify = async (): Promise<Verify> => {
    const res = await t.request('GET', '/api/v1/audit/verify', { session: dsb });
    expect(res.statusCode).toBe(200);
    return res.json<Verify>();
  };

  /** Plays the attacker with owner rights: the append-only triggers are off only inside `fn`. */
  async function tamper(fn: () => Promise<unknown>): Promise<void> {
    await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    try {
      await fn();
    } finally {
      await t.database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    dsb = await t.login('dsb');
    const list = await t.request('GET', '/api/v1/agencies', { session: admin });
    for (const a of list.json<{ items: { id: string; code: string }[] }>().items) agencyId[a.code] = a.id;
    // Some history to tamper with.
    for (const name of ['Team Nord', 'Team Süd', 'Team Mitte']) {
      const res = await t.request('POST', `/api/v1/agencies/${agencyId.aa}/teams`, { session: admin, body: { name } });
      expect(res.statusCode).toBe(201);
    }
    for (const u of ['unbekannt-1', 'unbekannt-2']) {
      await t.request('POST', '/api/v1/auth/login', { body: { username: u, password: 'falsch-falsch' } });
    }
    expect(await rowCount()).toBeGreaterThanOrEqual(8);
  });
  afterAll(async () => t.close());

  describe('append-only in the database', () => {
    it('rejects UPDATE, DELETE and TRUNCATE, even for the owner, and leaves the rows alone', async () => {
      const before = await rows();
      await expect(
        t.database.db.execute(sql`UPDATE audit_events SET outcome = 'success' WHERE seq = 1`),
      ).rejects.toSatisfy((e) => /append-only/.test(errorText(e)));
      await expect(t.database.db.execute(sql`UPDATE audit_events SET details = '{}'::jsonb`)).rejects.toSatisfy((e) =>
        /append-only \(UPDATE rejected\)/.test(errorText(e)),
      );
      await expect(t.database.db.execute(sql`DELETE FROM audit_events WHERE seq = 2`)).rejects.toSatisfy((e) =>
        /append-only \(DELETE rejected\)/.test(errorText(e)),
      );
      await expect(t.database.db.execute(sql`DELETE FROM audit_events`)).rejects.toSatisfy((e) =>
        /append-only/.test(errorText(e)),
      );
      await expect(t.database.db.execute(sql`TRUNCATE audit_events`)).rejects.toSatisfy((e) =>
        /append-only \(TRUNCATE rejected\)/.test(errorText(e)),
      );
      // The ORM path is no different from raw SQL.
      await expect(t.database.db.delete(auditEvents).where(eq(auditEvents.seq, 1))).rejects.toSatisfy((e) =>
        /append-only/.test(errorText(e)),
      );
      expect(await rows()).toEqual(before);
    });

    it('grants no UPDATE, DELETE or TRUNCATE on the table to PUBLIC', async () => {
      const acl = await rawRows<{ privilege_type: string }>(
        t.database.db,
        sql`SELECT privilege_type FROM information_schema.role_table_grants WHERE table_name = 'audit_events' AND grantee = 'PUBLIC'`,
      );
      const granted = acl.map((r) => r.privilege_type);
      expect(granted).not.toContain('UPDATE');
      expect(granted).not.toContain('DELETE');
      expect(granted).not.toContain('TRUNCATE');
    });
  });

  describe('tamper detection: verify names the first broken row and why', () => {
    it('starts from an intact chain', async () => {
      const all = await rows();
      const result = await verify();
      expect(result).toMatchObject({ ok: true, checked: all.length, headSeq: all.at(-1)!.seq, firstBroken: null });
    });

    it('(a) a changed field in one row → hash_mismatch at that row', async () => {
      const target = (await rows())[3]!;
      await tamper(() =>
        t.database.db
          .update(auditEvents)
          .set({ details: { ...target.details, name: 'Team Geheim' } })
          .where(eq(auditEvents.seq, target.seq)),
      );
      expect(await verify()).toMatchObject({
        ok: false,
        checked: target.seq - 1,
        headSeq: null,
        firstBroken: { seq: target.seq, reason: 'hash_mismatch' },
      });
      // The same for a field that is not in `details`: the time stamp.
      await tamper(() =>
        t.database.db
          .update(auditEvents)
          .set({ details: target.details, occurredAt: new Date(target.occurredAt.getTime() - 1000) })
          .where(eq(auditEvents.seq, target.seq)),
      );
      expect((await verify()).firstBroken).toEqual({ seq: target.seq, reason: 'hash_mismatch' });

      await tamper(() =>
        t.database.db.update(auditEvents).set({ occurredAt: target.occurredAt }).where(eq(auditEvents.seq, target.seq)),
      );
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
    });

    it('(b) a deleted middle row → gap at its seq', async () => {
      const target = (await rows())[4]!;
      await tamper(() => t.database.db.delete(auditEvents).where(eq(auditEvents.seq, target.seq)));
      expect(await verify()).toMatchObject({
        ok: false,
        checked: target.seq - 1,
        firstBroken: { seq: target.seq, reason: 'gap' },
      });
      await tamper(() => t.database.db.insert(auditEvents).values(target));
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('(c) a row re-hashed consistently with a forged predecessor → prev_hash_mismatch at that row', async () => {
      const target = (await rows())[2]!;
      const forgedPrev = 'f'.repeat(64);
      const forged = { ...target, prevHash: forgedPrev };
      const forgedHash = auditRowHash(forged);
      await tamper(() =>
        t.database.db
          .update(auditEvents)
          .set({ prevHash: forgedPrev, hash: forgedHash })
          .where(eq(auditEvents.seq, target.seq)),
      );
      expect(await verify()).toMatchObject({
        ok: false,
        checked: target.seq - 1,
        firstBroken: { seq: target.seq, reason: 'prev_hash_mismatch' },
      });
      await tamper(() =>
        t.database.db
          .update(auditEvents)
          .set({ prevHash: target.prevHash, hash: target.hash })
          .where(eq(auditEvents.seq, target.seq)),
      );
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('(c′) a row rewritten and re-hashed on its own → prev_hash_mismatch at the next row', async () => {
      const target = (await rows())[5]!;
      const details = { ...target.details, username: 'jemand-anderes' };
      const hash = auditRowHash({ ...target, details });
      await tamper(() =>
        t.database.db.update(auditEvents).set({ details, hash }).where(eq(auditEvents.seq, target.seq)),
      );
      expect(await verify()).toMatchObject({
        ok: false,
        checked: target.seq,
        firstBroken: { seq: target.seq + 1, reason: 'prev_hash_mismatch' },
      });
      await tamper(() =>
        t.database.db
          .update(auditEvents)
          .set({ details: target.details, hash: target.hash })
          .where(eq(auditEvents.seq, target.seq)),
      );
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('(d) two rows swapped → prev_hash_mismatch at the first of them', async () => {
      const all = await rows();
      const [x, y] = [all[1]!, all[2]!];
      await tamper(async () => {
        await t.database.db.update(auditEvents).set({ seq: -1 }).where(eq(auditEvents.seq, x.seq));
        await t.database.db.update(auditEvents).set({ seq: x.seq }).where(eq(auditEvents.seq, y.seq));
        await t.database.db.update(auditEvents).set({ seq: y.seq }).where(eq(auditEvents.seq, -1));
      });
      expect((await verify()).firstBroken).toEqual({ seq: x.seq, reason: 'prev_hash_mismatch' });
      await tamper(async () => {
        await t.database.db.update(auditEvents).set({ seq: -1 }).where(eq(auditEvents.seq, x.seq));
        await t.database.db.update(auditEvents).set({ seq: x.seq }).where(eq(auditEvents.seq, y.seq));
        await t.database.db.update(auditEvents).set({ seq: y.seq }).where(eq(auditEvents.seq, -1));
      });
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('records each failed verification as an audit event with the broken seq', async () => {
      const failed = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, 'audit.verified'))
        .orderBy(asc(auditEvents.seq));
      const failures = failed.filter((r) => r.outcome === 'failure');
      expect(failures.length).toBe(6);
      expect(failures.every((r) => typeof r.details.firstBrokenSeq === 'number' && r.details.ok === false)).toBe(true);
      expect(failures.every((r) => r.actorUserId === dsb.userId)).toBe(true);
    });

    it('(e) cut-off newest rows verify on their own but no longer match an earlier head', async () => {
      const anchor = await verify();
      expect(anchor.ok).toBe(true);
      const all = await rows();
      const cut = all.at(-1)!.seq - 2;
      await tamper(() => t.database.db.delete(auditEvents).where(gt(auditEvents.seq, cut)));
      const after = await verify();
      expect(after.ok).toBe(true);
      // The verification appended a row right after the cut: the head moved backwards.
      expect(after.headSeq).toBe(cut);
      expect(after.headSeq!).toBeLessThan(anchor.headSeq!);
      const kept = await rows();
      expect(kept.find((r) => r.seq === anchor.headSeq)?.hash).not.toBe(anchor.headHash);
    });
  });

  describe('fail-closed: no change without its audit row', () => {
    it('answers 503 AUDIT_UNAVAILABLE and keeps the database unchanged when the audit insert fails', async () => {
      const agencyBefore = (
        await t.database.db.select().from(agencies).where(eq(agencies.id, agencyId.jugendamt!))
      )[0]!;
      const auditBefore = await rowCount();
      const sessionsBefore = Number((await t.database.db.select({ n: count() }).from(sessions))[0]!.n);
      await t.database.db.execute(sql`ALTER TABLE audit_events ADD CONSTRAINT audit_block CHECK (false) NOT VALID`);
      try {
        const expect503 = (
          res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
          what: string,
        ) => {
          expect(res.statusCode, what).toBe(503);
          expect(String(res.headers['content-type']), what).toMatch(/^application\/problem\+json/);
          expect(res.json(), what).toMatchObject({ code: 'AUDIT_UNAVAILABLE', status: 503 });
        };
        expect503(
          await t.request('POST', '/api/v1/users', {
            session: admin,
            body: {
              username: 'ohne-protokoll',
              displayName: 'Ohne Protokoll',
              agencyId: agencyId.jugendamt,
              roles: ['caseworker'],
              initialPassword: 'ohne-protokoll-123',
            },
          }),
          'user create',
        );
        expect503(
          await t.request('PATCH', `/api/v1/agencies/${agencyId.jugendamt}`, {
            session: admin,
            body: { name: 'Umbenannt ohne Spur', shortMandate: 'Nichts.' },
          }),
          'agency patch',
        );
        expect503(
          await t.request('POST', `/api/v1/agencies/${agencyId.jugendamt}/teams`, {
            session: admin,
            body: { name: 'Schattenteam' },
          }),
          'team create',
        );
        const login = await t.request('POST', '/api/v1/auth/login', {
          body: { username: 'wohnungsamt', password: 'lotse-demo' },
        });
        expect503(login, 'login');
        expect(login.headers['set-cookie']).toBeUndefined();
        const browse = await t.request('GET', '/api/v1/audit/events', { session: dsb });
        expect503(browse, 'audit browse');
        expect(browse.body).not.toContain('"items"');

        expect(await t.database.db.select().from(users).where(eq(users.username, 'ohne-protokoll'))).toHaveLength(0);
        expect(await t.database.db.select().from(teams).where(eq(teams.name, 'Schattenteam'))).toHaveLength(0);
        const agencyDuring = (
          await t.database.db.select().from(agencies).where(eq(agencies.id, agencyId.jugendamt!))
        )[0]!;
        expect(agencyDuring).toEqual(agencyBefore);
        expect(Number((await t.database.db.select({ n: count() }).from(sessions))[0]!.n)).toBe(sessionsBefore);
        expect(await rowCount()).toBe(auditBefore);
      } finally {
        await t.database.db.execute(sql`ALTER TABLE audit_events DROP CONSTRAINT audit_block`);
      }

      const created = await t.request('POST', '/api/v1/users', {
        session: admin,
        body: {
          username: 'mit-protokoll',
          displayName: 'Mit Protokoll',
          agencyId: agencyId.jugendamt,
          roles: ['caseworker'],
          initialPassword: 'mit-protokoll-1234',
        },
      });
      expect(created.statusCode).toBe(201);
      const patched = await t.request('PATCH', `/api/v1/agencies/${agencyId.jugendamt}`, {
        session: admin,
        body: { shortMandate: 'Kinder- und Jugendhilfe nach dem SGB VIII.' },
      });
      expect(patched.statusCode).toBe(200);
      const tail = (await rows()).slice(-2).map((r: AuditRow) => r.type);
      expect(tail).toEqual(['user.created', 'agency.updated']);
      expect(await verify()).toMatchObject({ ok: true, checked: auditBefore + 2 });
    });
  });

  describe('concurrent appends', () => {
    it.skipIf(engine !== 'postgres')(
      '50 parallel audited requests form one linear chain (PostgreSQL only: PGlite has a single connection, so appends cannot race there)',
      async () => {
        const before = await rows();
        const requests = Array.from({ length: 50 }, (_, i) => {
          if (i % 2 === 0) {
            return t
              .request('POST', '/api/v1/auth/login', {
                body: { username: `gleichzeitig-${i}`, password: 'falsch-falsch' },
              })
              .then((res) => ({ i, expected: 401, res }));
          }
          const agency = ['sozialamt', 'jobcenter', 'abh', 'cbe', 'aa'][i % 5]!;
          return t
            .request('PATCH', `/api/v1/agencies/${agencyId[agency]}`, {
              session: admin,
              body: { shortMandate: `Gleichzeitige Änderung Nummer ${i}.` },
            })
            .then((res) => ({ i, expected: 200, res }));
        });
        const results = await Promise.all(requests);
        expect(
          results
            .filter((r) => r.res.statusCode !== r.expected)
            .map((r) => `${r.i}: ${r.res.statusCode} ${r.res.body}`),
        ).toEqual([]);

        const all = await rows();
        expect(all.length).toBe(before.length + 50);
        expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
        for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash).toBe(all[i - 1]!.hash);
        expect(new Set(all.map((r) => r.prevHash)).size).toBe(all.length);
        const added = all.slice(before.length);
        expect(added.filter((r) => r.type === 'auth.login.failed')).toHaveLength(25);
        expect(added.filter((r) => r.type === 'agency.updated')).toHaveLength(25);
        expect(await verify()).toMatchObject({ ok: true, checked: all.length, firstBroken: null });
      },
    );
  });
});
