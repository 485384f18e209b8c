import type { Assessment, AssessmentSummary } from '../../../shared/contracts/assessments';
import { domainCounts, normaliseDomains, normaliseText } from '../../../shared/domain/assessment/assessment-content';
import type { AssessmentRow, UserRef } from './assessments.repository';

function ref(users: ReadonlyMap<string, UserRef>, id: string | null): UserRef | null {
  if (id === null) return null;
  const user = users.get(id);
  return user ? { id: user.id, displayName: user.displayName } : null;
}

/** Whitelists a version's metadata: who and when, and counts — never its texts. */
export function presentAssessmentSummary(row: AssessmentRow, users: ReadonlyMap<string, UserRef>): AssessmentSummary {
  const counts = domainCounts(normaliseDomains(row.domains));
  return {
    id: row.id,
    caseId: row.caseId,
    versionNo: row.versionNo,
    status: row.status as AssessmentSummary['status'],
    revision: row.revision,
    assessedDomains: counts.assessed,
    notAssessedDomains: counts.notAssessed,
    hasPotentialAnalysis: normaliseText(row.potentialAnalysis) !== null,
    createdAt: row.createdAt.toISOString(),
    createdBy: ref(users, row.createdBy),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: ref(users, row.updatedBy),
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy: ref(users, row.completedBy),
  };
}

/** The whole version. The stored domains are read through the domain's normaliser (fixed shape). */
export function presentAssessment(row: AssessmentRow, users: ReadonlyMap<string, UserRef>): Assessment {
  return {
    ...presentAssessmentSummary(row, users),
    domains: normaliseDomains(row.domains),
    potentialAnalysis: normaliseText(row.potentialAnalysis),
  };
}
