import type { Case } from '../../../shared/contracts/cases';

/** The plans of a case (placeholder until the plans panel is built in this session). */
export function CasePlansPanel(_props: { value: Case }) {
  return null;
}
