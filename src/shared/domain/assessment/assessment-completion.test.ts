import { describe, expect, it } from 'vitest';
import { emptyDomains, type AssessmentContent } from './assessment-content';
import { completionProblems } from './assessment-completion';
import { lifeDomainKeys } from './life-domains';

/** Every domain assessed with the caseworker's view of strengths, and a potential analysis. */
function complete(): AssessmentContent {
  const domains = emptyDomains();
  for (const key of lifeDomainKeys) domains[key].strengths.caseworkerView = `Ressourcen im Bereich ${key}.`;
  return { domains, potentialAnalysis: 'Hohe Motivation, Sprachkurs B1 als nächster Schritt.' };
}
const paths = (content: AssessmentContent) => completionProblems(content).map((p) => p.path);

describe('completionProblems', () => {
  it('accepts a version in which every domain has the caseworker’s view of strengths and the analysis is written', () => {
    expect(completionProblems(complete())).toEqual([]);
  });

  it('accepts a domain explicitly marked not assessed instead of strengths; the person’s view is optional', () => {
    const c = complete();
    c.domains.residence_status = { ...emptyDomains().residence_status, notAssessed: true };
    c.domains.health.strengths.personView = null;
    expect(completionProblems(c)).toEqual([]);
  });

  it('names each domain without strengths from the caseworker, in list order, even when the person spoke', () => {
    const c = complete();
    c.domains.health.strengths.caseworkerView = '   ';
    c.domains.health.strengths.personView = 'Ich bin gesund.';
    c.domains.language.strengths.caseworkerView = null;
    const problems = completionProblems(c);
    expect(problems.map((p) => p.path)).toEqual([
      'domains.language.strengths.caseworkerView',
      'domains.health.strengths.caseworkerView',
    ]);
    expect(problems[1]!.message.de).toBe(
      'Gesundheit: Bitte Stärken und Ressourcen aus Sicht der Fachkraft beschreiben oder den Bereich als „nicht erhoben“ markieren.',
    );
    expect(problems[1]!.message.en).toMatch(/^Health: /);
  });

  it('refuses a domain marked not assessed that still holds text or an urgency', () => {
    const c = complete();
    c.domains.finances_debts.notAssessed = true; // its strengths text is still there
    c.domains.housing = { ...emptyDomains().housing, notAssessed: true, urgency: 'low' };
    expect(paths(c)).toEqual(['domains.housing.notAssessed', 'domains.finances_debts.notAssessed']);
  });

  it('allows an urgency only where needs or barriers are described', () => {
    const c = complete();
    c.domains.work.urgency = 'high';
    expect(paths(c)).toEqual(['domains.work.urgency']);
    c.domains.work.needs.personView = 'Ich finde keine Arbeit ohne anerkannten Abschluss.';
    expect(paths(c)).toEqual([]);
    c.domains.work.needs = { personView: null, caseworkerView: 'Anerkennung des Abschlusses fehlt.' };
    expect(paths(c)).toEqual([]);
  });

  it('needs at least one assessed domain and a potential analysis', () => {
    const domains = emptyDomains();
    for (const key of lifeDomainKeys) domains[key].notAssessed = true;
    expect(paths({ domains, potentialAnalysis: ' \n ' })).toEqual(['domains', 'potentialAnalysis']);
    expect(paths({ ...complete(), potentialAnalysis: null })).toEqual(['potentialAnalysis']);
  });

  it('reports every problem of an empty draft at once', () => {
    const problems = completionProblems({ domains: emptyDomains(), potentialAnalysis: null });
    expect(problems).toHaveLength(lifeDomainKeys.length + 1);
    expect(problems.at(-1)!.path).toBe('potentialAnalysis');
  });
});
