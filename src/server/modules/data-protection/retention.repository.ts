import { and, desc, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { emptyDomains } from '../../../shared/domain/assessment/assessment-content';
import {
  ANONYMISED_TEXT,
  recordClassDefinitions,
  recordClasses,
} from '../../../shared/domain/data-protection/retention';
import type { Db } from '../../db/client';
import {
  caseAppointments,
  caseAssessments,
  caseConferenceDecisions,
  caseConferenceParticipants,
  caseConferences,
  caseDocuments,
  caseEvents,
  caseNotes,
  casePlanGoals,
  casePlans,
  casePlanSteps,
  cases,
  caseTasks,
  consentEvidence,
  consents,
  dataTransfers,
  householdMembers,
  households,
  legalHolds,
  people,
  personAddresses,
  personContacts,
  personIdentifiers,
  personMerges,
  personNameVariants,
  purgeRuns,
  residenceDocuments,
  retentionPolicies,
  users,
} from '../../db/schema';
import { BLOCKING_KEYS_VERSION } from '../../../shared/domain/people-matching/blocking-keys';
import { dateOfBirthColumns } from '../people/people-matching';

export type RetentionPolicyRow = typeof retentionPolicies.$inferSelect;

/** Writes the default period of every record class that has no row yet; changed rows are kept. */
export async function insertMissingRetentionPolicies(db: Db): Promise<void> {
  await db
    .insert(retentionPolicies)
    .values(
      recordClasses.map((c) => {
        const d = recordClassDefinitions[c];
        return { recordClass: c, years: d.years, countsFrom: d.countsFrom, action: d.action, basis: d.basis };
      }),
    )
    .onConflictDoNothing();
}

export async function listRetentionPolicies(db: Db): Promise<RetentionPolicyRow[]> {
  return db.select().from(retentionPolicies);
}

export async function updateRetentionPolicy(
  db: Db,
  recordClass: string,
  values: { years: number; action: string; updatedAt: Date; updatedBy: string },
): Promise<void> {
  await db.update(retentionPolicies).set(values).where(eq(retentionPolicies.recordClass, recordClass));
}

// ---------------------------------------------------------------------------------------------
// Runs

export async function insertPurgeRun(
  db: Db,
  values: { startedAt: Date; dryRun: boolean; triggeredBy: string | null },
): Promise<string> {
  const [row] = await db.insert(purgeRuns).values(values).returning({ id: purgeRuns.id });
  return row!.id;
}

export async function finishPurgeRun(
  db: Db,
  id: string,
  finishedAt: Date,
  counts: Record<string, number>,
): Promise<void> {
  await db.update(purgeRuns).set({ finishedAt, counts }).where(eq(purgeRuns.id, id));
}

export async function listPurgeRuns(db: Db, limit: number) {
  return db
    .select({ run: purgeRuns, user: { id: users.id, displayName: users.displayName } })
    .from(purgeRuns)
    .leftJoin(users, eq(users.id, purgeRuns.triggeredBy))
    .orderBy(desc(purgeRuns.startedAt))
    .limit(limit);
}

export async function findPurgeRun(db: Db, id: string) {
  const rows = await db
    .select({ run: purgeRuns, user: { id: users.id, displayName: users.displayName } })
    .from(purgeRuns)
    .leftJoin(users, eq(users.id, purgeRuns.triggeredBy))
    .where(eq(purgeRuns.id, id));
  return rows[0] ?? null;
}
export type PurgeRunRecord = NonNullable<Awaited<ReturnType<typeof findPurgeRun>>>;

// ---------------------------------------------------------------------------------------------
// Candidates. Each query returns a superset (events before `cutoff`); the purge job decides the
// exact due day per record in the Europe/Berlin calendar.

/** People and cases under an active legal hold. */
export async function activeHolds(db: Db): Promise<{ people: Set<string>; cases: Set<string> }> {
  const rows = await db
    .select({ subjectType: legalHolds.subjectType, subjectId: legalHolds.subjectId })
    .from(legalHolds)
    .where(isNull(legalHolds.releasedAt));
  return {
    people: new Set(rows.filter((r) => r.subjectType === 'person').map((r) => r.subjectId)),
    cases: new Set(rows.filter((r) => r.subjectType === 'case').map((r) => r.subjectId)),
  };
}

export async function documentCandidates(db: Db, retentionClass: string, countsFrom: string, cutoff: Date) {
  const event = countsFrom === 'upload' ? caseDocuments.uploadedAt : cases.closedAt;
  return db
    .select({
      id: caseDocuments.id,
      caseId: caseDocuments.caseId,
      personId: cases.personId,
      uploadedAt: caseDocuments.uploadedAt,
      closedAt: cases.closedAt,
    })
    .from(caseDocuments)
    .innerJoin(cases, eq(cases.id, caseDocuments.caseId))
    .where(and(eq(caseDocuments.retentionClass, retentionClass), isNotNull(event), lt(event, cutoff)));
}

export async function caseCandidates(db: Db, cutoff: Date) {
  return db
    .select({ id: cases.id, personId: cases.personId, closedAt: cases.closedAt })
    .from(cases)
    .where(and(isNotNull(cases.closedAt), lt(cases.closedAt, cutoff), isNull(cases.anonymisedAt)));
}

/**
 * People without an open case whose registration, last change and last case closure all lie
 * before `cutoff`; merged records go with their survivor, anonymised ones are done.
 */
export async function personCandidates(db: Db, cutoff: Date) {
  const lastClosed = sql<Date | null>`(select max(c.closed_at) from cases c where c.person_id = ${people.id})`;
  const rows = await db
    .select({
      id: people.id,
      createdAt: people.createdAt,
      updatedAt: people.updatedAt,
      lastClosed: sql<string | null>`${lastClosed}::text`,
    })
    .from(people)
    .where(
      and(
        isNull(people.mergedIntoId),
        isNull(people.anonymisedAt),
        lt(people.createdAt, cutoff),
        lt(people.updatedAt, cutoff),
        sql`not exists (select 1 from cases c where c.person_id = ${people.id} and (c.closed_at is null or c.closed_at >= ${cutoff.toISOString()}))`,
      ),
    );
  return rows.map((r) => ({ ...r, lastClosed: r.lastClosed ? new Date(r.lastClosed) : null }));
}

export async function caseIdsOfPeople(db: Db, personIds: string[]): Promise<{ id: string; personId: string }[]> {
  if (personIds.length === 0) return [];
  return db.select({ id: cases.id, personId: cases.personId }).from(cases).where(inArray(cases.personId, personIds));
}

// ---------------------------------------------------------------------------------------------
// Deletion and anonymisation (call inside the item's transaction).

export async function deleteDocument(db: Db, id: string): Promise<void> {
  // case_document_contents goes with the row (on delete cascade).
  await db.delete(caseDocuments).where(eq(caseDocuments.id, id));
}

export async function deleteCase(db: Db, id: string): Promise<void> {
  await db.delete(cases).where(eq(cases.id, id));
}

/**
 * Keeps the case row with phase, dates and agencies for statistics; removes every text that
 * describes the person's situation: notes, documents, assessment texts, plan texts, task, appointment
 * and conference texts, reasons on the timeline.
 */
export async function anonymiseCase(db: Db, id: string, now: Date): Promise<void> {
  await db.delete(caseNotes).where(eq(caseNotes.caseId, id));
  await db.delete(caseDocuments).where(eq(caseDocuments.caseId, id));
  await db
    .update(caseAssessments)
    .set({ domains: emptyDomains(), potentialAnalysis: null, updatedAt: now, updatedBy: null })
    .where(eq(caseAssessments.caseId, id));
  const plans = db.select({ id: casePlans.id }).from(casePlans).where(eq(casePlans.caseId, id));
  await db
    .update(casePlanGoals)
    .set({ ownWords: ANONYMISED_TEXT, target: ANONYMISED_TEXT })
    .where(inArray(casePlanGoals.planId, plans));
  await db
    .update(casePlanSteps)
    .set({ measure: ANONYMISED_TEXT, result: null })
    .where(inArray(casePlanSteps.planId, plans));
  await db
    .update(casePlans)
    .set({ title: ANONYMISED_TEXT, updatedAt: now, updatedBy: null })
    .where(eq(casePlans.caseId, id));
  await db
    .update(caseTasks)
    .set({ title: ANONYMISED_TEXT, description: null, updatedAt: now, updatedBy: null })
    .where(eq(caseTasks.caseId, id));
  await db
    .update(caseAppointments)
    .set({ title: ANONYMISED_TEXT, location: null, updatedAt: now, updatedBy: null })
    .where(eq(caseAppointments.caseId, id));
  const conferences = db.select({ id: caseConferences.id }).from(caseConferences).where(eq(caseConferences.caseId, id));
  await db
    .update(caseConferenceDecisions)
    .set({ text: ANONYMISED_TEXT })
    .where(inArray(caseConferenceDecisions.conferenceId, conferences));
  await db
    .update(caseConferenceParticipants)
    .set({ externalName: null })
    .where(inArray(caseConferenceParticipants.conferenceId, conferences));
  await db
    .update(caseConferences)
    .set({ title: ANONYMISED_TEXT, minutes: null, agenda: [], location: null, updatedAt: now, updatedBy: null })
    .where(eq(caseConferences.caseId, id));
  await db.update(caseEvents).set({ note: null }).where(eq(caseEvents.caseId, id));
  await db
    .update(cases)
    .set({
      title: ANONYMISED_TEXT,
      closureOutcome: null,
      anonymisedAt: now,
      version: sql`${cases.version} + 1`,
      updatedAt: now,
      updatedBy: null,
    })
    .where(eq(cases.id, id));
}

/**
 * Anonymises a person and the records merged into them: names become "Gelöscht", the date of birth
 * keeps its year, place of birth, identifiers, contacts, address links and name variants go, and
 * so do the free texts and scans that name the person (residence document numbers and notes,
 * consent evidence and notes, merge snapshots). Nationality, sex and languages stay for statistics.
 */
export async function anonymisePerson(db: Db, ids: string[], now: Date): Promise<void> {
  await db.delete(personNameVariants).where(inArray(personNameVariants.personId, ids));
  await db.delete(personIdentifiers).where(inArray(personIdentifiers.personId, ids));
  await db.delete(personContacts).where(inArray(personContacts.personId, ids));
  await db.delete(personAddresses).where(inArray(personAddresses.personId, ids));
  await db
    .update(residenceDocuments)
    .set({ documentNumber: null, notes: null, updatedAt: now, updatedBy: null })
    .where(inArray(residenceDocuments.personId, ids));
  const personConsents = db.select({ id: consents.id }).from(consents).where(inArray(consents.personId, ids));
  await db.delete(consentEvidence).where(inArray(consentEvidence.consentId, personConsents));
  await db.update(consents).set({ evidenceNote: null, withdrawalNote: null }).where(inArray(consents.personId, ids));
  // A household name ("Familie …") names its members: it goes once no member is left unanonymised.
  const memberOf = db
    .select({ id: householdMembers.householdId })
    .from(householdMembers)
    .where(inArray(householdMembers.personId, ids));
  await db
    .update(households)
    .set({ name: null })
    .where(
      and(
        inArray(households.id, memberOf),
        sql`not exists (select 1 from household_members o join people p on p.id = o.person_id
          where o.household_id = ${households.id} and p.anonymised_at is null and ${notInArray(sql`p.id`, ids)})`,
      ),
    );
  // Free texts elsewhere that may name the person: the purpose of transfers about them.
  await db.update(dataTransfers).set({ purpose: ANONYMISED_TEXT }).where(inArray(dataTransfers.personId, ids));
  await db
    .update(personMerges)
    .set({ snapshot: { purged: true }, reason: null })
    .where(or(inArray(personMerges.survivorId, ids), inArray(personMerges.mergedId, ids)));
  const rows = await db.select({ id: people.id, dobYear: people.dobYear }).from(people).where(inArray(people.id, ids));
  for (const row of rows) {
    const dob = row.dobYear === null ? null : String(row.dobYear).padStart(4, '0');
    await db
      .update(people)
      .set({
        givenNames: ANONYMISED_TEXT,
        familyName: ANONYMISED_TEXT,
        ...dateOfBirthColumns(dob),
        placeOfBirth: null,
        // No blocking keys: an anonymised record must never come up in search or the duplicate check.
        blockingKeys: [],
        blockingKeysVersion: BLOCKING_KEYS_VERSION,
        anonymisedAt: now,
        version: sql`${people.version} + 1`,
        updatedAt: now,
        updatedBy: null,
      })
      .where(eq(people.id, row.id));
  }
}
