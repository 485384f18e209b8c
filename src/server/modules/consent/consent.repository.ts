import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { agencies, consentEvidence, consents, consentTexts, municipality, people, users } from '../../db/schema';

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentValues = Omit<typeof consents.$inferInsert, 'id'>;
export type AgencyRef = { id: string; name: string; kind: string };
export type EvidenceMeta = { mediaType: string; sizeBytes: number; uploadedAt: Date };
/** A consent with the names the presenter shows and the metadata (never the bytes) of its scan. */
export type ConsentRecord = {
  consent: ConsentRow;
  recordedByAgency: { id: string; name: string };
  recordedBy: { id: string; displayName: string } | null;
  evidence: EvidenceMeta | null;
};

const recorder = alias(users, 'recorder');

const columns = {
  consent: consents,
  recordedByAgency: { id: agencies.id, name: agencies.name },
  recordedById: recorder.id,
  recordedByName: recorder.displayName,
  evidenceMediaType: consentEvidence.mediaType,
  evidenceSize: consentEvidence.sizeBytes,
  evidenceUploadedAt: consentEvidence.uploadedAt,
};

type Row = {
  consent: ConsentRow;
  recordedByAgency: { id: string; name: string };
  recordedById: string | null;
  recordedByName: string | null;
  evidenceMediaType: string | null;
  evidenceSize: number | null;
  evidenceUploadedAt: Date | null;
};

function toRecord(r: Row): ConsentRecord {
  return {
    consent: r.consent,
    recordedByAgency: r.recordedByAgency,
    recordedBy: r.recordedById && r.recordedByName ? { id: r.recordedById, displayName: r.recordedByName } : null,
    evidence:
      r.evidenceMediaType && r.evidenceSize !== null && r.evidenceUploadedAt
        ? { mediaType: r.evidenceMediaType, sizeBytes: r.evidenceSize, uploadedAt: r.evidenceUploadedAt }
        : null,
  };
}

function selectRecords(db: Db) {
  return db
    .select(columns)
    .from(consents)
    .innerJoin(agencies, eq(agencies.id, consents.recordedByAgencyId))
    .leftJoin(recorder, eq(recorder.id, consents.recordedBy))
    .leftJoin(consentEvidence, eq(consentEvidence.consentId, consents.id));
}

/** All consents of a person, newest first. */
export async function consentsOfPerson(db: Db, personId: string): Promise<ConsentRecord[]> {
  const rows = await selectRecords(db)
    .where(eq(consents.personId, personId))
    .orderBy(desc(consents.givenOn), desc(consents.recordedAt), desc(consents.id));
  return rows.map(toRecord);
}

export async function findConsent(db: Db, id: string): Promise<ConsentRecord | undefined> {
  const [row] = await selectRecords(db).where(eq(consents.id, id)).limit(1);
  return row ? toRecord(row) : undefined;
}

export async function insertConsent(db: Db, values: ConsentValues): Promise<string> {
  const [row] = await db.insert(consents).values(values).returning({ id: consents.id });
  return row!.id;
}

/**
 * Records the withdrawal unless one is recorded already (compare-and-set: of two concurrent
 * withdrawals exactly one succeeds). Returns whether this call withdrew the consent.
 */
export async function withdrawConsent(
  db: Db,
  id: string,
  values: { withdrawnAt: Date; withdrawnBy: string; withdrawalNote: string },
): Promise<boolean> {
  const rows = await db
    .update(consents)
    .set({ ...values, version: sql`${consents.version} + 1` })
    .where(and(eq(consents.id, id), isNull(consents.withdrawnAt)))
    .returning({ id: consents.id });
  return rows.length === 1;
}

/** Stores the scan unless one is stored already; returns whether this call stored it. */
export async function insertEvidence(
  db: Db,
  values: { consentId: string; mediaType: string; content: Buffer; uploadedAt: Date; uploadedBy: string },
): Promise<boolean> {
  const rows = await db
    .insert(consentEvidence)
    .values({ ...values, sizeBytes: values.content.length })
    .onConflictDoNothing({ target: consentEvidence.consentId })
    .returning({ id: consentEvidence.consentId });
  return rows.length === 1;
}

export async function evidenceContent(
  db: Db,
  consentId: string,
): Promise<{ mediaType: string; content: Uint8Array } | undefined> {
  const [row] = await db
    .select({ mediaType: consentEvidence.mediaType, content: consentEvidence.content })
    .from(consentEvidence)
    .where(eq(consentEvidence.consentId, consentId))
    .limit(1);
  return row;
}

/** The newest version of the text in each language. */
export async function currentTexts(db: Db): Promise<(typeof consentTexts.$inferSelect)[]> {
  const newest = sql`${consentTexts.version} = (select max(t2.version) from consent_texts t2 where t2.language = ${consentTexts.language})`;
  return db.select().from(consentTexts).where(newest);
}

export async function findText(
  db: Db,
  version: number,
  language: string,
): Promise<typeof consentTexts.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(consentTexts)
    .where(and(eq(consentTexts.version, version), eq(consentTexts.language, language)))
    .limit(1);
  return row;
}

export async function agenciesByIds(db: Db, ids: readonly string[]): Promise<AgencyRef[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
}

/** The agencies a consent recorded by `agencyId` could name at all (every other agency but steering). */
export async function possibleRecipientIds(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(ne(agencies.id, agencyId), ne(agencies.kind, 'steering')));
  return rows.map((r) => r.id);
}

/** What the printed form says about the person and the town. */
export async function formFacts(
  db: Db,
  personId: string,
): Promise<
  | {
      person: { givenNames: string; familyName: string; nameOrder: string; dateOfBirthRaw: string | null };
      municipality: string | null;
    }
  | undefined
> {
  const [person] = await db
    .select({
      givenNames: people.givenNames,
      familyName: people.familyName,
      nameOrder: people.nameOrder,
      dateOfBirthRaw: people.dateOfBirthRaw,
    })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  if (!person) return undefined;
  const [town] = await db.select({ name: municipality.name }).from(municipality).limit(1);
  return { person, municipality: town?.name ?? null };
}
