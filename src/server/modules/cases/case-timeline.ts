import type { CaseTimeline, CaseTimelineQuery } from '../../../shared/contracts/cases';
import type { PlanKind } from '../../../shared/contracts/case-plans';
import type { DocumentType } from '../../../shared/contracts/case-records';
import type { DataCategory } from '../../../shared/domain/data-protection/data-categories';
import {
  caseNoteCategory,
  documentTypeCategories,
  planKindCategories,
} from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { caseCategories } from './case-categories';
import { presentTimelineEvent } from './cases.presenter';
import { agencyRefs, insertCaseEvent, teamOf, timelineOf, userRefs, type CaseEventValues } from './cases.repository';

/**
 * The data category of the record an entry is about (a document by its type, a plan by its kind,
 * a note), or null for entries about the case itself.
 */
function entryCategory(kind: string, details: Record<string, unknown>): DataCategory | null {
  if (kind.startsWith('note_')) return caseNoteCategory;
  if (kind.startsWith('document_') && typeof details.docType === 'string')
    return documentTypeCategories[details.docType as DocumentType] ?? caseNoteCategory;
  // Decisions on a reduction of benefits (sanction guard, issue 8) are benefits data.
  if (kind.startsWith('benefit_reduction')) return 'benefits';
  if (kind.startsWith('plan_') && typeof details.kind === 'string')
    return planKindCategories[details.kind as PlanKind] ?? null;
  return null;
}

const idsOf = (details: readonly Record<string, unknown>[], keys: readonly string[]) =>
  details.flatMap((d) => keys.map((k) => d[k]).filter((v): v is string => typeof v === 'string'));

/**
 * Everything that happened on the case, newest first, filterable by kind and by the agency the
 * actor acted for. Team and reassignment entries come with the names they refer to. Entries
 * about records the actor may not see (a note of another agency, a colleague's private
 * document) are left out, from the page and from the total (see `EventRestriction`). Entries
 * about a record of a category withheld from the actor's agency (issue 5) stay — that something
 * happened, when and by whom — but without note and details (no record id, type or kind).
 */
export async function caseTimeline(
  db: Db,
  actor: Actor | null,
  id: string,
  query: CaseTimelineQuery,
  ctx: AuditContext,
): Promise<CaseTimeline> {
  const a = await check(db, actor, 'case.read', [id]);
  const { rows, total } = await timelineOf(
    db,
    id,
    { agencyId: a.agencyId, userId: a.userId },
    { kind: query.kind, agencyId: query.agencyId },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const details = rows.map((r) => r.event.details);
  const members = new Map((await teamOf(db, id, ctx.now)).map((m) => [m.member.id, m]));
  const users = await userRefs(db, idsOf(details, ['fromUserId', 'toUserId']));
  const agencies = await agencyRefs(db, idsOf(details, ['fromAgencyId', 'toAgencyId']));
  const { categories } = await caseCategories(db, a, id, ctx.now);
  const items = rows.map((r) => {
    const category = entryCategory(r.event.kind, r.event.details);
    const shown =
      category === null || categories.has(category) ? r : { ...r, event: { ...r.event, note: null, details: {} } };
    return presentTimelineEvent(shown, { members, users, agencies });
  });
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'case.timeline_viewed',
      subjectType: 'case',
      subjectId: id,
      details: { resultCount: items.length },
    });
  });
  return { items, page: { page: query.page, pageSize: query.pageSize, total } };
}

/**
 * Writes a timeline entry for something the actor did now, in the caller's transaction (the
 * change, its timeline entry and its audit row commit together).
 */
export function recordCaseEvent(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  event: Omit<CaseEventValues, 'occurredAt' | 'actorUserId' | 'actorAgencyId'>,
): Promise<string> {
  return insertCaseEvent(tx, {
    ...event,
    occurredAt: ctx.now,
    actorUserId: actor.userId,
    actorAgencyId: actor.agencyId,
  });
}
