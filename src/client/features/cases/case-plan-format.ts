import { formatCalendarDay } from '../../lib/format';
import type { GoalStatus, PlanKind, PlanStatus, StepStatus } from '../../../shared/contracts/case-plans';
import { todayIn } from '../../../shared/domain/calendar-date';
import {
  goalStatusLabels,
  planKindLabels,
  planLegalBases,
  planStatusLabels,
  stepStatusLabels,
} from '../../../shared/domain/cases/plan-rules';
import { inUiLanguage } from './case-format';

// Labels come from the plan rules, so that the screen, the server's explanations and the printed plan agree.
export const planKindLabel = (kind: PlanKind) => inUiLanguage(planKindLabels[kind]);
export const planLegalBasis = (kind: PlanKind) => inUiLanguage(planLegalBases[kind]);
export const planStatusLabel = (status: PlanStatus) => inUiLanguage(planStatusLabels[status]);
export const goalStatusLabel = (status: GoalStatus) => inUiLanguage(goalStatusLabels[status]);
export const stepStatusLabel = (status: StepStatus) => inUiLanguage(stepStatusLabels[status]);

/** A calendar day as the user's language writes it (one implementation: lib/format). */
export const formatPlanDate = formatCalendarDay;

/** Today in Europe/Berlin, the day the server's rules compare with. */
export const planToday = () => todayIn(new Date());
