import type { GoalStatus, PlanKind, PlanStatus, StepGoalRef, StepStatus } from '../../contracts/case-plans';
import type { CasePhase } from '../../contracts/cases';
import type { AgencyKind } from '../../contracts/common';
import { isCalendarDate } from '../calendar-date';

/**
 * Rules of the plans of a case (Hilfeplanung), as pure functions used by the server (which
 * enforces them) and the client (which offers only what they allow and shows their explanation).
 *
 * - When: plans are drawn up from the phase planning on (planning, implementation, monitoring).
 *   Planning itself needs a completed assessment (phase-machine.ts), so a plan always rests on the
 *   resource-oriented assessment (Potenzialanalyse; § 15 Abs. 1 SGB II for the Kooperationsplan).
 *   A closed case is read-only.
 * - Who: the agency that creates a plan owns it. A Kooperationsplan (§ 15 Abs. 2 SGB II) is the
 *   Jobcenter's, a Hilfeplan (§ 36 Abs. 2 SGB VIII) the Jugendamt's; an integration plan may be
 *   owned by any agency of the case team. At most one plan of each kind is in force (not ended)
 *   on a case at a time.
 * - Review: a Kooperationsplan needs a review date. § 15 Abs. 3 SGB II: the plan is reviewed and
 *   updated together with the person regularly, at the latest after six months — so the review
 *   date lies at most six months after the agreement (or, before agreement, after today).
 * - Status: draft → agreed → ended (a draft may also be ended unagreed); an agreed plan needs the
 *   date of agreement and at least one goal; an ended plan needs its end date and is read-only.
 * - Steps: a step's responsible agency must be on the current case team, and a named colleague
 *   must be an active caseworker or team lead of that agency (checked when a step is assigned or
 *   re-assigned: an unchanged step keeps its history when an agency later leaves the team).
 *
 * Every refusal carries an explanation in German and English. `input` problems are answered 400,
 * `state` problems (the case's or the plan's state does not allow it) 409.
 */

export type PlanProblemCode =
  | 'phase_too_early'
  | 'case_closed'
  | 'owner_kind'
  | 'plan_of_kind_open'
  | 'plan_ended'
  | 'status_move'
  | 'invalid_date'
  | 'agreed_on_future'
  | 'agreed_on_required'
  | 'goal_required'
  | 'ended_on_required'
  | 'ended_on_only_when_ended'
  | 'ended_on_future'
  | 'ended_before_agreed'
  | 'review_date_required'
  | 'review_date_too_late'
  | 'review_before_agreed'
  | 'review_in_past'
  | 'unknown_id'
  | 'duplicate_id'
  | 'goal_ref_invalid'
  | 'agency_not_on_team'
  | 'user_not_caseworker'
  | 'progress_needs_agreed_plan';

export type PlanProblem = {
  code: PlanProblemCode;
  kind: 'input' | 'state';
  /** The request field the UI marks, e.g. `reviewDate` or `steps.1.responsibleAgencyId`. */
  path: string;
  message: { de: string; en: string };
};

type Label = { de: string; en: string };

export const planKindLabels: Record<PlanKind, Label> = {
  integration_plan: { de: 'Integrationsplan', en: 'Integration plan' },
  kooperationsplan: { de: 'Kooperationsplan', en: 'Kooperationsplan (cooperation plan)' },
  hilfeplan: { de: 'Hilfeplan', en: 'Hilfeplan (assistance plan)' },
};

/** The legal basis each kind rests on, as printed on the plan. */
export const planLegalBases: Record<PlanKind, Label> = {
  integration_plan: {
    de: 'Gemeinsamer Plan des Fallteams im kommunalen Integrationsmanagement (freiwillig)',
    en: 'Shared plan of the case team in municipal integration management (voluntary)',
  },
  kooperationsplan: { de: '§ 15 SGB II', en: '§ 15 SGB II' },
  hilfeplan: { de: '§ 36 SGB VIII', en: '§ 36 SGB VIII' },
};

export const planStatusLabels: Record<PlanStatus, Label> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  agreed: { de: 'Vereinbart', en: 'Agreed' },
  ended: { de: 'Beendet', en: 'Ended' },
};

export const goalStatusLabels: Record<GoalStatus, Label> = {
  open: { de: 'Offen', en: 'Open' },
  achieved: { de: 'Erreicht', en: 'Achieved' },
  partly_achieved: { de: 'Teilweise erreicht', en: 'Partly achieved' },
  not_achieved: { de: 'Nicht erreicht', en: 'Not achieved' },
  dropped: { de: 'Aufgegeben', en: 'Dropped' },
};

export const stepStatusLabels: Record<StepStatus, Label> = {
  planned: { de: 'Geplant', en: 'Planned' },
  in_progress: { de: 'Läuft', en: 'In progress' },
  done: { de: 'Erledigt', en: 'Done' },
  cancelled: { de: 'Abgebrochen', en: 'Cancelled' },
  not_taken_up: { de: 'Nicht wahrgenommen', en: 'Not taken up' },
};

/** Steps that still need doing. */
export const openStepStatuses: readonly StepStatus[] = ['planned', 'in_progress'];

/**
 * The agency kind that alone may own a plan kind (null: any agency of the case team).
 * Kooperationsplan: § 15 Abs. 2 SGB II, agreed between the Jobcenter and the person;
 * Hilfeplan: § 36 Abs. 2 SGB VIII, drawn up by the Jugendamt (Träger der öffentlichen Jugendhilfe).
 */
export const planOwnerKinds: Record<PlanKind, AgencyKind | null> = {
  integration_plan: null,
  kooperationsplan: 'jobcenter',
  hilfeplan: 'jugendamt',
};

/**
 * The review period of a Kooperationsplan: § 15 Abs. 3 SGB II in the version of the
 * Bürgergeld-Gesetz, in force since 1 July 2023 ("regelmäßig, spätestens aber nach Ablauf von
 * sechs Monaten gemeinsam überprüft und fortgeschrieben").
 */
export const KOOPERATIONSPLAN_REVIEW = {
  norm: '§ 15 Abs. 3 SGB II',
  months: 6,
  validFrom: '2023-07-01',
  validUntil: null as string | null,
} as const;

/** The phases in which plans are drawn up and worked on. */
export function plansAllowedInPhase(phase: CasePhase): boolean {
  return phase === 'planning' || phase === 'implementation' || phase === 'monitoring';
}

/** 'YYYY-MM-DD' as the German reader writes it: 'DD.MM.YYYY'. */
export function germanDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The same day `months` months later; a day the target month lacks becomes its last day.
 *
 * @example addMonths('2026-08-31', 6) → '2027-02-28'
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The latest review date a plan may carry, or null when its kind has no limit: for a
 * Kooperationsplan six months after the agreement — or, while it is not agreed, after today.
 */
export function latestReviewDate(kind: PlanKind, agreedOn: string | null, today: string): string | null {
  if (kind !== 'kooperationsplan') return null;
  return addMonths(agreedOn ?? today, KOOPERATIONSPLAN_REVIEW.months);
}

/** The review date lies before today and the plan is still in force. */
export function isReviewOverdue(plan: { status: PlanStatus; reviewDate: string | null }, today: string): boolean {
  return plan.status !== 'ended' && plan.reviewDate !== null && plan.reviewDate < today;
}

const kindDe = (k: PlanKind) => planKindLabels[k].de;
const kindEn = (k: PlanKind) => planKindLabels[k].en;

function problem(code: PlanProblemCode, kind: 'input' | 'state', path: string, de: string, en: string): PlanProblem {
  return { code, kind, path, message: { de, en } };
}

/** A closed case is read-only: plans change only after it is reopened. */
export function caseOpenProblems(phase: CasePhase): PlanProblem[] {
  if (phase !== 'closure') return [];
  return [
    problem(
      'case_closed',
      'state',
      'phase',
      'Der Fall ist abgeschlossen. Seine Pläne können nur gelesen werden; um sie zu ändern, öffnen Sie den Fall bitte zuerst wieder.',
      'The case is closed. Its plans are read-only; to change them, please reopen the case first.',
    ),
  ];
}

/**
 * Whether the caller's agency may create a plan of `kind` on the case now: the case's phase, the
 * agency's mandate for the kind, and no other plan of the kind in force.
 */
export function planCreationProblems(input: {
  kind: PlanKind;
  casePhase: CasePhase;
  ownerAgencyKind: AgencyKind;
  plans: readonly { kind: PlanKind; status: PlanStatus }[];
}): PlanProblem[] {
  const { kind } = input;
  if (input.casePhase === 'closure') return caseOpenProblems(input.casePhase);
  const problems: PlanProblem[] = [];
  if (!plansAllowedInPhase(input.casePhase)) {
    problems.push(
      problem(
        'phase_too_early',
        'state',
        'kind',
        'Pläne werden ab der Phase „Hilfeplanung“ angelegt. Die Hilfeplanung setzt ein abgeschlossenes Assessment voraus: Bitte schließen Sie zuerst die Einschätzung ab und bringen Sie den Fall dann in die Phase „Hilfeplanung“.',
        'Plans are created from the phase "Planning" on. Planning needs a completed assessment: please complete the assessment first and then move the case to the phase "Planning".',
      ),
    );
  }
  const ownerKind = planOwnerKinds[kind];
  if (ownerKind !== null && ownerKind !== input.ownerAgencyKind) {
    problems.push(
      kind === 'kooperationsplan'
        ? problem(
            'owner_kind',
            'state',
            'kind',
            'Einen Kooperationsplan (§ 15 SGB II) schließt nur das Jobcenter mit der Person ab. Bitte legen Sie einen Integrationsplan an oder bitten Sie das Jobcenter im Fallteam darum.',
            'Only the Jobcenter draws up a Kooperationsplan (§ 15 SGB II) with the person. Please create an integration plan, or ask the Jobcenter on the case team.',
          )
        : problem(
            'owner_kind',
            'state',
            'kind',
            'Einen Hilfeplan (§ 36 SGB VIII) stellt nur das Jugendamt auf. Bitte legen Sie einen Integrationsplan an oder bitten Sie das Jugendamt im Fallteam darum.',
            'Only the Jugendamt draws up a Hilfeplan (§ 36 SGB VIII). Please create an integration plan, or ask the Jugendamt on the case team.',
          ),
    );
  }
  if (input.plans.some((p) => p.kind === kind && p.status !== 'ended')) {
    problems.push(
      problem(
        'plan_of_kind_open',
        'state',
        'kind',
        `Für diesen Fall gibt es bereits einen ${kindDe(kind)}, der nicht beendet ist. Bitte schreiben Sie diesen fort oder beenden Sie ihn, bevor Sie einen neuen anlegen.`,
        `This case already has a ${kindEn(kind)} that has not ended. Please update it, or end it before creating a new one.`,
      ),
    );
  }
  return problems;
}

/** An ended plan is a closed record. */
export function planEditableProblems(status: PlanStatus): PlanProblem[] {
  if (status !== 'ended') return [];
  return [
    problem(
      'plan_ended',
      'state',
      'status',
      'Der Plan ist beendet und kann nicht mehr geändert werden. Für die weitere Planung legen Sie bitte einen neuen Plan an.',
      'The plan has ended and can no longer be changed. Please create a new plan for further planning.',
    ),
  ];
}

/** draft → agreed → ended, and draft → ended; an agreed plan does not go back to draft. */
export function planStatusMoveProblems(from: PlanStatus, to: PlanStatus): PlanProblem[] {
  if (from === 'ended') return planEditableProblems(from);
  if (from === 'agreed' && to === 'draft') {
    return [
      problem(
        'status_move',
        'state',
        'status',
        'Ein vereinbarter Plan wird nicht wieder zum Entwurf. Ändern Sie ihn direkt (Fortschreibung) oder beenden Sie ihn.',
        'An agreed plan does not go back to draft. Change it directly (update) or end it.',
      ),
    ];
  }
  return [];
}

/** What the content rules look at (a plan as created or as sent in full by PUT). */
export type PlanContent = {
  kind: PlanKind;
  status: PlanStatus;
  agreedOn: string | null;
  reviewDate: string | null;
  endedOn: string | null;
  goals: readonly { id?: string | undefined; targetDate: string | null }[];
  steps: readonly { id?: string | undefined; dueDate: string | null; goal: StepGoalRef | null }[];
};

/** What the plan looked like before (null on creation) and which goal/step ids it has. */
export type PlanContentContext = {
  today: string;
  previous: {
    agreedOn: string | null;
    reviewDate: string | null;
    goalIds: ReadonlySet<string>;
    stepIds: ReadonlySet<string>;
  } | null;
};

function dateProblems(content: PlanContent): PlanProblem[] {
  const invalid = (path: string): PlanProblem =>
    problem('invalid_date', 'input', path, 'Bitte ein gültiges Datum angeben.', 'Please enter a valid date.');
  const problems: PlanProblem[] = [];
  for (const key of ['agreedOn', 'reviewDate', 'endedOn'] as const) {
    const value = content[key];
    if (value !== null && !isCalendarDate(value)) problems.push(invalid(key));
  }
  content.goals.forEach((g, i) => {
    if (g.targetDate !== null && !isCalendarDate(g.targetDate)) problems.push(invalid(`goals.${i}.targetDate`));
  });
  content.steps.forEach((s, i) => {
    if (s.dueDate !== null && !isCalendarDate(s.dueDate)) problems.push(invalid(`steps.${i}.dueDate`));
  });
  return problems;
}

function idProblems(content: PlanContent, ctx: PlanContentContext): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const check = (
    items: readonly { id?: string | undefined }[],
    known: ReadonlySet<string>,
    prefix: 'goals' | 'steps',
  ) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (item.id === undefined) return;
      if (seen.has(item.id)) {
        problems.push(
          problem(
            'duplicate_id',
            'input',
            `${prefix}.${i}.id`,
            prefix === 'goals' ? 'Dieses Ziel ist doppelt enthalten.' : 'Dieser Schritt ist doppelt enthalten.',
            prefix === 'goals' ? 'This goal appears twice.' : 'This step appears twice.',
          ),
        );
      } else if (!known.has(item.id)) {
        problems.push(
          problem(
            'unknown_id',
            'input',
            `${prefix}.${i}.id`,
            prefix === 'goals'
              ? 'Dieses Ziel gehört nicht zu diesem Plan. Neue Ziele werden ohne Kennung gesendet.'
              : 'Dieser Schritt gehört nicht zu diesem Plan. Neue Schritte werden ohne Kennung gesendet.',
            prefix === 'goals'
              ? 'This goal does not belong to this plan. New goals are sent without an id.'
              : 'This step does not belong to this plan. New steps are sent without an id.',
          ),
        );
      }
      seen.add(item.id);
    });
  };
  check(content.goals, ctx.previous?.goalIds ?? new Set(), 'goals');
  check(content.steps, ctx.previous?.stepIds ?? new Set(), 'steps');
  const sentGoalIds = new Set(content.goals.flatMap((g) => (g.id === undefined ? [] : [g.id])));
  content.steps.forEach((s, i) => {
    if (s.goal === null) return;
    const ok = 'index' in s.goal ? s.goal.index < content.goals.length : sentGoalIds.has(s.goal.id);
    if (!ok) {
      problems.push(
        problem(
          'goal_ref_invalid',
          'input',
          `steps.${i}.goal`,
          'Das gewählte Ziel gibt es in diesem Plan nicht (mehr). Bitte ordnen Sie den Schritt einem vorhandenen Ziel zu.',
          'The chosen goal is not (or no longer) part of this plan. Please link the step to an existing goal.',
        ),
      );
    }
  });
  return problems;
}

/**
 * The rules on a plan's dates, status fields, goals and step references. The review-date limits
 * are checked when the review date or the agreement date is set or changed, so that an older plan
 * stays savable after its review date has passed.
 */
export function planContentProblems(content: PlanContent, ctx: PlanContentContext): PlanProblem[] {
  const problems = [...dateProblems(content), ...idProblems(content, ctx)];
  if (problems.some((p) => p.code === 'invalid_date')) return problems;
  const { today } = ctx;
  const { kind, status, agreedOn, reviewDate, endedOn } = content;

  if (agreedOn !== null && agreedOn > today && agreedOn !== ctx.previous?.agreedOn) {
    problems.push(
      problem(
        'agreed_on_future',
        'input',
        'agreedOn',
        'Das Datum der Vereinbarung darf nicht in der Zukunft liegen.',
        'The date of agreement cannot be in the future.',
      ),
    );
  }
  if (status === 'agreed') {
    if (agreedOn === null) {
      problems.push(
        problem(
          'agreed_on_required',
          'input',
          'agreedOn',
          'Ein vereinbarter Plan braucht das Datum, an dem er mit der Person vereinbart wurde.',
          'An agreed plan needs the date on which it was agreed with the person.',
        ),
      );
    }
    if (content.goals.length === 0) {
      problems.push(
        problem(
          'goal_required',
          'input',
          'goals',
          'Ein vereinbarter Plan braucht mindestens ein Ziel.',
          'An agreed plan needs at least one goal.',
        ),
      );
    }
  }
  if (status === 'ended') {
    if (endedOn === null) {
      problems.push(
        problem(
          'ended_on_required',
          'input',
          'endedOn',
          'Bitte geben Sie an, seit wann der Plan beendet ist.',
          'Please give the date on which the plan ended.',
        ),
      );
    } else {
      if (endedOn > today) {
        problems.push(
          problem(
            'ended_on_future',
            'input',
            'endedOn',
            'Das Ende des Plans darf nicht in der Zukunft liegen.',
            'The end of the plan cannot be in the future.',
          ),
        );
      }
      if (agreedOn !== null && endedOn < agreedOn) {
        problems.push(
          problem(
            'ended_before_agreed',
            'input',
            'endedOn',
            `Der Plan kann nicht vor seiner Vereinbarung (${germanDate(agreedOn)}) enden.`,
            `The plan cannot end before it was agreed (${agreedOn}).`,
          ),
        );
      }
    }
  } else if (endedOn !== null) {
    problems.push(
      problem(
        'ended_on_only_when_ended',
        'input',
        'endedOn',
        'Ein Enddatum wird nur angegeben, wenn der Plan beendet wird.',
        'An end date is only given when the plan ends.',
      ),
    );
  }

  if (kind === 'kooperationsplan' && status !== 'ended' && reviewDate === null) {
    problems.push(
      problem(
        'review_date_required',
        'input',
        'reviewDate',
        'Ein Kooperationsplan braucht einen Termin zur Überprüfung: Er wird regelmäßig, spätestens nach sechs Monaten, gemeinsam mit der Person überprüft und fortgeschrieben (§ 15 Abs. 3 SGB II).',
        'A Kooperationsplan needs a review date: it is reviewed and updated together with the person regularly, at the latest after six months (§ 15 Abs. 3 SGB II).',
      ),
    );
  }
  const reviewChanged =
    ctx.previous === null || reviewDate !== ctx.previous.reviewDate || agreedOn !== ctx.previous.agreedOn;
  if (reviewDate !== null && status !== 'ended' && reviewChanged) {
    if (agreedOn !== null && reviewDate < agreedOn) {
      problems.push(
        problem(
          'review_before_agreed',
          'input',
          'reviewDate',
          `Die Überprüfung kann nicht vor der Vereinbarung (${germanDate(agreedOn)}) liegen.`,
          `The review cannot be before the agreement (${agreedOn}).`,
        ),
      );
    } else if (reviewDate < today && reviewDate !== ctx.previous?.reviewDate) {
      problems.push(
        problem(
          'review_in_past',
          'input',
          'reviewDate',
          'Ein neuer Termin zur Überprüfung darf nicht in der Vergangenheit liegen.',
          'A new review date cannot be in the past.',
        ),
      );
    }
    const latest = latestReviewDate(kind, agreedOn, today);
    if (latest !== null && reviewDate > latest) {
      problems.push(
        problem(
          'review_date_too_late',
          'input',
          'reviewDate',
          agreedOn !== null
            ? `Ein Kooperationsplan wird spätestens sechs Monate nach der Vereinbarung gemeinsam überprüft und fortgeschrieben (§ 15 Abs. 3 SGB II): Bitte wählen Sie einen Termin bis spätestens ${germanDate(latest)}. Bei einer Fortschreibung tragen Sie das Datum der neuen Vereinbarung ein.`
            : `Ein Kooperationsplan wird spätestens sechs Monate nach der Vereinbarung gemeinsam überprüft und fortgeschrieben (§ 15 Abs. 3 SGB II): Bitte wählen Sie einen Termin bis spätestens ${germanDate(latest)}.`,
          `A Kooperationsplan is reviewed and updated at the latest six months after its agreement (§ 15 Abs. 3 SGB II): please choose a date no later than ${latest}.`,
        ),
      );
    }
  }
  return problems;
}

/** A staff account as the step rules need it. */
export type StepAssignee = { agencyId: string; active: boolean; roles: readonly string[] };

/**
 * Steps assigned or re-assigned in this request: the responsible agency is on the current case
 * team; a named colleague is an active caseworker or team lead of that agency. `previous` holds
 * the kept steps' current assignment (by step id).
 */
export function stepAssignmentProblems(
  steps: readonly { id?: string | undefined; responsibleAgencyId: string; responsibleUserId: string | null }[],
  ctx: {
    teamAgencyIds: ReadonlySet<string>;
    users: ReadonlyMap<string, StepAssignee>;
    previous: ReadonlyMap<string, { responsibleAgencyId: string; responsibleUserId: string | null }>;
  },
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  steps.forEach((s, i) => {
    const before = s.id === undefined ? undefined : ctx.previous.get(s.id);
    const agencyChanged = !before || before.responsibleAgencyId !== s.responsibleAgencyId;
    const userChanged = !before || before.responsibleUserId !== s.responsibleUserId || agencyChanged;
    if (agencyChanged && !ctx.teamAgencyIds.has(s.responsibleAgencyId)) {
      problems.push(
        problem(
          'agency_not_on_team',
          'input',
          `steps.${i}.responsibleAgencyId`,
          'Verantwortlich für einen Schritt kann nur eine Behörde des aktuellen Fallteams sein. Bitte nehmen Sie die Behörde zuerst ins Fallteam auf.',
          'Only an agency of the current case team can be responsible for a step. Please add the agency to the case team first.',
        ),
      );
      return;
    }
    if (userChanged && s.responsibleUserId !== null) {
      const user = ctx.users.get(s.responsibleUserId);
      const works = user?.roles.some((r) => r === 'caseworker' || r === 'team_lead') ?? false;
      if (!user || user.agencyId !== s.responsibleAgencyId || !user.active || !works) {
        problems.push(
          problem(
            'user_not_caseworker',
            'input',
            `steps.${i}.responsibleUserId`,
            'Die benannte Person muss zur verantwortlichen Behörde gehören, aktiv sein und Fälle bearbeiten.',
            'The named colleague must belong to the responsible agency, be active and work on cases.',
          ),
        );
      }
    }
  });
  return problems;
}

/** Progress is recorded on a plan in force that has been agreed with the person. */
export function stepProgressProblems(status: PlanStatus): PlanProblem[] {
  if (status === 'ended') return planEditableProblems(status);
  if (status === 'draft') {
    return [
      problem(
        'progress_needs_agreed_plan',
        'state',
        'status',
        'Der Plan ist noch ein Entwurf. Der Fortschritt eines Schritts wird erfasst, sobald der Plan mit der Person vereinbart ist.',
        'The plan is still a draft. A step’s progress is recorded once the plan has been agreed with the person.',
      ),
    ];
  }
  return [];
}
