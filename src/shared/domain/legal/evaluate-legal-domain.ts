/**
 * The legal-domain engine (Rechtskreis): for a person's facts at a date, which benefit system and
 * agency, labour-market access, integration course, Wohnsitzauflage and deadlines follow, with the
 * rules that fired and the facts that are unknown. Pure: no I/O, no clock. The result is advice;
 * the caseworker checks and confirms (nothing is decided automatically, Art. 22 GDPR).
 */
import type { LegalEvaluation, ResponsibleAgencyKind } from '../../contracts/legal';
import { decideBenefit } from './benefit-system';
import { EvaluationTrace, type Text } from './evaluation-trace';
import { decideIntegrationCourse } from './integration-course';
import { decideLabour } from './labour-market';
import { legalFactProblems, type FactProblem, type LegalFacts } from './legal-facts';
import { addDays, germanDate } from './legal-dates';
import { ageReachedOn, isMinorOn } from './person-age';
import { decideResidenceObligation } from './residence-obligation';
import { classifyDocument, type ResidenceStatus } from './residence-status';
import { legalOutputs, type LegalOutput } from './rule-catalogue';
import { ruleSetVersionOn } from './rule-versions';

const txt = (de: string, en: string): Text => ({ de, en });
const d = germanDate;

export const LEGAL_NOTICE = {
  de: 'Hinweis – keine Entscheidung: Die Sachbearbeitung prüft und bestätigt.',
  en: 'Note – not a decision: the caseworker checks and confirms.',
};

const agencyNames: Record<ResponsibleAgencyKind, Text> = {
  sozialamt: txt('das Sozialamt', 'the Sozialamt'),
  jobcenter: txt(
    'das Jobcenter (Stadt Mülheim an der Ruhr als zugelassener kommunaler Träger)',
    'the Jobcenter (the city as zkT)',
  ),
  jugendamt: txt('das Jugendamt', 'the Jugendamt'),
  land_reception_facility: txt(
    'das Land NRW (Landesaufnahmeeinrichtung, Bezirksregierung Arnsberg) – keine Stelle der Stadt',
    'the Land NRW (reception facility, Bezirksregierung Arnsberg) – no agency of the city',
  ),
  none: txt(
    'keine Stelle: Es besteht kein Anspruch auf existenzsichernde Leistungen',
    'no agency: there is no entitlement to subsistence benefits',
  ),
};

/** Documents that end on their validUntil (a settlement permit outlives its card). */
function expiresWithDocument(status: ResidenceStatus): boolean {
  if (status.kind === 'title') return !status.permanent;
  return status.kind === 'gestattung' || status.kind === 'duldung' || status.kind === 'ankunftsnachweis';
}

/** The norm on the validity of each kind of document. */
const expiryCitation: Record<LegalFacts['residence']['document'], string> = {
  ankunftsnachweis: '§ 63a Abs. 2 AsylG',
  aufenthaltsgestattung: '§ 63 Abs. 2 AsylG',
  duldung: '§ 60a Abs. 4 AufenthG',
  duldung_ungeklaerte_identitaet: '§ 60b AufenthG',
  ausbildungsduldung: '§ 60c AufenthG',
  beschaeftigungsduldung: '§ 60d AufenthG',
  aufenthaltserlaubnis: '§ 7 Abs. 1, § 81 Abs. 4 AufenthG',
  niederlassungserlaubnis: '§ 78 AufenthG (Kartendokument)',
  daueraufenthalt_eu: '§ 78 AufenthG (Kartendokument)',
  fiktionsbescheinigung: '§ 81 Abs. 5 AufenthG',
  eu_freizuegigkeit: '§ 5 FreizügG/EU',
  none: '',
};

function documentDeadlines(f: LegalFacts, status: ResidenceStatus, trace: EvaluationTrace): void {
  const until = f.residence.validUntil;
  if (!until) return;
  const fiction = f.residence.document === 'fiktionsbescheinigung';
  if (until < f.asOf && expiresWithDocument(status)) {
    trace.fire(
      'status.document_expired',
      txt(`Das Dokument war nur bis zum ${d(until)} gültig.`, `The document was valid only until ${until}.`),
      [],
    );
    trace.unknown(
      'residence.validUntil',
      ['benefitSystem', 'responsibleAgencyKind', 'labourMarketAccess', 'integrationCourse', 'residenceObligation'],
      txt(
        'Das Dokument ist abgelaufen: Gibt es ein Folgedokument, eine Fiktionsbescheinigung oder wurde rechtzeitig verlängert?',
        'The document has expired: is there a follow-up document, a Fiktionsbescheinigung, or was an extension applied for in time?',
      ),
    );
    return;
  }
  trace.fire(
    fiction ? 'deadline.fiktionsbescheinigung_expiry' : 'deadline.document_expiry',
    txt(`Gültig bis ${d(until)}.`, `Valid until ${until}.`),
    ['deadlines'],
  );
  trace.deadline(
    fiction ? 'fiktionsbescheinigung_expiry' : 'document_expiry',
    until,
    fiction ? 'deadline.fiktionsbescheinigung_expiry' : 'deadline.document_expiry',
    fiction
      ? txt(
          'Letzter Gültigkeitstag der Fiktionsbescheinigung: rechtzeitig Verlängerung oder Entscheidung bei der Ausländerbehörde erreichen.',
          'Last day of the Fiktionsbescheinigung: obtain an extension or decision from the Ausländerbehörde in time.',
        )
      : txt(
          'Letzter Gültigkeitstag: Verlängerung vorher bei der Ausländerbehörde beantragen.',
          'Last day of validity: apply for an extension at the Ausländerbehörde before.',
        ),
    'exact',
    expiryCitation[f.residence.document] || undefined,
  );
  if (addDays(f.asOf, 90) >= until) {
    trace.involve({
      kind: 'auslaenderbehoerde',
      reason: 'Verlängerung des Dokuments (läuft in weniger als 90 Tagen ab)',
      reasonEn: 'extension of the document (expires in less than 90 days)',
      citation: '§ 81 Abs. 4 AufenthG',
    });
  }
}

function minorDeadline(f: LegalFacts, trace: EvaluationTrace): void {
  const birth = f.person.birth;
  if (!birth || isMinorOn(birth, f.asOf) === 'no') return;
  const exact = birth.earliest === birth.latest;
  const date = ageReachedOn(birth.latest, 18);
  trace.fire(
    'deadline.eighteenth_birthday',
    txt(
      exact
        ? `Volljährig ab dem ${d(date)}.`
        : `Volljährig spätestens ab dem ${d(date)} (Geburtsdatum nur ungefähr bekannt).`,
      exact ? `Of age from ${date}.` : `Of age from ${date} at the latest (date of birth only roughly known).`,
    ),
    ['deadlines'],
  );
  trace.deadline(
    'eighteenth_birthday',
    date,
    'deadline.eighteenth_birthday',
    txt(
      '18. Geburtstag: Jugendhilfe endet oder wird Hilfe für junge Volljährige; Rechtskreis, Aufenthalt und Schule neu prüfen.',
      '18th birthday: youth welfare ends or becomes help for young adults; check legal domain, residence and school again.',
    ),
    exact ? 'exact' : 'no_later_than',
  );
}

/**
 * Evaluates the facts. Call `legalFactProblems` first: this function assumes the facts passed it
 * (it throws on a fact the problems would have refused).
 */
export function evaluateLegalDomain(f: LegalFacts): LegalEvaluation {
  const trace = new EvaluationTrace(f.asOf);
  const { status } = classifyDocument(f.residence.document, f.residence.legalBasis);

  const benefit = decideBenefit(f, status, trace);
  trace.fire(
    'agency.local_responsibility',
    txt(`Zuständig ist ${agencyNames[benefit.agency].de}.`, `Responsible is ${agencyNames[benefit.agency].en}.`),
    ['responsibleAgencyKind'],
  );
  const labourMarketAccess = decideLabour(f, status, trace);
  const integrationCourse = decideIntegrationCourse(f, status, benefit.system, trace);
  const residenceObligation = decideResidenceObligation(f, status, trace);
  documentDeadlines(f, status, trace);
  minorDeadline(f, trace);

  const certainty = Object.fromEntries(
    legalOutputs.map((o: LegalOutput) => [o, trace.provisional.has(o) ? 'provisional' : 'certain']),
  ) as LegalEvaluation['certainty'];
  const deadlines = [...trace.deadlines].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1,
  );

  return {
    asOf: f.asOf,
    ruleSetVersion: ruleSetVersionOn(f.asOf),
    benefitSystem: benefit.system,
    responsibleAgencyKind: benefit.agency,
    labourMarketAccess,
    integrationCourse,
    residenceObligation,
    deadlines,
    firedRules: trace.fired,
    certainty,
    unknowns: trace.unknowns,
    involvedAgencies: trace.agencies,
    notice: LEGAL_NOTICE.de,
    noticeEn: LEGAL_NOTICE.en,
  };
}

/** Checks the facts and evaluates them: either the problems (for a 400) or the evaluation. */
export function evaluateOrExplain(
  f: LegalFacts,
): { ok: true; evaluation: LegalEvaluation } | { ok: false; problems: FactProblem[] } {
  const problems = legalFactProblems(f);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, evaluation: evaluateLegalDomain(f) };
}
