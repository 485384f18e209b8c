import {
  BREAK_GLASS_HOURS,
  type BreakGlassGrant,
  type BreakGlassList,
  type BreakGlassRequest,
  type BreakGlassReviewQuery,
  type BreakGlassReviewRequest,
  type BreakGlassSearchRequest,
  type BreakGlassCandidate,
} from '../../../shared/contracts/break-glass';
import { searchLookupKeys } from '../../../shared/domain/people-matching/blocking-keys';
import { parseDateOfBirth } from '../../../shared/domain/people-matching/date-of-birth';
import { parseSearchQuery } from '../../../shared/domain/people-matching/search-query';
import { rankSearchCandidates } from '../../../shared/domain/people-matching/search-ranking';
import type { Db } from '../../db/client';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { accessToPerson, personIdsVisibleTo } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { CANDIDATE_CAP } from '../people/duplicate-candidates';
import { analyseRecord } from '../people/people-matching';
import { SEARCH_MIN_SCORE } from '../people/people.service';
import { presentGrant } from './break-glass.presenter';
import {
  endGrant,
  findActiveGrant,
  findEmergencyCandidates,
  findGrantablePerson,
  findGrantRecord,
  insertGrant,
  insertNotifications,
  listReviewGrants,
  listUserGrants,
  lockUserPerson,
  notificationRecipients,
  reviewGrant,
  type GrantRecord,
} from './break-glass.repository';

/** At most this many hits: an emergency search finds a person, it does not browse the register. */
export const BREAK_GLASS_MAX_HITS = 10;
const GRANT_MS = BREAK_GLASS_HOURS * 3_600_000;

/** Team leads review grants on their agency's people; the data protection officer reviews all. */
const reviewsAll = (a: Actor) => a.roles.includes('data_protection_officer');

export async function searchForEmergency(
  db: Db,
  actor: Actor | null,
  input: BreakGlassSearchRequest,
  ctx: AuditContext,
): Promise<{ items: BreakGlassCandidate[] }> {
  const a = await check(db, actor, 'break_glass.request');
  const parsed = parseSearchQuery(`${input.givenNames ?? ''} ${input.familyName}`.trim());
  const q = input.dateOfBirth ? { ...parsed, dateOfBirth: parseDateOfBirth(input.dateOfBirth) } : parsed;
  const candidates = await findEmergencyCandidates(db, searchLookupKeys(q), CANDIDATE_CAP);
  const hits = rankSearchCandidates(q, candidates, (r) => analyseRecord(r), candidates.length)
    .filter((hit) => hit.score >= SEARCH_MIN_SCORE)
    .slice(0, BREAK_GLASS_MAX_HITS);
  const visible = new Set(
    await personIdsVisibleTo(
      db,
      a,
      hits.map((h) => h.item.person.id),
      ctx.now,
    ),
  );
  const items = hits.map(({ item }) => ({
    personId: item.person.id,
    givenNames: item.person.givenNames,
    familyName: item.person.familyName,
    dateOfBirth: item.person.dateOfBirthRaw,
    registeredBy: { name: item.agency.name },
    alreadyVisible: visible.has(item.person.id),
  }));
  // The query is a name and a birthday and the reason free text: the audit row holds the count only.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'break_glass.searched',
      subjectType: 'person',
      details: { resultCount: items.length },
    });
  });
  return { items };
}

const conflict = (de: string, en: string, path = 'personId') =>
  new AppError('CONFLICT', { fieldErrors: [{ path, message: fieldMessage(de, en) }] });

export async function requestEmergencyAccess(
  db: Db,
  actor: Actor | null,
  input: BreakGlassRequest,
  ctx: AuditContext,
): Promise<BreakGlassGrant> {
  const a = await check(db, actor, 'break_glass.request');
  const person = await findGrantablePerson(db, input.personId);
  if (!person) throw new AppError('NOT_FOUND');
  const access = await accessToPerson(db, a, person.id, ctx.now);
  if (access?.grounds.some((g) => g !== 'break_glass')) {
    throw conflict(
      'Sie haben bereits Zugriff auf diese Person – kein Notfallzugriff nötig.',
      'You already have access to this person – no emergency access needed.',
    );
  }
  const expiresAt = new Date(ctx.now.getTime() + GRANT_MS);
  const grantId = await db.transaction(async (tx) => {
    await lockUserPerson(tx, a.userId, person.id);
    if (await findActiveGrant(tx, a.userId, person.id, ctx.now)) {
      throw conflict(
        'Für diese Person haben Sie bereits einen laufenden Notfallzugriff.',
        'You already hold an active emergency access to this person.',
      );
    }
    const id = await insertGrant(tx, {
      userId: a.userId,
      agencyId: a.agencyId,
      personId: person.id,
      reason: input.reason,
      grantedAt: ctx.now,
      expiresAt,
    });
    const recipients = (await notificationRecipients(tx, person.registeredByAgencyId)).filter((u) => u !== a.userId);
    await insertNotifications(
      tx,
      recipients.map((recipientUserId) => ({
        recipientUserId,
        kind: 'break_glass_used',
        subjectType: 'break_glass_grant',
        subjectId: id,
        payload: { grantId: id, userId: a.userId, agencyId: a.agencyId, personAgencyId: person.registeredByAgencyId },
        createdAt: ctx.now,
      })),
    );
    await recordAudit(tx, ctx, {
      type: 'break_glass.granted',
      subjectType: 'person',
      subjectId: person.id,
      details: { grantId: id, expiresAt: expiresAt.toISOString(), notified: recipients.length },
    });
    return id;
  });
  const record = await findGrantRecord(db, grantId);
  if (!record) throw new AppError('NOT_FOUND');
  return presentGrant(record, ctx.now, true);
}

/** Names for a list: only of people the viewer may see now. */
async function namedPeople(db: Db, a: Actor, rows: readonly GrantRecord[], now: Date): Promise<Set<string>> {
  if (!hasPermission(a, 'person.read')) return new Set();
  return new Set(await personIdsVisibleTo(db, a, [...new Set(rows.map((r) => r.grant.personId))], now));
}

export async function listOwnGrants(
  db: Db,
  actor: Actor | null,
  query: { page: number; pageSize: number },
  ctx: AuditContext,
): Promise<BreakGlassList> {
  const a = await check(db, actor, 'break_glass.request');
  const { rows, total } = await listUserGrants(db, a.userId, ctx.now, query.page, query.pageSize);
  const named = await namedPeople(db, a, rows, ctx.now);
  const items = rows.map((r) => presentGrant(r, ctx.now, named.has(r.grant.personId)));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'break_glass.listed',
      subjectType: 'break_glass_grant',
      details: { resultCount: items.length, scope: 'own' },
    });
  });
  return { items, page: { page: query.page, pageSize: query.pageSize, total } };
}

export async function endEmergencyAccess(
  db: Db,
  actor: Actor | null,
  id: string,
  ctx: AuditContext,
): Promise<BreakGlassGrant> {
  const a = await check(db, actor, 'break_glass.request');
  const before = await findGrantRecord(db, id);
  // Someone else's grant does not exist for the caller.
  if (!before || before.grant.userId !== a.userId) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    if (!(await endGrant(tx, id, ctx.now))) {
      throw conflict('Dieser Notfallzugriff ist bereits beendet.', 'This emergency access has already ended.', 'id');
    }
    await recordAudit(tx, ctx, {
      type: 'break_glass.ended',
      subjectType: 'person',
      subjectId: before.grant.personId,
      details: { grantId: id },
    });
  });
  const after = await findGrantRecord(db, id);
  if (!after) throw new AppError('NOT_FOUND');
  return presentGrant(after, ctx.now, false);
}

export async function listGrantsToReview(
  db: Db,
  actor: Actor | null,
  query: BreakGlassReviewQuery,
  ctx: AuditContext,
): Promise<BreakGlassList> {
  const a = await check(db, actor, 'break_glass.review');
  const { rows, total } = await listReviewGrants(db, {
    personAgencyId: reviewsAll(a) ? null : a.agencyId,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
  });
  const named = await namedPeople(db, a, rows, ctx.now);
  const items = rows.map((r) => presentGrant(r, ctx.now, named.has(r.grant.personId)));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'break_glass.listed',
      subjectType: 'break_glass_grant',
      details: { resultCount: items.length, scope: 'review' },
    });
  });
  return { items, page: { page: query.page, pageSize: query.pageSize, total } };
}

export async function reviewEmergencyAccess(
  db: Db,
  actor: Actor | null,
  id: string,
  input: BreakGlassReviewRequest,
  ctx: AuditContext,
): Promise<BreakGlassGrant> {
  const a = await check(db, actor, 'break_glass.review');
  const record = await findGrantRecord(db, id);
  if (!record || (!reviewsAll(a) && record.person.registeredByAgencyId !== a.agencyId)) {
    throw new AppError('NOT_FOUND');
  }
  if (record.grant.userId === a.userId) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'id',
          message: fieldMessage(
            'Den eigenen Notfallzugriff prüft jemand anderes.',
            'Someone else reviews your own emergency access.',
          ),
        },
      ],
    });
  }
  const note = input.note?.trim() ? input.note.trim() : null;
  if (input.outcome === 'not_justified' && note === null) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'note',
          message: fieldMessage(
            'Bitte begründen Sie, warum der Zugriff nicht gerechtfertigt war.',
            'Please explain why the access was not justified.',
          ),
        },
      ],
    });
  }
  await db.transaction(async (tx) => {
    const done = await reviewGrant(tx, id, {
      reviewedAt: ctx.now,
      reviewedBy: a.userId,
      reviewOutcome: input.outcome,
      reviewNote: note,
    });
    if (!done)
      throw conflict(
        'Dieser Notfallzugriff wurde bereits geprüft.',
        'This emergency access has already been reviewed.',
        'id',
      );
    await recordAudit(tx, ctx, {
      type: 'break_glass.reviewed',
      subjectType: 'person',
      subjectId: record.grant.personId,
      details: { grantId: id, outcome: input.outcome },
    });
  });
  const after = await findGrantRecord(db, id);
  if (!after) throw new AppError('NOT_FOUND');
  const named = await namedPeople(db, a, [after], ctx.now);
  return presentGrant(after, ctx.now, named.has(after.grant.personId));
}
