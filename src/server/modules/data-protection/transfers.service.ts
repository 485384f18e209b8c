import type {
  Transfer,
  TransferCreateRequest,
  TransferList,
  TransferListQuery,
} from '../../../shared/contracts/transfers';
import { isCalendarDate, todayIn } from '../../../shared/domain/calendar-date';
import { dataCategoryLabels } from '../../../shared/domain/data-protection/data-categories';
import type { Db } from '../../db/client';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { accessToPerson, orderedCategories, personIdsVisibleTo } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { presentTransfer, type PersonShown } from './transfers.presenter';
import {
  findAgency,
  findCasePerson,
  findTransferRecord,
  insertTransfer,
  listPersonTransfers,
  listTransfers,
  personExists,
  type TransferRecord,
} from './transfers.repository';

/**
 * A transfer of youth welfare data needs § 65 SGB VIII (special protection of data entrusted for
 * personal and educational help): "§ 65 Abs. 1 Satz 1 Nr. 1 SGB VIII" and the like. The check is on
 * the cited norm only; whether its conditions are met stays the sending caseworker's judgement.
 */
export const YOUTH_WELFARE_NORM = /§\s*65(?!\d)[^§;]{0,60}?SGB\s*VIII(?![IVX])/i;

/** The data protection officer controls transfers of the whole municipality, without names. */
const isOfficer = (a: Actor) => a.roles.includes('data_protection_officer');

/** The last day a transfer may run to: one year from today (28 February for a 29 February). */
export function oneYearFrom(today: string): string {
  const [y, m, d] = today.split('-') as [string, string, string];
  const candidate = `${String(Number(y) + 1).padStart(4, '0')}-${m}-${d}`;
  return isCalendarDate(candidate) ? candidate : `${String(Number(y) + 1).padStart(4, '0')}-${m}-28`;
}

/** The first instant of a calendar day in Europe/Berlin (midnight is 22:00 or 23:00 UTC of the day before). */
export function berlinDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  for (const hours of [2, 1]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (todayIn(candidate) === day) return candidate;
  }
  return new Date(utcMidnight);
}

const nextDay = (day: string) => new Date(berlinDayStart(day).getTime() + 26 * 3_600_000);

export async function recordTransfer(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: TransferCreateRequest,
  ctx: AuditContext,
): Promise<Transfer> {
  const a = await check(db, actor, 'transfer.write');
  await check(db, a, 'person.read', [personId]);
  const access = await accessToPerson(db, a, personId, ctx.now);
  if (!access) throw new AppError('NOT_FOUND');
  // Only a controller transfers: the agency that registered the person or works on a case of it.
  // What it learned through consent, a transfer or emergency access is not its to pass on.
  if (!access.grounds.some((g) => g === 'registered' || g === 'case_team')) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'personId',
          message: fieldMessage(
            'Übermitteln darf nur eine Stelle, die die Person erfasst hat oder in ihrem Fallteam mitarbeitet.',
            'Only an agency that registered the person or works on a case team of the person may transfer data.',
          ),
        },
      ],
    });
  }

  const today = todayIn(ctx.now);
  const errors: FieldError[] = [];
  const recipient = await findAgency(db, input.toAgencyId);
  if (!recipient) {
    errors.push({
      path: 'toAgencyId',
      message: fieldMessage('Diese Stelle gibt es nicht.', 'This agency does not exist.'),
    });
  } else if (recipient.id === a.agencyId) {
    errors.push({
      path: 'toAgencyId',
      message: fieldMessage(
        'Eine Übermittlung geht an eine andere Stelle, nicht an die eigene.',
        'A transfer goes to another agency, not to your own.',
      ),
    });
  }
  const categories = orderedCategories(new Set(['identity', ...input.categories] as const));
  const notOwn = categories.filter((c) => !access.categories.has(c));
  if (notOwn.length) {
    const de = notOwn.map((c) => dataCategoryLabels[c].de).join(', ');
    const en = notOwn.map((c) => dataCategoryLabels[c].en).join(', ');
    errors.push({
      path: 'categories',
      message: fieldMessage(
        `Diese Kategorien sieht Ihre Stelle selbst nicht und kann sie daher nicht übermitteln: ${de}.`,
        `Your agency does not see these categories itself and cannot transfer them: ${en}.`,
      ),
    });
  }
  if (categories.includes('youth_welfare') && !YOUTH_WELFARE_NORM.test(input.legalBasis)) {
    errors.push({
      path: 'legalBasis',
      message: fieldMessage(
        'Daten der Jugendhilfe dürfen nur nach § 65 SGB VIII übermittelt werden. Bitte die Vorschrift angeben (z. B. „§ 65 Abs. 1 Satz 1 Nr. 1 SGB VIII“).',
        'Youth welfare data may only be transferred under § 65 SGB VIII. Please cite the norm (e.g. "§ 65 Abs. 1 Satz 1 Nr. 1 SGB VIII").',
      ),
    });
  }
  if (!isCalendarDate(input.validUntil)) {
    errors.push({
      path: 'validUntil',
      message: fieldMessage('Dieses Datum gibt es nicht.', 'This date does not exist.'),
    });
  } else if (input.validUntil < today) {
    errors.push({
      path: 'validUntil',
      message: fieldMessage('Das Datum liegt in der Vergangenheit.', 'The date is in the past.'),
    });
  } else if (input.validUntil > oneYearFrom(today)) {
    errors.push({
      path: 'validUntil',
      message: fieldMessage(
        'Eine Übermittlung gilt höchstens ein Jahr. Für länger bitte eine neue Übermittlung dokumentieren.',
        'A transfer is valid for one year at most. For longer, please record a new transfer.',
      ),
    });
  }
  if (input.caseId) {
    const casePerson = await findCasePerson(db, input.caseId);
    const visible =
      casePerson === personId &&
      (await check(db, a, 'case.read', [input.caseId]).then(
        () => true,
        (e: unknown) => {
          if (e instanceof AppError && e.code === 'NOT_FOUND') return false;
          throw e;
        },
      ));
    if (!visible) {
      errors.push({
        path: 'caseId',
        message: fieldMessage(
          'Diesen Fall dieser Person gibt es nicht oder Sie sehen ihn nicht.',
          'This case of this person does not exist or you cannot see it.',
        ),
      });
    }
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });

  const id = await db.transaction(async (tx) => {
    const transferId = await insertTransfer(tx, {
      personId,
      caseId: input.caseId ?? null,
      fromAgencyId: a.agencyId,
      toAgencyId: input.toAgencyId,
      categories,
      legalBasis: input.legalBasis,
      purpose: input.purpose,
      transferredAt: ctx.now,
      validUntil: input.validUntil,
      recordedBy: a.userId,
    });
    await recordAudit(tx, ctx, {
      type: 'transfer.recorded',
      subjectType: 'person',
      subjectId: personId,
      details: { transferId, toAgencyId: input.toAgencyId, categories, legalBasis: input.legalBasis },
    });
    return transferId;
  });
  const record = await findTransferRecord(db, id);
  if (!record) throw new AppError('NOT_FOUND');
  return presentTransfer(record, a.agencyId, 'named', today);
}

/** How each entry shows its person: by name only to someone who may see the person now. */
async function shownPeople(
  db: Db,
  a: Actor,
  rows: readonly TransferRecord[],
  now: Date,
): Promise<(r: TransferRecord) => PersonShown> {
  if (isOfficer(a) && !hasPermission(a, 'person.read')) return () => 'id';
  const visible = new Set(await personIdsVisibleTo(db, a, [...new Set(rows.map((r) => r.transfer.personId))], now));
  return (r) => (visible.has(r.transfer.personId) ? 'named' : 'hidden');
}

export async function getPersonTransfers(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<{ items: Transfer[] }> {
  const a = await check(db, actor, 'transfer.read');
  const officer = isOfficer(a) && !hasPermission(a, 'person.read');
  if (officer) {
    if (!(await personExists(db, personId))) throw new AppError('NOT_FOUND');
  } else {
    await check(db, a, 'person.read', [personId]);
  }
  const rows = await listPersonTransfers(db, personId, officer ? null : a.agencyId);
  const shown = await shownPeople(db, a, rows, ctx.now);
  const today = todayIn(ctx.now);
  const items = rows.map((r) => presentTransfer(r, a.agencyId, shown(r), today));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'transfer.listed',
      subjectType: 'person',
      subjectId: personId,
      details: { resultCount: items.length, scope: 'person' },
    });
  });
  return { items };
}

export async function getTransferLog(
  db: Db,
  actor: Actor | null,
  query: TransferListQuery,
  ctx: AuditContext,
): Promise<TransferList> {
  const a = await check(db, actor, 'transfer.read');
  const errors: FieldError[] = [];
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !isCalendarDate(value)) {
      errors.push({ path: key, message: fieldMessage('Dieses Datum gibt es nicht.', 'This date does not exist.') });
    }
  }
  if (!errors.length && query.from && query.to && query.to < query.from) {
    errors.push({
      path: 'to',
      message: fieldMessage('Das Ende liegt vor dem Beginn.', 'The end is before the start.'),
    });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });

  const municipality = isOfficer(a) && !hasPermission(a, 'person.read');
  const { rows, total } = await listTransfers(db, {
    agencyId: municipality ? null : a.agencyId,
    direction: municipality ? 'all' : query.direction,
    from: query.from ? berlinDayStart(query.from) : null,
    before: query.to ? berlinDayStart(todayIn(nextDay(query.to))) : null,
    page: query.page,
    pageSize: query.pageSize,
  });
  const shown = await shownPeople(db, a, rows, ctx.now);
  const today = todayIn(ctx.now);
  const items = rows.map((r) => presentTransfer(r, a.agencyId, shown(r), today));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'transfer.listed',
      subjectType: 'transfer',
      details: { resultCount: items.length, scope: municipality ? 'municipality' : 'agency' },
    });
  });
  return {
    items,
    page: { page: query.page, pageSize: query.pageSize, total },
    scope: municipality ? 'municipality' : 'agency',
  };
}
