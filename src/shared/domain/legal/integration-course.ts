/**
 * Access to the integration course (§§ 43–44a AufenthG): entitled, can be obliged, discretionary
 * admission where places are free, or none – including the BAMF's stop of discretionary
 * admissions for 2026.
 */
import type { BenefitSystem, IntegrationCourse } from '../../contracts/legal';
import { hasEuFreeMovement } from './countries';
import type { EvaluationTrace, Text } from './evaluation-trace';
import { isRecognition, type LegalFacts } from './legal-facts';
import { germanDate, periodAfterEvent } from './legal-dates';
import { safeCountryOfOrigin } from './labour-market';
import { youngerThan, type Tri } from './person-age';
import type { ResidenceStatus } from './residence-status';
import type { LegalOutput } from './rule-catalogue';

const OUT: LegalOutput[] = ['integrationCourse'];
const txt = (de: string, en: string): Text => ({ de, en });
const d = germanDate;

/** Whether the BAMF admits under § 44 Abs. 4 on asOf: open, stopped (2026) or not known (from 2027). */
function admissionsOpen(asOf: string): Tri {
  if (asOf < '2026-01-01') return 'yes';
  if (asOf <= '2026-12-31') return 'no';
  return 'unknown';
}

/** Entitlement under § 44 Abs. 1: 'yes' (with its last day), 'lapsed', 'unknown' or 'no'. */
function entitlement(
  f: LegalFacts,
  status: ResidenceStatus,
  trace: EvaluationTrace,
): { state: 'yes' | 'lapsed' | 'unknown' | 'no'; lastDay?: string } {
  if (status.kind !== 'title') return { state: 'no' };
  const entitling =
    status.traits.course === 'entitled' ||
    status.traits.course === 'entitled_104c' ||
    (status.group === 'trafficking_victim' && status.entitlingSentence);
  if (!entitling) return { state: 'no' };
  // § 18g (EU Blue Card) exists since 18.11.2023.
  if (status.citation?.paragraph === '18g' && f.asOf < '2023-11-18') return { state: 'no' };
  const ruleId = status.traits.course === 'entitled_104c' ? 'course.entitled_section104c' : 'course.entitled';
  const basis = status.citation?.text ?? '';
  const first = f.residence.firstIssuedOn;
  if (first) {
    const lastDay = periodAfterEvent(first, 12);
    if (f.asOf <= lastDay) {
      trace.fire(
        ruleId,
        txt(
          `${basis}, erstmals erteilt am ${d(first)}: Anspruch auf einmalige Teilnahme bis zum ${d(lastDay)}.`,
          `${basis}, first issued on ${first}: entitled to attend once until ${lastDay}.`,
        ),
        OUT,
      );
      return { state: 'yes', lastDay };
    }
    trace.fire(
      'course.entitlement_lapsed',
      txt(
        `Der Anspruch aus ${basis} ist ein Jahr nach der Erteilung am ${d(first)} erloschen (${d(lastDay)}) – außer die Person konnte sich ohne eigenes Verschulden nicht anmelden.`,
        `The entitlement from ${basis} lapsed one year after issuance on ${first} (${lastDay}) – unless the person could not register through no fault of their own.`,
      ),
      OUT,
    );
    return { state: 'lapsed' };
  }
  const issued = f.residence.issuedOn;
  if (issued && f.asOf > periodAfterEvent(issued, 12)) {
    trace.fire(
      'course.entitlement_lapsed',
      txt(
        `Der Titel wurde spätestens am ${d(issued)} erstmals erteilt; der Anspruch ist ein Jahr danach erloschen – außer die Person konnte sich ohne eigenes Verschulden nicht anmelden.`,
        `The title was first issued on ${issued} at the latest; the entitlement lapsed one year later – unless the person could not register through no fault of their own.`,
      ),
      OUT,
    );
    return { state: 'lapsed' };
  }
  trace.fire(
    ruleId,
    txt(
      `${basis}: Anspruch auf einmalige Teilnahme, wenn der Titel innerhalb des letzten Jahres erstmals erteilt wurde.`,
      `${basis}: entitled to attend once if the title was first issued within the last year.`,
    ),
    OUT,
  );
  trace.unknown(
    'residence.firstIssuedOn',
    ['integrationCourse', 'deadlines'],
    txt(
      'Wann wurde der Titel erstmals erteilt? Der Anspruch erlischt ein Jahr danach (§ 44 Abs. 2 AufenthG).',
      'When was the title first issued? The entitlement lapses one year later (§ 44(2) AufenthG).',
    ),
  );
  return issued ? { state: 'unknown', lastDay: periodAfterEvent(issued, 12) } : { state: 'unknown' };
}

/** Whether § 44 Abs. 4 allows an admission for this status (before looking at the 2026 stop). */
function discretionaryEligible(f: LegalFacts, status: ResidenceStatus, safe: Tri, trace: EvaluationTrace): Tri {
  switch (status.kind) {
    case 'none':
      // Germans with particular need (§ 44 Abs. 4 Satz 2) and EU citizens (via § 11 FreizügG/EU).
      return f.person.nationality === 'DE' || (f.person.nationality !== null && hasEuFreeMovement(f.person.nationality))
        ? 'yes'
        : 'no';
    case 'eu_free_movement':
    case 'title':
      return 'yes';
    case 'ankunftsnachweis':
      return 'no';
    case 'gestattung':
      if (safe === 'yes') return 'no';
      if (f.asOf <= '2022-12-30') {
        trace.fire(
          'course.gestattung_prospects_until_2022',
          txt(
            'Vor 2023 nur bei guter Bleibeperspektive (Länderliste des BAMF).',
            'Before 2023 only with good prospects of staying (BAMF country list).',
          ),
          OUT,
        );
        trace.unknown(
          'goodProspects',
          OUT,
          txt(
            'Hatte die Person eine gute Bleibeperspektive (Herkunftsland mit hoher Schutzquote)?',
            'Did the person have good prospects of staying (country with a high protection rate)?',
          ),
        );
      }
      return safe === 'unknown' ? 'unknown' : 'yes';
    case 'duldung':
      // § 44 Abs. 4 Satz 2 Nr. 2: only the Duldung for urgent humanitarian or personal reasons (incl. §§ 60c, 60d).
      if (status.variant === 'discretionary' || status.variant === 'training' || status.variant === 'employment')
        return 'yes';
      if (status.variant === 'general' && !status.basisKnown) {
        trace.unknown(
          'residence.legalBasis',
          OUT,
          txt(
            'Ist es eine Duldung nach § 60a Abs. 2 Satz 3 AufenthG (dringende humanitäre oder persönliche Gründe)? Nur dann kommt ein Integrationskurs in Betracht.',
            'Is it a Duldung under § 60a(2) sentence 3 AufenthG (urgent humanitarian or personal reasons)? Only then an integration course is possible.',
          ),
        );
      }
      return 'no';
  }
}

/** The integration-course answer on asOf; `benefit` is the system the person is (provisionally) in. */
export function decideIntegrationCourse(
  f: LegalFacts,
  status: ResidenceStatus,
  benefit: BenefitSystem,
  trace: EvaluationTrace,
): IntegrationCourse {
  const { asOf } = f;
  const birth = f.person.birth;
  const under16: Tri = birth ? youngerThan(birth, asOf, 16) : 'unknown';
  if (under16 === 'yes') {
    trace.fire(
      'course.school_age',
      txt(
        'Die Person ist jünger als 16 Jahre und lernt Deutsch in der Schule.',
        'The person is younger than 16 and learns German at school.',
      ),
      OUT,
    );
    return 'none';
  }
  if (birth && youngerThan(birth, asOf, 18) !== 'no') {
    trace.unknown(
      'schoolAttendance',
      OUT,
      txt(
        'Besucht die jugendliche Person eine Schule? Dann besteht kein Anspruch auf den Integrationskurs (§ 44 Abs. 3 Nr. 1 AufenthG).',
        'Does the young person attend school? Then there is no entitlement to the integration course (§ 44(3) no. 1 AufenthG).',
      ),
    );
  }

  const held = entitlement(f, status, trace);
  if (held.state === 'yes' || held.state === 'unknown') {
    if (held.lastDay) {
      trace.deadline(
        'integration_course_entitlement_lapse',
        held.lastDay,
        'course.entitlement_lapsed',
        txt(
          'Letzter Tag des Teilnahmeanspruchs: bis dahin beim BAMF bzw. einem Kursträger anmelden.',
          'Last day of the entitlement: register with the BAMF or a course provider by then.',
        ),
        held.state === 'yes' ? 'exact' : 'no_later_than',
      );
    }
    return 'entitled';
  }

  const safe: Tri =
    status.kind === 'gestattung' || status.kind === 'duldung' ? safeCountryOfOrigin(f, trace, OUT) : 'no';
  const eligible = discretionaryEligible(f, status, safe, trace);
  const open = admissionsOpen(asOf);
  const recognisedWithoutTitle =
    status.kind === 'gestattung' && f.asylum?.decision !== undefined && isRecognition(f.asylum.decision.outcome);
  if (recognisedWithoutTitle) {
    trace.unknown(
      'residence.document',
      OUT,
      txt(
        'Anerkannt, aber noch ohne Aufenthaltserlaubnis: Der Anspruch auf den Integrationskurs entsteht mit ihrer Erteilung (§ 44 Abs. 1 AufenthG).',
        'Recognised but without a residence permit yet: the entitlement arises when it is issued (§ 44(1) AufenthG).',
      ),
    );
  }

  if (eligible !== 'no' && open !== 'no') {
    trace.fire(
      'course.discretionary',
      txt(
        'Kein Anspruch: Zulassung durch das BAMF im Rahmen freier Kursplätze möglich.',
        'No entitlement: admission by the BAMF possible where places are free.',
      ),
      OUT,
    );
    if (open === 'unknown') {
      trace.fire(
        'course.admissions_after_2026_unknown',
        txt(
          'Der Zulassungsstopp galt für das Haushaltsjahr 2026; ob danach wieder zugelassen wird, ist nicht bekannt.',
          'The admission stop covered the 2026 budget year; whether admissions resumed is not known.',
        ),
        OUT,
      );
      trace.unknown(
        'ruleSet.section44Abs4Admissions',
        OUT,
        txt('Lässt das BAMF nach § 44 Abs. 4 AufenthG wieder zu?', 'Does the BAMF admit under § 44(4) AufenthG again?'),
      );
    }
    if (eligible === 'unknown') {
      trace.unknown(
        'asylum.safeCountryOfOrigin',
        OUT,
        txt(
          'Kommt die Person aus einem sicheren Herkunftsstaat? Dann keine Zulassung.',
          'Does the person come from a safe country of origin? Then no admission.',
        ),
      );
    }
    return 'discretionary';
  }
  if (eligible !== 'no' && open === 'no') {
    trace.fire(
      'course.discretionary_stop_2026',
      txt(
        'Eine Zulassung nach § 44 Abs. 4 wäre möglich, das BAMF lässt 2026 aber niemanden zu. Wo das Gesetz es vorsieht, führt der Weg in den Kurs über eine Verpflichtung; sonst bleibt die Teilnahme als Selbstzahlende.',
        'An admission under § 44(4) would be possible, but the BAMF admits nobody in 2026. Where the law allows, the route into a course is an obligation; otherwise attending as a self-payer remains.',
      ),
      OUT,
    );
  }

  const foreigner =
    f.person.nationality !== 'DE' && !(f.person.nationality !== null && hasEuFreeMovement(f.person.nationality));
  const adult = birth ? youngerThan(birth, asOf, 18) === 'no' : true;
  if (benefit === 'sgb2' && foreigner && status.kind !== 'eu_free_movement') {
    trace.fire(
      'course.obligation_jobcenter',
      txt(
        'Die Person ist (voraussichtlich) im SGB II: Das Jobcenter kann die Teilnahme im Kooperationsplan verpflichtend machen.',
        'The person is (probably) in SGB II: the Jobcenter can make attendance mandatory in the cooperation plan.',
      ),
      OUT,
    );
    return 'obligation_possible';
  }
  const asylblgGroup =
    (status.kind === 'gestattung' && safe !== 'yes') ||
    (status.kind === 'duldung' && eligible !== 'no') ||
    (status.kind === 'title' && (benefit === 'asylblg_basic' || benefit === 'asylblg_analog'));
  if ((benefit === 'asylblg_basic' || benefit === 'asylblg_analog') && asylblgGroup && adult) {
    trace.fire(
      'course.obligation_asylblg',
      txt(
        'Die Person erhält AsylbLG-Leistungen: Das Sozialamt kann sie zur Teilnahme verpflichten.',
        'The person receives AsylbLG benefits: the Sozialamt can oblige them to attend.',
      ),
      OUT,
    );
    return 'obligation_possible';
  }
  if (status.kind === 'title' && foreigner) {
    trace.fire(
      'course.obligation_abh',
      txt(
        'Die Ausländerbehörde kann bei fehlenden einfachen Deutschkenntnissen oder besonderem Integrationsbedarf verpflichten.',
        'The Ausländerbehörde can oblige if simple German is missing or there is a particular integration need.',
      ),
      OUT,
    );
    return 'obligation_possible';
  }
  trace.fire(
    'course.none',
    txt(
      'Weder Anspruch noch Zulassung noch Verpflichtung kommen in Betracht; eine Teilnahme als Selbstzahlende bleibt möglich.',
      'Neither entitlement nor admission nor obligation applies; attending as a self-payer remains possible.',
    ),
    OUT,
  );
  return 'none';
}
