import { z } from 'zod';
import { residenceCategory } from '../../../shared/domain/data-protection/field-groups';
import { assertPersonCategory } from '../../platform/access/person-access';
import {
  legalEvaluationRequestSchema,
  type LegalEvaluation,
  type LegalEvaluationRequest,
  type legalEvaluationResponseSchema,
  type PersonLegalEvaluation,
} from '../../../shared/contracts/legal';
import { todayIn } from '../../../shared/domain/calendar-date';
import { evaluateOrExplain } from '../../../shared/domain/legal/evaluate-legal-domain';
import { factsFromRequest, type FactProblem } from '../../../shared/domain/legal/legal-facts';
import { factsFromStoredPerson } from '../../../shared/domain/legal/stored-person-facts';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';
import { presentCalculatorResult, presentPersonEvaluation } from './legal.presenter';
import { findPersonLegalFacts, residenceDocumentsForRules } from './legal.repository';

/** The schema below a possibly optional/nullable field, or null when it is no object. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s: unknown = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
  return s instanceof z.ZodObject ? s.shape : null;
}

/**
 * Request keys the engine does not know, as paths ("person.legalbasis"). The contract keeps them
 * (loose objects) so that a caller's typo shows up in the answer instead of silently changing it.
 */
export function ignoredFields(body: unknown, schema: z.ZodType = legalEvaluationRequestSchema, prefix = ''): string[] {
  const shape = objectShape(schema);
  if (!shape || body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const child = shape[key];
    if (!child) out.push(path);
    else out.push(...ignoredFields(value, child, path));
  }
  return out;
}

function refuse(problems: FactProblem[]): never {
  throw new AppError('VALIDATION_FAILED', {
    fieldErrors: problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
  });
}

/**
 * The public calculator: evaluates facts the caller supplies. Nothing is read or stored, so there
 * is no access check and no audit row (no social data of a person known to Lotse).
 */
export function evaluateFacts(body: LegalEvaluationRequest): z.infer<typeof legalEvaluationResponseSchema> {
  const result = evaluateOrExplain(factsFromRequest(body));
  if (!result.ok) refuse(result.problems);
  return presentCalculatorResult(result.evaluation, ignoredFields(body));
}

/**
 * The engine on a stored person for today (Europe/Berlin): date of birth, nationality and the
 * current residence document become the facts; what Lotse does not store is listed as missing.
 * Reading a person's legal situation is a read of social data: scoped and audited.
 */
export async function evaluatePerson(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<PersonLegalEvaluation> {
  const a = await check(db, actor, 'person.read', [personId]);
  // The evaluation is built on residence documents: it is residence-status data.
  await assertPersonCategory(db, a, personId, residenceCategory, ctx.now);
  const person = await findPersonLegalFacts(db, personId);
  if (!person) throw new AppError('NOT_FOUND');
  const documents = await residenceDocumentsForRules(db, personId);
  const today = todayIn(ctx.now);
  const stored = factsFromStoredPerson(person, documents, today);

  let evaluation: LegalEvaluation | null = null;
  let problems: FactProblem[] = [];
  if (stored.facts) {
    const result = evaluateOrExplain(stored.facts);
    if (result.ok) evaluation = result.evaluation;
    else problems = result.problems;
  }
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'legal.evaluated',
      subjectType: 'person',
      subjectId: personId,
      details: { ruleIds: evaluation ? evaluation.firedRules.map((r) => r.id) : [] },
    });
  });
  return presentPersonEvaluation(personId, today, stored, evaluation, problems);
}
