import { domainHasText, normaliseText, type AssessmentContent } from './assessment-content';
import { lifeDomainKeys, lifeDomainLabels } from './life-domains';

/** A reason why a version cannot be completed yet, for one field (the server's FieldError shape). */
export type CompletionProblem = { path: string; message: { de: string; en: string } };

/**
 * The completion rule in words, for the form's help text. It is the documentation of
 * `completionProblems`; keep both in step.
 */
export const completionRuleExplanation = {
  de:
    'Eine Version kann abgeschlossen werden, wenn (1) jeder Lebensbereich mindestens die Einschätzung der ' +
    'Fachkraft zu Stärken und Ressourcen enthält oder ausdrücklich als „nicht erhoben“ markiert ist – die ' +
    'Einschätzung beginnt ressourcenorientiert bei den Stärken, und ein Bereich, der nicht besprochen wurde, ' +
    'wird bewusst gekennzeichnet statt stillschweigend leer zu bleiben; (2) ein als „nicht erhoben“ markierter ' +
    'Bereich keine Texte und keine Dringlichkeit enthält, damit aus der Vorversion übernommene Angaben nicht ' +
    'als aktuell erscheinen; (3) eine Dringlichkeit nur dort vergeben ist, wo Bedarfe oder Hindernisse ' +
    'beschrieben sind; (4) mindestens ein Lebensbereich eingeschätzt ist und (5) eine Potenzialanalyse als ' +
    'kurze Gesamteinschätzung geschrieben ist. Die Sicht der Person in eigenen Worten ist erwünscht, aber ' +
    'keine Pflicht: Niemand muss sich zu jedem Lebensbereich äußern. Abgeschlossene Versionen sind ' +
    'unveränderlich; Änderungen gehören in eine neue Version.',
  en:
    'A version can be completed when (1) every life domain holds at least the caseworker’s view of strengths ' +
    'and resources or is explicitly marked "not assessed"; (2) a domain marked "not assessed" holds no text and ' +
    'no urgency, so that content taken over from the previous version does not look current; (3) an urgency is ' +
    'given only where needs or barriers are described; (4) at least one domain is assessed; and (5) a potential ' +
    'analysis is written as a short overall assessment. The person’s own view is welcome but not required: ' +
    'nobody has to speak about every domain. Completed versions are immutable; changes go into a new version.',
} as const;

/**
 * Everything that keeps an assessment version from being completed, field by field, in form
 * order; empty when it may be completed. See `completionRuleExplanation` for the reasons.
 * Paths name the field in the assessment body, e.g. `domains.health.strengths.caseworkerView`.
 */
export function completionProblems(content: AssessmentContent): CompletionProblem[] {
  const problems: CompletionProblem[] = [];
  let assessed = 0;
  for (const key of lifeDomainKeys) {
    const domain = content.domains[key];
    const label = lifeDomainLabels[key];
    if (domain.notAssessed) {
      if (domainHasText(domain) || domain.urgency !== null) {
        problems.push({
          path: `domains.${key}.notAssessed`,
          message: {
            de: `${label.de} ist als „nicht erhoben“ markiert, enthält aber Angaben. Bitte die Angaben entfernen oder die Markierung aufheben.`,
            en: `${label.en} is marked "not assessed" but holds entries. Please remove the entries or clear the mark.`,
          },
        });
      }
      continue;
    }
    assessed += 1;
    if (normaliseText(domain.strengths.caseworkerView) === null) {
      problems.push({
        path: `domains.${key}.strengths.caseworkerView`,
        message: {
          de: `${label.de}: Bitte Stärken und Ressourcen aus Sicht der Fachkraft beschreiben oder den Bereich als „nicht erhoben“ markieren.`,
          en: `${label.en}: Please describe strengths and resources from the caseworker’s view or mark the domain "not assessed".`,
        },
      });
    }
    const needsDescribed =
      normaliseText(domain.needs.personView) !== null || normaliseText(domain.needs.caseworkerView) !== null;
    if (domain.urgency !== null && !needsDescribed) {
      problems.push({
        path: `domains.${key}.urgency`,
        message: {
          de: `${label.de}: Die Dringlichkeit bewertet Bedarfe und Hindernisse. Bitte diese beschreiben oder die Dringlichkeit entfernen.`,
          en: `${label.en}: The urgency rates needs and barriers. Please describe them or remove the urgency.`,
        },
      });
    }
  }
  if (assessed === 0) {
    problems.push({
      path: 'domains',
      message: {
        de: 'Mindestens ein Lebensbereich muss eingeschätzt sein.',
        en: 'At least one life domain must be assessed.',
      },
    });
  }
  if (normaliseText(content.potentialAnalysis) === null) {
    problems.push({
      path: 'potentialAnalysis',
      message: {
        de: 'Bitte die Potenzialanalyse als kurze Gesamteinschätzung schreiben.',
        en: 'Please write the potential analysis as a short overall assessment.',
      },
    });
  }
  return problems;
}
