import { z } from 'zod';
import { ruleVersionStatuses } from '../domain/legal/rule-versions';
import { benefitSystems, responsibleAgencyKinds } from './legal';

/** The versions of the legal-domain rule set (Regelversionen) and their bulk re-evaluation. */
const text = z.object({ de: z.string(), en: z.string() });
const ruleRef = z.object({ id: z.string(), citation: z.string(), title: text });

export const ruleVersionSchema = z.object({
  version: z.string(),
  validFrom: z.string().describe('YYYY-MM-DD: first day the version applies.'),
  status: z.enum(ruleVersionStatuses),
  summary: text,
  added: z.array(ruleRef),
  changed: z.array(ruleRef),
  ended: z.array(ruleRef),
});
export type RuleVersionView = z.infer<typeof ruleVersionSchema>;

export const ruleVersionListSchema = z.object({
  today: z.string(),
  current: z.string().describe('The version in force today.'),
  items: z.array(ruleVersionSchema),
});
export type RuleVersionList = z.infer<typeof ruleVersionListSchema>;

export const ruleVersionParamsSchema = z.object({ version: z.string().min(1).max(40) });

const count = z.number().int().nonnegative();
const transition = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object({ from: z.enum(values), to: z.enum(values), count });

/**
 * Counts only: the administrator who runs a re-evaluation sees no social data. `changed` counts
 * people whose stored benefit system or responsible agency kind differs from the new result.
 */
export const ruleVersionImpactSchema = z.object({
  version: z.string(),
  asOf: z.string().describe('YYYY-MM-DD: the day evaluated — today, or the start of an announced version.'),
  total: count.describe('People with a stored evaluation or a residence document.'),
  unchanged: count,
  changed: count,
  firstEvaluations: count.describe('Evaluable people without a stored evaluation: stored, no handover.'),
  notEvaluable: count.describe('Stored facts the engine cannot evaluate: the stored evaluation stays as it is.'),
  benefitTransitions: z.array(transition(benefitSystems)),
  agencyTransitions: z.array(transition(responsibleAgencyKinds)),
  handoversToOpen: count,
  handoversToCancel: count.describe('Open handovers of an earlier change that the new result reverts.'),
});
export type RuleVersionImpact = z.infer<typeof ruleVersionImpactSchema>;

export const ruleVersionApplySchema = z.object({
  expectedChanged: z.number().int().nonnegative().describe('`changed` of the preview the administrator confirmed.'),
});
export type RuleVersionApply = z.infer<typeof ruleVersionApplySchema>;

export const ruleVersionApplyResultSchema = ruleVersionImpactSchema.extend({
  handoversOpened: count,
  handoversCancelled: count,
});
export type RuleVersionApplyResult = z.infer<typeof ruleVersionApplyResultSchema>;
