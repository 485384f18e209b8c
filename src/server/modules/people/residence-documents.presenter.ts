import type { ResidenceDocument } from '../../../shared/contracts/residence-documents';
import type { StatusResult } from '../../../shared/domain/residence-documents/document-status';
import type { ResidenceDocumentRow } from './residence-documents.repository';

/** Whitelists a residence document, with its status on the day the caller asked (computed by the domain). */
export function presentResidenceDocument(row: ResidenceDocumentRow, status: StatusResult): ResidenceDocument {
  return {
    id: row.id,
    personId: row.personId,
    version: row.version,
    documentType: row.documentType as ResidenceDocument['documentType'],
    legalBasis: row.legalBasis,
    documentNumber: row.documentNumber,
    issuedOn: row.issuedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    employment: row.employment as ResidenceDocument['employment'],
    wohnsitzauflage: row.wohnsitzauflage,
    wohnsitzauflageMunicipality: row.wohnsitzauflageMunicipality,
    raeumlicheBeschraenkung: row.raeumlicheBeschraenkung,
    raeumlicheBeschraenkungArea: row.raeumlicheBeschraenkungArea,
    issuingAuthority: row.issuingAuthority,
    notes: row.notes,
    status: status.status,
    daysUntilExpiry: status.daysUntilExpiry,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
