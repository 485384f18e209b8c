import { and, asc, count, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { agencies, caseAppointments, cases, people, users } from '../../db/schema';
import type { Actor } from '../../platform/access/actor';
import { caseVisibleTo } from './case-scope';
import type { Ref, UserRef } from './case-records.repository';

export type AppointmentRow = typeof caseAppointments.$inferSelect;
export type AppointmentValues = Omit<typeof caseAppointments.$inferInsert, 'id' | 'version'>;

/** An appointment with the names the presenter shows. */
export type AppointmentRecord = {
  appointment: AppointmentRow;
  agency: Ref;
  user: UserRef | null;
  createdBy: UserRef | null;
  updatedBy: UserRef | null;
};

export type MyAppointmentRecord = AppointmentRecord & {
  case: { id: string; reference: string; title: string };
  person: { id: string; givenNames: string; familyName: string };
};

const namedUser = alias(users, 'named_user');
const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

const columns = {
  appointment: caseAppointments,
  agency: { id: agencies.id, name: agencies.name },
  userId: namedUser.id,
  userName: namedUser.displayName,
  creatorId: creator.id,
  creatorName: creator.displayName,
  updaterId: updater.id,
  updaterName: updater.displayName,
};

type JoinedRow = {
  appointment: AppointmentRow;
  agency: Ref;
  userId: string | null;
  userName: string | null;
  creatorId: string | null;
  creatorName: string | null;
  updaterId: string | null;
  updaterName: string | null;
};

const ref = (id: string | null, displayName: string | null): UserRef | null =>
  id ? { id, displayName: displayName ?? '' } : null;

function toRecord(r: JoinedRow): AppointmentRecord {
  return {
    appointment: r.appointment,
    agency: r.agency,
    user: ref(r.userId, r.userName),
    createdBy: ref(r.creatorId, r.creatorName),
    updatedBy: ref(r.updaterId, r.updaterName),
  };
}

/**
 * When an appointment counts as over: at its end, or an hour after its start when it has no end
 * (a consultation without an end is still "upcoming" while it takes place).
 */
const overAt = sql`coalesce(${caseAppointments.endsAt}, ${caseAppointments.startsAt} + interval '1 hour')`;

/** One page of the case's upcoming (soonest first) or past (latest first) appointments, and the total. */
export async function appointmentsOfCase(
  db: Db,
  caseId: string,
  when: 'upcoming' | 'past',
  now: Date,
  limit: number,
  offset: number,
): Promise<{ rows: AppointmentRecord[]; total: number }> {
  const where = and(
    eq(caseAppointments.caseId, caseId),
    when === 'upcoming'
      ? sql`${overAt} >= ${now.toISOString()}::timestamptz`
      : sql`${overAt} < ${now.toISOString()}::timestamptz`,
  );
  const order = when === 'upcoming' ? asc : desc;
  const rows = await db
    .select(columns)
    .from(caseAppointments)
    .innerJoin(agencies, eq(agencies.id, caseAppointments.agencyId))
    .leftJoin(namedUser, eq(namedUser.id, caseAppointments.userId))
    .leftJoin(creator, eq(creator.id, caseAppointments.createdBy))
    .leftJoin(updater, eq(updater.id, caseAppointments.updatedBy))
    .where(where)
    .orderBy(order(caseAppointments.startsAt), order(caseAppointments.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(caseAppointments).where(where);
  return { rows: rows.map(toRecord), total: Number(total?.n ?? 0) };
}

/** The appointment if it belongs to the case. */
export async function findAppointment(
  db: Db,
  caseId: string,
  appointmentId: string,
): Promise<AppointmentRecord | undefined> {
  const [row] = await db
    .select(columns)
    .from(caseAppointments)
    .innerJoin(agencies, eq(agencies.id, caseAppointments.agencyId))
    .leftJoin(namedUser, eq(namedUser.id, caseAppointments.userId))
    .leftJoin(creator, eq(creator.id, caseAppointments.createdBy))
    .leftJoin(updater, eq(updater.id, caseAppointments.updatedBy))
    .where(and(eq(caseAppointments.id, appointmentId), eq(caseAppointments.caseId, caseId)))
    .limit(1);
  return row ? toRecord(row) : undefined;
}

export async function insertAppointment(tx: Db, values: AppointmentValues): Promise<string> {
  const [row] = await tx.insert(caseAppointments).values(values).returning({ id: caseAppointments.id });
  return row!.id;
}

/** Compare-and-set on the version; undefined when someone changed the appointment first. */
export async function updateAppointmentIfVersion(
  tx: Db,
  caseId: string,
  appointmentId: string,
  expectedVersion: number,
  values: Partial<Omit<AppointmentValues, 'caseId' | 'createdAt' | 'createdBy'>>,
): Promise<AppointmentRow | undefined> {
  const [row] = await tx
    .update(caseAppointments)
    .set({ ...values, version: sql`${caseAppointments.version} + 1` })
    .where(
      and(
        eq(caseAppointments.id, appointmentId),
        eq(caseAppointments.caseId, caseId),
        eq(caseAppointments.version, expectedVersion),
      ),
    )
    .returning();
  return row;
}

export type MyAppointmentsFilter = {
  scope: 'mine' | 'team';
  actor: Actor;
  now: Date;
  userId: string;
  agencyId: string;
  from: Date;
  /** Exclusive. */
  until: Date;
  plannedOnly: boolean;
};

/**
 * The appointments naming the user (scope mine), or also those of the user's agency without a
 * named colleague (team), starting in [from, until), on cases the user may see (case-scope.ts);
 * soonest first, with case reference and person.
 */
export async function myAppointments(
  db: Db,
  f: MyAppointmentsFilter,
  limit: number,
  offset: number,
): Promise<{ rows: MyAppointmentRecord[]; total: number }> {
  const whose: SQL =
    f.scope === 'mine'
      ? eq(caseAppointments.userId, f.userId)
      : or(
          eq(caseAppointments.userId, f.userId),
          and(eq(caseAppointments.agencyId, f.agencyId), isNull(caseAppointments.userId)),
        )!;
  const where = and(
    whose,
    caseVisibleTo(f.actor, f.now),
    gte(caseAppointments.startsAt, f.from),
    lt(caseAppointments.startsAt, f.until),
    f.plannedOnly ? eq(caseAppointments.status, 'planned') : undefined,
  );
  const rows = await db
    .select({
      ...columns,
      case: { id: cases.id, reference: cases.reference, title: cases.title },
      person: { id: people.id, givenNames: people.givenNames, familyName: people.familyName },
    })
    .from(caseAppointments)
    .innerJoin(cases, eq(cases.id, caseAppointments.caseId))
    .innerJoin(people, eq(people.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, caseAppointments.agencyId))
    .leftJoin(namedUser, eq(namedUser.id, caseAppointments.userId))
    .leftJoin(creator, eq(creator.id, caseAppointments.createdBy))
    .leftJoin(updater, eq(updater.id, caseAppointments.updatedBy))
    .where(where)
    .orderBy(asc(caseAppointments.startsAt), asc(caseAppointments.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(caseAppointments)
    .innerJoin(cases, eq(cases.id, caseAppointments.caseId))
    .where(where);
  return {
    rows: rows.map((r) => ({ ...toRecord(r), case: r.case, person: r.person })),
    total: Number(total?.n ?? 0),
  };
}
