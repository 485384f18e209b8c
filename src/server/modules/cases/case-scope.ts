import { sql, type SQL } from 'drizzle-orm';
import { todayIn } from '../../../shared/domain/calendar-date';
import { cases } from '../../db/schema';
import type { Actor } from '../../platform/access/actor';
import { consentInForce, personVisibleTo, scopedUsers } from '../../platform/access/person-access';

/**
 * THE condition for seeing a case (issue 5; the case counterpart of `personVisibleTo`). Every
 * query that returns cases or records of cases — the record scope of case.read/case.write, the
 * case list, the person's cases, the task and appointment inboxes, the workload — filters with it,
 * so no route shows a case another route would answer 404 for.
 *
 * An actor sees a case when, at `now`:
 * - the actor's agency is a current member of the case team (left_at empty), and a membership
 *   that rests on a consent of the person (`consent_id`) only while that consent is in force
 *   for the agency (not withdrawn, given_on ≤ today ≤ expires_on, naming the agency) — the same
 *   definition as the person's `case_team` ground;
 * - narrowed by the agency's caseworker scope for actors who are not team leads (SGB I § 35):
 *   `agency` — every colleague; `team` — the case's lead case manager or the colleague named on
 *   the agency's membership is in the actor's team; `own` — the actor leads the case or is named;
 * - and the actor may see the case's person (a case names its person; without `identity` nothing
 *   of the person is shown).
 *
 * A break-glass grant opens the PERSON to one user for three hours, never the person's cases: the
 * emergency is about reaching the person, not about reading another agency's casework.
 *
 * `caseId` is the SQL expression of the case id in the outer query (default `cases.id`).
 */
export function caseVisibleTo(actor: Actor, now: Date, caseId: SQL = sql`${cases.id}`): SQL {
  const today = todayIn(now);
  return sql`exists (select 1 from cases cv join case_team_members m on m.case_id = cv.id
    where cv.id = ${caseId} and m.agency_id = ${actor.agencyId} and m.left_at is null
      and (m.consent_id is null or exists (select 1 from consents k where k.id = m.consent_id and ${consentInForce('k', actor.agencyId, today)}))
      and (${scopedUsers(actor, sql`cv.lead_user_id`)} or ${scopedUsers(actor, sql`m.user_id`)})
      and exists (select 1 from people where people.id = cv.person_id and ${personVisibleTo(actor, now)}))`;
}
