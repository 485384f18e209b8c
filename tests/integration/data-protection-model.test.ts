import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCategories, type DataCategory } from '../../src/shared/domain/data-protection/data-categories';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  addDays,
  berlinDay,
  buildWorld,
  isUnknownRoute,
  modelPersonAccess,
  type CaseFact,
  type Scope,
  type World,
  type WorldBuilder,
} from '../support/data-protection-world';

/**
 * T2 (reliability-security.md §4.2): a model-based property test of the person decision function.
 * Random small worlds (three agencies of different kinds, 3–5 people registered by random users)
 * and random operations (consent, withdrawal, transfer valid/expired, break-glass active/expired/
 * ended, case team member added/removed with consent or legal basis, caseworker scope, clock).
 * After every operation, for every user: the people visible through GET /people/:id, the search,
 * the duplicate check and the export equal the model's set, and for visible people the reported
 * grounds and categories equal the model's. The model (`modelPersonAccess` in
 * tests/support/data-protection-world.ts) is a pure function of the world, written from the
 * rules, not from person-access.ts.
 *
 * Bounded for CI: MODEL_RUNS (default 25) runs of at most 12 operations.
 */

const RUNS = Number(process.env.MODEL_RUNS ?? 25);
const START = new Date('2040-05-04T09:00:00Z');
const AGENCIES = ['sozialamt', 'jobcenter', 'gesundheitsamt'] as const;
type Agency = (typeof AGENCIES)[number];
/** Two users of the Sozialamt (caseworker and team lead: scope matters), one of each other agency. */
const USERS = ['sozialamt', 'teamleitung', 'jobcenter', 'gesundheitsamt'] as const;
/** All people of a run share names and date of birth: one search and one duplicate check list them all. */
const GIVEN_NAME = 'Amira';
const DOB = '1984-03-12';

type Op =
  | { op: 'consent'; person: number; categories: DataCategory[]; recipients: Agency[]; givenIn: number; days: number }
  | { op: 'withdraw'; consent: number }
  | { op: 'transfer'; person: number; to: Agency; categories: DataCategory[]; validDays: number; startsInHours: number }
  | { op: 'grant'; user: number; person: number; state: 'active' | 'expired' | 'ended' | 'future' }
  | { op: 'member'; person: number; agency: Agency; basis: 'legal' | 'consent'; consent: number; named: boolean }
  | { op: 'leave'; person: number; member: number }
  | { op: 'scope'; agency: Agency; scope: Scope }
  | { op: 'advance'; hours: number };

const IDENTITY: DataCategory = 'identity';
const categoriesArb = fc
  .tuple(fc.boolean(), fc.subarray([...dataCategories.filter((c) => c !== 'identity')], { minLength: 1 }))
  .map(([identity, rest]): DataCategory[] => (identity ? [IDENTITY, ...rest] : rest));
// identity is in most consents and transfers (the API adds it), but the decision must hold without it too.
const categoriesMostlyWithIdentity = fc.oneof(
  { weight: 4, arbitrary: categoriesArb.map((c) => (c.includes(IDENTITY) ? c : [IDENTITY, ...c])) },
  { weight: 1, arbitrary: categoriesArb },
);
const agencyArb = fc.constantFrom(...AGENCIES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('consent' as const),
    person: fc.nat(5),
    categories: categoriesMostlyWithIdentity,
    recipients: fc.subarray([...AGENCIES], { minLength: 1 }),
    givenIn: fc.integer({ min: -5, max: 2 }),
    days: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({ op: fc.constant('withdraw' as const), consent: fc.nat(9) }),
  fc.record({
    op: fc.constant('transfer' as const),
    person: fc.nat(5),
    to: agencyArb,
    categories: categoriesMostlyWithIdentity,
    validDays: fc.integer({ min: -2, max: 5 }),
    startsInHours: fc.constantFrom(-1, 0, 2),
  }),
  fc.record({
    op: fc.constant('grant' as const),
    user: fc.nat(USERS.length - 1),
    person: fc.nat(5),
    state: fc.constantFrom('active' as const, 'expired' as const, 'ended' as const, 'future' as const),
  }),
  fc.record({
    op: fc.constant('member' as const),
    person: fc.nat(5),
    agency: agencyArb,
    basis: fc.constantFrom('legal' as const, 'consent' as const),
    consent: fc.nat(9),
    named: fc.boolean(),
  }),
  fc.record({ op: fc.constant('leave' as const), person: fc.nat(5), member: fc.nat(5) }),
  fc.record({ op: fc.constant('scope' as const), agency: agencyArb, scope: fc.constantFrom('own', 'team', 'agency') }),
  fc.record({ op: fc.constant('advance' as const), hours: fc.constantFrom(1, 2, 4, 25, 24 * 4) }),
);
const worldArb = fc.record({
  registrars: fc.array(fc.nat(USERS.length - 1), { minLength: 3, maxLength: 5 }),
  ops: fc.array(opArb, { minLength: 1, maxLength: 10 }),
});

/** A family name per run that sounds like no other run's (the search is phonetic). */
function familyName(run: number): string {
  const consonants = 'bdfgklmnprstvwz';
  const vowels = 'aeiou';
  let x = (run + 1) * 2654435761;
  let s = '';
  for (let i = 0; i < 8; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += i % 2 === 0 ? consonants[x % consonants.length] : vowels[x % vowels.length];
  }
  return s[0]!.toUpperCase() + s.slice(1);
}

describe('data protection: model-based property (T2)', () => {
  let t: TestApp;
  let b: WorldBuilder;
  let run = 0;
  const skipped: string[] = [];
  const stats: { people: number; ops: number; requests: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    b = await buildWorld(t);
    for (const u of USERS) await b.session(u);
  });
  afterAll(async () => {
    const total = stats.reduce((n, s) => n + s.requests, 0);
    console.log(
      `[data-protection-model] ${stats.length} runs, ${stats.reduce((n, s) => n + s.ops, 0)} operations, ${total} requests`,
    );
    if (skipped.length > 0) console.log(`[data-protection-model] not checked: ${[...new Set(skipped)].join('; ')}`);
    await t?.close();
  });

  it('what each user sees through get, search, duplicate check and export equals the model', async () => {
    const exportBuilt = !isUnknownRoute(t, 'GET', '/api/v1/people/:id/export');
    if (!exportBuilt) skipped.push('GET /api/v1/people/:id/export: route not yet built');

    await fc.assert(
      fc.asyncProperty(worldArb, async ({ registrars, ops }) => {
        run += 1;
        const name = familyName(run);
        const w = b.w;
        // Every run starts with the scope of each agency at 'agency' and its own people.
        for (const a of AGENCIES) await b.setScope(a, 'agency');
        const persons: { id: string; given: string; caseFact: CaseFact }[] = [];
        for (const [i, r] of registrars.entries()) {
          const registrar = USERS[r]!;
          const p = await b.createPerson(registrar, { givenNames: GIVEN_NAME, familyName: name, dateOfBirth: DOB });
          const caseFact = await b.insertCase(p.id, registrar);
          persons.push({ id: p.id, given: `#${i + 1}`, caseFact });
        }
        const consentIds: string[] = [];
        const log: string[] = [];

        let requests = 0;
        const ask: WorldBuilder['as'] = (...args) => {
          requests += 1;
          return b.as(...args);
        };
        /**
         * As every user: GET and export of the people the step touched (an operation on one person
         * touches that person; scope changes, the clock, setup and the last step touch everyone),
         * and the search and the duplicate check, which cover all people of the run (they share
         * names and date of birth, so each request lists all of them).
         */
        const check = async (step: string, touched: readonly string[]) => {
          const now = t.clock.now();
          const fail = (message: string): never => {
            throw new Error(`after ${step} — ${message}\n${log.join('\n')}`);
          };
          const label = (xs: string[]) => xs.map((id) => persons.find((p) => p.id === id)!.given).join(',');
          const ids = new Set(persons.map((p) => p.id));
          for (const user of USERS) {
            const expectedVisible: string[] = [];
            for (const p of persons) {
              const model = modelPersonAccess(w, user, p.id, now);
              if (model) expectedVisible.push(p.id);
              if (!touched.includes(p.id)) continue;
              const where = `user ${user}, person ${p.given} (${p.id})`;
              const res = await ask(user, 'GET', `/api/v1/people/${p.id}`);
              if (res.statusCode !== (model ? 200 : 404)) {
                fail(`${where}: GET expected ${model ? 200 : 404}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
              }
              if (model) {
                const access = res.json<{ access: { grounds: string[]; categories: string[] } }>().access;
                const got = { grounds: [...access.grounds].sort(), categories: [...access.categories].sort() };
                const want = { grounds: [...model.grounds].sort(), categories: [...model.categories].sort() };
                if (JSON.stringify(got) !== JSON.stringify(want)) {
                  fail(`${where}: access expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
                }
              }
              if (exportBuilt) {
                const exp = await ask(user, 'GET', `/api/v1/people/${p.id}/export`);
                if (exp.statusCode !== (model ? 200 : 404)) {
                  fail(
                    `${where}: export expected ${model ? 200 : 404}, got ${exp.statusCode} ${exp.body.slice(0, 200)}`,
                  );
                }
              }
            }
            const want = [...expectedVisible].sort();
            const search = await ask(
              user,
              'GET',
              `/api/v1/people?q=${encodeURIComponent(`${GIVEN_NAME} ${name}`)}&limit=100`,
            );
            if (search.statusCode !== 200) fail(`search as ${user}: ${search.statusCode} ${search.body}`);
            const found = search
              .json<{ items: { person: { id: string } }[] }>()
              .items.map((i) => i.person.id)
              .filter((id) => ids.has(id))
              .sort();
            if (JSON.stringify(found) !== JSON.stringify(want)) {
              fail(`user ${user}: search expected [${label(want)}], got [${label(found)}]`);
            }
            const dup = await ask(user, 'POST', '/api/v1/people/duplicate-check', {
              body: { givenNames: GIVEN_NAME, familyName: name, dateOfBirth: DOB },
            });
            if (dup.statusCode !== 200) fail(`duplicate check as ${user}: ${dup.statusCode} ${dup.body}`);
            const candidates = dup
              .json<{ candidates: { personId: string }[] }>()
              .candidates.map((c) => c.personId)
              .filter((id) => ids.has(id))
              .sort();
            if (JSON.stringify(candidates) !== JSON.stringify(want)) {
              fail(`user ${user}: duplicate check expected [${label(want)}], got [${label(candidates)}]`);
            }
          }
        };

        await check(
          'setup',
          persons.map((p) => p.id),
        );
        for (const [i, op] of ops.entries()) {
          const now = t.clock.now();
          const today = berlinDay(now);
          const person = persons[('person' in op ? op.person : 0) % persons.length]!;
          switch (op.op) {
            case 'consent': {
              const givenOn = addDays(today, op.givenIn);
              const c = await b.insertConsent({
                personId: person.id,
                categories: op.categories,
                recipients: op.recipients,
                givenOn,
                expiresOn: addDays(givenOn, op.days),
                recordedBy: w.people.get(person.id)!.registeredBy,
              });
              consentIds.push(c.id);
              break;
            }
            case 'withdraw':
              if (consentIds.length > 0) {
                const id = consentIds[op.consent % consentIds.length]!;
                if (w.consents.get(id)!.withdrawnAt === null) await b.withdrawConsent(id, now);
              }
              break;
            case 'transfer':
              await b.insertTransfer({
                personId: person.id,
                from: w.people.get(person.id)!.registeredBy,
                to: op.to,
                categories: op.categories,
                transferredAt: new Date(now.getTime() + op.startsInHours * 3_600_000),
                validUntil: addDays(today, op.validDays),
              });
              break;
            case 'grant': {
              const user = w.users.get(USERS[op.user]!)!;
              const h = 3_600_000;
              const times = {
                active: {
                  grantedAt: new Date(now.getTime() - h),
                  expiresAt: new Date(now.getTime() + 2 * h),
                  endedAt: null,
                },
                expired: {
                  grantedAt: new Date(now.getTime() - 4 * h),
                  expiresAt: new Date(now.getTime() - h),
                  endedAt: null,
                },
                ended: {
                  grantedAt: new Date(now.getTime() - h),
                  expiresAt: new Date(now.getTime() + 2 * h),
                  endedAt: now,
                },
                future: {
                  grantedAt: new Date(now.getTime() + h),
                  expiresAt: new Date(now.getTime() + 4 * h),
                  endedAt: null,
                },
              }[op.state];
              await b.insertGrant({ userId: user.id, personId: person.id, ...times });
              break;
            }
            case 'member': {
              const consentId =
                op.basis === 'consent' && consentIds.length > 0 ? consentIds[op.consent % consentIds.length]! : null;
              const named = op.named
                ? [...w.users.values()].find((u) => u.agency === op.agency && u.roles.includes('caseworker'))
                : undefined;
              await b.addMember(person.caseFact.id, op.agency, { consentId, userId: named?.id ?? null });
              break;
            }
            case 'leave': {
              const members = person.caseFact.members.filter((m) => m.leftAt === null);
              if (members.length > 1) {
                const m = members[1 + (op.member % (members.length - 1))]!; // never the lead
                await b.endMember(person.caseFact.id, m.id, now);
              }
              break;
            }
            case 'scope':
              await b.setScope(op.agency, op.scope);
              break;
            case 'advance':
              t.clock.advance(op.hours * 3_600_000);
              break;
          }
          log.push(`  step ${i + 1}: ${JSON.stringify(op)} (person ${person.given})`);
          const last = i === ops.length - 1;
          const all = last || op.op === 'scope' || op.op === 'advance' || op.op === 'withdraw';
          await check(`step ${i + 1} ${op.op}`, all ? persons.map((p) => p.id) : [person.id]);
        }
        for (const a of AGENCIES) await b.setScope(a, 'agency');
        stats.push({ people: persons.length, ops: ops.length, requests });
        return true;
      }),
      { numRuns: RUNS, verbose: 1, interruptAfterTimeLimit: 300_000, markInterruptAsFailure: true },
    );
  }, 600_000);

  it('the model itself: grounds, identity, withdrawal, expiry and scope on a hand-made world', () => {
    // A self-check of the model without the API, so that a model that grants nothing cannot pass.
    const w: World = {
      ...b.w,
      scopes: new Map(b.w.scopes),
      people: new Map([
        ['p', { id: 'p', registeredBy: 'jobcenter', createdBy: b.w.users.get('jobcenter')!.id, label: 'p' }],
      ]),
      cases: new Map(),
      consents: new Map(),
      transfers: new Map(),
      grants: new Map(),
    };
    const now = START;
    expect(modelPersonAccess(w, 'sozialamt', 'p', now)).toBeNull();
    expect(modelPersonAccess(w, 'jobcenter', 'p', now)?.grounds).toEqual(['registered']);
    w.consents.set('c', {
      id: 'c',
      personId: 'p',
      categories: ['contact', 'health'],
      recipients: ['sozialamt'],
      givenOn: '2040-05-01',
      expiresOn: '2040-05-10',
      withdrawnAt: null,
      recordedBy: 'jobcenter',
    });
    expect(modelPersonAccess(w, 'sozialamt', 'p', now)).toBeNull(); // no identity
    w.consents.get('c')!.categories = ['identity', 'health'];
    expect(modelPersonAccess(w, 'sozialamt', 'p', now)).toEqual({
      grounds: ['consent'],
      categories: ['identity', 'health'],
    });
    expect(modelPersonAccess(w, 'sozialamt', 'p', new Date('2040-05-10T21:59:00Z'))).not.toBeNull();
    expect(modelPersonAccess(w, 'sozialamt', 'p', new Date('2040-05-10T22:01:00Z'))).toBeNull(); // Berlin: 11 May
    w.consents.get('c')!.withdrawnAt = now;
    expect(modelPersonAccess(w, 'sozialamt', 'p', now)).toBeNull();
    w.scopes.set('jobcenter', 'own');
    w.people.get('p')!.createdBy = b.w.users.get('sozialamt')!.id; // someone else's entry
    expect(modelPersonAccess(w, 'jobcenter', 'p', now)).toBeNull();
  });
});
