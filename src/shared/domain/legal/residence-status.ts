/**
 * From a residence document and its legal basis to the status the rules reason about. The
 * document is separated from the legal status (domain research §3.1): an Aufenthaltserlaubnis is
 * a different status per paragraph, a Fiktionsbescheinigung is the status of the title it
 * continues or that was applied for.
 */
import type { LegalDocumentKind } from '../../contracts/legal';
import { normaliseLegalBasis } from '../residence-documents/legal-basis';

/** What a title means for the rules (see TITLE_GROUPS). */
export type TitleGroup =
  | 'recognised_asylum'
  | 'protection'
  | 'deportation_ban'
  | 'temporary_stay'
  | 'extended_stay'
  | 'trafficking_victim'
  | 'departure_impossible'
  | 'integrated_youth'
  | 'integrated_long_term'
  | 'opportunity'
  | 'temporary_protection'
  | 'land_admission'
  | 'federal_admission'
  | 'hardship'
  | 'international_law'
  | 'training_study'
  | 'education_other'
  | 'job_search'
  | 'employment_entitling'
  | 'employment_other'
  | 'family_entitling'
  | 'family_other'
  | 'long_term_other_eu'
  | 'settlement'
  | 'eu_long_term';

export type TitleTraits = {
  /** Where benefits come from when the person is in need. */
  benefit: 'sgb' | 'asylblg' | 'section24' | 'section25_5' | 'training_study' | 'job_search';
  labour: 'free' | 'permission' | 'as_stated';
  course: 'entitled' | 'entitled_104c' | 'discretionary';
  /** A first title of this kind brings the Wohnsitzregelung of § 12a AufenthG. */
  section12a: boolean;
  /** Usually granted to someone already in Germany under the AsylbLG (asylum, Duldung): the AsylbLG runs to the month's end. */
  fromAsylbLG: boolean;
  /** § 44 Abs. 4 Satz 2 names the group explicitly (§ 24, § 25 Abs. 5). */
  namedInSection44Abs4: boolean;
  label: { de: string; en: string };
};

const t = (
  benefit: TitleTraits['benefit'],
  labour: TitleTraits['labour'],
  course: TitleTraits['course'],
  section12a: boolean,
  fromAsylbLG: boolean,
  de: string,
  en: string,
  namedInSection44Abs4 = false,
): TitleTraits => ({ benefit, labour, course, section12a, fromAsylbLG, namedInSection44Abs4, label: { de, en } });

/** Domain research §3.2 rows 6–19 (verified/unverified marks per rule in the catalogue). */
export const TITLE_GROUPS: Readonly<Record<TitleGroup, TitleTraits>> = {
  recognised_asylum: t('sgb', 'free', 'entitled', true, true, 'Asylberechtigung', 'entitlement to asylum'),
  protection: t(
    'sgb',
    'free',
    'entitled',
    true,
    true,
    'Flüchtlingseigenschaft oder subsidiärer Schutz',
    'refugee status or subsidiary protection',
  ),
  deportation_ban: t(
    'sgb',
    'free',
    'discretionary',
    true,
    true,
    'nationales Abschiebungsverbot',
    'national deportation ban',
  ),
  temporary_stay: t(
    'asylblg',
    'permission',
    'discretionary',
    false,
    true,
    'vorübergehender Aufenthalt (§ 25 Abs. 4 Satz 1)',
    'temporary stay (§ 25(4) sentence 1)',
  ),
  extended_stay: t(
    'sgb',
    'permission',
    'discretionary',
    false,
    true,
    'Verlängerung nach § 25 Abs. 4 Satz 2',
    'extension under § 25(4) sentence 2',
  ),
  trafficking_victim: t(
    'sgb',
    'permission',
    'discretionary',
    false,
    true,
    'Opfer von Menschenhandel oder illegaler Beschäftigung',
    'victim of trafficking or illegal employment',
  ),
  departure_impossible: t(
    'section25_5',
    'permission',
    'discretionary',
    false,
    true,
    'Ausreise unmöglich (§ 25 Abs. 5)',
    'departure impossible (§ 25(5))',
    true,
  ),
  integrated_youth: t(
    'sgb',
    'free',
    'discretionary',
    false,
    true,
    'gut integrierte Jugendliche (§ 25a)',
    'well-integrated young people (§ 25a)',
  ),
  integrated_long_term: t(
    'sgb',
    'free',
    'entitled',
    false,
    true,
    'nachhaltige Integration (§ 25b)',
    'sustainable integration (§ 25b)',
  ),
  opportunity: t(
    'sgb',
    'free',
    'entitled_104c',
    false,
    true,
    'Chancen-Aufenthaltsrecht (§ 104c)',
    'opportunity residence (§ 104c)',
  ),
  temporary_protection: t(
    'section24',
    'free',
    'discretionary',
    true,
    false,
    'vorübergehender Schutz (§ 24)',
    'temporary protection (§ 24)',
    true,
  ),
  land_admission: t(
    'asylblg',
    'permission',
    'discretionary',
    true,
    false,
    'Aufnahme durch ein Land (§ 23 Abs. 1)',
    'admission by a Land (§ 23(1))',
  ),
  federal_admission: t(
    'sgb',
    'free',
    'entitled',
    true,
    false,
    'Aufnahme durch den Bund (§ 23 Abs. 2 oder 4)',
    'federal admission (§ 23(2) or (4))',
  ),
  hardship: t('sgb', 'free', 'discretionary', false, true, 'Härtefall (§ 23a)', 'hardship case (§ 23a)'),
  international_law: t(
    'sgb',
    'free',
    'discretionary',
    true,
    false,
    'völkerrechtliche oder politische Gründe (§ 22)',
    'international-law or political grounds (§ 22)',
  ),
  training_study: t(
    'training_study',
    'as_stated',
    'discretionary',
    false,
    false,
    'Ausbildung oder Studium',
    'vocational training or studies',
  ),
  education_other: t(
    'sgb',
    'as_stated',
    'discretionary',
    false,
    false,
    'sonstiger Bildungszweck',
    'other education purpose',
  ),
  job_search: t(
    'job_search',
    'as_stated',
    'discretionary',
    false,
    false,
    'Suche nach Arbeit oder Ausbildungsplatz',
    'looking for work or a training place',
  ),
  employment_entitling: t(
    'sgb',
    'as_stated',
    'entitled',
    false,
    false,
    'Erwerbstätigkeit (Fachkräfte)',
    'employment (skilled workers)',
  ),
  employment_other: t(
    'sgb',
    'as_stated',
    'discretionary',
    false,
    false,
    'sonstige Erwerbstätigkeit',
    'other employment',
  ),
  family_entitling: t('sgb', 'free', 'entitled', false, false, 'Familiennachzug', 'family reunion'),
  family_other: t(
    'sgb',
    'free',
    'discretionary',
    false,
    false,
    'eigenständiges Aufenthaltsrecht der Familie',
    'independent right of family members',
  ),
  long_term_other_eu: t(
    'sgb',
    'as_stated',
    'entitled',
    false,
    false,
    'langfristig Aufenthaltsberechtigte (§ 38a)',
    'long-term residents of another EU state (§ 38a)',
  ),
  settlement: t('sgb', 'free', 'discretionary', false, false, 'Niederlassungserlaubnis', 'settlement permit'),
  eu_long_term: t('sgb', 'free', 'discretionary', false, false, 'Daueraufenthalt-EU', 'EU long-term residence'),
};

/** The parts of a canonical legal basis ("AufenthG § 25 Abs. 4a Satz 3"). */
export type Citation = { law: string; paragraph: string; absatz: string | null; satz: number | null; text: string };

/** Parses a legal basis as caseworkers type it; null when it is not one citation of a known law. */
export function parseLegalBasis(raw: string): Citation | null {
  const text = normaliseLegalBasis(raw);
  const m =
    /^(AufenthG|AsylG|AsylVfG|FreizügG\/EU|AufenthV|BeschV|AsylbLG) § (\d+[a-z]?)(?: Abs\. (\d+[a-z]?))?(?: Satz (\d+))?/.exec(
      text,
    );
  if (!m) return null;
  return { law: m[1]!, paragraph: m[2]!, absatz: m[3] ?? null, satz: m[4] ? Number(m[4]) : null, text };
}

/** The title group of an AufenthG paragraph, or null for a paragraph that is no Aufenthaltserlaubnis the rules know. */
function titleGroupOf(c: Citation): TitleGroup | null {
  const p = c.paragraph;
  const abs = c.absatz;
  switch (p) {
    case '25':
      if (abs === '1') return 'recognised_asylum';
      if (abs === '2') return 'protection';
      if (abs === '3') return 'deportation_ban';
      if (abs === '4') return c.satz === 2 ? 'extended_stay' : 'temporary_stay';
      if (abs === '4a' || abs === '4b') return 'trafficking_victim';
      if (abs === '5') return 'departure_impossible';
      return null;
    case '25a':
      return 'integrated_youth';
    case '25b':
      return 'integrated_long_term';
    case '104c':
      return 'opportunity';
    case '24':
      return 'temporary_protection';
    case '23':
      if (abs === '1') return 'land_admission';
      if (abs === '2' || abs === '4') return 'federal_admission';
      return null;
    case '23a':
      return 'hardship';
    case '22':
      return 'international_law';
    case '16a':
    case '16b':
    case '16g':
      return 'training_study';
    case '16c':
    case '16d':
    case '16e':
    case '16f':
      return 'education_other';
    case '17':
    case '20':
      return 'job_search';
    case '18a':
    case '18b':
    case '18d':
    case '18g':
    case '19c':
    case '21':
      return 'employment_entitling';
    case '18e':
    case '18f':
    case '19':
    case '19a':
    case '19b':
    case '19d':
    case '19e':
    case '20a':
    case '20b':
      return 'employment_other';
    case '28':
    case '29':
    case '30':
    case '32':
    case '36':
    case '36a':
      return 'family_entitling';
    case '31':
    case '33':
    case '34':
    case '35':
    case '37':
    case '38':
      return 'family_other';
    case '38a':
      return 'long_term_other_eu';
    case '9':
    case '18c':
    case '26':
      return 'settlement';
    case '9a':
      return 'eu_long_term';
    default:
      return null;
  }
}

export type DuldungVariant = 'general' | 'discretionary' | 'unclear_identity' | 'training' | 'employment';

export type ResidenceStatus =
  | { kind: 'none' }
  | { kind: 'eu_free_movement' }
  | { kind: 'ankunftsnachweis' }
  | { kind: 'gestattung' }
  | { kind: 'duldung'; variant: DuldungVariant; basisKnown: boolean }
  | {
      kind: 'title';
      group: TitleGroup;
      traits: TitleTraits;
      citation: Citation | null;
      /** The document is a Fiktionsbescheinigung for this title. */
      fiction: boolean;
      /** Niederlassungserlaubnis or Daueraufenthalt-EU (unlimited). */
      permanent: boolean;
      /** § 25 Abs. 4a Satz 3 entitles to the integration course (§ 44 Abs. 1), the other sentences do not. */
      entitlingSentence: boolean;
    };

type Classified = { status: ResidenceStatus; problem?: { de: string; en: string } };

const problem = (status: ResidenceStatus, de: string, en: string): Classified => ({ status, problem: { de, en } });

const DULDUNG_BY_PARAGRAPH: Readonly<Record<string, DuldungVariant>> = {
  '60a': 'general',
  '60b': 'unclear_identity',
  '60c': 'training',
  '60d': 'employment',
};

function duldungVariantOf(document: LegalDocumentKind, citation: Citation | null): DuldungVariant | null {
  const fromDocument: Partial<Record<LegalDocumentKind, DuldungVariant>> = {
    duldung_ungeklaerte_identitaet: 'unclear_identity',
    ausbildungsduldung: 'training',
    beschaeftigungsduldung: 'employment',
  };
  if (citation === null) return fromDocument[document] ?? 'general';
  if (citation.law !== 'AufenthG') return null;
  const variant = DULDUNG_BY_PARAGRAPH[citation.paragraph];
  if (!variant) return null;
  if (fromDocument[document] && fromDocument[document] !== variant) return null;
  // § 60a Abs. 2 Satz 3: a Duldung for urgent humanitarian or personal reasons (Ermessensduldung).
  if (variant === 'general' && citation.absatz === '2' && citation.satz === 3) return 'discretionary';
  return variant;
}

/**
 * The status a document stands for, or a problem (with the status the rules would otherwise
 * assume) when the legal basis is missing where it is needed, not recognised, or belongs to
 * another kind of document.
 */
export function classifyDocument(document: LegalDocumentKind, legalBasis: string | undefined): Classified {
  const citation = legalBasis ? parseLegalBasis(legalBasis) : null;
  const unreadable = legalBasis !== undefined && citation === null;
  switch (document) {
    case 'none':
      return { status: { kind: 'none' } };
    case 'eu_freizuegigkeit':
      if (citation && citation.law !== 'FreizügG/EU') {
        return problem(
          { kind: 'eu_free_movement' },
          'Eine Bescheinigung der Freizügigkeit beruht auf dem FreizügG/EU.',
          'A free-movement certificate rests on the FreizügG/EU.',
        );
      }
      return { status: { kind: 'eu_free_movement' } };
    case 'ankunftsnachweis':
      if (citation && !(citation.law === 'AsylG' && citation.paragraph === '63a')) {
        return problem(
          { kind: 'ankunftsnachweis' },
          'Ein Ankunftsnachweis beruht auf § 63a AsylG.',
          'A proof of arrival rests on § 63a AsylG.',
        );
      }
      return { status: { kind: 'ankunftsnachweis' } };
    case 'aufenthaltsgestattung':
      if (citation && !(['AsylG', 'AsylVfG'].includes(citation.law) && ['55', '63'].includes(citation.paragraph))) {
        return problem(
          { kind: 'gestattung' },
          'Eine Aufenthaltsgestattung beruht auf § 55 AsylG.',
          'An Aufenthaltsgestattung rests on § 55 AsylG.',
        );
      }
      return { status: { kind: 'gestattung' } };
    case 'duldung':
    case 'duldung_ungeklaerte_identitaet':
    case 'ausbildungsduldung':
    case 'beschaeftigungsduldung': {
      const variant = unreadable ? null : duldungVariantOf(document, citation);
      if (variant === null) {
        return problem(
          { kind: 'duldung', variant: 'general', basisKnown: false },
          'Die Rechtsgrundlage passt nicht zu einer Duldung (§ 60a, § 60b, § 60c oder § 60d AufenthG).',
          'The legal basis does not fit a Duldung (§ 60a, § 60b, § 60c or § 60d AufenthG).',
        );
      }
      return { status: { kind: 'duldung', variant, basisKnown: citation !== null || document !== 'duldung' } };
    }
    case 'niederlassungserlaubnis':
    case 'daueraufenthalt_eu': {
      const group: TitleGroup = document === 'niederlassungserlaubnis' ? 'settlement' : 'eu_long_term';
      const status: ResidenceStatus = {
        kind: 'title',
        group,
        traits: TITLE_GROUPS[group],
        citation,
        fiction: false,
        permanent: true,
        entitlingSentence: false,
      };
      if (citation && (citation.law !== 'AufenthG' || /^(60[a-d]?|55|81)$/.test(citation.paragraph))) {
        return problem(
          status,
          'Die Rechtsgrundlage passt nicht zu einem unbefristeten Aufenthaltstitel.',
          'The legal basis does not fit a permanent residence title.',
        );
      }
      return { status };
    }
    case 'aufenthaltserlaubnis':
    case 'fiktionsbescheinigung': {
      const fiction = document === 'fiktionsbescheinigung';
      const fallback: ResidenceStatus = {
        kind: 'title',
        group: 'employment_other',
        traits: TITLE_GROUPS.employment_other,
        citation,
        fiction,
        permanent: false,
        entitlingSentence: false,
      };
      if (citation === null) {
        return problem(
          fallback,
          fiction
            ? 'Für eine Fiktionsbescheinigung bitte die Rechtsgrundlage des fortgeltenden oder beantragten Titels angeben (z. B. „AufenthG § 24“ oder „AufenthG § 25 Abs. 2“).'
            : 'Für eine Aufenthaltserlaubnis bitte die Rechtsgrundlage angeben (z. B. „AufenthG § 25 Abs. 2“).',
          fiction
            ? 'For a Fiktionsbescheinigung please give the legal basis of the title it continues or that was applied for (e.g. "AufenthG § 24").'
            : 'For a residence permit please give the legal basis (e.g. "AufenthG § 25 Abs. 2").',
        );
      }
      if (fiction && citation.law === 'AufenthG' && citation.paragraph === '81') {
        return problem(
          fallback,
          '§ 81 AufenthG sagt nicht, welcher Titel fortgilt: Bitte die Rechtsgrundlage des fortgeltenden oder beantragten Titels angeben.',
          '§ 81 AufenthG does not say which title continues: please give the legal basis of the title it continues or that was applied for.',
        );
      }
      const group = citation.law === 'AufenthG' ? titleGroupOf(citation) : null;
      if (group === null) {
        return problem(
          fallback,
          `Die Rechtsgrundlage „${citation.text}“ kennt das Regelwerk nicht als Aufenthaltserlaubnis (bekannt: AufenthG §§ 16a–38a, 104c; siehe docs/legal-rules.md).`,
          `The rule set does not know "${citation.text}" as a residence permit (known: AufenthG §§ 16a–38a, 104c; see docs/legal-rules.md).`,
        );
      }
      const permanent = group === 'settlement' || group === 'eu_long_term';
      if (permanent && !fiction) {
        return problem(
          fallback,
          `„${citation.text}“ ist eine Niederlassungserlaubnis oder Erlaubnis zum Daueraufenthalt-EU, keine Aufenthaltserlaubnis.`,
          `"${citation.text}" is a settlement permit or EU long-term residence, not a residence permit.`,
        );
      }
      const entitlingSentence = citation.paragraph === '25' && citation.absatz === '4a' && citation.satz === 3;
      return {
        status: {
          kind: 'title',
          group,
          traits: TITLE_GROUPS[group],
          citation,
          fiction,
          permanent,
          entitlingSentence,
        },
      };
    }
  }
}
