import { and, eq, exists, isNull, or, sql, type SQL } from 'drizzle-orm';
import { caseTeamMembers, cases, people } from '../../db/schema';

/**
 * The one place that decides which people an agency sees, as a condition on `people`: a person is
 * visible to the agency that registered them and to every agency that is a current member of the
 * team of a case on them (issue 3: "… and to agencies with a case on them"). Leaving the team
 * (left_at set) ends that visibility again.
 *
 * Used by the person scope resolver (people.policy.ts) and by the candidate lookup of search and
 * duplicate check (people.repository.ts `findCandidatesByKeys`), so that search never finds a
 * person the record route would answer 404 for, and the other way round.
 */
export function personVisibleToAgency(agencyId: string): SQL {
  return or(
    eq(people.registeredByAgencyId, agencyId),
    exists(
      sql`(select 1 from ${cases} inner join ${caseTeamMembers} on ${caseTeamMembers.caseId} = ${cases.id} where ${and(
        eq(cases.personId, people.id),
        eq(caseTeamMembers.agencyId, agencyId),
        isNull(caseTeamMembers.leftAt),
      )})`,
    ),
  )!;
}
