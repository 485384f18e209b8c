import type { Notification } from '../../../shared/contracts/notifications';
import type { NotificationRow } from './notifications.repository';

export type Names = { users: Map<string, string>; agencies: Map<string, string> };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The ids a notification's text needs names for. */
export function namedIds(row: NotificationRow): { users: string[]; agencies: string[] } {
  const p = row.payload;
  return {
    users: [str(p.userId)].filter((v): v is string => v !== null),
    agencies: [str(p.agencyId), str(p.personAgencyId)].filter((v): v is string => v !== null),
  };
}

/**
 * The text is built when read, from ids in the payload: it names the colleague and the agencies,
 * never the person (the reviewer opens the review list to learn more, within their own rights).
 */
export function presentNotification(
  row: NotificationRow,
  names: Names,
  recipientAgencyId: string,
): Notification | null {
  if (row.kind !== 'break_glass_used') return null;
  const p = row.payload;
  const user = names.users.get(str(p.userId) ?? '') ?? '?';
  const agency = names.agencies.get(str(p.agencyId) ?? '') ?? '?';
  const personAgencyId = str(p.personAgencyId);
  const ownPerson = personAgencyId === recipientAgencyId;
  const personAgency = names.agencies.get(personAgencyId ?? '') ?? '?';
  return {
    id: row.id,
    kind: 'break_glass_used',
    text: ownPerson
      ? {
          de: `Notfallzugriff durch ${user} (${agency}) auf eine Person Ihrer Stelle`,
          en: `Emergency access by ${user} (${agency}) to a person of your agency`,
        }
      : {
          de: `Notfallzugriff durch ${user} (${agency}) auf eine Person der Stelle ${personAgency}`,
          en: `Emergency access by ${user} (${agency}) to a person of ${personAgency}`,
        },
    target: 'break_glass_reviews',
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
