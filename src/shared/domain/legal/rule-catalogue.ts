/**
 * Every rule of the legal-domain engine, with its effective-date range, the norm it cites, whether
 * the project verified it against a stored source, and a plain explanation in German and English.
 * The evaluation (evaluate-legal-domain.ts) may only fire a rule on a day inside its range, so a
 * new version of a rule is a new entry with a new id and a start date; the old entry gets an end.
 *
 * `verification`:
 * - `verified`: checked against a stored source (statute text, official FAQ, court decision) that
 *   the domain research (shared/reference/domain.md §3, marked [S]) cites;
 * - `unverified`: the domain research marks it as own domain knowledge [K], or the project could
 *   not check the detail: the caseworker must confirm it before relying on it;
 * - `planned`: a bill or announcement that was not confirmed as in force when the rule was
 *   written; the engine applies it from the planned date but marks every result it decides as
 *   provisional.
 */

export type RuleVerification = 'verified' | 'unverified' | 'planned';

/** The outputs a rule can decide; the result says for each whether it is certain. */
export const legalOutputs = [
  'benefitSystem',
  'responsibleAgencyKind',
  'labourMarketAccess',
  'integrationCourse',
  'residenceObligation',
  'deadlines',
] as const;
export type LegalOutput = (typeof legalOutputs)[number];

export type LegalRule = {
  id: string;
  /** Short name, German and English. */
  title: { de: string; en: string };
  /** The norm(s), e.g. "§ 1 Abs. 1 Nr. 1 AsylbLG". */
  citation: string;
  /** First day the rule applies ('YYYY-MM-DD'). */
  validFrom: string;
  /** Last day the rule applies, or null while it is in force. */
  validUntil: string | null;
  verification: RuleVerification;
  /** Where the content comes from (domain research source or statute). */
  source: string;
  /** What the rule says, in plain language. */
  description: { de: string; en: string };
};

// The versions of this catalogue (and which rules each added, changed or ended) are in
// rule-versions.ts; results carry the version in force on their evaluation day.

/** Earliest evaluation day the catalogue covers: Ukrainians moved from the AsylbLG to SGB II/XII on 1 June 2022. */
export const EARLIEST_SUPPORTED_DATE = '2022-06-01';

const rules: LegalRule[] = [
  // ----- who the engine treats as what (status)
  {
    id: 'status.safe_country_of_origin',
    title: { de: 'Sicherer Herkunftsstaat', en: 'Safe country of origin' },
    citation: '§ 29a AsylG i. V. m. Anlage II',
    validFrom: '1993-07-01',
    validUntil: null,
    verification: 'unverified',
    source: 'AsylG Anlage II (list with dates of inclusion: Georgia and Moldova since 23.12.2023); domain research [K]',
    description: {
      de: 'Staatsangehörige der in Anlage II zum AsylG genannten Staaten (und der EU-Staaten) kommen aus einem sicheren Herkunftsstaat. Für sie gelten Arbeitsverbote und kein Zugang zum Integrationskurs nach § 44 Abs. 4 AufenthG. Wird die Angabe nicht gemacht, leitet die Regel sie aus der Staatsangehörigkeit und dem Stichtag ab.',
      en: 'Nationals of the states listed in annex II to the AsylG (and of EU states) come from a safe country of origin: employment bans apply and there is no discretionary integration course. Without an explicit fact the rule derives it from the nationality and the date.',
    },
  },
  {
    id: 'status.document_expired',
    title: { de: 'Dokument abgelaufen', en: 'Document expired' },
    citation: '§ 50 Abs. 1 AufenthG; § 81 Abs. 4 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'AufenthG; domain research §3.1 [P]',
    description: {
      de: 'Das angegebene Dokument war am Stichtag nicht mehr gültig. Ob ein Folgedokument, eine Fiktionsbescheinigung oder die Ausreisepflicht vorliegt, ist offen: Alle Ergebnisse sind vorläufig.',
      en: 'The document had expired on the evaluation day. Whether a follow-up document, a Fiktionsbescheinigung or an obligation to leave applies is open: all results are provisional.',
    },
  },

  // ----- benefit system
  {
    id: 'benefit.unaccompanied_minor_sgb8',
    title: { de: 'Unbegleitete Minderjährige: Jugendhilfe', en: 'Unaccompanied minors: youth welfare' },
    citation: '§§ 42a, 42, 39 SGB VIII',
    validFrom: '2015-11-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 25 [K]',
    description: {
      de: 'Unbegleitete ausländische Minderjährige werden vom Jugendamt in Obhut genommen (§§ 42a, 42 SGB VIII); ihr Lebensunterhalt wird im Rahmen der Jugendhilfe gesichert, nicht nach dem AsylbLG. Das Jugendamt ist federführend.',
      en: 'Unaccompanied foreign minors are taken into care by the youth welfare office (§§ 42a, 42 SGB VIII); their maintenance is covered by youth welfare, not the AsylbLG. The Jugendamt leads.',
    },
  },
  {
    id: 'benefit.ankunftsnachweis_asylblg',
    title: { de: 'Ankunftsnachweis: AsylbLG', en: 'Proof of arrival: AsylbLG' },
    citation: '§ 1 Abs. 1 Nr. 1a AsylbLG; § 47 AsylG',
    validFrom: '2016-02-05',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 1 [K]; Land responsibility [S/K]',
    description: {
      de: 'Wer als Asylsuchende oder Asylsuchender einen Ankunftsnachweis hat, erhält Leistungen nach dem AsylbLG. Bis zur Zuweisung an eine Kommune wohnt die Person in einer Landeseinrichtung (EAE/ZUE, in NRW Bezirksregierung Arnsberg); zuständig ist das Land, nicht das Sozialamt der Stadt.',
      en: 'Asylum seekers with a proof of arrival receive AsylbLG benefits. Until allocated to a municipality they live in a Land reception facility (in NRW: Bezirksregierung Arnsberg); the Land is responsible, not the city.',
    },
  },
  {
    id: 'benefit.gestattung_asylblg',
    title: { de: 'Aufenthaltsgestattung: AsylbLG', en: 'Permission to stay (asylum): AsylbLG' },
    citation: '§ 1 Abs. 1 Nr. 1 AsylbLG',
    validFrom: '1993-11-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 2 [S]',
    description: {
      de: 'Asylsuchende mit Aufenthaltsgestattung erhalten Leistungen nach dem AsylbLG vom Sozialamt.',
      en: 'Asylum seekers with an Aufenthaltsgestattung receive AsylbLG benefits from the Sozialamt.',
    },
  },
  {
    id: 'benefit.duldung_asylblg',
    title: { de: 'Duldung: AsylbLG', en: 'Duldung: AsylbLG' },
    citation: '§ 1 Abs. 1 Nr. 4 AsylbLG',
    validFrom: '1993-11-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 rows 3–5 [S/K]',
    description: {
      de: 'Menschen mit einer Duldung (auch Ausbildungs- oder Beschäftigungsduldung) erhalten Leistungen nach dem AsylbLG; Kürzungen nach § 1a AsylbLG sind möglich.',
      en: 'People with a Duldung (including the training or employment Duldung) receive AsylbLG benefits; reductions under § 1a AsylbLG are possible.',
    },
  },
  {
    id: 'benefit.ausreisepflichtig_asylblg',
    title: { de: 'Vollziehbar ausreisepflichtig: AsylbLG', en: 'Enforceably obliged to leave: AsylbLG' },
    citation: '§ 1 Abs. 1 Nr. 5 AsylbLG',
    validFrom: '1993-11-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 22 [S: lk-row.de]',
    description: {
      de: 'Drittstaatsangehörige ohne Aufenthaltstitel und ohne Duldung sind in der Regel vollziehbar ausreisepflichtig und erhalten Leistungen nach dem AsylbLG (ggf. gekürzt nach § 1a AsylbLG).',
      en: 'Third-country nationals without a residence title or Duldung are usually enforceably obliged to leave and receive AsylbLG benefits (possibly reduced under § 1a).',
    },
  },
  {
    id: 'benefit.title_asylblg',
    title: { de: 'Aufenthaltserlaubnis im AsylbLG', en: 'Residence permit within the AsylbLG' },
    citation: '§ 1 Abs. 1 Nr. 3 AsylbLG',
    validFrom: '2016-10-24',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 rows 8, 9, 14 [S: lk-row.de]',
    description: {
      de: 'Wer eine Aufenthaltserlaubnis nach § 23 Abs. 1 AufenthG wegen des Krieges im Heimatland, nach § 25 Abs. 4 Satz 1 oder nach § 25 Abs. 5 AufenthG (Aussetzung der Abschiebung vor weniger als 18 Monaten) hat, bleibt im AsylbLG.',
      en: 'Holders of a residence permit under § 23(1) AufenthG because of war in the home country, § 25(4) sentence 1, or § 25(5) AufenthG (deportation suspended less than 18 months ago) stay within the AsylbLG.',
    },
  },
  {
    id: 'benefit.section25_5_after_18_months',
    title: { de: '§ 25 Abs. 5 nach 18 Monaten: SGB II/XII', en: '§ 25(5) after 18 months: SGB II/XII' },
    citation: '§ 1 Abs. 1 Nr. 3 Buchst. c AsylbLG; § 1 Abs. 3 Satz 1 Nr. 1 AsylbLG',
    validFrom: '2016-10-24',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 9 [S: lk-row.de; LSG NRW L 20 AY 29/13]',
    description: {
      de: 'Liegt die Entscheidung über die Aussetzung der Abschiebung 18 Monate oder länger zurück, endet das AsylbLG mit Ablauf dieses Monats; danach SGB II (erwerbsfähig) oder SGB XII.',
      en: 'Once the decision suspending deportation lies 18 months or more back, the AsylbLG ends at the end of that month; then SGB II (able to work) or SGB XII.',
    },
  },
  {
    id: 'benefit.asylblg_basic',
    title: { de: 'AsylbLG-Grundleistungen', en: 'AsylbLG basic benefits' },
    citation: '§ 3 AsylbLG',
    validFrom: '1993-11-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 2 [S]',
    description: {
      de: 'Solange die Wartezeit des § 2 AsylbLG nicht erfüllt ist, gibt es Grundleistungen nach § 3 AsylbLG.',
      en: 'Until the waiting period of § 2 AsylbLG is complete, basic benefits under § 3 AsylbLG apply.',
    },
  },
  {
    id: 'benefit.asylblg_analog_18_months',
    title: {
      de: 'Analogleistungen nach 18 Monaten (alte Fassung)',
      en: 'Analogous benefits after 18 months (former version)',
    },
    citation: '§ 2 Abs. 1 AsylbLG (Fassung bis 26.02.2024)',
    validFrom: '2019-08-21',
    validUntil: '2024-02-26',
    verification: 'verified',
    source: 'asyl.net (Analogleistungen, Stand Juli 2024); domain research §3.2 row 2 [S]',
    description: {
      de: 'Bis zum 26.02.2024 erhielten Leistungsberechtigte nach 18 Monaten Aufenthalt ohne wesentliche Unterbrechung Leistungen entsprechend dem SGB XII (Analogleistungen), wenn sie die Dauer des Aufenthalts nicht rechtsmissbräuchlich selbst beeinflusst hatten. Die Frist wird taggenau gerechnet.',
      en: 'Until 26 Feb 2024, after 18 months of stay without substantial interruption, beneficiaries received benefits corresponding to SGB XII (analogous benefits) unless they had abusively prolonged their stay. The period is counted to the day.',
    },
  },
  {
    id: 'benefit.asylblg_analog_36_months',
    title: { de: 'Analogleistungen nach 36 Monaten', en: 'Analogous benefits after 36 months' },
    citation: '§ 2 Abs. 1 AsylbLG',
    validFrom: '2024-02-27',
    validUntil: null,
    verification: 'verified',
    source:
      'Rückführungsverbesserungsgesetz, in force 27.02.2024 [S: asyl.net; berlin.de Rundschreiben Soz 01/2024]; LSG NRW L 20 AY 40/19 (taggenau)',
    description: {
      de: 'Seit dem 27.02.2024 gibt es Analogleistungen (entsprechend SGB XII) erst nach 36 Monaten Aufenthalt ohne wesentliche Unterbrechung und ohne rechtsmissbräuchliche Verlängerung. Die Frist wird taggenau gerechnet: Die höheren Leistungen beginnen am Tag nach ihrem Ablauf, nicht erst am Monatsersten. Wer zuständig ist, ändert sich nicht (weiter das Sozialamt).',
      en: 'Since 27 Feb 2024 analogous benefits (at SGB XII level) start only after 36 months of stay without substantial interruption and without abusive prolongation. The period is counted to the day: the higher benefits start the day after it ends, not on the first of the month. The Sozialamt stays responsible.',
    },
  },
  {
    id: 'benefit.asylblg_analog_transition',
    title: { de: 'Übergangsregel für Analogleistungen', en: 'Transition rule for analogous benefits' },
    citation: '§ 20 AsylbLG',
    validFrom: '2024-02-27',
    validUntil: null,
    verification: 'verified',
    source: 'asyl.net (Analogleistungen, Stand Juli 2024); Flüchtlingsrat BW',
    description: {
      de: 'Wer am 26.02.2024 die damals geltende Wartezeit von 18 Monaten bereits erfüllt hatte, erhält weiter Analogleistungen; die 36 Monate gelten für diese Person nicht.',
      en: 'Anyone who had completed the then-applicable 18 months by 26 Feb 2024 keeps analogous benefits; the 36 months do not apply to them.',
    },
  },
  {
    id: 'benefit.asylblg_until_month_end',
    title: { de: 'AsylbLG bis zum Monatsende', en: 'AsylbLG until the end of the month' },
    citation: '§ 1 Abs. 3 Satz 1 AsylbLG',
    validFrom: '2016-08-06',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 2 and §3.7 [S: lk-row.de]',
    description: {
      de: 'Die Leistungsberechtigung nach dem AsylbLG endet mit Ablauf des Monats, in dem das BAMF die Person anerkannt hat (auch wenn die Entscheidung noch nicht unanfechtbar ist) oder in dem die Voraussetzung sonst entfallen ist, etwa weil eine Aufenthaltserlaubnis erteilt wurde, die ins SGB II führt. Ab dem Folgemonat: SGB II oder SGB XII – der Antrag beim Jobcenter wirkt auf den Monatsersten zurück (§ 37 Abs. 2 SGB II).',
      en: 'AsylbLG entitlement ends at the end of the month in which the BAMF recognised the person (even if not yet final) or in which the condition otherwise ceased, e.g. a residence permit leading to SGB II was issued. From the following month: SGB II or SGB XII; the Jobcenter application relates back to the first of the month (§ 37(2) SGB II).',
    },
  },
  {
    id: 'benefit.section24_sgb',
    title: { de: '§ 24 AufenthG: SGB II/XII', en: '§ 24 AufenthG: SGB II/XII' },
    citation: '§ 1 Abs. 1 Nr. 3 Buchst. a AsylbLG; § 7 Abs. 1 SGB II; § 74 SGB II',
    validFrom: '2022-06-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 12 [S: sgb2.info FAQ]',
    description: {
      de: 'Seit dem 01.06.2022 erhalten Menschen mit vorübergehendem Schutz nach § 24 AufenthG (Ukraine) oder einer entsprechenden Fiktionsbescheinigung Leistungen nach dem SGB II (erwerbsfähig) oder SGB XII, nicht mehr nach dem AsylbLG. Wer den Titel oder die Fiktionsbescheinigung bis zum 31.03.2025 erstmals erhalten hat, bleibt auch nach dem geplanten Rechtskreiswechsel dort.',
      en: 'Since 1 June 2022 people with temporary protection under § 24 AufenthG (Ukraine) or a corresponding Fiktionsbescheinigung receive SGB II (able to work) or SGB XII, no longer AsylbLG. Those first granted the title or certificate by 31 Mar 2025 stay there under the planned change too.',
    },
  },
  {
    id: 'benefit.section24_asylblg_planned',
    title: { de: '§ 24 nach dem 31.03.2025: AsylbLG (geplant)', en: '§ 24 after 31 Mar 2025: AsylbLG (planned)' },
    citation: '§ 1 Abs. 1 AsylbLG i. d. F. des Leistungsrechtsanpassungsgesetzes (Entwurf)',
    validFrom: '2026-07-01',
    validUntil: null,
    verification: 'planned',
    source:
      'Regierungsentwurf Leistungsrechtsanpassungsgesetz, Kabinett 19.11.2025, geplant in Kraft 01.07.2026 [S: sgb2.info; vbw-bayern.de; kommunales-sachsen-anhalt.de]; in Kraft treten nicht bestätigt',
    description: {
      de: 'Geplant: Wer die Aufenthaltserlaubnis nach § 24 AufenthG oder eine Fiktionsbescheinigung dazu erstmals nach dem 31.03.2025 erhalten hat, erhält ab dem 01.07.2026 Leistungen nach dem AsylbLG statt SGB II/XII. Ob das Gesetz so in Kraft getreten ist, hat das Projekt nicht bestätigt – das Ergebnis ist deshalb immer vorläufig.',
      en: 'Planned: anyone first granted the § 24 permit or a corresponding Fiktionsbescheinigung after 31 Mar 2025 receives AsylbLG instead of SGB II/XII from 1 July 2026. The project has not confirmed that the law entered into force as planned, so the result is always provisional.',
    },
  },
  {
    id: 'benefit.section24_transition_planned',
    title: { de: 'Übergang für § 24 im SGB II (geplant)', en: 'Transition for § 24 in SGB II (planned)' },
    citation: 'Leistungsrechtsanpassungsgesetz (Entwurf), Übergangsregelung',
    validFrom: '2026-07-01',
    validUntil: '2026-09-30',
    verification: 'planned',
    source:
      'vbw-bayern.de; kommunales-sachsen-anhalt.de (Übergang bis Ende des Bewilligungszeitraums, längstens drei Monate nach Inkrafttreten)',
    description: {
      de: 'Geplant: Wer vor dem 01.07.2026 schon SGB-II- oder SGB-XII-Leistungen bewilligt bekam, bleibt bis zum Ende des Bewilligungszeitraums dort, längstens bis zum 30.09.2026.',
      en: 'Planned: anyone already granted SGB II or XII benefits before 1 July 2026 stays there until the end of the approval period, at the latest until 30 Sep 2026.',
    },
  },
  {
    id: 'benefit.title_sgb',
    title: { de: 'Aufenthaltstitel: SGB II/XII', en: 'Residence title: SGB II/XII' },
    citation: '§ 7 Abs. 1 SGB II; § 23 Abs. 1 SGB XII',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 rows 6, 7, 10, 11, 15–19 [K]',
    description: {
      de: 'Ein Aufenthaltstitel, der nicht in § 1 AsylbLG genannt ist (z. B. Anerkennung nach § 25 Abs. 1 oder 2, §§ 25a, 25b, Familiennachzug, Niederlassungserlaubnis), führt bei Hilfebedürftigkeit ins SGB II (erwerbsfähig) oder SGB XII. Bei Titeln zu Erwerbs- oder Bildungszwecken kann der Bezug den Titel gefährden (§ 5 Abs. 1 Nr. 1 AufenthG).',
      en: 'A residence title not listed in § 1 AsylbLG (e.g. recognition under § 25(1) or (2), §§ 25a, 25b, family reunion, settlement permit) leads to SGB II (able to work) or SGB XII when in need. For employment or education titles, claiming benefits can endanger the title (§ 5(1) no. 1 AufenthG).',
    },
  },
  {
    id: 'benefit.training_study_excluded',
    title: { de: 'Ausbildung/Studium: Leistungsausschluss', en: 'Training/studies: excluded' },
    citation: '§ 7 Abs. 5 SGB II; § 22 SGB XII',
    validFrom: '2016-08-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 rows 4, 17 [K]',
    description: {
      de: 'Wer eine dem Grunde nach BAföG- oder BAB-förderfähige Ausbildung oder ein Studium macht, ist vom Bürgergeld und der Sozialhilfe grundsätzlich ausgeschlossen (Ausnahmen § 7 Abs. 6 SGB II). Titel nach §§ 16a, 16b, 16g AufenthG führen deshalb in der Regel zu keinem existenzsichernden System.',
      en: 'People in training or studies eligible in principle for BAföG or BAB are generally excluded from SGB II and SGB XII (exceptions § 7(6) SGB II). Titles under §§ 16a, 16b, 16g AufenthG therefore usually lead to no subsistence system.',
    },
  },
  {
    id: 'benefit.jobseeker_title_excluded',
    title: { de: 'Aufenthalt zur Arbeitsuche: Leistungsausschluss', en: 'Stay for job seeking: excluded' },
    citation: '§ 7 Abs. 1 Satz 2 Nr. 2 SGB II; § 23 Abs. 3 SGB XII',
    validFrom: '2016-12-29',
    validUntil: null,
    verification: 'unverified',
    source: 'SGB II [K]',
    description: {
      de: 'Wessen Aufenthaltsrecht sich allein aus der Arbeit- oder Ausbildungsplatzsuche ergibt (z. B. §§ 17, 20 AufenthG), ist vom SGB II und SGB XII ausgeschlossen.',
      en: 'Those whose right of residence rests solely on looking for work or a training place (e.g. §§ 17, 20 AufenthG) are excluded from SGB II and SGB XII.',
    },
  },
  {
    id: 'benefit.eu_first_three_months',
    title: { de: 'Unionsbürger: erste drei Monate', en: 'EU citizens: first three months' },
    citation: '§ 7 Abs. 1 Satz 2 Nr. 1 SGB II; § 23 Abs. 3 Satz 1 Nr. 1 SGB XII',
    validFrom: '2016-12-29',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 20 [S: BR-Drs. 587/16; sozialleistungen.info]',
    description: {
      de: 'Unionsbürgerinnen und -bürger, die weder Arbeitnehmer noch Selbständige sind und ihren Status nicht behalten haben, sind in den ersten drei Monaten ihres Aufenthalts von SGB II und SGB XII ausgeschlossen. Das Sozialamt kann Überbrückungsleistungen für längstens einen Monat innerhalb von zwei Jahren und Rückreisekosten zahlen (§ 23 Abs. 3 Satz 3 ff. SGB XII).',
      en: 'EU citizens who are neither workers nor self-employed and have not retained that status are excluded from SGB II and XII in their first three months. The Sozialamt can pay bridging benefits for at most one month within two years plus return travel (§ 23(3) sentence 3 ff. SGB XII).',
    },
  },
  {
    id: 'benefit.eu_jobseeker_excluded',
    title: { de: 'Unionsbürger: nur Arbeitsuche', en: 'EU citizens: job seeking only' },
    citation: '§ 7 Abs. 1 Satz 2 Nr. 2 SGB II; § 23 Abs. 3 Satz 1 Nr. 2 SGB XII',
    validFrom: '2016-12-29',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 20 [S]',
    description: {
      de: 'Nach den ersten drei Monaten bleiben Unionsbürger ausgeschlossen, wenn sie kein Aufenthaltsrecht haben oder es sich allein aus der Arbeitsuche ergibt – es sei denn, sie sind Arbeitnehmer, Selbständige, haben diesen Status behalten oder leben seit fünf Jahren gewöhnlich in Deutschland.',
      en: 'After the first three months EU citizens stay excluded if they have no right of residence or it rests solely on job seeking, unless they are workers, self-employed, retained that status, or have lived habitually in Germany for five years.',
    },
  },
  {
    id: 'benefit.eu_worker',
    title: { de: 'Unionsbürger als Arbeitnehmer', en: 'EU citizens as workers' },
    citation: '§ 2 Abs. 2 Nr. 1, Abs. 3 FreizügG/EU; § 7 Abs. 1 Satz 2 SGB II',
    validFrom: '2016-12-29',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 20 [S; details K]',
    description: {
      de: 'Arbeitnehmer, Selbständige und Personen mit fortwirkendem Arbeitnehmerstatus (und ihre Familienangehörigen) sind nicht ausgeschlossen: Bei Hilfebedürftigkeit gibt es SGB II, auch ergänzend zum Lohn.',
      en: 'Workers, the self-employed and people with retained worker status (and their family members) are not excluded: when in need they get SGB II, also on top of wages.',
    },
  },
  {
    id: 'benefit.eu_five_years',
    title: { de: 'Unionsbürger nach fünf Jahren', en: 'EU citizens after five years' },
    citation: '§ 7 Abs. 1 Satz 4 und 5 SGB II; § 23 Abs. 3 Satz 7 SGB XII',
    validFrom: '2016-12-29',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 20 [S]',
    description: {
      de: 'Nach fünf Jahren gewöhnlichem Aufenthalt gilt der Ausschluss nicht mehr. Die Frist beginnt mit der Anmeldung bei der Meldebehörde; die Einreise ist nur eine untere Grenze.',
      en: 'After five years of habitual residence the exclusion no longer applies. The period starts with registration at the registration office; the date of entry is only a lower bound.',
    },
  },
  {
    id: 'benefit.german_citizen',
    title: { de: 'Deutsche Staatsangehörige', en: 'German citizens' },
    citation: '§ 7 Abs. 1 SGB II; § 19 SGB XII',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'SGB II [K]',
    description: {
      de: 'Für deutsche Staatsangehörige gibt es keine aufenthaltsrechtlichen Ausschlüsse: SGB II bei Erwerbsfähigkeit, sonst SGB XII.',
      en: 'German citizens face no residence-law exclusions: SGB II when able to work, otherwise SGB XII.',
    },
  },
  {
    id: 'benefit.sgb2_erwerbsfaehig',
    title: { de: 'SGB II bei Erwerbsfähigkeit', en: 'SGB II when able to work' },
    citation: '§ 7 Abs. 1, § 8 SGB II',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.1, §3.2 row 26 [K]',
    description: {
      de: 'Wer mindestens 15 Jahre alt ist, die Regelaltersgrenze noch nicht erreicht hat und mindestens drei Stunden täglich arbeiten kann (erwerbsfähig), erhält bei Hilfebedürftigkeit Bürgergeld nach dem SGB II vom Jobcenter – in Mülheim die Stadt als zugelassener kommunaler Träger.',
      en: 'Anyone aged 15 or over, below the standard retirement age and able to work at least three hours a day receives SGB II benefits from the Jobcenter when in need – in Mülheim the city itself as zkT.',
    },
  },
  {
    id: 'benefit.sgb2_sozialgeld_child',
    title: { de: 'Kinder unter 15: Sozialgeld', en: 'Children under 15: Sozialgeld' },
    citation: '§ 7 Abs. 2 und 3, § 19 Abs. 1 Satz 2 SGB II',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'SGB II [K]',
    description: {
      de: 'Kinder unter 15 Jahren erhalten Sozialgeld nach dem SGB II, wenn sie mit einer erwerbsfähigen leistungsberechtigten Person in einer Bedarfsgemeinschaft leben; sonst kommt SGB XII in Betracht.',
      en: 'Children under 15 receive Sozialgeld under SGB II when they live in a Bedarfsgemeinschaft with a person able to work who is entitled; otherwise SGB XII applies.',
    },
  },
  {
    id: 'benefit.sgb12_not_erwerbsfaehig',
    title: { de: 'Nicht erwerbsfähig: SGB XII', en: 'Not able to work: SGB XII' },
    citation: '§ 8 SGB II; §§ 19, 27, 41 SGB XII',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 26 [K]',
    description: {
      de: 'Wer nicht erwerbsfähig ist, erhält bei Hilfebedürftigkeit Sozialhilfe nach dem SGB XII vom Sozialamt (Hilfe zum Lebensunterhalt oder Grundsicherung bei dauerhafter voller Erwerbsminderung). Lebt die Person mit einer erwerbsfähigen Person in einer Bedarfsgemeinschaft und ist sie nicht dauerhaft voll erwerbsgemindert, kann stattdessen Sozialgeld nach dem SGB II in Betracht kommen.',
      en: 'People not able to work receive social assistance under SGB XII from the Sozialamt when in need. If they live in a Bedarfsgemeinschaft with someone able to work and are not permanently fully incapacitated, Sozialgeld under SGB II may apply instead.',
    },
  },
  {
    id: 'benefit.sgb12_retirement_age',
    title: { de: 'Regelaltersgrenze: SGB XII', en: 'Standard retirement age: SGB XII' },
    citation: '§ 7a SGB II; § 41 Abs. 2 SGB XII',
    validFrom: '2008-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'SGB II § 7a table [K]',
    description: {
      de: 'Mit Ablauf des Monats, in dem die Person die Regelaltersgrenze erreicht (65 Jahre, für Geburtsjahrgänge ab 1947 schrittweise bis 67 Jahre), endet das SGB II; danach Grundsicherung im Alter nach dem SGB XII vom Sozialamt.',
      en: 'SGB II ends at the end of the month in which the person reaches the standard retirement age (65, rising gradually to 67 for those born from 1947); then old-age basic income under SGB XII from the Sozialamt.',
    },
  },
  {
    id: 'agency.local_responsibility',
    title: { de: 'Zuständige Stelle in Mülheim an der Ruhr', en: 'Responsible agency in Mülheim an der Ruhr' },
    citation: '§ 6a SGB II (zkT); § 10 AsylbLG i. V. m. FlüAG NRW; § 3 SGB XII; § 69 SGB VIII',
    validFrom: '2012-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §0 item 4, §3.2 [S]; demo agencies of the municipality',
    description: {
      de: 'In Mülheim an der Ruhr zahlt das Sozialamt AsylbLG und SGB XII, das Jobcenter der Stadt (zugelassener kommunaler Träger) das SGB II, das Jugendamt die Jugendhilfe. Solange eine Person in einer Landeseinrichtung wohnt, ist das Land zuständig; ohne Leistungsanspruch ist niemand zuständig.',
      en: 'In Mülheim an der Ruhr the Sozialamt pays AsylbLG and SGB XII, the city Jobcenter (zkT) SGB II, the Jugendamt youth welfare. While someone lives in a Land facility the Land is responsible; without any entitlement nobody is.',
    },
  },

  // ----- labour-market access
  {
    id: 'labour.ankunftsnachweis_none',
    title: { de: 'Ankunftsnachweis: keine Erwerbstätigkeit', en: 'Proof of arrival: no employment' },
    citation: '§ 61 Abs. 1 AsylG',
    validFrom: '2016-02-05',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 1 [K]',
    description: {
      de: 'Mit einem Ankunftsnachweis ist eine Erwerbstätigkeit noch nicht erlaubt.',
      en: 'Employment is not yet allowed with a proof of arrival.',
    },
  },
  {
    id: 'labour.gestattung_waiting_period',
    title: { de: 'Gestattung: drei Monate Wartezeit', en: 'Gestattung: three-month waiting period' },
    citation: '§ 61 Abs. 2 Satz 1 AsylG',
    validFrom: '2014-11-06',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 2 [S: bleibdranplus.de]',
    description: {
      de: 'In den ersten drei Monaten des gestatteten Aufenthalts ist keine Beschäftigung erlaubt.',
      en: 'No employment during the first three months of the permitted stay.',
    },
  },
  {
    id: 'labour.gestattung_permission',
    title: { de: 'Gestattung: Beschäftigung nur mit Erlaubnis', en: 'Gestattung: employment only with permission' },
    citation: '§ 61 Abs. 1 und 2 AsylG; § 32 BeschV',
    validFrom: '2014-11-06',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 2 and §3.4 [S: bleibdranplus.de; esf-netwin.de]',
    description: {
      de: 'Nach drei Monaten kann die Ausländerbehörde eine Beschäftigung erlauben (für eine bestimmte Stelle, meist mit Zustimmung der Bundesagentur für Arbeit). Nach sechs Monaten besteht ein Anspruch auf die Erlaubnis (seit 27.02.2024, auch bei Wohnpflicht in einer Aufnahmeeinrichtung). Nach vier Jahren Aufenthalt ist keine Zustimmung der BA mehr nötig.',
      en: 'After three months the Ausländerbehörde can permit employment (for a specific job, usually with consent of the Federal Employment Agency). After six months there is an entitlement to the permit (since 27 Feb 2024, also when obliged to live in a reception facility). After four years of stay no BA consent is needed.',
    },
  },
  {
    id: 'labour.safe_country_ban',
    title: { de: 'Sicherer Herkunftsstaat: Beschäftigungsverbot', en: 'Safe country of origin: employment ban' },
    citation: '§ 61 Abs. 2 Satz 4 AsylG; § 60a Abs. 6 Satz 1 Nr. 3 AufenthG',
    validFrom: '2015-10-24',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 rows 2, 3 [S: bleibdranplus.de; K]; Moldova/Georgia transition § 87d AsylG',
    description: {
      de: 'Wer aus einem sicheren Herkunftsstaat kommt und den Asylantrag nach dem 31.08.2015 gestellt hat, darf nicht beschäftigt werden (bei Georgien und Moldau gilt das für Anträge ab dem 30.08.2023).',
      en: 'People from a safe country of origin who applied for asylum after 31 Aug 2015 must not be employed (for Georgia and Moldova: applications from 30 Aug 2023).',
    },
  },
  {
    id: 'labour.duldung_permission',
    title: { de: 'Duldung: Beschäftigung nur mit Erlaubnis', en: 'Duldung: employment only with permission' },
    citation: '§ 4a Abs. 4 AufenthG; § 32 BeschV; § 60a Abs. 6 AufenthG',
    validFrom: '2020-03-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 3 [K; S esf-netwin for four years]',
    description: {
      de: 'Geduldete dürfen nur mit Erlaubnis der Ausländerbehörde arbeiten; in den ersten vier Jahren braucht es meist die Zustimmung der BA. Ausgeschlossen ist, wer das Abschiebungshindernis selbst zu vertreten hat (z. B. Identitätstäuschung) oder aus einem sicheren Herkunftsstaat kommt.',
      en: "People with a Duldung may work only with the Ausländerbehörde's permission; in the first four years BA consent is usually required. Excluded are those responsible for the obstacle to deportation (e.g. identity deception) and people from safe countries.",
    },
  },
  {
    id: 'labour.duldung_unclear_identity_ban',
    title: { de: 'Duldung bei ungeklärter Identität: Verbot', en: 'Duldung with unclear identity: ban' },
    citation: '§ 60b Abs. 5 Satz 2 AufenthG',
    validFrom: '2019-08-21',
    validUntil: null,
    verification: 'unverified',
    source: 'AufenthG [K]',
    description: {
      de: 'Mit einer Duldung für Personen mit ungeklärter Identität darf keine Erwerbstätigkeit erlaubt werden.',
      en: 'No employment may be permitted with a Duldung for persons with unclear identity.',
    },
  },
  {
    id: 'labour.ausbildungsduldung',
    title: { de: 'Ausbildungsduldung', en: 'Training Duldung' },
    citation: '§ 60c AufenthG; § 32 Abs. 2 Nr. 2 BeschV',
    validFrom: '2020-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 4 [S: haufe.de]',
    description: {
      de: 'Die Duldung wird für eine qualifizierte Berufsausbildung erteilt; diese ist erlaubt und braucht keine Zustimmung der BA. Jede andere Beschäftigung braucht eine Erlaubnis.',
      en: 'The Duldung is granted for a qualified vocational training, which is permitted without BA consent. Any other employment needs a permit.',
    },
  },
  {
    id: 'labour.beschaeftigungsduldung',
    title: { de: 'Beschäftigungsduldung', en: 'Employment Duldung' },
    citation: '§ 60d AufenthG',
    validFrom: '2020-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 5 [S: haufe.de]',
    description: {
      de: 'Die Duldung wird für eine bestehende Beschäftigung erteilt (mindestens 20 Stunden in der Woche, seit mindestens 12 Monaten, lebensunterhaltssichernd); diese ist erlaubt. Jede andere Beschäftigung braucht eine Erlaubnis.',
      en: 'The Duldung is granted for an existing employment (at least 20 hours a week for at least 12 months, securing a living), which is permitted. Any other employment needs a permit.',
    },
  },
  {
    id: 'labour.ausreisepflichtig_none',
    title: { de: 'Ohne Titel und Duldung: keine Erwerbstätigkeit', en: 'Without title or Duldung: no employment' },
    citation: '§ 4a Abs. 4 AufenthG',
    validFrom: '2020-03-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 22 [K]',
    description: {
      de: 'Wer weder einen Aufenthaltstitel noch eine Duldung hat, darf nicht arbeiten.',
      en: 'Without a residence title or a Duldung, employment is not allowed.',
    },
  },
  {
    id: 'labour.title_free',
    title: { de: 'Aufenthaltstitel: Erwerbstätigkeit erlaubt', en: 'Residence title: employment allowed' },
    citation: '§ 4a Abs. 1 AufenthG',
    validFrom: '2020-03-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 rows 6, 7, 10–12, 19 and §3.4 [S: esf-netwin.de; WD 3 – 3000 – 110/16]',
    description: {
      de: 'Mit einem Aufenthaltstitel ist jede Erwerbstätigkeit erlaubt, wenn kein Gesetz sie beschränkt – ausdrücklich so bei §§ 25 Abs. 1–3, 24, 25a, 25b, 104c, bei Familiennachzug und bei Niederlassungserlaubnis und Daueraufenthalt-EU.',
      en: 'With a residence title any employment is allowed unless a law restricts it – explicitly so for §§ 25(1)–(3), 24, 25a, 25b, 104c, family reunion, settlement permit and EU long-term residence.',
    },
  },
  {
    id: 'labour.recognised_free',
    title: { de: 'Nach der Anerkennung: Erwerbstätigkeit erlaubt', en: 'After recognition: employment allowed' },
    citation: '§ 25 Abs. 1 Satz 3 und 4, Abs. 2 Satz 2 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'AufenthG [K]',
    description: {
      de: 'Nach der Anerkennung durch das BAMF gilt der Aufenthalt bis zur Erteilung der Aufenthaltserlaubnis als erlaubt; die Erwerbstätigkeit ist erlaubt.',
      en: 'After recognition by the BAMF the stay counts as lawful until the residence permit is issued; employment is allowed.',
    },
  },
  {
    id: 'labour.title_permission',
    title: {
      de: 'Humanitärer Titel: Beschäftigung mit Erlaubnis',
      en: 'Humanitarian title: employment with permission',
    },
    citation: '§ 4a Abs. 1 AufenthG; § 31 BeschV',
    validFrom: '2020-03-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 rows 8, 9, 14 [K]',
    description: {
      de: 'Bei Aufenthaltserlaubnissen nach § 23 Abs. 1, § 25 Abs. 4 Satz 1, Abs. 4a, 4b und Abs. 5 AufenthG richtet sich die Beschäftigung nach der Nebenbestimmung; sie wird in der Regel von der Ausländerbehörde ohne Zustimmung der BA erlaubt.',
      en: 'For residence permits under § 23(1), § 25(4) sentence 1, (4a), (4b) and (5) AufenthG employment follows the conditions on the permit; the Ausländerbehörde usually permits it without BA consent.',
    },
  },
  {
    id: 'labour.title_as_stated',
    title: {
      de: 'Erwerbs- und Bildungstitel: wie im Titel angegeben',
      en: 'Employment and education titles: as stated',
    },
    citation: '§ 4a Abs. 3 AufenthG',
    validFrom: '2020-03-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 17 [K]',
    description: {
      de: 'Bei Titeln zu Bildungs- oder Erwerbszwecken ist nur die Erwerbstätigkeit erlaubt, die der Titel nennt (z. B. eine bestimmte Stelle oder 140 Tage im Jahr bei Studierenden); jede andere braucht eine Erlaubnis.',
      en: 'For education or employment titles only the employment stated on the title is allowed (e.g. a specific job, or 140 days a year for students); any other needs a permit.',
    },
  },
  {
    id: 'labour.document_condition',
    title: { de: 'Nebenbestimmung auf dem Dokument', en: 'Condition stated on the document' },
    citation: '§ 4a Abs. 3 AufenthG',
    validFrom: '2020-03-01',
    validUntil: null,
    verification: 'verified',
    source:
      'domain research §3.1 [S]: Nebenbestimmungen such as "Erwerbstätigkeit erlaubt", "Beschäftigung nur mit Erlaubnis der ABH"',
    description: {
      de: 'Was die Nebenbestimmung auf dem Dokument sagt („Erwerbstätigkeit erlaubt“, „Beschäftigung nur mit Erlaubnis der Ausländerbehörde“, „Erwerbstätigkeit nicht gestattet“), gilt für den Arbeitsmarktzugang.',
      en: 'What the condition on the document says ("employment allowed", "employment only with permission", "employment not permitted") decides labour-market access.',
    },
  },
  {
    id: 'labour.eu_free_movement',
    title: { de: 'Unionsbürger: freier Arbeitsmarktzugang', en: 'EU citizens: free labour-market access' },
    citation: '§ 2 Abs. 1 und 2 FreizügG/EU; Art. 45 AEUV',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 20 [S]',
    description: {
      de: 'Unionsbürgerinnen und -bürger (und EWR, Schweiz) dürfen ohne Erlaubnis arbeiten.',
      en: 'EU (and EEA, Swiss) citizens may work without a permit.',
    },
  },
  {
    id: 'labour.german_citizen',
    title: { de: 'Deutsche: freier Arbeitsmarktzugang', en: 'Germans: free labour-market access' },
    citation: 'Art. 12 Abs. 1 GG',
    validFrom: '1949-05-24',
    validUntil: null,
    verification: 'verified',
    source: 'Grundgesetz',
    description: { de: 'Deutsche brauchen keine Erlaubnis zur Erwerbstätigkeit.', en: 'Germans need no work permit.' },
  },

  // ----- integration course
  {
    id: 'course.entitled',
    title: { de: 'Anspruch auf den Integrationskurs', en: 'Entitled to an integration course' },
    citation: '§ 44 Abs. 1 Satz 1 AufenthG',
    validFrom: '2020-03-01',
    validUntil: null,
    verification: 'verified',
    source: 'AufenthG § 44 (dejure.org; aok.de; deubner-recht.de, Stand 21.02.2024); domain research §3.5 [S]',
    description: {
      de: 'Einen Anspruch auf einmalige Teilnahme hat, wer dauerhaft hier lebt und erstmals eine Aufenthaltserlaubnis zu Erwerbszwecken (§§ 18a–18d, 19c, 21; § 18g seit 18.11.2023), zum Familiennachzug (§§ 28, 29, 30, 32, 36, 36a), aus humanitären Gründen nach § 25 Abs. 1, 2, 4a Satz 3 oder § 25b, nach § 38a oder einen Titel nach § 23 Abs. 2 oder 4 erhält.',
      en: 'Entitled to attend once: anyone living here permanently who is first granted a residence permit for employment (§§ 18a–18d, 19c, 21; § 18g since 18 Nov 2023), family reunion (§§ 28, 29, 30, 32, 36, 36a), on humanitarian grounds under § 25(1), (2), (4a) sentence 3 or § 25b, under § 38a, or a title under § 23(2) or (4).',
    },
  },
  {
    id: 'course.entitled_section104c',
    title: { de: 'Chancen-Aufenthaltsrecht: Integrationskurs', en: 'Opportunity residence: integration course' },
    citation: '§ 104c AufenthG; § 44 AufenthG',
    validFrom: '2022-12-31',
    validUntil: null,
    verification: 'unverified',
    source:
      'domain research §3.2 row 11 [S: rechtsanwalt-hochstrat.de]; § 104c is not in the stored text of § 44 Abs. 1',
    description: {
      de: 'Die Domänenrecherche nennt für das Chancen-Aufenthaltsrecht einen Anspruch auf den Integrationskurs. Im gespeicherten Text von § 44 Abs. 1 AufenthG steht § 104c nicht – bitte prüfen.',
      en: 'The domain research states an entitlement for the opportunity residence permit. § 104c is not in the stored text of § 44(1) AufenthG – please check.',
    },
  },
  {
    id: 'course.entitlement_lapsed',
    title: { de: 'Anspruch erloschen (ein Jahr nach Erteilung)', en: 'Entitlement lapsed (one year after issuance)' },
    citation: '§ 44 Abs. 2 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'AufenthG § 44 Abs. 2 [S: aok.de; lexetius.de]',
    description: {
      de: 'Der Anspruch erlischt ein Jahr nach Erteilung des Titels, der ihn begründet – außer die Person konnte sich aus Gründen, die sie nicht zu vertreten hat, nicht anmelden.',
      en: 'The entitlement lapses one year after the title that created it was issued, unless the person could not register for reasons beyond their control.',
    },
  },
  {
    id: 'course.school_age',
    title: { de: 'Schulpflichtige: kein Integrationskurs', en: 'Pupils: no integration course' },
    citation: '§ 44 Abs. 3 Satz 1 Nr. 1 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'AufenthG § 44 Abs. 3 [S: aok.de]',
    description: {
      de: 'Kinder, Jugendliche und junge Erwachsene, die eine Schule besuchen oder aufnehmen, haben keinen Anspruch; sie lernen Deutsch in der Schule. Unter 16 Jahren geht die Regel davon aus.',
      en: 'Children, adolescents and young adults who attend or start school have no entitlement; they learn German at school. The rule assumes this below age 16.',
    },
  },
  {
    id: 'course.discretionary',
    title: { de: 'Zulassung im Rahmen freier Plätze', en: 'Admission where places are free' },
    citation: '§ 44 Abs. 4 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'AufenthG § 44 Abs. 4 [S: dejure.org]',
    description: {
      de: 'Wer keinen Anspruch (mehr) hat, kann im Rahmen verfügbarer Plätze zugelassen werden – auch Menschen mit Aufenthaltsgestattung, Duldung nach § 60a Abs. 2 Satz 3, Aufenthaltserlaubnis nach § 24 oder § 25 Abs. 5, Unionsbürger und Deutsche mit besonderem Bedarf.',
      en: 'Anyone without (or no longer with) an entitlement can be admitted where places are free – including people with an Aufenthaltsgestattung, a Duldung under § 60a(2) sentence 3, a permit under § 24 or § 25(5), EU citizens and Germans with particular need.',
    },
  },
  {
    id: 'course.gestattung_prospects_until_2022',
    title: {
      de: 'Gestattete vor 2023: nur mit guter Bleibeperspektive',
      en: 'Asylum seekers before 2023: good prospects only',
    },
    citation: '§ 44 Abs. 4 Satz 2 Nr. 1 AufenthG (Fassung bis 30.12.2022)',
    validFrom: '2019-08-01',
    validUntil: '2022-12-30',
    verification: 'unverified',
    source: 'dejure.org (Fassung aufgrund des Chancen-Aufenthaltsrechts-Gesetzes); VG Ansbach AN 6 K 16.01328',
    description: {
      de: 'Bis Ende 2022 konnten Gestattete nur zugelassen werden, wenn ein rechtmäßiger und dauerhafter Aufenthalt zu erwarten war (gute Bleibeperspektive, Länderliste).',
      en: 'Until the end of 2022 asylum seekers could only be admitted when a lawful and lasting stay was expected (good prospects, list of countries).',
    },
  },
  {
    id: 'course.discretionary_stop_2026',
    title: { de: 'Zulassungsstopp 2026', en: 'Admission stop 2026' },
    citation: '§ 44 Abs. 4 AufenthG; BAMF-Trägerrundschreiben Integrationskurse 02/26 vom 09.02.2026',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    verification: 'verified',
    source: 'domain research §3.5, §3.8 [S: fr-hessen.de 09./10.02.2026; frnrw.de]; de facto since December 2025',
    description: {
      de: 'Das BAMF erteilt im Haushaltsjahr 2026 keine Zulassungen nach § 44 Abs. 4 AufenthG (betroffen u. a. Gestattete, Geduldete, Menschen aus der Ukraine, Unionsbürger). Erteilte Zulassungen gelten weiter; Selbstzahlende können teilnehmen. Offen bleibt der Weg über eine Verpflichtung (§ 44a AufenthG, § 5b AsylbLG).',
      en: 'The BAMF grants no admissions under § 44(4) AufenthG in the 2026 budget year (affecting asylum seekers, Duldung holders, Ukrainians, EU citizens). Admissions already granted stay valid; self-payers can attend. The route via an obligation (§ 44a AufenthG, § 5b AsylbLG) stays open.',
    },
  },
  {
    id: 'course.admissions_after_2026_unknown',
    title: { de: 'Zulassungen ab 2027 offen', en: 'Admissions from 2027 open' },
    citation: '§ 44 Abs. 4 AufenthG',
    validFrom: '2027-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'BAMF-Trägerrundschreiben 02/26 covers the 2026 budget year only',
    description: {
      de: 'Ob das BAMF ab 2027 wieder nach § 44 Abs. 4 zulässt, ist im Regelwerk nicht bekannt; die Regel nimmt es an und markiert das Ergebnis als vorläufig.',
      en: 'Whether the BAMF admits under § 44(4) again from 2027 is not known to the rule set; the rule assumes so and marks the result provisional.',
    },
  },
  {
    id: 'course.obligation_jobcenter',
    title: { de: 'Verpflichtung durch das Jobcenter', en: 'Obligation by the Jobcenter' },
    citation: '§ 44a Abs. 1 Satz 1 Nr. 2 AufenthG; § 3 Abs. 4 SGB II',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.5 [S: haufe.de]',
    description: {
      de: 'Das Jobcenter kann Leistungsberechtigte nach dem SGB II zur Teilnahme verpflichten (Kooperationsplan); eine Weigerung kann zu einer Leistungsminderung führen.',
      en: 'The Jobcenter can oblige SGB II recipients to attend (cooperation plan); refusal can lead to a benefit reduction.',
    },
  },
  {
    id: 'course.obligation_asylblg',
    title: { de: 'Verpflichtung durch die AsylbLG-Behörde', en: 'Obligation by the AsylbLG authority' },
    citation: '§ 5b AsylbLG; § 44a Abs. 1 Satz 1 Nr. 4 AufenthG',
    validFrom: '2016-08-06',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 2, §3.5 [K]',
    description: {
      de: 'Das Sozialamt kann volljährige Leistungsberechtigte mit Aufenthaltsgestattung, Duldung nach § 60a Abs. 2 Satz 3 oder Aufenthaltserlaubnis im AsylbLG zur Teilnahme an einem Integrationskurs verpflichten.',
      en: 'The Sozialamt can oblige adult AsylbLG recipients with an Aufenthaltsgestattung, a Duldung under § 60a(2) sentence 3 or a residence permit within the AsylbLG to attend an integration course.',
    },
  },
  {
    id: 'course.obligation_abh',
    title: { de: 'Verpflichtung durch die Ausländerbehörde', en: 'Obligation by the Ausländerbehörde' },
    citation: '§ 44a Abs. 1 Satz 1 Nr. 1 und 3 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.5 [S/K]',
    description: {
      de: 'Die Ausländerbehörde kann Inhaberinnen und Inhaber eines Aufenthaltstitels verpflichten, wenn sie sich nicht auf einfache Art auf Deutsch verständigen können oder besonders integrationsbedürftig sind.',
      en: 'The Ausländerbehörde can oblige title holders who cannot communicate in simple German or who have particular integration needs.',
    },
  },
  {
    id: 'course.none',
    title: { de: 'Kein Zugang zum Integrationskurs', en: 'No access to an integration course' },
    citation: '§§ 44, 44a AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 rows 1, 3, 22 [K]',
    description: {
      de: 'Weder Anspruch noch Zulassung noch Verpflichtung kommen in Betracht (z. B. Ankunftsnachweis, Duldung nach § 60a Abs. 2 Satz 1, vollziehbare Ausreisepflicht, sicherer Herkunftsstaat). Eine Teilnahme als Selbstzahlende bleibt möglich.',
      en: 'Neither entitlement nor admission nor obligation applies (e.g. proof of arrival, Duldung under § 60a(2) sentence 1, enforceable obligation to leave, safe country). Attending as a self-payer remains possible.',
    },
  },

  // ----- residence obligation
  {
    id: 'residence.section12a',
    title: { de: 'Wohnsitzregelung nach § 12a', en: 'Residence rule under § 12a' },
    citation: '§ 12a Abs. 1 AufenthG; AWoV NRW',
    validFrom: '2016-08-06',
    validUntil: null,
    verification: 'verified',
    source:
      'domain research §3.3 [S: bra.nrw.de; Thüringen Erlass via fragdenstaat (Fristberechnung); berlin-hilft.com für § 24]',
    description: {
      de: 'Wer als Asylberechtigte, Flüchtling oder subsidiär Schutzberechtigte anerkannt wurde oder erstmals eine Aufenthaltserlaubnis nach §§ 22, 23, 24 oder 25 Abs. 3 AufenthG erhalten hat (nach dem 01.01.2016), muss drei Jahre lang im Land des Asylverfahrens bzw. der Zuweisung wohnen; in NRW weist die Bezirksregierung Arnsberg eine bestimmte Gemeinde zu. Die Frist läuft ab der Anerkennung bzw. Erteilung (Bescheid vom 16.10.2016 → Ende 15.10.2019).',
      en: 'Anyone recognised as entitled to asylum, refugee or subsidiary protection, or first granted a residence permit under §§ 22, 23, 24 or 25(3) AufenthG (after 1 Jan 2016), must live in the Land of the procedure or allocation for three years; in NRW the Bezirksregierung Arnsberg assigns a specific municipality. The period runs from recognition or issuance (notice of 16 Oct 2016 → ends 15 Oct 2019).',
    },
  },
  {
    id: 'residence.section12a_exception_employment',
    title: { de: 'Ausnahme: sozialversicherungspflichtige Beschäftigung', en: 'Exception: insured employment' },
    citation: '§ 12a Abs. 1 Satz 2 AufenthG',
    validFrom: '2016-08-06',
    validUntil: null,
    verification: 'verified',
    source:
      'domain research §3.3 [S: vhs-ehrenamtsportal.de]; income threshold is a parameter (the €712 figure is outdated)',
    description: {
      de: 'Die Wohnsitzregelung gilt nicht, wenn die Person, ihr Ehe- oder Lebenspartner oder ein minderjähriges Kind eine sozialversicherungspflichtige Beschäftigung von mindestens 15 Stunden in der Woche ausübt, die mindestens den durchschnittlichen SGB-II-Bedarf einer Einzelperson deckt, oder eine Berufsausbildung oder ein Studium aufnimmt. Die Ausländerbehörde braucht Nachweise.',
      en: 'The residence rule does not apply if the person, their spouse or partner or a minor child has insured employment of at least 15 hours a week earning at least the average SGB II need of a single person, or starts vocational training or studies. The Ausländerbehörde needs proof.',
    },
  },
  {
    id: 'residence.reception_facility',
    title: { de: 'Wohnpflicht in der Aufnahmeeinrichtung', en: 'Obligation to live in the reception facility' },
    citation: '§ 47 AsylG',
    validFrom: '2015-10-24',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 1 [K]',
    description: {
      de: 'Asylsuchende müssen zunächst in der Aufnahmeeinrichtung des Landes wohnen (in der Regel bis zu 18 Monate, mit Kindern bis zu 6 Monate).',
      en: 'Asylum seekers must first live in the Land reception facility (usually up to 18 months, with children up to 6 months).',
    },
  },
  {
    id: 'residence.asylg_wohnsitzauflage',
    title: { de: 'Wohnsitzauflage im Asylverfahren', en: 'Residence obligation during the asylum procedure' },
    citation: '§ 60 Abs. 1 AsylG',
    validFrom: '2016-02-05',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 2 [K]',
    description: {
      de: 'Gestattete, die nicht (mehr) in der Aufnahmeeinrichtung wohnen müssen und deren Lebensunterhalt nicht gesichert ist, müssen an dem Ort wohnen, dem sie zugewiesen wurden.',
      en: 'Asylum seekers no longer obliged to live in the reception facility whose living is not secured must live where they were allocated.',
    },
  },
  {
    id: 'residence.duldung_wohnsitzauflage',
    title: { de: 'Wohnsitzauflage bei Duldung', en: 'Residence obligation with a Duldung' },
    citation: '§ 61 Abs. 1d AufenthG',
    validFrom: '2015-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 row 3 [K]',
    description: {
      de: 'Vollziehbar ausreisepflichtige Menschen (auch mit Duldung), deren Lebensunterhalt nicht gesichert ist, müssen an einem bestimmten Ort wohnen.',
      en: 'People enforceably obliged to leave (also with a Duldung) whose living is not secured must live in a given place.',
    },
  },
  {
    id: 'residence.stated_on_document',
    title: { de: 'Wohnsitzauflage laut Dokument', en: 'Residence obligation stated on the document' },
    citation: '§ 12a AufenthG; § 61 Abs. 1d AufenthG; § 60 AsylG',
    validFrom: '2016-08-06',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.1, §3.3 [S]: store the Wohnsitzauflage with municipality',
    description: {
      de: 'Das Dokument nennt eine Wohnsitzauflage (mit Gemeinde); sie gilt, bis die Ausländerbehörde sie aufhebt oder ihre Frist endet.',
      en: 'The document states a residence obligation (with a municipality); it applies until the Ausländerbehörde lifts it or its period ends.',
    },
  },
  {
    id: 'residence.none',
    title: { de: 'Keine Wohnsitzauflage', en: 'No residence obligation' },
    citation: '§ 12a AufenthG',
    validFrom: '2016-08-06',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.2 rows 10, 11, 17–20 [K/S]',
    description: {
      de: 'Für diesen Status sieht das Gesetz keine Wohnsitzregelung vor (z. B. Niederlassungserlaubnis, Familiennachzug, Erwerbstitel, §§ 25a, 25b, 104c, Unionsbürger), und das Dokument nennt keine.',
      en: 'The law sets no residence rule for this status (e.g. settlement permit, family reunion, employment titles, §§ 25a, 25b, 104c, EU citizens), and the document states none.',
    },
  },

  // ----- deadlines
  {
    id: 'deadline.document_expiry',
    title: { de: 'Ablauf des Dokuments', en: 'Document expiry' },
    citation: '§ 81 Abs. 4 AufenthG; § 63 AsylG; § 60a Abs. 4 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 21 [S]: track expiry',
    description: {
      de: 'Das Dokument gilt bis zu diesem Tag. Eine Verlängerung ist rechtzeitig vorher bei der Ausländerbehörde zu beantragen; dann gilt der Titel fort (Fiktionsbescheinigung).',
      en: 'The document is valid until this day. An extension must be applied for at the Ausländerbehörde in time; the title then continues (Fiktionsbescheinigung).',
    },
  },
  {
    id: 'deadline.fiktionsbescheinigung_expiry',
    title: { de: 'Ablauf der Fiktionsbescheinigung', en: 'Fiktionsbescheinigung expiry' },
    citation: '§ 81 Abs. 3 bis 5 AufenthG',
    validFrom: '2005-01-01',
    validUntil: null,
    verification: 'verified',
    source: 'domain research §3.2 row 21 [S: Mülheim backlog]',
    description: {
      de: 'Die Fiktionsbescheinigung bescheinigt bis zu diesem Tag, dass der bisherige Status fortgilt. Läuft sie ab, ohne dass die Ausländerbehörde entschieden hat, droht eine Lücke bei Arbeit und Leistungen.',
      en: 'The Fiktionsbescheinigung certifies until this day that the previous status continues. If it expires before the Ausländerbehörde decides, a gap in work and benefits looms.',
    },
  },
  {
    id: 'deadline.eighteenth_birthday',
    title: { de: 'Volljährigkeit', en: 'Coming of age' },
    citation: '§ 2 BGB; § 41 SGB VIII',
    validFrom: '1975-01-01',
    validUntil: null,
    verification: 'unverified',
    source: 'domain research §3.1, §3.7 (youth → adult systems at 18/21) [K]',
    description: {
      de: 'Mit dem 18. Geburtstag wird die Person volljährig: Jugendhilfe endet oder geht in Hilfe für junge Volljährige über (§ 41 SGB VIII), der Rechtskreis ist neu zu prüfen.',
      en: 'On the 18th birthday the person comes of age: youth welfare ends or becomes help for young adults (§ 41 SGB VIII); the legal domain must be checked again.',
    },
  },
];

const byId = new Map(rules.map((r) => [r.id, r]));

/** All rules, in catalogue order. */
export const legalRules: readonly LegalRule[] = rules;

/** The rule with this id; throws for an unknown id (a programming error, caught by the tests). */
export function ruleById(id: string): LegalRule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown legal rule: ${id}`);
  return rule;
}

/** True when the rule applies on `date`. */
export function ruleInForce(rule: LegalRule, date: string): boolean {
  return rule.validFrom <= date && (rule.validUntil === null || date <= rule.validUntil);
}
