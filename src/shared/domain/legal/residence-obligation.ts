/**
 * The Wohnsitzauflage: whether the person must live in a given place, until when, where (when the
 * document says), and which exceptions the facts suggest.
 */
import type { LegalEvaluation } from '../../contracts/legal';
import { hasEuFreeMovement } from './countries';
import type { EvaluationTrace, Text } from './evaluation-trace';
import { isRecognition, type LegalFacts } from './legal-facts';
import { germanDate, periodEndInclusive } from './legal-dates';
import type { ResidenceStatus } from './residence-status';
import { ruleById, type LegalOutput } from './rule-catalogue';

type ResidenceObligation = LegalEvaluation['residenceObligation'];

const OUT: LegalOutput[] = ['residenceObligation'];
const txt = (de: string, en: string): Text => ({ de, en });
const d = germanDate;

/** § 12a applies to recognitions and first titles after 01.01.2016. */
const SECTION12A_FIRST_DAY = '2016-01-01';

/** The day § 12a starts for this status, or null when § 12a does not apply to it. */
function section12aStart(
  f: LegalFacts,
  status: ResidenceStatus,
  trace: EvaluationTrace,
): { start: string; certain: boolean; known: boolean } | null {
  const decision = f.asylum?.decision;
  const recognised = decision !== undefined && isRecognition(decision.outcome);
  if (status.kind === 'gestattung' && recognised) return { start: decision.decidedOn, certain: true, known: true };
  if (status.kind !== 'title' || !status.traits.section12a) return null;
  if ((status.group === 'recognised_asylum' || status.group === 'protection') && recognised) {
    return { start: decision.decidedOn, certain: true, known: true };
  }
  const start = f.residence.firstIssuedOn ?? f.residence.issuedOn;
  if (!start) {
    trace.unknown(
      status.group === 'recognised_asylum' || status.group === 'protection'
        ? 'asylum.decision'
        : 'residence.firstIssuedOn',
      ['residenceObligation', 'deadlines'],
      txt(
        'Wann wurde die Person anerkannt bzw. der Titel erstmals erteilt? Die Wohnsitzregelung gilt drei Jahre ab diesem Tag.',
        'When was the person recognised or the title first issued? The residence rule applies for three years from that day.',
      ),
    );
    // The start lies on or before asOf: asOf gives the latest possible end.
    return { start: f.asOf, certain: false, known: false };
  }
  const certain =
    f.residence.firstIssuedOn !== undefined && !(status.group === 'recognised_asylum' || status.group === 'protection');
  if (!certain) {
    trace.unknown(
      status.group === 'recognised_asylum' || status.group === 'protection'
        ? 'asylum.decision'
        : 'residence.firstIssuedOn',
      ['residenceObligation', 'deadlines'],
      txt(
        'Die drei Jahre zählen ab der Anerkennung durch das BAMF bzw. der ersten Erteilung; die Regel rechnet mit dem Datum des Dokuments.',
        "The three years count from the BAMF recognition or first issuance; the rule uses the document's date.",
      ),
    );
  }
  return { start, certain, known: true };
}

export function decideResidenceObligation(
  f: LegalFacts,
  status: ResidenceStatus,
  trace: EvaluationTrace,
): ResidenceObligation {
  const { asOf } = f;
  const stated = f.residence.wohnsitzauflage;
  const municipality = f.residence.wohnsitzauflageMunicipality;
  const withPlace = (o: ResidenceObligation): ResidenceObligation => (municipality ? { ...o, municipality } : o);

  const s12a = section12aStart(f, status, trace);
  if (s12a && s12a.start >= SECTION12A_FIRST_DAY) {
    const until = periodEndInclusive(s12a.start, 36);
    if (asOf <= until) {
      trace.fire(
        'residence.section12a',
        s12a.known
          ? txt(
              `Wohnsitzregelung ab ${d(s12a.start)} für drei Jahre, also bis zum ${d(until)}${municipality ? ` (Gemeinde laut Dokument: ${municipality})` : ''}.`,
              `Residence rule from ${s12a.start} for three years, until ${until}${municipality ? ` (municipality on the document: ${municipality})` : ''}.`,
            )
          : txt(
              `Wohnsitzregelung für drei Jahre ab Anerkennung oder erster Erteilung, also spätestens bis zum ${d(until)}.`,
              `Residence rule for three years from recognition or first issuance, so until ${until} at the latest.`,
            ),
        ['residenceObligation', 'deadlines'],
      );
      trace.deadline(
        'wohnsitzauflage_end',
        until,
        'residence.section12a',
        txt(
          'Letzter Tag der Wohnsitzregelung nach § 12a AufenthG; danach ist ein Umzug ohne Zustimmung möglich.',
          'Last day of the residence rule under § 12a AufenthG; afterwards a move needs no approval.',
        ),
        s12a.certain ? 'exact' : 'no_later_than',
      );
      trace.involve({
        kind: 'auslaenderbehoerde',
        reason: 'Wohnsitzregelung: Umzug nur mit Zustimmung, Aufhebung bei Arbeit, Ausbildung oder Studium',
        reasonEn: 'residence rule: moves need approval; lifted for work, training or studies',
        citation: '§ 12a Abs. 1 und 5 AufenthG',
      });
      if (stated === false) {
        trace.unknown(
          'residence.wohnsitzauflage',
          OUT,
          txt(
            'Das Dokument nennt keine Wohnsitzauflage, obwohl § 12a gilt: Wurde sie aufgehoben oder greift eine Ausnahme?',
            'The document states no residence obligation although § 12a applies: was it lifted or does an exception apply?',
          ),
        );
      }
      if (!municipality) {
        trace.unknown(
          'residence.wohnsitzauflageMunicipality',
          OUT,
          txt(
            'Welche Gemeinde hat die Bezirksregierung Arnsberg zugewiesen (AWoV NRW)?',
            'Which municipality did the Bezirksregierung Arnsberg assign (AWoV NRW)?',
          ),
        );
      }
      const exceptions: ResidenceObligation['exceptions'] = [];
      const job = f.employment;
      if (job && job.socialInsurance && job.hoursPerWeek >= 15) {
        trace.fire(
          'residence.section12a_exception_employment',
          txt(
            `Sozialversicherungspflichtige Beschäftigung mit ${job.hoursPerWeek} Stunden pro Woche seit ${d(job.since)}: Die Ausnahme greift, wenn das Einkommen den durchschnittlichen SGB-II-Bedarf einer Einzelperson deckt.`,
            `Insured employment of ${job.hoursPerWeek} hours a week since ${job.since}: the exception applies if the income covers the average SGB II need of a single person.`,
          ),
          OUT,
        );
        trace.unknown(
          'employment.income',
          OUT,
          txt(
            'Deckt das Einkommen mindestens den durchschnittlichen SGB-II-Bedarf einer Einzelperson? Dann gilt die Wohnsitzregelung nicht.',
            'Does the income cover at least the average SGB II need of a single person? Then the residence rule does not apply.',
          ),
        );
        exceptions.push({
          kind: 'employment',
          status: 'possibly_fulfilled',
          citation: ruleById('residence.section12a_exception_employment').citation,
          explanation: 'Beschäftigung ab 15 Stunden pro Woche, sozialversicherungspflichtig – Einkommen nachweisen.',
          explanationEn: 'Employment of 15 hours a week or more, insured – prove the income.',
        });
      }
      return withPlace({
        applies: true,
        until,
        ...(s12a.known ? { since: s12a.start } : {}),
        kind: 'section_12a',
        citation: ruleById('residence.section12a').citation,
        exceptions,
      });
    }
    trace.fire(
      'residence.section12a',
      txt(
        `Die drei Jahre der Wohnsitzregelung ab ${d(s12a.start)} sind am ${d(until)} abgelaufen.`,
        `The three years of the residence rule from ${s12a.start} ended on ${until}.`,
      ),
      OUT,
    );
  }

  if (status.kind === 'ankunftsnachweis') {
    trace.fire(
      'residence.reception_facility',
      txt(
        'Mit Ankunftsnachweis wohnt die Person in der Aufnahmeeinrichtung.',
        'With a proof of arrival the person lives in the reception facility.',
      ),
      OUT,
    );
    return withPlace({
      applies: true,
      kind: 'reception_facility',
      citation: ruleById('residence.reception_facility').citation,
      exceptions: [],
    });
  }
  if (status.kind === 'gestattung') {
    trace.fire(
      'residence.asylg_wohnsitzauflage',
      txt(
        'Während des Asylverfahrens gilt die Wohnsitzauflage, solange der Lebensunterhalt nicht gesichert ist.',
        'During the asylum procedure the residence obligation applies while the living is not secured.',
      ),
      OUT,
    );
    return withPlace({
      applies: true,
      kind: 'asylum_procedure',
      citation: ruleById('residence.asylg_wohnsitzauflage').citation,
      exceptions: [],
    });
  }
  if (
    status.kind === 'duldung' ||
    (status.kind === 'none' &&
      f.person.nationality !== 'DE' &&
      !(f.person.nationality !== null && hasEuFreeMovement(f.person.nationality)))
  ) {
    trace.fire(
      'residence.duldung_wohnsitzauflage',
      txt(
        'Vollziehbar ausreisepflichtig: Wohnsitzauflage, solange der Lebensunterhalt nicht gesichert ist.',
        'Enforceably obliged to leave: residence obligation while the living is not secured.',
      ),
      OUT,
    );
    return withPlace({
      applies: true,
      kind: 'duldung',
      citation: ruleById('residence.duldung_wohnsitzauflage').citation,
      exceptions: [],
    });
  }
  if (stated === true) {
    trace.fire(
      'residence.stated_on_document',
      txt(
        `Das Dokument nennt eine Wohnsitzauflage${municipality ? ` für ${municipality}` : ''}.`,
        `The document states a residence obligation${municipality ? ` for ${municipality}` : ''}.`,
      ),
      OUT,
    );
    return withPlace({
      applies: true,
      kind: 'stated_on_document',
      citation: ruleById('residence.stated_on_document').citation,
      exceptions: [],
    });
  }
  trace.fire(
    'residence.none',
    txt(
      'Für diesen Status sieht das Gesetz keine Wohnsitzregelung vor.',
      'The law sets no residence rule for this status.',
    ),
    OUT,
  );
  return { applies: false, exceptions: [] };
}
