import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ResidenceDocumentType } from '../../../shared/contracts/residence-documents';
import type { StoredDocument, StoredPerson } from '../../../shared/domain/legal/stored-person-facts';
import type { Db } from '../../db/client';
import { legalEvaluations, legalHandovers, people, residenceDocuments } from '../../db/schema';

export type ReevaluationCandidate = StoredPerson & { id: string };

/**
 * One batch of the people a rule version re-evaluates: those with a stored evaluation or a
 * residence document, not merged into another record and not anonymised; keyset-paged by id so
 * that a run holds one batch in memory at a time.
 */
export async function reevaluationBatch(
  db: Db,
  afterId: string | null,
  limit: number,
): Promise<ReevaluationCandidate[]> {
  const hasLegalData = or(
    sql`exists (select 1 from ${legalEvaluations} where ${legalEvaluations.personId} = ${people.id})`,
    sql`exists (select 1 from ${residenceDocuments} where ${residenceDocuments.personId} = ${people.id})`,
  );
  return db
    .select({
      id: people.id,
      dobYear: people.dobYear,
      dobMonth: people.dobMonth,
      dobDay: people.dobDay,
      dobPrecision: people.dobPrecision,
      nationalities: people.nationalities,
    })
    .from(people)
    .where(
      and(
        isNull(people.mergedIntoId),
        isNull(people.anonymisedAt),
        hasLegalData,
        afterId ? gt(people.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(people.id))
    .limit(limit);
}

/** The residence documents of the batch (only what the rules read), per person. */
export async function documentsOfPeople(db: Db, personIds: readonly string[]): Promise<Map<string, StoredDocument[]>> {
  const result = new Map<string, StoredDocument[]>();
  if (personIds.length === 0) return result;
  const rows = await db
    .select({
      personId: residenceDocuments.personId,
      id: residenceDocuments.id,
      documentType: residenceDocuments.documentType,
      legalBasis: residenceDocuments.legalBasis,
      issuedOn: residenceDocuments.issuedOn,
      validFrom: residenceDocuments.validFrom,
      validUntil: residenceDocuments.validUntil,
      employment: residenceDocuments.employment,
      wohnsitzauflage: residenceDocuments.wohnsitzauflage,
      wohnsitzauflageMunicipality: residenceDocuments.wohnsitzauflageMunicipality,
    })
    .from(residenceDocuments)
    .where(inArray(residenceDocuments.personId, [...personIds]));
  for (const { personId, ...doc } of rows) {
    const list = result.get(personId) ?? [];
    // The column holds only values the residence-documents contract accepted.
    list.push({ ...doc, documentType: doc.documentType as ResidenceDocumentType });
    result.set(personId, list);
  }
  return result;
}

/** The stored benefit system and agency kind of the batch. */
export async function evaluationsOfPeople(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, { benefitSystem: string; responsibleAgencyKind: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({
      personId: legalEvaluations.personId,
      benefitSystem: legalEvaluations.benefitSystem,
      responsibleAgencyKind: legalEvaluations.responsibleAgencyKind,
    })
    .from(legalEvaluations)
    .where(inArray(legalEvaluations.personId, [...personIds]));
  return new Map(rows.map(({ personId, ...e }) => [personId, e]));
}

/** Open handovers of the batch as "personId from>to" keys. */
export async function openTransitionsOfPeople(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .select({
      personId: legalHandovers.personId,
      from: legalHandovers.fromBenefitSystem,
      to: legalHandovers.toBenefitSystem,
    })
    .from(legalHandovers)
    .where(and(inArray(legalHandovers.personId, [...personIds]), eq(legalHandovers.status, 'open')));
  return new Set(rows.map((r) => transitionKey(r.personId, r.from, r.to)));
}

export const transitionKey = (personId: string, from: string, to: string) => `${personId} ${from}>${to}`;
