import { z } from 'zod';
import { TASK_TITLE_MAX, taskDueDateSchema, taskStatusSchema } from './case-tasks';

/**
 * Case conferences (Fallkonferenzen): colleagues of several agencies — also agencies that are not
 * (yet) on the case team, e.g. the municipal social service (Kommunaler Sozialer Dienst) when the
 * deportation of a family with children is imminent — and people from outside (the client, an
 * interpreter, the school) meet about one case. A conference has an occasion (title), a time, a
 * place, participants, an ordered agenda, minutes and decisions for named agencies.
 *
 * Lifecycle: planned → held (the minutes are final: `finalise`) | cancelled. While planned, the
 * organiser agency or the lead agency of the case changes everything (PUT, If-Match). Finalising
 * needs minutes and at least one participant marked as attended; every decision's responsible
 * agency must then be on the case team, and each decision becomes a case task for it (source
 * `conference_decision`). A held or cancelled conference is read-only.
 *
 * Agencies outside the case team see the case — and so the conference — only once they are on it.
 */

export const conferenceStatuses = ['planned', 'held', 'cancelled'] as const;
export const conferenceStatusSchema = z.enum(conferenceStatuses);
export type ConferenceStatus = z.infer<typeof conferenceStatusSchema>;

export const CONFERENCE_TITLE_MAX = 200;
export const AGENDA_ITEM_MAX = 300;
export const AGENDA_MAX = 30;
export const PARTICIPANTS_MAX = 40;
export const DECISIONS_MAX = 30;
export const DECISION_TEXT_MAX = 2000;
export const MINUTES_MAX = 20000;

const titleSchema = z.string().trim().min(1).max(CONFERENCE_TITLE_MAX);
const locationSchema = z.string().trim().max(200);
const agendaItemSchema = z.string().trim().min(1).max(AGENDA_ITEM_MAX);
/** A point in time with its offset, e.g. "2026-11-27T09:30:00+01:00" or "…Z". */
const scheduledAtSchema = z.iso.datetime({ offset: true });

/** A colleague of an agency (optionally by name) or a person from outside with their role. */
export const conferenceParticipantInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('agency'),
      agencyId: z.uuid(),
      /** An active caseworker or team lead of that agency; null: the agency without a name. */
      userId: z.uuid().nullable().default(null),
      /** null: not recorded yet. */
      attended: z.boolean().nullable().default(null),
    })
    .strict(),
  z
    .object({
      kind: z.literal('external'),
      name: z.string().trim().min(1).max(200),
      /** e.g. "Klientin", "Dolmetscherin", "Schule". */
      role: z.string().trim().min(1).max(100),
      attended: z.boolean().nullable().default(null),
    })
    .strict(),
]);
export type ConferenceParticipantInput = z.input<typeof conferenceParticipantInputSchema>;

export const conferenceDecisionInputSchema = z
  .object({
    text: z.string().trim().min(1).max(DECISION_TEXT_MAX),
    responsibleAgencyId: z.uuid(),
    responsibleUserId: z.uuid().nullable().default(null),
    dueDate: taskDueDateSchema.nullable().default(null),
  })
  .strict();
export type ConferenceDecisionInput = z.input<typeof conferenceDecisionInputSchema>;

export const conferenceCreateRequestSchema = z
  .object({
    title: titleSchema,
    scheduledAt: scheduledAtSchema,
    location: locationSchema.nullable().default(null),
    participants: z.array(conferenceParticipantInputSchema).max(PARTICIPANTS_MAX).default([]),
    /** The agenda in its order. */
    agenda: z.array(agendaItemSchema).max(AGENDA_MAX).default([]),
  })
  .strict();
export type ConferenceCreateRequest = z.input<typeof conferenceCreateRequestSchema>;

/** PUT: the whole conference while it is planned (participants and decisions are replaced). */
export const conferenceSaveRequestSchema = z
  .object({
    title: titleSchema,
    scheduledAt: scheduledAtSchema,
    location: locationSchema.nullable(),
    participants: z.array(conferenceParticipantInputSchema).max(PARTICIPANTS_MAX),
    agenda: z.array(agendaItemSchema).max(AGENDA_MAX),
    minutes: z.string().trim().max(MINUTES_MAX).nullable(),
    decisions: z.array(conferenceDecisionInputSchema).max(DECISIONS_MAX),
  })
  .strict();
export type ConferenceSaveRequest = z.input<typeof conferenceSaveRequestSchema>;

export const conferenceParamsSchema = z.object({ id: z.uuid(), conferenceId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Responses

const refSchema = z.object({ id: z.uuid(), name: z.string() });
const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const conferenceParticipantSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['agency', 'external']),
  agency: refSchema.nullable(),
  user: userRefSchema.nullable(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  attended: z.boolean().nullable(),
  /** For an agency: it is on the current case team (only then it sees the case). */
  onCaseTeam: z.boolean(),
});
export type ConferenceParticipant = z.infer<typeof conferenceParticipantSchema>;

export const conferenceDecisionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  text: z.string(),
  responsibleAgency: refSchema,
  responsibleUser: userRefSchema.nullable(),
  dueDate: z.string().nullable(),
  /** The agency is on the current case team (finalising needs that). */
  responsibleOnCaseTeam: z.boolean(),
  /** The case task the decision became when the minutes were finalised. */
  task: z.object({ id: z.uuid(), status: taskStatusSchema }).nullable(),
});
export type ConferenceDecision = z.infer<typeof conferenceDecisionSchema>;

export const conferenceSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  /** The ETag of the conference. */
  version: z.number().int(),
  title: z.string(),
  scheduledAt: z.iso.datetime(),
  location: z.string().nullable(),
  status: conferenceStatusSchema,
  organiserAgency: refSchema,
  participants: z.array(conferenceParticipantSchema),
  agenda: z.array(z.string()),
  minutes: z.string().nullable(),
  decisions: z.array(conferenceDecisionSchema),
  heldAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: userRefSchema.nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: userRefSchema.nullable(),
  /** `change`: the caller's agency organises the conference or leads the case, and it is still planned. */
  actions: z.object({ change: z.boolean() }),
});
export type Conference = z.infer<typeof conferenceSchema>;

export const conferenceListItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  scheduledAt: z.iso.datetime(),
  location: z.string().nullable(),
  status: conferenceStatusSchema,
  organiserAgency: refSchema,
  participantCount: z.number().int(),
  decisionCount: z.number().int(),
  heldAt: z.iso.datetime().nullable(),
});
export type ConferenceListItem = z.infer<typeof conferenceListItemSchema>;

/** The conferences of a case, the latest date first. */
export const conferenceListSchema = z.object({ items: z.array(conferenceListItemSchema) });
export type ConferenceList = z.infer<typeof conferenceListSchema>;

/**
 * The title of the task a decision becomes: the decision on one line, cut at a word before the
 * task title's limit with "…" (the whole text then goes into the task's description).
 */
export function decisionTaskTitle(text: string): { title: string; truncated: boolean } {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= TASK_TITLE_MAX) return { title: line, truncated: false };
  const cut = line.slice(0, TASK_TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  const head = space > TASK_TITLE_MAX / 2 ? cut.slice(0, space) : cut;
  return { title: `${head.replace(/[\s,;:.–-]+$/, '')}…`, truncated: true };
}
