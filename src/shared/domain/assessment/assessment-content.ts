import {
  assessmentSections,
  assessmentViews,
  lifeDomainKeys,
  urgencyLevels,
  type LifeDomainKey,
  type UrgencyLevel,
} from './life-domains';

/** One section (strengths or needs) of a domain: the person's own words and the caseworker's view. */
export type AssessmentViews = { personView: string | null; caseworkerView: string | null };

/** What was found in one life domain. `notAssessed` states explicitly that the domain was not covered. */
export type DomainAssessment = {
  strengths: AssessmentViews;
  needs: AssessmentViews;
  notAssessed: boolean;
  urgency: UrgencyLevel | null;
};

export type AssessmentDomains = Record<LifeDomainKey, DomainAssessment>;

/** The content of one assessment version: every life domain and the overall potential analysis. */
export type AssessmentContent = { domains: AssessmentDomains; potentialAnalysis: string | null };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text as it is stored and compared: trimmed, with Windows line ends as "\n", and no text at
 * all (null) when nothing but white space is left. Anything that is not a string is no text.
 * Unpaired surrogates (which a JSON body can carry) become U+FFFD, as a text column would store
 * them; jsonb would refuse them.
 */
export function normaliseText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
}

export function emptyDomainAssessment(): DomainAssessment {
  return {
    strengths: { personView: null, caseworkerView: null },
    needs: { personView: null, caseworkerView: null },
    notAssessed: false,
    urgency: null,
  };
}

/** A fresh draft: every domain empty and not yet marked as "not assessed". */
export function emptyDomains(): AssessmentDomains {
  return Object.fromEntries(lifeDomainKeys.map((k) => [k, emptyDomainAssessment()])) as AssessmentDomains;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function normaliseDomain(raw: unknown): DomainAssessment {
  const domain = emptyDomainAssessment();
  if (!isRecord(raw)) return domain;
  for (const section of assessmentSections) {
    const views = raw[section];
    if (!isRecord(views)) continue;
    for (const view of assessmentViews) domain[section][view] = normaliseText(views[view]);
  }
  domain.notAssessed = raw.notAssessed === true;
  domain.urgency = (urgencyLevels as readonly unknown[]).includes(raw.urgency) ? (raw.urgency as UrgencyLevel) : null;
  return domain;
}

/**
 * Reads stored or submitted domain content into the full, fixed shape: every known life domain
 * present (a domain added to the list later reads as empty in older versions), unknown keys and
 * values dropped, texts normalised. The result is a fresh object; the input is not changed.
 */
export function normaliseDomains(raw: unknown): AssessmentDomains {
  const source = isRecord(raw) ? raw : {};
  return Object.fromEntries(lifeDomainKeys.map((k) => [k, normaliseDomain(source[k])])) as AssessmentDomains;
}

/** True when any of the four views of the domain holds text. */
export function domainHasText(domain: DomainAssessment): boolean {
  return assessmentSections.some((s) => assessmentViews.some((v) => domain[s][v] !== null));
}

/** Counts for lists and audit rows: never the texts themselves. */
export function domainCounts(domains: AssessmentDomains): { assessed: number; notAssessed: number } {
  let assessed = 0;
  let notAssessed = 0;
  for (const key of lifeDomainKeys) {
    const d = domains[key];
    if (d.notAssessed) notAssessed += 1;
    else if (domainHasText(d) || d.urgency !== null) assessed += 1;
  }
  return { assessed, notAssessed };
}
