import { casePhases, type CasePhase, type ClosureReason } from '../../contracts/cases';

/**
 * The phase machine of a case (DGCC case-management cycle): intake → assessment → planning →
 * implementation → monitoring → closure.
 *
 * Moves:
 * - forward one step;
 * - back one step, with a reason (e.g. the plan must be redone after new facts);
 * - closure from any open phase, with a closure reason and an outcome;
 * - reopening a closed case to a chosen earlier phase, with a reason.
 *
 * Entry conditions:
 * - planning and every phase after it (implementation, monitoring) need a completed assessment:
 *   a plan rests on the resource-oriented assessment (Potenzialanalyse, § 15 Abs. 1 SGB II;
 *   Hilfeplanung after the assessment, DGCC). The condition holds for the later phases too, so that
 *   a reopening cannot skip it;
 * - closure needs a closure reason and an outcome text.
 *
 * Every refusal carries an explanation in German and English; the server answers 400 for missing
 * input and 409 for a move the case's state does not allow.
 */

/** What the entry conditions look at. */
export type PhaseConditions = { assessmentCompleted: boolean };

export type PhaseMoveKind = 'forward' | 'back' | 'close' | 'reopen';

export type PhaseProblemCode =
  | 'same_phase'
  | 'case_closed'
  | 'case_open'
  | 'not_adjacent'
  | 'assessment_required'
  | 'reason_required'
  | 'closure_reason_required'
  | 'outcome_required'
  | 'closure_fields_only_on_closure';

/**
 * One refusal. `input`: the request lacks something (400); `state`: the case's phase or facts do
 * not allow the move (409). `path` names the request field the UI marks.
 */
export type PhaseProblem = {
  code: PhaseProblemCode;
  kind: 'input' | 'state';
  path: 'to' | 'reason' | 'closureReason' | 'outcome';
  message: { de: string; en: string };
};

export type PhaseCheck = { ok: true; kind: PhaseMoveKind } | { ok: false; problems: PhaseProblem[] };

export const phaseLabels: Record<CasePhase, { de: string; en: string }> = {
  intake: { de: 'Zugang und Fallklärung', en: 'Intake' },
  assessment: { de: 'Assessment', en: 'Assessment' },
  planning: { de: 'Hilfeplanung', en: 'Planning' },
  implementation: { de: 'Umsetzung', en: 'Implementation' },
  monitoring: { de: 'Monitoring', en: 'Monitoring' },
  closure: { de: 'Abschluss', en: 'Closure' },
};

export const closureReasonLabels: Record<ClosureReason, { de: string; en: string }> = {
  goals_achieved: { de: 'Ziele erreicht', en: 'Goals achieved' },
  handed_over: { de: 'An einen anderen Dienst übergeben', en: 'Handed over to another service' },
  moved_away: { de: 'Verzogen', en: 'Moved away' },
  no_longer_responsible: { de: 'Keine Zuständigkeit mehr', en: 'No longer responsible' },
  person_declined: { de: 'Von der Person nicht mehr gewünscht', en: 'Declined by the person' },
  contact_lost: { de: 'Kontakt abgebrochen', en: 'Contact lost' },
  deceased: { de: 'Verstorben', en: 'Deceased' },
  other: { de: 'Sonstiger Grund', en: 'Other reason' },
};

/** The position of a phase in the cycle (intake = 0, closure = 5). */
export function phaseIndex(phase: CasePhase): number {
  return casePhases.indexOf(phase);
}

/** Phases from planning on rest on a completed assessment. */
export function needsCompletedAssessment(phase: CasePhase): boolean {
  return phase === 'planning' || phase === 'implementation' || phase === 'monitoring';
}

const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';
const de = (p: CasePhase) => `„${phaseLabels[p].de}“`;
const en = (p: CasePhase) => `"${phaseLabels[p].en}"`;

function entryConditionProblems(to: CasePhase, conditions: PhaseConditions): PhaseProblem[] {
  if (needsCompletedAssessment(to) && !conditions.assessmentCompleted) {
    return [
      {
        code: 'assessment_required',
        kind: 'state',
        path: 'to',
        message: {
          de: `Für die Phase ${de(to)} muss ein abgeschlossenes Assessment vorliegen. Bitte schließen Sie zuerst das Assessment ab.`,
          en: `The phase ${en(to)} needs a completed assessment. Please complete the assessment first.`,
        },
      },
    ];
  }
  return [];
}

/**
 * Checks a phase change of an open case (forward, back, closure). Reopening a closed case is
 * `checkReopen`. All problems of the request are reported at once.
 */
export function checkPhaseChange(
  from: CasePhase,
  input: {
    to: CasePhase;
    reason?: string | null;
    closureReason?: ClosureReason | null;
    outcome?: string | null;
  },
  conditions: PhaseConditions,
): PhaseCheck {
  const { to } = input;
  if (from === 'closure') {
    return fail({
      code: 'case_closed',
      kind: 'state',
      path: 'to',
      message: {
        de: 'Der Fall ist abgeschlossen. Um weiterzuarbeiten, öffnen Sie ihn mit einer Begründung wieder.',
        en: 'The case is closed. To continue working on it, reopen it with a reason.',
      },
    });
  }
  if (to === from) {
    return fail({
      code: 'same_phase',
      kind: 'state',
      path: 'to',
      message: {
        de: `Der Fall ist bereits in der Phase ${de(to)}.`,
        en: `The case is already in the phase ${en(to)}.`,
      },
    });
  }
  const step = phaseIndex(to) - phaseIndex(from);
  const problems: PhaseProblem[] = [];
  if (to !== 'closure' && (!blank(input.closureReason) || !blank(input.outcome))) {
    problems.push({
      code: 'closure_fields_only_on_closure',
      kind: 'input',
      path: blank(input.closureReason) ? 'outcome' : 'closureReason',
      message: {
        de: 'Abschlussgrund und Ergebnis werden nur beim Abschluss des Falls angegeben.',
        en: 'A closure reason and an outcome are only given when the case is closed.',
      },
    });
  }
  if (to === 'closure') {
    if (blank(input.closureReason)) {
      problems.push({
        code: 'closure_reason_required',
        kind: 'input',
        path: 'closureReason',
        message: {
          de: 'Für den Abschluss bitte einen Abschlussgrund wählen.',
          en: 'Please choose a closure reason to close the case.',
        },
      });
    }
    if (blank(input.outcome)) {
      problems.push({
        code: 'outcome_required',
        kind: 'input',
        path: 'outcome',
        message: {
          de: 'Für den Abschluss bitte das Ergebnis des Falls beschreiben.',
          en: 'Please describe the outcome of the case to close it.',
        },
      });
    }
    return problems.length ? { ok: false, problems } : { ok: true, kind: 'close' };
  }
  if (step === 1) {
    problems.push(...entryConditionProblems(to, conditions));
    return problems.length ? { ok: false, problems } : { ok: true, kind: 'forward' };
  }
  if (step === -1) {
    if (blank(input.reason)) {
      problems.push({
        code: 'reason_required',
        kind: 'input',
        path: 'reason',
        message: {
          de: `Bitte begründen Sie, warum der Fall in die Phase ${de(to)} zurückgeht.`,
          en: `Please give a reason why the case goes back to the phase ${en(to)}.`,
        },
      });
    }
    problems.push(...entryConditionProblems(to, conditions));
    return problems.length ? { ok: false, problems } : { ok: true, kind: 'back' };
  }
  return fail({
    code: 'not_adjacent',
    kind: 'state',
    path: 'to',
    message: {
      de: `Von ${de(from)} geht es nur einen Schritt weiter, mit Begründung einen Schritt zurück oder zum Abschluss — nicht direkt zu ${de(to)}.`,
      en: `From ${en(from)} a case moves one step forward, one step back with a reason, or to closure — not directly to ${en(to)}.`,
    },
  });
}

/** Checks reopening a closed case in the phase `to` (any phase before closure), with a reason. */
export function checkReopen(
  from: CasePhase,
  input: { to: CasePhase; reason?: string | null },
  conditions: PhaseConditions,
): PhaseCheck {
  if (from !== 'closure') {
    return fail({
      code: 'case_open',
      kind: 'state',
      path: 'to',
      message: {
        de: 'Nur ein abgeschlossener Fall kann wieder geöffnet werden.',
        en: 'Only a closed case can be reopened.',
      },
    });
  }
  if (input.to === 'closure') {
    return fail({
      code: 'same_phase',
      kind: 'state',
      path: 'to',
      message: {
        de: 'Bitte wählen Sie die Phase, in der der Fall weitergeht.',
        en: 'Please choose the phase in which the case continues.',
      },
    });
  }
  const problems: PhaseProblem[] = [];
  if (blank(input.reason)) {
    problems.push({
      code: 'reason_required',
      kind: 'input',
      path: 'reason',
      message: {
        de: 'Bitte begründen Sie, warum der Fall wieder geöffnet wird.',
        en: 'Please give a reason for reopening the case.',
      },
    });
  }
  problems.push(...entryConditionProblems(input.to, conditions));
  return problems.length ? { ok: false, problems } : { ok: true, kind: 'reopen' };
}

/** A move the UI can offer from the current phase, with what it needs and why it is blocked. */
export type AvailableMove = {
  to: CasePhase;
  kind: PhaseMoveKind;
  /** Request fields the move needs. */
  requires: ('reason' | 'closureReason' | 'outcome')[];
  /** An unmet entry condition; the move is offered but refused until it is met. */
  blockedBy: PhaseProblem | null;
};

/** Every move from `from`: forward, back, closure for an open case; the reopen targets for a closed one. */
export function availableMoves(from: CasePhase, conditions: PhaseConditions): AvailableMove[] {
  const blocked = (to: CasePhase) => entryConditionProblems(to, conditions)[0] ?? null;
  if (from === 'closure') {
    return casePhases
      .filter((p) => p !== 'closure')
      .map((to) => ({ to, kind: 'reopen' as const, requires: ['reason' as const], blockedBy: blocked(to) }));
  }
  const moves: AvailableMove[] = [];
  const i = phaseIndex(from);
  const next = casePhases[i + 1];
  const previous = i > 0 ? casePhases[i - 1] : undefined;
  if (next && next !== 'closure') moves.push({ to: next, kind: 'forward', requires: [], blockedBy: blocked(next) });
  if (previous) moves.push({ to: previous, kind: 'back', requires: ['reason'], blockedBy: blocked(previous) });
  moves.push({ to: 'closure', kind: 'close', requires: ['closureReason', 'outcome'], blockedBy: null });
  return moves;
}

function fail(problem: PhaseProblem): PhaseCheck {
  return { ok: false, problems: [problem] };
}
