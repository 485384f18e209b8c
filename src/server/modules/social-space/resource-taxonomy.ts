/**
 * The default local categories of the resource directory (HSDS taxonomy "lotse-local"): what
 * caseworkers in Mülheim look for when they link a plan step to something in the neighbourhood.
 * Codes are English snake_case and never change once written (services store them); names may be
 * edited in the database and are then kept (see ensureSocialSpaceDefaults).
 */
import { createHash } from 'node:crypto';

/** A UUID (version 5 layout) derived from the given parts: the same parts give the same id. */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('|')).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The id of a default term: the same in every installation, so HSDS exchange keeps it. */
export const defaultTermId = (code: string) => derivedId('lotse-taxonomy-term', code);

export type DefaultTaxonomyTerm = { code: string; name: string; nameEn: string; description: string | null };

/** The HSDS taxonomy the local terms belong to. */
export const LOCAL_TAXONOMY = {
  id: '5f0b1f8e-7d0c-4b6e-9a77-000000000001',
  name: 'Lotse – lokale Kategorien',
  description: 'Kategorien des Ressourcenverzeichnisses im Sozialraum (Mülheim an der Ruhr)',
  uri: 'https://lotse.muelheim-ruhr.de/taxonomy/local',
  version: '1',
} as const;

export const defaultTaxonomyTerms: readonly DefaultTaxonomyTerm[] = [
  { code: 'bakery', name: 'Bäckerei', nameEn: 'Bakery', description: null },
  { code: 'hairdresser', name: 'Friseur', nameEn: 'Hairdresser', description: null },
  { code: 'pharmacy', name: 'Apotheke', nameEn: 'Pharmacy', description: null },
  {
    code: 'religious_community',
    name: 'Religionsgemeinschaft',
    nameEn: 'Religious community',
    description: 'Gemeinden, Moscheevereine, Kirchengemeinden',
  },
  { code: 'sports_club', name: 'Sportverein', nameEn: 'Sports club', description: null },
  {
    code: 'language_cafe',
    name: 'Sprachcafé',
    nameEn: 'Language café',
    description: 'Deutsch üben im Gespräch, ohne Anmeldung',
  },
  {
    code: 'counselling',
    name: 'Beratung',
    nameEn: 'Counselling',
    description: 'Migrationsberatung, Schuldnerberatung, Sozialberatung',
  },
  { code: 'childcare', name: 'Kinderbetreuung', nameEn: 'Childcare', description: 'Kitas, Tagespflege, Spielgruppen' },
  { code: 'medical_practice', name: 'Arztpraxis', nameEn: 'Medical practice', description: null },
  {
    code: 'employer',
    name: 'Arbeitgeber',
    nameEn: 'Employer',
    description: 'Betriebe, die Praktika oder Arbeit anbieten',
  },
  {
    code: 'language_course',
    name: 'Sprachkurs',
    nameEn: 'Language course',
    description: 'Integrationskurse, Berufssprachkurse',
  },
  { code: 'migrant_organisation', name: 'Migrantenorganisation', nameEn: 'Migrant organisation', description: null },
  { code: 'volunteer_initiative', name: 'Ehrenamtsinitiative', nameEn: 'Volunteer initiative', description: null },
  { code: 'food_bank', name: 'Lebensmittelausgabe', nameEn: 'Food bank', description: 'Tafel und ähnliche Ausgaben' },
  { code: 'school', name: 'Schule', nameEn: 'School', description: null },
  {
    code: 'meeting_place',
    name: 'Treffpunkt',
    nameEn: 'Meeting place',
    description: 'Stadtteiltreffs, Begegnungszentren',
  },
  { code: 'housing', name: 'Wohnen', nameEn: 'Housing', description: 'Wohnungssuche, Wohnungslosenhilfe' },
  {
    code: 'health_service',
    name: 'Gesundheitsangebot',
    nameEn: 'Health service',
    description: 'Beratung und Versorgung außerhalb von Praxen',
  },
];
