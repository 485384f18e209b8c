import { normaliseText, type AssessmentContent } from './assessment-content';
import {
  assessmentSections,
  assessmentViews,
  lifeDomainKeys,
  type AssessmentSection,
  type AssessmentView,
  type LifeDomainKey,
  type UrgencyLevel,
} from './life-domains';

/** A text field of a domain, named by its path below the domain. */
export type AssessmentTextField = `${AssessmentSection}.${AssessmentView}`;

/** The text fields in form order: strengths before needs, the person's words before the caseworker's. */
export const assessmentTextFields: readonly AssessmentTextField[] = assessmentSections.flatMap((s) =>
  assessmentViews.map((v) => `${s}.${v}` as const),
);

/** added: there was no text before; removed: there is none after; changed: both differ. */
export type ChangeKind = 'added' | 'removed' | 'changed';

export type TextDifference = {
  field: AssessmentTextField;
  change: ChangeKind;
  before: string | null;
  after: string | null;
};

export type DomainComparison = {
  key: LifeDomainKey;
  /** True when anything in the domain differs. */
  changed: boolean;
  /** Only the text fields that differ, in form order. */
  texts: TextDifference[];
  /** Null when the mark did not change. */
  notAssessed: { before: boolean; after: boolean } | null;
  /** Null when the rating did not change. */
  urgency: { change: ChangeKind; before: UrgencyLevel | null; after: UrgencyLevel | null } | null;
};

export type AssessmentComparison = {
  /** Every life domain in list order, unchanged ones included (changed: false). */
  domains: DomainComparison[];
  /** The keys of the domains that differ, in list order. */
  changedDomains: LifeDomainKey[];
  /** Null when the potential analysis did not change. */
  potentialAnalysis: { change: ChangeKind; before: string | null; after: string | null } | null;
};

function changeOf<T>(before: T | null, after: T | null): ChangeKind | null {
  if (before === after) return null;
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return 'changed';
}

/**
 * Field-by-field differences from one assessment version to another. Texts are compared after
 * normalisation (trimmed, line ends unified, empty = no text), so re-saving the same words is not
 * a change. Pure: reads both inputs, changes neither.
 */
export function compareAssessments(from: AssessmentContent, to: AssessmentContent): AssessmentComparison {
  const domains = lifeDomainKeys.map((key): DomainComparison => {
    const a = from.domains[key];
    const b = to.domains[key];
    const texts: TextDifference[] = [];
    for (const section of assessmentSections) {
      for (const view of assessmentViews) {
        const before = normaliseText(a[section][view]);
        const after = normaliseText(b[section][view]);
        const change = changeOf(before, after);
        if (change) texts.push({ field: `${section}.${view}`, change, before, after });
      }
    }
    const notAssessed = a.notAssessed === b.notAssessed ? null : { before: a.notAssessed, after: b.notAssessed };
    const urgencyChange = changeOf(a.urgency, b.urgency);
    const urgency = urgencyChange ? { change: urgencyChange, before: a.urgency, after: b.urgency } : null;
    return { key, changed: texts.length > 0 || notAssessed !== null || urgency !== null, texts, notAssessed, urgency };
  });
  const before = normaliseText(from.potentialAnalysis);
  const after = normaliseText(to.potentialAnalysis);
  const change = changeOf(before, after);
  return {
    domains,
    changedDomains: domains.filter((d) => d.changed).map((d) => d.key),
    potentialAnalysis: change ? { change, before, after } : null,
  };
}
