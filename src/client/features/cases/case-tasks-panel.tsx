import type { Case } from '../../../shared/contracts/cases';

/** The tasks of a case (placeholder until the tasks panel is built in this session). */
export function CaseTasksPanel(_props: { value: Case }) {
  return null;
}
