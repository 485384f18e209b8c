import type { Case } from '../../../shared/contracts/cases';

/** The notes of a case (placeholder until the notes panel is built in this session). */
export function CaseNotesPanel(_props: { value: Case }) {
  return null;
}
