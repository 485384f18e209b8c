/**
 * The scenario suite in the OpenFisca style: data files of input facts and expected outputs, each
 * citing its source norm (scenarios/*.json). Every input goes through the API contract first, so
 * the suite tests parsing, fact checks and rules together.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalEvaluationRequestSchema, type LegalEvaluation } from '../../contracts/legal';
import { evaluateOrExplain } from './evaluate-legal-domain';
import { factsFromRequest } from './legal-facts';
import { legalRules, ruleById, ruleInForce } from './rule-catalogue';

type Expected = {
  benefitSystem?: string;
  responsibleAgencyKind?: string;
  labourMarketAccess?: string;
  integrationCourse?: string;
  residenceObligation?: { applies: boolean; until?: string; since?: string; kind?: string; municipality?: string };
  deadlines?: { kind: string; date: string; precision?: string }[];
  absentDeadlines?: string[];
  firedRules?: string[];
  unknowns?: string[];
  certain?: string[];
  provisional?: string[];
  exceptions?: string[];
};
type Scenario = {
  id: string;
  source: string;
  row?: number;
  household?: string;
  input: unknown;
  expected?: Expected;
  expectedErrors?: string[];
};

const dir = path.join(import.meta.dirname, 'scenarios');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
const scenarios: (Scenario & { file: string })[] = files.flatMap((file) =>
  (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { scenarios: Scenario[] }).scenarios.map((s) => ({
    ...s,
    file,
  })),
);

type Outcome = { evaluation?: LegalEvaluation; errors?: string[] };

function run(input: unknown): Outcome {
  const parsed = legalEvaluationRequestSchema.safeParse(input);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => i.path.join('.')) };
  const result = evaluateOrExplain(factsFromRequest(parsed.data));
  return result.ok ? { evaluation: result.evaluation } : { errors: result.problems.map((p) => p.path) };
}

const outcomes = new Map(scenarios.map((s) => [s.id, run(s.input)]));

describe('legal scenario suite', () => {
  it('has at least 60 scenarios with unique ids, each citing a source', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(60);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(s.source.trim().length, s.id).toBeGreaterThan(3);
  });

  it('covers every row of the status table (domain.md §3.2, rows 1–26)', () => {
    const rows = new Set(scenarios.map((s) => s.row).filter((r) => r !== undefined));
    for (let row = 1; row <= 26; row += 1) expect(rows.has(row), `row ${row}`).toBe(true);
  });

  it('covers households with mixed status', () => {
    const byHousehold = new Map<string, Set<string>>();
    for (const s of scenarios) {
      if (!s.household) continue;
      const systems = byHousehold.get(s.household) ?? new Set<string>();
      systems.add(outcomes.get(s.id)?.evaluation?.benefitSystem ?? 'error');
      byHousehold.set(s.household, systems);
    }
    expect([...byHousehold.values()].filter((systems) => systems.size > 1).length).toBeGreaterThanOrEqual(2);
  });

  it('fires every rule of the catalogue in at least one scenario', () => {
    const fired = new Set<string>();
    for (const o of outcomes.values()) for (const r of o.evaluation?.firedRules ?? []) fired.add(r.id);
    const never = legalRules.map((r) => r.id).filter((id) => !fired.has(id));
    expect(never).toEqual([]);
  });

  for (const s of scenarios) {
    it(`${s.file} › ${s.id}`, () => {
      const outcome = outcomes.get(s.id)!;
      if (s.expectedErrors) {
        expect(outcome.evaluation, 'expected a refusal').toBeUndefined();
        for (const p of s.expectedErrors) expect(outcome.errors, `error at ${p}`).toContain(p);
        return;
      }
      expect(outcome.errors, 'unexpected refusal').toBeUndefined();
      const e = outcome.evaluation!;
      const x = s.expected!;
      for (const key of [
        'benefitSystem',
        'responsibleAgencyKind',
        'labourMarketAccess',
        'integrationCourse',
      ] as const) {
        if (x[key] !== undefined) expect(e[key], key).toBe(x[key]);
      }
      if (x.residenceObligation) {
        const ro = e.residenceObligation;
        expect(ro.applies, 'residenceObligation.applies').toBe(x.residenceObligation.applies);
        for (const key of ['until', 'since', 'kind', 'municipality'] as const) {
          if (x.residenceObligation[key] !== undefined)
            expect(ro[key], `residenceObligation.${key}`).toBe(x.residenceObligation[key]);
        }
      }
      for (const d of x.deadlines ?? []) {
        const found = e.deadlines.find((y) => y.kind === d.kind && y.date === d.date);
        expect(
          found,
          `deadline ${d.kind} ${d.date} in ${JSON.stringify(e.deadlines.map((y) => [y.kind, y.date]))}`,
        ).toBeDefined();
        if (d.precision) expect(found!.precision, `precision of ${d.kind}`).toBe(d.precision);
      }
      for (const kind of x.absentDeadlines ?? []) {
        expect(
          e.deadlines.map((y) => y.kind),
          `no deadline ${kind}`,
        ).not.toContain(kind);
      }
      const firedIds = e.firedRules.map((r) => r.id);
      for (const id of x.firedRules ?? []) expect(firedIds, `fired ${id}`).toContain(id);
      const unknownFacts = e.unknowns.map((u) => u.fact);
      for (const fact of x.unknowns ?? []) expect(unknownFacts, `unknown ${fact}`).toContain(fact);
      for (const o of x.certain ?? [])
        expect(e.certainty[o as keyof typeof e.certainty], `${o} certain`).toBe('certain');
      for (const o of x.provisional ?? []) {
        expect(e.certainty[o as keyof typeof e.certainty], `${o} provisional`).toBe('provisional');
      }
      for (const kind of x.exceptions ?? []) {
        expect(e.residenceObligation.exceptions.map((ex) => ex.kind)).toContain(kind);
      }
    });
  }
});

describe('invariants over every evaluated scenario', () => {
  const evaluated = [...outcomes.entries()].filter(([, o]) => o.evaluation !== undefined);

  it('every fired rule is in force on asOf, cites its norm and explains itself in German and English', () => {
    for (const [id, o] of evaluated) {
      const e = o.evaluation!;
      for (const r of e.firedRules) {
        expect(ruleInForce(ruleById(r.id), e.asOf), `${id}: ${r.id}`).toBe(true);
        expect(r.citation.length, `${id}: ${r.id}`).toBeGreaterThan(0);
        expect(r.explanation.length, `${id}: ${r.id}`).toBeGreaterThan(10);
        expect(r.explanationEn.length, `${id}: ${r.id}`).toBeGreaterThan(10);
      }
    }
  });

  it('deadlines lie on or after asOf, are sorted and cite a norm', () => {
    for (const [id, o] of evaluated) {
      const e = o.evaluation!;
      const dates = e.deadlines.map((d) => d.date);
      expect(dates, id).toEqual([...dates].sort());
      for (const d of e.deadlines) {
        expect(d.date >= e.asOf, `${id}: ${d.kind}`).toBe(true);
        expect(d.citation.length).toBeGreaterThan(0);
      }
    }
  });

  it('an output affected by an unknown fact is never presented as certain', () => {
    for (const [id, o] of evaluated) {
      const e = o.evaluation!;
      for (const u of e.unknowns) {
        for (const output of u.affects) expect(e.certainty[output], `${id}: ${u.fact} → ${output}`).toBe('provisional');
      }
    }
  });

  it('results decided by a planned (unconfirmed) rule are provisional', () => {
    for (const [id, o] of evaluated) {
      const e = o.evaluation!;
      for (const r of e.firedRules.filter((f) => f.verification === 'planned')) {
        for (const output of r.decides) expect(e.certainty[output], `${id}: ${r.id}`).toBe('provisional');
      }
    }
  });

  it('the agency follows from the benefit system', () => {
    const agencyOf: Record<string, string[]> = {
      asylblg_basic: ['sozialamt', 'land_reception_facility'],
      asylblg_analog: ['sozialamt', 'land_reception_facility'],
      sgb2: ['jobcenter'],
      sgb12: ['sozialamt'],
      sgb8: ['jugendamt'],
      none: ['none'],
    };
    for (const [id, o] of evaluated) {
      const e = o.evaluation!;
      expect(agencyOf[e.benefitSystem], id).toContain(e.responsibleAgencyKind);
    }
  });

  it('always carries the notice that this is no decision', () => {
    for (const [, o] of evaluated)
      expect(o.evaluation!.notice).toBe('Hinweis – keine Entscheidung: Die Sachbearbeitung prüft und bestätigt.');
  });
});

describe('documentation', () => {
  it('docs/legal-rules.md documents every rule id', () => {
    const doc = fs.readFileSync(path.join(import.meta.dirname, '../../../../docs/legal-rules.md'), 'utf8');
    const missing = legalRules.map((r) => r.id).filter((id) => !doc.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
