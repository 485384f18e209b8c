import type {
  Assessment,
  AssessmentComparisonResult,
  AssessmentList,
  AssessmentSaveRequest,
  AssessmentStartRequest,
} from '../../../shared/contracts/assessments';
import { compareAssessments } from '../../../shared/domain/assessment/assessment-comparison';
import { completionProblems } from '../../../shared/domain/assessment/assessment-completion';
import {
  domainHasText,
  emptyDomains,
  normaliseDomains,
  normaliseText,
  type AssessmentContent,
} from '../../../shared/domain/assessment/assessment-content';
import { dataCategoryLabels, type DataCategory } from '../../../shared/domain/data-protection/data-categories';
import { lifeDomainCategories, potentialAnalysisCategory } from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { presentAssessment, presentAssessmentSummary, withheldParts } from './assessments.presenter';
import { caseCategories } from './case-categories';
import {
  findVersion,
  insertVersion,
  latestVersion,
  lockCaseState,
  updateDraftIfRevision,
  userRefs,
  versionsOfCase,
  type AssessmentRow,
} from './assessments.repository';
import { recordCaseEvent } from './case-timeline';

/**
 * A closed case is a finished record: its assessment changes only after it is reopened. Writes
 * call it first (so a closed case answers 409 before anything else) and again inside their
 * transaction, where it holds a share lock on the case until the write commits.
 */
async function assertCaseOpen(db: Db, caseId: string): Promise<void> {
  const state = await lockCaseState(db, caseId);
  if (!state) throw new AppError('NOT_FOUND');
  if (state.phase === 'closure' || state.closedAt !== null) {
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: 'phase',
          message: fieldMessage(
            'Der Fall ist abgeschlossen. Um die Einschätzung zu ändern, öffnen Sie den Fall bitte zuerst wieder.',
            'The case is closed. To change the assessment, please reopen the case first.',
          ),
        },
      ],
    });
  }
}

function contentOf(row: AssessmentRow): AssessmentContent {
  return { domains: normaliseDomains(row.domains), potentialAnalysis: normaliseText(row.potentialAnalysis) };
}

async function present(
  db: Db,
  row: AssessmentRow,
  categories: ReadonlySet<DataCategory>,
): Promise<Versioned<Assessment>> {
  const users = await userRefs(db, [row.createdBy, row.updatedBy, row.completedBy]);
  return { value: presentAssessment(row, users, categories), etag: etagOf(row.revision) };
}

/**
 * The content a save writes: the input for the parts the actor sees; the stored content for
 * withheld parts, which the actor received empty. A withheld part sent with content is a write
 * of a category the agency may not see: 403 naming the category.
 */
function mergeWithheld(
  current: AssessmentContent,
  input: AssessmentContent,
  categories: ReadonlySet<DataCategory>,
): AssessmentContent {
  const withheld = withheldParts(categories);
  const refused = (category: DataCategory) =>
    new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'category',
          message: fieldMessage(
            `Die Datenkategorie „${dataCategoryLabels[category].de}“ ist für Ihre Stelle bei dieser Person nicht freigegeben; diesen Teil der Einschätzung können Sie nicht ändern.`,
            `The data category "${dataCategoryLabels[category].en}" is not released to your agency for this person; you cannot change this part of the assessment.`,
          ),
        },
      ],
    });
  const domains = { ...input.domains };
  for (const k of withheld.domains) {
    const sent = input.domains[k];
    if (domainHasText(sent) || sent.notAssessed || sent.urgency !== null) throw refused(lifeDomainCategories[k]);
    domains[k] = current.domains[k];
  }
  if (withheld.potentialAnalysis && input.potentialAnalysis !== null) throw refused(potentialAnalysisCategory);
  return {
    domains,
    potentialAnalysis: withheld.potentialAnalysis ? current.potentialAnalysis : input.potentialAnalysis,
  };
}

const draftExists = (versionNo: number | null) =>
  new AppError('CONFLICT', {
    fieldErrors: [
      {
        path: 'versionNo',
        message:
          versionNo === null
            ? fieldMessage(
                'Soeben wurde bereits ein Entwurf begonnen. Bitte laden Sie die Versionen neu und arbeiten Sie im Entwurf weiter.',
                'A draft was started just now. Please reload the versions and continue in the draft.',
              )
            : fieldMessage(
                `Es gibt bereits einen Entwurf (Version ${versionNo}). Bitte diesen weiterbearbeiten oder abschließen.`,
                `There already is a draft (version ${versionNo}). Please continue or complete it.`,
              ),
      },
    ],
  });

const completedImmutable = (versionNo: number) =>
  new AppError('CONFLICT', {
    fieldErrors: [
      {
        path: 'status',
        message: fieldMessage(
          `Version ${versionNo} ist abgeschlossen und kann nicht mehr geändert werden. Für Änderungen bitte eine neue Version beginnen.`,
          `Version ${versionNo} is completed and can no longer be changed. Please start a new version for changes.`,
        ),
      },
    ],
  });

/** 412 naming the newer state, so the caseworker knows whose save came first. */
async function staleDraft(db: Db, current: AssessmentRow): Promise<AppError> {
  const by = current.updatedBy ? (await userRefs(db, [current.updatedBy])).get(current.updatedBy) : undefined;
  const who = by ? ` von ${by.displayName}` : '';
  const whoEn = by ? ` by ${by.displayName}` : '';
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'revision',
        message: fieldMessage(
          `Version ${current.versionNo} wurde inzwischen${who} gespeichert (Stand ${current.revision}). Ihre Änderungen wurden nicht übernommen: Bitte laden Sie den Entwurf neu und übertragen Sie sie erneut.`,
          `Version ${current.versionNo} was saved${whoEn} in the meantime (revision ${current.revision}). Your changes were not applied: please reload the draft and enter them again.`,
        ),
      },
    ],
  });
}

/** After a failed compare-and-set: tell completion (409) from a newer save (412). */
async function lostRace(db: Db, caseId: string, versionNo: number): Promise<AppError> {
  const now = await findVersion(db, caseId, versionNo);
  if (!now) return new AppError('NOT_FOUND');
  if (now.status === 'completed') return completedImmutable(versionNo);
  return staleDraft(db, now);
}

function isUniqueViolation(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The versions of the case, newest first: metadata and counts, no text. */
export async function listAssessments(
  db: Db,
  actor: Actor | null,
  caseId: string,
  ctx: AuditContext,
): Promise<AssessmentList> {
  await check(db, actor, 'case.read', [caseId]);
  const rows = await versionsOfCase(db, caseId);
  // Even metadata of an assessment (who assessed when) is a read of the case: recorded.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'assessment.listed',
      subjectType: 'case',
      subjectId: caseId,
      details: { count: rows.length },
    });
  });
  const users = await userRefs(
    db,
    rows.flatMap((r) => [r.createdBy, r.updatedBy, r.completedBy]),
  );
  return { items: rows.map((r) => presentAssessmentSummary(r, users)) };
}

/**
 * Starts the next version as a draft: a copy of the latest version's content (basis `latest`),
 * or empty. There is at most one draft per case; while one exists, this is 409.
 */
export async function startAssessment(
  db: Db,
  actor: Actor | null,
  caseId: string,
  input: AssessmentStartRequest,
  ctx: AuditContext,
): Promise<Versioned<Assessment>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  await assertCaseOpen(db, caseId);
  let row: AssessmentRow;
  try {
    row = await db.transaction(async (tx) => {
      await assertCaseOpen(tx, caseId);
      const latest = await latestVersion(tx, caseId);
      if (latest?.status === 'draft') throw draftExists(latest.versionNo);
      const content: AssessmentContent =
        input.basis === 'latest' && latest ? contentOf(latest) : { domains: emptyDomains(), potentialAnalysis: null };
      const versionNo = (latest?.versionNo ?? 0) + 1;
      const inserted = await insertVersion(tx, {
        caseId,
        versionNo,
        status: 'draft',
        domains: content.domains,
        potentialAnalysis: content.potentialAnalysis,
        createdAt: ctx.now,
        createdBy: a.userId,
        updatedAt: ctx.now,
        updatedBy: a.userId,
      });
      await recordAudit(tx, ctx, {
        type: 'assessment.created',
        subjectType: 'case',
        subjectId: caseId,
        details: { versionNo },
      });
      return inserted;
    });
  } catch (err) {
    // Two colleagues started a version at the same moment: the (case, version) index let one win.
    if (!(err instanceof AppError) && isUniqueViolation(err)) throw draftExists(null);
    throw err;
  }
  return present(db, row, (await caseCategories(db, a, caseId, ctx.now)).categories);
}

export async function getAssessment(
  db: Db,
  actor: Actor | null,
  caseId: string,
  versionNo: number,
  ctx: AuditContext,
): Promise<Versioned<Assessment>> {
  const a = await check(db, actor, 'case.read', [caseId]);
  const row = await findVersion(db, caseId, versionNo);
  if (!row) throw new AppError('NOT_FOUND');
  const { categories } = await caseCategories(db, a, caseId, ctx.now);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'assessment.viewed',
      subjectType: 'case',
      subjectId: caseId,
      details: { versionNo },
    });
  });
  return present(db, row, categories);
}

/**
 * Saves the whole draft (If-Match with its revision). Completed versions are immutable (409); a
 * save based on an older revision is 412 and changes nothing. The audit row names the life
 * domains that changed, never their text.
 */
export async function saveAssessment(
  db: Db,
  actor: Actor | null,
  caseId: string,
  versionNo: number,
  ifMatch: string | undefined,
  input: AssessmentSaveRequest,
  ctx: AuditContext,
): Promise<Versioned<Assessment>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const revision = ifMatchVersion(ifMatch, true);
  await assertCaseOpen(db, caseId);
  const current = await findVersion(db, caseId, versionNo);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.status === 'completed') throw completedImmutable(versionNo);
  if (current.revision !== revision) throw await staleDraft(db, current);
  const { categories } = await caseCategories(db, a, caseId, ctx.now);
  const content = mergeWithheld(
    contentOf(current),
    { domains: normaliseDomains(input.domains), potentialAnalysis: normaliseText(input.potentialAnalysis) },
    categories,
  );
  const diff = compareAssessments(contentOf(current), content);
  const unchanged = diff.changedDomains.length === 0 && diff.potentialAnalysis === null;
  const row = await db.transaction(async (tx) => {
    await assertCaseOpen(tx, caseId);
    // Saving the same content again keeps the revision, so a colleague's open copy stays current.
    const saved = unchanged
      ? current
      : await updateDraftIfRevision(tx, caseId, versionNo, revision, {
          domains: content.domains,
          potentialAnalysis: content.potentialAnalysis,
          updatedAt: ctx.now,
          updatedBy: a.userId,
        });
    if (!saved) throw await lostRace(tx, caseId, versionNo);
    await recordAudit(tx, ctx, {
      type: 'assessment.saved',
      subjectType: 'case',
      subjectId: caseId,
      details: {
        versionNo,
        domains: diff.changedDomains,
        potentialAnalysisChanged: diff.potentialAnalysis !== null,
        revision: saved.revision,
      },
    });
    return saved;
  });
  return present(db, row, categories);
}

/**
 * Completes a draft (If-Match with its revision) when the completion rule holds — every problem
 * is reported at once, with the field's path. Writes the timeline entry in the same transaction.
 */
export async function completeAssessment(
  db: Db,
  actor: Actor | null,
  caseId: string,
  versionNo: number,
  ifMatch: string | undefined,
  ctx: AuditContext,
): Promise<Versioned<Assessment>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  const revision = ifMatchVersion(ifMatch, true);
  await assertCaseOpen(db, caseId);
  const current = await findVersion(db, caseId, versionNo);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.status === 'completed') throw completedImmutable(versionNo);
  if (current.revision !== revision) throw await staleDraft(db, current);
  // Parts withheld from the agency cannot be filled by it, so they do not hold up its completion
  // (the Jobcenter completes without the health domain; what another agency wrote there stays).
  const withheld = withheldParts((await caseCategories(db, a, caseId, ctx.now)).categories);
  const problems = completionProblems(contentOf(current)).filter(
    (p) =>
      !(p.path === 'potentialAnalysis' && withheld.potentialAnalysis) &&
      ![...withheld.domains].some((k) => p.path.startsWith(`domains.${k}.`)),
  );
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: problems.map((p) => ({ path: p.path, message: p.message })),
    });
  }
  const row = await db.transaction(async (tx) => {
    await assertCaseOpen(tx, caseId);
    const completed = await updateDraftIfRevision(tx, caseId, versionNo, revision, {
      status: 'completed',
      completedAt: ctx.now,
      completedBy: a.userId,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!completed) throw await lostRace(tx, caseId, versionNo);
    await recordCaseEvent(tx, a, ctx, {
      caseId,
      kind: 'assessment_completed',
      details: { versionNo },
    });
    await recordAudit(tx, ctx, {
      type: 'assessment.completed',
      subjectType: 'case',
      subjectId: caseId,
      details: { versionNo },
    });
    return completed;
  });
  return present(db, row, (await caseCategories(db, a, caseId, ctx.now)).categories);
}

/** Field-by-field differences from version `from` to version `to` (either may be the draft). */
export async function compareAssessmentVersions(
  db: Db,
  actor: Actor | null,
  caseId: string,
  query: { from: number; to: number },
  ctx: AuditContext,
): Promise<AssessmentComparisonResult> {
  const a = await check(db, actor, 'case.read', [caseId]);
  if (query.from === query.to) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'to',
          message: fieldMessage('Bitte zwei verschiedene Versionen wählen.', 'Please choose two different versions.'),
        },
      ],
    });
  }
  const [from, to] = await Promise.all([findVersion(db, caseId, query.from), findVersion(db, caseId, query.to)]);
  if (!from || !to) throw new AppError('NOT_FOUND');
  const diff = compareAssessments(contentOf(from), contentOf(to));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'assessment.compared',
      subjectType: 'case',
      subjectId: caseId,
      details: { from: query.from, to: query.to },
    });
  });
  const users = await userRefs(
    db,
    [from, to].flatMap((r) => [r.createdBy, r.updatedBy, r.completedBy]),
  );
  // Withheld parts are shown as unchanged, without their texts.
  const withheld = withheldParts((await caseCategories(db, a, caseId, ctx.now)).categories);
  return {
    from: presentAssessmentSummary(from, users),
    to: presentAssessmentSummary(to, users),
    domains: diff.domains.map((d) =>
      withheld.domains.has(d.key)
        ? { key: d.key, changed: false, texts: [], notAssessed: null, urgency: null, withheld: true }
        : { ...d, withheld: false },
    ),
    changedDomains: diff.changedDomains.filter((k) => !withheld.domains.has(k)),
    potentialAnalysis: withheld.potentialAnalysis ? null : diff.potentialAnalysis,
    potentialAnalysisWithheld: withheld.potentialAnalysis,
  };
}
