import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import type { AgencyKind, Role } from '../../src/shared/contracts/common';
import {
  dataCategories,
  defaultCategoryMatrix,
  type DataCategory,
} from '../../src/shared/domain/data-protection/data-categories';
import { DEMO_USERS } from '../../src/server/db/seed-demo';
import {
  agencies,
  breakGlassGrants,
  caseTeamMembers,
  cases,
  consents,
  dataTransfers,
  people,
  users,
} from '../../src/server/db/schema';
import type { Session, TestApp } from './test-app';

/**
 * Shared fixture builder of the data-protection tests (matrix, model, markers), and the
 * INDEPENDENT model of the access rules these tests compare the API with.
 *
 * People are registered through the API; relationships (consents, transfers, break-glass
 * grants, case team members with their basis, the agencies' caseworker scope) are written
 * directly into the tables, so that the tests do not depend on the routes that create them.
 * Every fact written is also kept in `World`, the input of the model.
 *
 * The model (`modelPersonAccess`, `modelCaseVisible`) is written from the rules in the issue and
 * the brief (docs/data-protection.md), NOT from src/server/platform/access/person-access.ts.
 * Its only inputs from production are policy DATA: the default category matrix (seeded into
 * category_access_rules) and the demo users' agencies, roles and teams.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Scope = 'own' | 'team' | 'agency';

export type UserFact = {
  username: string;
  id: string;
  agency: string; // agency code
  agencyId: string;
  kind: AgencyKind;
  teamId: string | null;
  roles: Role[];
};
export type PersonFact = { id: string; registeredBy: string; createdBy: string; label: string };
export type MemberFact = {
  id: string;
  agency: string;
  userId: string | null;
  consentId: string | null;
  legalBasis: string | null;
  leftAt: Date | null;
};
export type CaseFact = { id: string; personId: string; leadAgency: string; leadUserId: string; members: MemberFact[] };
export type ConsentFact = {
  id: string;
  personId: string;
  categories: DataCategory[];
  recipients: string[]; // agency codes
  givenOn: string;
  expiresOn: string;
  withdrawnAt: Date | null;
  recordedBy: string; // agency code
};
export type TransferFact = {
  id: string;
  personId: string;
  from: string;
  to: string;
  categories: DataCategory[];
  transferredAt: Date;
  validUntil: string;
};
export type GrantFact = {
  id: string;
  userId: string;
  personId: string;
  grantedAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
};

export type World = {
  users: Map<string, UserFact>; // by username
  agencyIds: Map<string, string>; // code → id
  agencyKinds: Map<string, AgencyKind>; // code → kind
  scopes: Map<string, Scope>; // agency code → caseworker scope
  matrix: Map<AgencyKind, Set<DataCategory>>;
  people: Map<string, PersonFact>;
  cases: Map<string, CaseFact>;
  consents: Map<string, ConsentFact>;
  transfers: Map<string, TransferFact>;
  grants: Map<string, GrantFact>;
};

// ---------------------------------------------------------------------------------------------
// The model (pure functions of the world)

/** The Europe/Berlin calendar day of an instant, 'YYYY-MM-DD'. */
export function berlinDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export type ModelGround = 'registered' | 'case_team' | 'consent' | 'transfer' | 'break_glass';
export type ModelAccess = { grounds: ModelGround[]; categories: DataCategory[] };

export function consentInForceFor(w: World, c: ConsentFact, agency: string, now: Date): boolean {
  const today = berlinDay(now);
  return c.withdrawnAt === null && c.givenOn <= today && today <= c.expiresOn && c.recipients.includes(agency);
}

/**
 * Whether work of `userId` counts as the actor's under the scope of the actor's agency: team
 * leads see the agency; a caseworker sees what the agency scope allows (agency: everything, team:
 * work of a user of the actor's team, own: only the actor's own). A missing user (null) counts
 * only under 'agency'.
 */
function inScope(w: World, actor: UserFact, userId: string | null): boolean {
  const scope: Scope = actor.roles.includes('team_lead') ? 'agency' : (w.scopes.get(actor.agency) ?? 'agency');
  if (scope === 'agency') return true;
  if (userId === null) return false;
  if (scope === 'own') return userId === actor.id;
  const other = [...w.users.values()].find((u) => u.id === userId);
  return actor.teamId === null ? userId === actor.id : other?.teamId === actor.teamId;
}

function memberCounts(w: World, actor: UserFact, c: CaseFact, m: MemberFact, now: Date): boolean {
  if (m.agency !== actor.agency || m.leftAt !== null) return false;
  if (m.consentId !== null) {
    const consent = w.consents.get(m.consentId);
    if (!consent || !consentInForceFor(w, consent, actor.agency, now)) return false;
  }
  return inScope(w, actor, c.leadUserId) || inScope(w, actor, m.userId);
}

/** What the actor may see of the person at `now`; null = the person is hidden (404). */
export function modelPersonAccess(w: World, username: string, personId: string, now: Date): ModelAccess | null {
  const actor = w.users.get(username)!;
  const person = w.people.get(personId);
  if (!person) return null;
  const grounds: ModelGround[] = [];
  const categories = new Set<DataCategory>();
  const matrix = w.matrix.get(actor.kind) ?? new Set<DataCategory>();
  const addMatrix = () => matrix.forEach((c) => categories.add(c));

  if (person.registeredBy === actor.agency && inScope(w, actor, person.createdBy)) {
    grounds.push('registered');
    addMatrix();
  }
  const onTeam = [...w.cases.values()].some(
    (c) => c.personId === personId && c.members.some((m) => memberCounts(w, actor, c, m, now)),
  );
  if (onTeam) {
    grounds.push('case_team');
    addMatrix();
  }
  const grant = [...w.grants.values()].some(
    (g) =>
      g.personId === personId &&
      g.userId === actor.id &&
      g.endedAt === null &&
      g.grantedAt.getTime() <= now.getTime() &&
      now.getTime() < g.expiresAt.getTime(),
  );
  if (grant) {
    grounds.push('break_glass');
    addMatrix();
  }
  const consentsInForce = [...w.consents.values()].filter(
    (c) => c.personId === personId && consentInForceFor(w, c, actor.agency, now),
  );
  if (consentsInForce.length > 0) grounds.push('consent');
  for (const c of consentsInForce) c.categories.forEach((x) => categories.add(x));
  const today = berlinDay(now);
  const transfersInForce = [...w.transfers.values()].filter(
    (t) =>
      t.personId === personId &&
      t.to === actor.agency &&
      t.transferredAt.getTime() <= now.getTime() &&
      t.validUntil >= today,
  );
  if (transfersInForce.length > 0) grounds.push('transfer');
  for (const t of transfersInForce) t.categories.forEach((x) => categories.add(x));

  // Nobody is shown data without knowing whose: no identity, no access at all.
  if (grounds.length === 0 || !categories.has('identity')) return null;
  return { grounds, categories: dataCategories.filter((c) => categories.has(c)) };
}

/** Whether the actor's agency works on the case now (current team member with a basis in force, within scope). */
export function modelCaseVisible(w: World, username: string, caseId: string, now: Date): boolean {
  const actor = w.users.get(username)!;
  const c = w.cases.get(caseId);
  if (!c) return false;
  return c.members.some((m) => memberCounts(w, actor, c, m, now));
}

/**
 * The consent is visible to the actor: only if the actor sees the person; then an agency working
 * with the person (registered, case team) sees all its consents, any other agency those it
 * recorded or that name it (in force or not: a recipient may see that a consent ended).
 */
export function modelConsentVisible(w: World, username: string, consentId: string, now: Date): boolean {
  const actor = w.users.get(username)!;
  const consent = w.consents.get(consentId);
  if (!consent) return false;
  const access = modelPersonAccess(w, username, consent.personId, now);
  if (!access) return false;
  if (access.grounds.includes('registered') || access.grounds.includes('case_team')) return true;
  return consent.recordedBy === actor.agency || consent.recipients.includes(actor.agency);
}

// ---------------------------------------------------------------------------------------------
// The builder

export type WorldBuilder = {
  t: TestApp;
  w: World;
  /** A session per demo user, renewed when the clock has let it expire. */
  session: (username: string) => Promise<Session>;
  /** A request as a demo user; a session that expired (401) is renewed once. */
  as: (
    username: string,
    method: Method,
    url: string,
    options?: { body?: unknown; headers?: Record<string, string>; payload?: Buffer },
  ) => Promise<LightMyRequestResponse>;
  createPerson: (
    registrar: string,
    body: Record<string, unknown>,
    options?: { agency?: string; label?: string },
  ) => Promise<PersonFact>;
  insertCase: (
    personId: string,
    leadUser: string,
    options?: { phase?: string; title?: string; leadAgency?: string },
  ) => Promise<CaseFact>;
  addMember: (
    caseId: string,
    agency: string,
    options?: { consentId?: string | null; legalBasis?: string | null; userId?: string | null; role?: string },
  ) => Promise<MemberFact>;
  endMember: (caseId: string, memberId: string, at: Date) => Promise<void>;
  insertConsent: (
    c: Omit<ConsentFact, 'id' | 'withdrawnAt'> & { withdrawnAt?: Date | null; purpose?: string },
  ) => Promise<ConsentFact>;
  withdrawConsent: (consentId: string, at: Date) => Promise<void>;
  insertTransfer: (
    tr: Omit<TransferFact, 'id'> & { purpose?: string; legalBasis?: string; caseId?: string | null },
  ) => Promise<TransferFact>;
  insertGrant: (g: Omit<GrantFact, 'id'> & { reason?: string }) => Promise<GrantFact>;
  setScope: (agency: string, scope: Scope) => Promise<void>;
};

let referenceSeq = 0;
const referenceBase = 10000 + Math.floor(Math.random() * 40000);

export async function buildWorld(t: TestApp): Promise<WorldBuilder> {
  const db = t.database.db;
  const agencyRows = await db.select().from(agencies);
  const agencyIds = new Map(agencyRows.map((a) => [a.code, a.id]));
  const agencyKinds = new Map(agencyRows.map((a) => [a.code, a.kind as AgencyKind]));
  const scopes = new Map(agencyRows.map((a) => [a.code, (a.caseworkerScope ?? 'agency') as Scope]));
  const byId = new Map(agencyRows.map((a) => [a.id, a.code]));
  const userRows = await db.select().from(users);
  const userFacts = new Map<string, UserFact>();
  for (const demo of DEMO_USERS) {
    const row = userRows.find((u) => u.username === demo.username)!;
    const agency = byId.get(row.agencyId)!;
    userFacts.set(demo.username, {
      username: demo.username,
      id: row.id,
      agency,
      agencyId: row.agencyId,
      kind: agencyKinds.get(agency)!,
      teamId: row.teamId,
      roles: row.roles as Role[],
    });
  }
  const matrix = new Map<AgencyKind, Set<DataCategory>>();
  for (const [kind, grants] of Object.entries(defaultCategoryMatrix))
    matrix.set(kind as AgencyKind, new Set(grants.map((g) => g.category)));

  const w: World = {
    users: userFacts,
    agencyIds,
    agencyKinds,
    scopes,
    matrix,
    people: new Map(),
    cases: new Map(),
    consents: new Map(),
    transfers: new Map(),
    grants: new Map(),
  };

  const sessions = new Map<string, Session>();
  const session = async (username: string) => {
    let s = sessions.get(username);
    if (!s) {
      s = await t.login(username);
      sessions.set(username, s);
    }
    return s;
  };
  const as: WorldBuilder['as'] = async (username, method, url, options = {}) => {
    const send = async () => {
      const s = await session(username);
      if (options.payload) {
        return t.app.inject({
          method,
          url,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...options.headers },
          payload: options.payload,
        });
      }
      return t.request(method, url, { session: s, body: options.body, headers: options.headers });
    };
    let res = await send();
    if (res.statusCode === 401) {
      sessions.delete(username);
      res = await send();
    }
    return res;
  };

  const builder: WorldBuilder = {
    t,
    w,
    session,
    as,
    createPerson: async (registrar, body, options = {}) => {
      const res = await as(registrar, 'POST', '/api/v1/people', { body: { duplicatesReviewed: true, ...body } });
      if (res.statusCode !== 201) throw new Error(`create person as ${registrar}: ${res.statusCode} ${res.body}`);
      const id = res.json<{ id: string }>().id;
      const registrarFact = w.users.get(registrar)!;
      let fact: PersonFact = {
        id,
        registeredBy: registrarFact.agency,
        createdBy: registrarFact.id,
        label: options.label ?? String(body.familyName),
      };
      if (options.agency && options.agency !== registrarFact.agency) {
        // An agency without person.write (the steering unit) cannot register through the API.
        const owner = [...w.users.values()].find((u) => u.agency === options.agency)!;
        await db
          .update(people)
          .set({ registeredByAgencyId: agencyIds.get(options.agency)!, createdBy: owner.id })
          .where(eq(people.id, id));
        fact = { ...fact, registeredBy: options.agency, createdBy: owner.id };
      }
      w.people.set(id, fact);
      return fact;
    },
    insertCase: async (personId, leadUser, options = {}) => {
      const lead = w.users.get(leadUser)!;
      const leadAgency = options.leadAgency ?? lead.agency;
      referenceSeq += 1;
      const now = t.clock.now();
      const [row] = await db
        .insert(cases)
        .values({
          reference: `F-2040-${String(referenceBase + referenceSeq).padStart(5, '0')}`,
          personId,
          title: options.title ?? `Fall ${referenceSeq}`,
          phase: options.phase ?? 'planning',
          leadUserId: lead.id,
          leadAgencyId: agencyIds.get(leadAgency)!,
          openedAt: now,
        })
        .returning({ id: cases.id });
      const fact: CaseFact = { id: row!.id, personId, leadAgency, leadUserId: lead.id, members: [] };
      w.cases.set(fact.id, fact);
      const [m] = await db
        .insert(caseTeamMembers)
        .values({ caseId: fact.id, agencyId: agencyIds.get(leadAgency)!, userId: lead.id, role: 'lead', joinedAt: now })
        .returning({ id: caseTeamMembers.id });
      fact.members.push({
        id: m!.id,
        agency: leadAgency,
        userId: lead.id,
        consentId: null,
        legalBasis: null,
        leftAt: null,
      });
      return fact;
    },
    addMember: async (caseId, agency, options = {}) => {
      const fact = w.cases.get(caseId)!;
      const consentId = options.consentId ?? null;
      const legalBasis = consentId ? null : (options.legalBasis ?? '§ 69 Abs. 1 Nr. 1 SGB X');
      const [m] = await db
        .insert(caseTeamMembers)
        .values({
          caseId,
          agencyId: agencyIds.get(agency)!,
          userId: options.userId ?? null,
          role: options.role ?? 'consulted',
          joinedAt: t.clock.now(),
          consentId,
          legalBasis,
        })
        .returning({ id: caseTeamMembers.id });
      const member: MemberFact = {
        id: m!.id,
        agency,
        userId: options.userId ?? null,
        consentId,
        legalBasis,
        leftAt: null,
      };
      fact.members.push(member);
      return member;
    },
    endMember: async (caseId, memberId, at) => {
      await db.update(caseTeamMembers).set({ leftAt: at }).where(eq(caseTeamMembers.id, memberId));
      const m = w.cases.get(caseId)!.members.find((x) => x.id === memberId)!;
      m.leftAt = at;
    },
    insertConsent: async (c) => {
      const recorder = [...w.users.values()].find((u) => u.agency === c.recordedBy);
      const [row] = await db
        .insert(consents)
        .values({
          personId: c.personId,
          categories: [...c.categories],
          recipientAgencyIds: c.recipients.map((r) => agencyIds.get(r)!),
          purpose: c.purpose ?? 'Abstimmung der Hilfen zwischen den Stellen',
          givenOn: c.givenOn,
          expiresOn: c.expiresOn,
          textVersion: 1,
          textLanguage: 'de',
          evidenceKind: 'in_person',
          evidenceNote: 'Persönlich bestätigt, mit Dolmetscherin',
          recordedByAgencyId: agencyIds.get(c.recordedBy)!,
          recordedBy: recorder?.id ?? null,
          recordedAt: t.clock.now(),
          withdrawnAt: c.withdrawnAt ?? null,
        })
        .returning({ id: consents.id });
      const fact: ConsentFact = {
        id: row!.id,
        personId: c.personId,
        categories: [...c.categories],
        recipients: [...c.recipients],
        givenOn: c.givenOn,
        expiresOn: c.expiresOn,
        withdrawnAt: c.withdrawnAt ?? null,
        recordedBy: c.recordedBy,
      };
      w.consents.set(fact.id, fact);
      return fact;
    },
    withdrawConsent: async (consentId, at) => {
      await db.update(consents).set({ withdrawnAt: at, withdrawalNote: 'Widerruf' }).where(eq(consents.id, consentId));
      w.consents.get(consentId)!.withdrawnAt = at;
    },
    insertTransfer: async (tr) => {
      const [row] = await db
        .insert(dataTransfers)
        .values({
          personId: tr.personId,
          caseId: tr.caseId ?? null,
          fromAgencyId: agencyIds.get(tr.from)!,
          toAgencyId: agencyIds.get(tr.to)!,
          categories: [...tr.categories],
          legalBasis: tr.legalBasis ?? '§ 69 Abs. 1 Nr. 1 SGB X',
          purpose: tr.purpose ?? 'Erfüllung der gesetzlichen Aufgabe der empfangenden Stelle',
          transferredAt: tr.transferredAt,
          validUntil: tr.validUntil,
        })
        .returning({ id: dataTransfers.id });
      const fact: TransferFact = {
        id: row!.id,
        personId: tr.personId,
        from: tr.from,
        to: tr.to,
        categories: [...tr.categories],
        transferredAt: tr.transferredAt,
        validUntil: tr.validUntil,
      };
      w.transfers.set(fact.id, fact);
      return fact;
    },
    insertGrant: async (g) => {
      const user = [...w.users.values()].find((u) => u.id === g.userId)!;
      const [row] = await db
        .insert(breakGlassGrants)
        .values({
          userId: g.userId,
          agencyId: user.agencyId,
          personId: g.personId,
          reason: g.reason ?? 'Notfall: Person bewusstlos aufgefunden, Vorerkrankungen klären',
          grantedAt: g.grantedAt,
          expiresAt: g.expiresAt,
          endedAt: g.endedAt,
        })
        .returning({ id: breakGlassGrants.id });
      const fact: GrantFact = { id: row!.id, ...g };
      w.grants.set(fact.id, fact);
      return fact;
    },
    setScope: async (agency, scope) => {
      await db
        .update(agencies)
        .set({ caseworkerScope: scope })
        .where(eq(agencies.id, agencyIds.get(agency)!));
      w.scopes.set(agency, scope);
    },
  };
  return builder;
}

/** 'YYYY-MM-DD' plus n days (UTC arithmetic on the calendar date). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 1 → "a", 27 → "aa": distinct letters-only name parts (names must not hold digits). */
export function letters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

/** Whether a 404 is Fastify's "no such route" (a route not yet built) rather than a record the caller may not see. */
export function isUnknownRoute(t: TestApp, method: Method, pattern: string): boolean {
  return !t.app.hasRoute({ method, url: pattern });
}
