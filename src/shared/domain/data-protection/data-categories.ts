import type { AgencyKind } from '../../contracts/common';

/**
 * Data categories of social data (issue 5). Every field group of a person and of a case belongs to
 * exactly one category; what an agency sees of a person is decided per category:
 * - by the category matrix (which agency kind may see which category for its own task, with the
 *   legal basis; configurable by the system administrator, defaults below);
 * - widened only by a specific consent or a recorded transfer that names the category.
 *
 * `youth_welfare` is specially protected (§ 65 SGB VIII): by default only the Jugendamt sees it,
 * and data entrusted to it leave it only with the consent of the person who entrusted them.
 */
export const dataCategories = [
  'identity',
  'contact',
  'residence_status',
  'benefits',
  'employment_profile',
  'health',
  'youth_welfare',
  'family',
  'case_notes',
  'housing',
] as const;
export type DataCategory = (typeof dataCategories)[number];

type Text = { de: string; en: string };

export const dataCategoryLabels: Record<DataCategory, Text> = {
  identity: { de: 'Identität', en: 'Identity' },
  contact: { de: 'Kontakt und Anschrift', en: 'Contact and address' },
  residence_status: { de: 'Aufenthaltsstatus', en: 'Residence status' },
  benefits: { de: 'Leistungen', en: 'Benefits' },
  employment_profile: { de: 'Arbeit, Bildung und Sprache', en: 'Employment, education and language' },
  health: { de: 'Gesundheit', en: 'Health' },
  youth_welfare: { de: 'Jugendhilfe (§ 65 SGB VIII)', en: 'Youth welfare (§ 65 SGB VIII)' },
  family: { de: 'Familie und Haushalt', en: 'Family and household' },
  case_notes: { de: 'Fallvermerke', en: 'Case notes' },
  housing: { de: 'Wohnen', en: 'Housing' },
};

/** What each category covers, for the matrix screen and the consent form. */
export const dataCategoryDescriptions: Record<DataCategory, Text> = {
  identity: {
    de: 'Name, Namensvarianten, Geschlecht, Geburtsdatum und -ort, Staatsangehörigkeit, Kennungen, Sprachen, Dolmetschbedarf',
    en: 'Name, name variants, sex, date and place of birth, nationality, identifiers, languages, interpreter need',
  },
  contact: { de: 'Telefon, E-Mail, Messenger, Anschriften', en: 'Phone, e-mail, messenger, addresses' },
  residence_status: {
    de: 'Aufenthaltsdokumente, Rechtskreis-Auswertung, Aufenthaltsstatus in der Einschätzung',
    en: 'Residence documents, legal-domain evaluation, residence status in the assessment',
  },
  benefits: { de: 'Leistungsbezug, Finanzen und Schulden', en: 'Benefits received, finances and debts' },
  employment_profile: {
    de: 'Deutschkenntnisse, Bildung, Qualifikationen, Arbeit, Kooperations- und Integrationspläne',
    en: 'German skills, education, qualifications, work, Kooperations- and integration plans',
  },
  health: { de: 'Gesundheit, ärztliche Unterlagen', en: 'Health, medical records' },
  youth_welfare: { de: 'Hilfepläne und Unterlagen der Jugendhilfe', en: 'Hilfepläne and youth welfare records' },
  family: { de: 'Haushalte, Familie und Kinderbetreuung', en: 'Households, family and childcare' },
  case_notes: {
    de: 'Vermerke zu Gesprächen, Hausbesuchen und Beratung',
    en: 'Notes on contacts, home visits and counselling',
  },
  housing: { de: 'Wohnsituation', en: 'Housing situation' },
};

/**
 * The default matrix: agency kind → the categories it needs for its own task, each with the legal
 * basis. Seeded into `category_access_rules` once; the system administrator changes it there.
 * The norms name the usual basis; the municipality's data protection officer confirms them.
 */
export type CategoryGrant = { category: DataCategory; legalBasis: string };

const always = (kindTask: string): CategoryGrant[] => [
  { category: 'identity', legalBasis: `${kindTask}; § 67a SGB X (Erhebung)` },
  { category: 'contact', legalBasis: `${kindTask}; § 67a SGB X (Erhebung)` },
  { category: 'case_notes', legalBasis: `${kindTask}; § 67b SGB X (Speicherung für die eigene Aufgabe)` },
];

export const defaultCategoryMatrix: Record<AgencyKind, CategoryGrant[]> = {
  sozialamt: [
    ...always('AsylbLG, SGB XII'),
    { category: 'residence_status', legalBasis: '§ 1 AsylbLG (Leistungsberechtigung folgt dem Aufenthaltsstatus)' },
    { category: 'benefits', legalBasis: '§§ 2, 3 AsylbLG; § 60 SGB I (Mitwirkung)' },
    { category: 'employment_profile', legalBasis: '§ 5 AsylbLG (Arbeitsgelegenheiten)' },
    { category: 'health', legalBasis: '§§ 4, 6 AsylbLG (Krankenbehandlung)' },
    { category: 'family', legalBasis: '§ 7 AsylbLG (Einkommen der Familie)' },
    { category: 'housing', legalBasis: '§ 3 AsylbLG (Unterkunft)' },
  ],
  jobcenter: [
    ...always('SGB II'),
    { category: 'residence_status', legalBasis: '§ 7 Abs. 1 SGB II (Leistungsausschlüsse)' },
    { category: 'benefits', legalBasis: '§§ 19 ff. SGB II' },
    { category: 'employment_profile', legalBasis: '§§ 14, 15 SGB II (Eingliederung, Kooperationsplan)' },
    { category: 'family', legalBasis: '§ 7 Abs. 3 SGB II (Bedarfsgemeinschaft)' },
    { category: 'housing', legalBasis: '§ 22 SGB II (Bedarfe für Unterkunft)' },
  ],
  auslaenderbehoerde: [
    ...always('AufenthG'),
    { category: 'residence_status', legalBasis: '§ 86 AufenthG (Erhebung durch die Ausländerbehörde)' },
    { category: 'employment_profile', legalBasis: '§ 4a AufenthG (Erlaubnis der Erwerbstätigkeit)' },
    { category: 'family', legalBasis: '§§ 27 ff. AufenthG (Familiennachzug)' },
  ],
  jugendamt: [
    ...always('SGB VIII'),
    { category: 'residence_status', legalBasis: '§ 42a SGB VIII (unbegleitete Minderjährige)' },
    { category: 'health', legalBasis: '§ 62 SGB VIII (Erhebung für die Hilfe)' },
    { category: 'youth_welfare', legalBasis: '§§ 61–65 SGB VIII' },
    { category: 'family', legalBasis: '§ 62 SGB VIII (Erhebung für die Hilfe)' },
    { category: 'housing', legalBasis: '§ 62 SGB VIII (Erhebung für die Hilfe)' },
  ],
  gesundheitsamt: [...always('ÖGDG NRW'), { category: 'health', legalBasis: '§ 62 Abs. 1 AsylG; ÖGDG NRW' }],
  wohnungsamt: [
    ...always('WFNG NRW, Unterbringung'),
    { category: 'family', legalBasis: 'WFNG NRW (Haushaltsgröße)' },
    { category: 'housing', legalBasis: 'WFNG NRW; FlüAG NRW (Unterbringung)' },
  ],
  agentur_fuer_arbeit: [
    ...always('SGB III'),
    { category: 'residence_status', legalBasis: '§ 39 AufenthG (Zustimmung zur Beschäftigung)' },
    { category: 'employment_profile', legalBasis: '§§ 35, 37 SGB III (Vermittlung, Potenzialanalyse)' },
  ],
  volunteer_centre: [
    { category: 'identity', legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)' },
    { category: 'contact', legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)' },
  ],
  steering: [],
};

export function defaultCategoriesOf(kind: AgencyKind): Set<DataCategory> {
  return new Set(defaultCategoryMatrix[kind].map((g) => g.category));
}

/** Categories that a consent must always include: nobody can be shown data without knowing whose. */
export const consentBaseCategories: readonly DataCategory[] = ['identity'];
