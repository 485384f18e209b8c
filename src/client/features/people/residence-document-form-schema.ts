import i18next from 'i18next';
import { z } from 'zod';
import {
  employmentConditionSchema,
  type ResidenceDocument,
  residenceDocumentFields,
  residenceDocumentInputSchema,
  type ResidenceDocumentType,
  residenceDocumentTypeSchema,
} from '../../../shared/contracts/residence-documents';
import { isoDateSchema } from '../../../shared/contracts/people';
import { residenceDocumentProblems } from '../../../shared/domain/residence-documents/document-rules';
import { blankToNull } from '../../lib/form-schemas';
import { currentLanguage } from '../../lib/i18n';
import { todayIso } from './people-format';

const shape = residenceDocumentInputSchema.shape;
const optionalText = (schema: z.ZodType<string | null, string | null>) => blankToNull(schema);
const optionalDate = blankToNull(isoDateSchema.nullable());

/** The document as the dialog edits it; the output is a complete create request and a valid PATCH body. */
export const residenceDocumentFormSchema = z
  .object({
    documentType: z.union([z.literal(''), residenceDocumentTypeSchema]),
    legalBasis: optionalText(shape.legalBasis.unwrap()),
    documentNumber: optionalText(shape.documentNumber.unwrap()),
    issuedOn: optionalDate,
    validFrom: optionalDate,
    validUntil: optionalDate,
    employment: employmentConditionSchema,
    wohnsitzauflage: z.boolean(),
    wohnsitzauflageMunicipality: optionalText(shape.wohnsitzauflageMunicipality.unwrap()),
    raeumlicheBeschraenkung: z.boolean(),
    raeumlicheBeschraenkungArea: optionalText(shape.raeumlicheBeschraenkungArea.unwrap()),
    issuingAuthority: optionalText(shape.issuingAuthority.unwrap()),
    notes: optionalText(shape.notes.unwrap()),
  })
  // A condition that is not set has no place or area: an unticked box clears what was typed.
  .transform((doc) => ({
    ...doc,
    wohnsitzauflageMunicipality: doc.wohnsitzauflage ? doc.wohnsitzauflageMunicipality : null,
    raeumlicheBeschraenkungArea: doc.raeumlicheBeschraenkung ? doc.raeumlicheBeschraenkungArea : null,
  }))
  // The server's own rules (shared/domain), so that the dialog reports the same problems before sending.
  .superRefine((doc, ctx) => {
    if (doc.documentType === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['documentType'],
        message: i18next.t('residenceDocuments.form.typeRequired'),
      });
      return;
    }
    const language = currentLanguage();
    for (const problem of residenceDocumentProblems({ ...doc, documentType: doc.documentType }, todayIso())) {
      ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message[language] });
    }
  })
  .transform((doc) => ({ ...doc, documentType: doc.documentType as ResidenceDocumentType }));
export type ResidenceDocumentFormInput = z.input<typeof residenceDocumentFormSchema>;
export type ResidenceDocumentFormOutput = z.output<typeof residenceDocumentFormSchema>;

export const RESIDENCE_DOCUMENT_FIELDS = residenceDocumentFields;

export function residenceDocumentToForm(document: ResidenceDocument | null): ResidenceDocumentFormInput {
  return {
    documentType: document?.documentType ?? '',
    legalBasis: document?.legalBasis ?? '',
    documentNumber: document?.documentNumber ?? '',
    issuedOn: document?.issuedOn ?? '',
    validFrom: document?.validFrom ?? '',
    validUntil: document?.validUntil ?? '',
    employment: document?.employment ?? 'unknown',
    wohnsitzauflage: document?.wohnsitzauflage ?? false,
    wohnsitzauflageMunicipality: document?.wohnsitzauflageMunicipality ?? '',
    raeumlicheBeschraenkung: document?.raeumlicheBeschraenkung ?? false,
    raeumlicheBeschraenkungArea: document?.raeumlicheBeschraenkungArea ?? '',
    issuingAuthority: document?.issuingAuthority ?? '',
    notes: document?.notes ?? '',
  };
}
