import type { Assessment, AssessmentSummary } from '../../../shared/contracts/assessments';
import {
  domainCounts,
  emptyDomains,
  normaliseDomains,
  normaliseText,
} from '../../../shared/domain/assessment/assessment-content';
import { lifeDomainKeys, type LifeDomainKey } from '../../../shared/domain/assessment/life-domains';
import type { DataCategory } from '../../../shared/domain/data-protection/data-categories';
import { lifeDomainCategories, potentialAnalysisCategory } from '../../../shared/domain/data-protection/field-groups';
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

/** Which parts of an assessment the viewer's categories withhold. */
export function withheldParts(categories: ReadonlySet<DataCategory>): {
  domains: ReadonlySet<LifeDomainKey>;
  potentialAnalysis: boolean;
} {
  return {
    domains: new Set(lifeDomainKeys.filter((k) => !categories.has(lifeDomainCategories[k]))),
    potentialAnalysis: !categories.has(potentialAnalysisCategory),
  };
}

/**
 * The whole version. The stored domains are read through the domain's normaliser (fixed shape);
 * a domain (and the potential analysis) whose category the viewer may not see is sent empty with
 * `withheld`.
 */
export function presentAssessment(
  row: AssessmentRow,
  users: ReadonlyMap<string, UserRef>,
  categories: ReadonlySet<DataCategory>,
): Assessment {
  const withheld = withheldParts(categories);
  const stored = normaliseDomains(row.domains);
  const blank = emptyDomains();
  const domains = Object.fromEntries(
    lifeDomainKeys.map((k) => [
      k,
      withheld.domains.has(k) ? { ...blank[k], withheld: true } : { ...stored[k], withheld: false },
    ]),
  ) as Assessment['domains'];
  return {
    ...presentAssessmentSummary(row, users),
    domains,
    potentialAnalysis: withheld.potentialAnalysis ? null : normaliseText(row.potentialAnalysis),
    potentialAnalysisWithheld: withheld.potentialAnalysis,
  };
}
