/**
 * The warm handover on a change of legal domain (Rechtskreiswechsel): which checklist items a
 * transition needs, when the change takes effect and by when the handover should be done. Pure:
 * no I/O, no clock (today is passed in). Item keys are stored; their texts live in the UI strings.
 */
import type { BenefitSystem, ResponsibleAgencyKind } from '../../contracts/legal';
import { addDays, lastDayOfMonth, maxDate } from './legal-dates';

export const handoverItemKeys = [
  'sgb2_application_filed',
  'jobcenter_first_appointment',
  'sgb12_application_filed',
  'sozialamt_first_appointment',
  'asylblg_application_filed',
  'jugendamt_informed',
  'analog_benefits_decided',
  'basic_benefits_decided',
  'previous_benefits_ended',
  'data_passed_lawfully',
  'accommodation_checked',
  'advice_offered',
] as const;
export type HandoverItemKey = (typeof handoverItemKeys)[number];

export type HandoverTransition = {
  fromBenefitSystem: BenefitSystem;
  toBenefitSystem: BenefitSystem;
  fromAgencyKind: ResponsibleAgencyKind;
  toAgencyKind: ResponsibleAgencyKind;
};

/** How many days before the change takes effect the handover should be complete. */
export const HANDOVER_LEAD_DAYS = 14;

const isAsylblg = (b: BenefitSystem) => b === 'asylblg_basic' || b === 'asylblg_analog';

/**
 * The checklist for a transition, in working order. AsylbLG → SGB II is the case: SGB II
 * application filed, first Jobcenter appointment booked before the AsylbLG ends at the end of the
 * month, data passed only on a legal basis or with consent, accommodation checked for Fehlbeleger.
 */
export function handoverChecklist(t: HandoverTransition): HandoverItemKey[] {
  const items: HandoverItemKey[] = [];
  const agencyChanges = t.fromAgencyKind !== t.toAgencyKind;
  switch (t.toBenefitSystem) {
    case 'sgb2':
      items.push('sgb2_application_filed', 'jobcenter_first_appointment');
      break;
    case 'sgb12':
      items.push('sgb12_application_filed');
      if (agencyChanges) items.push('sozialamt_first_appointment');
      break;
    case 'asylblg_basic':
    case 'asylblg_analog':
      if (isAsylblg(t.fromBenefitSystem)) {
        // Basic ↔ analogous benefits (§ 2 AsylbLG) within the Sozialamt: a new decision, no new agency.
        items.push(t.toBenefitSystem === 'asylblg_analog' ? 'analog_benefits_decided' : 'basic_benefits_decided');
      } else {
        items.push('asylblg_application_filed');
        if (agencyChanges) items.push('sozialamt_first_appointment');
      }
      break;
    case 'sgb8':
      items.push('jugendamt_informed');
      break;
    case 'none':
      items.push('advice_offered');
      break;
  }
  if (
    t.fromBenefitSystem !== 'none' &&
    (agencyChanges || isAsylblg(t.fromBenefitSystem) !== isAsylblg(t.toBenefitSystem))
  ) {
    items.push('previous_benefits_ended');
  }
  if (agencyChanges && t.toAgencyKind !== 'none') items.push('data_passed_lawfully');
  // Leaving the AsylbLG ends the right to the communal refugee accommodation (Fehlbeleger).
  if (isAsylblg(t.fromBenefitSystem) && !isAsylblg(t.toBenefitSystem)) items.push('accommodation_checked');
  return items;
}

/**
 * When the change takes effect. Leaving the AsylbLG for SGB II or SGB XII: the AsylbLG runs to the
 * end of the month in which its condition ceased (§ 1 Abs. 3 AsylbLG) — the engine's `asylblg_end`
 * deadline when it knows it, the end of the month of the change otherwise. Other transitions take
 * effect on the day of the change.
 */
export function handoverEffectiveOn(t: HandoverTransition, changedOn: string, asylblgEndsOn?: string | null): string {
  if (isAsylblg(t.fromBenefitSystem) && (t.toBenefitSystem === 'sgb2' || t.toBenefitSystem === 'sgb12')) {
    return asylblgEndsOn ?? lastDayOfMonth(changedOn);
  }
  return changedOn;
}

/** Due HANDOVER_LEAD_DAYS before the change takes effect, never in the past. */
export function handoverDueOn(effectiveOn: string, today: string): string {
  return maxDate(addDays(effectiveOn, -HANDOVER_LEAD_DAYS), today);
}

/** An open handover is overdue from the day after its due date. */
export function isHandoverOverdue(status: string, dueOn: string, today: string): boolean {
  return status === 'open' && dueOn < today;
}

export type HandoverPlan = {
  checklist: HandoverItemKey[];
  effectiveOn: string;
  dueOn: string;
};

export function planHandover(
  t: HandoverTransition,
  changedOn: string,
  today: string,
  asylblgEndsOn?: string | null,
): HandoverPlan {
  const effectiveOn = handoverEffectiveOn(t, changedOn, asylblgEndsOn);
  return { checklist: handoverChecklist(t), effectiveOn, dueOn: handoverDueOn(effectiveOn, today) };
}
