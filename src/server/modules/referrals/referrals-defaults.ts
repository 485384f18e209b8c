import { eq, sql } from 'drizzle-orm';
import type { Criterion } from '../../../shared/domain/referrals/criteria';
import type { Db } from '../../db/client';
import { agencies, referralCriteria, referralRejectionReasons } from '../../db/schema';

/** The rejection reasons every installation starts with (editable: PUT /referral-rejection-reasons). */
export const defaultRejectionReasons: readonly { code: string; labelDe: string; labelEn: string }[] = [
  { code: 'german_insufficient', labelDe: 'Sprachniveau nicht ausreichend', labelEn: 'German level not sufficient' },
  { code: 'no_labour_market_access', labelDe: 'Kein Arbeitsmarktzugang', labelEn: 'No labour-market access' },
  { code: 'no_places', labelDe: 'Keine freien Plätze', labelEn: 'No places available' },
  { code: 'profile_mismatch', labelDe: 'Maßnahme passt nicht zum Profil', labelEn: 'Measure does not fit the profile' },
  { code: 'not_reachable', labelDe: 'Person nicht erreichbar', labelEn: 'Person not reachable' },
  { code: 'person_declines', labelDe: 'Person lehnt ab', labelEn: 'Person declines' },
  { code: 'not_responsible', labelDe: 'Zuständigkeit liegt anderswo', labelEn: 'Another agency is responsible' },
  { code: 'other', labelDe: 'Sonstiges', labelEn: 'Other' },
];

/** The Agentur für Arbeit's acceptance criteria until someone edits them: German ≥ B1, free access. */
export const defaultAgenturCriteria: readonly Criterion[] = [
  { kind: 'german_min', level: 'B1' },
  { kind: 'labour_market_access', allowed: ['free'] },
];

/**
 * Writes the default rejection reasons that are missing and the default acceptance criteria of
 * every agency of kind agentur_fuer_arbeit that has none yet. Idempotent, and never overwrites:
 * an edited reason or criteria list (also an emptied one) stays as it is. Runs after each
 * migration; agencies created later (the demo seed) get their criteria on the next run.
 */
export async function ensureReferralDefaults(db: Db): Promise<void> {
  await db
    .insert(referralRejectionReasons)
    .values(defaultRejectionReasons.map((r, position) => ({ ...r, active: true, position })))
    .onConflictDoNothing({ target: referralRejectionReasons.code });
  const agenturen = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.kind, 'agentur_fuer_arbeit'));
  if (agenturen.length === 0) return;
  await db
    .insert(referralCriteria)
    .values(agenturen.map((a) => ({ agencyId: a.id, criteria: [...defaultAgenturCriteria], updatedAt: sql`now()` })))
    .onConflictDoNothing({ target: referralCriteria.agencyId });
}
