/**
 * Which system secures the person's living (AsylbLG basic or analogous benefits, SGB II, SGB XII,
 * SGB VIII or none) and which agency of the municipality pays it.
 */
import type { BenefitSystem, ResponsibleAgencyKind } from '../../contracts/legal';
import { hasEuFreeMovement } from './countries';
import type { EvaluationTrace, Text } from './evaluation-trace';
import { isRecognition, type LegalFacts } from './legal-facts';
import { germanDate, lastDayOfMonth, periodEndInclusive, reachedOn } from './legal-dates';
import { isMinorOn, retirementLimitEnd, retirementReached, youngerThan, type Tri } from './person-age';
import type { ResidenceStatus } from './residence-status';
import type { LegalOutput } from './rule-catalogue';
import { periodStatus, presentNoLaterThan, stayStart } from './stay-periods';

export type BenefitOutcome = {
  system: BenefitSystem;
  agency: ResponsibleAgencyKind;
  /** The AsylbLG ends at the end of the month of a recognition or title: the handover date. */
  asylblgEndsOn: string | null;
};

const OUT: LegalOutput[] = ['benefitSystem', 'responsibleAgencyKind'];
const txt = (de: string, en: string): Text => ({ de, en });
const d = germanDate;

const ANALOG_36_FROM = '2024-02-27';
const SECTION24_CUTOFF = '2025-03-31';
const SECTION24_SWITCH = '2026-07-01';
const SECTION24_TRANSITION_END = '2026-09-30';

/** AsylbLG basic (§ 3) or analogous (§ 2) benefits, by the waiting period in force on asOf. */
function asylblg(
  f: LegalFacts,
  trace: EvaluationTrace,
  agency: ResponsibleAgencyKind,
  /** The AsylbLG ends at this month end (recognition, title): later waiting-period dates do not matter. */
  endsOn: string | null = null,
): BenefitOutcome {
  const { asOf } = f;
  const start = stayStart(f);
  const result = (system: BenefitSystem): BenefitOutcome => ({ system, agency, asylblgEndsOn: null });

  const eighteen = periodStatus(start, 18, asOf);
  if (asOf >= ANALOG_36_FROM) {
    // § 20 AsylbLG: whoever had completed 18 months by 26.02.2024 keeps the former law.
    if (eighteen.date !== null && eighteen.date <= '2024-02-26') {
      trace.fire(
        'benefit.asylblg_analog_transition',
        txt(
          `Die 18 Monate nach altem Recht waren ${eighteen.precision === 'exact' ? 'am' : 'spätestens am'} ${d(eighteen.date)} erfüllt, also vor dem 27.02.2024: Es bleibt bei Analogleistungen.`,
          `The 18 months under the former law were complete ${eighteen.precision === 'exact' ? 'on' : 'by'} ${eighteen.date}, before 27 Feb 2024: analogous benefits continue.`,
        ),
        ['benefitSystem'],
      );
      return result('asylblg_analog');
    }
  }
  const months = asOf >= ANALOG_36_FROM ? 36 : 18;
  const ruleId = months === 36 ? 'benefit.asylblg_analog_36_months' : 'benefit.asylblg_analog_18_months';
  const period = periodStatus(start, months, asOf);
  // Under the 18-month law, a period ending after 26.02.2024 ends only after 36 months.
  const projected =
    months === 18 && period.date !== null && period.date > '2024-02-26' ? periodStatus(start, 36, asOf) : period;
  if (period.reached === 'yes') {
    trace.fire(
      ruleId,
      txt(
        `Die Person hält sich ${period.precision === 'exact' ? `seit der Einreise am ${d(start.exact!)}` : `spätestens seit ${d(start.noLaterThan!)}`} in Deutschland auf; die ${months} Monate sind ${period.precision === 'exact' ? 'seit' : 'spätestens seit'} ${d(period.date!)} erfüllt. Das Sozialamt prüft, ob der Aufenthalt rechtsmissbräuchlich verlängert wurde.`,
        `The person has been in Germany ${period.precision === 'exact' ? `since entering on ${start.exact}` : `since ${start.noLaterThan} at the latest`}; the ${months} months are complete since ${period.date} ${period.precision === 'exact' ? '' : 'at the latest'}. The Sozialamt checks whether the stay was abusively prolonged.`,
      ),
      ['benefitSystem'],
    );
    return result('asylblg_analog');
  }
  trace.fire(
    'benefit.asylblg_basic',
    period.date === null
      ? txt(
          'Wie lange die Person schon in Deutschland ist, ist nicht bekannt: Grundleistungen, bis die Wartezeit nachgewiesen ist.',
          'How long the person has been in Germany is not known: basic benefits until the waiting period is shown.',
        )
      : txt(
          `Die Wartezeit von ${months} Monaten nach § 2 AsylbLG ist am Stichtag nicht erfüllt.`,
          `The ${months}-month waiting period of § 2 AsylbLG is not complete on asOf.`,
        ),
    ['benefitSystem'],
  );
  if (period.reached === 'unknown') {
    trace.unknown(
      'entryDate',
      ['benefitSystem', 'deadlines'],
      txt(
        `Seit wann hält sich die Person ohne wesentliche Unterbrechung in Deutschland auf? Nach ${months} Monaten gibt es Analogleistungen (§ 2 AsylbLG).`,
        `Since when has the person stayed in Germany without substantial interruption? After ${months} months analogous benefits apply (§ 2 AsylbLG).`,
      ),
    );
  }
  if (projected.date !== null && (endsOn === null || projected.date <= endsOn)) {
    trace.deadline(
      'asylblg_36_months',
      projected.date,
      projected === period ? ruleId : 'benefit.asylblg_analog_36_months',
      txt(
        `Ab diesem Tag ist die Wartezeit nach § 2 AsylbLG erfüllt: Analogleistungen entsprechend dem SGB XII (taggenau, nicht erst ab Monatsbeginn).`,
        'From this day the waiting period of § 2 AsylbLG is complete: analogous benefits at SGB XII level (to the day, not from the first of the month).',
      ),
      projected.precision,
    );
  }
  return result('asylblg_basic');
}

/** SGB II or SGB XII for someone whose status leads out of the AsylbLG. */
function sgb(f: LegalFacts, trace: EvaluationTrace): BenefitOutcome {
  const { asOf } = f;
  const birth = f.person.birth;
  const under15: Tri = birth ? youngerThan(birth, asOf, 15) : 'unknown';
  if (under15 === 'yes') {
    trace.fire(
      'benefit.sgb2_sozialgeld_child',
      txt('Das Kind ist am Stichtag jünger als 15 Jahre.', 'The child is younger than 15 on asOf.'),
      OUT,
    );
    trace.unknown(
      'household',
      OUT,
      txt(
        'Lebt das Kind mit einer erwerbsfähigen leistungsberechtigten Person in einer Bedarfsgemeinschaft? Sonst kommt SGB XII in Betracht.',
        'Does the child live in a Bedarfsgemeinschaft with a person able to work who is entitled? Otherwise SGB XII applies.',
      ),
    );
    return { system: 'sgb2', agency: 'jobcenter', asylblgEndsOn: null };
  }
  const flag = f.person.retirementAgeReached;
  const retired: Tri =
    flag === true ? 'yes' : flag === false ? 'no' : birth ? retirementReached(birth, asOf) : 'unknown';
  if (retired === 'yes') {
    trace.fire(
      'benefit.sgb12_retirement_age',
      flag === true
        ? txt(
            'Die Person hat die Regelaltersgrenze erreicht (Angabe).',
            'The person has reached the standard retirement age (as stated).',
          )
        : txt(
            `Nach dem Geburtsdatum ist die Regelaltersgrenze mit Ablauf des ${d(retirementLimitEnd(birth!.latest))} erreicht.`,
            `By the date of birth the standard retirement age was reached at the end of ${retirementLimitEnd(birth!.latest)}.`,
          ),
      OUT,
    );
    return { system: 'sgb12', agency: 'sozialamt', asylblgEndsOn: null };
  }
  if (retired === 'unknown') {
    trace.unknown(
      'person.retirementAgeReached',
      OUT,
      txt(
        'Hat die Person die Regelaltersgrenze erreicht? Dann Grundsicherung im Alter (SGB XII) statt SGB II.',
        'Has the person reached the standard retirement age? Then old-age basic income (SGB XII) instead of SGB II.',
      ),
    );
  }
  if (birth && retired === 'no' && flag === undefined) {
    const end = retirementLimitEnd(birth.latest);
    trace.deadline(
      'retirement_age',
      end,
      'benefit.sgb12_retirement_age',
      txt(
        'Mit Ablauf dieses Tages ist die Regelaltersgrenze erreicht: Das SGB II endet, danach Grundsicherung im Alter (SGB XII, Sozialamt).',
        'At the end of this day the standard retirement age is reached: SGB II ends, then old-age basic income (SGB XII, Sozialamt).',
      ),
      birth.earliest === birth.latest ? 'exact' : 'no_later_than',
    );
  }
  if (f.person.erwerbsfaehig === false) {
    trace.fire(
      'benefit.sgb12_not_erwerbsfaehig',
      txt('Die Person ist nicht erwerbsfähig (Angabe).', 'The person is not able to work (as stated).'),
      OUT,
    );
    return { system: 'sgb12', agency: 'sozialamt', asylblgEndsOn: null };
  }
  if (f.person.erwerbsfaehig === undefined) {
    trace.unknown(
      'person.erwerbsfaehig',
      OUT,
      txt(
        'Kann die Person mindestens drei Stunden täglich arbeiten? Sonst SGB XII (Sozialamt) statt SGB II (Jobcenter).',
        'Can the person work at least three hours a day? Otherwise SGB XII (Sozialamt) instead of SGB II (Jobcenter).',
      ),
    );
  }
  trace.fire(
    'benefit.sgb2_erwerbsfaehig',
    f.person.erwerbsfaehig === true
      ? txt('Die Person ist erwerbsfähig (Angabe).', 'The person is able to work (as stated).')
      : txt(
          'Die Regel nimmt Erwerbsfähigkeit an, solange nichts anderes bekannt ist.',
          'The rule assumes the person is able to work as long as nothing else is known.',
        ),
    OUT,
  );
  return { system: 'sgb2', agency: 'jobcenter', asylblgEndsOn: null };
}

function none(): BenefitOutcome {
  return { system: 'none', agency: 'none', asylblgEndsOn: null };
}

/** EU citizens (and their family members with a free-movement document) under § 7 Abs. 1 SGB II. */
function euCitizen(f: LegalFacts, trace: EvaluationTrace): BenefitOutcome {
  const { asOf } = f;
  const familyMember = f.person.nationality !== null && !hasEuFreeMovement(f.person.nationality);
  if (familyMember) {
    trace.unknown(
      'euFamilyMember',
      OUT,
      txt(
        'Die Person ist keine Unionsbürgerin: Ihre Rechte leiten sich von einer Unionsbürgerin oder einem Unionsbürger ab. Deren Arbeitnehmerstatus und Aufenthaltsdauer entscheiden.',
        'The person is not an EU citizen: their rights derive from an EU citizen, whose worker status and length of stay decide.',
      ),
    );
  }
  const worker = f.euWorkerStatus;
  if (worker === true) {
    trace.fire(
      'benefit.eu_worker',
      txt(
        'Die Person ist Arbeitnehmer/in, selbständig oder hat diesen Status behalten (Angabe).',
        'The person is a worker, self-employed or retained that status (as stated).',
      ),
      OUT,
    );
    return sgb(f, trace);
  }
  if (worker === undefined && f.employment?.socialInsurance === true && f.employment.hoursPerWeek > 0) {
    trace.fire(
      'benefit.eu_worker',
      txt(
        `Die sozialversicherungspflichtige Beschäftigung (${f.employment.hoursPerWeek} Stunden pro Woche seit ${d(f.employment.since)}) spricht für den Arbeitnehmerstatus.`,
        `The insured employment (${f.employment.hoursPerWeek} hours a week since ${f.employment.since}) indicates worker status.`,
      ),
      OUT,
    );
    trace.unknown(
      'euWorkerStatus',
      OUT,
      txt(
        'Ist die Beschäftigung tatsächlich und echt (nicht völlig untergeordnet)? Das entscheidet über den Arbeitnehmerstatus.',
        'Is the employment genuine and effective (not purely marginal)? That decides worker status.',
      ),
    );
    return sgb(f, trace);
  }
  const entry = f.entryDate;
  if (entry && asOf >= reachedOn(entry, 60)) {
    trace.fire(
      'benefit.eu_five_years',
      txt(
        `Seit der Einreise am ${d(entry)} sind fünf Jahre vergangen.`,
        `Five years have passed since entry on ${entry}.`,
      ),
      OUT,
    );
    trace.unknown(
      'registeredSince',
      OUT,
      txt(
        'Seit wann ist die Person in Deutschland gemeldet? Die fünf Jahre zählen ab der Anmeldung (§ 7 Abs. 1 Satz 5 SGB II).',
        'Since when has the person been registered in Germany? The five years count from registration (§ 7(1) sentence 5 SGB II).',
      ),
    );
    return sgb(f, trace);
  }
  if (worker === undefined) {
    trace.unknown(
      'euWorkerStatus',
      OUT,
      txt(
        'Ist die Person Arbeitnehmer/in oder selbständig, oder hat sie diesen Status behalten (§ 2 Abs. 3 FreizügG/EU)? Dann SGB II.',
        'Is the person a worker or self-employed, or did they retain that status (§ 2(3) FreizügG/EU)? Then SGB II.',
      ),
    );
  }
  trace.involve({
    kind: 'sozialamt',
    reason: 'Überbrückungsleistungen für längstens einen Monat und Rückreisekosten prüfen',
    reasonEn: 'check bridging benefits for at most one month and return travel costs',
    citation: '§ 23 Abs. 3 Satz 3 ff. SGB XII',
  });
  if (entry && asOf < reachedOn(entry, 3)) {
    const end = periodEndInclusive(entry, 3);
    trace.fire(
      'benefit.eu_first_three_months',
      txt(
        `Die Person ist am ${d(entry)} eingereist; die ersten drei Monate enden am ${d(end)}.`,
        `The person entered on ${entry}; the first three months end on ${end}.`,
      ),
      OUT,
    );
    trace.deadline(
      'eu_first_three_months_end',
      end,
      'benefit.eu_first_three_months',
      txt(
        'Ende der ersten drei Monate: Danach bleibt der Ausschluss nur, wenn sich das Aufenthaltsrecht allein aus der Arbeitsuche ergibt.',
        'End of the first three months: afterwards the exclusion remains only if the right of residence rests solely on job seeking.',
      ),
    );
  } else {
    if (!entry) {
      trace.unknown(
        'entryDate',
        OUT,
        txt(
          'Wann ist die Person eingereist? Davon hängen die ersten drei Monate und die fünf Jahre ab.',
          'When did the person enter? The first three months and the five years depend on it.',
        ),
      );
    }
    trace.fire(
      'benefit.eu_jobseeker_excluded',
      txt(
        'Ohne Arbeitnehmerstatus ergibt sich das Aufenthaltsrecht allein aus der Arbeitsuche (oder es fehlt): Ausschluss von SGB II und SGB XII.',
        'Without worker status the right of residence rests solely on job seeking (or is missing): excluded from SGB II and SGB XII.',
      ),
      OUT,
    );
  }
  if (entry) {
    trace.deadline(
      'eu_five_years',
      reachedOn(entry, 60),
      'benefit.eu_five_years',
      txt(
        'Frühestens ab diesem Tag (fünf Jahre nach der Einreise; maßgeblich ist die Anmeldung) entfällt der Leistungsausschluss.',
        'From this day at the earliest (five years after entry; registration decides) the exclusion ends.',
      ),
      'no_earlier_than',
    );
  }
  return none();
}

/** § 24 AufenthG: SGB II/XII since 01.06.2022; the planned switch back to the AsylbLG for titles first issued after 31.03.2025. */
function temporaryProtection(f: LegalFacts, trace: EvaluationTrace): BenefitOutcome {
  const { asOf } = f;
  const first = f.residence.firstIssuedOn;
  const issued = f.residence.issuedOn;
  let after: Tri;
  if (first) after = first > SECTION24_CUTOFF ? 'yes' : 'no';
  else if (issued && issued <= SECTION24_CUTOFF) after = 'no';
  else after = 'unknown';
  const firstText = first
    ? txt(`erstmals erteilt am ${d(first)}`, `first issued on ${first}`)
    : issued
      ? txt(`ausgestellt am ${d(issued)}`, `issued on ${issued}`)
      : txt('Datum der ersten Erteilung unbekannt', 'date of first issuance unknown');

  if (asOf < SECTION24_SWITCH || after === 'no') {
    trace.fire(
      'benefit.section24_sgb',
      txt(
        `Vorübergehender Schutz nach § 24 AufenthG (${firstText.de}): SGB II oder SGB XII.${after === 'no' && asOf >= SECTION24_SWITCH ? ' Erstmals bis zum 31.03.2025 erteilt: Der geplante Wechsel ins AsylbLG betrifft die Person nicht.' : ''}`,
        `Temporary protection under § 24 AufenthG (${firstText.en}): SGB II or SGB XII.${after === 'no' && asOf >= SECTION24_SWITCH ? ' First issued by 31 Mar 2025: the planned switch to the AsylbLG does not affect the person.' : ''}`,
      ),
      OUT,
    );
    if (after !== 'no') {
      if (after === 'unknown') {
        trace.unknown(
          'residence.firstIssuedOn',
          ['deadlines'],
          txt(
            'Wann wurde der erste Titel nach § 24 oder die erste Fiktionsbescheinigung dazu erteilt? Nach dem 31.03.2025: geplanter Wechsel ins AsylbLG.',
            'When was the first § 24 permit or Fiktionsbescheinigung issued? After 31 Mar 2025: planned switch to the AsylbLG.',
          ),
        );
      }
      trace.deadline(
        'section24_asylblg_switch',
        SECTION24_SWITCH,
        'benefit.section24_asylblg_planned',
        txt(
          'Geplant (Leistungsrechtsanpassungsgesetz, nicht als in Kraft bestätigt): ab diesem Tag AsylbLG statt SGB II/XII, mit Übergang bis zum Ende der Bewilligung, längstens 30.09.2026.',
          'Planned (Leistungsrechtsanpassungsgesetz, not confirmed in force): AsylbLG instead of SGB II/XII from this day, with transition to the end of the approval period, at the latest 30 Sep 2026.',
        ),
        after === 'yes' ? 'exact' : 'no_later_than',
      );
    }
    return sgb(f, trace);
  }

  if (after === 'unknown') {
    trace.unknown(
      'residence.firstIssuedOn',
      OUT,
      txt(
        'Wann wurde der erste Titel nach § 24 oder die erste Fiktionsbescheinigung dazu erteilt? Bis zum 31.03.2025: weiter SGB II/XII; danach: AsylbLG. Die Regel geht vom Ausstellungsdatum des Dokuments aus.',
        "When was the first § 24 permit or Fiktionsbescheinigung issued? By 31 Mar 2025: SGB II/XII continues; later: AsylbLG. The rule uses the document's date of issue.",
      ),
    );
    if (!issued) {
      // Nothing dated at all: most § 24 holders arrived before the cut-off.
      trace.fire(
        'benefit.section24_sgb',
        txt(
          'Ohne Datum nimmt die Regel die Erteilung bis zum 31.03.2025 an (SGB II/XII).',
          'Without a date the rule assumes issuance by 31 Mar 2025 (SGB II/XII).',
        ),
        OUT,
      );
      return sgb(f, trace);
    }
  }
  trace.unknown(
    'ruleSet.section24Switch',
    OUT,
    txt(
      'Ist das Leistungsrechtsanpassungsgesetz wie geplant zum 01.07.2026 in Kraft getreten? Das Regelwerk hat es nicht bestätigt.',
      'Did the Leistungsrechtsanpassungsgesetz enter into force on 1 July 2026 as planned? The rule set has not confirmed it.',
    ),
  );
  const since = first ?? issued;
  if (asOf <= SECTION24_TRANSITION_END && since !== undefined && since < SECTION24_SWITCH) {
    trace.fire(
      'benefit.section24_transition_planned',
      txt(
        'Wer vor dem 01.07.2026 schon SGB-II- oder SGB-XII-Leistungen bewilligt bekam, bleibt bis zum Ende der Bewilligung, längstens bis 30.09.2026, dort.',
        'Anyone granted SGB II or XII benefits before 1 July 2026 stays there until the approval ends, at the latest 30 Sep 2026.',
      ),
      OUT,
    );
    trace.unknown(
      'sgbApprovalPeriod',
      OUT,
      txt(
        'Läuft noch ein SGB-II- oder SGB-XII-Bewilligungszeitraum? Dann bis zu dessen Ende (längstens 30.09.2026) weiter SGB II/XII.',
        'Is an SGB II or XII approval period still running? Then SGB II/XII until it ends (at the latest 30 Sep 2026).',
      ),
    );
    trace.deadline(
      'section24_asylblg_switch',
      '2026-10-01',
      'benefit.section24_transition_planned',
      txt(
        'Spätestens ab diesem Tag AsylbLG (geplante Übergangsregelung).',
        'AsylbLG from this day at the latest (planned transition rule).',
      ),
      'no_later_than',
    );
  }
  trace.fire(
    'benefit.section24_asylblg_planned',
    txt(
      `Titel nach § 24 AufenthG (${firstText.de}) nach dem 31.03.2025: nach dem geplanten Gesetz Leistungen nach dem AsylbLG.`,
      `§ 24 title (${firstText.en}) after 31 Mar 2025: AsylbLG benefits under the planned law.`,
    ),
    OUT,
  );
  return asylblg(f, trace, 'sozialamt');
}

/**
 * AsylbLG until the end of the month in which a recognition or a title leading out of it took
 * effect (§ 1 Abs. 3 AsylbLG). Returns the last AsylbLG day, or null when no such change is known.
 */
function asylblgRunsUntil(
  f: LegalFacts,
  status: Extract<ResidenceStatus, { kind: 'title' }>,
  trace: EvaluationTrace,
): string | null {
  const { asOf } = f;
  const decision = f.asylum?.decision;
  const first = f.residence.firstIssuedOn;
  // Without the first issuance, a document issued this month may still be the first one.
  const recentIssue =
    first ?? (f.residence.issuedOn && lastDayOfMonth(f.residence.issuedOn) >= asOf ? f.residence.issuedOn : undefined);
  if (status.group === 'recognised_asylum' || status.group === 'protection') {
    if (decision && isRecognition(decision.outcome)) return lastDayOfMonth(decision.decidedOn);
    // The recognition came before the title: the AsylbLG ended at the end of its month, which is not known.
    if (recentIssue && lastDayOfMonth(recentIssue) >= asOf) {
      trace.unknown(
        'asylum.decision',
        OUT,
        txt(
          'Wann hat das BAMF die Person anerkannt? Das AsylbLG endet mit Ablauf des Monats der Anerkennung (§ 1 Abs. 3 AsylbLG).',
          'When did the BAMF recognise the person? The AsylbLG ends at the end of the month of recognition (§ 1(3) AsylbLG).',
        ),
      );
    }
    return null;
  }
  if (!status.traits.fromAsylbLG || status.fiction) return null;
  if (first) {
    const until = lastDayOfMonth(first);
    if (until >= asOf && f.asylum === undefined) {
      trace.unknown(
        'previousBenefits',
        OUT,
        txt(
          'Bezog die Person vor der Erteilung Leistungen nach dem AsylbLG (Gestattung, Duldung)? Nur dann bleibt es bis zum Monatsende beim AsylbLG.',
          'Did the person receive AsylbLG benefits before the title was issued (Gestattung, Duldung)? Only then the AsylbLG runs to the end of the month.',
        ),
      );
    }
    return until;
  }
  if (recentIssue) {
    trace.unknown(
      'residence.firstIssuedOn',
      OUT,
      txt(
        'Wurde dieser Titel in diesem Monat erstmals erteilt und bezog die Person vorher AsylbLG-Leistungen? Dann bleibt es bis zum Monatsende beim AsylbLG (§ 1 Abs. 3 AsylbLG).',
        'Was this title first issued this month and did the person receive AsylbLG benefits before? Then the AsylbLG runs to the end of the month (§ 1(3) AsylbLG).',
      ),
    );
  }
  return null;
}

/** The benefit system and the agency that pays it, for the status on asOf. */
export function decideBenefit(f: LegalFacts, status: ResidenceStatus, trace: EvaluationTrace): BenefitOutcome {
  const { asOf } = f;
  const birth = f.person.birth;
  const minor: Tri = birth ? isMinorOn(birth, asOf) : 'unknown';

  if (f.person.unaccompaniedMinor === true && minor !== 'no') {
    if (minor === 'unknown') {
      trace.unknown(
        'person.dateOfBirth',
        OUT,
        txt(
          'Ist die Person am Stichtag noch minderjährig? Das Geburtsdatum ist nur ungefähr bekannt.',
          'Is the person still a minor on asOf? The date of birth is only roughly known.',
        ),
      );
    }
    trace.fire(
      'benefit.unaccompanied_minor_sgb8',
      txt(
        'Die Person ist minderjährig und ohne Eltern oder Sorgeberechtigte eingereist: Inobhutnahme und Leistungen durch das Jugendamt.',
        'The person is a minor who came without parents or guardians: taken into care and provided for by the Jugendamt.',
      ),
      OUT,
    );
    trace.involve({
      kind: 'jugendamt',
      reason: 'federführend: Inobhutnahme, Vormundschaft, Hilfeplan; besonderer Vertrauensschutz',
      reasonEn: 'lead: taking into care, guardianship, assistance plan; special confidentiality',
      citation: '§§ 42a, 42, 65 SGB VIII',
    });
    return { system: 'sgb8', agency: 'jugendamt', asylblgEndsOn: null };
  }
  const asylumLike = status.kind === 'ankunftsnachweis' || status.kind === 'gestattung' || status.kind === 'duldung';
  if (f.person.unaccompaniedMinor === undefined && minor === 'yes' && asylumLike) {
    trace.unknown(
      'person.unaccompaniedMinor',
      OUT,
      txt(
        'Ist die minderjährige Person ohne Eltern oder Sorgeberechtigte eingereist? Dann ist das Jugendamt zuständig (SGB VIII).',
        'Did the minor come without parents or guardians? Then the Jugendamt is responsible (SGB VIII).',
      ),
    );
  }

  switch (status.kind) {
    case 'none': {
      if (f.person.nationality === 'DE') {
        trace.fire(
          'benefit.german_citizen',
          txt('Die Person ist deutsche Staatsangehörige.', 'The person is a German citizen.'),
          OUT,
        );
        return sgb(f, trace);
      }
      if (f.person.nationality !== null && hasEuFreeMovement(f.person.nationality)) return euCitizen(f, trace);
      trace.fire(
        'benefit.ausreisepflichtig_asylblg',
        txt(
          'Die Person hat kein Aufenthaltsdokument: Die Regel geht von vollziehbarer Ausreisepflicht aus.',
          'The person holds no residence document: the rule assumes an enforceable obligation to leave.',
        ),
        OUT,
      );
      trace.unknown(
        'residence.document',
        ['benefitSystem', 'responsibleAgencyKind', 'labourMarketAccess', 'integrationCourse', 'residenceObligation'],
        txt(
          'Ist die Person wirklich vollziehbar ausreisepflichtig – oder hat sie ein Visum, ein visumfreies Aufenthaltsrecht oder ein Dokument, das hier fehlt?',
          'Is the person really enforceably obliged to leave – or do they have a visa, a visa-free right to stay or a document missing here?',
        ),
      );
      return asylblg(f, trace, 'sozialamt');
    }
    case 'eu_free_movement':
      return euCitizen(f, trace);
    case 'ankunftsnachweis':
      trace.fire(
        'benefit.ankunftsnachweis_asylblg',
        txt(
          'Die Person hat einen Ankunftsnachweis und wohnt in der Regel noch in einer Landeseinrichtung.',
          'The person holds a proof of arrival and usually still lives in a Land facility.',
        ),
        OUT,
      );
      return asylblg(f, trace, 'land_reception_facility');
    case 'gestattung': {
      const decision = f.asylum?.decision;
      if (decision && isRecognition(decision.outcome)) {
        const end = lastDayOfMonth(decision.decidedOn);
        trace.deadline(
          'asylblg_end',
          end,
          'benefit.asylblg_until_month_end',
          txt(
            'Letzter Tag im AsylbLG. Der SGB-II-Antrag beim Jobcenter sollte vorher gestellt und der erste Termin gebucht sein; er wirkt auf den Monatsersten zurück.',
            'Last day within the AsylbLG. The SGB II application at the Jobcenter should be filed and the first appointment booked before; it relates back to the first of the month.',
          ),
        );
        if (asOf <= end) {
          trace.fire(
            'benefit.asylblg_until_month_end',
            txt(
              `Das BAMF hat die Person am ${d(decision.decidedOn)} anerkannt: AsylbLG bis zum ${d(end)}, ab dem Folgemonat SGB II oder SGB XII.`,
              `The BAMF recognised the person on ${decision.decidedOn}: AsylbLG until ${end}, SGB II or SGB XII from the following month.`,
            ),
            OUT,
          );
          trace.involve({
            kind: 'jobcenter',
            reason: 'SGB-II-Antrag und ersten Termin vor Monatsende (warme Übergabe)',
            reasonEn: 'SGB II application and first appointment before the month ends (warm handover)',
            citation: '§ 37 Abs. 2 SGB II',
          });
          return { ...asylblg(f, trace, 'sozialamt', end), asylblgEndsOn: end };
        }
        trace.fire(
          'benefit.asylblg_until_month_end',
          txt(
            `Das BAMF hat die Person am ${d(decision.decidedOn)} anerkannt; das AsylbLG endete am ${d(end)}. Die Aufenthaltserlaubnis ist noch nicht erteilt.`,
            `The BAMF recognised the person on ${decision.decidedOn}; the AsylbLG ended on ${end}. The residence permit has not been issued yet.`,
          ),
          OUT,
        );
        return { ...sgb(f, trace), asylblgEndsOn: end };
      }
      trace.fire(
        'benefit.gestattung_asylblg',
        txt('Die Person hat eine Aufenthaltsgestattung.', 'The person holds an Aufenthaltsgestattung.'),
        OUT,
      );
      return asylblg(f, trace, 'sozialamt');
    }
    case 'duldung':
      trace.fire('benefit.duldung_asylblg', txt('Die Person hat eine Duldung.', 'The person holds a Duldung.'), OUT);
      return asylblg(f, trace, 'sozialamt');
    case 'title':
      return titleBenefit(f, status, trace);
  }
}

function titleBenefit(
  f: LegalFacts,
  status: Extract<ResidenceStatus, { kind: 'title' }>,
  trace: EvaluationTrace,
): BenefitOutcome {
  const { asOf } = f;
  const label = status.traits.label;
  const basis = status.citation?.text ?? '';
  const fiction = status.fiction
    ? txt(' (Fiktionsbescheinigung: der Status gilt fort)', ' (Fiktionsbescheinigung: the status continues)')
    : txt('', '');
  switch (status.traits.benefit) {
    case 'asylblg':
      trace.fire(
        'benefit.title_asylblg',
        txt(`${basis} – ${label.de}${fiction.de}.`, `${basis} – ${label.en}${fiction.en}.`),
        OUT,
      );
      if (status.group === 'land_admission') {
        trace.unknown(
          'residence.legalBasis',
          OUT,
          txt(
            'Wurde die Aufnahme nach § 23 Abs. 1 wegen des Krieges im Heimatland angeordnet? Nur dann AsylbLG, sonst SGB II/XII.',
            'Was the admission under § 23(1) ordered because of war in the home country? Only then AsylbLG, otherwise SGB II/XII.',
          ),
        );
      }
      return asylblg(f, trace, 'sozialamt');
    case 'section25_5': {
      const since = f.residence.firstIssuedOn ?? f.residence.issuedOn ?? presentNoLaterThan(f);
      if (since) {
        const conditionEnds = reachedOn(since, 18);
        const end = lastDayOfMonth(conditionEnds);
        if (asOf > end) {
          trace.fire(
            'benefit.section25_5_after_18_months',
            txt(
              `Die Abschiebung ist spätestens seit ${d(since)} ausgesetzt; 18 Monate waren spätestens am ${d(conditionEnds)} erreicht, das AsylbLG endete spätestens am ${d(end)}.`,
              `Deportation has been suspended since ${since} at the latest; 18 months were reached by ${conditionEnds}, the AsylbLG ended by ${end}.`,
            ),
            OUT,
          );
          return sgb(f, trace);
        }
        trace.deadline(
          'section25_5_18_months',
          end,
          'benefit.section25_5_after_18_months',
          txt(
            'Spätestens mit Ablauf dieses Tages endet das AsylbLG (18 Monate seit Aussetzung der Abschiebung, Monatsende); danach SGB II/XII.',
            'The AsylbLG ends at the end of this day at the latest (18 months since deportation was suspended, month end); then SGB II/XII.',
          ),
          'no_later_than',
        );
      }
      trace.fire(
        'benefit.title_asylblg',
        txt(
          `${basis} – ${label.de}${fiction.de}: Die Aussetzung der Abschiebung liegt nach den Angaben noch nicht sicher 18 Monate zurück.`,
          `${basis} – ${label.en}${fiction.en}: by the facts given, the suspension of deportation does not lie 18 months back for certain.`,
        ),
        OUT,
      );
      trace.unknown(
        'deportationSuspendedOn',
        OUT,
        txt(
          'Seit wann ist die Abschiebung ausgesetzt (erste Duldung oder Entscheidung)? Nach 18 Monaten endet das AsylbLG zum Monatsende.',
          'Since when has deportation been suspended (first Duldung or decision)? After 18 months the AsylbLG ends at the month end.',
        ),
      );
      return asylblg(f, trace, 'sozialamt');
    }
    case 'section24':
      return temporaryProtection(f, trace);
    case 'training_study':
      trace.fire('benefit.training_study_excluded', txt(`${basis} – ${label.de}.`, `${basis} – ${label.en}.`), OUT);
      trace.unknown(
        'training',
        OUT,
        txt(
          'Ist die Ausbildung oder das Studium dem Grunde nach BAföG- oder BAB-förderfähig, oder greift eine Ausnahme (§ 7 Abs. 6 SGB II)?',
          'Is the training or study eligible in principle for BAföG or BAB, or does an exception apply (§ 7(6) SGB II)?',
        ),
      );
      return none();
    case 'job_search':
      trace.fire('benefit.jobseeker_title_excluded', txt(`${basis} – ${label.de}.`, `${basis} – ${label.en}.`), OUT);
      return none();
    case 'sgb': {
      const until = asylblgRunsUntil(f, status, trace);
      if (until !== null) {
        trace.deadline(
          'asylblg_end',
          until,
          'benefit.asylblg_until_month_end',
          txt(
            'Letzter Tag im AsylbLG. Der SGB-II-Antrag beim Jobcenter sollte vorher gestellt sein; er wirkt auf den Monatsersten zurück.',
            'Last day within the AsylbLG. The SGB II application at the Jobcenter should be filed before; it relates back to the first of the month.',
          ),
        );
        if (asOf <= until) {
          trace.fire(
            'benefit.asylblg_until_month_end',
            txt(
              `${basis} – ${label.de}: Die Anerkennung oder Erteilung fällt in diesen Monat, das AsylbLG läuft bis zum ${d(until)}.`,
              `${basis} – ${label.en}: the recognition or issuance falls in this month, the AsylbLG runs until ${until}.`,
            ),
            OUT,
          );
          trace.involve({
            kind: 'jobcenter',
            reason: 'SGB-II-Antrag und ersten Termin vor Monatsende (warme Übergabe)',
            reasonEn: 'SGB II application and first appointment before the month ends (warm handover)',
            citation: '§ 37 Abs. 2 SGB II',
          });
          return { ...asylblg(f, trace, 'sozialamt', until), asylblgEndsOn: until };
        }
      }
      trace.fire(
        'benefit.title_sgb',
        txt(`${basis} – ${label.de}${fiction.de}.`, `${basis} – ${label.en}${fiction.en}.`),
        OUT,
      );
      return { ...sgb(f, trace), asylblgEndsOn: until };
    }
  }
}
