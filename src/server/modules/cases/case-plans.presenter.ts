import type {
  GoalStatus,
  Plan,
  PlanKind,
  PlanStatus,
  PlanSummary,
  StepStatus,
} from '../../../shared/contracts/case-plans';
import {
  germanDate,
  goalStatusLabels,
  isReviewOverdue,
  planKindLabels,
  planLegalBases,
  planStatusLabels,
  stepStatusLabels,
} from '../../../shared/domain/cases/plan-rules';
import type { GoalRow, PlanListRow, PlanPrintFacts, PlanRow, StepEntry, UserRef } from './case-plans.repository';

function ref(users: ReadonlyMap<string, UserRef>, id: string | null): UserRef | null {
  if (id === null) return null;
  const user = users.get(id);
  return user ? { id: user.id, displayName: user.displayName } : null;
}

/** Whitelists a plan's list entry: metadata and counts, no goal or step text. */
export function presentPlanSummary(row: PlanListRow, today: string): PlanSummary {
  const p = row.plan;
  const status = p.status as PlanStatus;
  return {
    id: p.id,
    caseId: p.caseId,
    kind: p.kind as PlanKind,
    title: p.title,
    status,
    ownerAgency: { id: row.ownerAgency.id, name: row.ownerAgency.name },
    agreedOn: p.agreedOn,
    reviewDate: p.reviewDate,
    reviewOverdue: isReviewOverdue({ status, reviewDate: p.reviewDate }, today),
    endedOn: p.endedOn,
    goalCount: row.goalCount,
    stepCount: row.stepCount,
    openStepCount: row.openStepCount,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The whole plan, with what the caller may do on it. */
export function presentPlan(
  input: {
    plan: PlanRow;
    ownerAgency: { id: string; name: string };
    goals: GoalRow[];
    steps: StepEntry[];
    users: ReadonlyMap<string, UserRef>;
  },
  today: string,
  actions: { edit: boolean; progress: (step: StepEntry) => boolean },
): Plan {
  const { plan, goals, steps } = input;
  const summary = presentPlanSummary(
    {
      plan,
      ownerAgency: input.ownerAgency,
      goalCount: goals.length,
      stepCount: steps.length,
      openStepCount: steps.filter((s) => s.step.status === 'planned' || s.step.status === 'in_progress').length,
    },
    today,
  );
  return {
    ...summary,
    goals: goals.map((g) => ({
      id: g.id,
      position: g.position,
      ownWords: g.ownWords,
      target: g.target,
      targetDate: g.targetDate,
      status: g.status as GoalStatus,
    })),
    steps: steps.map((entry) => {
      const s = entry.step;
      return {
        id: s.id,
        position: s.position,
        goalId: s.goalId,
        measure: s.measure,
        responsibleAgency: { id: entry.agency.id, name: entry.agency.name },
        responsibleUser: entry.user ? { id: entry.user.id, displayName: entry.user.displayName } : null,
        resource: s.resourceId ? { kind: 'resource' as const, id: s.resourceId } : null,
        dueDate: s.dueDate,
        status: s.status as StepStatus,
        result: s.result,
        canRecordProgress: actions.progress(entry),
      };
    }),
    createdBy: ref(input.users, plan.createdBy),
    updatedBy: ref(input.users, plan.updatedBy),
    actions: { edit: actions.edit },
  };
}

/** The data of `platform/pdf/templates/case-plan.typ`: texts already in German, dates as DD.MM.YYYY. */
export type PlanPdfData = {
  documentTitle: string;
  municipality: string;
  agency: PlanPrintFacts['agency'];
  caseReference: string;
  personName: string;
  kindLabel: string;
  legalBasis: string;
  title: string;
  statusLabel: string;
  agreedOn: string | null;
  reviewDate: string | null;
  endedOn: string | null;
  note: string | null;
  printedOn: string;
  goals: { no: number; ownWords: string; target: string; targetDate: string | null; status: string }[];
  steps: {
    no: number;
    measure: string;
    responsible: string;
    goalNo: number | null;
    dueDate: string | null;
    status: string;
    result: string | null;
    resourceLinked: boolean;
  }[];
  signatureNote: string;
};

const deDate = (d: string | null) => (d === null ? null : germanDate(d));

/** The printed plan for the person: whitelisted like any response, in German. */
export function presentPlanPdf(input: {
  plan: PlanRow;
  goals: GoalRow[];
  steps: StepEntry[];
  caseReference: string;
  facts: PlanPrintFacts;
  today: string;
}): PlanPdfData {
  const { plan, facts } = input;
  const kind = plan.kind as PlanKind;
  const person = facts.person;
  const personName =
    person.nameOrder === 'family_given'
      ? `${person.familyName} ${person.givenNames}`
      : `${person.givenNames} ${person.familyName}`;
  const goalNo = new Map(input.goals.map((g, i) => [g.id, i + 1]));
  const kindLabel = planKindLabels[kind].de;
  return {
    documentTitle: `${kindLabel} ${input.caseReference}`,
    municipality: facts.municipality ? `Stadt ${facts.municipality}` : '',
    agency: facts.agency,
    caseReference: input.caseReference,
    personName,
    kindLabel,
    legalBasis: planLegalBases[kind].de,
    title: plan.title,
    statusLabel: planStatusLabels[plan.status as PlanStatus].de,
    agreedOn: deDate(plan.agreedOn),
    reviewDate: deDate(plan.reviewDate),
    endedOn: deDate(plan.endedOn),
    note:
      kind === 'kooperationsplan'
        ? 'Der Kooperationsplan hält Ihr Ziel und die wesentlichen Schritte fest, die Sie und das Jobcenter gemeinsam vereinbart haben. Er ist rechtlich nicht verbindlich. Er wird regelmäßig, spätestens nach sechs Monaten, gemeinsam überprüft und fortgeschrieben (§ 15 Abs. 3 SGB II).'
        : kind === 'hilfeplan'
          ? 'Der Hilfeplan hält den Bedarf, die Ziele und die vereinbarten Hilfen fest. Er wird regelmäßig gemeinsam überprüft (§ 36 Abs. 2 SGB VIII).'
          : null,
    printedOn: germanDate(input.today),
    goals: input.goals.map((g, i) => ({
      no: i + 1,
      ownWords: g.ownWords,
      target: g.target,
      targetDate: deDate(g.targetDate),
      status: goalStatusLabels[g.status as GoalStatus].de,
    })),
    steps: input.steps.map((entry, i) => ({
      no: i + 1,
      measure: entry.step.measure,
      responsible: entry.user ? `${entry.agency.name} – ${entry.user.displayName}` : entry.agency.name,
      goalNo: entry.step.goalId ? (goalNo.get(entry.step.goalId) ?? null) : null,
      dueDate: deDate(entry.step.dueDate),
      status: stepStatusLabels[entry.step.status as StepStatus].de,
      result: entry.step.result,
      resourceLinked: entry.step.resourceId !== null,
    })),
    signatureNote:
      kind === 'kooperationsplan'
        ? 'Eine Unterschrift ist nicht vorgeschrieben; sie bestätigt, dass Sie den Plan erhalten und gemeinsam besprochen haben.'
        : 'Mit der Unterschrift bestätigen beide Seiten die gemeinsame Absprache.',
  };
}
