import Fastify, { type FastifyInstance } from 'fastify';
import cookiePlugin from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyKind, Role } from '../../src/shared/contracts/common';
import { defaultCategoryMatrix } from '../../src/shared/domain/data-protection/data-categories';
import { DEMO_USERS } from '../../src/server/db/seed-demo';
import { permissionsByRole, permissionsOf } from '../../src/server/platform/access/permissions';
import { registerRouteGuard } from '../../src/server/platform/access/route-guard';
import { routeKey, routePolicy, type RouteRule } from '../../src/server/platform/access/route-policy';
import { errorHandler } from '../../src/server/platform/http/problem';
import { sessionCookie } from '../../src/server/platform/http/request-context';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const RANDOM_UUID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

/**
 * Every route Fastify registered, as "METHOD url". Parses the router tree that
 * `printRoutes({ commonPrefix: false })` prints: each level is indented by four characters and
 * a node's full path is its parent's path followed by its own segment.
 */
function registeredRoutes(app: FastifyInstance): string[] {
  const text = app.printRoutes({ commonPrefix: false });
  const paths: string[] = [];
  const routes: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) {
      if (line.trim()) throw new Error(`unparsed printRoutes line: ${JSON.stringify(line)}`);
      continue;
    }
    const depth = m[1]!.length / 4;
    const segment = m[2]!;
    const parent = depth === 0 ? '' : paths[depth - 1]!;
    const full = depth === 0 && !segment.startsWith('/') ? `/${segment}` : parent + segment;
    paths.length = depth;
    paths[depth] = full;
    for (const method of (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      routes.push(routeKey(method, full));
    }
  }
  return routes.sort();
}

function splitKey(key: string): { method: Method; url: string } {
  const [method, url] = key.split(' ') as [Method, string];
  return { method, url };
}

/** The matrix probes every demo user; the demo team lead covers the permissions only team leads hold (case.manage). */
const MATRIX_USERS: { username: string; agency: string; roles: Role[] }[] = DEMO_USERS;

const permissionRoutes = Object.entries(routePolicy).filter(
  (e): e is [string, Extract<RouteRule, { access: 'permission' }>] => e[1].access === 'permission',
);

describe('route inventory and deny by default', () => {
  let t: TestApp;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('registers exactly the routes the policy lists, no more and no less', () => {
    const registered = registeredRoutes(t.app);
    // The parser must have understood the tree: every parsed route really exists.
    expect(registered.length).toBeGreaterThan(20);
    for (const key of registered) expect(t.app.hasRoute(splitKey(key)), key).toBe(true);

    const policy = Object.keys(routePolicy).sort();
    const withoutPolicy = registered.filter((k) => !(k in routePolicy));
    const withoutRoute = policy.filter((k) => !t.app.hasRoute(splitKey(k)));
    expect(withoutPolicy, 'registered routes missing from routePolicy').toEqual([]);
    expect(withoutRoute, 'routePolicy entries without a registered route').toEqual([]);
    expect(registered).toEqual(policy);
  });

  it('denies a registered route that has no policy entry (404, not a pass-through)', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(errorHandler);
    await app.register(cookiePlugin);
    registerRouteGuard(
      app,
      { config: t.config, database: t.database, db: t.database.db, now: t.clock.now },
      sessionCookie(false),
    );
    let reached = false;
    app.get('/api/v1/not-in-policy', async () => {
      reached = true;
      return { leaked: true };
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/v1/not-in-policy' });
    await app.close();
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(reached).toBe(false);
  });

  it('answers 401 UNAUTHENTICATED without a session on every route that is not public', async () => {
    const guarded = Object.entries(routePolicy).filter(([, rule]) => rule.access !== 'public');
    expect(guarded.length).toBeGreaterThan(15);
    for (const [key] of guarded) {
      const { method, url } = splitKey(key);
      const res = await t.request(method, url.replace(':id', RANDOM_UUID), method === 'GET' ? {} : { body: {} });
      expect(res.statusCode, key).toBe(401);
      expect(res.headers['content-type'], key).toMatch(/^application\/problem\+json/);
      expect(res.json(), key).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });

  it('answers 401 for a forged or garbage session cookie on every permission route', async () => {
    for (const [key] of permissionRoutes) {
      const { method, url } = splitKey(key);
      const res = await t.request(method, url.replace(':id', RANDOM_UUID), {
        headers: { cookie: `lotse_session=${'A'.repeat(43)}`, 'x-csrf-token': 'x' },
        ...(method === 'GET' ? {} : { body: {} }),
      });
      expect(res.statusCode, key).toBe(401);
      expect(res.json(), key).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('lets a session that still waits for its second factor reach no permission route', async () => {
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'lotse-demo' },
    });
    expect(login.statusCode).toBe(200);
    const body = login.json<{ state: string; csrfToken: string; me: unknown }>();
    expect(body.state).toBe('totp_pending');
    expect(body.me).toBeNull();
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const pending: Session = { cookie, csrf: body.csrfToken, userId: '' };
    for (const [key] of permissionRoutes) {
      const { method, url } = splitKey(key);
      const res = await t.request(method, url.replace(':id', RANDOM_UUID), {
        session: pending,
        ...(method === 'GET' ? {} : { body: {} }),
      });
      expect(res.statusCode, key).toBe(401);
      expect(res.json(), key).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });
    }
  });

  it('keeps the role → permission table as decided (a change here must be deliberate)', () => {
    // Districts, aggregated statistics, the map and the resource directory: every role.
    const base = ['workspace.read', 'agency.read', 'social_space.read'];
    const admin = [...base, 'agency.manage', 'user.read', 'user.manage', 'user.create', 'district.manage'];
    // Agency administrators also keep their agency's measures, acceptance criteria and rejection reasons.
    const agencyAdmin = [...admin, 'measure.read', 'measure.manage', 'referral.manage'];
    const caseWork = [
      'person.read',
      'person.write',
      'case.read',
      'case.write',
      'consent.read',
      'consent.write',
      'transfer.read',
      'transfer.write',
      'break_glass.request',
      'resource.write',
      'exploration.read',
      'exploration.write',
      'address.read',
      'address.write',
      'profile.read',
      'profile.write',
      'measure.read',
      'referral.read',
      'referral.write',
    ];
    expect(Object.fromEntries(Object.entries(permissionsByRole).map(([r, p]) => [r, [...p].sort()]))).toEqual({
      caseworker: [...base, ...caseWork].sort(),
      // Team leads also see their team's workload and reassign cases, review emergency access, place legal holds.
      // Team leads also curate the resource directory (HSDS import, delete) and assign staff to districts.
      team_lead: [
        ...base,
        ...caseWork,
        'case.manage',
        'break_glass.review',
        'legal_hold.manage',
        'resource.manage',
        'district.manage',
        // Team leads keep the measures catalogue and the acceptance criteria, and read the funnel.
        'measure.manage',
        'referral.manage',
        'funnel.read',
      ].sort(),
      agency_admin: [...agencyAdmin].sort(),
      data_protection_officer: [
        ...base,
        'audit.read',
        'audit.verify',
        'transfer.read',
        'break_glass.review',
        'privacy.report',
        'retention.read',
        'legal_hold.manage',
      ].sort(),
      // Steering: aggregated reports (the funnel, cells under 5 suppressed) and the measures catalogue.
      steering: [...base, 'measure.read', 'funnel.read'].sort(),
      system_admin: [
        ...admin,
        'data_protection.manage',
        'retention.read',
        'retention.manage',
        'legal_rules.manage',
        'resource.manage',
      ].sort(),
    });
    // Every permission is needed by some route, and every permission route names a known permission.
    const used = new Set(permissionRoutes.map(([, r]) => r.permission));
    expect([...used].sort()).toEqual([...new Set(Object.values(permissionsByRole).flat())].sort());
  });

  describe('authorisation matrix: every demo user × every permission route', () => {
    const sessions = new Map<string, Session>();
    const kinds = new Map<string, AgencyKind>();
    /** Households are family data: an agency whose kind's matrix lacks the category keeps none (403). */
    const keepsHouseholds = (agencyCode: string) =>
      defaultCategoryMatrix[kinds.get(agencyCode)!].some((g) => g.category === 'family');

    beforeAll(async () => {
      for (const u of DEMO_USERS) sessions.set(u.username, await t.login(u.username));
      const agencies = await t.request('GET', '/api/v1/agencies', { session: sessions.get('sozialamt') });
      for (const a of agencies.json<{ items: { id: string; code: string; kind: AgencyKind }[] }>().items) {
        ids.set(`agency:${a.code}`, a.id);
        kinds.set(a.code, a.kind);
      }
    });

    /**
     * A request per route that passes the route guard without changing anything: reads address
     * the caller's own records, writes carry a body the schema rejects (so an allowed caller gets
     * 400 after the guard and a denied caller 403 before it), and the one body-less write
     * addresses an id that does not exist.
     */
    function probe(key: string, user: (typeof MATRIX_USERS)[number], session: Session) {
      const ownAgency = ids.get(`agency:${user.agency}`)!;
      const requests: Record<string, { url: string; body?: unknown; allowed: number }> = {
        'GET /api/v1/workspace': { url: '/api/v1/workspace', allowed: 200 },
        'GET /api/v1/agencies': { url: '/api/v1/agencies', allowed: 200 },
        'GET /api/v1/agencies/:id': { url: `/api/v1/agencies/${ownAgency}`, allowed: 200 },
        'GET /api/v1/agencies/:id/caseworkers': { url: `/api/v1/agencies/${ownAgency}/caseworkers`, allowed: 200 },
        'PATCH /api/v1/agencies/:id': { url: `/api/v1/agencies/${ownAgency}`, body: { name: 7 }, allowed: 400 },
        'POST /api/v1/agencies/:id/teams': { url: `/api/v1/agencies/${ownAgency}/teams`, body: {}, allowed: 400 },
        'GET /api/v1/users': { url: '/api/v1/users', allowed: 200 },
        'POST /api/v1/users': { url: '/api/v1/users', body: { username: '' }, allowed: 400 },
        'GET /api/v1/users/:id': { url: `/api/v1/users/${session.userId}`, allowed: 200 },
        'PATCH /api/v1/users/:id': { url: `/api/v1/users/${session.userId}`, body: { active: 'no' }, allowed: 400 },
        'POST /api/v1/users/:id/password-reset': {
          url: `/api/v1/users/${session.userId}/password-reset`,
          body: { newPassword: 'short' },
          allowed: 400,
        },
        'POST /api/v1/users/:id/totp-reset': { url: `/api/v1/users/${RANDOM_UUID}/totp-reset`, allowed: 404 },
        'GET /api/v1/people': { url: '/api/v1/people?q=', allowed: 400 },
        'POST /api/v1/people/duplicate-check': {
          url: '/api/v1/people/duplicate-check',
          body: { givenNames: 7 },
          allowed: 400,
        },
        'POST /api/v1/people': { url: '/api/v1/people', body: { givenNames: '' }, allowed: 400 },
        'GET /api/v1/people/:id': { url: `/api/v1/people/${RANDOM_UUID}`, allowed: 404 },
        'PATCH /api/v1/people/:id': { url: `/api/v1/people/${RANDOM_UUID}`, body: { sex: 'none' }, allowed: 400 },
        'GET /api/v1/people/:id/duplicates': { url: `/api/v1/people/${RANDOM_UUID}/duplicates`, allowed: 404 },
        'POST /api/v1/people/:id/not-duplicate': {
          url: `/api/v1/people/${RANDOM_UUID}/not-duplicate`,
          body: { otherPersonId: 'not-a-uuid' },
          allowed: 400,
        },
        'DELETE /api/v1/people/:id/not-duplicate/:otherId': {
          url: `/api/v1/people/${RANDOM_UUID}/not-duplicate/not-a-uuid`,
          allowed: 400,
        },
        'POST /api/v1/people/merge': { url: '/api/v1/people/merge', body: { survivorId: 'not-a-uuid' }, allowed: 400 },
        'GET /api/v1/people/:id/merges': { url: `/api/v1/people/${RANDOM_UUID}/merges`, allowed: 404 },
        'POST /api/v1/people/merges/:id/undo': { url: `/api/v1/people/merges/${RANDOM_UUID}/undo`, allowed: 404 },
        'GET /api/v1/people/:id/residence-documents': {
          url: `/api/v1/people/${RANDOM_UUID}/residence-documents`,
          allowed: 404,
        },
        'POST /api/v1/people/:id/residence-documents': {
          url: `/api/v1/people/${RANDOM_UUID}/residence-documents`,
          body: { documentType: 'visum' },
          allowed: 400,
        },
        'PATCH /api/v1/people/:id/residence-documents/:documentId': {
          url: `/api/v1/people/${RANDOM_UUID}/residence-documents/${RANDOM_UUID}`,
          body: { employment: 'sometimes' },
          allowed: 400,
        },
        'DELETE /api/v1/people/:id/residence-documents/:documentId': {
          url: `/api/v1/people/${RANDOM_UUID}/residence-documents/not-a-uuid`,
          allowed: 400,
        },
        'GET /api/v1/residence-documents/expiring': {
          url: '/api/v1/residence-documents/expiring?withinDays=0',
          allowed: 400,
        },
        'GET /api/v1/data-protection/categories': { url: '/api/v1/data-protection/categories', allowed: 200 },
        'PUT /api/v1/data-protection/categories/:agencyKind': {
          url: '/api/v1/data-protection/categories/jobcenter',
          body: { rules: [{ category: 'identity', legalBasis: '' }] },
          allowed: 400,
        },
        'GET /api/v1/people/:id/access': { url: `/api/v1/people/${RANDOM_UUID}/access`, allowed: 404 },
        'GET /api/v1/people/:id/export': { url: `/api/v1/people/${RANDOM_UUID}/export`, allowed: 404 },
        'GET /api/v1/people/:id/legal-evaluation': {
          url: `/api/v1/people/${RANDOM_UUID}/legal-evaluation`,
          allowed: 404,
        },
        'GET /api/v1/people/:id/handovers': { url: `/api/v1/people/${RANDOM_UUID}/handovers`, allowed: 404 },
        'PATCH /api/v1/legal-handovers/:handoverId': {
          url: `/api/v1/legal-handovers/${RANDOM_UUID}`,
          body: { status: 'maybe' },
          allowed: 400,
        },
        'GET /api/v1/legal-handovers': { url: '/api/v1/legal-handovers?status=lost', allowed: 400 },
        'GET /api/v1/legal/rule-versions': { url: '/api/v1/legal/rule-versions', allowed: 200 },
        'POST /api/v1/legal/rule-versions/:version/preview': {
          url: '/api/v1/legal/rule-versions/no-such-version/preview',
          allowed: 404,
        },
        'POST /api/v1/legal/rule-versions/:version/apply': {
          url: '/api/v1/legal/rule-versions/no-such-version/apply',
          body: { expectedChanged: -1 },
          allowed: 400,
        },
        'POST /api/v1/households': { url: '/api/v1/households', body: { kind: 'wg' }, allowed: 400 },
        'GET /api/v1/households/:id': {
          url: `/api/v1/households/${RANDOM_UUID}`,
          allowed: keepsHouseholds(user.agency) ? 404 : 403,
        },
        'PATCH /api/v1/households/:id': {
          url: `/api/v1/households/${RANDOM_UUID}`,
          body: { kind: 'wg' },
          allowed: 400,
        },
        'POST /api/v1/households/:id/members': {
          url: `/api/v1/households/${RANDOM_UUID}/members`,
          body: { personId: 'x' },
          allowed: 400,
        },
        'POST /api/v1/households/:id/members/:memberId/end': {
          url: `/api/v1/households/${RANDOM_UUID}/members/${RANDOM_UUID}/end`,
          body: { validUntil: 'x' },
          allowed: 400,
        },
        'GET /api/v1/cases': { url: '/api/v1/cases?scope=agency&pageSize=1', allowed: 200 },
        'POST /api/v1/cases': { url: '/api/v1/cases', body: { personId: 'not-a-uuid' }, allowed: 400 },
        'GET /api/v1/cases/workload': { url: '/api/v1/cases/workload?scope=everyone', allowed: 400 },
        'GET /api/v1/cases/:id': { url: `/api/v1/cases/${RANDOM_UUID}`, allowed: 404 },
        'PATCH /api/v1/cases/:id': { url: `/api/v1/cases/${RANDOM_UUID}`, body: { title: 7 }, allowed: 400 },
        'POST /api/v1/cases/:id/phase': {
          url: `/api/v1/cases/${RANDOM_UUID}/phase`,
          body: { to: 'done' },
          allowed: 400,
        },
        'POST /api/v1/cases/:id/reopen': {
          url: `/api/v1/cases/${RANDOM_UUID}/reopen`,
          body: { to: 'closure', reason: 'x' },
          allowed: 400,
        },
        'POST /api/v1/cases/:id/team': {
          url: `/api/v1/cases/${RANDOM_UUID}/team`,
          body: { agencyId: 'x' },
          allowed: 400,
        },
        'POST /api/v1/cases/:id/team/:memberId/end': {
          url: `/api/v1/cases/${RANDOM_UUID}/team/not-a-uuid/end`,
          body: {},
          allowed: 400,
        },
        'POST /api/v1/cases/:id/reassign': {
          url: `/api/v1/cases/${RANDOM_UUID}/reassign`,
          body: { leadUserId: 'not-a-uuid' },
          allowed: 400,
        },
        'GET /api/v1/cases/:id/timeline': { url: `/api/v1/cases/${RANDOM_UUID}/timeline`, allowed: 404 },
        'GET /api/v1/people/:id/cases': { url: `/api/v1/people/${RANDOM_UUID}/cases`, allowed: 404 },
        'GET /api/v1/cases/:id/assessments': { url: `/api/v1/cases/${RANDOM_UUID}/assessments`, allowed: 404 },
        'POST /api/v1/cases/:id/assessments': {
          url: `/api/v1/cases/${RANDOM_UUID}/assessments`,
          body: { basis: 'none' },
          allowed: 400,
        },
        'GET /api/v1/cases/:id/assessments/compare': {
          url: `/api/v1/cases/${RANDOM_UUID}/assessments/compare?from=0&to=1`,
          allowed: 400,
        },
        'GET /api/v1/cases/:id/assessments/:versionNo': {
          url: `/api/v1/cases/${RANDOM_UUID}/assessments/1`,
          allowed: 404,
        },
        'PUT /api/v1/cases/:id/assessments/:versionNo': {
          url: `/api/v1/cases/${RANDOM_UUID}/assessments/1`,
          body: { domains: 7 },
          allowed: 400,
        },
        'POST /api/v1/cases/:id/assessments/:versionNo/complete': {
          url: `/api/v1/cases/${RANDOM_UUID}/assessments/1/complete`,
          allowed: 404,
        },
        'GET /api/v1/cases/:id/plans': { url: `/api/v1/cases/${RANDOM_UUID}/plans`, allowed: 404 },
        'POST /api/v1/cases/:id/plans': {
          url: `/api/v1/cases/${RANDOM_UUID}/plans`,
          body: { kind: 'eingliederungsvereinbarung' },
          allowed: 400,
        },
        'GET /api/v1/cases/:id/plans/:planId': {
          url: `/api/v1/cases/${RANDOM_UUID}/plans/${RANDOM_UUID}`,
          allowed: 404,
        },
        'PUT /api/v1/cases/:id/plans/:planId': {
          url: `/api/v1/cases/${RANDOM_UUID}/plans/${RANDOM_UUID}`,
          body: { title: 7 },
          allowed: 400,
        },
        'POST /api/v1/cases/:id/plans/:planId/steps/:stepId/progress': {
          url: `/api/v1/cases/${RANDOM_UUID}/plans/${RANDOM_UUID}/steps/${RANDOM_UUID}/progress`,
          body: { status: 'finished' },
          allowed: 400,
        },
        'GET /api/v1/cases/:id/plans/:planId/pdf': {
          url: `/api/v1/cases/${RANDOM_UUID}/plans/${RANDOM_UUID}/pdf`,
          allowed: 404,
        },
        'GET /api/v1/cases/:id/notes': { url: `/api/v1/cases/${RANDOM_UUID}/notes`, allowed: 404 },
        'POST /api/v1/cases/:id/notes': {
          url: `/api/v1/cases/${RANDOM_UUID}/notes`,
          body: { kind: 'gossip' },
          allowed: 400,
        },
        'PATCH /api/v1/cases/:id/notes/:noteId': {
          url: `/api/v1/cases/${RANDOM_UUID}/notes/${RANDOM_UUID}`,
          body: { kind: 'gossip' },
          allowed: 400,
        },
        'GET /api/v1/cases/:id/documents': { url: `/api/v1/cases/${RANDOM_UUID}/documents`, allowed: 404 },
        'POST /api/v1/cases/:id/documents': {
          url: `/api/v1/cases/${RANDOM_UUID}/documents?docType=passport`,
          body: {},
          allowed: 400,
        },
        'GET /api/v1/cases/:id/documents/:documentId/content': {
          url: `/api/v1/cases/${RANDOM_UUID}/documents/${RANDOM_UUID}/content`,
          allowed: 404,
        },
        'DELETE /api/v1/cases/:id/documents/:documentId': {
          url: `/api/v1/cases/${RANDOM_UUID}/documents/not-a-uuid`,
          allowed: 400,
        },
        'GET /api/v1/cases/:id/appointments': {
          url: `/api/v1/cases/${RANDOM_UUID}/appointments?when=never`,
          allowed: 400,
        },
        'POST /api/v1/cases/:id/appointments': {
          url: `/api/v1/cases/${RANDOM_UUID}/appointments`,
          body: { kind: 'party' },
          allowed: 400,
        },
        'PATCH /api/v1/cases/:id/appointments/:appointmentId': {
          url: `/api/v1/cases/${RANDOM_UUID}/appointments/${RANDOM_UUID}`,
          body: { status: 'done' },
          allowed: 400,
        },
        'GET /api/v1/appointments': { url: '/api/v1/appointments?pageSize=1', allowed: 200 },
        'GET /api/v1/tasks': { url: '/api/v1/tasks?scope=mine&pageSize=1', allowed: 200 },
        'GET /api/v1/cases/:id/tasks': { url: `/api/v1/cases/${RANDOM_UUID}/tasks`, allowed: 404 },
        'POST /api/v1/cases/:id/tasks': { url: `/api/v1/cases/${RANDOM_UUID}/tasks`, body: { title: 7 }, allowed: 400 },
        'PATCH /api/v1/cases/:id/tasks/:taskId': {
          url: `/api/v1/cases/${RANDOM_UUID}/tasks/not-a-uuid`,
          body: { status: 'open' },
          allowed: 400,
        },
        'GET /api/v1/cases/:id/conferences': { url: `/api/v1/cases/${RANDOM_UUID}/conferences`, allowed: 404 },
        'POST /api/v1/cases/:id/conferences': {
          url: `/api/v1/cases/${RANDOM_UUID}/conferences`,
          body: { title: 7 },
          allowed: 400,
        },
        'GET /api/v1/cases/:id/conferences/:conferenceId': {
          url: `/api/v1/cases/${RANDOM_UUID}/conferences/${RANDOM_UUID}`,
          allowed: 404,
        },
        'PUT /api/v1/cases/:id/conferences/:conferenceId': {
          url: `/api/v1/cases/${RANDOM_UUID}/conferences/${RANDOM_UUID}`,
          body: { title: 7 },
          allowed: 400,
        },
        'POST /api/v1/cases/:id/conferences/:conferenceId/finalise': {
          url: `/api/v1/cases/${RANDOM_UUID}/conferences/${RANDOM_UUID}/finalise`,
          allowed: 404,
        },
        'POST /api/v1/cases/:id/conferences/:conferenceId/cancel': {
          url: `/api/v1/cases/${RANDOM_UUID}/conferences/${RANDOM_UUID}/cancel`,
          allowed: 404,
        },
        // Art. 15 reports, retention, legal holds (issue 5, H3)
        'GET /api/v1/privacy/people': { url: '/api/v1/privacy/people?q=x', allowed: 400 },
        'GET /api/v1/privacy/people/:id/access-report': {
          url: `/api/v1/privacy/people/${RANDOM_UUID}/access-report`,
          allowed: 404,
        },
        'GET /api/v1/privacy/people/:id/access-report/pdf': {
          url: `/api/v1/privacy/people/${RANDOM_UUID}/access-report/pdf`,
          allowed: 404,
        },
        'GET /api/v1/retention/policies': { url: '/api/v1/retention/policies', allowed: 200 },
        'PUT /api/v1/retention/policies/:recordClass': {
          url: '/api/v1/retention/policies/case_file',
          body: { years: 'ten' },
          allowed: 400,
        },
        'GET /api/v1/retention/runs': { url: '/api/v1/retention/runs', allowed: 200 },
        'POST /api/v1/retention/runs': { url: '/api/v1/retention/runs', body: { dryRun: 'yes' }, allowed: 400 },
        'GET /api/v1/legal-holds': { url: '/api/v1/legal-holds', allowed: 200 },
        'POST /api/v1/legal-holds': { url: '/api/v1/legal-holds', body: { subjectType: 'file' }, allowed: 400 },
        'POST /api/v1/legal-holds/:id/release': {
          url: `/api/v1/legal-holds/${RANDOM_UUID}/release`,
          body: { note: 'Verfahren abgeschlossen' },
          allowed: 404,
        },
        // Consents (issue 5, H1)
        'GET /api/v1/consent-texts': { url: '/api/v1/consent-texts', allowed: 200 },
        'POST /api/v1/people/:id/consent-form': {
          url: `/api/v1/people/${RANDOM_UUID}/consent-form`,
          body: { categories: 'all' },
          allowed: 400,
        },
        'GET /api/v1/people/:id/consents': { url: `/api/v1/people/${RANDOM_UUID}/consents`, allowed: 404 },
        'POST /api/v1/people/:id/consents': {
          url: `/api/v1/people/${RANDOM_UUID}/consents`,
          body: { categories: 'all' },
          allowed: 400,
        },
        'GET /api/v1/consents/:id': { url: `/api/v1/consents/${RANDOM_UUID}`, allowed: 404 },
        'POST /api/v1/consents/:id/withdraw': {
          url: `/api/v1/consents/${RANDOM_UUID}/withdraw`,
          body: { note: 7 },
          allowed: 400,
        },
        'PUT /api/v1/consents/:id/evidence': {
          url: `/api/v1/consents/${RANDOM_UUID}/evidence`,
          body: {},
          allowed: 404,
        },
        'GET /api/v1/consents/:id/evidence': { url: `/api/v1/consents/${RANDOM_UUID}/evidence`, allowed: 404 },
        'GET /api/v1/people/:id/transfers': { url: `/api/v1/people/${RANDOM_UUID}/transfers`, allowed: 404 },
        'POST /api/v1/people/:id/transfers': {
          url: `/api/v1/people/${RANDOM_UUID}/transfers`,
          body: { categories: 'all' },
          allowed: 400,
        },
        'GET /api/v1/transfers': { url: '/api/v1/transfers?pageSize=1', allowed: 200 },
        'POST /api/v1/break-glass/search': {
          url: '/api/v1/break-glass/search',
          body: { reason: 'kurz' },
          allowed: 400,
        },
        'POST /api/v1/break-glass': { url: '/api/v1/break-glass', body: { personId: 'not-a-uuid' }, allowed: 400 },
        'GET /api/v1/break-glass': { url: '/api/v1/break-glass?pageSize=1', allowed: 200 },
        'POST /api/v1/break-glass/:id/end': { url: `/api/v1/break-glass/${RANDOM_UUID}/end`, allowed: 404 },
        'GET /api/v1/break-glass/reviews': { url: '/api/v1/break-glass/reviews?pageSize=1', allowed: 200 },
        'POST /api/v1/break-glass/:id/review': {
          url: `/api/v1/break-glass/${RANDOM_UUID}/review`,
          body: { outcome: 'maybe' },
          allowed: 400,
        },
        'GET /api/v1/notifications': { url: '/api/v1/notifications?pageSize=1', allowed: 200 },
        'POST /api/v1/notifications/:id/read': { url: `/api/v1/notifications/${RANDOM_UUID}/read`, allowed: 404 },
        'GET /api/v1/audit/events': { url: '/api/v1/audit/events?pageSize=1', allowed: 200 },
        'GET /api/v1/audit/verify': { url: '/api/v1/audit/verify', allowed: 200 },
        // Social space: districts, staff assignment, outline import, the map.
        'GET /api/v1/districts': { url: '/api/v1/districts', allowed: 200 },
        'GET /api/v1/districts/:id': { url: `/api/v1/districts/${RANDOM_UUID}`, allowed: 404 },
        'PATCH /api/v1/districts/:id': {
          url: `/api/v1/districts/${RANDOM_UUID}`,
          body: { explorationCadenceDays: 'x' },
          allowed: 400,
        },
        'GET /api/v1/districts/:id/staff': { url: `/api/v1/districts/${RANDOM_UUID}/staff`, allowed: 404 },
        'PUT /api/v1/districts/:id/staff/:userId': {
          url: `/api/v1/districts/${RANDOM_UUID}/staff/${RANDOM_UUID}`,
          allowed: 404,
        },
        'DELETE /api/v1/districts/:id/staff/:userId': {
          url: `/api/v1/districts/${RANDOM_UUID}/staff/${RANDOM_UUID}`,
          allowed: 404,
        },
        'POST /api/v1/districts/outlines': { url: '/api/v1/districts/outlines', body: {}, allowed: 400 },
        'GET /api/v1/social-space/map': { url: '/api/v1/social-space/map', allowed: 200 },
        // Social space: explorations, follow-ups, the address register.
        'GET /api/v1/explorations/overview': { url: '/api/v1/explorations/overview', allowed: 200 },
        'GET /api/v1/explorations': { url: '/api/v1/explorations', allowed: 200 },
        'GET /api/v1/explorations/:id': { url: `/api/v1/explorations/${RANDOM_UUID}`, allowed: 404 },
        'POST /api/v1/explorations': { url: '/api/v1/explorations', body: {}, allowed: 400 },
        'PATCH /api/v1/explorations/:id': {
          url: `/api/v1/explorations/${RANDOM_UUID}`,
          body: { route: 7 },
          allowed: 400,
        },
        'GET /api/v1/exploration-follow-ups': { url: '/api/v1/exploration-follow-ups', allowed: 200 },
        'PATCH /api/v1/exploration-follow-ups/:id': {
          url: `/api/v1/exploration-follow-ups/${RANDOM_UUID}`,
          body: { status: 'x' },
          allowed: 400,
        },
        'GET /api/v1/addresses': { url: '/api/v1/addresses', allowed: 200 },
        'GET /api/v1/addresses/:id': { url: `/api/v1/addresses/${RANDOM_UUID}`, allowed: 404 },
        'POST /api/v1/addresses': { url: '/api/v1/addresses', body: {}, allowed: 400 },
        'PATCH /api/v1/addresses/:id': { url: `/api/v1/addresses/${RANDOM_UUID}`, body: { facts: 1 }, allowed: 400 },
        // Social space: the resource directory and its HSDS exchange.
        'GET /api/v1/resource-taxonomy': { url: '/api/v1/resource-taxonomy', allowed: 200 },
        'GET /api/v1/resources': { url: '/api/v1/resources', allowed: 200 },
        'GET /api/v1/resources/export': { url: '/api/v1/resources/export', allowed: 200 },
        'POST /api/v1/resources/import': { url: '/api/v1/resources/import?dryRun=true', body: {}, allowed: 400 },
        'GET /api/v1/resources/:id': { url: `/api/v1/resources/${RANDOM_UUID}`, allowed: 404 },
        'POST /api/v1/resources': { url: '/api/v1/resources', body: {}, allowed: 400 },
        'PATCH /api/v1/resources/:id': { url: `/api/v1/resources/${RANDOM_UUID}`, body: {}, allowed: 400 },
        'POST /api/v1/resources/:id/verify': { url: `/api/v1/resources/${RANDOM_UUID}/verify`, body: {}, allowed: 404 },
        'DELETE /api/v1/resources/:id': { url: `/api/v1/resources/${RANDOM_UUID}`, allowed: 404 },
        // Referrals (issue 9).
        'GET /api/v1/referrals': { url: '/api/v1/referrals?box=outbox', allowed: 200 },
        'POST /api/v1/people/:id/referrals': { url: `/api/v1/people/${RANDOM_UUID}/referrals`, body: {}, allowed: 400 },
        'GET /api/v1/referrals/:id': { url: `/api/v1/referrals/${RANDOM_UUID}`, allowed: 404 },
        'PATCH /api/v1/referrals/:id': { url: `/api/v1/referrals/${RANDOM_UUID}`, body: { purpose: 7 }, allowed: 400 },
        'GET /api/v1/referrals/:id/criteria-check': {
          url: `/api/v1/referrals/${RANDOM_UUID}/criteria-check`,
          allowed: 404,
        },
        'POST /api/v1/referrals/:id/send': { url: `/api/v1/referrals/${RANDOM_UUID}/send`, body: {}, allowed: 400 },
        'POST /api/v1/referrals/:id/transition': {
          url: `/api/v1/referrals/${RANDOM_UUID}/transition`,
          body: { to: 'nowhere' },
          allowed: 400,
        },
        'GET /api/v1/referral-rejection-reasons': { url: '/api/v1/referral-rejection-reasons', allowed: 200 },
        'PUT /api/v1/referral-rejection-reasons': { url: '/api/v1/referral-rejection-reasons', body: {}, allowed: 400 },
        // Referrals: measures catalogue, acceptance criteria, employment outcomes (issue 9).
        'GET /api/v1/measures': { url: '/api/v1/measures?pageSize=1', allowed: 200 },
        'GET /api/v1/measures/:id': { url: `/api/v1/measures/${RANDOM_UUID}`, allowed: 404 },
        'POST /api/v1/measures': { url: '/api/v1/measures', body: {}, allowed: 400 },
        'PATCH /api/v1/measures/:id': { url: `/api/v1/measures/${RANDOM_UUID}`, body: { title: 7 }, allowed: 400 },
        'GET /api/v1/people/:id/measure-matches': { url: `/api/v1/people/${RANDOM_UUID}/measure-matches`, allowed: 404 },
        'GET /api/v1/agencies/:id/referral-criteria': { url: `/api/v1/agencies/${ownAgency}/referral-criteria`, allowed: 200 },
        'PUT /api/v1/agencies/:id/referral-criteria': {
          url: `/api/v1/agencies/${ownAgency}/referral-criteria`,
          body: {},
          allowed: 400,
        },
        'GET /api/v1/people/:id/employment-outcomes': { url: `/api/v1/people/${RANDOM_UUID}/employment-outcomes`, allowed: 404 },
        'POST /api/v1/people/:id/employment-outcomes': {
          url: `/api/v1/people/${RANDOM_UUID}/employment-outcomes`,
          body: {},
          allowed: 400,
        },
        'DELETE /api/v1/people/:id/employment-outcomes/:outcomeId': {
          url: `/api/v1/people/${RANDOM_UUID}/employment-outcomes/${RANDOM_UUID}`,
          allowed: 404,
        },
        // Profiles: competence profiles and their reference data (issue 9).
        'GET /api/v1/people/:id/profile': { url: `/api/v1/people/${RANDOM_UUID}/profile`, allowed: 404 },
        'PUT /api/v1/people/:id/profile': { url: `/api/v1/people/${RANDOM_UUID}/profile`, body: {}, allowed: 404 },
        'GET /api/v1/reference/occupations': { url: '/api/v1/reference/occupations?q=Koch', allowed: 200 },
        'GET /api/v1/reference/occupations/:code': { url: '/api/v1/reference/occupations/29302', allowed: 200 },
        'GET /api/v1/reference/isced': { url: '/api/v1/reference/isced', allowed: 200 },
        'GET /api/v1/reference/cefr': { url: '/api/v1/reference/cefr', allowed: 200 },
        // Reports: funnel (issue 9), aggregated only.
        'GET /api/v1/reports/funnel': { url: '/api/v1/reports/funnel?from=2026-01-01&to=2026-03-31', allowed: 200 },
        'GET /api/v1/reports/funnel.csv': { url: '/api/v1/reports/funnel.csv?from=2026-01-01&to=2026-03-31', allowed: 200 },
        // Correspondence: sending and delivery (issue 8).
        'GET /api/v1/letters': { url: '/api/v1/letters', allowed: 200 },
        'GET /api/v1/letters/:id/delivery': { url: `/api/v1/letters/${RANDOM_UUID}/delivery`, allowed: 404 },
        'POST /api/v1/letters/:id/send': { url: `/api/v1/letters/${RANDOM_UUID}/send`, body: {}, allowed: 400 },
        'POST /api/v1/letters/:id/delivery': { url: `/api/v1/letters/${RANDOM_UUID}/delivery`, body: {}, allowed: 400 },
        'GET /api/v1/people/:id/communication-consents': {
          url: `/api/v1/people/${RANDOM_UUID}/communication-consents`,
          allowed: 404,
        },
        'POST /api/v1/people/:id/communication-consents': {
          url: `/api/v1/people/${RANDOM_UUID}/communication-consents`,
          body: {},
          allowed: 400,
        },
        'POST /api/v1/people/:id/communication-consents/:consentId/withdraw': {
          url: `/api/v1/people/${RANDOM_UUID}/communication-consents/${RANDOM_UUID}/withdraw`,
          allowed: 404,
        },
        // Correspondence: letters from templates (issue 8).
        'GET /api/v1/letter-templates': { url: '/api/v1/letter-templates', allowed: 200 },
        'POST /api/v1/cases/:id/letters': { url: `/api/v1/cases/${RANDOM_UUID}/letters`, body: {}, allowed: 400 },
        'GET /api/v1/letters/:id': { url: `/api/v1/letters/${RANDOM_UUID}`, allowed: 404 },
        'PATCH /api/v1/letters/:id': { url: `/api/v1/letters/${RANDOM_UUID}`, body: { language: 'xx' }, allowed: 400 },
        'DELETE /api/v1/letters/:id': { url: `/api/v1/letters/${RANDOM_UUID}`, allowed: 404 },
        'GET /api/v1/letters/:id/pdf': { url: `/api/v1/letters/${RANDOM_UUID}/pdf`, allowed: 404 },
        'GET /api/v1/letters/:id/preview.svg': { url: `/api/v1/letters/${RANDOM_UUID}/preview.svg`, allowed: 404 },
        'GET /api/v1/people/:id/letters': { url: `/api/v1/people/${RANDOM_UUID}/letters`, allowed: 404 },
        // Correspondence: sanction guard (issue 8).
        'POST /api/v1/cases/:id/benefit-reductions/check': {
          url: `/api/v1/cases/${RANDOM_UUID}/benefit-reductions/check`,
          body: {},
          allowed: 400,
        },
        'POST /api/v1/cases/:id/benefit-reductions': {
          url: `/api/v1/cases/${RANDOM_UUID}/benefit-reductions`,
          body: {},
          allowed: 400,
        },
        'GET /api/v1/cases/:id/benefit-reductions': {
          url: `/api/v1/cases/${RANDOM_UUID}/benefit-reductions`,
          allowed: 404,
        },
      };
      const r = requests[key];
      if (!r) throw new Error(`no matrix probe for ${key}: add one`);
      return r;
    }

    it('has a probe for every permission route and every role is represented by a demo user', () => {
      const rolesSeen = new Set(MATRIX_USERS.flatMap((u) => u.roles));
      for (const role of ['caseworker', 'team_lead', 'steering', 'data_protection_officer', 'system_admin'] as Role[]) {
        expect(rolesSeen.has(role), role).toBe(true);
      }
      const admin = DEMO_USERS.find((u) => u.username === 'admin')!;
      for (const [key] of permissionRoutes) expect(() => probe(key, admin, sessions.get('admin')!)).not.toThrow();
    });

    for (const user of MATRIX_USERS) {
      it(`${user.username} (${user.roles.join(', ')}) gets exactly what the table grants`, async () => {
        const session = sessions.get(user.username)!;
        const granted = permissionsOf(user.roles);
        const mismatches: string[] = [];
        for (const [key, rule] of permissionRoutes) {
          const { method } = splitKey(key);
          const p = probe(key, user, session);
          const res = await t.request(method, p.url, { session, ...(p.body !== undefined ? { body: p.body } : {}) });
          const allowed = granted.has(rule.permission);
          const expected = allowed ? p.allowed : 403;
          const code = res.headers['content-type']?.toString().includes('json')
            ? res.json<{ code?: string }>().code
            : undefined;
          if (res.statusCode !== expected || (!allowed && code !== 'FORBIDDEN')) {
            mismatches.push(
              `${key}: ${allowed ? 'allowed' : 'denied'} expected ${expected}, got ${res.statusCode} ${code ?? ''}`,
            );
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  });
});
