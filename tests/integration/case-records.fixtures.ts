import { and, count, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents } from '../../src/server/db/schema';
import type { Session, TestApp } from '../support/test-app';

/**
 * Shared setup of the notes, documents and appointments tests: the demo caseworkers, a second
 * Sozialamt caseworker (same agency, another person), cases with a team, and audit lookups.
 */

export type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };
export type TimelineEvent = { id: string; kind: string; details: Record<string, unknown> };
export type Timeline = { items: TimelineEvent[]; page: { total: number } };

const PASSWORD = 'ein-langes-passwort-123';

/** 1 → "a", 27 → "aa": distinct names without digits. */
function letters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

export type CaseRecordsFixture = {
  soz: Session; // caseworker, Sozialamt
  soz2: Session; // a second caseworker of the Sozialamt
  jc: Session; // caseworker, Jobcenter (joins some teams)
  abh: Session; // caseworker, Ausländerbehörde (never on a team)
  steuerung: Session; // no case permissions
  agency: Record<string, string>;
  /** Ids by username; `soz2` is the second Sozialamt caseworker. */
  user: Record<string, string>;
  tick: (ms?: number) => void;
  get: (session: Session, url: string) => Promise<LightMyRequestResponse>;
  post: (
    session: Session,
    url: string,
    body: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  patch: (session: Session, url: string, body: unknown, ifMatch?: string) => Promise<LightMyRequestResponse>;
  /** A new person and an open case led by the Sozialamt; `withJobcenter` adds the Jobcenter to the team. */
  createCase: (title: string, options?: { withJobcenter?: boolean }) => Promise<string>;
  addToTeam: (caseId: string, agencyCode: string) => Promise<void>;
  closeCase: (caseId: string) => Promise<void>;
  timeline: (session: Session, caseId: string, query?: string) => Promise<Timeline>;
  auditRows: (type: string, subjectId?: string) => Promise<number>;
  lastAudit: (type: string) => Promise<typeof auditEvents.$inferSelect>;
};

export async function caseRecordsFixture(t: TestApp, prefix: string): Promise<CaseRecordsFixture> {
  const admin = await t.login('admin');
  const soz = await t.login('sozialamt');
  const jc = await t.login('jobcenter');
  const abh = await t.login('abh');
  const steuerung = await t.login('steuerung');
  const agency: Record<string, string> = {};
  const user: Record<string, string> = {};
  const list = await t.request('GET', '/api/v1/agencies', { session: admin });
  for (const a of list.json<{ items: { id: string; code: string }[] }>().items) agency[a.code] = a.id;
  const everyone = await t.request('GET', '/api/v1/users?pageSize=200', { session: admin });
  for (const u of everyone.json<{ items: { id: string; username: string }[] }>().items) user[u.username] = u.id;

  const username = `${prefix.toLowerCase()}-soz2`;
  const created = await t.request('POST', '/api/v1/users', {
    session: admin,
    body: {
      username,
      displayName: 'Zweite Kollegin Sozialamt',
      agencyId: agency.sozialamt,
      teamId: null,
      roles: ['caseworker'],
      initialPassword: PASSWORD,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  user[username] = created.json<{ id: string }>().id;
  user.soz2 = user[username];
  const soz2 = await t.login(username, PASSWORD);

  // Distinct timestamps order lists and the timeline; small steps keep the sessions alive.
  const tick = (ms = 1000) => t.clock.advance(ms);
  const get = (session: Session, url: string) => t.request('GET', url, { session });
  const post = (session: Session, url: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request('POST', url, { session, body, headers });
  const patch = (session: Session, url: string, body: unknown, ifMatch?: string) =>
    t.request('PATCH', url, { session, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });

  let people = 0;
  const addToTeam = async (caseId: string, agencyCode: string) => {
    tick();
    const res = await post(soz, `/api/v1/cases/${caseId}/team`, {
      agencyId: agency[agencyCode],
      userId: null,
      role: 'participant',
      basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const createCase = async (title: string, options: { withJobcenter?: boolean } = {}) => {
    people += 1;
    const person = await post(soz, '/api/v1/people', {
      givenNames: 'Testperson',
      familyName: `${prefix}${letters(people)}`,
      dateOfBirth: '1990-05-17',
      duplicatesReviewed: true,
    });
    expect(person.statusCode, person.body).toBe(201);
    tick();
    const res = await post(soz, '/api/v1/cases', { personId: person.json<{ id: string }>().id, title });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    if (options.withJobcenter) await addToTeam(id, 'jobcenter');
    return id;
  };
  const closeCase = async (caseId: string) => {
    const current = await get(soz, `/api/v1/cases/${caseId}`);
    tick();
    const res = await post(
      soz,
      `/api/v1/cases/${caseId}/phase`,
      { to: 'closure', closureReason: 'goals_achieved', outcome: 'Ziele erreicht.' },
      { 'if-match': String(current.headers.etag) },
    );
    expect(res.statusCode, res.body).toBe(200);
  };
  const timeline = async (session: Session, caseId: string, query = '') => {
    const res = await get(session, `/api/v1/cases/${caseId}/timeline${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Timeline>();
  };
  const auditRows = async (type: string, subjectId?: string) =>
    Number(
      (
        await t.database.db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.type, type), subjectId ? eq(auditEvents.subjectId, subjectId) : undefined))
      )[0]!.n,
    );
  const lastAudit = async (type: string) =>
    (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.type, type))
        .orderBy(desc(auditEvents.seq))
        .limit(1)
    )[0]!;

  return {
    soz,
    soz2,
    jc,
    abh,
    steuerung,
    agency,
    user,
    tick,
    get,
    post,
    patch,
    createCase,
    addToTeam,
    closeCase,
    timeline,
    auditRows,
    lastAudit,
  };
}
