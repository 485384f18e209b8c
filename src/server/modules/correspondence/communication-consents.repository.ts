import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, communicationConsents, outgoingMail, users } from '../../db/schema';

export type CommunicationConsentRow = typeof communicationConsents.$inferSelect;
/** A consent with the names the presenter shows. */
export type CommunicationConsentRecord = {
  consent: CommunicationConsentRow;
  agencyName: string;
  recordedByName: string | null;
};

const columns = {
  consent: communicationConsents,
  agencyName: agencies.name,
  recordedByName: users.displayName,
};

/** The person's channel consents, in force first, then newest first. */
export async function consentsOfPerson(db: Db, personId: string): Promise<CommunicationConsentRecord[]> {
  return db
    .select(columns)
    .from(communicationConsents)
    .innerJoin(agencies, eq(agencies.id, communicationConsents.recordedByAgencyId))
    .leftJoin(users, eq(users.id, communicationConsents.recordedBy))
    .where(eq(communicationConsents.personId, personId))
    .orderBy(
      sql`${communicationConsents.withdrawnAt} is not null`,
      desc(communicationConsents.givenOn),
      desc(communicationConsents.recordedAt),
      asc(communicationConsents.id),
    );
}

export async function findConsentOfPerson(
  db: Db,
  personId: string,
  consentId: string,
): Promise<CommunicationConsentRecord | undefined> {
  const [row] = await db
    .select(columns)
    .from(communicationConsents)
    .innerJoin(agencies, eq(agencies.id, communicationConsents.recordedByAgencyId))
    .leftJoin(users, eq(users.id, communicationConsents.recordedBy))
    .where(and(eq(communicationConsents.id, consentId), eq(communicationConsents.personId, personId)))
    .limit(1);
  return row;
}

/** Locks the consent row for the withdrawal (serialises with a concurrent send). */
export async function lockConsent(tx: Db, consentId: string): Promise<CommunicationConsentRow | undefined> {
  const [row] = await tx
    .select()
    .from(communicationConsents)
    .where(eq(communicationConsents.id, consentId))
    .for('update');
  return row;
}

export async function insertConsent(tx: Db, values: typeof communicationConsents.$inferInsert): Promise<string> {
  const [row] = await tx.insert(communicationConsents).values(values).returning({ id: communicationConsents.id });
  return row!.id;
}

/** Withdraws a consent still in force; false when it was already withdrawn. */
export async function markWithdrawn(tx: Db, consentId: string, at: Date, userId: string): Promise<boolean> {
  const rows = await tx
    .update(communicationConsents)
    .set({ withdrawnAt: at, withdrawnBy: userId, version: sql`${communicationConsents.version} + 1` })
    .where(and(eq(communicationConsents.id, consentId), isNull(communicationConsents.withdrawnAt)))
    .returning({ id: communicationConsents.id });
  return rows.length > 0;
}

/**
 * Cancels the e-mail not yet sent that relies on the consent: mail of letters sent by it, and
 * appointment reminders of the person's appointments to its address. Returns how many.
 */
export async function cancelMailOfConsent(
  tx: Db,
  consent: Pick<CommunicationConsentRow, 'id' | 'personId' | 'address'>,
): Promise<number> {
  const rows = await tx
    .update(outgoingMail)
    .set({ status: 'cancelled', lastError: 'consent withdrawn', nextAttemptAt: null })
    .where(
      and(
        inArray(outgoingMail.status, ['queued', 'held']),
        sql`(${outgoingMail.letterId} in (select l.id from letters l where l.communication_consent_id = ${consent.id})
          or (${outgoingMail.reminderId} is not null and ${outgoingMail.toAddress} = ${consent.address}
            and ${outgoingMail.reminderId} in (select r.id from appointment_reminders r
              join case_appointments a on a.id = r.appointment_id
              join cases c on c.id = a.case_id where c.person_id = ${consent.personId})))`,
      ),
    )
    .returning({ id: outgoingMail.id });
  return rows.length;
}
