import type { dataProtectionDe } from './ui-de-data-protection';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings of the data-protection core. */
export const dataProtectionEn: Widen<typeof dataProtectionDe> = {
  nav: 'Data protection',
  withheldResidenceTitle: 'Residence and legal domain',
  withheld: {
    title: 'Not released to your agency',
    body: 'These details belong to the data category "{{category}}". Your agency sees them only with the person\'s consent or a documented transfer.',
  },
  grounds: {
    title: 'Your access to this person',
    registered: 'registered by your agency',
    case_team: 'your agency is on the case team',
    consent: "the person's consent",
    transfer: 'transfer on a legal basis',
    break_glass: 'emergency access',
    categories: 'Released categories',
    withheld: 'Not released',
  },
  hub: {
    title: 'Data protection',
    intro:
      'Each agency is its own data controller. Here you see which data categories each agency may see, and find transfers, emergency access, access reports, retention and legal holds.',
    links: {
      categoryMatrix: {
        title: 'Data categories and releases',
        text: 'Which kind of agency sees which category for its own task, with the legal basis.',
      },
      transfers: { title: 'Transfers', text: 'Log of transfers on a legal basis.' },
      breakGlass: { title: 'My emergency access', text: 'Your recent emergency access.' },
      breakGlassReviews: { title: 'Review emergency access', text: 'Every emergency access is reviewed afterwards.' },
      accessReports: {
        title: 'Report "who saw my data"',
        text: 'Access report under Art. 15 GDPR for a person, as PDF and JSON.',
      },
      retention: { title: 'Retention and deletion', text: 'Retention periods per record class and purge runs.' },
      legalHolds: { title: 'Legal holds', text: 'Holds that stop deletion of people and cases.' },
      audit: { title: 'Audit log', text: 'Every access to social data, with hash-chain verification.' },
    },
  },
  matrix: {
    title: 'Data categories and releases',
    intro:
      "The table shows which kind of agency sees which data category for its own task. Beyond that, an agency sees data only with the person's consent or a documented transfer.",
    caption: 'Releases per kind of agency',
    kind: 'Kind of agency',
    category: 'Category',
    granted: 'released',
    notGranted: 'not released',
    legalBasis: 'Legal basis',
    edit: 'Change releases: {{kind}}',
    editTitle: 'Releases for {{kind}}',
    editIntro:
      'Choose the categories and give the legal basis for each. The change applies from the next request of every user of this kind of agency.',
    grantCategory: 'Release {{category}}',
    legalBasisFor: 'Legal basis for "{{category}}"',
    legalBasisRequired: 'Please give the legal basis (at least 3 characters).',
    identityWarning:
      'Without the category "Identity" this kind of agency sees no person any more, not even with consent to other categories.',
    confirmTitle: 'Change releases?',
    confirmBody: 'The releases for {{kind}} will be replaced. The change is logged.',
    saved: 'The releases for {{kind}} were saved.',
    categoriesTitle: 'What the categories cover',
  },
};
