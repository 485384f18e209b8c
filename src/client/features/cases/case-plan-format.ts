import type { GoalStatus, PlanKind, PlanStatus, StepStatus } from '../../../shared/contracts/case-plans';
import { todayIn } from '../../../shared/domain/calendar-date';
import {
  goalStatusLabels,
  planKindLabels,
  planLegalBases,
  planStatusLabels,
  stepStatusLabels,
} from '../../../shared/domain/cases/plan-rules';
import { currentLanguage } from '../../lib/i18n';
import { inUiLanguage } from './case-format';

// Labels come from the plan rules, so that the screen, the server's explanations and the printed plan agree.
export const planKindLabel = (kind: PlanKind) => inUiLanguage(planKindLabels[kind]);
export const planLegalBasis = (kind: PlanKind) => inUiLanguage(planLegalBases[kind]);
export const planStatusLabel = (status: PlanStatus) => inUiLanguage(planStatusLabels[status]);
export const goalStatusLabel = (status: GoalStatus) => inUiLanguage(goalStatusLabels[status]);
export const stepStatusLabel = (status: StepStatus) => inUiLanguage(stepStatusLabels[status]);

/** A calendar date 'YYYY-MM-DD' as "31.03.2026" (German) or "31 Mar 2026" (English). */
export function formatPlanDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  if (currentLanguage() === 'de') return `${m[3]}.${m[2]}.${m[1]}`;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Today in Europe/Berlin, the day the server's rules compare with. */
export const planToday = () => todayIn(new Date());
