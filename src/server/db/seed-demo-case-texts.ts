/**
 * The wording of the demo cases (seed-demo-cases.ts): case scenarios per lead agency, plan goals
 * with their chains of steps, assessment texts per life domain, notes, tasks, appointments and the
 * reasons written on the timeline. Invented casework, no real persons: names come from the
 * synthetic demo people. `{…}` placeholders are filled by the seed.
 */
import type { ClosureReason } from '../../shared/contracts/cases';
import type { LifeDomainKey } from '../../shared/domain/assessment/life-domains';

export type AgencyCode =
  'sozialamt' | 'jobcenter' | 'abh' | 'jugendamt' | 'gesundheitsamt' | 'wohnungsamt' | 'aa' | 'cbe';

export type Theme =
  | 'benefits'
  | 'language'
  | 'work'
  | 'recognition'
  | 'training'
  | 'housing'
  | 'health'
  | 'children'
  | 'youth'
  | 'residence'
  | 'social';

/** Who a scenario is for; the seed computes these facts for every person. */
export type Candidate = {
  age: number;
  sex: string;
  /** Head of a current household with at least one minor child. */
  parentOfMinors: number;
  /** Another adult lives in the household. */
  otherAdult: boolean;
  inHousehold: boolean;
};

export type Scenario = {
  key: string;
  lead: AgencyCode;
  /** Cases of this scenario among 300 demo cases, opened for people the lead agency registered. */
  primary: number;
  /** Cases opened later by the agency after it joined the team of another agency's case on the person. */
  secondary: number;
  titles: readonly string[];
  /** Whether the case covers the person's household. */
  household: 'always' | 'sometimes' | 'never';
  fits: (c: Candidate) => boolean;
  /** [agency, role, probability] of joining the team. */
  partners: readonly (readonly [AgencyCode, 'participant' | 'consulted', number])[];
  themes: readonly Theme[];
  /** Life domains where the assessment finds the most pressing needs. */
  focus: readonly LifeDomainKey[];
  /** A word for plan titles, e.g. "Integrationsplan: Ankommen und Sprache". */
  planTopic: string;
};

const adult = (c: Candidate) => c.age >= 18;

export const SCENARIOS: readonly Scenario[] = [
  {
    key: 'asylblg_arrival',
    lead: 'sozialamt',
    primary: 40,
    secondary: 0,
    titles: [
      'Ankommen in Mülheim: Leistungen, Sprache und Orientierung',
      'Erstorientierung nach der Zuweisung',
      'Leistungen nach dem AsylbLG und Integrationskurs',
      'Begleitung in der Unterkunft Mintarder Straße',
    ],
    household: 'sometimes',
    fits: adult,
    partners: [
      ['abh', 'consulted', 0.5],
      ['gesundheitsamt', 'consulted', 0.25],
      ['cbe', 'participant', 0.4],
      ['wohnungsamt', 'participant', 0.25],
    ],
    themes: ['benefits', 'language', 'social'],
    focus: ['language', 'residence_status', 'finances_debts'],
    planTopic: 'Ankommen und Sprache',
  },
  {
    key: 'rechtskreiswechsel',
    lead: 'sozialamt',
    primary: 25,
    secondary: 0,
    titles: [
      'Rechtskreiswechsel nach Anerkennung: Übergang ins SGB II',
      'Übergang vom AsylbLG ins Bürgergeld',
      'Nach der Anerkennung: Leistungen, Wohnung und Arbeit',
    ],
    household: 'sometimes',
    fits: (c) => c.age >= 18 && c.age <= 62,
    partners: [
      ['jobcenter', 'participant', 0.95],
      ['abh', 'consulted', 0.4],
      ['wohnungsamt', 'participant', 0.3],
    ],
    themes: ['benefits', 'housing', 'work'],
    focus: ['finances_debts', 'housing', 'work'],
    planTopic: 'Übergang ins SGB II',
  },
  {
    key: 'family_arrival',
    lead: 'sozialamt',
    primary: 22,
    secondary: 0,
    titles: [
      'Familie {family}: Schule, Kita und Wohnung',
      'Familie {family}: Ankommen und Bildung der Kinder',
      'Familie {family}: Kita-Platz und Sprachkurs der Eltern',
    ],
    household: 'always',
    fits: (c) => c.age >= 20 && c.parentOfMinors >= 1,
    partners: [
      ['jugendamt', 'participant', 0.55],
      ['wohnungsamt', 'participant', 0.4],
      ['cbe', 'participant', 0.35],
      ['gesundheitsamt', 'consulted', 0.2],
    ],
    themes: ['children', 'language', 'housing'],
    focus: ['family_childcare', 'housing', 'language'],
    planTopic: 'Ankommen der Familie',
  },
  {
    key: 'health',
    lead: 'sozialamt',
    primary: 10,
    secondary: 0,
    titles: [
      'Gesundheitliche Stabilisierung und Anbindung an Fachdienste',
      'Traumafolgen: Beratung und Behandlung',
      'Chronische Erkrankung: Versorgung sichern',
    ],
    household: 'never',
    fits: adult,
    partners: [
      ['gesundheitsamt', 'participant', 0.95],
      ['cbe', 'participant', 0.3],
      ['abh', 'consulted', 0.2],
    ],
    themes: ['health', 'social', 'benefits'],
    focus: ['health', 'social_network'],
    planTopic: 'Gesundheit und Stabilisierung',
  },
  {
    key: 'deportation_family',
    lead: 'sozialamt',
    primary: 3,
    secondary: 0,
    titles: [
      'Familie {family}: drohende Abschiebung, Schutz der Kinder',
      'Familie {family}: Duldung, Perspektive und Kindeswohl',
    ],
    household: 'always',
    fits: (c) => c.age >= 22 && c.parentOfMinors >= 2,
    partners: [
      ['abh', 'participant', 1],
      ['jugendamt', 'participant', 1],
      ['gesundheitsamt', 'consulted', 0.5],
    ],
    themes: ['residence', 'children', 'health'],
    focus: ['residence_status', 'family_childcare', 'health'],
    planTopic: 'Aufenthalt und Kindeswohl',
  },
  {
    key: 'job_integration',
    lead: 'jobcenter',
    primary: 35,
    secondary: 14,
    titles: [
      'Arbeitsmarktintegration: Sprachkurs und Berufseinstieg',
      'Berufseinstieg nach dem Integrationskurs',
      'Weg in Arbeit: Deutsch für den Beruf und Praktikum',
      'Beschäftigung in der Logistik anbahnen',
      'Einstieg in die Pflege: Sprachkurs und Helferausbildung',
    ],
    household: 'sometimes',
    fits: (c) => c.age >= 18 && c.age <= 58,
    partners: [
      ['aa', 'consulted', 0.35],
      ['cbe', 'participant', 0.3],
      ['sozialamt', 'consulted', 0.3],
      ['jugendamt', 'consulted', 0.15],
    ],
    themes: ['language', 'work', 'training'],
    focus: ['work', 'language', 'education_qualifications'],
    planTopic: 'Sprachkurs und Berufseinstieg',
  },
  {
    key: 'recognition',
    lead: 'jobcenter',
    primary: 14,
    secondary: 3,
    titles: ['Anerkennung des Berufsabschlusses als {profession}', 'Berufsanerkennung und Anpassungsqualifizierung'],
    household: 'never',
    fits: (c) => c.age >= 22 && c.age <= 55,
    partners: [
      ['aa', 'participant', 0.6],
      ['abh', 'consulted', 0.35],
      ['cbe', 'participant', 0.2],
    ],
    themes: ['recognition', 'language', 'work'],
    focus: ['education_qualifications', 'language', 'work'],
    planTopic: 'Anerkennung und Beruf',
  },
  {
    key: 'single_parent',
    lead: 'jobcenter',
    primary: 12,
    secondary: 2,
    titles: [
      'Alleinerziehend: Kinderbetreuung und Teilzeitausbildung',
      'Vereinbarkeit: Kita-Platz und Sprachkurs in Teilzeit',
    ],
    household: 'always',
    fits: (c) => c.sex === 'female' && c.age >= 19 && c.age <= 48 && c.parentOfMinors >= 1 && !c.otherAdult,
    partners: [
      ['jugendamt', 'participant', 0.7],
      ['aa', 'consulted', 0.3],
      ['cbe', 'participant', 0.3],
    ],
    themes: ['children', 'language', 'training'],
    focus: ['family_childcare', 'work', 'language'],
    planTopic: 'Kinderbetreuung und Ausbildung',
  },
  {
    key: 'umf',
    lead: 'jugendamt',
    primary: 10,
    secondary: 0,
    titles: [
      'Unbegleitete Einreise: Clearing, Schule und Vormundschaft',
      'Junger Mensch ohne Begleitung: Hilfe zur Erziehung und Schule',
    ],
    household: 'never',
    fits: (c) => c.age >= 13 && c.age <= 17 && !c.otherAdult,
    partners: [
      ['abh', 'participant', 0.8],
      ['gesundheitsamt', 'consulted', 0.45],
      ['cbe', 'participant', 0.3],
    ],
    themes: ['youth', 'language', 'residence'],
    focus: ['family_childcare', 'education_qualifications', 'residence_status'],
    planTopic: 'Schule und Verselbstständigung',
  },
  {
    key: 'family_support',
    lead: 'jugendamt',
    primary: 16,
    secondary: 6,
    titles: [
      'Familie {family}: Erziehungsberatung und Kita-Platz',
      'Familie {family}: sozialpädagogische Familienhilfe',
      'Familie {family}: Schulbesuch und Alltag stabilisieren',
    ],
    household: 'always',
    fits: (c) => c.age >= 20 && c.parentOfMinors >= 1,
    partners: [
      ['sozialamt', 'participant', 0.45],
      ['gesundheitsamt', 'consulted', 0.3],
      ['jobcenter', 'consulted', 0.25],
      ['cbe', 'participant', 0.2],
    ],
    themes: ['children', 'social', 'health'],
    focus: ['family_childcare', 'social_network', 'health'],
    planTopic: 'Erziehung und Alltag',
  },
  {
    key: 'residence_perspective',
    lead: 'abh',
    primary: 18,
    secondary: 3,
    titles: [
      'Bleibeperspektive: Ausbildungsduldung prüfen',
      'Aufenthaltssicherung nach § 25b AufenthG',
      'Identitätsklärung und Beschäftigungserlaubnis',
      'Chancen-Aufenthaltsrecht: Voraussetzungen klären',
    ],
    household: 'never',
    fits: (c) => c.age >= 18 && c.age <= 50,
    partners: [
      ['jobcenter', 'participant', 0.35],
      ['aa', 'consulted', 0.3],
      ['sozialamt', 'participant', 0.45],
    ],
    themes: ['residence', 'work', 'language'],
    focus: ['residence_status', 'work', 'language'],
    planTopic: 'Aufenthalt und Perspektive',
  },
  {
    key: 'psych',
    lead: 'gesundheitsamt',
    primary: 12,
    secondary: 3,
    titles: [
      'Sozialpsychiatrische Begleitung',
      'Psychosoziale Stabilisierung nach der Flucht',
      'Anbindung an Psychotherapie mit Sprachmittlung',
    ],
    household: 'never',
    fits: adult,
    partners: [
      ['sozialamt', 'participant', 0.5],
      ['cbe', 'participant', 0.3],
      ['jobcenter', 'consulted', 0.2],
    ],
    themes: ['health', 'social'],
    focus: ['health', 'social_network', 'participation_leisure'],
    planTopic: 'Gesundheit und Alltag',
  },
  {
    key: 'housing',
    lead: 'wohnungsamt',
    primary: 18,
    secondary: 5,
    titles: [
      'Auszug aus der Unterkunft: eigene Wohnung finden',
      'Wohnungssuche mit Wohnberechtigungsschein',
      'Drohender Wohnungsverlust: Mietschulden klären',
    ],
    household: 'sometimes',
    fits: adult,
    partners: [
      ['sozialamt', 'participant', 0.45],
      ['jobcenter', 'participant', 0.35],
      ['cbe', 'participant', 0.3],
    ],
    themes: ['housing', 'benefits', 'social'],
    focus: ['housing', 'finances_debts'],
    planTopic: 'Wohnen',
  },
  {
    key: 'training',
    lead: 'aa',
    primary: 8,
    secondary: 6,
    titles: [
      'Berufsorientierung und Ausbildungsplatz',
      'Einstiegsqualifizierung und Ausbildung im Handwerk',
      'Ausbildungsvermittlung und berufsbezogene Sprachförderung',
    ],
    household: 'never',
    fits: (c) => c.age >= 17 && c.age <= 30,
    partners: [
      ['jobcenter', 'participant', 0.5],
      ['abh', 'consulted', 0.35],
      ['cbe', 'participant', 0.2],
    ],
    themes: ['training', 'language', 'work'],
    focus: ['education_qualifications', 'work', 'language'],
    planTopic: 'Ausbildung',
  },
  {
    key: 'mentoring',
    lead: 'cbe',
    primary: 0,
    secondary: 14,
    titles: [
      'Patenschaft: Begleitung im Alltag und Deutsch üben',
      'Ehrenamtliche Lernbegleitung und Freizeit',
      'Patenschaft für Behördengänge und Sprachpraxis',
    ],
    household: 'never',
    fits: adult,
    partners: [
      ['sozialamt', 'consulted', 0.3],
      ['jobcenter', 'consulted', 0.2],
    ],
    themes: ['social', 'language'],
    focus: ['social_network', 'participation_leisure', 'language'],
    planTopic: 'Patenschaft',
  },
];

export const PROFESSIONS = [
  'Pflegefachkraft',
  'Elektroniker',
  'Erzieherin',
  'Bauingenieur',
  'Zahnärztin',
  'Lehrerin',
  'Kfz-Mechatroniker',
  'Apotheker',
  'Buchhalterin',
  'Tischler',
] as const;

// ---------------------------------------------------------------------------------------------
// Plan goals and their chains of steps

export type StepTemplate = {
  /** The agency expected to do it ('lead': the plan's owner). */
  agency: AgencyCode | 'lead';
  measure: string;
  result: string;
};
export type GoalTemplate = {
  ownWords: string;
  target: string;
  steps: readonly StepTemplate[];
  /** Agencies the goal needs on the team (besides the plan's owner). */
  requires?: readonly AgencyCode[];
};

/** Goals per theme. `{date}` is the target date, written as dd.mm.yyyy. */
export const GOALS: Readonly<Record<Theme, readonly GoalTemplate[]>> = {
  benefits: [
    {
      ownWords: 'Ich möchte, dass das Geld jeden Monat pünktlich kommt und ich weiß, wen ich fragen kann.',
      target: 'Bis {date} ist der Leistungsanspruch lückenlos gesichert; alle Unterlagen liegen vollständig vor.',
      steps: [
        {
          agency: 'lead',
          measure: 'Antrag auf laufende Leistungen vollständig aufnehmen und bescheiden',
          result: 'Bescheid erteilt, Zahlung läuft.',
        },
        {
          agency: 'abh',
          measure: 'Gültiges Aufenthaltsdokument bzw. Fiktionsbescheinigung ausstellen',
          result: 'Fiktionsbescheinigung ausgestellt.',
        },
        {
          agency: 'lead',
          measure: 'Girokonto (Basiskonto) eröffnen und Kontoverbindung hinterlegen',
          result: 'Basiskonto eröffnet, Überweisung statt Barauszahlung.',
        },
      ],
    },
    {
      ownWords: 'Nach der Anerkennung soll es keine Lücke beim Geld und bei der Miete geben.',
      target: 'Bis {date} ist der Übergang vom AsylbLG ins SGB II ohne Zahlungslücke vollzogen.',
      requires: ['jobcenter'],
      steps: [
        {
          agency: 'abh',
          measure: 'Aufenthaltserlaubnis nach Anerkennung ausstellen und dem Sozialamt mitteilen',
          result: 'Aufenthaltserlaubnis erteilt, Mitteilung erfolgt.',
        },
        {
          agency: 'lead',
          measure: 'AsylbLG-Leistungen zum Monatsende einstellen, Übergabe an das Jobcenter',
          result: 'Übergabe mit Einwilligung erfolgt.',
        },
        {
          agency: 'jobcenter',
          measure: 'Antrag auf Bürgergeld aufnehmen und Erstgespräch führen',
          result: 'Bürgergeld bewilligt, Erstgespräch geführt.',
        },
        {
          agency: 'wohnungsamt',
          measure: 'Kosten der Unterkunft der bisherigen Wohnung prüfen (Angemessenheit)',
          result: 'Miete liegt innerhalb der Angemessenheitsgrenze.',
        },
      ],
    },
  ],
  language: [
    {
      ownWords: 'Ich will so gut Deutsch sprechen, dass ich beim Arzt und im Amt alleine klarkomme.',
      target: 'Bis {date} liegt das Zertifikat Deutsch-Test für Zuwanderer (DTZ) auf Niveau B1 vor.',
      steps: [
        {
          agency: 'lead',
          measure: 'Berechtigung oder Verpflichtung zum Integrationskurs beim BAMF beantragen',
          result: 'Berechtigungsschein liegt vor.',
        },
        {
          agency: 'lead',
          measure: 'Kursplatz bei einem Integrationskursträger in Mülheim vermitteln',
          result: 'Kurs beginnt am Montag, Vormittagskurs.',
        },
        {
          agency: 'cbe',
          measure: 'Sprachpatenschaft vermitteln: einmal pro Woche Sprachcafé im Quartier',
          result: 'Patin gefunden, Treffen donnerstags im Stadtteilzentrum.',
        },
        {
          agency: 'lead',
          measure: 'Teilnahme und Zwischenstand mit dem Kursträger besprechen',
          result: 'Modul 4 erreicht, regelmäßige Teilnahme.',
        },
      ],
    },
    {
      ownWords: 'Ich möchte Deutsch für meinen Beruf lernen.',
      target: 'Bis {date} ist ein Berufssprachkurs (DeuFöV) B2 abgeschlossen.',
      requires: ['jobcenter'],
      steps: [
        {
          agency: 'jobcenter',
          measure: 'Teilnahme an einem Berufssprachkurs B2 bewilligen',
          result: 'Berufssprachkurs bewilligt.',
        },
        {
          agency: 'lead',
          measure: 'Stundenplan mit Kinderbetreuung und Arbeitszeiten abstimmen',
          result: 'Kurs am Nachmittag passt zur Kita-Zeit.',
        },
        {
          agency: 'cbe',
          measure: 'Lernbegleitung für die Prüfungsvorbereitung vermitteln',
          result: 'Ehrenamtliche Lernbegleitung zweimal im Monat.',
        },
      ],
    },
    {
      ownWords: 'Ich möchte Briefe verstehen und selbst Termine ausmachen können.',
      target: 'Bis {date} ist der Alphabetisierungskurs mit Niveau A2 abgeschlossen.',
      steps: [
        {
          agency: 'lead',
          measure: 'Einstufungstest und Alphabetisierungskurs vermitteln',
          result: 'Einstufung erfolgt, Alphabetisierungskurs begonnen.',
        },
        {
          agency: 'cbe',
          measure: 'Lesepatenschaft: Post gemeinsam lesen und sortieren',
          result: 'Pate hilft wöchentlich beim Postordner.',
        },
      ],
    },
  ],
  work: [
    {
      ownWords: 'Ich möchte arbeiten und mein eigenes Geld verdienen.',
      target:
        'Bis {date} besteht ein sozialversicherungspflichtiges Beschäftigungsverhältnis von mindestens 20 Wochenstunden.',
      requires: ['jobcenter'],
      steps: [
        {
          agency: 'jobcenter',
          measure: 'Bewerbungsunterlagen erstellen (Lebenslauf, Zeugnisse übersetzt)',
          result: 'Bewerbungsmappe fertig, fünf Bewerbungen versandt.',
        },
        {
          agency: 'aa',
          measure: 'Vermittlungsvorschläge aus dem Arbeitgeberservice',
          result: 'Zwei Vorstellungsgespräche bei Logistikbetrieben im Hafen.',
        },
        {
          agency: 'jobcenter',
          measure: 'Betriebliches Praktikum (MAG, § 16 SGB II i. V. m. § 45 SGB III) vermitteln',
          result: 'Vierwöchiges Praktikum absolviert, Übernahme angeboten.',
        },
        {
          agency: 'abh',
          measure: 'Beschäftigungserlaubnis für die konkrete Stelle erteilen',
          result: 'Erlaubnis erteilt.',
        },
      ],
    },
    {
      ownWords: 'Ich möchte wieder in meinem Beruf arbeiten, wie in meiner Heimat.',
      target: 'Bis {date} ist eine Anstellung in einem Helfer- oder Fachberuf des erlernten Bereichs erreicht.',
      requires: ['jobcenter'],
      steps: [
        {
          agency: 'jobcenter',
          measure: 'Kompetenzfeststellung in einer Werkstatt (MAT) vermitteln',
          result: 'Kompetenzfeststellung zeigt gute handwerkliche Fähigkeiten.',
        },
        {
          agency: 'aa',
          measure: 'Passende Stellen im Arbeitgeberservice suchen',
          result: 'Stellenangebot als Produktionshelfer.',
        },
        {
          agency: 'cbe',
          measure: 'Jobpatenschaft für das Bewerbungstraining',
          result: 'Pate übt Vorstellungsgespräche.',
        },
      ],
    },
  ],
  recognition: [
    {
      ownWords: 'Ich will wieder als {profession} arbeiten dürfen.',
      target: 'Bis {date} liegt der Bescheid über die Gleichwertigkeit oder eine Anpassungsmaßnahme vor.',
      steps: [
        {
          agency: 'lead',
          measure: 'Zeugnisse beglaubigt übersetzen lassen, Kostenübernahme klären',
          result: 'Übersetzungen liegen vor, Kosten übernommen.',
        },
        {
          agency: 'aa',
          measure: 'Anerkennungsberatung (IQ-Netzwerk) vermitteln',
          result: 'Beratung erfolgt, zuständige Stelle ermittelt.',
        },
        {
          agency: 'lead',
          measure: 'Antrag auf Anerkennung bei der zuständigen Stelle stellen',
          result: 'Antrag gestellt, Teilanerkennung mit Anpassungslehrgang.',
        },
        {
          agency: 'jobcenter',
          measure: 'Anpassungsqualifizierung fördern (Bildungsgutschein)',
          result: 'Bildungsgutschein ausgestellt.',
        },
      ],
    },
  ],
  training: [
    {
      ownWords: 'Ich möchte eine Ausbildung machen und einen richtigen Beruf lernen.',
      target: 'Bis {date} ist ein Ausbildungsvertrag geschlossen und bei der Kammer eingetragen.',
      requires: ['aa'],
      steps: [
        {
          agency: 'aa',
          measure: 'Berufsorientierung und Eignungsfeststellung (Berufsberatung)',
          result: 'Berufswunsch Anlagenmechaniker SHK geklärt.',
        },
        {
          agency: 'aa',
          measure: 'Einstiegsqualifizierung (EQ) in einem Betrieb vermitteln',
          result: 'EQ bei einem Sanitärbetrieb in Styrum begonnen.',
        },
        {
          agency: 'abh',
          measure: 'Beschäftigungserlaubnis bzw. Ausbildungsduldung prüfen',
          result: 'Erlaubnis für die Ausbildung erteilt.',
        },
        {
          agency: 'cbe',
          measure: 'Ausbildungspatenschaft für Berufsschule und Prüfungen',
          result: 'Patin unterstützt bei Fachtheorie.',
        },
      ],
    },
    {
      ownWords: 'Ich will eine Teilzeitausbildung machen, damit ich Zeit für mein Kind habe.',
      target: 'Bis {date} beginnt eine Teilzeitausbildung mit 30 Wochenstunden.',
      requires: ['jobcenter'],
      steps: [
        {
          agency: 'jobcenter',
          measure: 'Teilzeitausbildung mit Betrieben und Kammer abstimmen',
          result: 'Zwei Betriebe bereit zur Teilzeitausbildung.',
        },
        {
          agency: 'jugendamt',
          measure: 'Betreuungsplatz mit passenden Öffnungszeiten sichern',
          result: 'Kita-Platz mit 45 Stunden bewilligt.',
        },
        {
          agency: 'aa',
          measure: 'Berufsausbildungsbeihilfe bzw. ausbildungsbegleitende Hilfen beantragen',
          result: 'Assistierte Ausbildung bewilligt.',
        },
      ],
    },
  ],
  housing: [
    {
      ownWords: 'Ich möchte mit meiner Familie in einer eigenen Wohnung leben, nicht mehr in der Unterkunft.',
      target: 'Bis {date} ist ein Mietvertrag für eine angemessene Wohnung unterschrieben.',
      requires: ['wohnungsamt'],
      steps: [
        {
          agency: 'wohnungsamt',
          measure: 'Wohnberechtigungsschein (WBS) ausstellen',
          result: 'WBS für drei Räume ausgestellt.',
        },
        {
          agency: 'wohnungsamt',
          measure: 'Vorschläge aus dem Kontingent der Wohnungsgesellschaften',
          result: 'Zwei Besichtigungen, Zusage für eine Wohnung in Eppinghofen.',
        },
        {
          agency: 'lead',
          measure: 'Mietangebot auf Angemessenheit prüfen und Kaution übernehmen',
          result: 'Zusicherung erteilt, Kaution als Darlehen.',
        },
        {
          agency: 'cbe',
          measure: 'Umzugshilfe und Erstausstattung über ehrenamtliche Helfer',
          result: 'Umzug mit Helferteam am Samstag erledigt.',
        },
      ],
    },
    {
      ownWords: 'Ich will die Wohnung behalten und die Schulden abbezahlen.',
      target: 'Bis {date} ist die Räumungsklage abgewendet und eine Ratenzahlung vereinbart.',
      requires: ['wohnungsamt'],
      steps: [
        {
          agency: 'wohnungsamt',
          measure: 'Kontakt zum Vermieter aufnehmen und Mietrückstand klären',
          result: 'Vermieter verzichtet vorerst auf Räumung.',
        },
        { agency: 'lead', measure: 'Übernahme der Mietschulden als Darlehen prüfen', result: 'Darlehen bewilligt.' },
        {
          agency: 'cbe',
          measure: 'Schuldnerberatung vermitteln und begleiten',
          result: 'Termin bei der Schuldnerberatung wahrgenommen.',
        },
      ],
    },
  ],
  health: [
    {
      ownWords: 'Ich möchte wieder schlafen können und weniger Angst haben.',
      target: 'Bis {date} findet eine regelmäßige psychotherapeutische Behandlung mit Sprachmittlung statt.',
      requires: ['gesundheitsamt'],
      steps: [
        {
          agency: 'gesundheitsamt',
          measure: 'Erstgespräch im Sozialpsychiatrischen Dienst',
          result: 'Erstgespräch geführt, Behandlungsbedarf bestätigt.',
        },
        {
          agency: 'lead',
          measure: 'Kostenübernahme für Sprachmittlung klären',
          result: 'Kostenübernahme für 20 Sitzungen erteilt.',
        },
        {
          agency: 'gesundheitsamt',
          measure: 'Anbindung an das Psychosoziale Zentrum für Geflüchtete',
          result: 'Therapieplatz ab dem nächsten Quartal.',
        },
      ],
    },
    {
      ownWords: 'Meine Medikamente sollen nicht ausgehen.',
      target: 'Bis {date} ist die hausärztliche Versorgung und die Versorgung mit Medikamenten dauerhaft gesichert.',
      steps: [
        {
          agency: 'lead',
          measure: 'Krankenschein bzw. Gesundheitskarte beantragen',
          result: 'Gesundheitskarte ausgestellt.',
        },
        {
          agency: 'gesundheitsamt',
          measure: 'Hausarztpraxis mit passender Sprache vermitteln',
          result: 'Hausärztin in der Innenstadt übernimmt die Behandlung.',
        },
        {
          agency: 'cbe',
          measure: 'Begleitung zu Facharztterminen organisieren',
          result: 'Ehrenamtliche Begleitung zu zwei Terminen.',
        },
      ],
    },
  ],
  children: [
    {
      ownWords: 'Meine Kinder sollen in die Kita und in die Schule gehen und Freunde finden.',
      target: 'Bis {date} haben alle Kinder einen Kita- bzw. Schulplatz und besuchen ihn regelmäßig.',
      steps: [
        {
          agency: 'jugendamt',
          measure: 'Kita-Platz über den Kita-Navigator beantragen',
          result: 'Kita-Platz in der Kita am Dichterviertel ab dem nächsten Monat.',
        },
        {
          agency: 'lead',
          measure: 'Schulanmeldung beim Kommunalen Integrationszentrum begleiten',
          result: 'Seiteneinsteigerklasse an der Gesamtschule Saarn.',
        },
        {
          agency: 'lead',
          measure: 'Leistungen für Bildung und Teilhabe beantragen (Schulbedarf, Mittagessen)',
          result: 'Bildung und Teilhabe bewilligt.',
        },
        {
          agency: 'cbe',
          measure: 'Lernpatenschaft für die Hausaufgaben vermitteln',
          result: 'Lernpatin kommt zweimal pro Woche.',
        },
      ],
    },
    {
      ownWords: 'Ich möchte ruhiger mit meinen Kindern umgehen und Hilfe im Alltag haben.',
      target: 'Bis {date} findet eine sozialpädagogische Familienhilfe mit sechs Stunden pro Woche statt.',
      requires: ['jugendamt'],
      steps: [
        {
          agency: 'jugendamt',
          measure: 'Hilfe zur Erziehung (§ 31 SGB VIII) im Fachteam beraten und bewilligen',
          result: 'Familienhilfe bewilligt, Träger beauftragt.',
        },
        {
          agency: 'gesundheitsamt',
          measure: 'Entwicklungsdiagnostik für das jüngste Kind',
          result: 'Sprachförderung empfohlen.',
        },
        {
          agency: 'lead',
          measure: 'Erziehungsberatung mit Sprachmittlung vermitteln',
          result: 'Drei Beratungstermine wahrgenommen.',
        },
      ],
    },
  ],
  youth: [
    {
      ownWords: 'Ich will zur Schule gehen und später eine Ausbildung machen.',
      target: 'Bis {date} ist der Hauptschulabschluss (nach Klasse 10) erreicht.',
      requires: ['jugendamt'],
      steps: [
        {
          agency: 'jugendamt',
          measure: 'Clearingverfahren abschließen und Jugendhilfeeinrichtung festlegen',
          result: 'Wohngruppe in Heißen, Bezugsbetreuer benannt.',
        },
        {
          agency: 'jugendamt',
          measure: 'Vormundschaft beim Familiengericht anregen',
          result: 'Amtsvormundschaft eingerichtet.',
        },
        {
          agency: 'lead',
          measure: 'Schulplatz in einer internationalen Förderklasse vermitteln',
          result: 'Internationale Förderklasse am Berufskolleg.',
        },
        {
          agency: 'abh',
          measure: 'Aufenthaltsrechtliche Lage klären, Asylantrag durch den Vormund',
          result: 'Asylantrag gestellt, Aufenthaltsgestattung erteilt.',
        },
      ],
    },
    {
      ownWords: 'Wenn ich 18 bin, möchte ich alleine wohnen können.',
      target: 'Bis {date} ist die Verselbstständigung in eigenen Wohnraum mit ambulanter Betreuung vorbereitet.',
      requires: ['jugendamt'],
      steps: [
        {
          agency: 'jugendamt',
          measure: 'Hilfe für junge Volljährige (§ 41 SGB VIII) prüfen',
          result: 'Hilfe über das 18. Lebensjahr hinaus bewilligt.',
        },
        {
          agency: 'cbe',
          measure: 'Mentorin für Alltag und Behördengänge vermitteln',
          result: 'Mentoring-Tandem gestartet.',
        },
      ],
    },
  ],
  residence: [
    {
      ownWords: 'Ich möchte sicher hier bleiben dürfen und keine Angst mehr vor Briefen haben.',
      target:
        'Bis {date} ist über einen Antrag auf eine Aufenthaltserlaubnis (§ 25a, § 25b oder § 104c AufenthG) entschieden.',
      requires: ['abh'],
      steps: [
        {
          agency: 'abh',
          measure: 'Voraussetzungen für ein Bleiberecht prüfen und beraten',
          result: 'Voraussetzungen für § 25b weitgehend erfüllt; Nachweis Sprachkenntnisse fehlt.',
        },
        {
          agency: 'lead',
          measure: 'Passbeschaffung bzw. Identitätsklärung begleiten',
          result: 'Termin beim Konsulat wahrgenommen, Pass beantragt.',
        },
        {
          agency: 'jobcenter',
          measure: 'Nachweis der überwiegenden Lebensunterhaltssicherung vorbereiten',
          result: 'Arbeitsvertrag und Lohnabrechnungen liegen vor.',
        },
        {
          agency: 'abh',
          measure: 'Antrag entscheiden und Aufenthaltserlaubnis ausstellen',
          result: 'Aufenthaltserlaubnis für zwei Jahre erteilt.',
        },
      ],
    },
    {
      ownWords: 'Meine Kinder sollen hier in Sicherheit aufwachsen.',
      target:
        'Bis {date} ist die aufenthaltsrechtliche Perspektive der Familie geklärt und die Beschulung der Kinder gesichert.',
      requires: ['abh', 'jugendamt'],
      steps: [
        {
          agency: 'abh',
          measure: 'Duldungsgründe und Ausbildungs- oder Beschäftigungsduldung prüfen',
          result: 'Duldung für sechs Monate verlängert.',
        },
        {
          agency: 'jugendamt',
          measure: 'Kindeswohl bei einer möglichen Rückführung einschätzen (KSD)',
          result: 'Stellungnahme des KSD liegt vor.',
        },
        {
          agency: 'lead',
          measure: 'Verfahrensberatung und Härtefallantrag vorbereiten',
          result: 'Härtefallersuchen eingereicht.',
        },
      ],
    },
  ],
  social: [
    {
      ownWords: 'Ich möchte Leute kennenlernen und nicht immer allein zu Hause sein.',
      target: 'Bis {date} nimmt die Person an mindestens einem regelmäßigen Angebot im Stadtteil teil.',
      steps: [
        {
          agency: 'cbe',
          measure: 'Patenschaft vermitteln und Kennenlerntreffen organisieren',
          result: 'Tandem gebildet, Treffen alle zwei Wochen.',
        },
        {
          agency: 'lead',
          measure: 'Angebote im Stadtteilzentrum vorstellen (Frauencafé, Sportverein)',
          result: 'Teilnahme am Frauencafé in Styrum.',
        },
      ],
    },
    {
      ownWords: 'Ich will selbst zurechtkommen, ohne immer um Hilfe zu fragen.',
      target: 'Bis {date} erledigt die Person Post, Termine und Bankgeschäfte überwiegend selbstständig.',
      steps: [
        {
          agency: 'cbe',
          measure: 'Alltagsbegleitung durch Ehrenamtliche (Behördengänge, Post)',
          result: 'Begleitung zu drei Terminen, danach alleine.',
        },
        {
          agency: 'lead',
          measure: 'Ordnersystem für Unterlagen gemeinsam anlegen',
          result: 'Ordner angelegt, Fristen im Kalender.',
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Assessment texts per life domain (strengths first)

export type DomainTexts = {
  strengthsPerson: readonly string[];
  strengthsCaseworker: readonly string[];
  needsPerson: readonly string[];
  needsCaseworker: readonly string[];
};

export const ASSESSMENT_TEXTS: Readonly<Record<LifeDomainKey, DomainTexts>> = {
  language: {
    strengthsPerson: [
      'Ich spreche {language} und ein bisschen Englisch.',
      'Ich lerne jeden Tag mit dem Handy.',
      'Ich verstehe schon viel, wenn langsam gesprochen wird.',
    ],
    strengthsCaseworker: [
      'Muttersprache {language}; lernt motiviert, Alltagsgespräche auf Deutsch sind möglich.',
      'Mehrsprachig ({language}, Grundkenntnisse Englisch); schnelle Auffassungsgabe.',
      'Hat den Integrationskurs bis Modul 3 besucht und übt selbstständig mit einer Lern-App.',
      'Versteht einfache Alltagsgespräche und fragt nach, wenn etwas unklar ist.',
    ],
    needsPerson: ['Beim Amt verstehe ich die Briefe nicht.', 'Ich traue mich nicht, am Telefon Deutsch zu sprechen.'],
    needsCaseworker: [
      'Deutschkenntnisse unter A2; bei Terminen ist Sprachmittlung nötig.',
      'Integrationskurs noch nicht begonnen; Berechtigung fehlt.',
      'Alphabetisierung in lateinischer Schrift erforderlich.',
      'B1-Prüfung zweimal knapp nicht bestanden; Prüfungsangst.',
    ],
  },
  education_qualifications: {
    strengthsPerson: [
      'Ich habe zwölf Jahre die Schule besucht.',
      'Ich habe in meiner Heimat studiert.',
      'Ich kann gut mit Computern umgehen.',
    ],
    strengthsCaseworker: [
      'Schulabschluss im Herkunftsland (Abitur-Äquivalent); Zeugnisse vorhanden.',
      'Abgeschlossene Berufsausbildung im Herkunftsland, Nachweise teilweise vorhanden.',
      'Langjährige Berufserfahrung ohne formalen Abschluss, gute praktische Kenntnisse.',
      'Studium begonnen, nach vier Semestern durch die Flucht abgebrochen.',
    ],
    needsPerson: ['Meine Zeugnisse sind noch in der Heimat.', 'Hier zählt mein Abschluss nicht.'],
    needsCaseworker: [
      'Abschluss nicht anerkannt; Anerkennungsverfahren nicht eingeleitet.',
      'Zeugnisse nur als Kopie; beglaubigte Übersetzung fehlt.',
      'Keine Schulbildung über sechs Jahre hinaus; Grundbildung nötig.',
    ],
  },
  work: {
    strengthsPerson: [
      'Ich habe immer gearbeitet.',
      'Ich arbeite gerne mit den Händen.',
      'Ich bin zuverlässig und pünktlich.',
    ],
    strengthsCaseworker: [
      'Mehrjährige Erfahrung im Handwerk (Bau, Fliesen); körperlich belastbar.',
      'Erfahrung in Verkauf und Kundenkontakt; freundliches Auftreten.',
      'Hohe Arbeitsmotivation; Führerschein Klasse B im Herkunftsland erworben.',
      'Erfahrung in der Pflege von Angehörigen; Interesse an Pflegeberufen.',
    ],
    needsPerson: ['Ich finde keine Arbeit ohne gutes Deutsch.', 'Ich weiß nicht, wie man sich hier bewirbt.'],
    needsCaseworker: [
      'Keine Arbeitserfahrung in Deutschland; Bewerbungsunterlagen fehlen.',
      'Beschäftigungserlaubnis liegt noch nicht vor.',
      'Arbeitsmarktnähe gering; zunächst Sprache und Stabilisierung.',
      'Minijob in der Gastronomie, Ausbau zur Vollzeit gewünscht.',
    ],
  },
  health: {
    strengthsPerson: ['Ich bin gesund und mache Sport.', 'Ich gehe regelmäßig zur Ärztin.'],
    strengthsCaseworker: [
      'Keine Einschränkungen bekannt; hausärztlich angebunden.',
      'Nimmt Arzttermine zuverlässig wahr; achtet auf die Gesundheit der Kinder.',
      'Chronische Erkrankung gut eingestellt; kennt die eigene Medikation.',
    ],
    needsPerson: [
      'Ich schlafe schlecht und denke viel an früher.',
      'Mein Rücken tut weh, ich kann nicht lange stehen.',
    ],
    needsCaseworker: [
      'Hinweise auf Traumafolgen (Schlafstörungen, Albträume); Abklärung empfohlen.',
      'Diabetes, Versorgung mit Medikamenten nicht dauerhaft gesichert.',
      'Rückenbeschwerden schränken körperliche Arbeit ein; ärztliche Einschätzung fehlt.',
    ],
  },
  family_childcare: {
    strengthsPerson: ['Meine Familie hält zusammen.', 'Meine Schwester hilft mir mit den Kindern.'],
    strengthsCaseworker: [
      'Familie mit stabilem Zusammenhalt; Eltern kümmern sich aufmerksam um die Kinder.',
      'Ältere Geschwister unterstützen bei der Betreuung.',
      'Kinder besuchen regelmäßig Schule bzw. Kita.',
      'Keine Betreuungsverpflichtungen; zeitlich flexibel.',
    ],
    needsPerson: ['Ich finde keinen Kita-Platz.', 'Ohne Betreuung kann ich nicht zum Kurs.'],
    needsCaseworker: [
      'Kita-Platz für das jüngste Kind fehlt; Sprachkurs daher nur eingeschränkt möglich.',
      'Schulanmeldung eines Kindes steht noch aus.',
      'Belastung durch Trennung der Eltern; Erziehungsberatung empfohlen.',
    ],
  },
  housing: {
    strengthsPerson: [
      'Ich halte die Wohnung sauber und komme mit den Nachbarn gut aus.',
      'Ich suche selbst im Internet nach Wohnungen.',
    ],
    strengthsCaseworker: [
      'Wohnt in einer eigenen Wohnung; Mietverhältnis stabil.',
      'Sucht aktiv nach Wohnraum; WBS vorhanden.',
      'Gute Nachbarschaftskontakte im Quartier.',
    ],
    needsPerson: [
      'In der Unterkunft ist es laut, die Kinder können nicht lernen.',
      'Die Wohnung ist zu klein für uns.',
    ],
    needsCaseworker: [
      'Lebt seit über einem Jahr in der Gemeinschaftsunterkunft; Auszug angestrebt.',
      'Wohnung für die Haushaltsgröße zu klein (überbelegt).',
      'Mietrückstand von zwei Monatsmieten; Kündigung angedroht.',
    ],
  },
  finances_debts: {
    strengthsPerson: ['Ich plane das Geld für den Monat genau.', 'Ich habe keine Schulden.'],
    strengthsCaseworker: [
      'Haushaltsführung geordnet, keine Schulden bekannt.',
      'Leistungsbezug gesichert; Konto vorhanden.',
      'Bewahrt Unterlagen geordnet auf.',
    ],
    needsPerson: ['Ich verstehe die Bescheide nicht.', 'Ich habe einen Handyvertrag, den ich nicht bezahlen kann.'],
    needsCaseworker: [
      'Schulden aus Handyverträgen; Inkassoschreiben liegen vor.',
      'Leistungsanspruch nach Statuswechsel ungeklärt; Zahlungslücke droht.',
      'Kein eigenes Konto; Auszahlung bisher bar.',
    ],
  },
  residence_status: {
    strengthsPerson: ['Ich habe alle Termine bei der Ausländerbehörde eingehalten.'],
    strengthsCaseworker: [
      'Aufenthaltserlaubnis gültig; Verlängerung rechtzeitig beantragt.',
      'Asylverfahren läuft, Anhörung hat stattgefunden.',
      'Mitwirkung bei der Identitätsklärung vollständig.',
    ],
    needsPerson: ['Ich habe Angst, dass ich zurück muss.', 'Ich warte seit Monaten auf eine Entscheidung.'],
    needsCaseworker: [
      'Nur Duldung; Ausreisepflicht besteht, Abschiebung möglich.',
      'Aufenthaltsdokument läuft in Kürze ab; Termin bei der ABH nötig.',
      'Wohnsitzauflage schränkt die Arbeitssuche ein.',
    ],
  },
  social_network: {
    strengthsPerson: [
      'Ich habe Freunde aus meiner Heimat hier.',
      'In der Moschee und im Verein kenne ich viele Leute.',
    ],
    strengthsCaseworker: [
      'Gut in die eigene Community eingebunden; Unterstützung durch Verwandte in Mülheim.',
      'Kontakt zu einer ehrenamtlichen Patin besteht.',
      'Aktiv in einer Kirchengemeinde bzw. einem Kulturverein.',
    ],
    needsPerson: ['Ich kenne hier fast niemanden.', 'Meine Familie ist noch in der Heimat.'],
    needsCaseworker: [
      'Sozial isoliert, kaum Kontakte außerhalb der Unterkunft.',
      'Sorge um Familienangehörige im Herkunftsland belastet stark.',
    ],
  },
  participation_leisure: {
    strengthsPerson: ['Ich spiele Fußball.', 'Ich koche gern und helfe beim Nachbarschaftsfest.'],
    strengthsCaseworker: [
      'Spielt im Sportverein; nutzt Angebote im Stadtteilzentrum.',
      'Engagiert sich ehrenamtlich bei der Tafel.',
      'Interesse an Kursen der Volkshochschule.',
    ],
    needsPerson: ['Für Freizeit habe ich kein Geld.', 'Ich weiß nicht, was es hier gibt.'],
    needsCaseworker: [
      'Kennt die Angebote im Sozialraum kaum.',
      'Teilhabe durch fehlende Kinderbetreuung eingeschränkt.',
    ],
  },
};

export const POTENTIAL_OPENINGS = [
  'Hohe Motivation und klare eigene Ziele.',
  'Belastbar und lernbereit, trotz schwieriger Ausgangslage.',
  'Verlässlich in der Zusammenarbeit, nimmt Termine wahr.',
  'Gute Ressourcen in Familie und Community.',
] as const;

export const POTENTIAL_CLOSINGS = [
  'Vorrang haben zunächst {focus}; die weiteren Bereiche folgen im Plan.',
  'Schlüssel sind {focus}; die Person möchte die nächsten Schritte selbst mitgestalten.',
  'Handlungsbedarf vor allem bei {focus}; die Stärken tragen den Plan.',
] as const;

// ---------------------------------------------------------------------------------------------
// Notes, tasks, appointments

export type NoteTemplate = {
  kind: 'contact' | 'home_visit' | 'phone_call' | 'counselling' | 'other';
  subject: string;
  body: string;
};

/** The first note of every case: the intake conversation. */
export const FIRST_NOTE: NoteTemplate = {
  kind: 'contact',
  subject: 'Erstgespräch',
  body: 'Erstgespräch geführt. Anliegen, Unterlagen und Zuständigkeiten besprochen. Einwilligung zur Zusammenarbeit im Fallteam liegt vor.',
};

export const NOTES: Readonly<Record<Theme | 'general', readonly NoteTemplate[]>> = {
  general: [
    {
      kind: 'phone_call',
      subject: 'Rückruf wegen fehlender Unterlagen',
      body: 'Telefonisch erreicht. Die fehlenden Nachweise werden bis Ende der Woche nachgereicht.',
    },
    {
      kind: 'counselling',
      subject: 'Beratung zu Fristen',
      body: 'Anstehende Fristen gemeinsam im Kalender eingetragen. Die Person führt jetzt einen Ordner für die Post.',
    },
    {
      kind: 'contact',
      subject: 'Termin nicht wahrgenommen',
      body: 'Zum vereinbarten Termin nicht erschienen. Neuer Termin per Brief und SMS angeboten.',
    },
    {
      kind: 'other',
      subject: 'Absprache im Fallteam',
      body: 'Kurze Abstimmung mit den beteiligten Stellen: Zuständigkeiten für die nächsten Schritte geklärt.',
    },
  ],
  benefits: [
    {
      kind: 'counselling',
      subject: 'Leistungsbescheid erklärt',
      body: 'Bescheid gemeinsam durchgegangen. Mehrbedarf für Schwangerschaft beantragt. Nächste Weiterbewilligung im Blick.',
    },
    {
      kind: 'phone_call',
      subject: 'Abstimmung mit dem Jobcenter zum Übergang',
      body: 'Übergabe zum Monatsende abgestimmt. Erstgesprächstermin beim Jobcenter steht.',
    },
  ],
  language: [
    {
      kind: 'contact',
      subject: 'Rückmeldung Integrationskurs',
      body: 'Kursträger meldet regelmäßige Teilnahme. Prüfung ist für das Ende des nächsten Moduls geplant.',
    },
  ],
  work: [
    {
      kind: 'counselling',
      subject: 'Bewerbungsgespräch vorbereitet',
      body: 'Vorstellungsgespräch bei einem Logistikbetrieb im Hafen geübt. Unterlagen sind vollständig.',
    },
    {
      kind: 'phone_call',
      subject: 'Rückmeldung des Praktikumsbetriebs',
      body: 'Der Betrieb ist zufrieden und bietet nach dem Praktikum eine Teilzeitstelle an.',
    },
  ],
  recognition: [
    {
      kind: 'counselling',
      subject: 'Anerkennungsberatung',
      body: 'Unterlagen für die Gleichwertigkeitsprüfung gesichtet. Fehlende Fächerübersicht wird bei der Hochschule angefragt.',
    },
  ],
  training: [
    {
      kind: 'contact',
      subject: 'Gespräch in der Berufsberatung',
      body: 'Berufsfelder Handwerk und Technik besprochen. Praktikum in einem Sanitärbetrieb vereinbart.',
    },
  ],
  housing: [
    {
      kind: 'home_visit',
      subject: 'Hausbesuch in der Unterkunft',
      body: 'Zimmer sehr beengt, Kinder haben keinen Platz zum Lernen. Auszug hat hohe Priorität.',
    },
    {
      kind: 'phone_call',
      subject: 'Wohnungsangebot',
      body: 'Wohnungsgesellschaft bietet eine Dreizimmerwohnung in Eppinghofen an. Besichtigung am Dienstag.',
    },
  ],
  health: [
    {
      kind: 'counselling',
      subject: 'Gespräch im Sozialpsychiatrischen Dienst',
      body: 'Belastungssymptome besprochen. Anbindung an das Psychosoziale Zentrum vereinbart. Krisenplan ausgehändigt.',
    },
  ],
  children: [
    {
      kind: 'home_visit',
      subject: 'Hausbesuch bei der Familie',
      body: 'Familie in der Wohnung besucht. Kinder wirken versorgt; das älteste Kind wünscht sich Hilfe bei den Hausaufgaben.',
    },
    {
      kind: 'phone_call',
      subject: 'Rücksprache mit der Kita',
      body: 'Kita bestätigt die Aufnahme ab dem Ersten des Monats. Eingewöhnung mit der Mutter geplant.',
    },
  ],
  youth: [
    {
      kind: 'contact',
      subject: 'Gespräch in der Wohngruppe',
      body: 'Bezugsbetreuer berichtet von gutem Schulbesuch. Der junge Mensch wünscht Kontakt zu seinem Onkel in Köln.',
    },
  ],
  residence: [
    {
      kind: 'counselling',
      subject: 'Beratung zum Aufenthalt',
      body: 'Möglichkeiten eines Bleiberechts erläutert. Nachweise zu Sprachkenntnissen und Lebensunterhalt werden gesammelt.',
    },
  ],
  social: [
    {
      kind: 'contact',
      subject: 'Kennenlernen mit der Patin',
      body: 'Erstes Treffen im CBE. Beide verabreden wöchentliche Treffen im Sprachcafé.',
    },
  ],
};

export type TaskTemplate = { agency: AgencyCode | 'lead'; title: string; description: string | null };

export const TASKS: Readonly<Record<Theme | 'general', readonly TaskTemplate[]>> = {
  general: [
    {
      agency: 'lead',
      title: 'Einwilligungserklärung aktualisieren',
      description: 'Neue Stellen im Fallteam aufnehmen.',
    },
    { agency: 'lead', title: 'Wiedervorlage: Unterlagen nachgereicht?', description: null },
    { agency: 'lead', title: 'Sprachmittlung für das nächste Gespräch buchen', description: null },
  ],
  benefits: [
    {
      agency: 'lead',
      title: 'Weiterbewilligungsantrag prüfen',
      description: 'Kontoauszüge der letzten drei Monate fehlen.',
    },
    { agency: 'jobcenter', title: 'Erstgespräch nach Rechtskreiswechsel', description: null },
  ],
  language: [{ agency: 'lead', title: 'Kursbestätigung beim Träger anfordern', description: null }],
  work: [
    { agency: 'jobcenter', title: 'Vermittlungsvorschläge versenden', description: null },
    { agency: 'abh', title: 'Beschäftigungserlaubnis für Praktikum prüfen', description: null },
  ],
  recognition: [{ agency: 'lead', title: 'Übersetzungskosten zur Übernahme anweisen', description: null }],
  training: [{ agency: 'aa', title: 'Ausbildungsbetriebe ansprechen', description: 'Sanitär, Elektro, Kfz.' }],
  housing: [
    { agency: 'wohnungsamt', title: 'WBS-Antrag bearbeiten', description: null },
    { agency: 'lead', title: 'Mietangebot auf Angemessenheit prüfen', description: null },
  ],
  health: [
    {
      agency: 'gesundheitsamt',
      title: 'Befundbericht der Klinik anfordern',
      description: 'Nur mit Schweigepflichtentbindung.',
    },
  ],
  children: [
    { agency: 'jugendamt', title: 'Rückmeldung der Kita zur Eingewöhnung einholen', description: null },
    { agency: 'lead', title: 'Antrag Bildung und Teilhabe stellen', description: null },
  ],
  youth: [{ agency: 'jugendamt', title: 'Hilfeplangespräch mit dem Vormund vorbereiten', description: null }],
  residence: [
    { agency: 'abh', title: 'Verlängerung der Duldung bearbeiten', description: null },
    { agency: 'lead', title: 'Passbeschaffung nachhalten', description: null },
  ],
  social: [{ agency: 'cbe', title: 'Patin oder Paten finden', description: null }],
};

export const APPOINTMENT_TITLES: Readonly<
  Record<
    AgencyCode,
    readonly (readonly ['consultation' | 'home_visit' | 'authority' | 'medical' | 'course' | 'other', string])[]
  >
> = {
  sozialamt: [
    ['consultation', 'Beratungsgespräch Sozialamt'],
    ['home_visit', 'Hausbesuch'],
  ],
  jobcenter: [
    ['consultation', 'Beratungsgespräch Integrationsfachkraft'],
    ['course', 'Informationsveranstaltung Berufssprachkurse'],
  ],
  abh: [['authority', 'Vorsprache Ausländerbehörde']],
  jugendamt: [
    ['home_visit', 'Hausbesuch des KSD'],
    ['consultation', 'Hilfeplangespräch'],
  ],
  gesundheitsamt: [['medical', 'Termin im Sozialpsychiatrischen Dienst']],
  wohnungsamt: [
    ['authority', 'Termin Wohnungsvermittlung'],
    ['other', 'Wohnungsbesichtigung'],
  ],
  aa: [['consultation', 'Berufsberatung']],
  cbe: [['other', 'Treffen mit der Patin im CBE']],
};

// ---------------------------------------------------------------------------------------------
// Reasons on the timeline

export const BACK_REASONS = [
  'Neue Lage nach Ablehnung des Asylantrags: Planung muss angepasst werden.',
  'Kurs abgebrochen; Ziele und Schritte werden neu vereinbart.',
  'Umzug in eine andere Unterkunft; Plan wird überarbeitet.',
] as const;

export const REOPEN_REASONS = [
  'Die Arbeitsstelle ist in der Probezeit weggefallen.',
  'Erneuter Unterstützungsbedarf nach Trennung.',
  'Rückkehr nach Mülheim; Zuständigkeit besteht wieder.',
  'Neuer Bescheid der Ausländerbehörde erfordert Begleitung.',
] as const;

export const OUTCOMES: Readonly<Record<ClosureReason, readonly string[]>> = {
  goals_achieved: [
    'Sprachkurs B1 bestanden, unbefristete Stelle gefunden; Leistungsbezug beendet.',
    'Eigene Wohnung bezogen, Kinder in Kita und Schule; keine weitere Begleitung nötig.',
    'Anerkennung erreicht, Anstellung im erlernten Beruf.',
    'Ausbildungsvertrag geschlossen; Begleitung durch die Ausbildungspatin läuft weiter.',
  ],
  handed_over: [
    'An das Jobcenter übergeben (Rechtskreiswechsel); Ziele werden im Kooperationsplan fortgeführt.',
    'Übergabe an die Regelberatung des Migrationsdienstes.',
  ],
  moved_away: ['Umzug in eine andere Kommune; Übergabe der Unterlagen mit Einwilligung.'],
  no_longer_responsible: ['Zuständigkeit liegt nach Umverteilung beim Kreis Mettmann.'],
  person_declined: ['Die Person wünscht keine weitere Begleitung; Kontaktangebot bleibt bestehen.'],
  contact_lost: ['Seit drei Monaten kein Kontakt; Schreiben blieben unbeantwortet.'],
  deceased: ['Die Person ist verstorben.'],
  other: ['Ausreise in das Herkunftsland.'],
};

export const MEMBER_END_REASONS = [
  'Beratung abgeschlossen.',
  'Keine weitere Beteiligung erforderlich.',
  'Zuständigkeit nach Statuswechsel entfallen.',
] as const;

export const REASSIGN_REASONS = [
  'Vertretung während der Elternzeit.',
  'Neuverteilung der Fälle im Team.',
  'Übernahme wegen besonderer Sprachkenntnisse.',
] as const;
