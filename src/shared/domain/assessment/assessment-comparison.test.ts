import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDomains, type AssessmentContent, type DomainAssessment } from './assessment-content';
import { compareAssessments, type ChangeKind } from './assessment-comparison';
import { lifeDomainKeys, urgencyLevels } from './life-domains';

function version(patch: (c: AssessmentContent) => void = () => undefined): AssessmentContent {
  const c: AssessmentContent = { domains: emptyDomains(), potentialAnalysis: 'Motiviert, gute Sprachkenntnisse.' };
  c.domains.language.strengths.personView = 'Ich spreche Arabisch und Französisch.';
  c.domains.language.strengths.caseworkerView = 'Deutsch A2, Kurs B1 läuft.';
  c.domains.housing.needs.caseworkerView = 'Wohnung zu klein für fünf Personen.';
  c.domains.housing.urgency = 'medium';
  patch(c);
  return c;
}

describe('compareAssessments', () => {
  it('finds no difference between equal versions, and none for white space only', () => {
    const result = compareAssessments(
      version(),
      version((c) => {
        c.domains.language.strengths.caseworkerView = '  Deutsch A2, Kurs B1 läuft.\r\n';
        c.domains.work.needs.personView = '   ';
      }),
    );
    expect(result.changedDomains).toEqual([]);
    expect(result.potentialAnalysis).toBeNull();
    expect(result.domains.map((d) => d.key)).toEqual([...lifeDomainKeys]);
    expect(result.domains.every((d) => !d.changed && d.texts.length === 0)).toBe(true);
  });

  it('reports added, removed and changed text per domain and field, in form order', () => {
    const result = compareAssessments(
      version(),
      version((c) => {
        c.domains.language.strengths.caseworkerView = 'Deutsch B1 bestanden.';
        c.domains.language.strengths.personView = null;
        c.domains.language.needs.personView = 'Ich möchte einen Berufssprachkurs.';
      }),
    );
    expect(result.changedDomains).toEqual(['language']);
    const language = result.domains.find((d) => d.key === 'language')!;
    expect(language).toEqual({
      key: 'language',
      changed: true,
      texts: [
        {
          field: 'strengths.personView',
          change: 'removed',
          before: 'Ich spreche Arabisch und Französisch.',
          after: null,
        },
        {
          field: 'strengths.caseworkerView',
          change: 'changed',
          before: 'Deutsch A2, Kurs B1 läuft.',
          after: 'Deutsch B1 bestanden.',
        },
        { field: 'needs.personView', change: 'added', before: null, after: 'Ich möchte einen Berufssprachkurs.' },
      ],
      notAssessed: null,
      urgency: null,
    });
  });

  it('reports the not-assessed mark, the urgency and the potential analysis', () => {
    const result = compareAssessments(
      version(),
      version((c) => {
        c.domains.housing.urgency = 'high';
        c.domains.health.urgency = 'low';
        c.domains.residence_status.notAssessed = true;
        c.potentialAnalysis = 'Ausbildung als Elektriker realistisch.';
      }),
    );
    expect(result.changedDomains).toEqual(['health', 'housing', 'residence_status']);
    const byKey = new Map(result.domains.map((d) => [d.key, d]));
    expect(byKey.get('housing')!.urgency).toEqual({ change: 'changed', before: 'medium', after: 'high' });
    expect(byKey.get('health')!.urgency).toEqual({ change: 'added', before: null, after: 'low' });
    expect(byKey.get('residence_status')!.notAssessed).toEqual({ before: false, after: true });
    expect(byKey.get('residence_status')!.texts).toEqual([]);
    expect(result.potentialAnalysis).toEqual({
      change: 'changed',
      before: 'Motiviert, gute Sprachkenntnisse.',
      after: 'Ausbildung als Elektriker realistisch.',
    });
    expect(
      compareAssessments(
        version((c) => (c.potentialAnalysis = null)),
        version(),
      ).potentialAnalysis?.change,
    ).toBe('added');
  });

  it('does not change its inputs', () => {
    const a = version();
    const b = version((c) => (c.domains.work.strengths.caseworkerView = 'neu'));
    const snapshot = JSON.stringify([a, b]);
    compareAssessments(a, b);
    expect(JSON.stringify([a, b])).toBe(snapshot);
  });

  describe('properties', () => {
    const text = fc.option(fc.constantFrom('', ' ', 'A', 'A ', 'B', 'Deutsch B1', 'Schulden\r\nbei Vermieter'), {
      nil: null,
    });
    const domain: fc.Arbitrary<DomainAssessment> = fc.record({
      strengths: fc.record({ personView: text, caseworkerView: text }),
      needs: fc.record({ personView: text, caseworkerView: text }),
      notAssessed: fc.boolean(),
      urgency: fc.option(fc.constantFrom(...urgencyLevels), { nil: null }),
    });
    const content: fc.Arbitrary<AssessmentContent> = fc.record({
      domains: fc.record(
        Object.fromEntries(lifeDomainKeys.map((k) => [k, domain])) as Record<
          (typeof lifeDomainKeys)[number],
          fc.Arbitrary<DomainAssessment>
        >,
      ),
      potentialAnalysis: text,
    });
    const mirror: Record<ChangeKind, ChangeKind> = { added: 'removed', removed: 'added', changed: 'changed' };

    it('a version compared with itself has no differences', () => {
      fc.assert(
        fc.property(content, (c) => {
          const r = compareAssessments(c, structuredClone(c));
          return r.changedDomains.length === 0 && r.potentialAnalysis === null;
        }),
      );
    });

    it('comparing the other way round mirrors every difference', () => {
      fc.assert(
        fc.property(content, content, (a, b) => {
          const ab = compareAssessments(a, b);
          const ba = compareAssessments(b, a);
          expect(ba.changedDomains).toEqual(ab.changedDomains);
          ab.domains.forEach((d, i) => {
            const r = ba.domains[i]!;
            expect(r.texts).toEqual(
              d.texts.map((t) => ({ field: t.field, change: mirror[t.change], before: t.after, after: t.before })),
            );
            expect(r.urgency).toEqual(
              d.urgency && { change: mirror[d.urgency.change], before: d.urgency.after, after: d.urgency.before },
            );
          });
        }),
      );
    });
  });
});
