import { z } from 'zod';
import { personSchema } from './people';
import { residenceDocumentListSchema } from './residence-documents';

/**
 * GET /people/:id/export: the register entry as the caller may see it, in one document (for a
 * hand-over or the person's own copy). Residence documents are null when their category is withheld.
 */
export const personExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  person: personSchema,
  residenceDocuments: residenceDocumentListSchema.shape.items.nullable(),
});
export type PersonExport = z.infer<typeof personExportSchema>;
