import type { DocumentType } from '../../contracts/case-records';
import type { PlanKind } from '../../contracts/case-plans';
import type { LifeDomainKey } from '../assessment/life-domains';
import type { DataCategory } from './data-categories';

/**
 * Which data category each field group belongs to. The presenters drop a group whose category the
 * viewer may not see (people.presenter, residence documents, households, the legal evaluation, the
 * case records); the test `data-protection-markers` plants a marker value in every group listed
 * here and proves that none reaches a viewer without the category.
 */

/** Field groups of the person record (GET /people/:id). The id, version and register entry are always shown. */
export const personFieldCategories = {
  givenNames: 'identity',
  familyName: 'identity',
  nameOrder: 'identity',
  nameVariants: 'identity',
  sex: 'identity',
  dateOfBirth: 'identity',
  placeOfBirth: 'identity',
  countryOfBirth: 'identity',
  nationalities: 'identity',
  identifiers: 'identity',
  languages: 'identity',
  interpreter: 'identity',
  germanLevels: 'employment_profile',
  contacts: 'contact',
  addresses: 'contact',
  households: 'family',
} as const satisfies Record<string, DataCategory>;
export type PersonFieldGroup = keyof typeof personFieldCategories;

/** Residence documents and the legal-domain evaluation built on them. */
export const residenceCategory: DataCategory = 'residence_status';
/** Households (members, relationships). */
export const householdCategory: DataCategory = 'family';
/** Case notes, whatever their kind; their confidentiality level narrows further. */
export const caseNoteCategory: DataCategory = 'case_notes';

export const lifeDomainCategories: Record<LifeDomainKey, DataCategory> = {
  language: 'employment_profile',
  education_qualifications: 'employment_profile',
  work: 'employment_profile',
  health: 'health',
  family_childcare: 'family',
  housing: 'housing',
  finances_debts: 'benefits',
  residence_status: 'residence_status',
  social_network: 'case_notes',
  participation_leisure: 'case_notes',
};
/** The assessment's potential analysis (strengths for work and training). */
export const potentialAnalysisCategory: DataCategory = 'employment_profile';

export const documentTypeCategories: Record<DocumentType, DataCategory> = {
  identity_document: 'identity',
  residence_document: 'residence_status',
  certificate: 'employment_profile',
  qualification: 'employment_profile',
  application: 'benefits',
  decision_notice: 'benefits',
  medical: 'health',
  correspondence: 'case_notes',
  contract: 'case_notes',
  other: 'case_notes',
};

export const planKindCategories: Record<PlanKind, DataCategory> = {
  integration_plan: 'employment_profile',
  kooperationsplan: 'employment_profile',
  hilfeplan: 'youth_welfare',
};
