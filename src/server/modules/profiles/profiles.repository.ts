import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, competenceProfiles } from '../../db/schema';

export type ProfileRow = typeof competenceProfiles.$inferSelect;
export type ProfileValues = Omit<typeof competenceProfiles.$inferInsert, 'id' | 'version' | 'personId'>;
/** A profile with the name of the agency that keeps it. */
export type ProfileRecord = { profile: ProfileRow; agencyName: string };

export async function findProfileOfPerson(db: Db, personId: string): Promise<ProfileRecord | undefined> {
  const [row] = await db
    .select({ profile: competenceProfiles, agencyName: agencies.name })
    .from(competenceProfiles)
    .innerJoin(agencies, eq(agencies.id, competenceProfiles.agencyId))
    .where(eq(competenceProfiles.personId, personId))
    .limit(1);
  return row;
}

export async function insertProfile(db: Db, personId: string, values: ProfileValues): Promise<ProfileRow> {
  const [row] = await db
    .insert(competenceProfiles)
    .values({ ...values, personId })
    .returning();
  return row!;
}

/** Replaces the profile when its version is still `expected`; undefined when someone was faster. */
export async function replaceProfileIfVersion(
  db: Db,
  personId: string,
  expected: number,
  values: Partial<ProfileValues>,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .update(competenceProfiles)
    .set({ ...values, version: expected + 1 })
    .where(and(eq(competenceProfiles.personId, personId), eq(competenceProfiles.version, expected)))
    .returning();
  return row;
}
