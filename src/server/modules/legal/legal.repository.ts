import { eq } from 'drizzle-orm';
import type { ResidenceDocumentType } from '../../../shared/contracts/residence-documents';
import type { StoredDocument, StoredPerson } from '../../../shared/domain/legal/stored-person-facts';
import type { Db } from '../../db/client';
import { people, residenceDocuments } from '../../db/schema';

/** Only what the legal-domain rules read about a person: date of birth with its precision and nationalities. */
export async function findPersonLegalFacts(db: Db, personId: string): Promise<StoredPerson | undefined> {
  const rows = await db
    .select({
      dobYear: people.dobYear,
      dobMonth: people.dobMonth,
      dobDay: people.dobDay,
      dobPrecision: people.dobPrecision,
      nationalities: people.nationalities,
    })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  return rows[0];
}

/** The person's residence documents, without numbers, authorities or notes (the rules do not need them). */
export async function residenceDocumentsForRules(db: Db, personId: string): Promise<StoredDocument[]> {
  const rows = await db
    .select({
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
    .where(eq(residenceDocuments.personId, personId));
  // The column holds only values the residence-documents contract accepted.
  return rows.map((r) => ({ ...r, documentType: r.documentType as ResidenceDocumentType }));
}
