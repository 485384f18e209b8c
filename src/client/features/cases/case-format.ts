import type { FieldErrors } from 'react-hook-form';
import type { CasePhase, ClosureReason } from '../../../shared/contracts/cases';
import type { PersonSummary } from '../../../shared/contracts/people';
import { closureReasonLabels, phaseLabels } from '../../../shared/domain/cases/phase-machine';
import { currentLanguage } from '../../lib/i18n';

/** A label pair from the shared domain in the UI language (German first, English second). */
export function inUiLanguage(label: { de: string; en: string }): string {
  return currentLanguage() === 'de' ? label.de : label.en;
}

/** The phase names come from the phase machine, so that the stepper and the server's explanations agree. */
export const phaseLabel = (phase: CasePhase) => inUiLanguage(phaseLabels[phase]);
export const closureReasonLabel = (reason: ClosureReason) => inUiLanguage(closureReasonLabels[reason]);

/** The case lists show names in the usual given-family order (the summary carries no name order). */
export function personLabel(person: Pick<PersonSummary, 'givenNames' | 'familyName'>): string {
  return `${person.givenNames} ${person.familyName}`;
}

/** Client-side rule failures in react-hook-form's error shape, for the error summary. */
export function ruleErrors(entries: [string, string][]): FieldErrors {
  return Object.fromEntries(entries.map(([path, message]) => [path, { type: 'rule', message }]));
}
