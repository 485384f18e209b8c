import type {
  Conference,
  ConferenceListItem,
  ConferenceStatus,
} from '../../../shared/contracts/case-conferences';
import type { TaskStatus } from '../../../shared/contracts/case-tasks';
import type { ConferenceListRow, ConferenceRow, DecisionEntry, ParticipantEntry } from './case-conferences.repository';

type Ref = { id: string; name: string };
type UserRef = { id: string; displayName: string };

const agendaOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function presentConferenceListItem(r: ConferenceListRow): ConferenceListItem {
  const c = r.conference;
  return {
    id: c.id,
    title: c.title,
    scheduledAt: c.scheduledAt.toISOString(),
    location: c.location,
    status: c.status as ConferenceStatus,
    organiserAgency: { id: r.organiser.id, name: r.organiser.name },
    participantCount: r.participantCount,
    decisionCount: r.decisionCount,
    heldAt: c.heldAt?.toISOString() ?? null,
  };
}

/** Whitelists a conference with its participants and decisions. */
export function presentConference(
  c: ConferenceRow,
  parts: {
    organiser: Ref;
    participants: readonly ParticipantEntry[];
    decisions: readonly DecisionEntry[];
    teamAgencyIds: ReadonlySet<string>;
    users: ReadonlyMap<string, UserRef>;
    mayChange: boolean;
  },
): Conference {
  const user = (id: string | null) => {
    const u = id ? parts.users.get(id) : undefined;
    return u ? { id: u.id, displayName: u.displayName } : null;
  };
  return {
    id: c.id,
    caseId: c.caseId,
    version: c.version,
    title: c.title,
    scheduledAt: c.scheduledAt.toISOString(),
    location: c.location,
    status: c.status as ConferenceStatus,
    organiserAgency: { id: parts.organiser.id, name: parts.organiser.name },
    participants: parts.participants.map((p) => ({
      id: p.row.id,
      kind: p.row.agencyId ? 'agency' : 'external',
      agency: p.agency ? { id: p.agency.id, name: p.agency.name } : null,
      user: p.user ? { id: p.user.id, displayName: p.user.displayName } : null,
      name: p.row.agencyId ? null : p.row.externalName,
      role: p.row.agencyId ? null : p.row.externalRole,
      attended: p.row.attended,
      onCaseTeam: p.row.agencyId ? parts.teamAgencyIds.has(p.row.agencyId) : false,
    })),
    agenda: agendaOf(c.agenda),
    minutes: c.minutes,
    decisions: parts.decisions.map((d) => ({
      id: d.row.id,
      position: d.row.position,
      text: d.row.text,
      responsibleAgency: { id: d.agency.id, name: d.agency.name },
      responsibleUser: d.user ? { id: d.user.id, displayName: d.user.displayName } : null,
      dueDate: d.row.dueDate,
      responsibleOnCaseTeam: parts.teamAgencyIds.has(d.row.responsibleAgencyId),
      task: d.task ? { id: d.task.id, status: d.task.status as TaskStatus } : null,
    })),
    heldAt: c.heldAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    createdBy: user(c.createdBy),
    updatedAt: c.updatedAt.toISOString(),
    updatedBy: user(c.updatedBy),
    actions: { change: parts.mayChange },
  };
}
