import type { Case } from '../../../shared/contracts/cases';

/** The documents of a case (placeholder until the documents panel is built in this session). */
export function CaseDocumentsPanel(_props: { value: Case }) {
  return null;
}
