import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  dataCategories,
  dataCategoryLabels,
  type DataCategory,
} from '../../../shared/domain/data-protection/data-categories';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { Db } from '../../db/client';
import { categoryAccessRules, consents, dataTransfers, people } from '../../db/schema';
import { AppError, fieldMessage } from '../errors/app-error';
import type { Actor } from './actor';

/**
 * The decision function for social data about a person (issue 5; docs/data-protection.md).
 *
 * Record level — an actor sees a person on one of these grounds:
 * - `registered`: the actor's agency registered the person;
 * - `case_team`: the actor's agency is on the current team of a case of the person (a member that
 *   joined on the strength of a consent only while that consent is in force);
 * - `consent`: a consent of the person in force names the actor's agency as recipient;
 * - `transfer`: a transfer on a legal basis to the actor's agency is still valid;
 * - `break_glass`: the actor (the user, not the agency) holds an unexpired emergency grant.
 * The first two are narrowed by the agency's caseworker scope (own / team / agency) for actors
 * who are not team leads (SGB I § 35: need to know inside the agency too).
 *
 * Field level — the categories the actor sees: the category matrix of the agency's kind for the
 * grounds `registered`, `case_team` and `break_glass`, plus the categories named by each consent
 * and transfer in force. Without `identity` there is no access at all.
 *
 * The same SQL condition serves the record scope, lists, search and duplicate candidates, so that
 * no route finds a person another route would answer 404 for.
 */
export type AccessGround = 'registered' | 'case_team' | 'consent' | 'transfer' | 'break_glass';
export const accessGrounds: readonly AccessGround[] = ['registered', 'case_team', 'consent', 'transfer', 'break_glass'];

export type PersonAccess = { grounds: AccessGround[]; categories: Set<DataCategory> };

/** 'own' | 'team' | 'agency': how far an actor's own-agency grounds reach. Team leads see the agency. */
function scopeSql(actor: Actor): SQL {
  if (actor.roles.includes('team_lead')) return sql`'agency'`;
  return sql`(select a.caseworker_scope from agencies a where a.id = ${actor.agencyId})`;
}

/** The users whose work counts as the actor's under the scope: themselves, or their team. */
export function scopedUsers(actor: Actor, column: SQL): SQL {
  const team = actor.teamId
    ? sql`${column} in (select u.id from users u where u.team_id = ${actor.teamId})`
    : sql`${column} = ${actor.userId}`;
  return sql`(case ${scopeSql(actor)} when 'agency' then true when 'team' then ${team} else ${column} = ${actor.userId} end)`;
}

/**
 * A consent (table alias `alias`) in force on `today` naming the agency. A consent evidenced by a
 * signed scan is in force only once the scan is stored (consent_evidence): until then nothing
 * proves the signature (module consent, shared/domain/data-protection/consent-status.ts).
 */
export const consentInForce = (alias: string, agencyId: string, today: string): SQL =>
  sql`${sql.raw(alias)}.withdrawn_at is null and ${sql.raw(alias)}.given_on <= ${today} and ${sql.raw(alias)}.expires_on >= ${today} and ${agencyId} = any(${sql.raw(alias)}.recipient_agency_ids) and (${sql.raw(alias)}.evidence_kind = 'in_person' or exists (select 1 from consent_evidence e where e.consent_id = ${sql.raw(alias)}.id))`;

/** Registered by the actor's agency, within the actor's scope: also the condition for changing the register entry. */
export function registeredSql(actor: Actor): SQL {
  return sql`(${people.registeredByAgencyId} = ${actor.agencyId} and ${scopedUsers(actor, sql`${people.createdBy}`)})`;
}

function caseTeamSql(actor: Actor, today: string): SQL {
  return sql`exists (select 1 from cases c join case_team_members m on m.case_id = c.id
    where c.person_id = ${people.id} and m.agency_id = ${actor.agencyId} and m.left_at is null
      and (m.consent_id is null or exists (select 1 from consents k where k.id = m.consent_id and ${consentInForce('k', actor.agencyId, today)}))
      and (${scopedUsers(actor, sql`c.lead_user_id`)} or ${scopedUsers(actor, sql`m.user_id`)}))`;
}

/** A consent in force naming the actor's agency (and, if given, the category). */
function consentSql(actor: Actor, today: string, category?: DataCategory): SQL {
  const naming = category ? sql` and ${category} = any(k.categories)` : sql``;
  return sql`exists (select 1 from consents k where k.person_id = ${people.id} and ${consentInForce('k', actor.agencyId, today)}${naming})`;
}

/** A transfer to the actor's agency still in force (and, if given, naming the category). */
function transferSql(actor: Actor, now: Date, today: string, category?: DataCategory): SQL {
  const naming = category ? sql` and ${category} = any(t.categories)` : sql``;
  return sql`exists (select 1 from data_transfers t where t.person_id = ${people.id} and t.to_agency_id = ${actor.agencyId}
    and t.transferred_at <= ${now.toISOString()} and t.valid_until >= ${today}${naming})`;
}

function breakGlassSql(actor: Actor, now: Date): SQL {
  return sql`exists (select 1 from break_glass_grants g where g.person_id = ${people.id} and g.user_id = ${actor.userId}
    and g.ended_at is null and g.granted_at <= ${now.toISOString()} and g.expires_at > ${now.toISOString()})`;
}

/**
 * The one condition on `people` that says whether the actor may see the row at `now`. Use it in
 * every query that returns people (record scope, lists, search, duplicate candidates, exports).
 *
 * Identity is what makes a person visible at all: through the matrix of the agency's kind for the
 * own grounds (registered, case team, break-glass), or named by a consent or transfer in force.
 * A consent or transfer without identity never opens a person on its own (the same rule as
 * `personAccess`, which drops people without identity in the union of their categories).
 */
export function personVisibleTo(actor: Actor, now: Date): SQL {
  const today = todayIn(now);
  const matrixIdentity = sql`exists (select 1 from category_access_rules r where r.agency_kind = ${actor.agencyKind} and r.category = 'identity')`;
  const ownGround = sql`(${registeredSql(actor)} or ${caseTeamSql(actor, today)} or ${breakGlassSql(actor, now)})`;
  return sql`((${matrixIdentity} and ${ownGround}) or ${consentSql(actor, today, 'identity')} or ${transferSql(actor, now, today, 'identity')})`;
}

/** The ids among `ids` the actor may see now. */
export async function personIdsVisibleTo(db: Db, actor: Actor, ids: readonly string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, [...ids]), personVisibleTo(actor, now)));
  return rows.map((r) => r.id);
}

/** The categories the category matrix grants an agency kind for its own task. */
export async function matrixCategories(db: Db, agencyKind: string): Promise<Set<DataCategory>> {
  const rows = await db
    .select({ category: categoryAccessRules.category })
    .from(categoryAccessRules)
    .where(eq(categoryAccessRules.agencyKind, agencyKind));
  return new Set(rows.map((r) => r.category as DataCategory));
}

/**
 * Grounds and categories of the actor for each visible person among `ids`; people the actor may
 * not see are absent from the map. One query per ground, whatever the number of ids.
 */
export async function personAccess(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, PersonAccess>> {
  const result = new Map<string, PersonAccess>();
  if (ids.length === 0) return result;
  const today = todayIn(now);
  const unique = [...new Set(ids)];
  const idSet = inArray(people.id, unique);
  const matrix = await matrixCategories(db, actor.agencyKind);

  const grounds: [AccessGround, SQL][] = [
    ['registered', registeredSql(actor)],
    ['case_team', caseTeamSql(actor, today)],
    ['break_glass', breakGlassSql(actor, now)],
  ];
  for (const [ground, condition] of grounds) {
    const rows = await db.select({ id: people.id }).from(people).where(and(idSet, condition));
    for (const { id } of rows) {
      const entry = result.get(id) ?? { grounds: [], categories: new Set<DataCategory>() };
      entry.grounds.push(ground);
      for (const c of matrix) entry.categories.add(c);
      result.set(id, entry);
    }
  }

  const consentRows = await db
    .select({ personId: consents.personId, categories: consents.categories })
    .from(consents)
    .where(and(inArray(consents.personId, unique), sql`${consentInForce('consents', actor.agencyId, today)}`));
  const transferRows = await db
    .select({ personId: dataTransfers.personId, categories: dataTransfers.categories })
    .from(dataTransfers)
    .where(
      and(
        inArray(dataTransfers.personId, unique),
        eq(dataTransfers.toAgencyId, actor.agencyId),
        sql`${dataTransfers.transferredAt} <= ${now.toISOString()}`,
        sql`${dataTransfers.validUntil} >= ${today}`,
      ),
    );
  const add = (ground: AccessGround, rows: { personId: string; categories: string[] }[]) => {
    for (const row of rows) {
      const entry = result.get(row.personId) ?? { grounds: [], categories: new Set<DataCategory>() };
      if (!entry.grounds.includes(ground)) entry.grounds.push(ground);
      for (const c of row.categories)
        if ((dataCategories as readonly string[]).includes(c)) entry.categories.add(c as DataCategory);
      result.set(row.personId, entry);
    }
  };
  add('consent', consentRows);
  add('transfer', transferRows);

  for (const [id, entry] of result) if (!entry.categories.has('identity')) result.delete(id);
  return result;
}

/** The access of the actor to one person, or null when the actor may not see the person. */
export async function accessToPerson(db: Db, actor: Actor, personId: string, now: Date): Promise<PersonAccess | null> {
  return (await personAccess(db, actor, [personId], now)).get(personId) ?? null;
}

/** Categories in the fixed order of `dataCategories`, for responses and audit details. */
export function orderedCategories(categories: Iterable<DataCategory>): DataCategory[] {
  const set = new Set(categories);
  return dataCategories.filter((c) => set.has(c));
}

/** The categories withheld from the actor. */
export function withheldCategories(access: PersonAccess): DataCategory[] {
  return dataCategories.filter((c) => !access.categories.has(c));
}

function categoryWithheld(category: DataCategory): AppError {
  const label = dataCategoryLabels[category];
  return new AppError('FORBIDDEN', {
    fieldErrors: [
      {
        path: 'category',
        message: fieldMessage(
          `Die Datenkategorie „${label.de}“ ist für Ihre Stelle bei dieser Person nicht freigegeben.`,
          `The data category "${label.en}" is not released to your agency for this person.`,
        ),
      },
    ],
  });
}

/**
 * For routes that serve one category of a person's data (residence documents, the legal
 * evaluation, …): 404 when the actor may not see the person at all, 403 naming the category when
 * only the category is withheld (the person is visible, so a 404 would be a lie). Returns the access.
 */
export async function assertPersonCategory(
  db: Db,
  actor: Actor,
  personId: string,
  category: DataCategory,
  now: Date,
): Promise<PersonAccess> {
  const access = await accessToPerson(db, actor, personId, now);
  if (!access) throw new AppError('NOT_FOUND');
  if (!access.categories.has(category)) throw categoryWithheld(category);
  return access;
}

/** For the agency's own worklists and records (households, expiring documents): the matrix of its kind. */
export async function assertMatrixCategory(db: Db, actor: Actor, category: DataCategory): Promise<void> {
  if (!(await matrixCategories(db, actor.agencyKind)).has(category)) throw categoryWithheld(category);
}
