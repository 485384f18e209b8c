/**
 * The life domains (Lebensbereiche) of the resource-oriented assessment (Potenzialanalyse), in the
 * order the form shows them. The list is fixed: the comparison of two versions and the completion
 * rule walk it, and a version stored before a domain was added reads that domain as empty.
 */
export const lifeDomainKeys = [
  'language',
  'education_qualifications',
  'work',
  'health',
  'family_childcare',
  'housing',
  'finances_debts',
  'residence_status',
  'social_network',
  'participation_leisure',
] as const;
export type LifeDomainKey = (typeof lifeDomainKeys)[number];

export type Label = { de: string; en: string };

export const lifeDomainLabels: Readonly<Record<LifeDomainKey, Label>> = {
  language: { de: 'Sprache', en: 'Language' },
  education_qualifications: { de: 'Bildung und Qualifikationen', en: 'Education and qualifications' },
  work: { de: 'Arbeit', en: 'Work' },
  health: { de: 'Gesundheit', en: 'Health' },
  family_childcare: { de: 'Familie und Kinderbetreuung', en: 'Family and childcare' },
  housing: { de: 'Wohnen', en: 'Housing' },
  finances_debts: { de: 'Finanzen und Schulden', en: 'Finances and debts' },
  residence_status: { de: 'Aufenthaltsstatus', en: 'Residence status' },
  social_network: { de: 'Soziales Netzwerk', en: 'Social network' },
  participation_leisure: { de: 'Teilhabe und Freizeit', en: 'Participation and leisure' },
};

/**
 * Resource orientation: strengths and resources come first, needs and barriers second — in the
 * data, in the form and in the comparison.
 */
export const assessmentSections = ['strengths', 'needs'] as const;
export type AssessmentSection = (typeof assessmentSections)[number];

export const assessmentSectionLabels: Readonly<Record<AssessmentSection, Label>> = {
  strengths: { de: 'Stärken und Ressourcen', en: 'Strengths and resources' },
  needs: { de: 'Bedarfe und Hindernisse', en: 'Needs and barriers' },
};

/** Each section holds the person's own words and the caseworker's view, side by side. */
export const assessmentViews = ['personView', 'caseworkerView'] as const;
export type AssessmentView = (typeof assessmentViews)[number];

export const assessmentViewLabels: Readonly<Record<AssessmentView, Label>> = {
  personView: { de: 'Sicht der Person (in eigenen Worten)', en: "The person's view (in their own words)" },
  caseworkerView: { de: 'Einschätzung der Fachkraft', en: "The caseworker's view" },
};

/** How urgently the needs of a domain should be worked on; unrated when null. */
export const urgencyLevels = ['low', 'medium', 'high'] as const;
export type UrgencyLevel = (typeof urgencyLevels)[number];

export const urgencyLabels: Readonly<Record<UrgencyLevel, Label>> = {
  low: { de: 'gering', en: 'low' },
  medium: { de: 'mittel', en: 'medium' },
  high: { de: 'hoch', en: 'high' },
};

/** Text limits, shared by the API contract and the client's form. */
export const VIEW_TEXT_MAX = 4000;
export const POTENTIAL_ANALYSIS_MAX = 8000;
