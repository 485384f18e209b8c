import { eq, inArray } from 'drizzle-orm';
import { evaluateOrExplain } from '../../../shared/domain/legal/evaluate-legal-domain';
import { birthRange, factsFromStoredPerson } from '../../../shared/domain/legal/stored-person-facts';
import {
  cefrLevelSchema,
  criteriaSchema,
  type CefrLevel,
  type CriteriaFacts,
  type Criterion,
} from '../../../shared/domain/referrals/criteria';
import type { Db } from '../../db/client';
import { competenceProfiles, measures, people, referralCriteria } from '../../db/schema';
import { documentsOfPeople } from '../legal/legal-rule-versions.repository';

/** Whole years between a date of birth and `asOf` (both 'YYYY-MM-DD'). */
function ageOn(dob: string, asOf: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  const beforeBirthday = am < bm || (am === bm && ad < bd);
  return ay - by - (beforeBirthday ? 1 : 0);
}

/**
 * The age on `asOf` when the stored date of birth decides it: exact dates always; a month or year
 * only when every possible day of birth gives the same age. A placeholder day and month (e.g.
 * 01.01. written for "unknown") count as the year only. Unknown dates → null.
 */
export function knownAgeOn(
  person: {
    dobYear: number | null;
    dobMonth: number | null;
    dobDay: number | null;
    dobPrecision: string;
    dobPlaceholder: boolean;
  },
  asOf: string,
): number | null {
  const dob = { ...person, nationalities: [], dobPrecision: person.dobPlaceholder ? 'year' : person.dobPrecision };
  const range = birthRange(dob);
  if (!range) return null;
  const oldest = ageOn(range.earliest, asOf);
  const youngest = ageOn(range.latest, asOf);
  if (oldest !== youngest || youngest < 0) return null;
  return youngest;
}

function cefrOrNull(value: string | null): CefrLevel | null {
  const parsed = cefrLevelSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The highest `iscedLevel` (0–8) among the profile's education items, null when none has one. */
function highestIsced(education: readonly Record<string, unknown>[]): number | null {
  let highest: number | null = null;
  for (const item of education) {
    const level = item['iscedLevel'];
    if (typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= 8)
      highest = highest === null ? level : Math.max(highest, level);
  }
  return highest;
}

/**
 * What the referral criteria check knows of each person on `asOf`, in three queries for any
 * number of people (profiles, people, residence documents — no query per person):
 * - from the competence profile: German overall, the highest ISCED level of the education
 *   items, whether a qualification is recorded, the driving-licence classes (no profile → null);
 * - the age from the date of birth (see `knownAgeOn`);
 * - labour-market access from the legal-domain engine on the stored facts — only when the
 *   engine is certain about it; provisional or not evaluable → null (unknown, never a guess).
 * People that do not exist are missing from the map.
 */
export async function criteriaFactsFor(
  db: Db,
  personIds: readonly string[],
  asOf: string,
): Promise<Map<string, CriteriaFacts>> {
  const result = new Map<string, CriteriaFacts>();
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return result;
  const [persons, profiles, documents] = await Promise.all([
    db
      .select({
        id: people.id,
        dobYear: people.dobYear,
        dobMonth: people.dobMonth,
        dobDay: people.dobDay,
        dobPrecision: people.dobPrecision,
        dobPlaceholder: people.dobPlaceholder,
        nationalities: people.nationalities,
      })
      .from(people)
      .where(inArray(people.id, ids)),
    db
      .select({
        personId: competenceProfiles.personId,
        germanOverall: competenceProfiles.germanOverall,
        education: competenceProfiles.education,
        qualifications: competenceProfiles.qualifications,
        drivingLicences: competenceProfiles.drivingLicences,
      })
      .from(competenceProfiles)
      .where(inArray(competenceProfiles.personId, ids)),
    documentsOfPeople(db, ids),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.personId, p]));
  for (const person of persons) {
    const profile = profileOf.get(person.id);
    const stored = factsFromStoredPerson(person, documents.get(person.id) ?? [], asOf);
    const evaluated = stored.facts ? evaluateOrExplain(stored.facts) : null;
    const labourMarketAccess =
      evaluated?.ok && evaluated.evaluation.certainty.labourMarketAccess === 'certain'
        ? evaluated.evaluation.labourMarketAccess
        : null;
    result.set(person.id, {
      germanOverall: profile ? cefrOrNull(profile.germanOverall) : null,
      labourMarketAccess,
      age: knownAgeOn(person, asOf),
      highestIscedLevel: profile ? highestIsced(profile.education) : null,
      hasQualification: profile ? profile.qualifications.length > 0 : null,
      drivingLicences: profile ? [...profile.drivingLicences] : null,
    });
  }
  return result;
}

/** Stored criteria as data; entries that no longer parse (e.g. from an older version) are left out. */
function parseCriteria(stored: readonly Record<string, unknown>[] | undefined): Criterion[] {
  if (!stored) return [];
  const whole = criteriaSchema.safeParse(stored);
  if (whole.success) return whole.data;
  return stored.flatMap((c) => {
    const one = criteriaSchema.safeParse([c]);
    return one.success ? one.data : [];
  });
}

/**
 * The criteria a referral to `agencyId` is checked against: the receiving agency's acceptance
 * criteria (`referral_criteria`, none configured → none) followed by the measure's eligibility
 * criteria when a measure is given (unknown measure → only the agency's).
 */
export async function criteriaFor(
  db: Db,
  agencyId: string,
  measureId?: string | null,
): Promise<{ agency: Criterion[]; measure: Criterion[]; all: Criterion[] }> {
  const [agencyRows, measureRows] = await Promise.all([
    db
      .select({ criteria: referralCriteria.criteria })
      .from(referralCriteria)
      .where(eq(referralCriteria.agencyId, agencyId))
      .limit(1),
    measureId
      ? db.select({ criteria: measures.criteria }).from(measures).where(eq(measures.id, measureId)).limit(1)
      : Promise.resolve([] as { criteria: Record<string, unknown>[] }[]),
  ]);
  const agency = parseCriteria(agencyRows[0]?.criteria);
  const measure = parseCriteria(measureRows[0]?.criteria);
  return { agency, measure, all: [...agency, ...measure] };
}
