import type {
  RuleVersionApply,
  RuleVersionApplyResult,
  RuleVersionImpact,
  RuleVersionList,
} from '../../../shared/contracts/legal-rule-versions';
import type { BenefitSystem, ResponsibleAgencyKind } from '../../../shared/contracts/legal';
import { todayIn } from '../../../shared/domain/calendar-date';
import { evaluateOrExplain } from '../../../shared/domain/legal/evaluate-legal-domain';
import type { LegalRule } from '../../../shared/domain/legal/rule-catalogue';
import {
  findRuleVersion,
  ruleSetVersionOn,
  ruleVersions,
  ruleVersionStatus,
  type RuleVersion,
} from '../../../shared/domain/legal/rule-versions';
import { factsFromStoredPerson } from '../../../shared/domain/legal/stored-person-facts';
import { legalRules } from '../../../shared/domain/legal/rule-catalogue';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { reevaluatePerson } from './legal-handover.service';
import {
  documentsOfPeople,
  evaluationsOfPeople,
  openTransitionsOfPeople,
  reevaluationBatch,
  transitionKey,
  type ReevaluationCandidate,
} from './legal-rule-versions.repository';

/** People per query and, when applying, per transaction: bounded memory and bounded lock time. */
export const REEVALUATION_BATCH_SIZE = 500;

/**
 * Preview and apply re-evaluate every stored person — a municipality-wide configuration task, like
 * the category matrix: `legal_rules.manage`, held by the system administrator only (an agency
 * administrator must not re-evaluate other agencies' clients). The administrator sees counts only,
 * never a person.
 */
const MANAGE = 'legal_rules.manage' as const;

const ruleRef = (r: LegalRule) => ({ id: r.id, citation: r.citation, title: r.title });

/** The versions with their status today and the rules each added, changed or ended. */
export async function listRuleVersions(db: Db, actor: Actor | null, now: Date): Promise<RuleVersionList> {
  await check(db, actor, 'agency.read');
  const today = todayIn(now);
  const byId = new Map(legalRules.map((r) => [r.id, r]));
  const refs = (ids: readonly string[]) => ids.flatMap((id) => (byId.has(id) ? [ruleRef(byId.get(id)!)] : []));
  return {
    today,
    current: ruleSetVersionOn(today),
    items: [...ruleVersions].reverse().map((v) => ({
      version: v.version,
      validFrom: v.validFrom,
      status: ruleVersionStatus(v, today),
      summary: v.summary,
      added: refs(v.added),
      changed: refs(v.changed),
      ended: refs(v.ended),
    })),
  };
}

function conflict(message: { de: string; en: string }): AppError {
  return new AppError('CONFLICT', {
    fieldErrors: [{ path: 'version', message: fieldMessage(message.de, message.en) }],
  });
}

/** The version, and the day to evaluate: today, or the start of an announced version. */
function target(
  versionId: string,
  today: string,
  purpose: 'preview' | 'apply',
): { version: RuleVersion; asOf: string } {
  const version = findRuleVersion(versionId);
  if (!version) throw new AppError('NOT_FOUND');
  const status = ruleVersionStatus(version, today);
  if (status === 'superseded') {
    throw conflict({
      de: 'Diese Regelversion ist abgelöst. Bitte die geltende Version prüfen.',
      en: 'This rule version is superseded. Please check the version in force.',
    });
  }
  if (status === 'announced' && purpose === 'apply') {
    throw conflict({
      de: `Diese Regelversion gilt erst ab dem ${version.validFrom}. Neu bewertet werden kann ab diesem Tag; die Vorschau ist schon jetzt möglich.`,
      en: `This rule version applies from ${version.validFrom}. Re-evaluation is possible from that day; the preview is available now.`,
    });
  }
  return { version, asOf: version.validFrom > today ? version.validFrom : today };
}

type Tally = {
  total: number;
  unchanged: number;
  changed: number;
  firstEvaluations: number;
  notEvaluable: number;
  handoversToOpen: number;
  handoversToCancel: number;
  benefit: Map<string, number>;
  agency: Map<string, number>;
};

const emptyTally = (): Tally => ({
  total: 0,
  unchanged: 0,
  changed: 0,
  firstEvaluations: 0,
  notEvaluable: 0,
  handoversToOpen: 0,
  handoversToCancel: 0,
  benefit: new Map(),
  agency: new Map(),
});

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/**
 * Adds one batch to the tally: the engine's result at `asOf` against the stored evaluation, with
 * the same decisions `reevaluatePerson` takes (first evaluation: no handover; a change back
 * cancels the open handover of the first change; an open handover for the same transition is not
 * opened twice).
 */
async function tallyBatch(db: Db, batch: ReevaluationCandidate[], asOf: string, tally: Tally): Promise<void> {
  const ids = batch.map((p) => p.id);
  const [documents, stored, open] = await Promise.all([
    documentsOfPeople(db, ids),
    evaluationsOfPeople(db, ids),
    openTransitionsOfPeople(db, ids),
  ]);
  for (const person of batch) {
    tally.total += 1;
    const facts = factsFromStoredPerson(person, documents.get(person.id) ?? [], asOf).facts;
    const result = facts ? evaluateOrExplain(facts) : null;
    if (!result?.ok) {
      tally.notEvaluable += 1;
      continue;
    }
    const e = result.evaluation;
    const previous = stored.get(person.id);
    if (!previous) {
      tally.firstEvaluations += 1;
      continue;
    }
    const benefitChanged = previous.benefitSystem !== e.benefitSystem;
    const agencyChanged = previous.responsibleAgencyKind !== e.responsibleAgencyKind;
    if (!benefitChanged && !agencyChanged) {
      tally.unchanged += 1;
      continue;
    }
    tally.changed += 1;
    if (agencyChanged) bump(tally.agency, `${previous.responsibleAgencyKind}>${e.responsibleAgencyKind}`);
    if (!benefitChanged) continue;
    bump(tally.benefit, `${previous.benefitSystem}>${e.benefitSystem}`);
    if (open.has(transitionKey(person.id, e.benefitSystem, previous.benefitSystem))) tally.handoversToCancel += 1;
    else if (!open.has(transitionKey(person.id, previous.benefitSystem, e.benefitSystem))) tally.handoversToOpen += 1;
  }
}

/** Runs `each` over all candidates, one batch at a time (keyset paging). */
async function forEachBatch(db: Db, each: (batch: ReevaluationCandidate[]) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const batch = await reevaluationBatch(db, after, REEVALUATION_BATCH_SIZE);
    if (batch.length === 0) return;
    await each(batch);
    if (batch.length < REEVALUATION_BATCH_SIZE) return;
    after = batch[batch.length - 1]!.id;
  }
}

function transitions<T extends string>(m: Map<string, number>): { from: T; to: T; count: number }[] {
  return [...m.entries()]
    .map(([key, count]) => {
      const [from, to] = key.split('>') as [T, T];
      return { from, to, count };
    })
    .sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1));
}

function impactOf(version: RuleVersion, asOf: string, t: Tally): RuleVersionImpact {
  return {
    version: version.version,
    asOf,
    total: t.total,
    unchanged: t.unchanged,
    changed: t.changed,
    firstEvaluations: t.firstEvaluations,
    notEvaluable: t.notEvaluable,
    benefitTransitions: transitions<BenefitSystem>(t.benefit),
    agencyTransitions: transitions<ResponsibleAgencyKind>(t.agency),
    handoversToOpen: t.handoversToOpen,
    handoversToCancel: t.handoversToCancel,
  };
}

function auditCounts(impact: RuleVersionImpact, extra: Record<string, number> = {}) {
  return {
    counts: {
      total: impact.total,
      unchanged: impact.unchanged,
      changed: impact.changed,
      firstEvaluations: impact.firstEvaluations,
      notEvaluable: impact.notEvaluable,
      handoversToOpen: impact.handoversToOpen,
      handoversToCancel: impact.handoversToCancel,
      ...extra,
    },
    transitions: [
      ...impact.benefitTransitions.map((x) => `benefit:${x.from}>${x.to}:${x.count}`),
      ...impact.agencyTransitions.map((x) => `agency:${x.from}>${x.to}:${x.count}`),
    ],
  };
}

async function computeImpact(db: Db, version: RuleVersion, asOf: string): Promise<RuleVersionImpact> {
  const tally = emptyTally();
  await forEachBatch(db, (batch) => tallyBatch(db, batch, asOf, tally));
  return impactOf(version, asOf, tally);
}

/**
 * Whom a rule version affects, before anything changes: every person with a stored evaluation or
 * a residence document, evaluated at max(today, start of the version) and compared with the stored
 * evaluation. Counts only; nothing is written but one audit row.
 */
export async function previewRuleVersion(
  db: Db,
  actor: Actor | null,
  versionId: string,
  ctx: AuditContext,
): Promise<RuleVersionImpact> {
  await check(db, actor, MANAGE);
  const { version, asOf } = target(versionId, todayIn(ctx.now), 'preview');
  const impact = await computeImpact(db, version, asOf);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'legal.rule_version_previewed',
      subjectType: 'legal_rule_version',
      details: { version: version.version, asOf, ...auditCounts(impact) },
    });
  });
  return impact;
}

/**
 * Re-evaluates everybody through `reevaluatePerson` (one transaction per batch; handovers open
 * where the benefit system changes, each audited as usual) after checking that the preview the
 * administrator confirmed still holds: a different number of changes means that data changed in
 * between (409: preview again). Only a version in force can be applied — the engine evaluates today.
 */
export async function applyRuleVersion(
  db: Db,
  actor: Actor | null,
  versionId: string,
  input: RuleVersionApply,
  ctx: AuditContext,
): Promise<RuleVersionApplyResult> {
  await check(db, actor, MANAGE);
  const { version, asOf } = target(versionId, todayIn(ctx.now), 'apply');
  const preview = await computeImpact(db, version, asOf);
  if (preview.changed !== input.expectedChanged) {
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: 'body.expectedChanged',
          message: fieldMessage(
            `Seit der Vorschau haben sich Daten geändert (jetzt ${preview.changed} statt ${input.expectedChanged} Änderungen). Bitte die Vorschau erneut ansehen.`,
            `Data changed since the preview (now ${preview.changed} instead of ${input.expectedChanged} changes). Please run the preview again.`,
          ),
        },
      ],
    });
  }

  const tally = emptyTally();
  let opened = 0;
  let cancelled = 0;
  await forEachBatch(db, async (batch) => {
    await db.transaction(async (tx) => {
      await tallyBatch(tx, batch, asOf, tally);
      for (const person of batch) {
        const r = await reevaluatePerson(tx, person.id, ctx);
        if (r.openedHandoverId) opened += 1;
        cancelled += r.cancelledHandoverIds.length;
      }
    });
  });
  const impact = impactOf(version, asOf, tally);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'legal.rule_version_applied',
      subjectType: 'legal_rule_version',
      details: {
        version: version.version,
        asOf,
        ...auditCounts(impact, { handoversOpened: opened, handoversCancelled: cancelled }),
      },
    });
  });
  return { ...impact, handoversOpened: opened, handoversCancelled: cancelled };
}
