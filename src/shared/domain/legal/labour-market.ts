/**
 * Labour-market access: none, only with the Ausländerbehörde's permission, or free. It reflects
 * residence law only (child-labour rules and the like are out of scope).
 */
import type { LabourMarketAccess } from '../../contracts/legal';
import { hasEuFreeMovement, safeCountrySince } from './countries';
import type { EvaluationTrace, Text } from './evaluation-trace';
import { isRecognition, type LegalFacts } from './legal-facts';
import { germanDate } from './legal-dates';
import type { Tri } from './person-age';
import type { ResidenceStatus } from './residence-status';
import type { LegalOutput } from './rule-catalogue';
import { periodStatus, presentNoLaterThan } from './stay-periods';

const OUT: LegalOutput[] = ['labourMarketAccess'];
const txt = (de: string, en: string): Text => ({ de, en });
const d = germanDate;

/**
 * Whether the person comes from a safe country of origin: the stated fact, else derived from the
 * nationality (Anlage II zu § 29a AsylG as of asOf); unknown without a nationality.
 */
export function safeCountryOfOrigin(f: LegalFacts, trace: EvaluationTrace, affects: LegalOutput[]): Tri {
  const stated = f.asylum?.safeCountryOfOrigin;
  if (stated !== undefined) return stated ? 'yes' : 'no';
  const nationality = f.person.nationality;
  if (nationality === null || nationality === 'XX') {
    trace.unknown(
      'asylum.safeCountryOfOrigin',
      affects,
      txt(
        'Kommt die Person aus einem sicheren Herkunftsstaat? Die Staatsangehörigkeit ist nicht bekannt.',
        'Does the person come from a safe country of origin? The nationality is not known.',
      ),
    );
    return 'unknown';
  }
  const since = safeCountrySince(nationality);
  if (since !== null && since <= f.asOf) {
    trace.fire(
      'status.safe_country_of_origin',
      txt(
        `${nationality} gilt seit ${d(since)} als sicherer Herkunftsstaat (aus der Staatsangehörigkeit abgeleitet).`,
        `${nationality} counts as a safe country of origin since ${since} (derived from the nationality).`,
      ),
      affects,
    );
    return 'yes';
  }
  return 'no';
}

/** Safe-country bans apply to applications after 31.08.2015 (Georgia, Moldova: from 30.08.2023, § 87d AsylG). */
function banApplies(f: LegalFacts, trace: EvaluationTrace): boolean {
  const cutoff = f.person.nationality === 'GE' || f.person.nationality === 'MD' ? '2023-08-30' : '2015-09-01';
  const applied = f.asylum?.appliedOn;
  if (applied === undefined) {
    trace.unknown(
      'asylum.appliedOn',
      OUT,
      txt(
        `Wann wurde der Asylantrag gestellt? Das Beschäftigungsverbot gilt für Anträge ab dem ${d(cutoff)}.`,
        `When was the asylum application filed? The employment ban applies to applications from ${cutoff}.`,
      ),
    );
    return true;
  }
  return applied >= cutoff;
}

function fromCondition(condition: 'allowed' | 'with_permission' | 'not_allowed'): LabourMarketAccess {
  return condition === 'allowed' ? 'free' : condition === 'with_permission' ? 'permission_required' : 'none';
}

const conditionText: Record<'allowed' | 'with_permission' | 'not_allowed', Text> = {
  allowed: txt('„Erwerbstätigkeit erlaubt“', '"employment allowed"'),
  with_permission: txt('„Beschäftigung nur mit Erlaubnis der Ausländerbehörde“', '"employment only with permission"'),
  not_allowed: txt('„Erwerbstätigkeit nicht gestattet“', '"employment not permitted"'),
};

/** Labour-market access on asOf. */
export function decideLabour(f: LegalFacts, status: ResidenceStatus, trace: EvaluationTrace): LabourMarketAccess {
  switch (status.kind) {
    case 'none':
      if (f.person.nationality === 'DE') {
        trace.fire('labour.german_citizen', txt('Deutsche Staatsangehörige.', 'German citizen.'), OUT);
        return 'free';
      }
      if (f.person.nationality !== null && hasEuFreeMovement(f.person.nationality)) {
        trace.fire(
          'labour.eu_free_movement',
          txt('Unionsbürger/in (Freizügigkeit).', 'EU citizen (free movement).'),
          OUT,
        );
        return 'free';
      }
      trace.fire(
        'labour.ausreisepflichtig_none',
        txt('Kein Aufenthaltstitel und keine Duldung.', 'No residence title and no Duldung.'),
        OUT,
      );
      return 'none';
    case 'eu_free_movement':
      trace.fire(
        'labour.eu_free_movement',
        txt('Freizügigkeitsberechtigt nach dem FreizügG/EU.', 'Free movement under the FreizügG/EU.'),
        OUT,
      );
      return 'free';
    case 'ankunftsnachweis':
      trace.fire('labour.ankunftsnachweis_none', txt('Ankunftsnachweis.', 'Proof of arrival.'), OUT);
      return 'none';
    case 'gestattung':
      return gestattung(f, trace);
    case 'duldung': {
      if (status.variant === 'unclear_identity') {
        trace.fire(
          'labour.duldung_unclear_identity_ban',
          txt('Duldung für Personen mit ungeklärter Identität.', 'Duldung for persons with unclear identity.'),
          OUT,
        );
        return 'none';
      }
      if (safeCountryOfOrigin(f, trace, OUT) === 'yes' && banApplies(f, trace)) {
        trace.fire(
          'labour.safe_country_ban',
          txt(
            'Geduldet und aus einem sicheren Herkunftsstaat: Beschäftigung darf nicht erlaubt werden.',
            'Tolerated and from a safe country of origin: employment must not be permitted.',
          ),
          OUT,
        );
        return 'none';
      }
      if (status.variant === 'training') {
        trace.fire(
          'labour.ausbildungsduldung',
          txt(
            'Die Ausbildung ist erlaubt; andere Beschäftigung nur mit Erlaubnis.',
            'The training is permitted; other employment only with permission.',
          ),
          OUT,
        );
      } else if (status.variant === 'employment') {
        trace.fire(
          'labour.beschaeftigungsduldung',
          txt(
            'Die Beschäftigung, für die die Duldung erteilt wurde, ist erlaubt.',
            'The employment the Duldung was granted for is permitted.',
          ),
          OUT,
        );
      } else {
        trace.fire(
          'labour.duldung_permission',
          txt(
            'Duldung: Beschäftigung nur mit Erlaubnis der Ausländerbehörde.',
            "Duldung: employment only with the Ausländerbehörde's permission.",
          ),
          OUT,
        );
      }
      involvePermission(f, trace, '§ 4a Abs. 4 AufenthG; § 32 BeschV');
      return 'permission_required';
    }
    case 'title':
      return title(f, status, trace);
  }
}

function involvePermission(f: LegalFacts, trace: EvaluationTrace, citation: string): void {
  trace.involve({
    kind: 'auslaenderbehoerde',
    reason: 'Beschäftigungserlaubnis für eine bestimmte Stelle',
    reasonEn: 'employment permit for a specific job',
    citation,
  });
  // Four years of stay: no consent of the Federal Employment Agency any more (§ 32 Abs. 2 BeschV).
  const start = f.entryDate ? { exact: f.entryDate } : { noLaterThan: presentNoLaterThan(f) };
  if (periodStatus(start, 48, f.asOf).reached !== 'yes') {
    trace.involve({
      kind: 'agentur_fuer_arbeit',
      reason: 'Zustimmung zur Beschäftigung (in den ersten vier Jahren des Aufenthalts)',
      reasonEn: 'consent to employment (in the first four years of stay)',
      citation: '§ 39 AufenthG; § 32 BeschV',
    });
  }
}

function gestattung(f: LegalFacts, trace: EvaluationTrace): LabourMarketAccess {
  const { asOf } = f;
  const decision = f.asylum?.decision;
  if (decision && isRecognition(decision.outcome)) {
    trace.fire(
      'labour.recognised_free',
      txt(
        `Vom BAMF am ${d(decision.decidedOn)} anerkannt: Erwerbstätigkeit erlaubt.`,
        `Recognised by the BAMF on ${decision.decidedOn}: employment allowed.`,
      ),
      OUT,
    );
    return 'free';
  }
  if (safeCountryOfOrigin(f, trace, OUT) === 'yes' && banApplies(f, trace)) {
    trace.fire(
      'labour.safe_country_ban',
      txt(
        'Asylantrag aus einem sicheren Herkunftsstaat: Beschäftigung darf nicht erlaubt werden.',
        'Asylum application from a safe country of origin: employment must not be permitted.',
      ),
      OUT,
    );
    return 'none';
  }
  // The permitted stay starts with the request for asylum: not before the entry, not after the
  // formal application or the document.
  const upper = presentNoLaterThan(f);
  const fromUpper = periodStatus({ noLaterThan: upper }, 3, asOf);
  const fromEntry = f.entryDate ? periodStatus({ exact: f.entryDate }, 3, asOf) : null;
  let waited: Tri = fromUpper.reached;
  if (waited === 'unknown' && fromEntry?.reached === 'no') waited = 'no';
  if (waited === 'no') {
    trace.fire(
      'labour.gestattung_waiting_period',
      txt(
        f.entryDate
          ? `Eingereist am ${d(f.entryDate)}: Die drei Monate sind am Stichtag nicht vorbei.`
          : 'Die drei Monate sind am Stichtag nicht vorbei.',
        f.entryDate
          ? `Entered on ${f.entryDate}: the three months have not passed on asOf.`
          : 'The three months have not passed on asOf.',
      ),
      OUT,
    );
    if (fromUpper.date) {
      trace.deadline(
        'employment_waiting_period_end',
        fromUpper.date,
        'labour.gestattung_waiting_period',
        txt(
          'Spätestens ab diesem Tag kann die Ausländerbehörde eine Beschäftigung erlauben.',
          'From this day at the latest the Ausländerbehörde can permit employment.',
        ),
        'no_later_than',
      );
    }
    return 'none';
  }
  if (waited === 'unknown') {
    trace.fire(
      'labour.gestattung_waiting_period',
      txt('Ob die drei Monate vorbei sind, ist nicht bekannt.', 'Whether the three months have passed is not known.'),
      OUT,
    );
    trace.unknown(
      'asylum.appliedOn',
      OUT,
      txt(
        'Seit wann ist der Aufenthalt gestattet (Asylgesuch)? In den ersten drei Monaten ist keine Beschäftigung erlaubt.',
        'Since when has the stay been permitted (request for asylum)? No employment in the first three months.',
      ),
    );
    if (fromUpper.date) {
      trace.deadline(
        'employment_waiting_period_end',
        fromUpper.date,
        'labour.gestattung_waiting_period',
        txt(
          'Spätestens ab diesem Tag kann die Ausländerbehörde eine Beschäftigung erlauben.',
          'From this day at the latest the Ausländerbehörde can permit employment.',
        ),
        'no_later_than',
      );
    }
    return 'none';
  }
  trace.fire(
    'labour.gestattung_permission',
    txt(
      'Die drei Monate Wartezeit sind vorbei: Beschäftigung mit Erlaubnis der Ausländerbehörde möglich.',
      "The three-month waiting period is over: employment possible with the Ausländerbehörde's permission.",
    ),
    OUT,
  );
  if (asOf >= '2024-02-27' && decision?.outcome !== 'rejected_manifestly_unfounded') {
    const six = periodStatus({ noLaterThan: upper }, 6, asOf);
    if (six.date) {
      trace.deadline(
        'employment_permission_entitlement',
        six.date,
        'labour.gestattung_permission',
        txt(
          'Spätestens ab diesem Tag (sechs Monate) besteht ein Anspruch auf die Beschäftigungserlaubnis.',
          'From this day at the latest (six months) there is an entitlement to the employment permit.',
        ),
        'no_later_than',
      );
    }
  }
  involvePermission(f, trace, '§ 61 AsylG; § 32 BeschV');
  return 'permission_required';
}

function title(
  f: LegalFacts,
  status: Extract<ResidenceStatus, { kind: 'title' }>,
  trace: EvaluationTrace,
): LabourMarketAccess {
  const basis = status.citation?.text ?? '';
  const label = status.traits.label;
  const statutory: LabourMarketAccess | null =
    status.traits.labour === 'free' ? 'free' : status.traits.labour === 'permission' ? 'permission_required' : null;
  const condition = f.residence.employmentCondition;
  if (condition) {
    const stated = fromCondition(condition);
    trace.fire(
      'labour.document_condition',
      txt(`Das Dokument sagt ${conditionText[condition].de}.`, `The document states ${conditionText[condition].en}.`),
      OUT,
    );
    if (statutory !== null && statutory !== stated) {
      trace.unknown(
        'residence.employmentCondition',
        OUT,
        txt(
          `Die Nebenbestimmung weicht von der gesetzlichen Regel für ${basis} ab (${statutory === 'free' ? 'Erwerbstätigkeit erlaubt' : 'Beschäftigung mit Erlaubnis'}). Bitte das Dokument prüfen.`,
          `The condition differs from the statutory rule for ${basis} (${statutory === 'free' ? 'employment allowed' : 'employment with permission'}). Please check the document.`,
        ),
      );
    }
    if (stated === 'permission_required') involvePermission(f, trace, '§ 4a Abs. 3 AufenthG');
    return stated;
  }
  if (statutory === 'free') {
    trace.fire(
      'labour.title_free',
      txt(`${basis} – ${label.de}: Erwerbstätigkeit erlaubt.`, `${basis} – ${label.en}: employment allowed.`),
      OUT,
    );
    return 'free';
  }
  if (statutory === 'permission_required') {
    trace.fire(
      'labour.title_permission',
      txt(
        `${basis} – ${label.de}: Beschäftigung nach der Nebenbestimmung, in der Regel mit Erlaubnis der Ausländerbehörde.`,
        `${basis} – ${label.en}: employment as stated in the conditions, usually with the Ausländerbehörde's permission.`,
      ),
      OUT,
    );
    trace.involve({
      kind: 'auslaenderbehoerde',
      reason: 'Beschäftigungserlaubnis (Nebenbestimmung)',
      reasonEn: 'employment permit (condition)',
      citation: '§ 4a Abs. 1 AufenthG; § 31 BeschV',
    });
    return 'permission_required';
  }
  trace.fire(
    'labour.title_as_stated',
    txt(
      `${basis} – ${label.de}: Erlaubt ist die Erwerbstätigkeit, die der Titel nennt; jede andere nur mit Erlaubnis.`,
      `${basis} – ${label.en}: the employment named on the title is allowed; any other only with permission.`,
    ),
    OUT,
  );
  trace.unknown(
    'residence.employmentCondition',
    OUT,
    txt(
      'Was sagt die Nebenbestimmung des Titels zur Erwerbstätigkeit?',
      "What does the title's condition say about employment?",
    ),
  );
  return 'permission_required';
}
