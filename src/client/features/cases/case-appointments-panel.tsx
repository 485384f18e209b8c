import type { Case } from '../../../shared/contracts/cases';

/** The appointments of a case (placeholder until the appointments panel is built in this session). */
export function CaseAppointmentsPanel(_props: { value: Case }) {
  return null;
}
