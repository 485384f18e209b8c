import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { GuardAddressFacts, GuardLetter } from '../../../shared/domain/correspondence/sanction-guard';
import type { LetterChannel, LetterStatus } from '../../../shared/domain/correspondence/channels';
import type { Db } from '../../db/client';
import {
  addresses,
  agencies,
  benefitReductions,
  caseAppointments,
  caseTasks,
  caseTeamMembers,
  cases,
  letters,
  personAddresses,
  personContacts,
  users,
} from '../../db/schema';

export type BenefitReductionRow = typeof benefitReductions.$inferSelect;
export type BenefitReductionValues = Omit<typeof benefitReductions.$inferInsert, 'id'>;

/** The templates whose letters invite to an appointment. */
export const INVITATION_TEMPLATES = ['invitation', 'appointment'] as const;

/** The agency kinds that may provide the social work a second channel can go through. */
export const SOCIAL_WORK_AGENCY_KINDS = ['sozialamt', 'volunteer_centre'] as const;

/** The agency kinds that decide benefits (Jobcenter: SGB II; Sozialamt: AsylbLG/SGB XII). */
export const BENEFIT_AGENCY_KINDS = ['jobcenter', 'sozialamt'] as const;

export type CaseFacts = { id: string; personId: string; leadAgencyId: string; closedAt: Date | null };

export async function findCase(db: Db, caseId: string): Promise<CaseFacts | undefined> {
  const [row] = await db
    .select({ id: cases.id, personId: cases.personId, leadAgencyId: cases.leadAgencyId, closedAt: cases.closedAt })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  return row;
}

export type AppointmentFacts = {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  agencyId: string;
  userId: string | null;
};

export async function findAppointmentOfCase(
  db: Db,
  caseId: string,
  appointmentId: string,
): Promise<AppointmentFacts | undefined> {
  const [row] = await db
    .select({
      id: caseAppointments.id,
      title: caseAppointments.title,
      status: caseAppointments.status,
      startsAt: caseAppointments.startsAt,
      agencyId: caseAppointments.agencyId,
      userId: caseAppointments.userId,
    })
    .from(caseAppointments)
    .where(and(eq(caseAppointments.id, appointmentId), eq(caseAppointments.caseId, caseId)))
    .limit(1);
  return row;
}

const factsOf = (a: {
  mailboxPresent: boolean | null;
  mailDelivery: string | null;
  sharedAccommodation: boolean | null;
}): GuardAddressFacts => ({
  mailboxPresent: a.mailboxPresent,
  mailDelivery: (a.mailDelivery ?? 'unknown') as GuardAddressFacts['mailDelivery'],
  sharedAccommodation: a.sharedAccommodation,
});

/**
 * Every invitation letter for the appointment, whoever wrote it and whatever its confidentiality:
 * the guard must see a returned letter of another agency too. Only delivery facts are read (no
 * text), and only the guard's findings leave the server.
 */
export async function invitationLettersOf(db: Db, appointmentId: string): Promise<GuardLetter[]> {
  const rows = await db
    .select({
      id: letters.id,
      status: letters.status,
      channel: letters.channel,
      proofKind: letters.proofKind,
      sentAt: letters.sentAt,
      deliveredAt: letters.deliveredAt,
      returnedAt: letters.returnedAt,
      addressId: letters.addressId,
      mailboxPresent: addresses.mailboxPresent,
      mailDelivery: addresses.mailDelivery,
      sharedAccommodation: addresses.sharedAccommodation,
    })
    .from(letters)
    .leftJoin(addresses, eq(addresses.id, letters.addressId))
    .where(and(eq(letters.appointmentId, appointmentId), inArray(letters.template, [...INVITATION_TEMPLATES])))
    .orderBy(asc(letters.createdAt));
  return rows.map((r) => ({
    id: r.id,
    status: r.status as LetterStatus,
    channel: r.channel as LetterChannel,
    proofKind: r.proofKind,
    sentAt: r.sentAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    returnedAt: r.returnedAt?.toISOString() ?? null,
    address: r.addressId ? factsOf(r) : null,
  }));
}

/**
 * The person's current address for mail: a valid postal address first, else the first valid
 * residence or accommodation (by position). Shared accommodation when the register says so or the
 * address is recorded as an accommodation.
 */
export async function currentAddressFacts(db: Db, personId: string, today: string): Promise<GuardAddressFacts | null> {
  const rows = await db
    .select({
      kind: personAddresses.kind,
      mailboxPresent: addresses.mailboxPresent,
      mailDelivery: addresses.mailDelivery,
      sharedAccommodation: addresses.sharedAccommodation,
    })
    .from(personAddresses)
    .innerJoin(addresses, eq(addresses.id, personAddresses.addressId))
    .where(
      and(
        eq(personAddresses.personId, personId),
        or(isNull(personAddresses.validFrom), lte(personAddresses.validFrom, today)),
        or(isNull(personAddresses.validUntil), gte(personAddresses.validUntil, today)),
      ),
    )
    .orderBy(asc(personAddresses.position));
  const chosen = rows.find((r) => r.kind === 'postal') ?? rows[0];
  if (!chosen) return null;
  const facts = factsOf(chosen);
  return { ...facts, sharedAccommodation: facts.sharedAccommodation === true || chosen.kind === 'accommodation' };
}

/** Whether the person has a phone number they consented to being called on. */
export async function hasPhoneContact(db: Db, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: personContacts.id })
    .from(personContacts)
    .where(
      and(
        eq(personContacts.personId, personId),
        eq(personContacts.kind, 'phone'),
        eq(personContacts.consentToUse, true),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The current team's agencies with their kind. */
export async function teamAgencies(db: Db, caseId: string): Promise<{ id: string; kind: string }[]> {
  return db
    .selectDistinct({ id: agencies.id, kind: agencies.kind })
    .from(caseTeamMembers)
    .innerJoin(agencies, eq(agencies.id, caseTeamMembers.agencyId))
    .where(and(eq(caseTeamMembers.caseId, caseId), isNull(caseTeamMembers.leftAt)));
}

export async function insertReduction(tx: Db, values: BenefitReductionValues): Promise<string> {
  const [row] = await tx.insert(benefitReductions).values(values).returning({ id: benefitReductions.id });
  return row!.id;
}

export async function insertSecondChannelTask(
  tx: Db,
  values: {
    caseId: string;
    title: string;
    description: string | null;
    agencyId: string;
    userId: string | null;
    dueDate: string;
    reductionId: string;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(caseTasks)
    .values({
      caseId: values.caseId,
      title: values.title,
      description: values.description,
      assigneeAgencyId: values.agencyId,
      assigneeUserId: values.userId,
      dueDate: values.dueDate,
      status: 'open',
      source: 'benefit_reduction',
      sourceId: values.reductionId,
      createdAt: values.now,
      createdBy: values.userId,
      createdByAgencyId: values.agencyId,
      updatedAt: values.now,
      updatedBy: values.userId,
    })
    .returning({ id: caseTasks.id });
  return row!.id;
}

export type BenefitReductionRecord = {
  reduction: BenefitReductionRow;
  agency: { id: string; name: string };
  appointment: { id: string; title: string; startsAt: Date } | null;
  decidedBy: { id: string; displayName: string } | null;
  taskId: string | null;
};

const decider = alias(users, 'decider');

/** The case's reductions, newest first (or one of them). */
export async function reductionsOfCase(db: Db, caseId: string, id?: string): Promise<BenefitReductionRecord[]> {
  const rows = await db
    .select({
      reduction: benefitReductions,
      agency: { id: agencies.id, name: agencies.name },
      apptId: caseAppointments.id,
      apptTitle: caseAppointments.title,
      apptStartsAt: caseAppointments.startsAt,
      deciderId: decider.id,
      deciderName: decider.displayName,
    })
    .from(benefitReductions)
    .innerJoin(agencies, eq(agencies.id, benefitReductions.agencyId))
    .leftJoin(caseAppointments, eq(caseAppointments.id, benefitReductions.appointmentId))
    .leftJoin(decider, eq(decider.id, benefitReductions.decidedBy))
    .where(and(eq(benefitReductions.caseId, caseId), id ? eq(benefitReductions.id, id) : undefined))
    .orderBy(desc(benefitReductions.decidedAt), desc(benefitReductions.id));
  const ids = rows.map((r) => r.reduction.id);
  const tasks = ids.length
    ? await db
        .select({ id: caseTasks.id, sourceId: caseTasks.sourceId })
        .from(caseTasks)
        .where(and(eq(caseTasks.source, 'benefit_reduction'), inArray(caseTasks.sourceId, ids)))
    : [];
  const taskOf = new Map(tasks.map((t) => [t.sourceId, t.id]));
  return rows.map((r) => ({
    reduction: r.reduction,
    agency: r.agency,
    appointment:
      r.apptId && r.apptTitle && r.apptStartsAt ? { id: r.apptId, title: r.apptTitle, startsAt: r.apptStartsAt } : null,
    decidedBy: r.deciderId ? { id: r.deciderId, displayName: r.deciderName ?? '' } : null,
    taskId: taskOf.get(r.reduction.id) ?? null,
  }));
}
