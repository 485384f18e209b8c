import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/contracts/common';
import { DEMO_USERS } from '../../src/server/db/seed-demo';
import { permissionsOf } from '../../src/server/platform/access/permissions';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

type Caseworker = { id: string; displayName: string; team: string | null };
type Problem = { code: string; status: number };
type Agency = { id: string; code: string; teams: { id: string; name: string }[] };

const UNKNOWN = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('GET /api/v1/agencies/:id/caseworkers (colleagues to name on a case)', () => {
  let t: TestApp;
  let admin: Session;
  let caseworker: Session;
  const agencyId: Record<string, string> = {};
  const teamId: Record<string, string> = {};

  const list = async (code: string, session = caseworker) => {
    const res = await t.request('GET', `/api/v1/agencies/${agencyId[code]}/caseworkers`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Caseworker[] }>().items;
  };

  const createUser = async (username: string, displayName: string, agency: string, roles: Role[], team?: string) => {
    const res = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: {
        username,
        displayName,
        agencyId: agencyId[agency],
        teamId: team ? teamId[`${agency}/${team}`] : null,
        roles,
        initialPassword: 'kollegen-verzeichnis-2026!',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    caseworker = await t.login('sozialamt');
    const res = await t.request('GET', '/api/v1/agencies', { session: caseworker });
    for (const a of res.json<{ items: { id: string; code: string }[] }>().items) {
      agencyId[a.code] = a.id;
      const detail = (await t.request('GET', `/api/v1/agencies/${a.id}`, { session: caseworker })).json<Agency>();
      for (const team of detail.teams) teamId[`${a.code}/${team.name}`] = team.id;
    }
  });
  afterAll(async () => t.close());

  it('lists the demo caseworkers and team leads of the agency, sorted by name, with their team', async () => {
    const items = await list('sozialamt');
    const expected = DEMO_USERS.filter(
      (u) => u.agency === 'sozialamt' && u.roles.some((r) => r === 'caseworker' || r === 'team_lead'),
    )
      .map((u) => ({ displayName: u.displayName, team: u.team ?? null }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
    // The demo team lead is one of them.
    expect(expected.map((e) => e.displayName)).toEqual(['Sabine Schulte', 'Tobias Lindner']);
    expect(items.map(({ displayName, team }) => ({ displayName, team }))).toEqual(expected);
    // Whitelisted: id, name and team only.
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'team']);
      expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('lets any agency be asked: a case team spans agencies', async () => {
    for (const code of ['jobcenter', 'jugendamt', 'cbe']) {
      const items = await list(code);
      const expected = DEMO_USERS.filter((u) => u.agency === code).map((u) => u.displayName);
      expect(
        items.map((i) => i.displayName),
        code,
      ).toEqual(expected);
    }
    // The steering unit has no one who works on cases.
    expect(await list('steuerung')).toEqual([]);
  });

  it('leaves out deactivated staff and roles that do not work on cases; sorts new colleagues in', async () => {
    const mixed = await createUser('kollegin-doppelrolle', 'Alexandra Adler', 'sozialamt', [
      'agency_admin',
      'caseworker',
    ]);
    await createUser('amtsadmin-soz', 'Bernd Berg', 'sozialamt', ['agency_admin']);
    await createUser('planung-soz', 'Carla Clemens', 'sozialamt', ['steering']);
    const leaving = await createUser(
      'kollege-geht',
      'Dirk Dahlmann',
      'sozialamt',
      ['caseworker'],
      'Leistungen AsylbLG',
    );
    const noTeam = await createUser('kollegin-ohne-team', 'Ümran Özdemir', 'sozialamt', ['caseworker']);

    let items = await list('sozialamt');
    expect(items.map((i) => i.displayName)).toEqual([
      'Alexandra Adler',
      'Dirk Dahlmann',
      'Sabine Schulte',
      'Tobias Lindner',
      'Ümran Özdemir',
    ]);
    expect(items.find((i) => i.id === leaving)!.team).toBe('Leistungen AsylbLG');
    expect(items.find((i) => i.id === noTeam)!.team).toBeNull();
    expect(items.find((i) => i.id === mixed)).toBeDefined();

    const off = await t.request('PATCH', `/api/v1/users/${leaving}`, { session: admin, body: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    items = await list('sozialamt');
    expect(items.map((i) => i.id)).not.toContain(leaving);
    expect(items).toHaveLength(4);
  });

  it('answers 404 for an unknown agency and 400 for a malformed id', async () => {
    const unknown = await t.request('GET', `/api/v1/agencies/${UNKNOWN}/caseworkers`, { session: caseworker });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<Problem>().code).toBe('NOT_FOUND');
    const bad = await t.request('GET', '/api/v1/agencies/not-a-uuid/caseworkers', { session: caseworker });
    expect(bad.statusCode).toBe(400);
  });

  it('answers per demo role as the route guard decides: case workers and team leads read, the others get 403', async () => {
    expect(DEMO_USERS.some((u) => u.roles.includes('team_lead'))).toBe(true);
    for (const user of DEMO_USERS) {
      const session = user.username === 'admin' ? admin : await t.login(user.username);
      const res = await t.request('GET', `/api/v1/agencies/${agencyId.jobcenter}/caseworkers`, { session });
      if (permissionsOf(user.roles).has('case.write')) {
        expect(res.statusCode, user.username).toBe(200);
        expect(
          res.json<{ items: Caseworker[] }>().items.map((i) => i.displayName),
          user.username,
        ).toEqual(['Jonas Krämer']);
      } else {
        expect(res.statusCode, user.username).toBe(403);
        expect(res.json<Problem>().code, user.username).toBe('FORBIDDEN');
      }
      // Unknown agencies are 404 only for those who may ask at all.
      const unknown = await t.request('GET', `/api/v1/agencies/${UNKNOWN}/caseworkers`, { session });
      expect(unknown.statusCode, user.username).toBe(permissionsOf(user.roles).has('case.write') ? 404 : 403);
    }
    const anonymous = await t.request('GET', `/api/v1/agencies/${agencyId.jobcenter}/caseworkers`);
    expect(anonymous.statusCode).toBe(401);
  });
});
