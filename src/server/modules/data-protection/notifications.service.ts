import type { NotificationList } from '../../../shared/contracts/notifications';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { AppError } from '../../platform/errors/app-error';
import { namedIds, presentNotification } from './notifications.presenter';
import { listNotifications, markRead, namesFor } from './notifications.repository';

/**
 * Notifications carry ids and names of colleagues and agencies, no social data, so reading them is
 * not an audited access to social data; what they point at (the review list) is audited there.
 */
export async function getNotifications(
  db: Db,
  actor: Actor | null,
  query: { page: number; pageSize: number },
): Promise<NotificationList> {
  const a = await check(db, actor, 'workspace.read');
  const { rows, total, unread } = await listNotifications(db, a.userId, query.page, query.pageSize);
  const ids = rows.map(namedIds);
  const names = await namesFor(
    db,
    [...new Set(ids.flatMap((i) => i.users))],
    [...new Set(ids.flatMap((i) => i.agencies))],
  );
  const items = rows.flatMap((r) => presentNotification(r, names, a.agencyId) ?? []);
  return { items, unreadCount: unread, page: { page: query.page, pageSize: query.pageSize, total } };
}

export async function readNotification(db: Db, actor: Actor | null, id: string, now: Date): Promise<{ ok: true }> {
  const a = await check(db, actor, 'workspace.read');
  if (!(await markRead(db, id, a.userId, now))) throw new AppError('NOT_FOUND');
  return { ok: true };
}
