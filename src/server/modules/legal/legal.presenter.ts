import type { z } from 'zod';
import type {
  LegalEvaluation,
  legalEvaluationResponseSchema,
  PersonLegalEvaluation,
} from '../../../shared/contracts/legal';
import type { FactProblem } from '../../../shared/domain/legal/legal-facts';
import type { StoredPersonFacts } from '../../../shared/domain/legal/stored-person-facts';

/** The evaluation, field by field (a new field of the engine's result is not published by accident). */
export function presentEvaluation(e: LegalEvaluation): LegalEvaluation {
  const ro = e.residenceObligation;
  return {
    asOf: e.asOf,
    ruleSetVersion: e.ruleSetVersion,
    benefitSystem: e.benefitSystem,
    responsibleAgencyKind: e.responsibleAgencyKind,
    labourMarketAccess: e.labourMarketAccess,
    integrationCourse: e.integrationCourse,
    residenceObligation: {
      applies: ro.applies,
      ...(ro.until !== undefined ? { until: ro.until } : {}),
      ...(ro.since !== undefined ? { since: ro.since } : {}),
      ...(ro.kind !== undefined ? { kind: ro.kind } : {}),
      ...(ro.municipality !== undefined ? { municipality: ro.municipality } : {}),
      ...(ro.citation !== undefined ? { citation: ro.citation } : {}),
      exceptions: ro.exceptions.map((x) => ({
        kind: x.kind,
        status: x.status,
        citation: x.citation,
        explanation: x.explanation,
        explanationEn: x.explanationEn,
      })),
    },
    deadlines: e.deadlines.map((d) => ({
      kind: d.kind,
      date: d.date,
      precision: d.precision,
      citation: d.citation,
      explanation: d.explanation,
      explanationEn: d.explanationEn,
    })),
    firedRules: e.firedRules.map((r) => ({
      id: r.id,
      title: r.title,
      titleEn: r.titleEn,
      citation: r.citation,
      explanation: r.explanation,
      explanationEn: r.explanationEn,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      verification: r.verification,
      decides: [...r.decides],
    })),
    certainty: { ...e.certainty },
    unknowns: e.unknowns.map((u) => ({
      fact: u.fact,
      affects: [...u.affects],
      question: u.question,
      questionEn: u.questionEn,
    })),
    involvedAgencies: e.involvedAgencies.map((a) => ({
      kind: a.kind,
      reason: a.reason,
      reasonEn: a.reasonEn,
      citation: a.citation,
    })),
    notice: e.notice,
    noticeEn: e.noticeEn,
  };
}

export function presentCalculatorResult(
  e: LegalEvaluation,
  ignoredFields: string[],
): z.infer<typeof legalEvaluationResponseSchema> {
  return { ...presentEvaluation(e), ignoredFields };
}

export function presentPersonEvaluation(
  personId: string,
  asOf: string,
  stored: StoredPersonFacts,
  evaluation: LegalEvaluation | null,
  problems: FactProblem[],
): PersonLegalEvaluation {
  return {
    personId,
    asOf,
    documentId: stored.documentId,
    factsUsed: stored.used.map((u) => ({
      fact: u.fact,
      value: u.value,
      source: u.source,
      note: u.note?.de ?? null,
      noteEn: u.note?.en ?? null,
    })),
    missingFacts: stored.missing.map((m) => ({ fact: m.fact, question: m.question.de, questionEn: m.question.en })),
    evaluation: evaluation ? presentEvaluation(evaluation) : null,
    problems: problems.map((p) => ({ path: p.path, message: p.message.de, messageEn: p.message.en })),
  };
}
