import { and, asc, between, eq, gte, inArray, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  addresses,
  agencies,
  competenceProfiles,
  districts,
  employmentOutcomes,
  people,
  personAddresses,
  referralRejectionReasons,
  referrals,
} from '../../db/schema';

/**
 * The funnel's queries: each takes the cohort as a date range of `profiled_on` and joins to it,
 * so there is no query per person and no list of ids in the SQL, whatever the cohort's size.
 * Merged-away records (`merged_into_id`) are not part of any cohort.
 */

const inCohort = (from: string, to: string) =>
  and(between(competenceProfiles.profiledOn, from, to), isNull(people.mergedIntoId));

export type CohortMember = {
  personId: string;
  profiledOn: string;
  sex: string;
  nationalities: string[];
  dobYear: number | null;
  dobMonth: number | null;
  dobDay: number | null;
  dobPrecision: string;
  dobPlaceholder: boolean;
};

export async function cohortMembers(db: Db, from: string, to: string): Promise<CohortMember[]> {
  return db
    .select({
      personId: competenceProfiles.personId,
      profiledOn: competenceProfiles.profiledOn,
      sex: people.sex,
      nationalities: people.nationalities,
      dobYear: people.dobYear,
      dobMonth: people.dobMonth,
      dobDay: people.dobDay,
      dobPrecision: people.dobPrecision,
      dobPlaceholder: people.dobPlaceholder,
    })
    .from(competenceProfiles)
    .innerJoin(people, eq(people.id, competenceProfiles.personId))
    .where(inCohort(from, to))
    .orderBy(asc(competenceProfiles.personId));
}

/** The people of the cohort with a residence or accommodation in the district valid on `today`. */
export async function cohortInDistrict(
  db: Db,
  from: string,
  to: string,
  districtId: string,
  today: string,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ personId: personAddresses.personId })
    .from(personAddresses)
    .innerJoin(addresses, eq(addresses.id, personAddresses.addressId))
    .innerJoin(competenceProfiles, eq(competenceProfiles.personId, personAddresses.personId))
    .innerJoin(people, eq(people.id, personAddresses.personId))
    .where(
      and(
        inCohort(from, to),
        eq(addresses.districtId, districtId),
        inArray(personAddresses.kind, ['residence', 'accommodation']),
        or(isNull(personAddresses.validFrom), lte(personAddresses.validFrom, today)),
        or(isNull(personAddresses.validUntil), gte(personAddresses.validUntil, today)),
      ),
    );
  return new Set(rows.map((r) => r.personId));
}

export type CohortReferral = {
  personId: string;
  status: string;
  rejectionReasonCode: string | null;
  sentAt: Date;
  profiledOn: string;
};

/** Sent referrals (never drafts) of the cohort's people to the agency. */
export async function cohortReferrals(db: Db, from: string, to: string, agencyId: string): Promise<CohortReferral[]> {
  const rows = await db
    .select({
      personId: referrals.personId,
      status: referrals.status,
      rejectionReasonCode: referrals.rejectionReasonCode,
      sentAt: referrals.sentAt,
      profiledOn: competenceProfiles.profiledOn,
    })
    .from(referrals)
    .innerJoin(competenceProfiles, eq(competenceProfiles.personId, referrals.personId))
    .innerJoin(people, eq(people.id, referrals.personId))
    .where(
      and(
        inCohort(from, to),
        eq(referrals.toAgencyId, agencyId),
        isNotNull(referrals.sentAt),
        ne(referrals.status, 'draft'),
      ),
    );
  return rows.map((r) => ({ ...r, sentAt: r.sentAt! }));
}

export type CohortOutcome = { personId: string; startedOn: string; endedOn: string | null };

/** Work and training of the cohort's people. */
export async function cohortOutcomes(db: Db, from: string, to: string): Promise<CohortOutcome[]> {
  return db
    .select({
      personId: employmentOutcomes.personId,
      startedOn: employmentOutcomes.startedOn,
      endedOn: employmentOutcomes.endedOn,
    })
    .from(employmentOutcomes)
    .innerJoin(competenceProfiles, eq(competenceProfiles.personId, employmentOutcomes.personId))
    .innerJoin(people, eq(people.id, employmentOutcomes.personId))
    .where(and(inCohort(from, to), inArray(employmentOutcomes.kind, ['work', 'training'])));
}

export async function findAgency(db: Db, id: string): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** The Agentur für Arbeit (the first agency of that kind by code): the funnel's default receiver. */
export async function defaultReceivingAgency(db: Db): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.kind, 'agentur_fuer_arbeit'))
    .orderBy(asc(agencies.code))
    .limit(1);
  return rows[0] ?? null;
}

export async function rejectionReasonLabels(db: Db): Promise<Map<string, { de: string; en: string }>> {
  const rows = await db
    .select({
      code: referralRejectionReasons.code,
      de: referralRejectionReasons.labelDe,
      en: referralRejectionReasons.labelEn,
    })
    .from(referralRejectionReasons);
  return new Map(rows.map((r) => [r.code, { de: r.de, en: r.en }]));
}

/** Whether a district exists (an unknown filter value is a bad request, not an empty report). */
export async function districtExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, id)).limit(1);
  return rows.length > 0;
}
