import type { caseHeaderDe } from './ui-de-case-header';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings of the case header (edit, reassign) and of naming colleagues on the case team. */
export const caseHeaderEn: Widen<typeof caseHeaderDe> = {
  team: {
    addIntro:
      'The agency will then see the case and the person. If you know who works on the case there, name the colleague.',
    colleague: 'Colleague',
    colleagueHint: 'Optional. Active caseworkers and team leads of the chosen agency.',
    noColleague: 'No one in particular (the agency)',
    chooseAgencyFirst: 'Choose an agency first',
    loadingColleagues: 'Loading colleagues …',
    noColleagues: 'No active caseworkers in this agency',
    colleagueWithTeam: '{{name}} ({{team}})',
    basisLegend: 'Basis of the transfer',
    basisHint:
      'Each agency is responsible for its own data. Another agency joins the case team only with a consent of the person naming it, or on a legal basis.',
    basisKind: 'Basis',
    basisKinds: {
      consent: 'Consent of the person',
      legal_basis: 'Legal basis (transfer)',
    },
    noConsent: 'There is no valid consent of the person for this agency.',
    chooseConsent: 'Choose a consent',
    consent: 'Consent',
    consentOption: 'from {{givenOn}} to {{expiresOn}}: {{categories}}',
    legalBasis: 'Legal basis',
    legalBasisHint: 'The norm, e.g. "§ 69 Abs. 1 Nr. 1 SGB X" or "§ 71 Abs. 2 SGB X i. V. m. § 87 AufenthG".',
    categories: 'Data categories transferred',
    categoriesHint: 'Only categories your agency sees itself. The transfer is recorded in the transfer log.',
    validUntil: 'Valid until',
    validUntilHint: 'Optional. One year if empty; the transfer ends when the agency leaves the team.',
    basisShown: {
      own: 'Own agency',
      consent: 'Consent of the person',
      consentEnded: 'Consent withdrawn or expired – no access any more',
      legal_basis: 'Legal basis: {{norm}}',
    },
  },
  edit: {
    open: 'Edit',
    title: 'Edit case',
    intro: 'Change the title and what the case covers. The change appears in the timeline.',
    saved: 'The case was saved.',
    unchanged: 'Nothing was changed.',
    submit: 'Save',
    formerHousehold: 'the household “{{name}}” (the person no longer belongs to it)',
  },
  reassign: {
    open: 'Reassign',
    title: 'Reassign case',
    currentLead: 'Current lead case manager: {{name}} ({{agency}})',
    intro:
      'You can choose the caseworkers of every agency on the case team. If a caseworker of another agency takes over, their agency becomes the lead; your agency stays on the team.',
    candidate: '{{name}} – {{agency}}',
    loading: 'Loading caseworkers …',
    done: 'The case is now with {{name}}.',
  },
};
