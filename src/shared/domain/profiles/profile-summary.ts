import { lowestCefr, type CefrLevel } from '../referrals/criteria';
import { germanSkills, type GermanSkill } from './cefr';

/**
 * What other parts of Lotse read of a competence profile (criteria checks, the funnel, the
 * summary card): the overall German level, the highest education and whether a qualification is
 * recorded. Pure functions over the profile's lists.
 */

export type GermanLevels = Partial<Record<GermanSkill, CefrLevel | null>>;

/** The lowest of the four assessed German skills; null when none is assessed. */
export function germanOverall(levels: GermanLevels): CefrLevel | null {
  return lowestCefr(germanSkills.map((s) => levels[s] ?? null));
}

/** Highest ISCED level among completed education entries; null when none is completed. */
export function highestIscedLevel(education: readonly { iscedLevel: number; completed: boolean }[]): number | null {
  const done = education.filter((e) => e.completed).map((e) => e.iscedLevel);
  return done.length === 0 ? null : Math.max(...done);
}

/** A vocational or academic qualification is recorded (whatever its recognition). */
export function hasQualification(
  qualifications: readonly unknown[],
  education: readonly { iscedLevel: number; completed: boolean }[],
): boolean {
  return qualifications.length > 0 || education.some((e) => e.completed && e.iscedLevel >= 6);
}
