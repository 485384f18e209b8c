/**
 * What an evaluation collects besides its answers: the rules that fired and why, the facts that
 * are unknown (and which answers they make provisional), deadlines and other agencies involved.
 */
import type { Deadline, DeadlineKind, FiredRule, LegalEvaluation, UnknownFact } from '../../contracts/legal';
import { type LegalOutput, ruleById, ruleInForce } from './rule-catalogue';

export type Text = { de: string; en: string };
type InvolvedAgency = LegalEvaluation['involvedAgencies'][number];

export class EvaluationTrace {
  readonly fired: FiredRule[] = [];
  readonly unknowns: UnknownFact[] = [];
  readonly provisional = new Set<LegalOutput>();
  readonly deadlines: Deadline[] = [];
  readonly agencies: InvolvedAgency[] = [];

  constructor(readonly asOf: string) {}

  /**
   * Records that a rule fired, with the reason for these facts. A rule outside its effective
   * range must never fire (the evaluation picks versions by date); a planned rule makes every
   * output it decides provisional.
   */
  fire(ruleId: string, reason: Text, decides: LegalOutput[]): void {
    const rule = ruleById(ruleId);
    if (!ruleInForce(rule, this.asOf)) {
      throw new Error(`rule ${ruleId} is not in force on ${this.asOf}`);
    }
    if (rule.verification === 'planned') for (const output of decides) this.provisional.add(output);
    const existing = this.fired.find((f) => f.id === ruleId);
    if (existing) {
      // One entry per rule: later reasons are added to the first.
      if (!existing.explanation.includes(reason.de)) {
        existing.explanation = `${existing.explanation} ${reason.de}`;
        existing.explanationEn = `${existing.explanationEn} ${reason.en}`;
      }
      for (const output of decides) if (!existing.decides.includes(output)) existing.decides.push(output);
      return;
    }
    this.fired.push({
      id: rule.id,
      title: rule.title.de,
      titleEn: rule.title.en,
      citation: rule.citation,
      explanation: reason.de,
      explanationEn: reason.en,
      validFrom: rule.validFrom,
      validUntil: rule.validUntil,
      verification: rule.verification,
      decides: [...decides],
    });
  }

  /** A fact the answer depends on is missing or uncertain: the outputs it affects are provisional. */
  unknown(fact: string, affects: LegalOutput[], question: Text): void {
    for (const output of affects) this.provisional.add(output);
    const existing = this.unknowns.find((u) => u.fact === fact && u.question === question.de);
    if (existing) {
      for (const output of affects) if (!existing.affects.includes(output)) existing.affects.push(output);
      return;
    }
    this.unknowns.push({ fact, affects: [...affects], question: question.de, questionEn: question.en });
  }

  /** Adds a deadline on or after the evaluation day (earlier ones are history, not deadlines). */
  deadline(
    kind: DeadlineKind,
    date: string,
    ruleId: string,
    explanation: Text,
    precision: Deadline['precision'] = 'exact',
    /** A narrower norm than the rule's citation (e.g. the one for this kind of document). */
    citation?: string,
  ): void {
    if (date < this.asOf) return;
    if (this.deadlines.some((d) => d.kind === kind && d.date === date)) return;
    this.deadlines.push({
      kind,
      date,
      precision,
      citation: citation ?? ruleById(ruleId).citation,
      explanation: explanation.de,
      explanationEn: explanation.en,
    });
    if (precision !== 'exact') this.provisional.add('deadlines');
  }

  involve(agency: InvolvedAgency): void {
    if (!this.agencies.some((a) => a.kind === agency.kind && a.reason === agency.reason)) this.agencies.push(agency);
  }
}
