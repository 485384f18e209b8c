import type { Case } from '../../../shared/contracts/cases';

/** The conferences of a case (placeholder until the conferences panel is built in this session). */
export function CaseConferencesPanel(_props: { value: Case }) {
  return null;
}
