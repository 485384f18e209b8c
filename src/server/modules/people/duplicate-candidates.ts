import type { DuplicateCheckResponse } from '../../../shared/contracts/people';
import { duplicateLookupKeys } from '../../../shared/domain/people-matching/blocking-keys';
import {
  DUPLICATE_CANDIDATE_THRESHOLD,
  PARTIAL_DOB_CANDIDATE_THRESHOLD,
  type DuplicateScore,
} from '../../../shared/domain/people-matching/duplicate-scoring';
import type { AnalysedPerson } from '../../../shared/domain/people-matching/person-analysis';
import type { ApiLocale } from '../../../shared/i18n/error-messages';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { presentPersonSummary } from './people.presenter';
import { findCandidatesByKeys, type PersonMatchRecord } from './people.repository';

/** At most this many candidates are scored per request; blocking keeps real blocks far smaller. */
export const CANDIDATE_CAP = 500;
/** The duplicate check shows at most this many candidates. */
export const DUPLICATE_CHECK_MAX = 20;

export type ScoredCandidate = { record: PersonMatchRecord; score: DuplicateScore };
type Candidate = DuplicateCheckResponse['candidates'][number];

/**
 * The duplicate check's candidates for `own` (a registration, or a registered person's own
 * record): visible people sharing a blocking key, scored by `scoreAgainst`, at or above the
 * threshold for own's date of birth, best first. Without a day-precise date of birth names are
 * weak evidence, so more candidates are listed for review (docs/people-matching.md, thresholds).
 */
export async function rankDuplicateCandidates(
  db: Db,
  viewer: Actor,
  own: AnalysedPerson,
  scoreAgainst: (candidate: PersonMatchRecord) => DuplicateScore,
  skip: (personId: string) => boolean = () => false,
): Promise<ScoredCandidate[]> {
  const threshold =
    own.dateOfBirth.precision === 'day' ? DUPLICATE_CANDIDATE_THRESHOLD : PARTIAL_DOB_CANDIDATE_THRESHOLD;
  const pool = await findCandidatesByKeys(db, duplicateLookupKeys(own), viewer, CANDIDATE_CAP);
  return pool
    .filter((record) => !skip(record.person.id))
    .map((record) => ({ record, score: scoreAgainst(record) }))
    .filter((c) => c.score.score >= threshold)
    .sort((x, y) => y.score.score - x.score.score || x.record.person.id.localeCompare(y.record.person.id))
    .slice(0, DUPLICATE_CHECK_MAX);
}

/** A candidate as the API answers it, with the reasons in the caller's language. */
export function presentCandidate({ record, score }: ScoredCandidate, locale: ApiLocale): Candidate {
  return {
    personId: record.person.id,
    score: score.score,
    reasons: score.reasons.map((r) => r[locale]),
    reasonCodes: score.reasons.map((r) => r.code),
    band: score.band === 'likely_duplicate' ? 'likely_duplicate' : 'candidate',
    person: presentPersonSummary(record),
  };
}
